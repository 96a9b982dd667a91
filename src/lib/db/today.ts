/**
 * What the Today section shows: cards due now and later today, per article and in total, new
 * cards left today, and the streak of study days. One read of the database, for a live query.
 */
import type { FactdeckDB } from './database';
import { getStudyQueue } from './study';
import { latestReview, reviewsSince } from './log';
import { DAY_MS, dayContext, localUtcOffset, startOfNextLearnerDay, State } from '$lib/srs';
import { studyStreak } from '$lib/stats/stats';

export interface ArticleDue {
	articleId: string;
	title: string;
	dueNow: number;
	/** New cards in today's queue. */
	newCards: number;
	/** Cards being learnt (due now or later today). */
	learning: number;
	/** Reviews due today. */
	due: number;
	/** New cards the article has in all, whatever today's limit. */
	newTotal: number;
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

export async function todaySummary(db: FactdeckDB, now: Date): Promise<TodaySummary> {
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
		reviewsSince(db, t - 400 * DAY_MS)
	]);
	const queued = new Set(queue.ids);
	// Every article is listed, with its counts, even when today's limits leave it nothing.
	const perArticle = new Map<string, ArticleDue>(
		articles.map((a) => [
			a.id,
			{
				articleId: a.id,
				title: a.title,
				dueNow: 0,
				newCards: 0,
				learning: 0,
				due: 0,
				newTotal: 0
			}
		])
	);
	const entry = (id: string) => perArticle.get(id);
	for (const card of queue.cards) {
		const e = entry(card.articleId);
		if (!e) continue;
		if (card.state === State.New) e.newCards++;
		else e.dueNow++;
		if (card.state === State.Review) e.due++;
	}
	const [learningCards, newCards] = await Promise.all([
		db.cards
			.where('[queue+due]')
			.between([State.Learning, -Infinity], [State.Relearning, Infinity])
			.toArray(),
		db.cards.where('[queue+due]').between([State.New, -Infinity], [State.New, Infinity]).toArray()
	]);
	for (const card of learningCards) {
		const e = entry(card.articleId);
		if (e && card.due < dayEnd) e.learning++;
	}
	for (const card of newCards) {
		const e = entry(card.articleId);
		if (e) e.newTotal++;
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
			(a, b) =>
				b.dueNow + b.newCards - (a.dueNow + a.newCards) ||
				b.newTotal + b.learning - (a.newTotal + a.learning) ||
				a.title.localeCompare(b.title)
		),
		totalArticles: articles.length,
		firstRun: lastReview === undefined
	};
}
