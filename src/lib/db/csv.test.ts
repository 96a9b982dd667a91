import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from '$lib/srs';
import { addArticle, cardsOfArticle } from './articles';
import { cardsToCsv, exportCardsCsv, importCsvDeck, parseCsv, parseDeckCsv } from './csv';
import type { FactdeckDB } from './database';
import { freshDatabases } from './fixtures/databases';
import { CsvError } from './errors';
import { ARTICLE_TEXT, card, deck } from './fixtures/deck';
import { rateCard, reviewLogOf } from './study';

const T0 = new Date('2026-01-12T23:30:00Z');
const fresh = freshDatabases('csv');
let db: FactdeckDB;

const awkward = [
	{ front: 'Plain', back: 'Simple' },
	{ front: 'Comma, inside', back: 'She said "yes"' },
	{ front: 'Two\nlines', back: '  leading space kept by quoting  ' },
	{ front: 'Café – naïve 東京 🙂', back: '=SUM(A1)' }
];

describe('CSV', () => {
	it('quotes only the fields that need it, with CRLF line ends', () => {
		const csv = cardsToCsv([{ front: 'a,b', back: 'say "hi"', article: 'T', due: '' }]);
		expect(csv).toBe('front,back,article,due\r\n"a,b","say ""hi""",T,\r\n');
		const anki = cardsToCsv([], { header: 'anki', bom: true });
		expect(anki).toBe(
			'\uFEFF#separator:Comma\r\n#html:false\r\n#columns:Front,Back,Article,Due\r\n'
		);
	});

	it('round-trips awkward text: export from one database, import into another', async () => {
		db = fresh();
		const d = deck([]);
		d.cards = awkward.map((a, i) => card(`c-${i}`, a.front, a.back));
		const { articleId } = await addArticle(db, { text: ARTICLE_TEXT }, d, T0);
		await rateCard(db, 'c-0', Rating.Easy, T0, 60);
		const csv = await exportCardsCsv(db, { articleId, utcOffsetMinutes: 60 });
		// Rated at 00:30 local on 13 January; Easy gives a few days.
		const row = parseCsv(csv)[1]!.fields;
		expect(row.slice(0, 3)).toEqual(['Plain', 'Simple', 'Paris summit']);
		expect(row[3]).toMatch(/^2026-01-(1[4-9]|2\d)$/);

		const rows = parseDeckCsv(csv);
		expect(rows.map((r) => [r.front, r.back])).toEqual(
			awkward.map((a) => [a.front.trim(), a.back.trim()])
		);
		const report = await importCsvDeck(db, csv, 'From CSV', T0);
		expect(report.added).toBe(4);
		const imported = await cardsOfArticle(db, report.articleId);
		expect(imported.map((c) => c.front)).toEqual(awkward.map((a) => a.front));
	});

	it('re-importing an updated file keeps history and retires removed rows', async () => {
		db = fresh();
		const first = await importCsvDeck(db, 'front,back\nOne,1\nTwo,2\n', 'Numbers', T0);
		const [one] = await cardsOfArticle(db, first.articleId);
		await rateCard(db, one!.id, Rating.Good, T0, 0);
		const second = await importCsvDeck(db, 'One,1\nThree,3\n', 'Numbers', T0);
		expect(second).toMatchObject({ articleId: first.articleId, added: 1, retired: 1, updated: 1 });
		expect(await reviewLogOf(db, one!.id)).toHaveLength(1);
	});

	it('reads term/definition headers, LF or CRLF, a BOM and blank lines', () => {
		const rows = parseDeckCsv('\uFEFFTerm,Definition\r\nchat,cat\r\n\r\nchien,dog');
		expect(rows).toEqual([
			{ line: 2, front: 'chat', back: 'cat' },
			{ line: 4, front: 'chien', back: 'dog' }
		]);
	});

	const bad: [string, string, RegExp][] = [
		['an unclosed quote', 'front,back\n"open,x\n', /line 2: a quoted field is never closed/],
		['a stray quote', 'a b"c,d\n', /line 1: a " inside an unquoted field/],
		['text after a closing quote', '"a"b,c\n', /line 1: text follows a closing quote/],
		['three columns', 'a,b\nc,d,e\n', /line 2: expected 2 columns \(front,back\), found 3/],
		['one column', 'a,b\nlonely\n', /line 2: expected 2 columns/],
		['an empty back', 'a,b\nc,  \n', /line 2: the back is empty/],
		['no cards', 'front,back\n', /no cards/],
		['an empty file', '', /no cards/]
	];
	it.each(bad)('refuses %s with the line', (_name, text, expected) => {
		expect(() => parseDeckCsv(text)).toThrow(CsvError);
		expect(() => parseDeckCsv(text)).toThrow(expected);
	});

	it('writes nothing when any line is bad', async () => {
		db = fresh();
		await expect(importCsvDeck(db, 'a,b\nc\n', 'Broken', T0)).rejects.toThrow(
			/nothing was imported/
		);
		expect(await db.cards.count()).toBe(0);
		expect(await db.articles.count()).toBe(0);
	});
});

describe('cards as CSV for spreadsheets', () => {
	it('guards every card field and the import takes the guard off again', () => {
		const csv = cardsToCsv([
			{ front: '=HYPERLINK("http://x","y")', back: '+1', article: '@a', due: '' },
			{ front: '-minus', back: "'=quoted", article: 'plain', due: '' }
		]);
		for (const line of csv.split('\r\n').slice(1, -1)) {
			for (const field of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) {
				expect(field.replace(/^"/, '')).not.toMatch(/^[=+\-@\t\r]/);
			}
		}
		const back = parseDeckCsv(csv);
		expect(back.map((r) => [r.front, r.back])).toEqual([
			['=HYPERLINK("http://x","y")', '+1'],
			['-minus', "'=quoted"]
		]);
	});
});
