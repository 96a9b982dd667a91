import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/generate/types';
import { checkAnswer, overrideChecked, pickQuestions } from './session';

const base = { factId: 'f', evidence: { start: 0, end: 10 }, kind: 'thing' as const };
const QUESTIONS: Question[] = [
	{
		...base,
		id: 'm1',
		type: 'multiple-choice',
		prompt: 'Where?',
		answer: 'Paris',
		choices: ['Paris', 'Rome', 'Oslo', 'Bern'],
		score: 0.9
	},
	{
		...base,
		id: 'm2',
		type: 'multiple-choice',
		prompt: 'Who?',
		answer: 'Ana',
		choices: ['Ana', 'Bo', 'Cy', 'Di'],
		score: 0.5
	},
	{
		...base,
		id: 't1',
		type: 'true-false',
		prompt: 'True or false? It rained.',
		answer: 'False',
		score: 0.7
	},
	{
		...base,
		id: 'c1',
		type: 'cloze',
		prompt: 'They met in _____.',
		answer: 'Paris',
		hint: 'a place',
		score: 0.8
	},
	{
		...base,
		id: 's1',
		type: 'short-answer',
		prompt: 'How many ships sailed?',
		answer: 'two',
		score: 0.6
	},
	{
		...base,
		id: 'x1',
		type: 'match',
		prompt: 'Match.',
		answer: '',
		pairs: [
			['Ana', 'Mayor'],
			['Bo', 'Judge'],
			['Cy', 'Chef']
		],
		score: 0.4
	}
];

describe('pickQuestions', () => {
	it('takes only the chosen types, up to the count, the same for the same seed', () => {
		const a = pickQuestions(QUESTIONS, { types: ['multiple-choice', 'cloze'], count: 2, seed: 7 });
		expect(a).toHaveLength(2);
		expect(a.every((q) => q.type === 'multiple-choice' || q.type === 'cloze')).toBe(true);
		// One of each type before a second of any.
		expect(new Set(a.map((q) => q.type)).size).toBe(2);
		expect(
			pickQuestions(QUESTIONS, { types: ['multiple-choice', 'cloze'], count: 2, seed: 7 })
		).toEqual(a);
	});

	it('returns what there is when fewer questions match than asked for', () => {
		expect(
			pickQuestions(QUESTIONS, { types: ['true-false'], count: 10, seed: 1 }).map((q) => q.id)
		).toEqual(['t1']);
	});
});

describe('checkAnswer', () => {
	it('marks choices exactly and typed answers tolerantly', () => {
		expect(checkAnswer(QUESTIONS[0]!, { type: 'choice', value: 'Paris' }).correct).toBe(true);
		expect(checkAnswer(QUESTIONS[0]!, { type: 'choice', value: 'Rome' }).correct).toBe(false);
		expect(checkAnswer(QUESTIONS[2]!, { type: 'choice', value: 'False' }).correct).toBe(true);
		expect(checkAnswer(QUESTIONS[3]!, { type: 'text', value: 'paris' }).correct).toBe(true);
		expect(checkAnswer(QUESTIONS[4]!, { type: 'text', value: '2' }).correct).toBe(true);
	});

	it('gives part marks for a match question', () => {
		const r = checkAnswer(QUESTIONS[5]!, {
			type: 'pairs',
			value: [
				['Ana', 'Mayor'],
				['Bo', 'Chef'],
				['Cy', 'Judge']
			]
		});
		expect(r).toMatchObject({ correct: false, message: '1 of 3 pairs right.' });
		expect(r.score).toBeCloseTo(1 / 3);
	});

	it('lets the learner overrule a typed answer marked wrong, never a choice', () => {
		const typed = checkAnswer(QUESTIONS[3]!, { type: 'text', value: 'Lyon' });
		expect(typed.correct).toBe(false);
		expect(overrideChecked(QUESTIONS[3]!, typed)).toMatchObject({
			correct: true,
			score: 1,
			overridden: true,
			given: 'Lyon'
		});
		const chosen = checkAnswer(QUESTIONS[0]!, { type: 'choice', value: 'Rome' });
		expect(overrideChecked(QUESTIONS[0]!, chosen)).toBe(chosen);
		const right = checkAnswer(QUESTIONS[3]!, { type: 'text', value: 'Paris' });
		expect(overrideChecked(QUESTIONS[3]!, right)).toBe(right);
	});
});
