/**
 * Today's study queue: learning cards that are due, then reviews with new cards spread among them,
 * within the daily limits. Pure: the caller passes the candidate cards, today's counts and the time.
 */
import { MINUTE_MS, startOfLearnerDay, startOfNextLearnerDay, type DayContext } from './day';
import { State } from './scheduler';
import type { SrsSettings } from './settings';

export interface QueueCard {
	id: string;
	state: State;
	due: number;
	/** Buried cards come back at this instant. */
	buriedUntil?: number;
}

/** Ratings already given today, which count against the daily limits. */
export interface DoneToday {
	newCards: number;
	reviews: number;
}

export interface StudyQueue {
	/** Card ids in the order to show them. */
	ids: string[];
	/** What is left today, for the counters above the card. */
	counts: { learning: number; review: number; new: number };
	/** The next learning card due later today, for "come back in 5 minutes". */
	nextLearningDue: number | null;
}

/** Bounds the database needs to fetch candidates: everything due before `reviewsBefore`. */
export function queueWindow(
	now: Date,
	day: DayContext
): { dayStart: number; reviewsBefore: number } {
	return {
		dayStart: startOfLearnerDay(now, day).getTime(),
		reviewsBefore: startOfNextLearnerDay(now, day).getTime()
	};
}

/** Earliest due first; ties by id, so the order never depends on how the cards were read. */
export function byDue(a: QueueCard, b: QueueCard): number {
	return a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Builds the queue from candidate cards (suspended and retired cards left out by the caller).
 * New cards keep the order they come in (introduction order); the rest are sorted by due date.
 */
export function buildQueue(
	candidates: readonly QueueCard[],
	done: DoneToday,
	now: Date,
	settings: SrsSettings,
	day: DayContext
): StudyQueue {
	const t = now.getTime();
	const { reviewsBefore } = queueWindow(now, day);
	const aheadUntil = t + settings.learnAheadMinutes * MINUTE_MS;
	const learningNow: QueueCard[] = [];
	const learningAhead: QueueCard[] = [];
	const reviews: QueueCard[] = [];
	const fresh: QueueCard[] = [];
	let nextLearningDue: number | null = null;
	for (const card of candidates) {
		if (card.buriedUntil !== undefined && card.buriedUntil > t) continue;
		if (card.state === State.Learning || card.state === State.Relearning) {
			if (card.due <= t) learningNow.push(card);
			else {
				if (card.due <= aheadUntil) learningAhead.push(card);
				if (nextLearningDue === null || card.due < nextLearningDue) nextLearningDue = card.due;
			}
		} else if (card.state === State.Review) {
			if (card.due < reviewsBefore) reviews.push(card);
		} else {
			fresh.push(card);
		}
	}
	learningNow.sort(byDue);
	learningAhead.sort(byDue);
	reviews.sort(byDue);
	const reviewRoom = Math.max(0, settings.reviewsPerDay - done.reviews);
	const newRoom = Math.max(0, settings.newPerDay - done.newCards);
	const todayReviews = reviews.slice(0, reviewRoom);
	const todayNew = fresh.slice(0, newRoom);
	const mixed = interleave(todayReviews, todayNew);
	// Cards due soon in learning are shown early only once nothing else is left.
	const ids = [...learningNow, ...mixed, ...learningAhead].map((c) => c.id);
	return {
		ids,
		counts: {
			learning: learningNow.length + learningAhead.length,
			review: todayReviews.length,
			new: todayNew.length
		},
		nextLearningDue
	};
}

/** Spreads `extra` evenly through `base`: 6 reviews and 2 new cards give r r n r r r n r. */
export function interleave<T>(base: readonly T[], extra: readonly T[]): T[] {
	if (extra.length === 0) return [...base];
	if (base.length === 0) return [...extra];
	const out: T[] = [];
	const gap = (base.length + extra.length) / extra.length;
	let e = 0;
	let b = 0;
	for (let i = 0; i < base.length + extra.length; i++) {
		// Extra item e goes in the middle of its share of the output.
		const wantExtra = e < extra.length && i >= Math.floor((e + 0.5) * gap);
		if ((wantExtra || b >= base.length) && e < extra.length) out.push(extra[e++] as T);
		else out.push(base[b++] as T);
	}
	return out;
}
