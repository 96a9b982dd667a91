import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, queryRows } from '$lib/decks/browse';
import type { Deck, Question } from '$lib/generate/types';
import { Rating, State } from '$lib/srs';
import { addArticle } from './articles';
import { parseBackup, serializeBackup, readAllTables } from './backup';
import {
	flagItem,
	getCardDetail,
	loadBrowseRows,
	loadFirstBrowseRows,
	quizzable,
	removeCards,
	rescheduleCards,
	resetCards,
	reviewNow,
	saveCardAndQuestion
} from './browse';
import type { FactdeckDB } from './database';
import { freshDatabases } from './fixtures/databases';
import { ARTICLE_TEXT, deck } from './fixtures/deck';
import { reviewLogOf, rateCard, setSuspended } from './study';

const T0 = new Date('2026-01-12T09:00:00Z');
const DAY = 86_400_000;
const fresh = freshDatabases('browse');
let db: FactdeckDB;

/** A deck whose cards were written from its questions, as the generator does. */
function linkedDeck(): Deck {
	const d = deck(['a', 'b', 'c']);
	// Each card and its question share a fact, as generated ones do.
	d.questions = d.questions.map((q, i) => ({ ...q, factId: `f-${'abc'[i]}` }) as Question);
	d.cards = d.cards.map((c, i) => ({ ...c, factId: `f-${'abc'[i]}` }));
	d.questions[0] = {
		...d.questions[0]!,
		prompt: 'Where did leaders meet?',
		answer: 'Paris'
	} as Question;
	d.questions[1] = {
		id: 'q-b',
		factId: 'f-b',
		type: 'multiple-choice',
		kind: 'number',
		prompt: 'How big was the fund?',
		answer: '100 billion euros',
		choices: ['100 billion euros', '5 billion euros', '1 trillion euros'],
		evidence: { start: 32, end: 70 },
		score: 1
	};
	d.cards[0] = {
		...d.cards[0]!,
		front: 'Where did leaders meet?',
		back: 'Paris\n\nLeaders met in Paris.'
	};
	d.cards[1] = {
		...d.cards[1]!,
		front: 'How big was the fund?',
		back: '100 billion euros\n\nThe summit agreed a fund.'
	};
	return d;
}

async function seeded() {
	db = fresh();
	await addArticle(db, { text: ARTICLE_TEXT }, linkedDeck(), T0);
}

describe('card browser storage', () => {
	it('lists every card with its state and the article title, and filters them', async () => {
		await seeded();
		await rateCard(db, 'c-a', Rating.Good, T0);
		await setSuspended(db, ['c-b'], true, T0);
		const rows = await loadBrowseRows(db, T0);
		expect(rows.map((r) => r.cardId).sort()).toEqual(['c-a', 'c-b', 'c-c']);
		const a = rows.find((r) => r.cardId === 'c-a')!;
		expect(a).toMatchObject({ state: 'learning', reps: 1, articleTitle: 'Paris summit' });
		const ids = (filter: typeof DEFAULT_QUERY.filter) =>
			queryRows(rows, { ...DEFAULT_QUERY, filter }, T0.getTime()).map((i) => rows[i]!.cardId);
		expect(ids('suspended')).toEqual(['c-b']);
		expect(ids('new')).toEqual(expect.arrayContaining(['c-b', 'c-c']));
	});

	it('paints the first screen from the index: the default view’s first rows, and the count', async () => {
		await seeded();
		// 120 more cards in every queue, with due dates in both directions and shared ones.
		const template = (await db.cards.get('c-a'))!;
		const queues = [State.New, State.Learning, State.Review, State.Relearning, -1, -3];
		await db.cards.bulkPut(
			Array.from({ length: 120 }, (_, i) => ({
				...template,
				id: `x-${String((i * 37) % 120).padStart(3, '0')}`,
				factId: `x-f-${i}`,
				state: i % 4,
				queue: queues[i % queues.length]!,
				due: T0.getTime() + (((i * 7) % 23) - 11) * DAY
			}))
		);
		await flagItem(db, { questionId: 'q-a' }, true, T0);
		await rateCard(db, 'c-a', Rating.Again, new Date(T0.getTime() - 20 * DAY));
		const all = await loadBrowseRows(db, T0);
		const order = queryRows(all, DEFAULT_QUERY, T0.getTime()).map((i) => all[i]!);
		for (const limit of [1, 15, 40, 500]) {
			const first = await loadFirstBrowseRows(db, T0, limit);
			expect(first.total).toBe(all.length);
			expect(first.rows).toEqual(order.slice(0, limit));
		}
		// Flags and titles come along: c-a is flagged, and due first.
		expect((await loadFirstBrowseRows(db, T0, 1)).rows[0]).toMatchObject({
			cardId: 'c-a',
			flagged: true,
			articleTitle: 'Paris summit'
		});
		// Read in pieces, the full list is the same.
		let pauses = 0;
		const pause = async () => void pauses++;
		expect(await loadBrowseRows(db, T0, { size: 7, pause })).toEqual(all);
		// One pause between two pieces; the retired cards are read too, and left out.
		expect(pauses).toBe(Math.floor((await db.cards.count()) / 7));
	});

	it('suspends, resets, reschedules, moves to review now and removes many cards at once', async () => {
		await seeded();
		await rateCard(db, 'c-a', Rating.Good, T0);
		await rateCard(db, 'c-a', Rating.Good, new Date(T0.getTime() + 600_000));
		expect((await db.cards.get('c-a'))!.state).toBe(State.Review);

		expect(await rescheduleCards(db, ['c-a', 'c-b', 'missing'], 5, T0)).toBe(2);
		expect((await db.cards.get('c-a'))!.due).toBe(T0.getTime() + 5 * DAY);
		await expect(rescheduleCards(db, ['c-a'], -1, T0)).rejects.toThrow(/whole number/);

		await setSuspended(db, ['c-a'], true, T0);
		expect(await reviewNow(db, ['c-a'], T0)).toBe(1);
		const now = (await db.cards.get('c-a'))!;
		expect(now.due).toBe(T0.getTime());
		expect(now.queue).toBe(State.Review);

		const before = (await reviewLogOf(db, 'c-a')).length;
		expect(await resetCards(db, ['c-a', 'c-b'], T0)).toBe(2);
		expect((await db.cards.get('c-a'))!.state).toBe(State.New);
		// The history stays, with a reset row after it.
		expect(await reviewLogOf(db, 'c-a')).toHaveLength(before + 1);

		expect(await removeCards(db, ['c-c'], T0)).toBe(1);
		expect((await loadBrowseRows(db, T0)).map((r) => r.cardId).sort()).toEqual(['c-a', 'c-b']);
		expect(await reviewLogOf(db, 'c-a')).toHaveLength(before + 1);
	});

	it('flags a card and its question together; flagged questions leave quizzes', async () => {
		await seeded();
		await flagItem(db, { questionId: 'q-a' }, true, T0);
		expect((await db.cards.get('c-a'))!.flaggedAt).toBe(T0.getTime());
		const rows = await loadBrowseRows(db, T0);
		expect(
			queryRows(rows, { ...DEFAULT_QUERY, filter: 'flagged' }, T0.getTime()).map(
				(i) => rows[i]!.cardId
			)
		).toEqual(['c-a']);
		const questions = await db.questions.toArray();
		expect(
			quizzable(questions)
				.map((q) => q.id)
				.sort()
		).toEqual(['q-b', 'q-c']);
		await flagItem(db, { cardId: 'c-a' }, false, T0);
		expect((await db.questions.get('q-a'))!.flaggedAt).toBeUndefined();
		await expect(flagItem(db, { cardId: 'nope' }, true, T0)).rejects.toThrow(/nope/);
	});

	it('a flag survives a backup round trip', async () => {
		await seeded();
		await flagItem(db, { cardId: 'c-b' }, true, T0);
		const { json } = await serializeBackup(await readAllTables(db), T0);
		const parsed = await parseBackup(json);
		const card = parsed.tables.cards.find((c) => c.id === 'c-b');
		expect(card?.flaggedAt).toBe(T0.getTime());
	});

	it('edits a card and its question together, keeping the review history', async () => {
		await seeded();
		await rateCard(db, 'c-a', Rating.Good, T0);
		await flagItem(db, { cardId: 'c-a' }, true, T0);
		const detail = await getCardDetail(db, 'c-a');
		expect(detail.question?.id).toBe('q-a');
		expect(detail.sentence).toBe(ARTICLE_TEXT.slice(0, 10));

		// The card's edit reaches the question.
		const later = new Date(T0.getTime() + 1000);
		await saveCardAndQuestion(
			db,
			'c-a',
			{ front: 'In which city did leaders meet?', back: 'Paris, France\n\nLeaders met in Paris.' },
			later
		);
		const q = (await db.questions.get('q-a'))!;
		expect(q).toMatchObject({
			prompt: 'In which city did leaders meet?',
			answer: 'Paris, France',
			edited: true
		});
		expect(q.flaggedAt).toBeUndefined();
		const card = (await db.cards.get('c-a'))!;
		expect(card).toMatchObject({ state: State.Learning, reps: 1, edited: true });
		expect(await reviewLogOf(db, 'c-a')).toHaveLength(1);

		// The question's edit reaches the card, and its options.
		await saveCardAndQuestion(
			db,
			'c-b',
			{
				front: 'How big was the fund?',
				back: '100 billion euros\n\nThe summit agreed a fund.',
				question: { prompt: 'What fund did the summit agree?', answer: '€100 billion' }
			},
			later
		);
		const b = (await db.cards.get('c-b'))!;
		expect(b.front).toBe('What fund did the summit agree?');
		expect(b.back).toBe('€100 billion\n\nThe summit agreed a fund.');

		// An invalid result changes nothing.
		await expect(saveCardAndQuestion(db, 'c-b', { front: '', back: 'x' }, later)).rejects.toThrow(
			/front is empty/
		);
		expect((await db.cards.get('c-b'))!.front).toBe('What fund did the summit agree?');
	});
});
