import { describe, expect, it } from 'vitest';
import { quizHistoryView } from './quiz-history';

const base = { createdAt: 1, titles: ['Paris summit'], overridden: 0 };

describe('quiz history view', () => {
	it('scores each quiz against its questions and averages the answered ones', () => {
		const view = quizHistoryView([
			{ ...base, id: 'b', finishedAt: 2, questions: 10, answered: 10, right: 7, overridden: 1 },
			{ ...base, id: 'a', questions: 5, answered: 2, right: 2, titles: ['A', 'B'] },
			{ ...base, id: 'c', questions: 4, answered: 0, right: 0, titles: [] }
		]);
		expect(view.rows.map((r) => [r.score, r.percent, r.from, r.note])).toEqual([
			['7 / 10', 70, 'Paris summit', '1 counted right by you'],
			['2 / 5', 40, 'A, B', '2 of 5 answered'],
			['0 / 4', 0, '—', '0 of 4 answered']
		]);
		expect(view.average).toBe(55);
		expect(view.summary).toBe('2 practice quizzes, 55% right on average.');
	});

	it('says when there is nothing yet', () => {
		expect(quizHistoryView([])).toEqual({
			rows: [],
			average: null,
			summary: 'No practice quizzes answered yet.'
		});
	});
});
