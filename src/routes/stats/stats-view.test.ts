import { describe, expect, it } from 'vitest';
import { DAY_MS, Rating, State } from '$lib/srs';
import type { CardFact, ReviewFact } from '$lib/stats/stats';
import { buildStatsView, type StatsInput } from './stats-view';

// Thursday 26 November 2026, 10:00 in Paris (UTC+1); the learner's day starts at 04:00.
const NOW = new Date('2026-11-26T09:00:00Z');

function card(over: Partial<CardFact>): CardFact {
	return { articleId: 'a', state: State.New, due: NOW.getTime(), stability: 0, queue: 0, ...over };
}

function review(at: number, over: Partial<ReviewFact> = {}): ReviewFact {
	return {
		cardId: 'c',
		rating: Rating.Good,
		state: State.Review,
		scheduledDays: 3,
		review: at,
		...over
	};
}

function input(over: Partial<StatsInput>): StatsInput {
	return {
		cards: [],
		reviews: [],
		articles: [
			{ id: 'a', title: 'Alpha' },
			{ id: 'b', title: 'Beta' },
			{ id: 'empty', title: 'No cards' }
		],
		settings: { dayStartHour: 4, desiredRetention: 0.9 },
		now: NOW,
		utcOffsetMinutes: 60,
		...over
	};
}

describe('buildStatsView', () => {
	it('with no reviews: cards still counted, nothing reviewed, retention unknown', () => {
		const view = buildStatsView(
			input({ cards: [card({}), card({}), card({ articleId: 'b' })] }),
			'en-GB'
		);
		expect(view.totalReviews).toBe(0);
		expect(view.streak).toBe(0);
		expect(view.counts).toMatchObject({ new: 3, total: 3 });
		expect(view.states.map((s) => [s.label, s.value])).toEqual([
			['New', 3],
			['Learning', 0],
			['Young', 0],
			['Mature', 0],
			['Suspended', 0]
		]);
		expect(view.retention.rate).toBeNull();
		expect(view.forecastTotal).toBe(0);
		expect(view.articles.map((a) => [a.title, a.percent, a.cards])).toEqual([
			['Alpha', 0, 2],
			['Beta', 0, 1]
		]);
	});

	it('lays the heatmap out in 13 whole weeks ending today, with today’s reviews last', () => {
		const view = buildStatsView(
			input({ reviews: [review(NOW.getTime() - 1000), review(NOW.getTime() - 2000)] }),
			'en-GB'
		);
		// Thursday is the fourth day of the week: 12 whole weeks plus Monday to Thursday.
		expect(view.heatmap).toHaveLength(12 * 7 + 4);
		expect(view.heatmap.at(-1)?.reviews).toBe(2);
		expect(view.totalReviews).toBe(2);
		expect(view.streak).toBe(1);
	});

	it('forecasts 30 days, naming today and tomorrow', () => {
		const view = buildStatsView(
			input({
				cards: [
					card({
						state: State.Review,
						queue: State.Review,
						due: NOW.getTime() - DAY_MS,
						stability: 5
					}),
					card({
						state: State.Review,
						queue: State.Review,
						due: NOW.getTime() + DAY_MS,
						stability: 30
					})
				]
			}),
			'en-GB'
		);
		expect(view.forecast).toHaveLength(30);
		expect(view.forecast[0]).toMatchObject({ label: 'Today (and overdue)', value: 1 });
		expect(view.forecast[1]).toMatchObject({ label: 'Tomorrow', value: 1 });
		expect(view.forecast[2]?.label).toBe('Sat 28 Nov');
		expect(view.forecastTotal).toBe(2);
		expect(view.counts).toMatchObject({ young: 1, mature: 1 });
		expect(view.articles[0]).toMatchObject({ title: 'Alpha', mature: 1 });
		expect(view.articles[0]!.percent).toBeGreaterThan(50);
	});

	it('measures true retention on mature reviews only', () => {
		const view = buildStatsView(
			input({
				reviews: [
					review(NOW.getTime() - DAY_MS, { scheduledDays: 30 }),
					review(NOW.getTime() - DAY_MS, { scheduledDays: 30, rating: Rating.Again }),
					review(NOW.getTime() - DAY_MS, { scheduledDays: 2, rating: Rating.Again })
				]
			})
		);
		expect(view.retention).toEqual({ reviews: 2, passed: 1, rate: 0.5 });
	});
});
