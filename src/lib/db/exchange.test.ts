import 'fake-indexeddb/auto';
import Database from 'better-sqlite3';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addArticle, cardsOfArticle } from './articles';
import { openDatabase, type FactdeckDB } from './database';
import { exportApkg, exportQuizlet, importApkg, importQuizlet } from './exchange';
import { ARTICLE_TEXT, card, deck, freshName } from './fixtures/deck';
import { rateCard, reviewLogOf } from './study';
import { Rating } from '$lib/srs';

const T0 = new Date('2026-01-12T09:00:00Z');
let SQL: SqlJsStatic;
let db: FactdeckDB;
beforeAll(async () => {
	SQL = await initSqlJs();
});
afterEach(async () => {
	await db?.delete();
});

async function seeded() {
	db = openDatabase(freshName('exchange'));
	const d = deck(['a', 'b']);
	d.cards = [
		card('c-a', '____ met in Paris. (a person)', 'Leaders\n\nLeaders met in Paris on Monday.'),
		{ ...card('c-b', 'How big?', '100 billion euros'), evidence: { start: 32, end: 70 } }
	];
	return (await addArticle(db, { text: ARTICLE_TEXT }, d, T0)).articleId;
}

describe('Anki round trip', () => {
	it('exports a deck Anki can read and imports it back with fronts, backs and sources', async () => {
		const articleId = await seeded();
		const { bytes, count, title } = await exportApkg(db, SQL, T0, articleId);
		expect(count).toBe(2);
		expect(title).toBe('Paris summit');

		// An independent reader sees the notes with the source sentence in its own field.
		const sqlite = new Database(Buffer.from(unzipSync(bytes)['collection.anki2']!), {
			readonly: true
		});
		const flds = (
			sqlite.prepare('SELECT flds FROM notes ORDER BY id').all() as { flds: string }[]
		).map((r) => r.flds.split('\x1f'));
		sqlite.close();
		expect(flds[0]).toEqual(['____ met in Paris. (a person)', 'Leaders', 'Leaders me']);
		expect(flds[1]![2]).toBe(ARTICLE_TEXT.slice(32, 70).trim());

		// The import path makes a deck of it in another database.
		const other = openDatabase(freshName('exchange-in'));
		try {
			const report = await importApkg(other, SQL, bytes, T0, 'paris.apkg');
			expect(report).toMatchObject({ title: 'Paris summit', added: 2, skipped: 0 });
			const cards = await cardsOfArticle(other, report.articleId);
			expect(cards.map((c) => [c.front, c.back])).toEqual([
				['____ met in Paris. (a person)', 'Leaders\n\nLeaders me'],
				['How big?', `100 billion euros\n\n${ARTICLE_TEXT.slice(32, 70).trim()}`]
			]);
			// Importing the same package again changes nothing and keeps the cards' history.
			await rateCard(other, cards[0]!.id, Rating.Good, T0);
			const again = await importApkg(other, SQL, bytes, T0, 'paris.apkg');
			expect(again.added).toBe(0);
			expect(await reviewLogOf(other, cards[0]!.id)).toHaveLength(1);
		} finally {
			await other.delete();
		}
	});

	it('says what is wrong with a bad package and imports nothing', async () => {
		db = openDatabase(freshName('exchange'));
		await expect(importApkg(db, SQL, new Uint8Array([1, 2, 3]), T0)).rejects.toThrow(
			/not an Anki package/
		);
		expect(await db.cards.count()).toBe(0);
	});
});

describe('Quizlet round trip', () => {
	it('exports one line per card without hints and imports the same set back', async () => {
		const articleId = await seeded();
		const { text } = await exportQuizlet(db, articleId);
		expect(text.split('\n')).toEqual([
			'____ met in Paris.\tLeaders — Leaders met in Paris on Monday.',
			'How big?\t100 billion euros'
		]);
		const report = await importQuizlet(db, text, 'From Quizlet', T0);
		expect(report.added).toBe(2);
		const cards = await cardsOfArticle(db, report.articleId);
		expect(cards.map((c) => [c.front, c.back])).toEqual([
			['____ met in Paris.', 'Leaders — Leaders met in Paris on Monday.'],
			['How big?', '100 billion euros']
		]);
		// What comes back exports to the same text: the round trip is stable.
		expect((await exportQuizlet(db, report.articleId)).text).toBe(text);
	});
});
