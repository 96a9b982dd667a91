/**
 * Write transactions with the browser's storage errors turned into the app's own. IndexedDB aborts
 * the whole transaction when it fails, so a caught StorageFullError means nothing was written.
 */
import { Dexie, type Table } from 'dexie';
import type { FactdeckDB } from './database';
import { DatabaseClosedError, StorageFullError } from './errors';

function errorChain(e: unknown): { name?: unknown; inner?: unknown; cause?: unknown }[] {
	const chain: { name?: unknown; inner?: unknown; cause?: unknown }[] = [];
	let cur: unknown = e;
	while (cur && typeof cur === 'object' && chain.length < 5) {
		const err = cur as { name?: unknown; inner?: unknown; cause?: unknown };
		chain.push(err);
		cur = err.inner ?? err.cause;
	}
	return chain;
}

/** True for the browser's "no room left" error, however Dexie wrapped it. */
export function isQuotaError(e: unknown): boolean {
	return errorChain(e).some(
		(err) => err.name === 'QuotaExceededError' || err.name === Dexie.errnames.QuotaExceeded
	);
}

/** Maps a storage failure to the app's error; other errors pass through unchanged. */
export function toAppError(db: FactdeckDB, e: unknown): unknown {
	if (e instanceof StorageFullError || e instanceof DatabaseClosedError) return e;
	if (isQuotaError(e)) return new StorageFullError(e);
	if (db.closedByUpgrade) return new DatabaseClosedError(e);
	return e;
}

/**
 * `db.transaction(mode, tables, scope)` with the browser's storage errors turned into the app's own
 * (a full disk, a database closed by an upgrade in another tab).
 */
function inTransaction(mode: 'r' | 'rw') {
	return async <T>(
		db: FactdeckDB,
		tables: Table | Table[],
		scope: () => Promise<T>
	): Promise<T> => {
		try {
			return await db.transaction(mode, Array.isArray(tables) ? tables : [tables], scope);
		} catch (e) {
			throw toAppError(db, e);
		}
	};
}

/** A write transaction with storage errors mapped. */
export const rw = inTransaction('rw');

/** A read transaction with a closed database reported as such. */
export const ro = inTransaction('r');
