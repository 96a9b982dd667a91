import { describe, expect, it } from 'vitest';
import { dayContext, DAY_MS, HOUR_MS, Rating, State } from '$lib/srs';
import {
	countCards,
	dueForecast,
	mastery,
	reviewHeatmap,
	studyStreak,
	trueRetention,
	type CardFact,
	type ReviewFact
} from './stats';

// Thursday 26 November 2026, 10:00 in Paris (UTC+1); the learner's day starts at 04:00.
const NOW = new Date('2026-11-26T09:00:00Z');
const CTX = dayContext(60, 4);

function review(
	at: string,
	rating = Rating.Good,
	state = State.Review,
	scheduledDays = 30
): ReviewFact {
	return { cardId: 'c', rating, state, scheduledDays, review: new Date(at).getTime() };
}

function card(over: Partial<CardFact>): CardFact {
	return {
		articleId: 'a',
		state: State.Review,
		due: NOW.getTime(),
		stability: 10,
		queue: 2,
		...over
	};
}

describe('reviewHeatmap', () => {
	it('counts reviews per learner day, with a review at 3 AM counted on the day before', () => {
		const map = reviewHeatmap(
			[
				review('2026-11-26T08:00:00Z'),
				review('2026-11-26T02:30:00Z'), // 03:30 Paris: still Wednesday's learner day
				review('2026-11-25T12:00:00Z'),
				review('2026-11-20T12:00:00Z', 0) // a reset, not a review
			],
			NOW,
			CTX,
			7
		);
		expect(map).toHaveLength(7);
		expect(map.map((d) => d.reviews)).toEqual([0, 0, 0, 0, 0, 2, 1]);
	});
});

describe('studyStreak', () => {
	it('counts consecutive days ending today', () => {
		const reviews = [
			review('2026-11-26T08:00:00Z'),
			review('2026-11-25T08:00:00Z'),
			review('2026-11-24T08:00:00Z'),
			review('2026-11-22T08:00:00Z')
		];
		expect(studyStreak(reviews, NOW, CTX)).toBe(3);
	});

	it('keeps yesterday’s streak alive before today’s first review, and is 0 after a missed day', () => {
		expect(studyStreak([review('2026-11-25T08:00:00Z')], NOW, CTX)).toBe(1);
		expect(studyStreak([review('2026-11-24T08:00:00Z')], NOW, CTX)).toBe(0);
	});
});

describe('dueForecast', () => {
	it('puts overdue cards on today and skips new, suspended and far cards', () => {
		const forecast = dueForecast(
			[
				card({ due: NOW.getTime() - 3 * DAY_MS }),
				card({ due: NOW.getTime() + 2 * HOUR_MS }),
				card({ due: NOW.getTime() + 1 * DAY_MS }),
				card({ due: NOW.getTime() + 40 * DAY_MS }),
				card({ state: State.New }),
				card({ queue: -1 })
			],
			NOW,
			CTX,
			30
		);
		expect(forecast).toHaveLength(30);
		expect(forecast[0]!.due).toBe(2);
		expect(forecast[1]!.due).toBe(1);
		expect(forecast.reduce((s, d) => s + d.due, 0)).toBe(3);
	});
});

describe('trueRetention', () => {
	it('counts only reviews of mature cards in the window', () => {
		const r = trueRetention(
			[
				review('2026-11-25T08:00:00Z', Rating.Good),
				review('2026-11-24T08:00:00Z', Rating.Hard),
				review('2026-11-23T08:00:00Z', Rating.Again),
				review('2026-11-23T08:00:00Z', Rating.Good, State.Review, 5), // young
				review('2026-11-23T08:00:00Z', Rating.Good, State.Learning, 0),
				review('2026-09-01T08:00:00Z', Rating.Again) // too old
			],
			NOW
		);
		expect(r).toEqual({ reviews: 3, passed: 2, rate: 2 / 3 });
	});

	it('is null with nothing to measure', () => {
		expect(trueRetention([], NOW).rate).toBeNull();
	});
});

describe('countCards and mastery', () => {
	it('buckets cards by state per article, leaving retired cards out', () => {
		const { total, byArticle } = countCards([
			card({ state: State.New }),
			card({ state: State.Learning }),
			card({ stability: 5 }),
			card({ stability: 40, articleId: 'b' }),
			card({ queue: -1 }),
			card({ queue: -3 })
		]);
		expect(total).toEqual({ new: 1, learning: 1, young: 1, mature: 1, suspended: 1, total: 5 });
		expect(byArticle.get('b')).toMatchObject({ mature: 1, total: 1 });
	});

	it('is 0 for an unstudied deck and 1 for an all-mature one', () => {
		expect(mastery({ new: 4, learning: 0, young: 0, mature: 0, suspended: 0, total: 4 })).toBe(0);
		expect(mastery({ new: 0, learning: 0, young: 0, mature: 3, suspended: 1, total: 4 })).toBe(1);
	});
});
