import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '$lib/srs';
import { addArticle } from './articles';
import { exportBackup, importBackup } from './backup';
import { importCsvDeck } from './csv';
import { openDatabase, type FactdeckDB } from './database';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import {
	missedToReview,
	overrideAnswer,
	quizHistory,
	quizPool,
	recordAnswer,
	startPracticeQuiz
} from './practice-quiz';
import { setSuspended, rateCard } from './study';

/** A deck whose cards and questions share their facts, as generated decks' do. */
function linked(ids: string[], title?: string) {
	const d = deck(ids, title);
	return { ...d, cards: d.cards.map((c, i) => ({ ...c, factId: d.questions[i]!.factId })) };
}

const T0 = new Date('2026-01-12T09:00:00Z');
const LATER = new Date('2026-01-20T09:00:00Z');

let db: FactdeckDB;
let other: FactdeckDB | undefined;
afterEach(async () => {
	await db?.delete();
	await other?.delete();
	other = undefined;
});

const CSV =
	'front,back\nCapital of France,Paris\nCapital of Spain,Madrid\nCapital of Italy,Rome\nCapital of Peru,Lima\nLongest river,The Nile in Africa\n';

describe('practice quiz sources', () => {
	it('draws on several articles at once', async () => {
		db = openDatabase(freshName('pq'));
		const a = (await addArticle(db, { text: ARTICLE_TEXT }, linked(['a', 'b']), T0)).articleId;
		const b = (
			await addArticle(db, { text: `${ARTICLE_TEXT} More.` }, linked(['c', 'd', 'e'], 'Other'), T0)
		).articleId;
		const pool = await quizPool(db, { articleIds: [a, b] }, T0);
		expect(pool.questions.filter((q) => q.articleId === a)).toHaveLength(2);
		expect(pool.questions.filter((q) => q.articleId === b)).toHaveLength(3);
		expect([...pool.articles.keys()].sort()).toEqual([a, b].sort());
	});

	it('turns an imported deck’s cards into short-answer and multiple-choice questions, stored when asked, and the backup stays whole', async () => {
		db = openDatabase(freshName('pq'));
		const { articleId } = await importCsvDeck(db, CSV, 'Capitals', T0);
		const pool = await quizPool(db, { articleIds: [articleId] }, T0);
		const types = pool.questions.map((q) => q.type);
		expect(types.filter((t) => t === 'short-answer')).toHaveLength(5);
		expect(types.filter((t) => t === 'multiple-choice')).toHaveLength(5);
		const mc = pool.questions.find((q) => q.type === 'multiple-choice' && q.answer === 'Paris');
		expect(mc?.type === 'multiple-choice' && mc.choices).toContain('Paris');
		expect(mc?.type === 'multiple-choice' && mc.choices.length).toBe(4);
		expect(await db.questions.count()).toBe(0);

		const quizId = await startPracticeQuiz(db, pool.questions.slice(0, 3), T0);
		expect(await db.questions.count()).toBe(3);
		await recordAnswer(db, {
			quizId,
			questionId: pool.questions[0]!.id,
			answer: 'x',
			correct: false,
			at: T0.getTime()
		});
		// The same ids come back, now from the table, and nothing is doubled.
		const again = await quizPool(db, { articleIds: [articleId] }, T0);
		expect(again.questions.map((q) => q.id).sort()).toEqual(pool.questions.map((q) => q.id).sort());

		other = openDatabase(freshName('pq-restore'));
		const { json } = await exportBackup(db, T0);
		await importBackup(other, json, 'replace');
		expect(await other.attempts.count()).toBe(1);
	});

	it('draws on the cards due now across articles, and says nothing when none is', async () => {
		db = openDatabase(freshName('pq'));
		const a = (await addArticle(db, { text: ARTICLE_TEXT }, linked(['a', 'b']), T0)).articleId;
		await addArticle(db, { text: `${ARTICLE_TEXT} More.` }, linked(['c'], 'Other'), T0);
		expect((await quizPool(db, { due: true }, T0)).questions).toEqual([]);
		await rateCard(db, 'c-a', Rating.Good, T0, 0);
		const pool = await quizPool(db, { due: true }, LATER);
		expect(pool.questions.map((q) => q.id)).toEqual(['q-a']);
		expect([...pool.articles.keys()]).toEqual([a]);
	});
});

describe('after a practice quiz', () => {
	it('makes missed questions’ existing cards due now (suspended ones too) and adds cards for the rest', async () => {
		db = openDatabase(freshName('pq'));
		await addArticle(db, { text: ARTICLE_TEXT }, linked(['a', 'b']), T0);
		await rateCard(db, 'c-a', Rating.Easy, T0, 0);
		await setSuspended(db, ['c-b'], true, T0);
		expect((await db.cards.get('c-b'))!.queue).toBeLessThan(0);
		const before = (await db.cards.get('c-a'))!.due;
		expect(before).toBeGreaterThan(LATER.getTime() - 7 * 86_400_000);
		const questions = await db.questions.toArray();
		const orphan = { ...questions[0]!, id: 'q-z', factId: 'f-z' };
		const r = await missedToReview(db, [...questions, orphan], T0);
		expect(r).toEqual({ due: 2, added: 1 });
		expect((await db.cards.get('c-a'))!.due).toBe(T0.getTime());
		expect((await db.cards.get('c-b'))!.queue).toBeGreaterThanOrEqual(0);
		expect(await db.cards.count()).toBe(3);
	});

	it('records "I was right" on the answer, and the history counts it with the score', async () => {
		db = openDatabase(freshName('pq'));
		const a = (await addArticle(db, { text: ARTICLE_TEXT }, linked(['a', 'b']), T0)).articleId;
		const qs = await db.questions.toArray();
		const quizId = await startPracticeQuiz(db, qs, T0);
		for (const q of qs) {
			await recordAnswer(db, {
				quizId,
				questionId: q.id,
				answer: 'no',
				correct: false,
				at: T0.getTime()
			});
		}
		await overrideAnswer(db, quizId, qs[0]!.id);
		const row = await db.attempts.get([quizId, qs[0]!.id]);
		expect(row).toMatchObject({ correct: true, overridden: true });
		await expect(overrideAnswer(db, quizId, 'q-none')).rejects.toThrow(/not stored/);
		const [entry] = await quizHistory(db);
		expect(entry).toMatchObject({ id: quizId, questions: 2, answered: 2, right: 1, overridden: 1 });
		expect(entry!.titles).toHaveLength(1);
		expect(a).toBeTruthy();
	});
});
