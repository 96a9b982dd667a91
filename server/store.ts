/**
 * Where documents are kept: an embedded SQLite file in DATA_DIR for one instance, or a shared
 * PostgreSQL database for several. Both keep one row per document, the whole Yjs state, and a
 * small key-value table for what the instances must agree on (the signing secret, join codes).
 *
 * A store never overwrites what another instance wrote: the stored state and the new one are
 * merged (both applied to one Yjs document) inside a transaction that holds the row. Instances
 * joined by Redis each store only the changes their own clients made, so a plain overwrite could
 * drop another instance's change until its next store; the merge cannot.
 *
 * Each row keeps the snapshot of its state too (the state vector and the deleted ranges: a few
 * bytes). When the stored snapshot is contained in the new state's, the stored state adds
 * nothing and the new one is written as it is; only a row that holds something the writer lacks
 * (another instance's change) is decoded and merged. Storing a 10 MB document then costs one
 * write instead of two decodes and an encode.
 *
 * Documents are stored on a debounce, so a change can sit in memory for seconds after the
 * server acknowledged it to its client. To lose nothing acknowledged, even when the process is
 * killed, each accepted update is first appended to an update log (`append`, awaited before the
 * update is applied and acknowledged; see app.ts). Loading a document applies its logged updates
 * over the stored state; storing it deletes the logged updates that the written state contains,
 * so the log holds only what arrived since the last store.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import * as Y from 'yjs';

/** A document's whole state, as stored, with its encoded snapshot (see `Y.snapshot`). */
export interface DocumentState {
	state: Uint8Array;
	snapshot: Uint8Array;
}

/** The state of a live document, ready to store (`state` when already encoded). */
export function stateOf(doc: Y.Doc, state = Y.encodeStateAsUpdate(doc)): DocumentState {
	return { state, snapshot: Y.encodeSnapshot(Y.snapshot(doc)) };
}

export interface Store {
	readonly kind: 'sqlite' | 'postgres';
	/** The stored state of a document, or null for a new one. */
	fetch(name: string): Promise<Uint8Array | null>;
	/**
	 * Merges `state` into the stored state of `name`, and drops the logged updates of `name`
	 * that the written state contains.
	 */
	store(name: string, state: DocumentState): Promise<void>;
	/** Logs an update of `name`: it is on disk (committed) once this resolves. */
	append(name: string, entry: LogEntry): Promise<void>;
	/** Whether `name` has logged updates that no store has folded in yet (as far as this instance knows). */
	hasLog(name: string): boolean;
	/** Sets `key` to `value` (at time `at`, ms) unless it is set already; returns the value that holds. */
	claim(key: string, value: string, at?: number): Promise<string>;
	get(key: string): Promise<string | null>;
	/** Removes `key` if it still holds `value`; returns whether it did. */
	release(key: string, value: string): Promise<boolean>;
	/** Removes the keys that start with `prefix` and were set before `before` (ms); returns how many. */
	sweep(prefix: string, before: number): Promise<number>;
	/** Throws when the store cannot answer. */
	ping(): Promise<void>;
	close(): Promise<void>;
}

/** The union of two document states, with deleted content collected. */
export function mergeStates(stored: Uint8Array | null, state: DocumentState): DocumentState {
	if (!stored || stored.length === 0) return state;
	// A fixed guid: a random one costs more than a small merge.
	const doc = new Y.Doc({ guid: 'merge' });
	try {
		Y.applyUpdate(doc, stored);
		Y.applyUpdate(doc, state.state);
		return stateOf(doc);
	} finally {
		doc.destroy();
	}
}

/**
 * Whether everything in the snapshot `inner` is in `outer` too: every client's clock as far,
 * and every deleted range deleted. A stored snapshot that cannot be read contains nothing known.
 */
export function snapshotContains(outer: Uint8Array, inner: Uint8Array | null): boolean {
	let a: Y.Snapshot;
	try {
		a = Y.decodeSnapshot(outer);
	} catch {
		return false;
	}
	return decodedContains(a, inner);
}

/** `snapshotContains` with the outer snapshot decoded already. */
function decodedContains(a: Y.Snapshot, inner: Uint8Array | null): boolean {
	if (!inner) return false;
	let b: Y.Snapshot;
	try {
		b = Y.decodeSnapshot(inner);
	} catch {
		return false;
	}
	for (const [client, clock] of b.sv) if ((a.sv.get(client) ?? 0) < clock) return false;
	return deletionsContain(a.ds, b.ds);
}

/** A decoded Yjs update (`Y.decodeUpdate`). */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

/** An update for the log, with the encoded snapshot of what it carries (see `updateSnapshot`). */
export interface LogEntry {
	update: Uint8Array;
	snapshot: Uint8Array;
}

/**
 * The snapshot of what an update carries: for each client the clock just past its last item,
 * and its deletions. A state whose snapshot contains it holds the whole update (a client's
 * clock in a state vector only passes items the document has, all of those before them too).
 */
export function updateSnapshot(decoded: DecodedUpdate): Uint8Array {
	const clocks = new Map<number, number>();
	for (const struct of decoded.structs) {
		// A skip marks a gap in a merged update: nothing it carries.
		if (struct instanceof Y.Skip) continue;
		const end = struct.id.clock + struct.length;
		if ((clocks.get(struct.id.client) ?? 0) < end) clocks.set(struct.id.client, end);
	}
	return Y.encodeSnapshot(Y.createSnapshot(decoded.ds, clocks));
}

/** The log entry of an update (decoded here: the server has it decoded already). */
export function logEntry(update: Uint8Array, decoded = Y.decodeUpdate(update)): LogEntry {
	return { update, snapshot: updateSnapshot(decoded) };
}

/** Whether an update carries nothing: no item and no deletion (an empty sync reply). */
export function isEmptyUpdate(update: DecodedUpdate): boolean {
	return update.structs.length === 0 && update.ds.clients.size === 0;
}

/** The logged updates (by id) that a written state (its encoded snapshot) holds. */
function heldIds<Id>(snapshot: Uint8Array, rows: { id: Id; snapshot: Uint8Array }[]): Id[] {
	if (rows.length === 0) return [];
	const outer = Y.decodeSnapshot(snapshot);
	return rows.filter((row) => decodedContains(outer, row.snapshot)).map((row) => row.id);
}

/**
 * A document's stored state with its logged updates applied (merged without a Y.Doc). Every
 * logged update passed the server's checks; should one still not merge, it is left out rather
 * than keep the document from loading.
 */
function withLog(stored: Uint8Array | null, log: Uint8Array[]): Uint8Array | null {
	if (log.length === 0) return stored;
	try {
		return Y.mergeUpdates(stored ? [stored, ...log] : log);
	} catch {
		let merged = stored;
		for (const update of log) {
			try {
				merged = merged ? Y.mergeUpdates([merged, update]) : Y.mergeUpdates([update]);
			} catch {
				// Left out: see above.
			}
		}
		return merged;
	}
}

/** Whether every range deleted in `inner` is deleted in `outer`. */
function deletionsContain(outer: Y.Snapshot['ds'], inner: Y.Snapshot['ds']): boolean {
	for (const [client, ranges] of inner.clients) {
		const mine = [...(outer.clients.get(client) ?? [])].sort((x, y) => x.clock - y.clock);
		for (const range of ranges) {
			// Walk `mine` (sorted, possibly adjacent pieces) over [clock, clock + len).
			let at = range.clock;
			const end = range.clock + range.len;
			let j = 0;
			while (at < end) {
				while (j < mine.length && mine[j]!.clock + mine[j]!.len <= at) j++;
				const piece = mine[j];
				if (!piece || piece.clock > at) return false;
				at = piece.clock + piece.len;
			}
		}
	}
	return true;
}

/** Documents whose last stored snapshot an instance remembers (see openPostgresStore). */
const KNOWN_SNAPSHOTS = 20_000;

export function openSqliteStore(dataDir: string): Store {
	mkdirSync(dataDir, { recursive: true });
	const db = new Database(join(dataDir, 'factdeck.sqlite'));
	db.pragma('journal_mode = WAL');
	db.pragma('synchronous = NORMAL');
	db.exec(`CREATE TABLE IF NOT EXISTS documents (
		name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL)`);
	db.exec(`CREATE TABLE IF NOT EXISTS kv (
		key TEXT PRIMARY KEY, value TEXT NOT NULL, created_at INTEGER NOT NULL)`);
	const columns = db.prepare<[], { name: string }>('PRAGMA table_info(documents)').all();
	if (!columns.some((c) => c.name === 'snapshot')) {
		db.exec('ALTER TABLE documents ADD COLUMN snapshot BLOB');
	}
	db.exec(`CREATE TABLE IF NOT EXISTS updates (
		id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, data BLOB NOT NULL,
		snapshot BLOB NOT NULL)`);
	db.exec('CREATE INDEX IF NOT EXISTS updates_by_name ON updates (name, id)');
	const select = db.prepare<[string], { data: Buffer }>(
		'SELECT data FROM documents WHERE name = ?'
	);
	const selectLog = db.prepare<[string], { data: Buffer }>(
		'SELECT data FROM updates WHERE name = ? ORDER BY id'
	);
	const selectLogSnapshots = db.prepare<[string], { id: number; snapshot: Buffer }>(
		'SELECT id, snapshot FROM updates WHERE name = ?'
	);
	const insertLog = db.prepare('INSERT INTO updates (name, data, snapshot) VALUES (?, ?, ?)');
	const deleteLog = db.prepare('DELETE FROM updates WHERE id = ?');
	const hasLog = db.prepare<[string], { one: number }>(
		'SELECT 1 AS one FROM updates WHERE name = ? LIMIT 1'
	);
	const selectSnapshot = db.prepare<[string], { snapshot: Buffer | null }>(
		'SELECT snapshot FROM documents WHERE name = ?'
	);
	const upsert = db.prepare(
		`INSERT INTO documents (name, data, snapshot, updated_at) VALUES (?, ?, ?, ?)
		 ON CONFLICT(name) DO UPDATE SET data = excluded.data, snapshot = excluded.snapshot,
		 updated_at = excluded.updated_at`
	);
	const write = db.transaction((name: string, state: DocumentState) => {
		const stored = selectSnapshot.get(name);
		const next =
			!stored || snapshotContains(state.snapshot, stored.snapshot)
				? state
				: mergeStates(select.get(name)?.data ?? null, state);
		upsert.run(name, Buffer.from(next.state), Buffer.from(next.snapshot), Date.now());
		for (const id of heldIds(next.snapshot, selectLogSnapshots.all(name))) deleteLog.run(id);
	});
	const insertKey = db.prepare(
		'INSERT INTO kv (key, value, created_at) VALUES (?, ?, ?) ON CONFLICT(key) DO NOTHING'
	);
	const selectKey = db.prepare<[string], { value: string }>('SELECT value FROM kv WHERE key = ?');
	const deleteKey = db.prepare('DELETE FROM kv WHERE key = ? AND value = ?');
	const sweepKeys = db.prepare('DELETE FROM kv WHERE substr(key, 1, ?) = ? AND created_at < ?');
	return {
		kind: 'sqlite',
		async fetch(name) {
			const row = select.get(name);
			const log = selectLog.all(name).map((entry) => new Uint8Array(entry.data));
			return withLog(row ? new Uint8Array(row.data) : null, log);
		},
		async store(name, state) {
			write(name, state);
		},
		async append(name, entry) {
			// Committed before this returns: in WAL mode a commit survives the process being killed.
			insertLog.run(name, Buffer.from(entry.update), Buffer.from(entry.snapshot));
		},
		hasLog(name) {
			return hasLog.get(name) !== undefined;
		},
		async claim(key, value, at = Date.now()) {
			insertKey.run(key, value, at);
			return selectKey.get(key)?.value ?? value;
		},
		async get(key) {
			return selectKey.get(key)?.value ?? null;
		},
		async release(key, value) {
			return deleteKey.run(key, value).changes > 0;
		},
		async sweep(prefix, before) {
			return sweepKeys.run(prefix.length, prefix, before).changes;
		},
		async ping() {
			db.prepare('SELECT 1').get();
		},
		async close() {
			db.close();
		}
	};
}

export async function openPostgresStore(url: string): Promise<Store> {
	const pool = new pg.Pool({ connectionString: url, max: 8 });
	// A pool error (the database restarted) must not end the process; the next query reconnects.
	pool.on('error', () => {});
	await pool.query(`CREATE TABLE IF NOT EXISTS factdeck_documents (
		name TEXT PRIMARY KEY, data BYTEA NOT NULL, updated_at BIGINT NOT NULL)`);
	await pool.query(`CREATE TABLE IF NOT EXISTS factdeck_kv (
		key TEXT PRIMARY KEY, value TEXT NOT NULL, created_at BIGINT NOT NULL)`);
	await pool.query('ALTER TABLE factdeck_documents ADD COLUMN IF NOT EXISTS snapshot BYTEA');
	await pool.query(`CREATE TABLE IF NOT EXISTS factdeck_updates (
		id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, data BYTEA NOT NULL, snapshot BYTEA NOT NULL)`);
	await pool.query(
		'CREATE INDEX IF NOT EXISTS factdeck_updates_by_name ON factdeck_updates (name, id)'
	);
	/**
	 * The logged updates a store may fold in, by document: their ids and snapshots, for those
	 * this instance logged or loaded (another instance's, left when it stopped). A store then
	 * knows which rows its state holds without reading the log back: one DELETE, and none at all
	 * for a document with nothing logged.
	 */
	const pendingLog = new Map<string, Map<string, Buffer>>();
	const notePending = (name: string, id: string, snapshot: Buffer) => {
		let entries = pendingLog.get(name);
		if (!entries) pendingLog.set(name, (entries = new Map()));
		entries.set(id, snapshot);
	};
	/** Drops the logged updates of `name` that the state with `snapshot` (now stored) holds. */
	const compact = async (name: string, snapshot: Uint8Array) => {
		const entries = pendingLog.get(name);
		if (!entries) return;
		const held = heldIds(
			snapshot,
			[...entries].map(([id, logged]) => ({ id, snapshot: logged }))
		);
		if (held.length === 0) return;
		await pool.query('DELETE FROM factdeck_updates WHERE id = ANY($1::bigint[])', [held]);
		for (const id of held) entries.delete(id);
		if (entries.size === 0) pendingLog.delete(name);
	};
	/**
	 * The snapshot this instance last read or wrote for each document. A store whose state
	 * contains it is written in one statement that only succeeds while the row still holds that
	 * snapshot; any other row takes the locked merge below. One round trip instead of five, for
	 * every student document of a live class.
	 */
	const known = new Map<string, Buffer>();
	const remember = (name: string, snapshot: Uint8Array | Buffer) => {
		known.delete(name);
		known.set(name, Buffer.from(snapshot));
		if (known.size > KNOWN_SNAPSHOTS) known.delete(known.keys().next().value!);
	};
	const get = async (key: string): Promise<string | null> => {
		const result = await pool.query<{ value: string }>(
			'SELECT value FROM factdeck_kv WHERE key = $1',
			[key]
		);
		return result.rows[0]?.value ?? null;
	};
	return {
		kind: 'postgres',
		async fetch(name) {
			const result = await pool.query<{ data: Buffer; snapshot: Buffer | null }>(
				'SELECT data, snapshot FROM factdeck_documents WHERE name = $1',
				[name]
			);
			const row = result.rows[0];
			if (row?.snapshot) remember(name, row.snapshot);
			const log = await pool.query<{ id: string; data: Buffer; snapshot: Buffer }>(
				'SELECT id, data, snapshot FROM factdeck_updates WHERE name = $1 ORDER BY id',
				[name]
			);
			for (const entry of log.rows) notePending(name, entry.id, entry.snapshot);
			return withLog(
				row ? new Uint8Array(row.data) : null,
				log.rows.map((entry) => new Uint8Array(entry.data))
			);
		},
		async append(name, entry) {
			const snapshot = Buffer.from(entry.snapshot);
			const result = await pool.query<{ id: string }>(
				'INSERT INTO factdeck_updates (name, data, snapshot) VALUES ($1, $2, $3) RETURNING id',
				[name, Buffer.from(entry.update), snapshot]
			);
			notePending(name, result.rows[0]!.id, snapshot);
		},
		hasLog(name) {
			return pendingLog.has(name);
		},
		async store(name, state) {
			const last = known.get(name);
			const now = Date.now();
			const fast =
				last === undefined
					? await pool.query(
							`INSERT INTO factdeck_documents (name, data, snapshot, updated_at)
							 VALUES ($1, $2, $3, $4) ON CONFLICT (name) DO NOTHING`,
							[name, Buffer.from(state.state), Buffer.from(state.snapshot), now]
						)
					: snapshotContains(state.snapshot, last)
						? await pool.query(
								`UPDATE factdeck_documents SET data = $2, snapshot = $3, updated_at = $4
								 WHERE name = $1 AND snapshot = $5`,
								[name, Buffer.from(state.state), Buffer.from(state.snapshot), now, last]
							)
						: null;
			if (fast && fast.rowCount === 1) {
				remember(name, state.snapshot);
				await compact(name, state.snapshot);
				return;
			}
			const client = await pool.connect();
			let written: Uint8Array;
			try {
				await client.query('BEGIN');
				// Holds the name even while no row exists yet, so two first stores cannot race.
				await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
				const stored = await client.query<{ snapshot: Buffer | null }>(
					'SELECT snapshot FROM factdeck_documents WHERE name = $1',
					[name]
				);
				let next = state;
				const row = stored.rows[0];
				if (row && !snapshotContains(state.snapshot, row.snapshot)) {
					const result = await client.query<{ data: Buffer }>(
						'SELECT data FROM factdeck_documents WHERE name = $1',
						[name]
					);
					const old = result.rows[0] ? new Uint8Array(result.rows[0].data) : null;
					next = mergeStates(old, state);
				}
				await client.query(
					`INSERT INTO factdeck_documents (name, data, snapshot, updated_at) VALUES ($1, $2, $3, $4)
					 ON CONFLICT (name) DO UPDATE SET data = excluded.data, snapshot = excluded.snapshot,
					 updated_at = excluded.updated_at`,
					[name, Buffer.from(next.state), Buffer.from(next.snapshot), Date.now()]
				);
				await client.query('COMMIT');
				remember(name, next.snapshot);
				written = next.snapshot;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => {});
				throw error;
			} finally {
				client.release();
			}
			await compact(name, written);
		},
		async claim(key, value, at = Date.now()) {
			await pool.query(
				`INSERT INTO factdeck_kv (key, value, created_at) VALUES ($1, $2, $3)
				 ON CONFLICT (key) DO NOTHING`,
				[key, value, at]
			);
			return (await get(key)) ?? value;
		},
		get,
		async release(key, value) {
			const result = await pool.query('DELETE FROM factdeck_kv WHERE key = $1 AND value = $2', [
				key,
				value
			]);
			return (result.rowCount ?? 0) > 0;
		},
		async sweep(prefix, before) {
			const result = await pool.query(
				'DELETE FROM factdeck_kv WHERE left(key, $1) = $2 AND created_at < $3',
				[prefix.length, prefix, before]
			);
			return result.rowCount ?? 0;
		},
		async ping() {
			await pool.query('SELECT 1');
		},
		async close() {
			await pool.end();
		}
	};
}
