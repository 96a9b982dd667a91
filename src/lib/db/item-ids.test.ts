import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { PARIS_SUMMIT_TEXT, PARIS_SUMMIT_TITLE } from '$lib/content/paris-summit';
import { generateDeck } from '$lib/generate';
import { Rating } from '$lib/srs';
import { addArticle, articleIdFor, cardsOfArticle, updateArticleText } from './articles';
import { importBackup, parseBackup, readAllTables, serializeBackup } from './backup';
import { findEarlierVersion, relocateSpan, sharedSentences } from './article-versions';
import { openDatabase, SCHEMA_V4, SCHEMA_VERSION } from './database';
import { freshName } from './fixtures/deck';
import { GENERATED_ID, scopedItemId } from './item-ids';
import { logOf } from './log';
import { rateCard } from './study';
import { freshDatabases } from './fixtures/databases';

const T0 = new Date('2026-01-12T09:00:00Z');
const T1 = new Date('2026-01-13T09:00:00Z');
const fresh = freshDatabases('ids');

const PLUS_ONE = `${PARIS_SUMMIT_TEXT}\n\nOfficials said a second meeting would be held in Berlin in March.`;
const firstSentence = PARIS_SUMMIT_TEXT.split(/(?<=\.)\s/)[0]!;
const QUOTING = `${firstSentence} Analysts in Warsaw welcomed the news on Wednesday. The Polish prime minister, Anna Kowal, said the guarantees would need 40,000 troops.`;

describe('item ids scoped to their article', () => {
	const deck = generateDeck(PARIS_SUMMIT_TEXT, { title: PARIS_SUMMIT_TITLE });

	it('the generator still makes the ids the database scopes', () => {
		expect(deck.cards.length).toBeGreaterThan(5);
		for (const item of [...deck.cards, ...deck.questions]) expect(item.id).toMatch(GENERATED_ID);
	});

	it('scopes generated ids per article, the same each time, and leaves other ids alone', () => {
		const id = deck.cards[0]!.id;
		expect(scopedItemId('a-1', id)).toBe(scopedItemId('a-1', id));
		expect(scopedItemId('a-1', id)).not.toBe(scopedItemId('a-2', id));
		expect(scopedItemId('a-1', id)).toMatch(/^c[0-9a-f]{16}$/);
		expect(scopedItemId('a-1', 'a-1-cdeadbeef')).toBe('a-1-cdeadbeef');
		expect(scopedItemId('a-1', 'hc-0b7c')).toBe('hc-0b7c');
	});

	it('adds a second version of an article and another one sharing a sentence, both whole', async () => {
		const db = fresh();
		const first = await addArticle(db, { text: PARIS_SUMMIT_TEXT }, deck, T0);
		const plusDeck = generateDeck(PLUS_ONE);
		const plus = await addArticle(db, { text: PLUS_ONE }, plusDeck, T0);
		const quoting = await addArticle(db, { text: QUOTING }, generateDeck(QUOTING), T0);
		expect(new Set([first.articleId, plus.articleId, quoting.articleId]).size).toBe(3);
		// Whole: every card of the second version's own deck is added.
		expect(plus.added).toBe(plusDeck.cards.length);
		expect(quoting.added).toBeGreaterThan(0);
		expect(await db.articles.count()).toBe(3);
		// The first article's deck is untouched by the others.
		expect((await cardsOfArticle(db, first.articleId)).length).toBe(first.added);
	});

	it('keeps ids and history when the same article is added again', async () => {
		const db = fresh();
		const a = await addArticle(db, { text: PARIS_SUMMIT_TEXT }, deck, T0);
		const [card] = await cardsOfArticle(db, a.articleId);
		await rateCard(db, card!.id, Rating.Good, T0);
		const again = await addArticle(
			db,
			{ text: PARIS_SUMMIT_TEXT },
			generateDeck(PARIS_SUMMIT_TEXT),
			T1
		);
		expect(again).toMatchObject({ added: 0, retired: 0 });
		expect(await logOf(db, card!.id)).toHaveLength(1);
	});

	it('offers the older article as an earlier version and updates it keeping history', async () => {
		const db = fresh();
		const a = await addArticle(db, { text: PARIS_SUMMIT_TEXT }, deck, T0);
		const cards = await cardsOfArticle(db, a.articleId);
		for (const c of cards.slice(0, 5)) await rateCard(db, c.id, Rating.Good, T0);

		expect(await findEarlierVersion(db, PLUS_ONE, articleIdFor(PLUS_ONE))).toMatchObject({
			id: a.articleId
		});
		expect(await findEarlierVersion(db, QUOTING, articleIdFor(QUOTING))).toBeUndefined();
		expect(await findEarlierVersion(db, PARIS_SUMMIT_TEXT, a.articleId)).toBeUndefined();

		const report = await updateArticleText(
			db,
			a.articleId,
			{ text: PLUS_ONE },
			generateDeck(PLUS_ONE),
			T1
		);
		expect(report.articleId).toBe(a.articleId);
		expect((await db.articles.get(a.articleId))!.text).toBe(PLUS_ONE);
		const after = await cardsOfArticle(db, a.articleId, true);
		const byId = new Map(after.map((c) => [c.id, c]));
		let kept = 0;
		for (const c of cards.slice(0, 5)) {
			const now = byId.get(c.id);
			expect(now).toBeDefined();
			if (now!.retiredAt === undefined) kept++;
			expect(await logOf(db, c.id)).toHaveLength(1);
			expect(now!.evidence.end).toBeLessThanOrEqual(PLUS_ONE.length);
		}
		expect(kept).toBeGreaterThan(0);
		expect(await db.articles.count()).toBe(1);
	});

	it('measures shared sentences and finds moved spans again', () => {
		expect(sharedSentences(PARIS_SUMMIT_TEXT, PLUS_ONE)).toBe(1);
		expect(sharedSentences(PARIS_SUMMIT_TEXT, QUOTING)).toBeLessThan(0.5);
		const oldText = 'Intro here. The fund is large.';
		const newText = 'A new first line. Intro here. The fund is large.';
		expect(relocateSpan(oldText, newText, { start: 12, end: 30 })).toEqual({ start: 30, end: 48 });
		expect(relocateSpan(oldText, 'Short.', { start: 12, end: 30 })).toEqual({ start: 6, end: 6 });
	});
});

describe('version 6', () => {
	it('moves generated ids to article-scoped ones with logs, quizzes and attempts', async () => {
		const name = freshName('migrate-v6');
		const old = new Dexie(name);
		old.version(4).stores(SCHEMA_V4);
		old.version(5).stores({ reviews: null });
		await old.open();
		const aid = 'a-00000000000000aa';
		const base = { articleId: aid, order: 0, updatedAt: 1, evidence: { start: 0, end: 4 } };
		await old.table('cards').bulkAdd([
			{
				...base,
				id: 'c11753j21xhb',
				factId: 'f1',
				front: 'F',
				back: 'B',
				queue: 2,
				state: 2,
				due: 5,
				tags: [],
				createdAt: 1
			},
			{
				...base,
				id: 'hc-1234',
				factId: '',
				front: 'H',
				back: 'B',
				queue: 0,
				state: 0,
				due: 5,
				tags: [],
				createdAt: 1
			}
		]);
		await old.table('questions').bulkAdd([
			{
				...base,
				id: 'q0000001abcd',
				factId: 'f1',
				type: 'short-answer',
				prompt: 'P?',
				answer: 'A',
				kind: 'thing',
				score: 1
			}
		]);
		await old.table('logs').bulkAdd([
			{
				cardId: 'c11753j21xhb',
				last: 20,
				rows: [
					{ cardId: 'c11753j21xhb', review: 10, rating: 3 },
					{ cardId: 'c11753j21xhb', review: 20, rating: 3 }
				]
			},
			{ cardId: 'hc-1234', last: 7, rows: [{ cardId: 'hc-1234', review: 7, rating: 1 }] }
		]);
		await old
			.table('quizzes')
			.add({ id: 'z1', articleId: aid, questionIds: ['q0000001abcd'], createdAt: 1 });
		await old
			.table('attempts')
			.add({ quizId: 'z1', questionId: 'q0000001abcd', answer: 'A', correct: true, at: 2 });
		old.close();

		const db = openDatabase(name);
		await db.open();
		expect(db.verno).toBe(SCHEMA_VERSION);
		const cardId = scopedItemId(aid, 'c11753j21xhb');
		const questionId = scopedItemId(aid, 'q0000001abcd');
		expect((await db.cards.orderBy('id').primaryKeys()).sort()).toEqual([cardId, 'hc-1234'].sort());
		expect(await db.cards.get(cardId)).toMatchObject({ front: 'F', state: 2, due: 5 });
		const log = await db.logs.get(cardId);
		expect(log?.rows.map((r) => [r.cardId, r.review])).toEqual([
			[cardId, 10],
			[cardId, 20]
		]);
		expect(await db.logs.get('c11753j21xhb')).toBeUndefined();
		expect((await db.logs.get('hc-1234'))?.rows).toHaveLength(1);
		expect(await db.questions.get(questionId)).toMatchObject({ prompt: 'P?' });
		expect((await db.quizzes.get('z1'))?.questionIds).toEqual([questionId]);
		expect(await db.attempts.toArray()).toEqual([
			{ quizId: 'z1', questionId, answer: 'A', correct: true, at: 2 }
		]);
		await db.delete();
	});
});

describe('backups and item ids', () => {
	it('restores a backup written before schema 6 onto scoped ids, history kept', async () => {
		const db = fresh();
		const a = await addArticle(db, { text: PARIS_SUMMIT_TEXT }, deck6(), T0);
		const [card] = await cardsOfArticle(db, a.articleId);
		await rateCard(db, card!.id, Rating.Good, T0);
		// Turn the export back into what schema 5 wrote: the generator's own ids.
		const tables = await readAllTables(db);
		const genIdOf = new Map(deck6().cards.map((c) => [scopedItemId(a.articleId, c.id), c.id]));
		const qGenIdOf = new Map(deck6().questions.map((q) => [scopedItemId(a.articleId, q.id), q.id]));
		const legacy = {
			...tables,
			cards: tables.cards.map((c) => ({ ...c, id: genIdOf.get(c.id)! })),
			questions: tables.questions.map((q) => ({ ...q, id: qGenIdOf.get(q.id)! })),
			reviews: tables.reviews.map((r) => ({ ...r, cardId: genIdOf.get(r.cardId)! }))
		};
		const { json } = await serializeBackup(legacy, T1);
		const old = json.replace(`"schema":${SCHEMA_VERSION}`, '"schema":5');
		const parsed = await parseBackup(old);
		expect(parsed.tables.cards.map((c) => c.id).sort()).toEqual(
			tables.cards.map((c) => c.id).sort()
		);
		expect(parsed.tables.reviews[0]!.cardId).toBe(card!.id);

		const target = fresh();
		await importBackup(target, old, 'replace');
		await addArticle(target, { text: PARIS_SUMMIT_TEXT }, deck6(), T1);
		expect(await logOf(target, card!.id)).toHaveLength(1);
		expect((await target.cards.get(card!.id))?.retiredAt).toBeUndefined();
	});

	it('refuses a backup from a newer database schema, naming it', async () => {
		const db = fresh();
		const { json } = await serializeBackup(await readAllTables(db), T1);
		await expect(
			parseBackup(json.replace(`"schema":${SCHEMA_VERSION}`, '"schema":99'))
		).rejects.toThrow(/newer version of Factdeck \(database schema 99\)/);
	});
});

function deck6() {
	return generateDeck(PARIS_SUMMIT_TEXT, { title: PARIS_SUMMIT_TITLE });
}
