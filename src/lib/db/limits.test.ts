/**
 * Every way data comes in, at its limit (accepted, and then it backs up and restores) and one past
 * it (refused with a message, nothing changed). The limits are LIMITS from $lib/limits.
 */
import 'fake-indexeddb/auto';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { parseQuizlet } from '$lib/decks/quizlet';
import { readApkg } from '$lib/decks/apkg';
import { checkInput, MAX_INPUT_CHARS } from '$lib/generate/errors';
import { readShare } from '$lib/import/markdown';
import { editLimit, fileSizeProblem, LIMITS } from '$lib/limits';
import { addArticle, editCard, editQuestion } from './articles';
import { exportBackup, importBackup, parseBackup, readAllTables } from './backup';
import { cardSchema, questionSchema } from './backup-schema';
import { saveCardAndQuestion } from './browse';
import { deckFromRows, parseDeckCsv } from './csv';
import type { FactdeckDB } from './database';
import { DECK_FILE_LIMITS } from './exchange';
import { addHandCard, addHandQuestion } from './hand';
import { ARTICLE_TEXT, card, deck } from './fixtures/deck';
import { freshDatabases } from './fixtures/databases';

const T0 = new Date('2026-01-12T09:00:00Z');
const fresh = freshDatabases('limits');

describe('what the app accepts it can back up and restore', () => {
	it('a long title, a sentence-long prompt and the largest CSV deck round-trip', async () => {
		const db = fresh();
		const sentence = `${'word '.repeat(5000)}end.`;
		const d = deck(['a']);
		d.cards[0]!.front = sentence;
		d.questions[0]!.prompt = sentence;
		await addArticle(db, { text: sentence, title: 'T'.repeat(3059) }, d, T0);
		// The largest text a CSV deck makes: rows of the longest fields up to the file limit.
		const field = 'x'.repeat(LIMITS.csvField);
		const rows = Array.from(
			{ length: Math.floor(LIMITS.articleText / (2 * LIMITS.csvField + 3)) },
			(_, i) => ({
				line: i + 1,
				front: `${i}${field}`.slice(0, LIMITS.csvField),
				back: field
			})
		);
		const csv = deckFromRows('big', rows);
		expect(csv.text.length).toBeGreaterThan(5_000_000);
		expect(csv.text.length).toBeLessThanOrEqual(LIMITS.articleText);
		await addArticle(db, { id: csv.articleId, text: csv.text }, csv.deck, T0);

		const before = await readAllTables(db);
		expect(before.articles.find((a) => a.title.startsWith('T'))!.title).toHaveLength(LIMITS.title);
		const { json } = await exportBackup(db, T0);
		const target = fresh();
		await importBackup(target, json, 'replace');
		expect(await readAllTables(target)).toEqual(before);
	}, 120_000);
});

const chars = (n: number, c = 'x') => c.repeat(n);

/** Backs the database up and restores it elsewhere; the copy must equal the original. */
async function roundTrips(db: FactdeckDB): Promise<void> {
	const before = await readAllTables(db);
	const { json } = await exportBackup(db, T0);
	const target = fresh();
	await importBackup(target, json, 'replace');
	expect(await readAllTables(target)).toEqual(before);
}

/** A library with one article, to show a refused write changes nothing. */
async function library(): Promise<FactdeckDB> {
	const db = fresh();
	await addArticle(db, { id: 'a-1', text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
	return db;
}

/** Text one character longer than a hand edit of the stored `text` may make it. */
const pastEditLimit = (text: string) => chars(editLimit(text) + 1);

async function refusedUnchanged(db: FactdeckDB, write: () => Promise<unknown>, message: RegExp) {
	const before = await readAllTables(db);
	await expect(write()).rejects.toThrow(message);
	expect(await readAllTables(db)).toEqual(before);
}

describe('pasted text', () => {
	it('is accepted at the generator limit and refused one past it', () => {
		expect(() =>
			checkInput(`${chars(MAX_INPUT_CHARS - 1, 'a ')}.`.slice(0, MAX_INPUT_CHARS))
		).not.toThrow();
		expect(() => checkInput(chars(MAX_INPUT_CHARS + 1, 'a'))).toThrow(/limit is 200,000/);
		// Whatever the generator accepts fits an article and its longest item.
		expect(MAX_INPUT_CHARS).toBeLessThanOrEqual(LIMITS.articleText);
		expect(MAX_INPUT_CHARS).toBeLessThanOrEqual(LIMITS.itemText);
	});
});

describe('article text and title at the database', () => {
	it('text at the limit saves and round-trips; one past it is refused and nothing changes', async () => {
		const db = await library();
		const d = deck(['c']);
		d.cards = [card('c-c', 'Front', 'Back')];
		await addArticle(db, { id: 'a-big', text: chars(LIMITS.articleText) }, d, T0);
		expect((await db.articles.get('a-big'))!.text).toHaveLength(LIMITS.articleText);
		await roundTrips(db);
		await refusedUnchanged(
			db,
			() => addArticle(db, { id: 'a-over', text: chars(LIMITS.articleText + 1) }, deck(['d']), T0),
			/too large[\s\S]*text is 10,545,761 characters/
		);
	}, 120_000);

	it('a title at the limit is kept, one past it is cut to the limit; a source likewise', async () => {
		const db = fresh();
		await addArticle(
			db,
			{ id: 'a-t1', text: ARTICLE_TEXT, title: chars(LIMITS.title), source: chars(LIMITS.source) },
			deck(['a']),
			T0
		);
		await addArticle(
			db,
			{
				id: 'a-t2',
				text: `${ARTICLE_TEXT} Two.`,
				title: chars(LIMITS.title + 1),
				source: chars(LIMITS.source + 1)
			},
			deck(['b']),
			T0
		);
		const [one, two] = await db.articles.bulkGet(['a-t1', 'a-t2']);
		expect(one!.title).toHaveLength(LIMITS.title);
		expect(two!.title).toHaveLength(LIMITS.title);
		expect(one!.source).toHaveLength(LIMITS.source);
		expect(two!.source).toHaveLength(LIMITS.source);
		await roundTrips(db);
	});

	it('a generated item at the item limit saves and round-trips; one past it is refused', async () => {
		const db = await library();
		const d = deck(['e']);
		d.cards[0]!.front = chars(LIMITS.itemText);
		d.questions[0]!.prompt = chars(LIMITS.itemText);
		await addArticle(db, { id: 'a-long', text: ARTICLE_TEXT }, d, T0);
		await roundTrips(db);
		const over = deck(['f']);
		over.cards[0]!.back = chars(LIMITS.itemText + 1);
		await refusedUnchanged(
			db,
			() => addArticle(db, { id: 'a-over', text: 'Over.' }, over, T0),
			/card’s back is 250,001 characters/
		);
		const many = deck(['g']);
		many.sections = Array.from({ length: LIMITS.sections + 1 }, () => ({
			title: 'S',
			span: { start: 0, end: 1 }
		}));
		await refusedUnchanged(
			db,
			() => addArticle(db, { id: 'a-many', text: 'Many.' }, many, T0),
			/10,001 sections|10001 sections/
		);
	});
});

describe('a file opened on the Add page', () => {
	it('is read at the limit and refused one byte past it', () => {
		expect(
			fileSizeProblem({ name: 'a.html', size: LIMITS.articleFileBytes }, LIMITS.articleFileBytes)
		).toBeNull();
		expect(
			fileSizeProblem(
				{ name: 'a.html', size: LIMITS.articleFileBytes + 1 },
				LIMITS.articleFileBytes
			)
		).toBe('“a.html” is 5.0 MB; the limit is 5 MB.');
	});
});

describe('a shared page', () => {
	it('keeps its title and link within the article limits', () => {
		const shared = readShare({
			title: chars(LIMITS.title + 1),
			text: 'Some text.',
			url: `https://example.org/${chars(LIMITS.source)}`
		});
		expect(shared.title.length).toBeLessThanOrEqual(LIMITS.title);
		expect(shared.url.length).toBeLessThanOrEqual(LIMITS.source);
	});
});

describe('a CSV deck', () => {
	it('takes a field at the limit and refuses one a character longer', () => {
		const rows = parseDeckCsv(`${chars(LIMITS.csvField)},back\n`);
		expect(rows[0]!.front).toHaveLength(LIMITS.csvField);
		expect(() => parseDeckCsv(`${chars(LIMITS.csvField + 1)},back\n`)).toThrow(
			/longer than 20000 characters/
		);
	});

	it('takes the most rows and refuses one more', () => {
		const lines = (n: number) => Array.from({ length: n }, (_, i) => `f${i},b${i}`).join('\n');
		expect(parseDeckCsv(lines(LIMITS.csvRows))).toHaveLength(LIMITS.csvRows);
		expect(() => parseDeckCsv(lines(LIMITS.csvRows + 1))).toThrow(/at most 20000/);
	});

	it('takes a file at the character limit and refuses one a character longer', () => {
		const row = `${chars(LIMITS.csvField - 10)},b\n`;
		const whole = row.repeat(Math.floor(LIMITS.csvChars / row.length));
		const exact = `${whole}${chars(LIMITS.csvChars - whole.length - 2)},b`;
		expect(exact).toHaveLength(LIMITS.csvChars);
		expect(parseDeckCsv(exact)).toHaveLength(Math.floor(LIMITS.csvChars / row.length) + 1);
		expect(() => parseDeckCsv(`${exact}x`)).toThrow(/too large/);
		// The largest file's article text is within the article limit (checked in limits.test.ts).
	}, 60_000);
});

describe('a Quizlet set and an .apkg package', () => {
	it('a Quizlet field at the limit is taken, one longer refused', () => {
		const rows = parseQuizlet(`${chars(LIMITS.csvField)}\tback`, DECK_FILE_LIMITS);
		expect(rows[0]!.front).toHaveLength(LIMITS.csvField);
		expect(() => parseQuizlet(`${chars(LIMITS.csvField + 1)}\tback`, DECK_FILE_LIMITS)).toThrow(
			/could not be read/
		);
		expect(() => parseQuizlet(chars(LIMITS.csvChars + 1), DECK_FILE_LIMITS)).toThrow(/too long/);
	});

	it('a package at the byte limit is opened (and found not to be a package); one byte more is refused unread', async () => {
		const SQL = await initSqlJs();
		const at = new Uint8Array(LIMITS.deckFileBytes);
		expect(() => readApkg(SQL, at, DECK_FILE_LIMITS)).toThrow();
		expect(() => readApkg(SQL, at, DECK_FILE_LIMITS)).not.toThrow(/the limit is/);
		expect(() => readApkg(SQL, new Uint8Array(LIMITS.deckFileBytes + 1), DECK_FILE_LIMITS)).toThrow(
			/50\.0 MB; the limit is 50 MB/
		);
	});
});

describe('a backup and a synced record', () => {
	it('a single-JSON file at its byte limit is read; one byte more is refused unread', async () => {
		const at = new Blob([new Uint8Array(LIMITS.legacyBackupBytes).fill(0x7b)]);
		await expect(parseBackup(at)).rejects.toThrow(/not valid JSON/);
		await expect(
			parseBackup(new Blob([new Uint8Array(LIMITS.legacyBackupBytes + 1)]))
		).rejects.toThrow(/too large/);
	});

	it('any backup over the sanity bound is refused unread (the bound lowered for the test)', async () => {
		const db = await library();
		const { json } = await exportBackup(db, T0);
		const bytes = new Blob([json]).size;
		await expect(parseBackup(json, { maxBytes: bytes })).resolves.toBeTruthy();
		await expect(parseBackup(json, { maxBytes: bytes - 1 })).rejects.toThrow(
			/too large[^\n]*a backup can be at most/
		);
		expect(LIMITS.backupBytes).toBeGreaterThan(50 * LIMITS.legacyBackupBytes);
	});

	it('the record schemas (backup and sync) take an item at the limit and refuse one past it', async () => {
		const db = await library();
		const stored = (await db.cards.toArray())[0]!;
		const question = (await db.questions.toArray())[0]!;
		expect(cardSchema.safeParse({ ...stored, front: chars(LIMITS.itemText) }).success).toBe(true);
		expect(cardSchema.safeParse({ ...stored, front: chars(LIMITS.itemText + 1) }).success).toBe(
			false
		);
		expect(questionSchema.safeParse({ ...question, prompt: chars(LIMITS.itemText) }).success).toBe(
			true
		);
		expect(
			questionSchema.safeParse({ ...question, prompt: chars(LIMITS.itemText + 1) }).success
		).toBe(false);
	});
});

describe('hand edits and hand-made items', () => {
	it('a hand-made card or question at the hand limit saves; one character more is refused', async () => {
		const db = await library();
		const span = { start: 0, end: 5 };
		await addHandCard(db, 'a-1', { front: chars(LIMITS.handText), back: 'b', evidence: span }, T0);
		await addHandQuestion(
			db,
			'a-1',
			{ prompt: 'p', answer: chars(LIMITS.handText), evidence: span },
			T0
		);
		await roundTrips(db);
		await refusedUnchanged(
			db,
			() =>
				addHandCard(
					db,
					'a-1',
					{ front: chars(LIMITS.handText + 1), back: 'b', evidence: span },
					T0
				),
			/front is 2,001 characters long; the limit is 2,000/
		);
	});

	it('editCard adds up to the hand limit to a field and refuses one character more', async () => {
		const db = await library();
		const [c] = await db.cards.toArray();
		const limit = editLimit(c!.front);
		expect(limit).toBe(c!.front.length + LIMITS.handText);
		await editCard(db, c!.id, { front: chars(limit) }, T0);
		await roundTrips(db);
		const now = (await db.cards.get(c!.id))!;
		await refusedUnchanged(
			db,
			() => editCard(db, c!.id, { back: pastEditLimit(now.back) }, T0),
			/too large[\s\S]*back is/
		);
	});

	it('a long generated sentence stays editable, never past the item limit', async () => {
		const db = fresh();
		const d = deck(['h']);
		d.cards[0]!.front = chars(LIMITS.itemText - 10);
		await addArticle(db, { id: 'a-h', text: ARTICLE_TEXT }, d, T0);
		const [c] = await db.cards.toArray();
		await editCard(db, c!.id, { front: chars(LIMITS.itemText) }, T0);
		await refusedUnchanged(
			db,
			() => editCard(db, c!.id, { front: chars(LIMITS.itemText + 1) }, T0),
			/250,001 characters/
		);
	});

	it('editQuestion and the Browse editor refuse one character past the limit', async () => {
		const db = await library();
		const [q] = await db.questions.toArray();
		const [c] = await db.cards.toArray();
		const promptLimit = editLimit(q!.prompt);
		await editQuestion(db, q!.id, { type: 'short-answer', prompt: chars(promptLimit) }, T0);
		const edited = (await db.questions.get(q!.id))!;
		await refusedUnchanged(
			db,
			() =>
				editQuestion(db, q!.id, { type: 'short-answer', answer: pastEditLimit(edited.answer) }, T0),
			/answer is/
		);
		await saveCardAndQuestion(db, c!.id, { front: chars(editLimit(c!.front)), back: c!.back }, T0);
		const saved = (await db.cards.get(c!.id))!;
		await refusedUnchanged(
			db,
			() =>
				saveCardAndQuestion(db, c!.id, { front: saved.front, back: pastEditLimit(saved.back) }, T0),
			/back is/
		);
		await roundTrips(db);
	});
});
