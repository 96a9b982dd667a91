/**
 * How state reaches storage. `withAppDatabase(fn)` opens the app's database (seeded on first run,
 * see $lib/db/app) and passes it to a db function; `liveAppQuery(load)` keeps a db query's result
 * in step with the database. State modules stay thin: the queries live in $lib/db, where tests
 * call them with a database of their own. The database code loads on demand, after first paint.
 */
import type { FactdeckDB } from '$lib/db/database';
import { Live } from './live.svelte';

/** The app's database, for state classes that hold it (ReviewSession, CardBrowser). */
export async function appDatabase(): Promise<FactdeckDB> {
	const { openAppDatabase } = await import('$lib/db/app');
	return openAppDatabase();
}

export async function withAppDatabase<T>(fn: (db: FactdeckDB) => T | Promise<T>): Promise<T> {
	return fn(await appDatabase());
}

/**
 * A db function with the app's database bound as its first argument: `bound(load)` takes the
 * rest of its arguments. `load` imports the function on first call, so its module (and Dexie)
 * arrive only when a screen uses it.
 * @example export const finishQuiz = bound(async () => (await import('$lib/db/practice')).finishQuiz);
 */
export function bound<A extends unknown[], R>(
	load: () => Promise<(db: FactdeckDB, ...args: A) => Promise<R>>
): (...args: A) => Promise<R> {
	return async (...args) => {
		const fn = await load();
		return withAppDatabase((db) => fn(db, ...args));
	};
}

/**
 * A value that follows the database. `load` returns the query (importing its module on demand);
 * the database is opened before the query first runs, so the query itself awaits only Dexie.
 * Create it while a component initialises.
 */
export function liveAppQuery<T>(load: () => Promise<(db: FactdeckDB) => Promise<T>>): Live<T> {
	let query: ((db: FactdeckDB) => Promise<T>) | undefined;
	let db: FactdeckDB | undefined;
	return new Live(
		() => query!(db!),
		async () => {
			[query, db] = await Promise.all([load(), appDatabase()]);
		}
	);
}

/**
 * Opens and seeds the app's database ahead of use, and calls `onUpgradeElsewhere` when another
 * tab upgrades it (this connection is closed then).
 */
export async function prepareAppDatabase(onUpgradeElsewhere: () => void): Promise<void> {
	const db = await appDatabase();
	db.onVersionChange(onUpgradeElsewhere);
}
