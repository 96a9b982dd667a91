/** One article as its page shows it: the text with its live questions and cards. */
import { cardsOfArticle, questionsOfArticle } from './articles';
import type { FactdeckDB } from './database';
import type { ArticleRecord, CardRecord, QuestionRecord } from './records';

export interface ArticleView {
	article: ArticleRecord;
	questions: QuestionRecord[];
	cards: CardRecord[];
}

/** The article with its questions and cards, or null when there is no such article. */
export async function articleView(db: FactdeckDB, id: string): Promise<ArticleView | null> {
	const article = await db.articles.get(id);
	if (!article) return null;
	const [questions, cards] = await Promise.all([
		questionsOfArticle(db, id),
		cardsOfArticle(db, id)
	]);
	return { article, questions, cards };
}

/** Every article's title and text by id, to show where a card's sentence comes from. */
export async function articleTexts(
	db: FactdeckDB
): Promise<Map<string, { title: string; text: string }>> {
	const articles = await db.articles.toArray();
	return new Map(articles.map((a) => [a.id, { title: a.title, text: a.text }]));
}
