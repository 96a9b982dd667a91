/**
 * Keeps the app's Dexie tables and a sync space's shared document (a Y.Doc) in step, both ways.
 *
 * - Local changes: Dexie's `storagemutated` event names the rows a write touched (in this tab or
 *   another); the engine compares those rows with the shared document and writes what differs.
 *   A row the shared document has and Dexie no longer has was deleted here; a review row that is
 *   gone from a card's log was taken back, and becomes an entry in `undone` (the log itself is
 *   never rewritten). On start every table is compared, which also catches what changed while
 *   the engine was not running.
 * - Remote changes: the keys a remote transaction changed are collected and written to Dexie in
 *   one transaction, checked first (see shape.ts). Review rows are merged as a set keyed by
 *   `${cardId}@${review}`, and every card whose log changed has its schedule rebuilt from the
 *   merged log with ts-fsrs (`replay`): deterministic, so every device reaches the same state.
 *
 * Crash safety: a remote update is stored on this device (store.ts) only after its rows are in
 * Dexie, and a local one only after it was made from Dexie's rows. Whatever a crash interrupts,
 * the next start's comparison finds the same difference again and repairs it, without taking a
 * missing row for a deletion that did not happen.
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import * as Y from 'yjs';
import type { FactdeckDB } from '$lib/db/database';
import { withSharedWeights } from '$lib/db/log';
import type { CardRecord, LogRecord, ReviewRow } from '$lib/db/records';
import { scheduleOf } from '$lib/db/study';
import { rw } from '$lib/db/tx';
import { newSchedule, replay, type Schedule } from '$lib/srs';
import {
	articleFromShared,
	canonical,
	cardContentKey,
	cardFromShared,
	cardOfRowId,
	cardToShared,
	maps,
	questionFromShared,
	rowFromShared,
	rowId,
	rowToShared,
	settingFromShared,
	SYNCED_SETTINGS,
	type MapName
} from './shape';
import type { SyncStore } from './store';

/** Origin of the engine's own writes to the shared document. */
export const LOCAL_ORIGIN = 'factdeck-local';
const LOAD_ORIGIN = 'factdeck-load';

const TABLES = ['articles', 'questions', 'cards', 'logs', 'settings'] as const;
type TableName = (typeof TABLES)[number];

/** Shared-document writes per transaction: keeps each update message a moderate size. */
const CHUNK = 5000;

/** Keys past which reading the whole table at once may beat one read per key. */
const MANY_KEYS = 500;

/**
 * The rows of `keys`, in their order. IndexedDB answers one request per key; for thousands of
 * keys (a first sync) one read of the whole table is several times faster, so it is used when
 * the keys are at least a quarter of the table.
 */
/** The part of a Dexie table the engine reads through. */
interface Readable<T> {
	count(): Promise<number>;
	bulkGet(keys: string[]): Promise<(T | undefined)[]>;
	toArray(): Promise<T[]>;
	toCollection(): { primaryKeys(): Promise<unknown[]> };
}

async function readRows<T>(
	table: Readable<T>,
	keys: readonly string[],
	keyOf: (row: T) => string
): Promise<(T | undefined)[]> {
	if (keys.length < MANY_KEYS || (await table.count()) > keys.length * 4) {
		return table.bulkGet([...keys]);
	}
	const byKey = new Map<string, T>();
	for (const row of await table.toArray()) byKey.set(keyOf(row), row);
	return keys.map((key) => byKey.get(key));
}

interface Dirty {
	full: Set<TableName>;
	keys: Record<TableName, Set<string>>;
}

function emptyDirty(): Dirty {
	return {
		full: new Set(),
		keys: {
			articles: new Set(),
			questions: new Set(),
			cards: new Set(),
			logs: new Set(),
			settings: new Set()
		}
	};
}

type Pending = Record<MapName, Set<string>>;

function emptyPending(): Pending {
	return {
		articles: new Set(),
		questions: new Set(),
		cards: new Set(),
		log: new Set(),
		undone: new Set(),
		settings: new Set()
	};
}

function isEmpty(p: Pending | Dirty): boolean {
	if ('full' in p) return p.full.size === 0 && Object.values(p.keys).every((s) => s.size === 0);
	return Object.values(p).every((s) => s.size === 0);
}

/**
 * On a first merge: whether this device's version of a row beats the space's (it differs and
 * is newer). The space's version wins a tie, so two devices never both keep their own.
 */
function keepLocal<T>(
	local: T,
	shared: T,
	stamp: (row: T) => number,
	content: (row: T) => string
): boolean {
	return stamp(local) > stamp(shared) && content(local) !== content(shared);
}

interface RangeNode {
	from: unknown;
	to: unknown;
	l?: RangeNode | null;
	r?: RangeNode | null;
}

/**
 * The ranges of a mutated-parts set. It is an interval tree; the event carries it as a plain
 * object (it may have crossed from another tab), so it is walked here rather than iterated.
 */
function rangeNodes(tree: unknown): RangeNode[] {
	const out: RangeNode[] = [];
	const stack: unknown[] = [tree];
	while (stack.length > 0) {
		const node = stack.pop();
		if (!node || typeof node !== 'object' || !('from' in node)) continue;
		const n = node as RangeNode;
		out.push(n);
		stack.push(n.l, n.r);
	}
	return out;
}

export interface EngineOptions {
	/** The clock for undo entries (tests pin it). */
	now?: () => number;
	/** Milliseconds to gather local changes before comparing them (default 30). */
	delayMs?: number;
}

export type EngineListener = () => void;

export class SyncEngine {
	readonly doc: Y.Doc;
	readonly #db: FactdeckDB;
	readonly #store: SyncStore;
	readonly #maps: ReturnType<typeof maps>;
	readonly #names = new Map<unknown, MapName>();
	readonly #now: () => number;
	readonly #delayMs: number;
	readonly #listeners = new Set<EngineListener>();
	/** Shared log ids by card, for finding a card's rows without scanning the log. */
	readonly #rowsByCard = new Map<string, Set<string>>();
	#pending = emptyPending();
	#remoteUpdates: Uint8Array[] = [];
	#localUpdates: Uint8Array[] = [];
	#dirty = emptyDirty();
	#timer: ReturnType<typeof setTimeout> | undefined;
	#running: Promise<void> | undefined;
	#stopped = false;
	#error: unknown = null;
	#joined = false;
	#joining = false;
	/** Keys the engine is writing to Dexie right now (see `#onMutated`). */
	#own: Dirty['keys'] | null = null;
	/** Shared entries that failed their check: never taken for deletions or undos here. */
	readonly #refused = new Set<string>();
	/** Entries from the shared document that failed their check and were skipped. */
	rejected = 0;

	constructor(db: FactdeckDB, store: SyncStore, doc = new Y.Doc(), options: EngineOptions = {}) {
		this.#db = db;
		this.#store = store;
		this.doc = doc;
		this.#maps = maps(doc);
		for (const [name, map] of Object.entries(this.#maps)) {
			this.#names.set(map, name as MapName);
		}
		this.#now = options.now ?? Date.now;
		this.#delayMs = options.delayMs ?? 30;
	}

	/** True while changes wait to be written on either side. */
	get busy(): boolean {
		return (
			this.#running !== undefined ||
			this.#timer !== undefined ||
			!isEmpty(this.#pending) ||
			!isEmpty(this.#dirty)
		);
	}

	/** The last failure to write, or null once a later pass succeeded. */
	get error(): unknown {
		return this.#error;
	}

	/** Calls `listener` whenever `busy` or `error` may have changed. */
	subscribe(listener: EngineListener): () => void {
		this.#listeners.add(listener);
		return () => this.#listeners.delete(listener);
	}

	#emit(): void {
		for (const listener of this.#listeners) listener();
	}

	/**
	 * Loads this device's copy of the space and compares every table once. A device that has no
	 * copy yet (it is joining) sends nothing until `join` is called with the server's state in.
	 */
	async start(): Promise<void> {
		const stored = await this.#store.load();
		if (stored.length > 0) Y.applyUpdate(this.doc, Y.mergeUpdates(stored), LOAD_ORIGIN);
		this.#joined = stored.length > 0;
		for (const id of this.#maps.log.keys()) this.#index(id);
		this.doc.on('update', this.#onUpdate);
		this.doc.on('afterTransaction', this.#onTransaction);
		Dexie.on('storagemutated', this.#onMutated);
		for (const table of TABLES) this.#dirty.full.add(table);
		await this.flush();
	}

	/** Whether this device has merged with the space once (see `join`). */
	get joined(): boolean {
		return this.#joined;
	}

	/**
	 * The first merge of this device's data with the space, once the server's state has arrived.
	 * With no common history, a row both sides have in different versions is settled by its
	 * timestamp (the newer edit wins, the space's on a tie); review rows are simply united.
	 */
	async join(): Promise<void> {
		if (this.#joined) return;
		this.#joining = true;
		try {
			for (const table of TABLES) this.#dirty.full.add(table);
			await this.flush();
			this.#joined = true;
		} finally {
			this.#joining = false;
			this.#emit();
		}
	}

	/** Stops listening; waits for a pass in progress. */
	async stop(): Promise<void> {
		this.#stopped = true;
		Dexie.on('storagemutated').unsubscribe(this.#onMutated);
		this.doc.off('update', this.#onUpdate);
		this.doc.off('afterTransaction', this.#onTransaction);
		clearTimeout(this.#timer);
		this.#timer = undefined;
		await this.#running?.catch(() => undefined);
	}

	/** Runs passes until nothing is left to write. Rejects with the failure of a pass. */
	async flush(): Promise<void> {
		clearTimeout(this.#timer);
		this.#timer = undefined;
		while (this.#running) await this.#running.catch(() => undefined);
		if (this.#stopped) return;
		this.#running = this.#passes();
		this.#emit();
		try {
			await this.#running;
			this.#error = null;
		} catch (e) {
			this.#error = e;
			throw e;
		} finally {
			this.#running = undefined;
			this.#emit();
		}
	}

	#schedule(): void {
		if (this.#stopped || this.#timer !== undefined) return;
		this.#timer = setTimeout(() => {
			this.#timer = undefined;
			// A failure is kept in `error` for the status; the next change tries again.
			this.flush().catch(() => undefined);
		}, this.#delayMs);
		this.#emit();
	}

	#index(id: string): void {
		const card = cardOfRowId(id);
		let set = this.#rowsByCard.get(card);
		if (!set) this.#rowsByCard.set(card, (set = new Set()));
		set.add(id);
	}

	readonly #onUpdate = (update: Uint8Array, origin: unknown): void => {
		if (origin === LOAD_ORIGIN) return;
		if (origin === LOCAL_ORIGIN) this.#localUpdates.push(update);
		else this.#remoteUpdates.push(update);
	};

	readonly #onTransaction = (tr: Y.Transaction): void => {
		const remote = tr.origin !== LOCAL_ORIGIN && tr.origin !== LOAD_ORIGIN;
		let any = false;
		for (const [type, keys] of tr.changed) {
			const name = this.#names.get(type);
			if (!name) continue;
			for (const key of keys) {
				if (key === null) continue;
				if (name === 'log' && this.#maps.log.has(key)) this.#index(key);
				if (remote) {
					this.#pending[name].add(key);
					any = true;
				}
			}
		}
		if (any) this.#schedule();
	};

	readonly #onMutated = (parts: ObservabilitySet): void => {
		let any = false;
		for (const table of TABLES) {
			const set = parts[`idb://${this.#db.name}/${table}/`];
			if (!set) continue;
			for (const node of rangeNodes(set)) {
				if (node.from === node.to && typeof node.from === 'string') {
					// The engine's own writes from the shared document need no comparing back.
					if (this.#own?.[table].has(node.from)) continue;
					this.#dirty.keys[table].add(node.from);
				} else {
					this.#dirty.full.add(table);
				}
				any = true;
			}
		}
		if (any) this.#schedule();
	};

	async #passes(): Promise<void> {
		for (let round = 0; round < 100 && !this.#stopped; round++) {
			// Before its first merge (`join`), a device takes nothing in and sends nothing out.
			if (!this.#joined && !this.#joining) break;
			const pending = this.#pending;
			const remote = this.#remoteUpdates;
			let settled = emptyDirty().keys;
			if (!isEmpty(pending)) {
				this.#pending = emptyPending();
				this.#remoteUpdates = [];
				try {
					settled = await this.#apply(pending);
				} catch (e) {
					// Keep them for the next pass: nothing from them was stored.
					for (const name of Object.keys(pending) as MapName[]) {
						for (const key of pending[name]) this.#pending[name].add(key);
					}
					this.#remoteUpdates.unshift(...remote);
					throw e;
				}
				await this.#store.append(remote);
			} else if (remote.length > 0) {
				this.#remoteUpdates = [];
				await this.#store.append(remote);
			}
			const dirty = this.#dirty;
			if (!isEmpty(dirty)) {
				this.#dirty = emptyDirty();
				try {
					await this.#push(dirty, settled);
				} catch (e) {
					for (const t of dirty.full) this.#dirty.full.add(t);
					for (const t of TABLES) for (const k of dirty.keys[t]) this.#dirty.keys[t].add(k);
					throw e;
				}
			}
			const local = this.#localUpdates;
			this.#localUpdates = [];
			await this.#store.append(local);
			if (isEmpty(this.#pending) && isEmpty(this.#dirty)) break;
		}
		if (await this.#store.wantsCompaction()) await this.#compact();
	}

	async #compact(): Promise<void> {
		const stored = await this.#store.load();
		await this.#store.replace(Y.mergeUpdates(stored), stored.length);
	}

	/**
	 * Writes the shared document's changed entries into Dexie, in one transaction. Returns the
	 * rows it left equal to the shared document (see `#push`).
	 */
	async #apply(pending: Pending): Promise<Dirty['keys']> {
		const db = this.#db;
		const m = this.#maps;
		const logCards = new Map<string, Set<string>>();
		for (const id of [...pending.log, ...pending.undone]) {
			const card = cardOfRowId(id);
			let set = logCards.get(card);
			if (!set) logCards.set(card, (set = new Set()));
			set.add(id);
		}
		let rejected = 0;
		const joining = this.#joining;
		const settled = emptyDirty().keys;
		// Rows this device keeps over the space's version: sent again, so the space takes them.
		const kept = emptyDirty().keys;
		const refuse = (map: Y.Map<unknown>, key: string) => {
			rejected++;
			this.#refused.add(`${this.#names.get(map)}:${key}`);
		};
		await rw(db, [db.articles, db.questions, db.cards, db.logs, db.settings], async () => {
			// The shared document's changed articles or questions, split into rows to write and keys
			// to delete; a row this device keeps over the space's version is left out (see `kept`).
			const split = async <T extends { id: string }>(
				table: 'articles' | 'questions',
				rows: Readable<T>,
				parse: (key: string, value: unknown) => T | null,
				stamp: (row: T) => number
			) => {
				const keys = [...pending[table]];
				const map = m[table];
				const put: T[] = [];
				const del: string[] = [];
				const mine = joining ? await readRows(rows, keys, (row) => row.id) : [];
				keys.forEach((key, i) => {
					const value = map.get(key);
					const row = value === undefined ? null : parse(key, value);
					const local = mine[i];
					if (value === undefined) del.push(key);
					else if (!row) refuse(map, key);
					else if (local && keepLocal(local, row, stamp, canonical)) kept[table].add(key);
					else put.push(row);
				});
				return { put, del };
			};
			const articles = await split(
				'articles',
				db.articles,
				articleFromShared,
				(a) => a.generatedAt
			);
			const questions = await split(
				'questions',
				db.questions,
				questionFromShared,
				(q) => q.updatedAt
			);
			this.#own = emptyDirty().keys;
			for (const key of pending.settings) this.#own.settings.add(key);
			for (const key of pending.settings) {
				if (!SYNCED_SETTINGS.includes(key)) continue;
				const value = settingFromShared(key, m.settings.get(key));
				if (value === undefined && m.settings.has(key)) refuse(m.settings, key);
				else await db.settings.put({ key, value });
			}
			await db.articles.bulkDelete(articles.del);
			await db.articles.bulkPut(articles.put);
			await db.questions.bulkDelete(questions.del);
			await db.questions.bulkPut(questions.put);

			// Cards and their logs: read once, change in memory, write once.
			const rebuild = new Set<string>(logCards.keys());
			for (const key of pending.cards) rebuild.add(key);
			const ids = [...rebuild];
			const [cards, logs] = await Promise.all([
				readRows(db.cards, ids, (c) => c.id),
				readRows(db.logs, ids, (l) => l.cardId)
			]);
			const cardById = new Map<string, CardRecord>();
			const logById = new Map<string, ReviewRow[]>();
			ids.forEach((id, i) => {
				const card = cards[i];
				if (card) cardById.set(id, card);
				logById.set(id, logs[i]?.rows ?? []);
			});
			const deletedCards: string[] = [];
			for (const a of articles.put) settled.articles.add(a.id);
			for (const id of articles.del) settled.articles.add(id);
			for (const q of questions.put) settled.questions.add(q.id);
			for (const id of questions.del) settled.questions.add(id);
			const sharedSchedule = new Map<string, Schedule>();
			for (const key of pending.cards) {
				const value = m.cards.get(key);
				if (value === undefined) {
					cardById.delete(key);
					deletedCards.push(key);
					settled.cards.add(key);
					continue;
				}
				const shared = cardFromShared(key, value);
				if (!shared) {
					refuse(m.cards, key);
					continue;
				}
				const local = cardById.get(key);
				if (local && joining && keepLocal(local, shared, (c) => c.updatedAt, cardContentKey)) {
					kept.cards.add(key);
					continue;
				}
				const next: CardRecord = local ? { ...shared, ...scheduleOf(local) } : shared;
				// A card with no reviews takes the space's schedule (when new cards come up).
				sharedSchedule.set(key, scheduleOf(shared));
				cardById.set(key, next);
				settled.cards.add(key);
			}
			/** A card's first row when it was taken away: the card was new before it, due then. */
			const firstRemoved = new Map<string, ReviewRow>();
			for (const [card, changed] of logCards) {
				const rows = new Map((logById.get(card) ?? []).map((r) => [r.review, r]));
				const first = [...rows.values()].sort((a, b) => a.review - b.review)[0];
				for (const id of changed) {
					const value = m.log.get(id);
					const review = Number(id.slice(id.lastIndexOf('@') + 1));
					if (value === undefined || m.undone.has(id)) {
						rows.delete(review);
						continue;
					}
					const row = rowFromShared(id, value);
					if (row) rows.set(row.review, row);
					else refuse(m.log, id);
				}
				const merged = [...rows.values()].sort((a, b) => a.review - b.review);
				if (merged.length === 0 && first) firstRemoved.set(card, first);
				logById.set(card, merged);
				// Settled when the merged log is exactly the card's live rows in the shared log:
				// no row of this device's waits to be sent, and no taken-back row to be marked undone.
				const live = [...(this.#rowsByCard.get(card) ?? [])].filter(
					(id) => m.log.has(id) && !m.undone.has(id) && !this.#refused.has(`log:${id}`)
				);
				if (
					live.length === merged.length &&
					merged.every((row) => {
						const id = rowId(row);
						return m.log.has(id) && !m.undone.has(id);
					})
				) {
					settled.logs.add(card);
				}
			}
			const putCards: CardRecord[] = [];
			for (const id of rebuild) {
				const card = cardById.get(id);
				if (!card) continue;
				const rows = logById.get(id) ?? [];
				const removed = firstRemoved.get(id);
				const schedule: Schedule =
					replay(id, rows) ??
					(removed ? newSchedule(removed.due) : (sharedSchedule.get(id) ?? scheduleOf(card)));
				const next: CardRecord = { ...card, ...schedule };
				next.queue = card.queue >= 0 ? schedule.state : card.queue;
				putCards.push(next);
			}
			const putLogs: LogRecord[] = [];
			const delLogs: string[] = [...deletedCards];
			for (const [card] of logCards) {
				if (deletedCards.includes(card)) continue;
				const rows = logById.get(card) ?? [];
				if (rows.length === 0) delLogs.push(card);
				else
					putLogs.push(
						withSharedWeights({ cardId: card, last: rows[rows.length - 1]!.review, rows })
					);
			}
			const own = emptyDirty().keys;
			for (const a of articles.put) own.articles.add(a.id);
			for (const id of articles.del) own.articles.add(id);
			for (const q of questions.put) own.questions.add(q.id);
			for (const id of questions.del) own.questions.add(id);
			for (const key of pending.settings) own.settings.add(key);
			for (const id of deletedCards) own.cards.add(id);
			for (const c of putCards) own.cards.add(c.id);
			for (const id of delLogs) own.logs.add(id);
			for (const l of putLogs) own.logs.add(l.cardId);
			this.#own = own;
			await db.cards.bulkDelete(deletedCards);
			await db.cards.bulkPut(putCards);
			await db.logs.bulkDelete(delLogs);
			await db.logs.bulkPut(putLogs);
		}).finally(() => {
			this.#own = null;
		});
		this.rejected += rejected;
		for (const table of TABLES) for (const key of kept[table]) this.#dirty.keys[table].add(key);
		for (const table of TABLES) for (const key of kept[table]) settled[table].delete(key);
		return settled;
	}

	/**
	 * Compares the rows Dexie says changed with the shared document and writes what differs.
	 * Rows in `settled` were just written from the shared document in this pass and still equal
	 * it, so they are neither read nor compared (after a first sync, that is every row).
	 */
	async #push(dirty: Dirty, settled: Dirty['keys']): Promise<void> {
		const db = this.#db;
		const m = this.#maps;
		/** Every row of the table (`wide`) or the `narrow` ones, less the `skip` ones. */
		const read = async <T>(
			table: Readable<T>,
			keyOf: (row: T) => string,
			wide: boolean,
			narrow: Iterable<string>,
			skip: Set<string>
		): Promise<(T | undefined)[]> => {
			if (wide && skip.size === 0) return table.toArray();
			const keys = wide ? ((await table.toCollection().primaryKeys()) as string[]) : [...narrow];
			return readRows(
				table,
				keys.filter((key) => !skip.has(key)),
				keyOf
			);
		};
		/** The dirty articles or questions (both keyed by id), less the settled ones. */
		const readById = <T extends { id: string }>(
			name: 'articles' | 'questions',
			table: Readable<T>
		) => read(table, (row) => row.id, dirty.full.has(name), dirty.keys[name], settled[name]);
		const logKeys = new Set([...dirty.keys.logs, ...dirty.keys.cards]);
		const wideLogs = dirty.full.has('cards') || dirty.full.has('logs');
		const bothSettled = new Set([...settled.cards].filter((id) => settled.logs.has(id)));
		const { articles, questions, cards, logs, settings } = await db.transaction(
			'r',
			[db.articles, db.questions, db.cards, db.logs, db.settings],
			async () => ({
				articles: await readById('articles', db.articles),
				questions: await readById('questions', db.questions),
				cards: await read(db.cards, (c) => c.id, wideLogs, logKeys, bothSettled),
				logs: await read(db.logs, (l) => l.cardId, wideLogs, logKeys, settled.logs),
				settings: await db.settings.bulkGet([...SYNCED_SETTINGS])
			})
		);
		const pending = this.#pending;
		const writes: (() => void)[] = [];
		const refused = (name: MapName, key: string) => this.#refused.has(`${name}:${key}`);

		const compare = <T extends object>(
			name: 'articles' | 'questions',
			table: TableName,
			keyOf: (row: T) => string,
			rows: (T | undefined)[]
		) => {
			const map = m[name];
			const seen = new Set<string>(settled[table]);
			for (const row of rows) {
				if (!row) continue;
				const key = keyOf(row);
				seen.add(key);
				if (pending[name].has(key)) continue;
				const current = map.get(key);
				if (current === undefined || canonical(current) !== canonical(row)) {
					writes.push(() => map.set(key, row));
				}
			}
			const gone = dirty.full.has(table) ? [...map.keys()] : [...dirty.keys[table]];
			for (const key of gone) {
				if (!seen.has(key) && !pending[name].has(key) && map.has(key) && !refused(name, key)) {
					writes.push(() => map.delete(key));
				}
			}
		};
		compare('articles', 'articles', (r: { id: string }) => r.id, articles);
		compare('questions', 'questions', (r: { id: string }) => r.id, questions);

		SYNCED_SETTINGS.forEach((key, i) => {
			const row = settings[i];
			if (!row || pending.settings.has(key)) return;
			const current = m.settings.get(key);
			if (current === undefined || canonical(current) !== canonical(row.value)) {
				writes.push(() => m.settings.set(key, row.value));
			}
		});

		// Cards: content only (the schedule follows from the log).
		const cardById = new Map<string, CardRecord>();
		for (const card of cards) if (card) cardById.set(card.id, card);
		for (const card of cardById.values()) {
			if (pending.cards.has(card.id) || settled.cards.has(card.id)) continue;
			const current = m.cards.get(card.id) as CardRecord | undefined;
			if (current === undefined || cardContentKey(current) !== cardContentKey(card)) {
				writes.push(() => m.cards.set(card.id, cardToShared(card)));
			}
		}
		const cardsGone = dirty.full.has('cards') ? [...m.cards.keys()] : [...dirty.keys.cards];
		const deleted = new Set<string>();
		for (const id of cardsGone) {
			if (
				!cardById.has(id) &&
				!settled.cards.has(id) &&
				!pending.cards.has(id) &&
				m.cards.has(id) &&
				!refused('cards', id)
			) {
				deleted.add(id);
				writes.push(() => m.cards.delete(id));
				for (const row of this.#rowsByCard.get(id) ?? []) {
					if (!pending.log.has(row)) writes.push(() => m.log.delete(row));
				}
			}
		}

		// Review rows: new ones join the shared log; missing ones were taken back here.
		const now = this.#now();
		const undoneCards = new Set<string>();
		const logCards = new Set<string>();
		for (const log of logs) {
			if (!log) continue;
			logCards.add(log.cardId);
			for (const row of log.rows) {
				const id = rowId(row);
				if (m.log.has(id) || m.undone.has(id) || pending.log.has(id) || pending.undone.has(id)) {
					continue;
				}
				writes.push(() => m.log.set(id, rowToShared(row)));
			}
		}
		const checkCards =
			dirty.full.has('logs') || dirty.full.has('cards')
				? [...this.#rowsByCard.keys()]
				: [...logKeys];
		const logByCard = new Map<string, LogRecord>();
		for (const log of logs) if (log) logByCard.set(log.cardId, log);
		for (const card of checkCards) {
			if (!cardById.has(card) || deleted.has(card) || settled.logs.has(card)) continue;
			const have = new Set((logByCard.get(card)?.rows ?? []).map(rowId));
			for (const id of this.#rowsByCard.get(card) ?? []) {
				if (have.has(id) || !m.log.has(id) || m.undone.has(id) || refused('log', id)) continue;
				if (pending.log.has(id) || pending.undone.has(id)) continue;
				undoneCards.add(card);
				writes.push(() => m.undone.set(id, now));
			}
		}

		for (let i = 0; i < writes.length; i += CHUNK) {
			this.doc.transact(() => {
				for (const write of writes.slice(i, i + CHUNK)) write();
			}, LOCAL_ORIGIN);
		}
		if (undoneCards.size > 0) await this.#rebuild([...undoneCards]);
	}

	/** Rebuilds cards from their logs here, as every other device does on receiving the change. */
	async #rebuild(ids: string[]): Promise<void> {
		const db = this.#db;
		await rw(db, [db.cards, db.logs], async () => {
			const [cards, logs] = await Promise.all([db.cards.bulkGet(ids), db.logs.bulkGet(ids)]);
			const put: CardRecord[] = [];
			ids.forEach((id, i) => {
				const card = cards[i];
				const rows = logs[i]?.rows ?? [];
				if (!card || rows.length === 0) return;
				const schedule = replay(id, rows);
				if (!schedule) return;
				const next: CardRecord = { ...card, ...schedule };
				next.queue = card.queue >= 0 ? schedule.state : card.queue;
				if (
					canonical(scheduleOf(next)) !== canonical(scheduleOf(card)) ||
					next.queue !== card.queue
				) {
					put.push(next);
				}
			});
			await db.cards.bulkPut(put);
		});
	}
}
