import { describe, expect, it } from 'vitest';
import { dayContext } from './day';
import { buildQueue, interleave, type QueueCard } from './queue';
import { State } from './scheduler';
import { DEFAULT_SRS_SETTINGS } from './settings';

const DAY_CTX = dayContext(60, 4);
const NOW = new Date('2026-01-12T09:00:00Z');
const t = NOW.getTime();
const min = 60_000;

const card = (id: string, state: State, due: number, buriedUntil?: number): QueueCard =>
	buriedUntil === undefined ? { id, state, due } : { id, state, due, buriedUntil };

describe('buildQueue', () => {
	const cards: QueueCard[] = [
		card('n1', State.New, 1),
		card('n2', State.New, 2),
		card('r-late', State.Review, t + 10 * 3_600_000), // 19:00 local: still today
		card('r-old', State.Review, t - 5 * 86_400_000),
		card('r-tomorrow', State.Review, new Date('2026-01-13T03:00:00Z').getTime()),
		card('l-now', State.Learning, t - min),
		card('rl-now', State.Relearning, t - 2 * min),
		card('l-soon', State.Learning, t + 5 * min),
		card('l-later', State.Learning, t + 60 * min),
		card('r-buried', State.Review, t - 86_400_000, t + 3_600_000)
	];

	it('puts due learning first, then reviews with new cards mixed in, then learning due soon', () => {
		const q = buildQueue(cards, { newCards: 0, reviews: 0 }, NOW, DEFAULT_SRS_SETTINGS, DAY_CTX);
		expect(q.ids).toEqual(['rl-now', 'l-now', 'r-old', 'n1', 'r-late', 'n2', 'l-soon']);
		expect(q.counts).toEqual({ learning: 3, review: 2, new: 2 });
		expect(q.nextLearningDue).toBe(t + 5 * min);
	});

	it('applies what is left of the daily limits', () => {
		const settings = { ...DEFAULT_SRS_SETTINGS, newPerDay: 20, reviewsPerDay: 200 };
		const q = buildQueue(cards, { newCards: 19, reviews: 199 }, NOW, settings, DAY_CTX);
		expect(q.ids).toEqual(['rl-now', 'l-now', 'r-old', 'n1', 'l-soon']);
		const none = buildQueue(cards, { newCards: 25, reviews: 250 }, NOW, settings, DAY_CTX);
		expect(none.counts).toMatchObject({ review: 0, new: 0 });
	});

	it('shows a buried card again once its time has passed', () => {
		const later = new Date(t + 2 * 3_600_000);
		const q = buildQueue(cards, { newCards: 0, reviews: 0 }, later, DEFAULT_SRS_SETTINGS, DAY_CTX);
		expect(q.ids).toContain('r-buried');
	});
});

describe('interleave', () => {
	it('spreads the extra items evenly', () => {
		const reviews = ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'];
		expect(interleave(reviews, ['n1', 'n2'])).toEqual([
			'r1',
			'r2',
			'n1',
			'r3',
			'r4',
			'r5',
			'n2',
			'r6'
		]);
		expect(interleave(['r1', 'r2'], ['n1', 'n2', 'n3', 'n4'])).toEqual([
			'n1',
			'r1',
			'n2',
			'n3',
			'r2',
			'n4'
		]);
		expect(interleave([], ['n'])).toEqual(['n']);
		expect(interleave(['r'], [])).toEqual(['r']);
	});
});
