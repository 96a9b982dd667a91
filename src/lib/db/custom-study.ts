/**
 * Studying beyond today's plan (Anki's custom study): raise today's new-card limit, or study one
 * article's cards now outside the limits, and say which limit left the queue empty. Ratings in
 * these sessions are ordinary ratings (rateCard): they go into the log and count in FSRS.
 */
import {
	buildCustomQueue,
	dayContext,
	explainEmpty,
	extendToday,
	localUtcOffset,
	moreNewOffer,
	queueWindow,
	State,
	type EmptyReason,
	type LimitExtension
} from '$lib/srs';
import type { FactdeckDB } from './database';
import type { CardRecord } from './records';
import { getFlag, getSrsSettings, setFlag } from './settings';
import {
	doneSince,
	limitsInForce,
	LIMIT_EXTENSION_KEY,
	toQueueCard,
	type StudyQueueWithCards
} from './study';
import { ro, rw } from './tx';

/** Why today's queue is empty, and how many more new cards "Study more" would offer. */
export interface EmptyExplanation {
	reason: EmptyReason | null;
	/** New cards "Study N more new cards today" adds (0 when none wait). */
	moreNew: number;
}

export async function explainEmptyQueue(
	db: FactdeckDB,
	now: Date,
	queued: number,
	nextLearningDue: number | null,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<EmptyExplanation> {
	return ro(db, [db.cards, db.logs, db.settings], async () => {
		const { saved, settings, day } = await limitsInForce(db, now, utcOffsetMinutes);
		const { dayStart, reviewsBefore } = queueWindow(now, day);
		const t = now.getTime();
		const notBuried = (c: CardRecord) => c.buriedUntil === undefined || c.buriedUntil <= t;
		const range = (queue: number, upper: number) =>
			db.cards.where('[queue+due]').between([queue, -Infinity], [queue, upper], true, false);
		const [done, newWaiting, reviewsWaiting, activeCards] = await Promise.all([
			doneSince(db, dayStart),
			range(State.New, Infinity).filter(notBuried).count(),
			range(State.Review, reviewsBefore).filter(notBuried).count(),
			db.cards.where('[queue+due]').between([0, -Infinity], [Infinity, Infinity]).count()
		]);
		const reason = explainEmpty({
			queued,
			newWaiting,
			reviewsWaiting,
			activeCards,
			nextLearningDue,
			done,
			settings
		});
		return { reason, moreNew: newWaiting > 0 ? moreNewOffer(newWaiting, saved) : 0 };
	});
}

/** Raises today's new-card limit by `count` (Anki's "increase today's new card limit"). */
export async function studyMoreNewToday(
	db: FactdeckDB,
	count: number,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<LimitExtension> {
	return rw(db, db.settings, async () => {
		const settings = await getSrsSettings(db);
		const day = dayContext(utcOffsetMinutes, settings.dayStartHour);
		const raise = await getFlag<LimitExtension>(db, LIMIT_EXTENSION_KEY);
		const next = extendToday(raise, { newCards: count }, now, day);
		await setFlag(db, LIMIT_EXTENSION_KEY, next);
		return next;
	});
}

/**
 * A session of one article's learning cards (due or not), due reviews and new cards, outside the
 * daily limits.
 */
export async function getArticleQueue(
	db: FactdeckDB,
	articleId: string,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<StudyQueueWithCards> {
	return ro(db, [db.cards, db.logs, db.settings], async () => {
		const settings = await getSrsSettings(db);
		const day = dayContext(utcOffsetMinutes, settings.dayStartHour);
		const { dayStart, reviewsBefore } = queueWindow(now, day);
		const [cards, done] = await Promise.all([
			db.cards
				.where('articleId')
				.equals(articleId)
				.filter((c) => c.queue >= 0)
				.toArray(),
			doneSince(db, dayStart)
		]);
		cards.sort((a, b) => a.order - b.order);
		const queue = buildCustomQueue(cards.map(toQueueCard), now, reviewsBefore);
		const byId = new Map(cards.map((c) => [c.id, c]));
		const inOrder = queue.ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
		return { ...queue, cards: inOrder, done, settings };
	});
}

/** Brings a buried card back today (the undo of "bury until tomorrow"). */
export async function unburyCard(db: FactdeckDB, cardId: string, now: Date): Promise<void> {
	await rw(db, db.cards, async () => {
		const card = await db.cards.get(cardId);
		if (!card || card.buriedUntil === undefined) return;
		const next: CardRecord = { ...card, updatedAt: now.getTime() };
		delete next.buriedUntil;
		await db.cards.put(next);
	});
}
