/** The Library screen: every article with its deck's progress; adding and deleting articles. */
import type { ArticleInput, DeckWriteReport } from '$lib/db/articles';
import type { Deck } from '$lib/generate/types';
import type { LibraryEntry } from '$lib/db/library';
import { bound, liveAppQuery, withAppDatabase } from './app-database.svelte';

export type { LibraryEntry };

/** The library, kept in step with the database (create while a component initialises). */
export function liveLibrary() {
	return liveAppQuery(async () => (await import('$lib/db/library')).listLibrary);
}

export const deleteArticle = bound(async () => (await import('$lib/db/articles')).deleteArticle);

/**
 * Stores a new article with its generated deck (or updates the deck of one already there).
 * `existed` says whether the same text was in the library before.
 */
export async function saveNewArticle(
	article: ArticleInput,
	deck: Deck,
	now: Date
): Promise<DeckWriteReport & { existed: boolean }> {
	const [articles, storage] = await Promise.all([
		import('$lib/db/articles'),
		import('$lib/db/storage')
	]);
	return withAppDatabase(async (db) => {
		const existed =
			(await articles.getArticle(db, articles.articleIdFor(article.text))) !== undefined;
		const report = await articles.addArticle(db, article, deck, now);
		void storage.persistOnFirstUse(db).catch(() => undefined);
		return { ...report, existed };
	});
}

/** "today", "yesterday", "3 days ago", or a date. */
export function relativeDay(then: number, now: number): string {
	const days = Math.floor(now / 86_400_000) - Math.floor(then / 86_400_000);
	if (days <= 0) return 'today';
	if (days === 1) return 'yesterday';
	if (days < 30) return `${days} days ago`;
	return new Date(then).toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}
