/**
 * Runs in Chromium: one device of the sync benchmark, with its own IndexedDB, connected to a
 * real sync server through the app's own sync code. Bundled by ../sync.ts and driven through
 * `window.factdeckSync`.
 */
import { openDatabase, type FactdeckDB } from '../../../src/lib/db/database';
import { allReviews } from '../../../src/lib/db/log';
import { fnv1a } from '../../../src/lib/generate/util';
import { rateCard } from '../../../src/lib/db/study';
import { Rating, type Grade } from '../../../src/lib/srs';
import { SyncConnection } from '../../../src/lib/sync/client';
import { populate } from '../db/page';

const dbs = new Map<string, FactdeckDB>();
const connections = new Map<string, SyncConnection>();

function db(name: string): FactdeckDB {
	let d = dbs.get(name);
	if (!d) dbs.set(name, (d = openDatabase(name)));
	return d;
}

function keyOf(hex: string): Uint8Array {
	return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

/** A deck of `cards` cards and `reviews` log rows, the same on every device (seeded). */
async function fill(name: string, cards: number, reviews: number, nowMs: number) {
	return populate(name, cards, reviews, nowMs);
}

/** Rates cards `from`..`to - 1` of the first bench article, one a second from `nowMs`. */
async function rateRange(name: string, from: number, to: number, nowMs: number) {
	const grades: Grade[] = [Rating.Good, Rating.Again, Rating.Hard, Rating.Easy, Rating.Good];
	for (let i = from; i < to; i++) {
		await rateCard(
			db(name),
			`b0-c${i}`,
			grades[i % grades.length]!,
			new Date(nowMs + i * 1000),
			60
		);
	}
}

async function connect(name: string, url: string, keyHex: string) {
	const c = await SyncConnection.open({ db: db(name), server: url, key: keyOf(keyHex) });
	connections.set(name, c);
}

async function close(name: string) {
	await connections.get(name)?.close();
	connections.delete(name);
}

function state(name: string) {
	const c = connections.get(name);
	return c ? { status: c.state.status, busy: c.engine.busy, detail: c.state.detail } : null;
}

/** What both devices must agree on: every card's schedule and queue, and the whole log. */
async function fingerprint(name: string) {
	const d = db(name);
	const cards = await d.cards.orderBy('id').toArray();
	const log = (await allReviews(d)).map((r) => `${r.cardId}@${r.review}`).sort();
	const text = JSON.stringify([
		cards.map((c) => [c.id, c.due, c.stability, c.difficulty, c.reps, c.lapses, c.state, c.queue]),
		log
	]);
	return {
		hash: fnv1a(text).toString(16),
		cards: cards.length,
		reviews: log.length,
		unique: new Set(log).size
	};
}

const api = { fill, rateRange, connect, close, state, fingerprint };
declare global {
	interface Window {
		factdeckSync: typeof api;
	}
}
window.factdeckSync = api;
