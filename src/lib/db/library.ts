/** What the Library lists: each article with its deck's progress and when it was last studied. */
import type { FactdeckDB } from './database';
import { getSrsSettings } from './settings';
import { dayContext, learnerDayNumber } from '$lib/srs';
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
	/** Learner days (counted from the day-start hour, local time) since `lastStudied`; 0 is today. */
	studiedDaysAgo: number | null;
}

const NO_CARDS: CardCounts = { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, total: 0 };

/** How many live questions each article has. */
async function questionCounts(db: FactdeckDB): Promise<Map<string, number>> {
	const ids = await db.articles.toCollection().primaryKeys();
	const counts = await Promise.all(
		ids.map(async (id) => {
			const live = db.questions.where('articleId').equals(id);
			return [id, await live.filter((q) => q.retiredAt === undefined).count()] as const;
		})
	);
	return new Map(counts);
}

/** The latest rating of each article's cards (most recent logs first, stopping once all are found). */
async function lastStudiedByArticle(
	db: FactdeckDB,
	articleOfCard: Map<string, string>,
	articleCount: number
): Promise<Map<string, number>> {
	const lastStudied = new Map<string, number>();
	await db.logs
		.orderBy('last')
		.reverse()
		.until(() => lastStudied.size >= articleCount)
		.each((log) => {
			const articleId = articleOfCard.get(log.cardId);
			const rated = log.rows.findLast((row) => row.rating > 0);
			if (articleId && rated && rated.review > (lastStudied.get(articleId) ?? -1)) {
				lastStudied.set(articleId, rated.review);
			}
		});
	return lastStudied;
}

/** Every article, newest first; `now` and the UTC offset place "today" in the learner's day. */
export async function listLibrary(
	db: FactdeckDB,
	now: Date,
	utcOffsetMinutes: number
): Promise<LibraryEntry[]> {
	const tables = [db.articles, db.cards, db.questions, db.logs, db.settings];
	return db.transaction('r', tables, async () => {
		const [articles, cards, questions, settings] = await Promise.all([
			db.articles.orderBy('addedAt').reverse().toArray(),
			db.cards.toArray(),
			questionCounts(db),
			getSrsSettings(db)
		]);
		const day = dayContext(utcOffsetMinutes, settings.dayStartHour);
		const today = learnerDayNumber(now, day);
		const { byArticle } = countCards(cards);
		const articleOfCard = new Map(cards.map((c) => [c.id, c.articleId]));
		const lastStudied = await lastStudiedByArticle(db, articleOfCard, articles.length);
		return articles.map((a) => {
			const studied = lastStudied.get(a.id) ?? null;
			return {
				id: a.id,
				title: a.title,
				builtIn: a.builtIn === true,
				addedAt: a.addedAt,
				words: a.text.split(/\s+/).filter(Boolean).length,
				counts: byArticle.get(a.id) ?? { ...NO_CARDS },
				questions: questions.get(a.id) ?? 0,
				lastStudied: studied,
				studiedDaysAgo: studied === null ? null : today - learnerDayNumber(new Date(studied), day)
			};
		});
	});
}
