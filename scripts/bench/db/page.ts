/**
 * Runs in Chromium: fills a real IndexedDB with a large collection, then times the operations the
 * learner waits for. Bundled by ../db.ts and driven through `window.factdeckBench`.
 */
import type { Deck } from '../../../src/lib/generate/types';
import { rng as prng } from '../../../src/lib/generate/util';
import { addArticle } from '../../../src/lib/db/articles';
import * as backup from '../../../src/lib/db/backup';
import { deckFromRows } from '../../../src/lib/db/csv';
import { LIMITS } from '../../../src/lib/limits';
import { groupLogs, openDatabase } from '../../../src/lib/db/database';
import { PERSONAL_WEIGHTS } from '../../../src/lib/db/fixtures/weights';
import { countReviews } from '../../../src/lib/db/log';
import type { CardRecord, ReviewRow } from '../../../src/lib/db/records';
import { getStudyQueue, rateCard } from '../../../src/lib/db/study';
import {
	rate,
	Rating,
	State,
	reviewContext,
	DEFAULT_SRS_SETTINGS,
	dayContext,
	type Grade
} from '../../../src/lib/srs';

const DAY = 86_400_000;

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function makeDeck(articleIndex: number, size: number, random: () => number): Deck {
	const words = ['summit', 'fund', 'minister', 'treaty', 'Paris', 'euros', 'climate', 'vote'];
	const pick = () => words[Math.floor(random() * words.length)]!;
	const cards = Array.from({ length: size }, (_, i) => ({
		id: `b${articleIndex}-c${i}`,
		factId: `b${articleIndex}-f${i}`,
		front: `Which ${pick()} did the ${pick()} agree on in paragraph ${i}?`,
		back: `The ${pick()} of ${Math.floor(random() * 1000)} ${pick()}`,
		evidence: { start: i * 40, end: i * 40 + 39 }
	}));
	return {
		title: `Bench article ${articleIndex}`,
		sections: [],
		facts: cards.map((c) => ({
			id: c.factId,
			kind: 'event' as const,
			evidence: c.evidence,
			entities: []
		})),
		questions: [],
		cards
	};
}

async function usage(): Promise<number> {
	return (await navigator.storage.estimate()).usage ?? 0;
}

export interface PopulateResult {
	cards: number;
	reviews: number;
	ms: number;
	usageDelta: number;
	bytesPerCard: number;
}

export async function populate(
	name: string,
	cardCount: number,
	reviewCount: number,
	nowMs: number,
	/** Every review scheduled with a learner's own FSRS parameters, which each row then carries. */
	personal = false
) {
	const t0 = performance.now();
	const before = await usage();
	const db = openDatabase(name);
	const random = prng(42);
	const perArticle = 500;
	const articles = Math.ceil(cardCount / perArticle);
	for (let a = 0; a < articles; a++) {
		const size = Math.min(perArticle, cardCount - a * perArticle);
		// Long enough for every card's 40-character sentence (restore checks spans lie inside it).
		const line = `Bench article ${a}. `;
		const text = line.repeat(Math.ceil((size * 40) / line.length) + 1);
		await addArticle(
			db,
			{ id: `bench-${a}`, text },
			makeDeck(a, size, random),
			new Date(nowMs - 400 * DAY)
		);
	}
	// Give cards realistic histories through the real scheduler until the log holds reviewCount rows.
	const settings = personal
		? { ...DEFAULT_SRS_SETTINGS, weights: [...PERSONAL_WEIGHTS] }
		: DEFAULT_SRS_SETTINGS;
	const ctx = reviewContext(settings, dayContext(60, 4));
	const cards = await db.cards.toArray();
	const rows: ReviewRow[] = [];
	const touched: CardRecord[] = [];
	for (const card of cards) {
		if (rows.length >= reviewCount) break;
		let current: CardRecord = card;
		let t = nowMs - (130 + random() * 270) * DAY;
		// Eight reviews or so, learning steps finished the same day as a learner would.
		for (let r = 0; r < 16 && rows.length < reviewCount && t < nowMs; r++) {
			const learning = current.state === State.Learning || current.state === State.Relearning;
			if (r >= 8 && !learning) break;
			const x = random();
			const grade = (
				x < 0.1 ? Rating.Again : x < 0.2 ? Rating.Hard : x < 0.9 ? Rating.Good : Rating.Easy
			) as Grade;
			const out = rate(current.id, current, grade, new Date(t), ctx, 8);
			rows.push(out.log);
			current = { ...current, ...out.schedule, queue: out.schedule.state };
			const stillLearning = current.state === State.Learning || current.state === State.Relearning;
			t = stillLearning ? current.due : Math.min(current.due, t + (0.5 + random() * 14.5) * DAY);
		}
		touched.push(current);
	}
	const logs = groupLogs(rows);
	for (let i = 0; i < logs.length; i += 5_000) {
		await db.transaction('rw', [db.cards, db.logs], async () => {
			await db.logs.bulkAdd(logs.slice(i, i + 5_000));
			if (i === 0) await db.cards.bulkPut(touched);
		});
	}
	const ms = performance.now() - t0;
	// Usage is reported lazily; give the browser a moment to account for the writes.
	await new Promise((r) => setTimeout(r, 1500));
	const usageDelta = (await usage()) - before;
	const result: PopulateResult = {
		cards: await db.cards.count(),
		reviews: await countReviews(db),
		ms,
		usageDelta,
		bytesPerCard: usageDelta / cardCount
	};
	db.close();
	return result;
}

/**
 * A library of `decks` CSV decks of the largest size the app accepts (rows of the longest fields up
 * to the text limit): one such deck makes a backup of some 21 MB.
 */
async function populateCsv(name: string, decks: number, nowMs: number) {
	const db = openDatabase(name);
	const field = 'x'.repeat(LIMITS.csvField);
	const count = Math.floor(LIMITS.articleText / (2 * LIMITS.csvField + 3));
	for (let d = 0; d < decks; d++) {
		const rows = Array.from({ length: count }, (_, i) => ({
			line: i + 1,
			front: `${d} ${i} ${field}`.slice(0, LIMITS.csvField),
			back: field
		}));
		const csv = deckFromRows(`Largest deck ${d}`, rows);
		await addArticle(db, { id: csv.articleId, text: csv.text }, csv.deck, new Date(nowMs));
	}
	const cards = await db.cards.count();
	db.close();
	return { cards };
}

async function timeQueue(name: string, nowMs: number, runs: number) {
	const db = openDatabase(name);
	const now = new Date(nowMs);
	await getStudyQueue(db, now, 60); // open and warm
	const times: number[] = [];
	let size = 0;
	let counts = {};
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		const q = await getStudyQueue(db, now, 60);
		times.push(performance.now() - t0);
		size = q.cards.length;
		counts = q.counts;
	}
	db.close();
	return { median: median(times), min: Math.min(...times), max: Math.max(...times), size, counts };
}

/**
 * From pressing a rating button to the next card being ready, as ReviewSession does it: the rating
 * is stored, then the session shows the next card of the queue it holds. Also timed: rating then
 * re-reading today's queue (the refresh the session runs just after).
 */
async function timeRating(name: string, nowMs: number, runs: number) {
	const db = openDatabase(name);
	let now = new Date(nowMs);
	let queue = await getStudyQueue(db, now, 60);
	const held: number[] = [];
	const reread: number[] = [];
	for (let i = 0; i < runs && queue.cards.length > 1; i++) {
		let t0 = performance.now();
		await rateCard(db, queue.cards[0]!.id, Rating.Good, now, 60);
		queue = { ...queue, cards: queue.cards.slice(1) };
		if (!queue.cards[0]) break;
		held.push(performance.now() - t0);
		now = new Date(now.getTime() + 5000);
		t0 = performance.now();
		await rateCard(db, queue.cards[0].id, Rating.Good, now, 60);
		queue = await getStudyQueue(db, now, 60);
		reread.push(performance.now() - t0);
		now = new Date(now.getTime() + 5000);
	}
	db.close();
	return { median: median(held), rereadMedian: median(reread), runs: held.length };
}

/** The last export, as the file the learner would pick (a Blob). */
let exported: Blob = new Blob([]);

/** One export, as the Settings page makes it: the backup as a Blob. */
async function exportBlob(db: ReturnType<typeof openDatabase>, nowMs: number): Promise<Blob> {
	const now = new Date(nowMs);
	// The streamed writer where it exists; before it, the whole file as one string.
	const api = backup as Partial<typeof backup> & Pick<typeof backup, 'exportBackup'>;
	if (api.exportBackupBlob) return (await api.exportBackupBlob(db, now)).blob;
	const { json } = await api.exportBackup(db, now);
	return new Blob([json], { type: 'application/json' });
}

async function timeExport(name: string, nowMs: number, runs: number) {
	const db = openDatabase(name);
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		exported = await exportBlob(db, nowMs);
		times.push(performance.now() - t0);
	}
	// Baseline: reading every store with raw IndexedDB getAll, nothing else.
	await db.open();
	const idb = db.backendDB();
	const rawTimes: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await new Promise<void>((resolve, reject) => {
			const names = [...idb.objectStoreNames];
			const tx = idb.transaction(names, 'readonly');
			for (const store of names) tx.objectStore(store).getAll();
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error('raw read failed'));
		});
		rawTimes.push(performance.now() - t0);
	}
	db.close();
	return { median: median(times), rawReadMedian: median(rawTimes), bytes: exported.size };
}

async function timeImport(name: string, runs: number) {
	const parseTimes: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		await backup.parseBackup(exported);
		parseTimes.push(performance.now() - t0);
	}
	// Baseline: the same cards and log records put straight into IndexedDB, no Dexie, no checks.
	const { tables } = await backup.parseBackup(exported);
	const rawTimes: number[] = [];
	for (let i = 0; i < runs; i++) {
		const db = openDatabase(`${name}-raw-${i}`);
		await db.open();
		const idb = db.backendDB();
		const t0 = performance.now();
		await new Promise<void>((resolve, reject) => {
			const tx = idb.transaction(['cards', 'logs'], 'readwrite');
			const cards = tx.objectStore('cards');
			const logs = tx.objectStore('logs');
			for (const c of tables.cards) cards.put(c);
			for (const l of groupLogs(tables.reviews)) logs.put(l);
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error ?? new Error('raw write failed'));
		});
		rawTimes.push(performance.now() - t0);
		await db.delete();
	}
	const times: number[] = [];
	let cards = 0;
	for (let i = 0; i < runs; i++) {
		const db = openDatabase(`${name}-${i}`);
		const t0 = performance.now();
		const report = await backup.importBackup(db, exported, 'replace');
		times.push(performance.now() - t0);
		cards = report.counts.cards;
		await db.delete();
	}
	return {
		median: median(times),
		parseMedian: median(parseTimes),
		rawWriteMedian: median(rawTimes),
		cards
	};
}

/** One export of the collection `name`, kept for {@link restoreOnce}; resolves with its size. */
async function exportOnce(name: string, nowMs: number) {
	const db = openDatabase(name);
	const t0 = performance.now();
	exported = await exportBlob(db, nowMs);
	const ms = performance.now() - t0;
	db.close();
	return { ms, bytes: exported.size };
}

/** One restore (replace) of the last export into a fresh database, or the message it refused with. */
async function restoreOnce(name: string) {
	const db = openDatabase(name);
	const t0 = performance.now();
	try {
		const report = await backup.importBackup(db, exported, 'replace');
		return { ms: performance.now() - t0, cards: report.counts.cards, refused: '' };
	} catch (e) {
		return { ms: performance.now() - t0, cards: 0, refused: (e as Error).message };
	} finally {
		await db.delete();
	}
}

/** Drops the kept export, so its memory is not counted in the next measure. */
function forget() {
	exported = new Blob([]);
}

declare global {
	interface Window {
		factdeckBench: typeof api;
	}
}

const api = {
	populate,
	populateCsv,
	timeQueue,
	timeRating,
	timeExport,
	timeImport,
	exportOnce,
	restoreOnce,
	forget
};
window.factdeckBench = api;
