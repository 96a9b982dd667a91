/**
 * The document stores: a state is written as it is when it contains what is stored, and merged
 * when the stored row holds a change the writer lacks (another instance's). Runs against SQLite
 * in a temporary directory, and against the machine's PostgreSQL when it answers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DATABASE_URL, missingServices, servicesRequired } from './services';
import {
	openPostgresStore,
	openSqliteStore,
	snapshotContains,
	logEntry,
	stateOf,
	type Store
} from './store';

const missing = await missingServices();
const dirs: string[] = [];

afterAll(async () => {
	for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function docWith(entries: Record<string, unknown>, clientID?: number): Y.Doc {
	const doc = new Y.Doc();
	if (clientID !== undefined) doc.clientID = clientID;
	for (const [key, value] of Object.entries(entries)) doc.getMap('m').set(key, value);
	return doc;
}

function read(state: Uint8Array | null): Record<string, unknown> {
	const doc = new Y.Doc();
	if (state) Y.applyUpdate(doc, state);
	return doc.getMap('m').toJSON();
}

describe('snapshotContains', () => {
	it('holds for a later state of the same document, and not for one missing a change or a deletion', () => {
		const doc = docWith({ a: 1, b: 2 });
		const before = stateOf(doc).snapshot;
		doc.getMap('m').set('c', 3);
		expect(snapshotContains(stateOf(doc).snapshot, before)).toBe(true);
		expect(snapshotContains(before, stateOf(doc).snapshot)).toBe(false);

		// A deletion advances no clock: a copy that lacks it must not count as containing it.
		const copy = new Y.Doc();
		Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
		const copied = stateOf(copy).snapshot;
		doc.getMap('m').delete('a');
		expect(snapshotContains(copied, stateOf(doc).snapshot)).toBe(false);
		expect(snapshotContains(stateOf(doc).snapshot, copied)).toBe(true);
		expect(snapshotContains(copied, null)).toBe(false);
		expect(snapshotContains(copied, new Uint8Array([255, 255, 255]))).toBe(false);
	});
});

describe('the snapshot of a logged update', () => {
	it('is contained in a state once its items and deletions are in it, not before', () => {
		const doc = docWith({ a: 1 }, 1);
		const updates: Uint8Array[] = [];
		doc.on('update', (update: Uint8Array) => updates.push(update));
		const before = stateOf(doc).snapshot;
		doc.getMap('m').set('b', 2);
		doc.getMap('m').delete('a');
		const [added, deleted] = updates.map((update) => logEntry(update).snapshot);
		expect(snapshotContains(before, added!)).toBe(false);
		expect(snapshotContains(before, deleted!)).toBe(false);
		const after = stateOf(doc).snapshot;
		expect(snapshotContains(after, added!)).toBe(true);
		expect(snapshotContains(after, deleted!)).toBe(true);
	});
});

/**
 * The update log: logged updates are part of what a fetch returns, and a store drops exactly
 * those its state holds. `reopened` is the same data opened again (a restarted instance).
 */
async function logBehaviour(store: Store, reopened: () => Promise<Store>) {
	const name = `log-${Date.now()}-${Math.random()}`;
	const mine = docWith({ a: 1 }, 1);
	await store.store(name, stateOf(mine));
	const updates: Uint8Array[] = [];
	mine.on('update', (update: Uint8Array) => updates.push(update));
	mine.getMap('m').set('b', 2);
	mine.getMap('m').delete('a');
	const other = docWith({ c: 3 }, 2);
	for (const update of [...updates, Y.encodeStateAsUpdate(other)])
		await store.append(name, logEntry(update));
	expect(store.hasLog(name)).toBe(true);
	expect(read(await store.fetch(name))).toEqual({ b: 2, c: 3 });

	// Nothing stored since: a restarted instance reads the log too.
	const restarted = await reopened();
	try {
		expect(read(await restarted.fetch(name))).toEqual({ b: 2, c: 3 });
		expect(restarted.hasLog(name)).toBe(true);
	} finally {
		await restarted.close();
	}

	// A state holding this instance's updates but not the other client's drops only its own.
	await store.store(name, stateOf(mine));
	expect(store.hasLog(name)).toBe(true);
	expect(read(await store.fetch(name))).toEqual({ b: 2, c: 3 });
	Y.applyUpdate(mine, Y.encodeStateAsUpdate(other));
	await store.store(name, stateOf(mine));
	expect(store.hasLog(name)).toBe(false);
	expect(read(await store.fetch(name))).toEqual({ b: 2, c: 3 });
}

/** `store` and `second` are two instances' stores over the same data. */
async function storeBehaviour(store: Store, second: Store) {
	const name = `doc-${Date.now()}-${Math.random()}`;
	expect(await store.fetch(name)).toBeNull();

	// One instance's document grows: each store overwrites with the newer state.
	const mine = docWith({ a: 1 }, 1);
	await store.store(name, stateOf(mine));
	mine.getMap('m').set('b', 2);
	mine.getMap('m').delete('a');
	await store.store(name, stateOf(mine));
	expect(read(await store.fetch(name))).toEqual({ b: 2 });

	// Another instance stores a change this one never saw; this one's next store keeps it.
	const other = new Y.Doc();
	other.clientID = 2;
	Y.applyUpdate(other, (await second.fetch(name))!);
	other.getMap('m').set('c', 3);
	other.getMap('m').delete('b');
	await second.store(name, stateOf(other));
	mine.getMap('m').set('d', 4);
	await store.store(name, stateOf(mine));
	expect(read(await store.fetch(name))).toEqual({ c: 3, d: 4 });

	// And the merged row, contained in neither writer, still takes a later store of either.
	other.getMap('m').set('e', 5);
	await second.store(name, stateOf(other));
	expect(read(await store.fetch(name))).toEqual({ c: 3, d: 4, e: 5 });

	// Both write at once, each with a change the other lacks: neither is lost.
	mine.getMap('m').set('f', 6);
	other.getMap('m').set('g', 7);
	await Promise.all([store.store(name, stateOf(mine)), second.store(name, stateOf(other))]);
	expect(read(await second.fetch(name))).toEqual({ c: 3, d: 4, e: 5, f: 6, g: 7 });
}

describe('the SQLite store', () => {
	it('overwrites with a state that contains the stored one and merges one that does not', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'factdeck-store-'));
		dirs.push(dir);
		const [store, second] = [openSqliteStore(dir), openSqliteStore(dir)];
		try {
			await storeBehaviour(store, second);
		} finally {
			await store.close();
			await second.close();
		}
	});

	it('keeps logged updates until a stored state holds them', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'factdeck-store-'));
		dirs.push(dir);
		const store = openSqliteStore(dir);
		try {
			await logBehaviour(store, async () => openSqliteStore(dir));
		} finally {
			await store.close();
		}
	});

	it('loads a document whose log holds an update that does not merge, without it', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'factdeck-store-'));
		dirs.push(dir);
		const store = openSqliteStore(dir);
		try {
			const doc = docWith({ a: 1 });
			await store.store('d', stateOf(doc));
			const later = docWith({ b: 2 });
			const broken = new Uint8Array([9, 9, 9]);
			await store.append('d', {
				update: broken,
				snapshot: logEntry(Y.encodeStateAsUpdate(later)).snapshot
			});
			await store.append('d', logEntry(Y.encodeStateAsUpdate(later)));
			expect(read(await store.fetch('d'))).toEqual({ a: 1, b: 2 });
		} finally {
			await store.close();
		}
	});
});

describe.skipIf(missing !== null && !servicesRequired)('the PostgreSQL store', () => {
	it('overwrites with a state that contains the stored one and merges one that does not', async () => {
		expect(missing, `CI needs ${missing}`).toBeNull();
		const [store, second] = [
			await openPostgresStore(DATABASE_URL),
			await openPostgresStore(DATABASE_URL)
		];
		try {
			await storeBehaviour(store, second);
		} finally {
			await store.close();
			await second.close();
		}
	});

	it('keeps logged updates until a stored state holds them', async () => {
		const store = await openPostgresStore(DATABASE_URL);
		try {
			await logBehaviour(store, () => openPostgresStore(DATABASE_URL));
		} finally {
			await store.close();
		}
	});
});
