/**
 * The app's database, opened once in the browser and seeded on first run with the built-in
 * article and the deck the generator makes from it.
 */
import { PARIS_SUMMIT_TEXT, PARIS_SUMMIT_TITLE } from '$lib/content/paris-summit';
import { ensureSeeded } from '$lib/db/articles';
import { getDatabase, type FactdeckDB } from '$lib/db/database';
import { generateDeck } from '$lib/workers/generate-client';

let ready: Promise<FactdeckDB> | undefined;

/** The database, with the built-in article in it. Safe to call from many places at once. */
export function appDb(): Promise<FactdeckDB> {
	ready ??= (async () => {
		const db = getDatabase();
		await ensureSeeded(
			db,
			async () => ({
				article: { title: PARIS_SUMMIT_TITLE, text: PARIS_SUMMIT_TEXT, builtIn: true },
				deck: await generateDeck(PARIS_SUMMIT_TEXT, { title: PARIS_SUMMIT_TITLE })
			}),
			new Date()
		);
		return db;
	})();
	ready.catch(() => {
		// Let the next caller try again (for example after storage is freed).
		ready = undefined;
	});
	return ready;
}
