/**
 * Backups in lines: a library larger than the single-JSON format's limit backs up and restores
 * through many small lines (the thresholds lowered by arguments, so the test stays fast); a file
 * cut short, with a wrong checksum, or with a bad record in its last batch is refused with nothing
 * changed; a file of the earlier format still restores.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { Rating } from '$lib/srs';
import { addArticle } from './articles';
import {
	checkBackup,
	exportBackup,
	exportBackupBlob,
	importBackup,
	parseBackup,
	readAllTables,
	serializeBackup,
	type ImportMode
} from './backup';
import { checksumOf, sha256 } from './backup-lines';
import { LEGACY_REVIEW_COLUMNS } from './backup-schema';
import type { FactdeckDB } from './database';
import { BackupError } from './errors';
import { ARTICLE_TEXT, deck } from './fixtures/deck';
import { freshDatabases } from './fixtures/databases';
import { updateSrsSettings } from './settings';
import { rateCard } from './study';

const T0 = new Date('2026-01-12T09:00:00Z');
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);
const fresh = freshDatabases('backup-lines');
/** Lines of about this many characters of records: dozens of lines for the library below. */
const CHUNK = 2000;
const MODES: ImportMode[] = ['replace', 'merge'];

/** Twelve articles of eight cards, most cards studied, and a setting. */
async function library(): Promise<FactdeckDB> {
	const db = fresh();
	const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
	for (let i = 0; i < 12; i++) {
		await addArticle(
			db,
			{ text: `${ARTICLE_TEXT} Part ${i}.` },
			deck(
				ids.map((x) => `${x}${i}`),
				`Part ${i}`
			),
			T0
		);
	}
	const cards = await db.cards.toArray();
	for (const [i, card] of cards.entries()) {
		if (i % 4 === 3) continue;
		await rateCard(db, card.id, Rating.Good, minutes(i), 60);
		if (i % 2) await rateCard(db, card.id, Rating.Again, minutes(i + 200), 60);
	}
	await updateSrsSettings(db, { newPerDay: 9 });
	return db;
}

/** A small library on the device, to show a refused file changes nothing. */
async function device(): Promise<FactdeckDB> {
	const db = fresh();
	await addArticle(db, { text: 'Something else entirely happened here.' }, deck(['zz']), T0);
	return db;
}

/** Every import of `file` into `db` (both modes) is refused with `message`; nothing changes. */
async function refused(db: FactdeckDB, file: string | Blob, message: RegExp, options = {}) {
	const before = await readAllTables(db);
	for (const mode of MODES) {
		const error = await importBackup(db, file, mode, options).then(
			() => null,
			(e: unknown) => e
		);
		expect(error, mode).toBeInstanceOf(BackupError);
		expect((error as Error).message, mode).toMatch(message);
	}
	expect(await readAllTables(db)).toEqual(before);
}

/** The lines of a file (without the final line end). */
const linesOf = (text: string) => text.trimEnd().split('\n');

/** The file made of these lines with its last line rewritten: counts and checksum that fit. */
async function resealed(lines: string[]): Promise<string> {
	const body = lines.slice(0, -1);
	const end = JSON.parse(lines[lines.length - 1]!) as { counts: Record<string, number> };
	const encoder = new TextEncoder();
	const digests = await Promise.all(body.map((l) => sha256(encoder.encode(l))));
	const checksum = await checksumOf(digests);
	return [...body, JSON.stringify({ end: true, counts: end.counts, checksum })].join('\n') + '\n';
}

describe('a library over the single-JSON limit', { timeout: 60_000 }, () => {
	it('backs up in many lines and restores exactly, in both modes, byte for byte again', async () => {
		const db = await library();
		const before = await readAllTables(db);
		const { blob, counts } = await exportBackupBlob(db, T0, { chunkChars: CHUNK });
		const text = await blob.text();
		const lines = linesOf(text);
		expect(lines.length).toBeGreaterThan(20);
		expect(Math.max(...lines.map((l) => l.length))).toBeLessThan(2 * CHUNK + 2000);
		expect(counts.cards).toBe(96);
		expect(counts.reviews).toBeGreaterThan(72);
		// The old limit, lowered to a tenth of this file, still refuses the earlier format...
		const limits = { legacyMaxBytes: Math.floor(blob.size / 10), maxLineBytes: 4 * CHUNK + 4000 };
		const legacy = (await serializeBackup(before, T0)).json;
		await expect(importBackup(fresh(), legacy, 'replace', limits)).rejects.toThrow(
			/too large[^\n]*single-file format/
		);
		// ...but a file in lines of any size is read a line at a time.
		expect(await checkBackup(blob, limits)).toMatchObject({ counts });
		const target = await device();
		const report = await importBackup(target, blob, 'replace', limits);
		expect(report.counts).toEqual(counts);
		expect(await readAllTables(target)).toEqual(before);
		expect((await exportBackup(target, T0, { chunkChars: CHUNK })).json).toBe(text);

		// Merging the file into a copy that lacks the reviews gives the same library.
		const merged = fresh();
		await importBackup(merged, blob, 'replace', limits);
		await merged.logs.clear();
		await merged.cards.toCollection().modify({ reps: 0, lapses: 0, updatedAt: 0 });
		const again = await importBackup(merged, blob, 'merge', limits);
		expect(again.rebuilt).toBeGreaterThan(0);
		expect(await readAllTables(merged)).toEqual(before);
	});

	it('a line longer than the line limit is refused before it is all read', async () => {
		const db = await library();
		const blob = (await exportBackupBlob(db, T0)).blob;
		await refused(await device(), blob, /Line 2 of the file is longer than/, {
			maxLineBytes: 4096
		});
	});

	it('a restore that would not fit the device is refused before anything is written', async () => {
		const db = await library();
		const blob = (await exportBackupBlob(db, T0, { chunkChars: CHUNK })).blob;
		await refused(await device(), blob, /needs about as much free storage[^\n]*Free some space/, {
			room: async () => blob.size - 1
		});
	});
});

describe('a damaged file in lines is refused and nothing changes', () => {
	it('cut short anywhere: inside a line, or after a whole line', async () => {
		const db = await library();
		const text = (await exportBackup(db, T0, { chunkChars: CHUNK })).json;
		const lines = linesOf(text);
		const target = await device();
		const atLine = lines.slice(0, -1).join('\n') + '\n';
		await refused(target, atLine, /ends before its last line: it was cut short/);
		await refused(target, lines.slice(0, 5).join('\n'), /cut short/);
		await refused(target, text.slice(0, Math.floor(text.length / 2)), /not valid JSON|cut short/);
		await refused(target, text.slice(0, -30), /Line \d+ of the file is not valid JSON/);
	});

	it('a wrong checksum, an edited record, a missing or repeated line', async () => {
		const db = await library();
		const text = (await exportBackup(db, T0, { chunkChars: CHUNK })).json;
		const lines = linesOf(text);
		const target = await device();
		const wrong = text.replace(/"checksum":"sha256-[0-9a-f]/, '"checksum":"sha256-x');
		await refused(target, wrong, /last line of the backup is damaged/);
		const end = lines[lines.length - 1]!;
		const flipped = end.replace(/[0-9a-f](?="\}$)/, (c) => (c === '0' ? '1' : '0'));
		await refused(target, [...lines.slice(0, -1), flipped].join('\n'), /checksum does not match/);
		await refused(target, text.replace('Front c-a0', 'Front c-A0'), /checksum does not match/);
		const dropped = [...lines.slice(0, 3), ...lines.slice(4)].join('\n');
		await refused(target, dropped, /part of it is missing|checksum does not match|cannot be right/);
		// The same line twice, under a checksum that fits: its records appear twice.
		const twice = await resealed([...lines.slice(0, 4), lines[3]!, ...lines.slice(4)]);
		await refused(target, twice, /appears twice|part of it is missing/);
	});

	it('a record that fails its checks in the last batch, under a valid checksum', async () => {
		const db = await library();
		const lines = linesOf((await exportBackup(db, T0, { chunkChars: CHUNK })).json);
		const last = lines.length - 2;
		const batch = JSON.parse(lines[last]!) as { table: string; rows: Record<string, unknown>[] };
		expect(batch.table).toBe('settings');
		batch.rows[0]!.value = { desiredRetention: 5 };
		const schema = await resealed([...lines.slice(0, last), JSON.stringify(batch), lines.at(-1)!]);
		const target = await device();
		await refused(target, schema, /settings\[0\]\.value\.desiredRetention/);

		// A rule across records: the last review rows belong to a card that is not in the file.
		const reviews = lines.findLastIndex((l) => l.startsWith('{"table":"reviews"'));
		const rows = JSON.parse(lines[reviews]!) as { table: string; rows: unknown[][] };
		for (const row of rows.rows) row[0] = 'c-ghost';
		const ghost = await resealed([
			...lines.slice(0, reviews),
			JSON.stringify(rows),
			...lines.slice(reviews + 1)
		]);
		await refused(target, ghost, /card "c-ghost", which is missing/);
	});

	it('a file changed between its check and its restore: the write is undone', async () => {
		const db = await library();
		const blob = (await exportBackupBlob(db, T0, { chunkChars: CHUNK })).blob;
		const checked = await checkBackup(blob);
		const other = await library();
		await rateCard(other, (await other.cards.toArray())[3]!.id, Rating.Easy, minutes(900), 60);
		const changed = (await exportBackupBlob(other, T0, { chunkChars: CHUNK })).blob;
		// Every batch of the changed file is written before its checksum is compared at the end.
		await refused(await device(), changed, /changed after it was checked/, { checked });
	});
});

describe('files of earlier versions', () => {
	it('a single-JSON backup still restores, in both modes', async () => {
		const db = await library();
		const before = await readAllTables(db);
		const { json } = await serializeBackup(before, T0);
		expect(json.includes('\n')).toBe(false);
		expect(JSON.parse(json)).toMatchObject({ version: 1 });
		const target = await device();
		await importBackup(target, json, 'replace');
		expect(await readAllTables(target)).toEqual(before);
		const merged = fresh();
		await importBackup(merged, json, 'merge');
		expect(await readAllTables(merged)).toEqual(before);
		expect((await parseBackup(json)).counts).toEqual((await checkBackup(json)).counts);
	});

	it('a backup in lines from before rows carried their parameters still restores, in both modes', async () => {
		const db = await library();
		const before = await readAllTables(db);
		const lines = linesOf((await exportBackup(db, T0, { chunkChars: CHUNK })).json);
		const head = JSON.parse(lines[0]!) as { reviewColumns: string[] };
		expect(head.reviewColumns.at(-1)).toBe('weights');
		head.reviewColumns = [...LEGACY_REVIEW_COLUMNS];
		const file = await resealed([JSON.stringify(head), ...lines.slice(1)]);
		for (const mode of MODES) {
			const target = fresh();
			await importBackup(target, file, mode);
			expect(await readAllTables(target), mode).toEqual(before);
		}
		// Columns neither this version's nor the earlier ones are still refused.
		head.reviewColumns = [...LEGACY_REVIEW_COLUMNS].reverse();
		const wrong = await resealed([JSON.stringify(head), ...lines.slice(1)]);
		await refused(await device(), wrong, /review log columns/);
	});
});
