import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating, State } from '$lib/srs';
import { explainEmptyQueue, getArticleQueue, studyMoreNewToday } from './custom-study';
import type { FactdeckDB } from './database';
import { addTestArticle, freshDatabases } from './fixtures/databases';
import { countReviews } from './log';
import { updateSrsSettings } from './settings';
import { getStudyQueue, rateCard } from './study';

const OFFSET = 60;
const T0 = new Date('2026-01-12T09:00:00Z');
const TOMORROW = new Date('2026-01-13T09:00:00Z');

const fresh = freshDatabases('custom');
let db: FactdeckDB;

async function seeded(ids = ['a', 'b', 'c', 'd', 'e']) {
	db = fresh();
	return addTestArticle(db, ids, T0);
}

describe('custom study', () => {
	it('names the new-card limit, then studies N more today, and the raise lapses tomorrow', async () => {
		await seeded();
		await updateSrsSettings(db, { newPerDay: 2 });
		let q = await getStudyQueue(db, T0, OFFSET);
		expect(q.counts.new).toBe(2);
		for (const card of q.cards) await rateCard(db, card.id, Rating.Easy, T0, OFFSET);
		q = await getStudyQueue(db, T0, OFFSET);
		expect(q.ids).toEqual([]);
		const why = await explainEmptyQueue(db, T0, 0, q.nextLearningDue, OFFSET);
		expect(why.reason).toEqual({ type: 'new-limit', waiting: 3, limit: 2, done: 2 });
		expect(why.moreNew).toBe(3);

		await studyMoreNewToday(db, why.moreNew, T0, OFFSET);
		q = await getStudyQueue(db, T0, OFFSET);
		expect(q.counts.new).toBe(3);
		// Tomorrow the usual limit is back.
		const next = await getStudyQueue(db, TOMORROW, OFFSET);
		expect(next.counts.new).toBe(2);
	});

	it('studies one article now, outside the limits, and its ratings count', async () => {
		const articleId = await seeded();
		await updateSrsSettings(db, { newPerDay: 0 });
		expect((await getStudyQueue(db, T0, OFFSET)).ids).toEqual([]);
		const q = await getArticleQueue(db, articleId, T0, OFFSET);
		expect(q.counts.new).toBe(5);
		await rateCard(db, q.cards[0]!.id, Rating.Good, T0, OFFSET);
		expect(await countReviews(db)).toBe(1);
		const after = await getArticleQueue(db, articleId, T0, OFFSET);
		expect(after.counts).toMatchObject({ new: 4, learning: 1 });
		expect(after.cards[0]!.state).toBe(State.Learning);
		expect((await getArticleQueue(db, 'nope', T0, OFFSET)).ids).toEqual([]);
	});

	it('tells an empty deck from a finished day', async () => {
		db = fresh();
		expect((await explainEmptyQueue(db, T0, 0, null, OFFSET)).reason).toEqual({ type: 'no-cards' });
	});
});
