/**
 * One article's page: its text, questions and cards kept in step with the database, and the
 * learner's edits (hand-made cards and questions, changes, removal, a fresh deck).
 */
import type { ArticleView } from '$lib/db/article-view';
import { bound, liveAppQuery } from './app-database.svelte';

export type { ArticleView };
export { deleteArticle } from './library';
export { questionEdit, type QuestionEdit } from '$lib/db/hand';

const articles = () => import('$lib/db/articles');
const hand = () => import('$lib/db/hand');

/** The article (`id` read on every run of the query) with its questions and cards, kept current. */
export function liveArticle(id: () => string) {
	return liveAppQuery(async () => {
		const { articleView } = await import('$lib/db/article-view');
		return (db) => articleView(db, id());
	});
}

export const editCard = bound(async () => (await articles()).editCard);
export const editQuestion = bound(async () => (await articles()).editQuestion);
export const addHandCard = bound(async () => (await hand()).addHandCard);
export const addHandQuestion = bound(async () => (await hand()).addHandQuestion);
export const removeCard = bound(async () => (await hand()).removeCard);
export const removeQuestion = bound(async () => (await hand()).removeQuestion);
/** Stores a freshly generated deck for the article; the learner's history and edits stay. */
export const regenerateArticle = bound(async () => (await articles()).regenerateArticle);
