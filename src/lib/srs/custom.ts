/**
 * Studying beyond the daily plan, the way Anki's custom study does it, and saying why the plan is
 * empty. Pure: counts, settings and the time come in as arguments.
 *
 * - "Study N more new cards today" raises today's new-card limit by N; the raise lapses when the
 *   learner's day ends.
 * - "Study this article now" is a session of one article's learning cards (due or not), due reviews
 *   and new cards, outside the daily limits. Its ratings are ordinary FSRS ratings: they go into the
 *   log and move the cards' schedules like any other.
 */
import { learnerDayNumber, type DayContext } from './day';
import { byDue, interleave, type DoneToday, type QueueCard, type StudyQueue } from './queue';
import { State } from './scheduler';
import type { SrsSettings } from './settings';

/** Today's raise of the daily limits; a raise from an earlier day counts for nothing. */
export interface LimitExtension {
	/** The learner day it was given on (`learnerDayNumber`). */
	day: number;
	newCards: number;
	reviews: number;
}

export const NO_EXTENSION: Readonly<Omit<LimitExtension, 'day'>> = Object.freeze({
	newCards: 0,
	reviews: 0
});

/** What the extension adds today: nothing when it was given on another day. */
export function extensionToday(
	extension: LimitExtension | undefined,
	now: Date,
	day: DayContext
): { newCards: number; reviews: number } {
	if (!extension || extension.day !== learnerDayNumber(now, day)) return { ...NO_EXTENSION };
	return { newCards: extension.newCards, reviews: extension.reviews };
}

/**
 * Adds to today's limits; a raise given on an earlier day is dropped first.
 * @example extendToday(undefined, { newCards: 10 }, now, day) // { day, newCards: 10, reviews: 0 }
 */
export function extendToday(
	extension: LimitExtension | undefined,
	add: Partial<Omit<LimitExtension, 'day'>>,
	now: Date,
	day: DayContext
): LimitExtension {
	const today = extensionToday(extension, now, day);
	const clamp = (n: number | undefined) =>
		Number.isFinite(n) ? Math.max(0, Math.round(n as number)) : 0;
	return {
		day: learnerDayNumber(now, day),
		newCards: today.newCards + clamp(add.newCards),
		reviews: today.reviews + clamp(add.reviews)
	};
}

/** The daily limits with today's raise added. */
export function limitsToday(
	settings: SrsSettings,
	extra: { newCards: number; reviews: number }
): SrsSettings {
	return {
		...settings,
		newPerDay: settings.newPerDay + extra.newCards,
		reviewsPerDay: settings.reviewsPerDay + extra.reviews
	};
}

/** Why there is nothing to study right now, for the empty queue's message and its offers. */
export type EmptyReason =
	/** New cards are waiting but today's new-card limit is used up. */
	| { type: 'new-limit'; waiting: number; limit: number; done: number }
	/** Reviews are due but today's review limit is used up. */
	| { type: 'review-limit'; waiting: number; limit: number; done: number }
	/** Cards being learnt come back later today. */
	| { type: 'learning-later'; nextDue: number }
	/** Everything due today is done. */
	| { type: 'done' }
	/** There are no cards to study at all. */
	| { type: 'no-cards' };

export interface EmptyInput {
	/** Cards in today's queue (nothing to explain when this is above 0). */
	queued: number;
	/** New cards that could be introduced, whatever the limit. */
	newWaiting: number;
	/** Reviews due today, whatever the limit. */
	reviewsWaiting: number;
	/** Active cards in all. */
	activeCards: number;
	nextLearningDue: number | null;
	done: DoneToday;
	/** The limits in force today (raise included). */
	settings: Pick<SrsSettings, 'newPerDay' | 'reviewsPerDay'>;
}

/** Cards of one kind are waiting, but today's limit for that kind is used up. */
function limitReached(
	type: 'new-limit' | 'review-limit',
	waiting: number,
	limit: number,
	done: number
): EmptyReason {
	return { type, waiting, limit, done };
}

/**
 * Says why the queue is empty, most useful reason first: a review limit (due work held back) before
 * a new-card limit, and either before learning cards that come back later.
 * Returns null when the queue is not empty.
 */
export function explainEmpty(input: EmptyInput): EmptyReason | null {
	if (input.queued > 0) return null;
	if (input.activeCards === 0) return { type: 'no-cards' };
	const { done, settings } = input;
	if (input.reviewsWaiting > 0) {
		return limitReached('review-limit', input.reviewsWaiting, settings.reviewsPerDay, done.reviews);
	}
	if (input.newWaiting > 0) {
		return limitReached('new-limit', input.newWaiting, settings.newPerDay, done.newCards);
	}
	if (input.nextLearningDue !== null)
		return { type: 'learning-later', nextDue: input.nextLearningDue };
	return { type: 'done' };
}

/** How many more new cards "Study N more" offers: the usual day's worth, or what is left. */
export function moreNewOffer(waiting: number, settings: Pick<SrsSettings, 'newPerDay'>): number {
	return Math.min(waiting, Math.max(10, settings.newPerDay));
}

/**
 * A custom session outside the daily limits (one article's cards): learning cards first, due or
 * not (earliest due first), then due reviews with new cards spread among them. New cards keep the
 * order they come in. Suspended and retired cards are left out by the caller; buried cards stay
 * out until their time.
 */
export function buildCustomQueue(
	candidates: readonly QueueCard[],
	now: Date,
	reviewsBefore: number
): StudyQueue {
	const t = now.getTime();
	const learning: QueueCard[] = [];
	const reviews: QueueCard[] = [];
	const fresh: QueueCard[] = [];
	for (const card of candidates) {
		if (card.buriedUntil !== undefined && card.buriedUntil > t) continue;
		if (card.state === State.Learning || card.state === State.Relearning) learning.push(card);
		else if (card.state === State.Review) {
			if (card.due < reviewsBefore) reviews.push(card);
		} else fresh.push(card);
	}
	learning.sort(byDue);
	reviews.sort(byDue);
	return {
		ids: [...learning, ...interleave(reviews, fresh)].map((c) => c.id),
		counts: { learning: learning.length, review: reviews.length, new: fresh.length },
		nextLearningDue: null
	};
}
