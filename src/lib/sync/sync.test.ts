import 'fake-indexeddb/auto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { addArticle, deleteArticle } from '$lib/db/articles';
import { openDatabase, type FactdeckDB } from '$lib/db/database';
import { ARTICLE_TEXT, deck, freshName } from '$lib/db/fixtures/deck';
import { allReviews } from '$lib/db/log';
import { QUEUE_SUSPENDED } from '$lib/db/records';
import { getSrsSettings, updateSrsSettings } from '$lib/db/settings';
import { rateCard, scheduleOf, setSuspended, undoLastRating } from '$lib/db/study';
import { PERSONAL_WEIGHTS } from '$lib/db/fixtures/weights';
import { Rating, replay, type Grade } from '$lib/srs';
import { SyncGuard, syncDocumentName } from '../../../server/sync-space';
import { openProvider, SyncConnection } from './client';
import { formatSyncCode, newSyncKey, parseSyncCode, spaceNames, SyncCodeError } from './key';
import { rowId, rowToShared } from './shape';
import { startTestServer, settle, type TestServer } from './testing';

const T0 = new Date('2026-03-02T08:00:00Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
const OFFSET = 0;

let dir: string;
let server: TestServer;
const dbs: FactdeckDB[] = [];
const open: SyncConnection[] = [];

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'factdeck-sync-'));
	server = await startTestServer(dir);
});

afterAll(async () => {
	await server.stop();
	await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
	for (const c of open.splice(0)) await c.close();
	for (const db of dbs.splice(0)) await db.delete();
});

async function device(ids: string[]): Promise<FactdeckDB> {
	const db = openDatabase(freshName('sync'));
	dbs.push(db);
	await addArticle(db, { text: ARTICLE_TEXT }, deck(ids), T0);
	return db;
}

async function connect(db: FactdeckDB, key: Uint8Array, url = server.url): Promise<SyncConnection> {
	const c = await SyncConnection.open({
		db,
		server: url,
		key,
		WebSocketPolyfill: WebSocket,
		onState: (s) => process.env.SYNC_DEBUG && console.log(db.name, s.status, s.detail)
	});
	open.push(c);
	return c;
}

/** Everything a screen can see of the deck, in a fixed order. */
async function snapshot(db: FactdeckDB) {
	const cards = (await db.cards.orderBy('id').toArray()).map((c) => ({
		id: c.id,
		queue: c.queue,
		front: c.front,
		tags: c.tags,
		...scheduleOf(c)
	}));
	const log = (await allReviews(db)).map((r) => `${r.cardId}@${r.review}:${r.rating}`).sort();
	return { cards, log, articles: await db.articles.count(), questions: await db.questions.count() };
}

const ids = Array.from({ length: 12 }, (_, i) => `k${i}`);

describe('sync codes', () => {
	it('round-trips a key through its typed code, tolerating case, spaces and look-alikes', () => {
		const key = newSyncKey();
		const code = formatSyncCode(key);
		expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
		expect(parseSyncCode(code)).toEqual(key);
		const sloppy = code.toLowerCase().replace(/-/g, ' ').replace(/1/g, 'l').replace(/0/g, 'o');
		expect(parseSyncCode(sloppy)).toEqual(key);
	});

	it('refuses a mistyped, short or foreign code with a message', () => {
		const code = formatSyncCode(newSyncKey());
		const i = code.indexOf('-') - 1;
		const swapped = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
		expect(() => parseSyncCode(swapped)).toThrow(/typing mistake/);
		expect(() => parseSyncCode(code.slice(0, 10))).toThrow(/this one has 8/);
		expect(() => parseSyncCode('<script>')).toThrow(SyncCodeError);
		expect(() => parseSyncCode('')).toThrow(/Type or scan/);
	});

	it('derives the same document name on the device and on the server, and no name repeats', async () => {
		const a = await spaceNames(newSyncKey());
		const b = await spaceNames(newSyncKey());
		expect(syncDocumentName(a.token)).toBe(a.documentName);
		expect(a.documentName).not.toBe(b.documentName);
		expect(a.documentName).not.toContain(a.token.slice(0, 8));
	});
});

describe('sync-space guard', () => {
	it('lets a token open only its own document and rate-limits wrong guesses per client', async () => {
		let now = 0;
		const guard = new SyncGuard({ maxFailures: 3, windowMs: 1000, now: () => now });
		const a = await spaceNames(newSyncKey());
		const b = await spaceNames(newSyncKey());
		expect(guard.check(a.documentName, a.token, 'x')).toEqual({ ok: true });
		expect(guard.check(a.documentName, b.token, 'x')).toMatchObject({ reason: 'wrong-key' });
		expect(guard.check('sync.zz', 'nope', 'x')).toMatchObject({ reason: 'malformed' });
		expect(guard.check(a.documentName, 42, 'x')).toMatchObject({ reason: 'malformed' });
		// Three failures: even the right token waits for the window to pass.
		expect(guard.check(a.documentName, a.token, 'x')).toMatchObject({ reason: 'rate-limited' });
		expect(guard.check(a.documentName, a.token, 'y')).toEqual({ ok: true });
		now = 1000;
		expect(guard.check(a.documentName, a.token, 'x')).toEqual({ ok: true });
	});

	it('refuses a connection that asks for a space without its key', async () => {
		const a = await spaceNames(newSyncKey());
		const b = await spaceNames(newSyncKey());
		const socket = new HocuspocusProviderWebsocket({
			url: server.url,
			WebSocketPolyfill: WebSocket
		} as ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]);
		const refused = new Promise<string>((resolve) => {
			const provider = new HocuspocusProvider({
				websocketProvider: socket,
				name: a.documentName,
				token: b.token,
				onAuthenticationFailed: ({ reason }) => {
					provider.destroy();
					resolve(reason);
				}
			});
			provider.attach();
		});
		expect(await refused).toBe('permission-denied');
		socket.destroy();
	});
});

describe('two devices', () => {
	it('each rating offline, then connecting, converge to the same cards and one log', async () => {
		const key = newSyncKey();
		const [a, b] = [await device(ids), await device(ids)];
		// Offline: A rates k0..k5, B rates k4..k9 (k4 and k5 on both, at different times).
		const grades: Grade[] = [Rating.Good, Rating.Again, Rating.Hard, Rating.Easy];
		for (let i = 0; i < 6; i++) {
			await rateCard(a, `c-k${i}`, grades[i % 4]!, at(i), OFFSET);
			await rateCard(b, `c-k${i + 4}`, grades[(i + 1) % 4]!, at(i + 0.5), OFFSET);
		}
		await rateCard(a, 'c-k0', Rating.Good, at(30), OFFSET);
		// Taken back before it was ever shared: it simply never travels.
		expect(await undoLastRating(a)).not.toBeNull();
		await setSuspended(b, ['c-k11'], true, at(40));
		await updateSrsSettings(b, { newPerDay: 7 });

		const ca = await connect(a, key);
		const cb = await connect(b, key);
		await settle([ca, cb]);

		const [sa, sb] = [await snapshot(a), await snapshot(b)];
		expect(sa).toEqual(sb);
		// 6 + 6 ratings, none lost and none doubled (the undone one is gone on both).
		expect(sa.log).toHaveLength(12);
		expect(new Set(sa.log).size).toBe(12);
		const k4 = sa.log.filter((r) => r.startsWith('c-k4@'));
		expect(k4).toHaveLength(2);
		expect(sa.cards.find((c) => c.id === 'c-k11')?.queue).toBe(QUEUE_SUSPENDED);
		expect((await getSrsSettings(a)).newPerDay).toBe(7);
		expect(ca.engine.doc.getMap('undone').size).toBe(0);
		expect(ca.engine.doc.getMap('log').size).toBe(12);
	});

	it('rebuilds a card rated on both devices from the merged log, the same on each', async () => {
		const key = newSyncKey();
		const [a, b] = [await device(['x']), await device(['x'])];
		await rateCard(a, 'c-x', Rating.Good, at(0), OFFSET);
		await rateCard(a, 'c-x', Rating.Good, at(15), OFFSET);
		await rateCard(b, 'c-x', Rating.Again, at(5), OFFSET);
		const ca = await connect(a, key);
		const cb = await connect(b, key);
		await settle([ca, cb]);
		const [xa, xb] = [await a.cards.get('c-x'), await b.cards.get('c-x')];
		expect(scheduleOf(xa!)).toEqual(scheduleOf(xb!));
		expect(xa!.reps).toBe(3);
		expect((await a.logs.get('c-x'))!.rows.map((r) => r.rating)).toEqual([
			Rating.Good,
			Rating.Again,
			Rating.Good
		]);
	});

	it('carries the parameters each review was scheduled with: the card rebuilds the same on each', async () => {
		const key = newSyncKey();
		const [a, b] = [await device(['x', 'y']), await device(['x', 'y'])];
		// A studies x with the learner's own parameters; B, with the defaults, also rates x once.
		await updateSrsSettings(a, { weights: [...PERSONAL_WEIGHTS] });
		await rateCard(a, 'c-x', Rating.Good, at(0), OFFSET);
		await rateCard(a, 'c-x', Rating.Good, at(15), OFFSET);
		await rateCard(a, 'c-x', Rating.Easy, at(3 * 1440), OFFSET);
		await rateCard(a, 'c-y', Rating.Good, at(1), OFFSET);
		await rateCard(b, 'c-x', Rating.Again, at(5), OFFSET);
		const ca = await connect(a, key);
		const cb = await connect(b, key);
		await settle([ca, cb]);
		const rows = (await b.logs.get('c-x'))!.rows;
		expect(rows.map((r) => r.weights ?? null)).toEqual([
			PERSONAL_WEIGHTS,
			null,
			PERSONAL_WEIGHTS,
			PERSONAL_WEIGHTS
		]);
		// One array per parameter set in the merged log, as the app writes it.
		expect(rows[3]!.weights).toBe(rows[0]!.weights);
		const [xa, xb] = [await a.cards.get('c-x'), await b.cards.get('c-x')];
		expect(scheduleOf(xb!)).toEqual(scheduleOf(xa!));
		expect(replay('c-x', rows)).toEqual(scheduleOf(xa!));
		// The same rows replayed with the default parameters give another card.
		expect(
			replay(
				'c-x',
				rows.map(({ weights: _, ...r }) => r)
			)
		).not.toEqual(scheduleOf(xa!));
		// y, reviewed on A only, arrives on B as A has it.
		expect(scheduleOf((await b.cards.get('c-y'))!)).toEqual(
			scheduleOf((await a.cards.get('c-y'))!)
		);
	});

	it('merges a row from an older build, which sends no parameters', async () => {
		const key = newSyncKey();
		const a = await device(['x']);
		await updateSrsSettings(a, { weights: [...PERSONAL_WEIGHTS] });
		await rateCard(a, 'c-x', Rating.Good, at(0), OFFSET);
		const ca = await connect(a, key);
		await settle([ca]);
		// An older build writes its review as the 18 columns it knows.
		const older = await device(['x']);
		await rateCard(older, 'c-x', Rating.Hard, at(20), OFFSET);
		const row = (await older.logs.get('c-x'))!.rows[0]!;
		const tuple = rowToShared(row);
		expect(tuple).toHaveLength(18);
		const { token, documentName } = await spaceNames(key);
		const doc = new Y.Doc();
		const { socket, provider } = openProvider(server.url, { documentName, token }, doc, WebSocket);
		provider.attach();
		await new Promise<void>((resolve) => provider.on('synced', () => resolve()));
		doc.getMap('log').set(rowId(row), tuple);
		const until = Date.now() + 5000;
		while (((await a.logs.get('c-x'))?.rows.length ?? 0) < 2 && Date.now() < until) {
			await new Promise((r) => setTimeout(r, 20));
		}
		const rows = (await a.logs.get('c-x'))!.rows;
		expect(rows.map((r) => r.weights ?? null)).toEqual([PERSONAL_WEIGHTS, null]);
		expect(ca.state.rejected).toBe(0);
		expect(scheduleOf((await a.cards.get('c-x'))!)).toEqual(replay('c-x', rows));
		provider.destroy();
		socket.destroy();
	});

	it('keeps following while connected: edits, ratings, undo and deletion reach the other device', async () => {
		const key = newSyncKey();
		const a = await device(ids);
		const b = openDatabase(freshName('sync-empty'));
		dbs.push(b);
		const ca = await connect(a, key);
		const cb = await connect(b, key);
		await settle([ca, cb]);
		expect((await snapshot(b)).cards).toHaveLength(ids.length);

		await rateCard(b, 'c-k3', Rating.Good, at(1), OFFSET);
		await a.cards.update('c-k2', { front: 'Edited on A', edited: true });
		await settle([ca, cb]);
		expect((await b.cards.get('c-k2'))?.front).toBe('Edited on A');
		expect((await a.logs.get('c-k3'))?.rows).toHaveLength(1);

		await undoLastRating(a);
		await settle([ca, cb]);
		// The undo travelled as an entry of its own; the shared log keeps the row.
		expect(cb.engine.doc.getMap('undone').size).toBe(1);
		expect(cb.engine.doc.getMap('log').size).toBe(1);
		expect(await b.logs.get('c-k3')).toBeUndefined();
		expect((await b.cards.get('c-k3'))?.reps).toBe(0);
		expect(await snapshot(a)).toEqual(await snapshot(b));

		const articleId = (await a.articles.toArray())[0]!.id;
		await deleteArticle(a, articleId);
		await settle([ca, cb]);
		expect(await snapshot(b)).toEqual({ cards: [], log: [], articles: 0, questions: 0 });
	});

	it('sends an undo made here even when a rating of the same card arrives in the same pass', async () => {
		const key = newSyncKey();
		const a = await device(['x']);
		const b = openDatabase(freshName('sync-same-pass'));
		dbs.push(b);
		const ca = await connect(a, key);
		// B gathers changes for two seconds, so both below fall into one of its passes.
		const cb = await SyncConnection.open({
			db: b,
			server: server.url,
			key,
			WebSocketPolyfill: WebSocket,
			delayMs: 2000
		});
		open.push(cb);
		await rateCard(a, 'c-x', Rating.Good, at(0), OFFSET);
		await settle([ca, cb], 20_000, 2500);
		expect((await b.logs.get('c-x'))?.rows).toHaveLength(1);

		expect(await undoLastRating(b)).not.toBeNull();
		await rateCard(a, 'c-x', Rating.Again, at(10), OFFSET);
		await settle([ca, cb], 20_000, 2500);
		expect(ca.engine.doc.getMap('undone').size).toBe(1);
		for (const db of [a, b]) {
			expect((await db.logs.get('c-x'))!.rows.map((r) => r.rating)).toEqual([Rating.Again]);
		}
		expect(await snapshot(a)).toEqual(await snapshot(b));
	}, 30_000);

	it('skips a hostile entry from the server and keeps what the learner has', async () => {
		const key = newSyncKey();
		const a = await device(ids);
		const ca = await connect(a, key);
		await settle([ca]);
		// Another client with the key writes junk into the shared document.
		const { token, documentName } = await spaceNames(key);
		const doc = new Y.Doc();
		const { socket, provider: evil } = openProvider(
			server.url,
			{ documentName, token },
			doc,
			WebSocket
		);
		evil.attach();
		await new Promise<void>((resolve) => evil.on('synced', () => resolve()));
		doc.transact(() => {
			doc.getMap('cards').set('c-k1', { id: 'c-k1', front: '<img src=x onerror=alert(1)>' });
			doc.getMap('log').set('c-k1@5', ['c-k1', 5, 9, 'x']);
			doc.getMap('settings').set('srs', { newPerDay: -5 });
		});
		const until = Date.now() + 5000;
		while (ca.state.rejected < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
		expect(ca.state.rejected).toBe(3);
		expect((await a.cards.get('c-k1'))?.front).toBe('Front c-k1');
		expect(await a.logs.get('c-k1')).toBeUndefined();
		expect((await getSrsSettings(a)).newPerDay).toBeGreaterThan(0);
		evil.destroy();
		socket.destroy();
	});
});

describe('server restart', () => {
	it('loses nothing a device saw acknowledged', async () => {
		const rdir = await mkdtemp(join(tmpdir(), 'factdeck-sync-restart-'));
		let local = await startTestServer(rdir);
		try {
			const key = newSyncKey();
			const a = await device(ids);
			for (let i = 0; i < 5; i++) await rateCard(a, `c-k${i}`, Rating.Good, at(i), OFFSET);
			const ca = await connect(a, key, local.url);
			await settle([ca]);
			await ca.close();
			open.splice(open.indexOf(ca), 1);
			const port = local.port;
			await local.stop();
			local = await startTestServer(rdir, port);

			const b = openDatabase(freshName('sync-after-restart'));
			dbs.push(b);
			const cb = await connect(b, key, local.url);
			await settle([cb]);
			const until = Date.now() + 5000;
			while ((await b.cards.count()) < ids.length && Date.now() < until) {
				await new Promise((r) => setTimeout(r, 20));
			}
			expect(await snapshot(b)).toEqual(await snapshot(a));
		} finally {
			await local.stop();
			await rm(rdir, { recursive: true, force: true });
		}
	});
});
