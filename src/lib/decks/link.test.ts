import { describe, expect, it } from 'vitest';
import type { Question } from '$lib/generate/types';
import { spanOf, testQuestion } from '$lib/testing/questions';
import { cardAfterQuestionEdit, isLinked, questionAfterCardEdit } from './link';

const SENTENCE = 'Emmanuel Macron hosted the summit in Paris.';
const short = testQuestion({
	type: 'short-answer',
	prompt: 'Who hosted the summit?',
	answer: 'Emmanuel Macron',
	evidence: spanOf(SENTENCE, SENTENCE)
});
const card = {
	factId: 'f1',
	front: 'Who hosted the summit?',
	back: `Emmanuel Macron\n\n${SENTENCE}`
};

describe('question and card edits reach each other', () => {
	it('links a card to the question its front came from', () => {
		expect(isLinked(card, short)).toBe(true);
		expect(isLinked({ ...card, factId: 'f2' }, short)).toBe(false);
		const cloze: Question = {
			...short,
			type: 'cloze',
			hint: 'a person',
			prompt: '____ hosted the summit.'
		};
		expect(isLinked({ ...card, front: '____ hosted the summit. (a person)' }, cloze)).toBe(true);
	});

	it('carries a question edit to the card, keeping the sentence', () => {
		const after = { ...short, prompt: 'Who was the host?', answer: 'Macron' };
		expect(cardAfterQuestionEdit(card, short, after)).toEqual({
			front: 'Who was the host?',
			back: `Macron\n\n${SENTENCE}`
		});
		expect(cardAfterQuestionEdit(card, short, { ...short })).toBeNull();
		// A card reworded on its own keeps its wording.
		expect(cardAfterQuestionEdit({ ...card, front: 'Host?' }, short, after)).toEqual({
			front: 'Host?',
			back: `Macron\n\n${SENTENCE}`
		});
	});

	it('carries a card edit to the question', () => {
		const next = questionAfterCardEdit(short, card, {
			front: 'Who hosted it?',
			back: `President Macron\n\n${SENTENCE}`
		});
		expect(next).toMatchObject({ prompt: 'Who hosted it?', answer: 'President Macron' });
		const mc: Question = {
			...short,
			type: 'multiple-choice',
			choices: ['Emmanuel Macron', 'Olaf Scholz']
		};
		const mcNext = questionAfterCardEdit(mc, card, { front: card.front, back: 'E. Macron' });
		expect(mcNext).toMatchObject({ answer: 'E. Macron', choices: ['E. Macron', 'Olaf Scholz'] });
		const tf: Question = { ...short, type: 'true-false', answer: 'True' };
		expect(
			questionAfterCardEdit(tf, { ...card, back: 'True' }, { ...card, back: 'False' })
		).toBeNull();
	});
});
