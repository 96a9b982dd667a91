/**
 * This device's copy of the shared document, kept as Yjs updates in a small Dexie database of
 * its own beside the app's (`<app db name>-sync`), with the space's settings.
 *
 * Why beside and not inside: the app database opens on every page and must not need Yjs, and a
 * crash between the two writes is harmless in the order the engine writes them (rows first,
 * then the update that describes them; see engine.ts).
 */
import { Dexie, type EntityTable } from 'dexie';

export interface UpdateRow {
	seq?: number;
	data: Uint8Array;
}

export interface SpaceRow {
	key: 'space';
	/** Where the space lives (a ws:// or wss:// address). */
	server: string;
	/** The learner's code for it. */
	code: string;
	joinedAt: number;
}

class SyncStoreDB extends Dexie {
	updates!: EntityTable<UpdateRow, 'seq'>;
	meta!: EntityTable<SpaceRow, 'key'>;

	constructor(name: string) {
		super(name);
		this.version(1).stores({ updates: '++seq', meta: 'key' });
	}
}

/** Updates merge into one once there are this many. */
const COMPACT_AFTER = 100;

export class SyncStore {
	readonly #db: SyncStoreDB;

	constructor(appDbName: string) {
		this.#db = new SyncStoreDB(`${appDbName}-sync`);
	}

	/** Every stored update, oldest first. */
	async load(): Promise<Uint8Array[]> {
		return (await this.#db.updates.toArray()).map((r) => r.data);
	}

	async append(updates: readonly Uint8Array[]): Promise<void> {
		if (updates.length === 0) return;
		await this.#db.updates.bulkAdd(updates.map((data) => ({ data })));
	}

	/** Whether the stored updates should be merged into one (see `replace`). */
	async wantsCompaction(): Promise<boolean> {
		return (await this.#db.updates.count()) > COMPACT_AFTER;
	}

	/** Replaces the updates up to `upTo` rows (the ones `load` returned) with their merge. */
	async replace(merged: Uint8Array, upTo: number): Promise<void> {
		await this.#db.transaction('rw', this.#db.updates, async () => {
			const keys = await this.#db.updates.limit(upTo).primaryKeys();
			await this.#db.updates.bulkDelete(keys);
			await this.#db.updates.add({ data: merged });
		});
	}

	async space(): Promise<SpaceRow | undefined> {
		return this.#db.meta.get('space');
	}

	async setSpace(space: Omit<SpaceRow, 'key'>): Promise<void> {
		await this.#db.meta.put({ key: 'space', ...space });
	}

	/** Forgets the space and this device's copy of it (the app's own data stays). */
	async clear(): Promise<void> {
		await this.#db.transaction('rw', this.#db.updates, this.#db.meta, async () => {
			await this.#db.updates.clear();
			await this.#db.meta.clear();
		});
	}

	close(): void {
		this.#db.close();
	}
}
