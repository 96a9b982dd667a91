import { describe, expect, it } from 'vitest';
import { answerOfBack, cardsWithoutQuestions, questionsFromCards } from './from-cards';

const card = (n: number, front: string, back: string) => ({
	id: `a-c${n}`,
	factId: `a-f${n}`,
	articleId: 'a',
	front,
	back,
	evidence: { start: n * 10, end: n * 10 + 9 }
});

const deck = [
	card(1, 'Capital of France', 'Paris'),
	card(2, 'Capital of Spain', 'Madrid'),
	card(3, 'Capital of Italy', 'Rome'),
	card(4, 'Capital of Portugal', 'Lisbon'),
	card(5, 'Year the Berlin Wall fell', '1989')
];

describe('questionsFromCards', () => {
	it('makes a short-answer and a multiple-choice question per card, distractors from the deck', () => {
		const qs = questionsFromCards(deck, deck, 7);
		expect(qs).toHaveLength(10);
		const mc = qs.find((q) => q.id === 'a-c1-qm');
		expect(mc?.type).toBe('multiple-choice');
		if (mc?.type !== 'multiple-choice') return;
		expect(mc.choices).toHaveLength(4);
		expect(mc.choices).toContain('Paris');
		// Names stand in for names before a year does.
		expect(mc.choices).not.toContain('1989');
		expect(new Set(mc.choices).size).toBe(4);
		const short = qs.find((q) => q.id === 'a-c1-qs');
		expect(short).toMatchObject({
			type: 'short-answer',
			prompt: 'Capital of France',
			answer: 'Paris'
		});
		expect(short?.evidence).toEqual(deck[0]!.evidence);
	});

	it('is the same for the same seed', () => {
		expect(questionsFromCards(deck, deck, 3)).toEqual(questionsFromCards(deck, deck, 3));
	});

	it('asks no multiple-choice question without three other answers, and no typed one for a long back', () => {
		const small = deck.slice(0, 3);
		expect(questionsFromCards(small).map((q) => q.type)).toEqual([
			'short-answer',
			'short-answer',
			'short-answer'
		]);
		const long = card(9, 'Define entropy', 'x'.repeat(80));
		expect(questionsFromCards([long], [...deck, long]).map((q) => q.type)).toEqual([
			'multiple-choice'
		]);
	});

	it('answers with the first line of a back that carries its source sentence', () => {
		expect(answerOfBack('Paris\n\nThe capital is Paris.')).toBe('Paris');
		const [q] = questionsFromCards([card(1, 'Capital', 'Paris\n\nThe capital is Paris.')]);
		expect(q?.answer).toBe('Paris');
	});

	it('skips a card with an empty side', () => {
		expect(questionsFromCards([card(1, ' ', 'Paris'), card(2, 'Q', '')])).toEqual([]);
	});
});

describe('cardsWithoutQuestions', () => {
	it('keeps the cards whose fact has no question', () => {
		expect(
			cardsWithoutQuestions(deck, [{ factId: 'a-f1' }, { factId: 'a-f3' }]).map((c) => c.id)
		).toEqual(['a-c2', 'a-c4', 'a-c5']);
	});
});
