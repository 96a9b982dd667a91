/**
 * The one way to open the app's database: `openAppDatabase()` opens it once per page and, on the
 * first run, stores the built-in article and the deck the generator makes from it.
 *
 * There used to be two entry points: one handed back the connection at once (without the
 * built-in article) and the other waited for the seeding. Nothing but timing told them apart,
 * and a screen that took the quick one could read the database before it was ready. Every
 * caller now waits for the same promise, so that difference no longer exists. Tests do not use
 * this: they open their own database with `openDatabase(name)` and pass it to the functions.
 */
import { PARIS_SUMMIT_TEXT, PARIS_SUMMIT_TITLE } from '$lib/content/paris-summit';
import { generateDeck } from '$lib/workers/generate-client';
import { ensureSeeded } from './articles';
import { DEFAULT_DB_NAME, openDatabase, type FactdeckDB } from './database';

let connection: FactdeckDB | undefined;
let ready: Promise<FactdeckDB> | undefined;

/**
 * The app's database, seeded with the built-in article. Browser only (the server render never
 * touches IndexedDB). Safe to call from many places at once: all share one connection and one
 * seeding. A failure is not remembered, so the next call (a Retry button) tries again.
 */
export function openAppDatabase(): Promise<FactdeckDB> {
	ready ??= (async () => {
		connection ??= openDatabase(DEFAULT_DB_NAME);
		await ensureSeeded(
			connection,
			async () => ({
				article: { title: PARIS_SUMMIT_TITLE, text: PARIS_SUMMIT_TEXT, builtIn: true },
				deck: await generateDeck(PARIS_SUMMIT_TEXT, { title: PARIS_SUMMIT_TITLE })
			}),
			new Date()
		);
		return connection;
	})();
	ready.catch(() => {
		// Let the next caller try again (for example after storage is freed), on a new connection.
		connection?.close();
		connection = undefined;
		ready = undefined;
	});
	return ready;
}
