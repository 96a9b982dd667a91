/** What the Library lists: each article with its deck's progress and when it was last studied. */
import type { FactdeckDB } from './database';
import { countCards, type CardCounts } from '$lib/stats/stats';

export interface LibraryEntry {
	id: string;
	title: string;
	builtIn: boolean;
	addedAt: number;
	words: number;
	counts: CardCounts;
	questions: number;
	/** Last rating of any of its cards, or null when never studied. */
	lastStudied: number | null;
}

export async function listLibrary(db: FactdeckDB): Promise<LibraryEntry[]> {
	return db.transaction('r', [db.articles, db.cards, db.questions, db.logs], async () => {
		const [articles, cards, questionCounts] = await Promise.all([
			db.articles.orderBy('addedAt').reverse().toArray(),
			db.cards.toArray(),
			Promise.all(
				(await db.articles.toCollection().primaryKeys()).map(
					async (id) =>
						[
							id,
							await db.questions
								.where('articleId')
								.equals(id)
								.filter((q) => q.retiredAt === undefined)
								.count()
						] as const
				)
			)
		]);
		const { byArticle } = countCards(cards);
		const articleOfCard = new Map(cards.map((c) => [c.id, c.articleId]));
		const lastStudied = new Map<string, number>();
		// Most recently reviewed cards first; stop once every article has its latest.
		await db.logs
			.orderBy('last')
			.reverse()
			.until(() => lastStudied.size >= articles.length)
			.each((log) => {
				const articleId = articleOfCard.get(log.cardId);
				const rated = log.rows.findLast((row) => row.rating > 0);
				if (articleId && rated && rated.review > (lastStudied.get(articleId) ?? -1)) {
					lastStudied.set(articleId, rated.review);
				}
			});
		const questions = new Map(questionCounts);
		return articles.map((a) => ({
			id: a.id,
			title: a.title,
			builtIn: a.builtIn === true,
			addedAt: a.addedAt,
			words: a.text.split(/\s+/).filter(Boolean).length,
			counts: byArticle.get(a.id) ?? {
				new: 0,
				learning: 0,
				young: 0,
				mature: 0,
				suspended: 0,
				total: 0
			},
			questions: questions.get(a.id) ?? 0,
			lastStudied: lastStudied.get(a.id) ?? null
		}));
	});
}
