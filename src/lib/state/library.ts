/** The Library screen: every article with its deck's progress; adding and deleting articles. */
import type { ArticleInput, DeckWriteReport } from '$lib/db/articles';
import type { Deck } from '$lib/generate/types';
import type { LibraryEntry } from '$lib/db/library';
import { localUtcOffset } from '$lib/srs/day';
import { bound, liveAppQuery, withAppDatabase } from './app-database.svelte';

export type { LibraryEntry };

/** The library, kept in step with the database (create while a component initialises). */
export function liveLibrary() {
	return liveAppQuery(async () => {
		const { listLibrary } = await import('$lib/db/library');
		return (db) => {
			const now = new Date();
			return listLibrary(db, now, localUtcOffset(now));
		};
	});
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

/**
 * "today", "yesterday", "3 days ago", or the date of `then`. `daysAgo` counts learner days (from
 * the day-start hour, local time), as LibraryEntry.studiedDaysAgo does.
 */
export function relativeDay(then: number, daysAgo: number): string {
	const days = daysAgo;
	if (days <= 0) return 'today';
	if (days === 1) return 'yesterday';
	if (days < 30) return `${days} days ago`;
	return new Date(then).toLocaleDateString(undefined, {
		day: 'numeric',
		month: 'short',
		year: 'numeric'
	});
}

/**
 * The article in the library that `text` looks like a new version of (most of its sentences
 * shared), or undefined; the same text's own article does not count.
 */
export async function findEarlierVersionOf(
	text: string
): Promise<{ id: string; title: string; share: number } | undefined> {
	const [{ articleIdFor }, { findEarlierVersion }] = await Promise.all([
		import('$lib/db/articles'),
		import('$lib/db/article-versions')
	]);
	return withAppDatabase((db) => findEarlierVersion(db, text, articleIdFor(text)));
}

/**
 * Replaces an article's text with a new version of it: cards whose facts remain keep their whole
 * history, the rest are retired (hidden, history kept).
 */
export async function saveArticleVersion(
	articleId: string,
	article: Omit<ArticleInput, 'id'>,
	deck: Deck,
	now: Date
): Promise<DeckWriteReport> {
	const { updateArticleText } = await import('$lib/db/articles');
	return withAppDatabase((db) => updateArticleText(db, articleId, article, deck, now));
}

/** What the Add page saves: the text, and whether it updates an earlier version of it. */
export interface AddedArticle {
	title: string;
	text: string;
	source: string;
	/** The article this text updates, when the learner chose to. */
	updates?: { id: string; title: string };
}

/**
 * Saves an article made on the Add page, as a new article or as a new version of an earlier
 * one. Returns the article's id and a line to show on its page (or null).
 */
export async function saveAddedArticle(
	added: AddedArticle,
	deck: Deck,
	now: Date
): Promise<{ articleId: string; notice: string | null }> {
	const source = added.source || undefined;
	if (added.updates) {
		const { id, title } = added.updates;
		const report = await saveArticleVersion(
			id,
			{ title: added.title || title, text: added.text, source },
			deck,
			now
		);
		const notice = `Updated to the new text: ${report.added} new, ${report.updated} kept with their history, ${report.retired} retired.`;
		return { articleId: report.articleId, notice };
	}
	const title = added.title || deck.title || 'Untitled article';
	const report = await saveNewArticle({ title, text: added.text, source }, deck, now);
	const notice = report.existed
		? 'This article was already in your library; its deck is up to date.'
		: null;
	return { articleId: report.articleId, notice };
}
