/**
 * What the Today section shows: cards due now and later today, per article and in total, new
 * cards left today, and the streak of study days. One read of the database, for a live query.
 */
import { getDatabase, type FactdeckDB } from '$lib/db/database';
import { getStudyQueue } from '$lib/db/study';
import { latestReview, reviewsSince } from '$lib/db/log';
import { dayContext, localUtcOffset, startOfNextLearnerDay, State } from '$lib/srs';
import { studyStreak } from '$lib/stats/stats';

export interface ArticleDue {
	articleId: string;
	title: string;
	dueNow: number;
	newCards: number;
}

export interface TodaySummary {
	/** Learning and review cards to study now. */
	dueNow: number;
	/** New cards left to introduce today. */
	newToday: number;
	/** Learning cards that come due later in the learner's day. */
	laterToday: number;
	streak: number;
	reviewedToday: number;
	articles: ArticleDue[];
	totalArticles: number;
	/** The learner has never rated a card. */
	firstRun: boolean;
}

export async function loadToday(
	now = new Date(),
	db: FactdeckDB = getDatabase()
): Promise<TodaySummary> {
	const queue = await getStudyQueue(db, now);
	const day = dayContext(localUtcOffset(now), queue.settings.dayStartHour);
	const dayEnd = startOfNextLearnerDay(now, day).getTime();
	const t = now.getTime();
	const [articles, later, lastReview, recent] = await Promise.all([
		db.articles.toArray(),
		Promise.all(
			[State.Learning, State.Relearning].map((q) =>
				db.cards.where('[queue+due]').between([q, t], [q, dayEnd], false, false).count()
			)
		),
		latestReview(db),
		// A streak longer than a year is still shown as a year's worth; enough for the counter.
		reviewsSince(db, t - 400 * 86_400_000)
	]);
	const queued = new Set(queue.ids);
	const titles = new Map(articles.map((a) => [a.id, a.title]));
	const perArticle = new Map<string, ArticleDue>();
	for (const card of queue.cards) {
		let entry = perArticle.get(card.articleId);
		if (!entry) {
			entry = {
				articleId: card.articleId,
				title: titles.get(card.articleId) ?? 'Untitled article',
				dueNow: 0,
				newCards: 0
			};
			perArticle.set(card.articleId, entry);
		}
		if (card.state === State.New) entry.newCards++;
		else entry.dueNow++;
	}
	const laterCount = later.reduce((a, b) => a + b, 0);
	return {
		dueNow: queue.counts.learning + queue.counts.review,
		newToday: queue.counts.new,
		laterToday: Math.max(
			0,
			laterCount - queue.cards.filter((c) => c.due > t && queued.has(c.id)).length
		),
		streak: studyStreak(recent, now, day),
		reviewedToday: queue.done.newCards + queue.done.reviews,
		articles: [...perArticle.values()].sort(
			(a, b) => b.dueNow + b.newCards - (a.dueNow + a.newCards)
		),
		totalArticles: articles.length,
		firstRun: lastReview === undefined
	};
}
