import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Rating, replay } from '$lib/srs';
import { addArticle } from './articles';
import {
	exportBackup,
	importBackup,
	parseBackup,
	readAllTables,
	serializeBackup,
	sha256Hex
} from './backup';
import { LIMITS } from '$lib/limits';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	LEGACY_REVIEW_COLUMNS,
	REVIEW_COLUMNS,
	WEIGHT_RANGES
} from './backup-schema';
import { openDatabase, type FactdeckDB } from './database';
import { countReviews, logOf } from './log';
import { studyMoreNewToday } from './custom-study';
import { BackupError } from './errors';
import { sampleQuiz } from '$lib/classroom/fixtures/quizzes';
import { classroomRecord } from './fixtures/databases';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import { PERSONAL_WEIGHTS } from './fixtures/weights';
import { updateSrsSettings } from './settings';
import { rateCard, resetCard, scheduleFromLog, scheduleOf } from './study';

const T0 = new Date('2026-01-12T09:00:00Z');
const day = (n: number) => new Date(T0.getTime() + n * 86_400_000);

let db: FactdeckDB;
const others: FactdeckDB[] = [];

async function fill(target: FactdeckDB) {
	const { articleId } = await addArticle(target, { text: ARTICLE_TEXT }, deck(['a', 'b', 'c']), T0);
	await rateCard(target, 'c-a', Rating.Good, T0, 60);
	await rateCard(target, 'c-a', Rating.Good, day(0.01), 60);
	await rateCard(target, 'c-b', Rating.Again, day(0.02), 60);
	await target.quizzes.add({ id: 'z-1', articleId, questionIds: ['q-a'], createdAt: T0.getTime() });
	await target.attempts.add({
		quizId: 'z-1',
		questionId: 'q-a',
		answer: '<b>x</b>',
		correct: false,
		at: 5
	});
	await updateSrsSettings(target, { newPerDay: 12 });
	// A card removed by hand travels with its flag.
	await target.cards.update('c-c', { queue: -3, retiredAt: 9, removed: true, edited: true });
	const quiz = sampleQuiz();
	await target.classroom.add(
		classroomRecord(quiz, {
			// One answer per question, the first two given.
			answers: quiz.questions.map((_, i) => (i < 2 ? i : null)),
			correct: quiz.questions.map((_, i) => i === 0),
			secondsTaken: quiz.questions.map((_, i) => (i < 2 ? 3 + i : null)),
			code: 'AB-CD'
		})
	);
}

beforeEach(async () => {
	db = openDatabase(freshName('backup'));
	await fill(db);
});
afterEach(async () => {
	await db.delete();
	for (const d of others.splice(0)) await d.delete();
});

function other(): FactdeckDB {
	const d = openDatabase(freshName('backup-other'));
	others.push(d);
	return d;
}

/**
 * A file in the single-JSON format of earlier versions, with the right header and a correct
 * checksum around any data.
 */
async function forge(data: unknown, head: Record<string, unknown> = {}): Promise<string> {
	const dataJson = JSON.stringify(data);
	return JSON.stringify({
		format: BACKUP_FORMAT,
		version: 1,
		schema: 2,
		exportedAt: T0.toISOString(),
		reviewColumns: REVIEW_COLUMNS,
		checksum: `sha256-${await sha256Hex(dataJson)}`,
		...head,
		data: JSON.parse(dataJson)
	});
}

/** The data of a good export (in the single-JSON format), as plain objects to spoil. */
type TableName =
	'articles' | 'questions' | 'cards' | 'reviews' | 'quizzes' | 'attempts' | 'settings';
async function goodData(): Promise<Record<TableName, unknown[]>> {
	return JSON.parse((await serializeBackup(await readAllTables(db), T0)).json).data;
}

describe('export and import', () => {
	it('round-trips everything through a file (replace)', async () => {
		const file = await exportBackup(db, T0);
		expect(file.fileName).toBe('factdeck-backup-2026-01-12.json');
		expect(file.counts).toMatchObject({
			articles: 1,
			cards: 3,
			reviews: 3,
			attempts: 1,
			settings: 1
		});
		const target = other();
		await addArticle(target, { text: 'Something else entirely.' }, deck(['zz']), T0);
		const report = await importBackup(target, file.json, 'replace');
		expect(report.counts.cards).toBe(3);
		expect(await readAllTables(target)).toEqual(await readAllTables(db));
		expect((await target.attempts.toArray())[0]?.answer).toBe('<b>x</b>');
	});

	it('accepts a Blob and bytes as well as text', async () => {
		const { json } = await exportBackup(db, T0);
		await expect(parseBackup(new Blob([json]))).resolves.toMatchObject({ counts: { cards: 3 } });
		await expect(parseBackup(new TextEncoder().encode(json))).resolves.toBeTruthy();
	});

	it('merges two devices: joined logs, cards rescheduled from them, local settings kept', async () => {
		const phone = other();
		await importBackup(phone, (await exportBackup(db, T0)).json, 'replace');
		await updateSrsSettings(phone, { newPerDay: 3 });
		// Each device reviews card a on a different day.
		await rateCard(db, 'c-a', Rating.Good, day(3), 60);
		await rateCard(phone, 'c-a', Rating.Hard, day(5), 60);
		await rateCard(phone, 'c-c', Rating.Easy, day(5), 60);

		const report = await importBackup(db, (await exportBackup(phone, day(6))).json, 'merge');
		expect(report.rebuilt).toBeGreaterThanOrEqual(2);
		const a = await db.cards.get('c-a');
		expect(a?.reps).toBe(4);
		expect(scheduleOf(a!)).toEqual(await scheduleFromLog(db, 'c-a'));
		expect((await db.cards.get('c-c'))?.reps).toBe(1);
		expect(await countReviews(db)).toBe(6);
		expect((await db.settings.get('srs'))?.value).toMatchObject({ newPerDay: 12 });
		// Merging the same file again changes nothing.
		const before = await readAllTables(db);
		await importBackup(db, (await exportBackup(phone, day(6))).json, 'merge');
		expect(await readAllTables(db)).toEqual(before);
	});

	it('carries today’s “study more” raise of the limits, a settings row the app writes', async () => {
		await studyMoreNewToday(db, 10, T0, 0);
		const target = other();
		await importBackup(target, (await exportBackup(db, T0)).json, 'replace');
		expect(await target.settings.toArray()).toEqual(await db.settings.toArray());
		expect(await target.settings.get('limit-extension')).toBeDefined();
	});

	it('restores a card reset before it was due (its log row counts the days it cut short)', async () => {
		await rateCard(db, 'c-b', Rating.Easy, day(1), 60);
		await resetCard(db, 'c-b', day(1.001), 60, false);
		expect((await scheduleFromLog(db, 'c-b'))?.state).toBe(0);
		const target = other();
		await importBackup(target, (await exportBackup(db, T0)).json, 'replace');
		expect(await readAllTables(target)).toEqual(await readAllTables(db));
	});

	it('keeps HTML in strings as plain data', async () => {
		const data = await goodData();
		(data.cards[0] as Record<string, unknown>).front =
			'<img src=x onerror="alert(1)"><script>1</script>';
		const target = other();
		await importBackup(target, await forge(data), 'replace');
		const cards = await target.cards.toArray();
		expect(cards.map((c) => c.front)).toContain('<img src=x onerror="alert(1)"><script>1</script>');
	});
});

type Case = [name: string, make: () => Promise<string | Blob>, expected: RegExp];

/** A case's file: the good data, changed by `change`, under a correct checksum. */
const spoilData = (change: (data: Record<TableName, unknown[]>) => void) => async () => {
	const data = await goodData();
	change(data);
	return forge(data);
};

/** A case's file: one row of the good data changed. */
const spoil = (table: TableName, index: number, change: (row: Record<string, unknown>) => void) =>
	spoilData((data) => change(data[table][index] as Record<string, unknown>));

const cases: Case[] = [
	['an empty file', async () => '', /empty/],
	['not JSON', async () => 'hello, world', /not valid JSON/],
	[
		'a truncated file',
		async () => (await exportBackup(db, T0)).json.slice(0, -200),
		/not valid JSON/
	],
	['a JSON array', async () => '[1,2,3]', /expected an object/],
	["another app's JSON", async () => JSON.stringify({ cards: [] }), /not a Factdeck backup/],
	[
		'a newer backup version',
		async () => forge(await goodData(), { version: BACKUP_VERSION + 1 }),
		/newer version of Factdeck/
	],
	[
		'a version that is not a number',
		async () => forge(await goodData(), { version: 'one' }),
		/header is damaged[\s\S]*version/
	],
	['a missing checksum', async () => forge(await goodData(), { checksum: undefined }), /checksum/],
	[
		'an edited file (checksum mismatch)',
		async () => (await exportBackup(db, T0)).json.replace('Front c-a', 'Front c-A'),
		/checksum does not match/
	],
	[
		'a single-JSON file over the size limit of that format',
		async () => new Blob([new Uint8Array(LIMITS.legacyBackupBytes + 1)]),
		/too large \(50\.0 MB\) for a backup in the single-file format[^\n]*at most 50 MB/
	],
	[
		'bytes that are not UTF-8',
		async () => new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0xc3])]),
		/not UTF-8/
	],
	[
		'a __proto__ key',
		async () =>
			(await forge(await goodData())).replace('"front":', '"__proto__":{"polluted":1},"front":'),
		/forbidden key "__proto__"/
	],
	[
		'a constructor key in a nested object',
		spoil('articles', 0, (a) => ((a.facts as unknown[])[0] = { constructor: { prototype: {} } })),
		/forbidden key "constructor"/
	],
	[
		'absurdly deep nesting',
		async () => forge({ a: JSON.parse('['.repeat(60) + ']'.repeat(60)) }),
		/levels deep/
	],
	['a negative stability', spoil('cards', 0, (c) => (c.stability = -5)), /cards\[0\]\.stability/],
	['a due date past year 275760', spoil('cards', 1, (c) => (c.due = 1e300)), /cards\[1\]\.due/],
	['a fractional rep count', spoil('cards', 0, (c) => (c.reps = 1.5)), /cards\[0\]\.reps/],
	['a card state of 7', spoil('cards', 0, (c) => (c.state = 7)), /cards\[0\]\.state/],
	['a number where text belongs', spoil('cards', 2, (c) => (c.front = 42)), /cards\[2\]\.front/],
	['an unknown field on a card', spoil('cards', 0, (c) => (c.isAdmin = true)), /cards\[0\]/],
	['a missing required field', spoil('articles', 0, (a) => delete a.text), /articles\[0\]\.text/],
	[
		'a card of an article not in the file',
		spoil('cards', 0, (c) => (c.articleId = 'a-elsewhere')),
		/article "a-elsewhere", which is missing/
	],
	[
		'a review of an unknown card',
		spoilData((data) => ((data.reviews[0] as unknown[])[0] = 'c-ghost')),
		/card "c-ghost", which is missing/
	],
	[
		'a rating of 9 in the log',
		spoilData((data) => ((data.reviews[0] as unknown[])[2] = 9)),
		/reviews\[0\]\[2\]/
	],
	[
		'the same card twice',
		spoilData((data) => data.cards.push(data.cards[0])),
		/"c-a" appears twice/
	],
	[
		'a settings value out of bounds',
		spoilData((data) => (data.settings = [{ key: 'srs', value: { desiredRetention: 5 } }])),
		/settings\[0\]\.value\.desiredRetention/
	],
	[
		'an unknown table',
		async () => forge({ ...(await goodData()), users: [] }),
		/users|Unrecognized/
	],
	[
		'an infinite-looking number',
		async () => (await forge(await goodData())).replace(/"reps":1\b/, '"reps":1e999'),
		/checksum|reps/
	],
	[
		'a queue that contradicts the state',
		spoil('cards', 0, (c) => (c.queue = ((c.state as number) + 1) % 4)),
		/queue \d does not match state/
	],
	// Impossible content under a valid checksum (the rules in backup-check.ts).
	[
		'a studied card with stability 0',
		spoil('cards', 0, (c) => (c.stability = 0)),
		/cards\[0\][^\n]*stability 0/
	],
	[
		'a multiple-choice question without options',
		spoil('questions', 0, (q) => (q.type = 'multiple-choice')),
		/questions\[0\][^\n]*0 options/
	],
	[
		'an answer that is not among the options',
		spoil('questions', 0, (q) =>
			Object.assign(q, { type: 'multiple-choice', choices: ['Rome', 'Oslo'] })
		),
		/not one of the question’s options/
	],
	[
		'a match with no pairs',
		spoil('questions', 1, (q) => Object.assign(q, { type: 'match', pairs: [] })),
		/questions\[1\][^\n]*match/
	],
	[
		'a sentence past the end of the text',
		spoil('cards', 1, (c) => (c.evidence = { start: 5, end: 100_000 })),
		/cards\[1\][^\n]*outside the article/
	],
	[
		'a quiz asking a question not in the file',
		spoil('quizzes', 0, (z) => (z.questionIds = ['q-ghost'])),
		/quizzes\[0\][^\n]*missing \(first "q-ghost"\)/
	],
	[
		'a review at the largest date',
		spoilData((data) => ((data.reviews[0] as unknown[])[1] = 8_640_000_000_000_000)),
		/reviews\[0\]\[1\]/
	],
	[
		'a studied card whose log is missing',
		spoilData(
			(data) => (data.reviews = (data.reviews as unknown[][]).filter((r) => r[0] !== 'c-b'))
		),
		/"c-b"|c-b\)[^\n]*no review log/
	],
	[
		'a path for an article id',
		spoilData((data) => {
			(data.articles[0] as Record<string, unknown>).id = '../settings';
			for (const table of ['questions', 'cards', 'quizzes'] as const) {
				for (const row of data[table] as Record<string, unknown>[]) row.articleId = '../settings';
			}
		}),
		/articles\[0\]\.id: not an id/
	],
	[
		'a database schema from the future',
		async () => forge(await goodData(), { schema: 99 }),
		/newer version of Factdeck \(database schema 99\)/
	],
	[
		'review columns in another order',
		async () => forge(await goodData(), { reviewColumns: [...REVIEW_COLUMNS].reverse() }),
		/columns/
	]
];

describe('the FSRS parameters each review was scheduled with', () => {
	/**
	 * Card a reviewed with the learner's own parameters over a few weeks (a lapse included), then
	 * the parameters taken off again: only the log rows still say what scheduled those reviews.
	 */
	async function studiedWithWeights(): Promise<void> {
		await updateSrsSettings(db, { weights: [...PERSONAL_WEIGHTS] });
		await rateCard(db, 'c-a', Rating.Good, day(2), 60);
		await rateCard(db, 'c-a', Rating.Again, day(9), 60);
		await rateCard(db, 'c-a', Rating.Good, day(9.01), 60);
		await rateCard(db, 'c-a', Rating.Easy, day(20), 60);
		await updateSrsSettings(db, { weights: undefined });
	}

	/** The card here and in `target` are the same, and both rebuild from their logs to it. */
	async function expectSameCard(target: FactdeckDB): Promise<void> {
		const card = scheduleOf((await db.cards.get('c-a'))!);
		expect(scheduleOf((await target.cards.get('c-a'))!)).toEqual(card);
		expect(await scheduleFromLog(target, 'c-a')).toEqual(card);
		const rows = await logOf(target, 'c-a');
		expect(rows.filter((r) => r.weights).map((r) => r.weights)).toEqual(
			Array.from({ length: 4 }, () => PERSONAL_WEIGHTS)
		);
		// The rows of one log share one array, as the app writes them.
		expect(rows[rows.length - 1]!.weights).toBe(rows[2]!.weights);
	}

	beforeEach(studiedWithWeights);

	it('would rebuild to another card with the default parameters (the test can fail)', async () => {
		const rows = await logOf(db, 'c-a');
		expect(rows.slice(0, 2).every((r) => r.weights === undefined)).toBe(true);
		expect(await scheduleFromLog(db, 'c-a')).toEqual(scheduleOf((await db.cards.get('c-a'))!));
		const plain = rows.map(({ weights: _, ...row }) => row);
		expect(replay('c-a', plain)).not.toEqual(scheduleOf((await db.cards.get('c-a'))!));
	});

	it('travel through a backup in lines, restored or merged, and the card rebuilds exactly', async () => {
		const { json } = await exportBackup(db, day(21));
		expect(JSON.parse(json.slice(0, json.indexOf('\n'))).reviewColumns).toEqual(REVIEW_COLUMNS);
		const restored = other();
		await importBackup(restored, json, 'replace');
		await expectSameCard(restored);
		expect(await readAllTables(restored)).toEqual(await readAllTables(db));
		// Into a device that has the deck but never reviewed card a: rebuilt from the joined log.
		const merged = other();
		await addArticle(merged, { text: ARTICLE_TEXT }, deck(['a', 'b', 'c']), T0);
		const report = await importBackup(merged, json, 'merge');
		expect(report.rebuilt).toBeGreaterThanOrEqual(1);
		await expectSameCard(merged);
	});

	it('travel through the single-JSON format too, in both modes', async () => {
		const { json } = await serializeBackup(await readAllTables(db), day(21));
		for (const mode of ['replace', 'merge'] as const) {
			const target = other();
			if (mode === 'merge') {
				await addArticle(target, { text: ARTICLE_TEXT }, deck(['a', 'b', 'c']), T0);
			}
			await importBackup(target, json, mode);
			await expectSameCard(target);
		}
	});

	it('a backup from before rows carried them still restores, with the default parameters', async () => {
		await updateSrsSettings(db, {});
		const data = await goodData();
		const legacy = data.reviews.map((t) => (t as unknown[]).slice(0, 18));
		const file = await forge(
			{ ...data, reviews: legacy },
			{ reviewColumns: LEGACY_REVIEW_COLUMNS }
		);
		const target = other();
		await importBackup(target, file, 'replace');
		const rows = await logOf(target, 'c-a');
		expect(rows).toHaveLength(6);
		expect(rows.every((r) => r.weights === undefined)).toBe(true);
	});

	it('writes parameters past a range as the scheduler clamps them: the file restores, the card is the same', async () => {
		const wide = PERSONAL_WEIGHTS.map((w, i) => (i === 0 ? 150 : i === 19 ? 0.004 : w));
		await updateSrsSettings(db, { weights: wide });
		await rateCard(db, 'c-b', Rating.Good, day(3), 60);
		await rateCard(db, 'c-b', Rating.Good, day(8), 60);
		const target = other();
		await importBackup(target, (await exportBackup(db, day(9))).json, 'replace');
		const rows = await logOf(target, 'c-b');
		expect(rows[rows.length - 1]!.weights).toEqual(
			wide.map((w, i) => (i === 0 ? WEIGHT_RANGES[0]![1] : i === 19 ? WEIGHT_RANGES[19]![0] : w))
		);
		const card = scheduleOf((await db.cards.get('c-b'))!);
		expect(scheduleOf((await target.cards.get('c-b'))!)).toEqual(card);
		expect(await scheduleFromLog(target, 'c-b')).toEqual(card);
	});

	it('refuses parameters that are not 21 finite numbers in their ranges, and writes nothing', async () => {
		const data = await goodData();
		const withWeights = data.reviews.findIndex((t) => (t as unknown[]).length === 19);
		expect(withWeights).toBeGreaterThanOrEqual(0);
		const [low] = WEIGHT_RANGES[4]!;
		const bad: unknown[] = [
			PERSONAL_WEIGHTS.slice(0, 20),
			[...PERSONAL_WEIGHTS, 0.5],
			PERSONAL_WEIGHTS.map((w, i) => (i === 4 ? low - 0.01 : w)),
			PERSONAL_WEIGHTS.map((w, i) => (i === 0 ? 101 : w)),
			PERSONAL_WEIGHTS.map((w, i) => (i === 7 ? null : w)),
			PERSONAL_WEIGHTS.map((w, i) => (i === 2 ? String(w) : w)),
			'personal',
			null
		];
		for (const weights of bad) {
			const reviews = structuredClone(data.reviews) as unknown[][];
			reviews[withWeights]![18] = weights;
			const target = other();
			await expect(
				importBackup(target, await forge({ ...data, reviews }), 'replace'),
				JSON.stringify(weights)
			).rejects.toThrow(BackupError);
			expect(await target.cards.count()).toBe(0);
		}
	});
});

describe('classroom quizzes in backups', () => {
	it('travel with the backup, and a file from before they existed still imports', async () => {
		const data = (await goodData()) as Record<string, unknown[]>;
		expect(data.classroom).toHaveLength(1);
		const target = other();
		await importBackup(target, (await exportBackup(db, T0)).json, 'replace');
		expect(await target.classroom.toArray()).toEqual(await db.classroom.toArray());

		delete data.classroom;
		const older = other();
		const report = await importBackup(older, await forge(data), 'replace');
		expect(report.counts.classroom).toBe(0);
		expect(await older.cards.count()).toBe(await db.cards.count());
	});

	it('refuses a classroom quiz that is not a valid quiz, and writes nothing', async () => {
		const data = (await goodData()) as Record<string, unknown[]>;
		(data.classroom![0] as { quiz: { questions: unknown[] } }).quiz.questions = [];
		const target = other();
		await expect(importBackup(target, await forge(data), 'replace')).rejects.toThrow(BackupError);
		expect(await target.cards.count()).toBe(0);
		expect(await target.classroom.count()).toBe(0);
	});
});

describe('refusing bad backups', () => {
	it('has at least twenty distinct bad files', () => {
		expect(cases.length).toBeGreaterThanOrEqual(20);
	});

	it.each(cases)('refuses %s and leaves the data untouched', async (_name, make, expected) => {
		const before = await readAllTables(db);
		const file = await make();
		for (const mode of ['replace', 'merge'] as const) {
			const error = await importBackup(db, file, mode).then(
				() => null,
				(e: unknown) => e
			);
			expect(error).toBeInstanceOf(BackupError);
			expect((error as Error).message).toMatch(expected);
		}
		expect(await readAllTables(db)).toEqual(before);
		expect(Object.prototype).not.toHaveProperty('polluted');
	});

	it('moves a retired card’s old sentence inside a shorter text instead of refusing the file', async () => {
		const data = await goodData();
		const retired = data.cards[2] as { id: string; retiredAt?: number; evidence: unknown };
		expect(retired.retiredAt).toBeDefined();
		retired.evidence = { start: 500, end: 900 };
		const target = other();
		await importBackup(target, await forge(data), 'replace');
		const length = ARTICLE_TEXT.length;
		expect((await target.cards.get(retired.id))?.evidence).toEqual({ start: length, end: length });
	});

	it('refuses a merge that would move a card to another article, writing nothing', async () => {
		const data = await goodData();
		(data.articles[0] as Record<string, unknown>).id = 'a-other';
		for (const table of ['questions', 'cards', 'quizzes'] as const) {
			for (const row of data[table] as Record<string, unknown>[]) row.articleId = 'a-other';
		}
		const before = await readAllTables(db);
		await expect(importBackup(db, await forge(data), 'merge')).rejects.toThrow(
			/belongs to article/
		);
		expect(await readAllTables(db)).toEqual(before);
	});
});
