import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Deck } from '$lib/generate/types';
import { addArticle, editQuestion, regenerateArticle } from './articles';
import { openDatabase, type FactdeckDB } from './database';
import {
	addHandCard,
	addHandQuestion,
	questionEdit,
	questionEditProblem,
	removeCard,
	removeQuestion
} from './hand';

const TEXT = 'The council met on Monday. The mayor spoke.';
const NOW = new Date('2026-11-26T09:00:00Z');

function deck(): Deck {
	const evidence = { start: 0, end: 26 };
	return {
		title: 'Council',
		sections: [],
		facts: [{ id: 'f1', kind: 'date', evidence, entities: [] }],
		questions: [
			{
				id: 'q1',
				factId: 'f1',
				type: 'short-answer',
				kind: 'date',
				prompt: 'When did the council meet?',
				answer: 'Monday',
				evidence,
				score: 1
			}
		],
		cards: [
			{ id: 'c1', factId: 'f1', front: 'When did the council meet?', back: 'Monday', evidence }
		]
	};
}

let db: FactdeckDB;
let n = 0;

async function setup(): Promise<string> {
	db = openDatabase(`hand-${n++}`);
	const report = await addArticle(db, { text: TEXT }, deck(), NOW);
	return report.articleId;
}

afterEach(async () => {
	await db.delete();
});

describe('hand edits', () => {
	it('adds a card and a question that regeneration leaves alone', async () => {
		const articleId = await setup();
		const cardId = await addHandCard(
			db,
			articleId,
			{ front: 'Who spoke?', back: 'The mayor', evidence: { start: 27, end: 43 } },
			NOW
		);
		const questionId = await addHandQuestion(
			db,
			articleId,
			{ prompt: 'Who spoke?', answer: 'The mayor', evidence: { start: 27, end: 43 } },
			NOW
		);
		await regenerateArticle(db, articleId, deck(), new Date(NOW.getTime() + 1000));
		expect(await db.cards.get(cardId)).toMatchObject({
			front: 'Who spoke?',
			edited: true,
			queue: 0,
			order: 1
		});
		expect((await db.cards.get(cardId))?.retiredAt).toBeUndefined();
		expect(await db.questions.get(questionId)).toMatchObject({
			prompt: 'Who spoke?',
			edited: true
		});
		expect((await db.questions.get(questionId))?.retiredAt).toBeUndefined();
	});

	it('keeps removed items out after regeneration brings their facts back', async () => {
		const articleId = await setup();
		await removeCard(db, 'c1', NOW);
		await removeQuestion(db, 'q1', NOW);
		await regenerateArticle(db, articleId, deck(), new Date(NOW.getTime() + 1000));
		expect(await db.cards.get('c1')).toMatchObject({ removed: true, queue: -3 });
		expect((await db.questions.get('q1'))?.retiredAt).toBe(NOW.getTime());
	});

	it('refuses empty or oversized text and unknown articles', async () => {
		const articleId = await setup();
		await expect(
			addHandCard(db, articleId, { front: ' ', back: 'x', evidence: { start: 0, end: 1 } }, NOW)
		).rejects.toThrow('front is empty');
		await expect(
			addHandCard(
				db,
				articleId,
				{ front: 'x'.repeat(2001), back: 'x', evidence: { start: 0, end: 1 } },
				NOW
			)
		).rejects.toThrow('limit');
		await expect(
			addHandQuestion(db, 'nope', { prompt: 'a', answer: 'b', evidence: { start: 0, end: 1 } }, NOW)
		).rejects.toThrow('does not exist');
		await expect(removeCard(db, 'nope', NOW)).rejects.toThrow('does not exist');
	});

	const base = {
		id: 'q',
		factId: 'f',
		kind: 'thing' as const,
		evidence: { start: 0, end: 1 },
		score: 1
	};
	/** A multiple-choice question whose answer is Paris, among `choices`. */
	const whereIsParis = (choices: string[]) => ({
		...base,
		type: 'multiple-choice' as const,
		prompt: 'Where?',
		answer: 'Paris',
		choices
	});

	it('checks an edited question before it is saved', () => {
		expect(questionEditProblem(whereIsParis(['Rome', 'Oslo']))).toBe(
			'The answer must be one of the options.'
		);
		expect(questionEditProblem(whereIsParis(['Paris', 'paris']))).toBe('Two options are the same.');
		expect(questionEditProblem({ ...base, type: 'short-answer', prompt: ' ', answer: 'x' })).toBe(
			'The question is empty.'
		);
		expect(questionEditProblem(whereIsParis(['Paris', 'Rome']))).toBeNull();
	});

	it('builds an edit of the question’s own type, keeping choices and refusing a bad true-false', () => {
		const mc = {
			...base,
			type: 'multiple-choice' as const,
			prompt: 'Where?',
			answer: 'Paris',
			choices: ['Paris', 'Rome']
		};
		expect(
			questionEdit(mc, { prompt: ' Where now? ', answer: 'Oslo', choices: ['Oslo', 'Rome'] })
		).toEqual({
			edit: {
				type: 'multiple-choice',
				prompt: 'Where now?',
				answer: 'Oslo',
				choices: ['Oslo', 'Rome']
			},
			problem: null
		});
		// Without new options the old ones stay, and the answer must be among them.
		expect(questionEdit(mc, { prompt: 'Where?', answer: 'Oslo' }).problem).toBe(
			'The answer must be one of the options.'
		);
		const tf = { ...base, type: 'true-false' as const, prompt: 'Paris?', answer: 'True' as const };
		expect(questionEdit(tf, { prompt: 'Paris?', answer: 'Maybe' }).problem).toBe(
			'The answer must be True or False.'
		);
		expect(questionEdit(tf, { prompt: 'Paris?', answer: 'False' }).edit).toEqual({
			type: 'true-false',
			prompt: 'Paris?',
			answer: 'False'
		});
	});

	it('saves an edit only onto a question of its type, and only a sound one', async () => {
		await setup();
		await expect(
			editQuestion(db, 'q1', { type: 'multiple-choice', choices: ['a', 'b'] }, NOW)
		).rejects.toThrow('is short-answer, not multiple-choice');
		await expect(
			editQuestion(db, 'q1', { type: 'short-answer', answer: ' ' }, NOW)
		).rejects.toThrow('The answer is empty.');
		await editQuestion(db, 'q1', { type: 'short-answer', answer: 'On Monday' }, NOW);
		expect(await db.questions.get('q1')).toMatchObject({ answer: 'On Monday', edited: true });
	});
});
