import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from '$lib/srs';
import {
	addArticle,
	articleIdFor,
	cardsOfArticle,
	deleteArticle,
	editCard,
	editQuestion,
	ensureSeeded,
	listArticles,
	questionsOfArticle,
	regenerateArticle
} from './articles';
import { countReviews } from './log';
import { ARTICLE_TEXT, card, deck, freshName } from './fixtures/deck';
import { QUEUE_RETIRED } from './records';
import { getStudyQueue, rateCard, reviewLogOf } from './study';
import { freshDatabases } from './fixtures/databases';

const T0 = new Date('2026-01-12T09:00:00Z');
const T1 = new Date('2026-01-20T09:00:00Z');
const fresh = freshDatabases('articles');

describe('articles', () => {
	it('stores an article with its questions and cards in one go', async () => {
		const db = fresh();
		const report = await addArticle(
			db,
			{ text: ARTICLE_TEXT, source: 'seed.txt' },
			deck(['a', 'b']),
			T0
		);
		expect(report).toMatchObject({ added: 2, retired: 0, articleId: articleIdFor(ARTICLE_TEXT) });
		const [article] = await listArticles(db);
		expect(article).toMatchObject({
			title: 'Paris summit',
			source: 'seed.txt',
			addedAt: T0.getTime()
		});
		expect((await cardsOfArticle(db, report.articleId)).map((c) => c.id)).toEqual(['c-a', 'c-b']);
		expect((await questionsOfArticle(db, report.articleId)).map((q) => q.id)).toEqual([
			'q-a',
			'q-b'
		]);
	});

	it('writes nothing when one card id already belongs to another article', async () => {
		const db = fresh();
		await addArticle(db, { text: 'First article.' }, deck(['a']), T0);
		await expect(addArticle(db, { text: 'Second article.' }, deck(['z', 'a']), T0)).rejects.toThrow(
			/already belongs to another article/
		);
		expect(await db.articles.count()).toBe(1);
		expect(await db.cards.count()).toBe(1);
		expect(await db.questions.count()).toBe(1);
	});

	it('keeps history on regeneration, retires vanished cards and keeps hand edits', async () => {
		const db = fresh();
		const { articleId } = await addArticle(
			db,
			{ text: ARTICLE_TEXT },
			deck(['a', 'b', 'c', 'd']),
			T0
		);
		await rateCard(db, 'c-a', Rating.Good, T0, 60);
		await rateCard(db, 'c-b', Rating.Good, T0, 60);
		const ratedA = await db.cards.get('c-a');
		await editCard(db, 'c-c', { front: 'My own front' }, T0);
		await editQuestion(db, 'q-d', { type: 'short-answer', prompt: 'My own prompt?' }, T0);

		// The improved generator keeps a, drops b, c and d, rewrites a's text and adds e.
		const next = deck(['a', 'e'], 'Paris summit, improved');
		next.cards[0] = card('c-a', 'Better front', 'Better back');
		const report = await regenerateArticle(db, articleId, next, T1);
		// Cards b and d are retired; c was edited by hand and stays.
		expect(report).toMatchObject({ added: 1, updated: 1, retired: 2, keptEdited: 1 });

		const a = await db.cards.get('c-a');
		expect(a).toMatchObject({ front: 'Better front', reps: ratedA?.reps, due: ratedA?.due });
		expect(await reviewLogOf(db, 'c-a')).toHaveLength(1);
		const b = await db.cards.get('c-b');
		expect(b).toMatchObject({ queue: QUEUE_RETIRED, retiredAt: T1.getTime() });
		expect(await reviewLogOf(db, 'c-b')).toHaveLength(1);
		expect(await db.cards.get('c-c')).toMatchObject({ front: 'My own front', edited: true });
		expect(await db.cards.get('c-c')).not.toHaveProperty('retiredAt');
		expect(await db.questions.get('q-d')).toMatchObject({ prompt: 'My own prompt?' });
		expect(await db.questions.get('q-c')).toHaveProperty('retiredAt', T1.getTime());
		expect((await cardsOfArticle(db, articleId)).map((c) => c.id)).toEqual(['c-a', 'c-e', 'c-c']);
		expect((await listArticles(db))[0]?.title).toBe('Paris summit, improved');

		// Retired cards never come up; bringing the fact back revives the card with its history.
		const queueIds = (await getStudyQueue(db, T1, 60)).cards.map((c) => c.id);
		expect(queueIds).not.toContain('c-b');
		const back = await regenerateArticle(db, articleId, deck(['a', 'b', 'e']), T1);
		expect(back.revived).toBe(1);
		expect(await db.cards.get('c-b')).toMatchObject({ queue: 1, reps: 1 });
	});

	it('regenerating an unknown article is refused', async () => {
		const db = fresh();
		await expect(regenerateArticle(db, 'a-missing', deck(['a']), T0)).rejects.toThrow(
			/does not exist/
		);
	});

	it('seeds the built-in article exactly once, even from two tabs at once', async () => {
		const name = freshName('seed');
		const tabA = fresh(name);
		const tabB = fresh(name);
		let made = 0;
		const makeSeed = async () => {
			made++;
			await new Promise((r) => setTimeout(r, 5));
			return { article: { text: ARTICLE_TEXT }, deck: deck(['a', 'b']) };
		};
		const results = await Promise.all([
			ensureSeeded(tabA, makeSeed, T0),
			ensureSeeded(tabB, makeSeed, T0)
		]);
		expect(results.filter(Boolean)).toHaveLength(1);
		expect(await tabA.articles.count()).toBe(1);
		expect(await tabA.cards.count()).toBe(2);
		expect((await tabA.articles.toArray())[0]?.builtIn).toBe(true);

		// Deleting the built-in article does not bring it back on the next start.
		await deleteArticle(tabA, articleIdFor(ARTICLE_TEXT));
		expect(await ensureSeeded(tabA, makeSeed, T1)).toBe(false);
		expect(await tabA.articles.count()).toBe(0);
		expect(made).toBe(2);
	});

	it('deletes an article with its cards, questions and review log', async () => {
		const db = fresh();
		const { articleId } = await addArticle(db, { text: ARTICLE_TEXT }, deck(['a']), T0);
		const other = await addArticle(db, { text: 'Another text.' }, deck(['x']), T0);
		await rateCard(db, 'c-a', Rating.Good, T0, 0);
		await rateCard(db, 'c-x', Rating.Good, T0, 0);
		await deleteArticle(db, articleId);
		expect(await db.cards.toCollection().primaryKeys()).toEqual(['c-x']);
		expect(await countReviews(db)).toBe(1);
		expect((await listArticles(db)).map((a) => a.id)).toEqual([other.articleId]);
	});
});
