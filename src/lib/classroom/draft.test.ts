import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/generate/types';
import { spanOf, testQuestion } from '$lib/testing/questions';
import {
	blankQuestion,
	checkDraft,
	draftFromQuiz,
	emptyDraft,
	fromGenerated,
	moved
} from './draft';

const TEXT = 'The council met in Port Elwin on Monday. The vote passed by nine votes to four.';

const generated = testQuestion({
	id: 'g1',
	type: 'multiple-choice',
	prompt: 'Where did the council meet?',
	answer: 'Port Elwin',
	choices: ['Carrow', 'Port Elwin', 'Westline'],
	evidence: spanOf(TEXT, 'The council met in Port Elwin on Monday.')
});

describe('draft', () => {
	it('converts generated questions with their source sentence and the chosen points', () => {
		const { items, skipped } = fromGenerated([{ question: generated, articleText: TEXT }], 500);
		expect(skipped).toBe(0);
		expect(items).toHaveLength(1);
		expect(items[0]?.source).toBe('g1');
		expect(items[0]?.question).toMatchObject({
			type: 'multiple-choice',
			answer: 1,
			points: 500,
			evidence: 'The council met in Port Elwin on Monday.'
		});
	});

	it('skips a generated question that cannot make a classroom question', () => {
		const broken: Question = { ...generated, id: 'g2', type: 'match', pairs: [['a', 'b']] };
		expect(fromGenerated([{ question: broken, articleText: TEXT }], 1000)).toMatchObject({
			items: [],
			skipped: 1
		});
	});

	it('names the question and field of each problem, and passes a fixed draft', () => {
		const draft = emptyDraft('abc');
		expect(checkDraft(draft)).toEqual({ ok: false, problems: ['Add at least one question.'] });
		draft.title = 'Quiz';
		draft.items.push({ key: 'k1', question: blankQuestion('short-answer', 1000) });
		const first = checkDraft(draft);
		expect(first.ok).toBe(false);
		if (!first.ok) {
			expect(first.problems).toContain('Question 1, question: cannot be empty');
			expect(first.problems).toContain('Question 1, answer: cannot be empty');
		}
		draft.items[0]!.question.prompt = 'Where?\nTell me.';
		if (draft.items[0]!.question.type === 'short-answer')
			draft.items[0]!.question.answer = ' Paris ';
		const second = checkDraft(draft);
		expect(second.ok).toBe(true);
		if (second.ok) {
			expect(second.quiz.questions[0]).toMatchObject({
				prompt: 'Where? Tell me.',
				answer: 'Paris'
			});
		}
	});

	it('refuses duplicate options and round-trips a saved quiz', () => {
		const draft = emptyDraft('abc');
		draft.title = 'Quiz';
		const question = blankQuestion('multiple-choice', 1000);
		if (question.type === 'multiple-choice') question.choices = ['Same', 'Same'];
		question.prompt = 'Pick one';
		draft.items.push({ key: 'k1', question });
		const result = checkDraft(draft);
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]).toMatch(/^Question 1, options: /);
		if (question.type === 'multiple-choice') question.choices = ['One', 'Two'];
		const ok = checkDraft(draft);
		expect(ok.ok).toBe(true);
		if (ok.ok) expect(checkDraft(draftFromQuiz(ok.quiz))).toEqual(ok);
	});

	it('moves items and ignores moves past either end', () => {
		expect(moved(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'c', 'b']);
		expect(moved(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
		expect(moved(['a', 'b', 'c'], 2, 3)).toEqual(['a', 'b', 'c']);
	});
});
