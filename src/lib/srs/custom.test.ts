import { describe, expect, it } from 'vitest';
import {
	buildCustomQueue,
	explainEmpty,
	extendToday,
	extensionToday,
	limitsToday,
	moreNewOffer,
	type EmptyInput
} from './custom';
import { dayContext } from './day';
import { buildQueue, type QueueCard } from './queue';
import { State } from './scheduler';
import { DEFAULT_SRS_SETTINGS } from './settings';

const DAY = dayContext(60, 4);
const NOW = new Date('2026-01-12T09:00:00Z');
const t = NOW.getTime();
const HOUR = 3_600_000;

describe('today’s raise of the limits', () => {
	it('adds up within a day and lapses when the learner’s day ends', () => {
		const first = extendToday(undefined, { newCards: 10 }, NOW, DAY);
		const second = extendToday(first, { newCards: 5, reviews: 50 }, new Date(t + HOUR), DAY);
		expect(extensionToday(second, NOW, DAY)).toEqual({ newCards: 15, reviews: 50 });
		// 04:00 local (03:00 UTC) the next morning starts a new learner day.
		const tomorrow = new Date('2026-01-13T03:30:00Z');
		expect(extensionToday(second, tomorrow, DAY)).toEqual({ newCards: 0, reviews: 0 });
		expect(extendToday(second, { newCards: 3 }, tomorrow, DAY)).toMatchObject({ newCards: 3 });
		// Just before the day ends it still counts.
		expect(extensionToday(second, new Date('2026-01-13T02:59:00Z'), DAY).newCards).toBe(15);
	});

	it('ignores a negative or broken raise', () => {
		expect(extendToday(undefined, { newCards: -4, reviews: Number.NaN }, NOW, DAY)).toMatchObject({
			newCards: 0,
			reviews: 0
		});
	});

	it('lets buildQueue introduce more new cards today', () => {
		const fresh: QueueCard[] = Array.from({ length: 30 }, (_, i) => ({
			id: `n${i}`,
			state: State.New,
			due: i
		}));
		const done = { newCards: 20, reviews: 0 };
		expect(buildQueue(fresh, done, NOW, DEFAULT_SRS_SETTINGS, DAY).ids).toEqual([]);
		const raised = limitsToday(DEFAULT_SRS_SETTINGS, { newCards: 5, reviews: 0 });
		expect(buildQueue(fresh, done, NOW, raised, DAY).ids).toEqual(['n0', 'n1', 'n2', 'n3', 'n4']);
	});
});

describe('explainEmpty', () => {
	const base: EmptyInput = {
		queued: 0,
		newWaiting: 0,
		reviewsWaiting: 0,
		activeCards: 40,
		nextLearningDue: null,
		done: { newCards: 20, reviews: 3 },
		settings: { newPerDay: 20, reviewsPerDay: 200 }
	};

	it('says nothing while there is something to study', () => {
		expect(explainEmpty({ ...base, queued: 1, newWaiting: 9 })).toBeNull();
	});

	it('names the new-card limit when new cards wait', () => {
		expect(explainEmpty({ ...base, newWaiting: 9 })).toEqual({
			type: 'new-limit',
			waiting: 9,
			limit: 20,
			done: 20
		});
	});

	it('puts held-back reviews before new cards, and both before learning cards', () => {
		const input = { ...base, newWaiting: 9, reviewsWaiting: 4, nextLearningDue: t + HOUR };
		expect(explainEmpty(input)?.type).toBe('review-limit');
		expect(explainEmpty({ ...input, reviewsWaiting: 0 })?.type).toBe('new-limit');
		expect(explainEmpty({ ...input, reviewsWaiting: 0, newWaiting: 0 })).toEqual({
			type: 'learning-later',
			nextDue: t + HOUR
		});
	});

	it('tells an empty deck from a finished day', () => {
		expect(explainEmpty(base)).toEqual({ type: 'done' });
		expect(explainEmpty({ ...base, activeCards: 0 })).toEqual({ type: 'no-cards' });
	});
});

describe('moreNewOffer', () => {
	it('offers a day’s worth, or all that waits', () => {
		expect(moreNewOffer(100, { newPerDay: 20 })).toBe(20);
		expect(moreNewOffer(7, { newPerDay: 20 })).toBe(7);
		expect(moreNewOffer(100, { newPerDay: 0 })).toBe(10);
	});
});

describe('buildCustomQueue', () => {
	it('takes learning cards due or not, due reviews and every new card, outside the limits', () => {
		const cards: QueueCard[] = [
			{ id: 'n1', state: State.New, due: 0 },
			{ id: 'n2', state: State.New, due: 0 },
			{ id: 'l-later', state: State.Learning, due: t + HOUR },
			{ id: 'l-now', state: State.Learning, due: t - 1 },
			{ id: 'r-due', state: State.Review, due: t - HOUR },
			{ id: 'r-next-week', state: State.Review, due: t + 7 * 24 * HOUR },
			{ id: 'r-buried', state: State.Review, due: t - HOUR, buriedUntil: t + HOUR }
		];
		const q = buildCustomQueue(cards, NOW, t + 12 * HOUR);
		expect(q.ids).toEqual(['l-now', 'l-later', 'n1', 'r-due', 'n2']);
		expect(q.counts).toEqual({ learning: 2, review: 1, new: 2 });
	});
});
