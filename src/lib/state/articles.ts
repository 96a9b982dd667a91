/** Articles and their questions, read for pickers (practice quiz, classroom editor). */
import type { ArticleRecord, QuestionRecord } from '$lib/db/records';
import { withAppDatabase } from './app-database.svelte';

export type { ArticleRecord, QuestionRecord };

const articles = () => import('$lib/db/articles');

/** Every article, newest first. */
export async function loadArticles(): Promise<ArticleRecord[]> {
	const { listArticles } = await articles();
	return withAppDatabase(listArticles);
}

/** The articles' live questions, each article's in the order the generator ranked them. */
export async function loadQuestions(...articleIds: string[]): Promise<QuestionRecord[]> {
	const { questionsOfArticle } = await articles();
	return withAppDatabase(async (db) =>
		(await Promise.all(articleIds.map((id) => questionsOfArticle(db, id)))).flat()
	);
}
