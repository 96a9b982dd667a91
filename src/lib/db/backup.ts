/**
 * Backup and restore of everything. A backup is written as JSON lines with a running SHA-256
 * checksum (backup-stream.ts), through Blobs, so a library of any size backs up without its whole
 * file in memory; it is read back the same way, a batch at a time. Files in the single-JSON format
 * of earlier versions still restore (read whole, up to their old size limit).
 *
 * Import is all or nothing: every record of the file is read and checked before anything is
 * written, then one transaction writes it, reading the file again and comparing its checksum, so
 * a bad file leaves the learner's data exactly as it was.
 */
import type { Table } from 'dexie';
import { LIMITS, megabytes } from '$lib/limits';
import type { FactdeckDB } from './database';
import { groupLogs, SCHEMA_VERSION } from './database';
import { allReviews, withSharedWeights } from './log';
import { BackupError } from './errors';
import {
	BACKUP_FORMAT,
	backupDataFastSchema,
	backupDataSchema,
	backupEnvelopeSchema,
	isReviewTupleShape,
	REVIEW_COLUMNS,
	tupleToReview,
	type ReviewTuple
} from './backup-schema';
import type { ReviewRow, TableRecords } from './records';
import { RecordsCheck } from './backup-check';
import { asBlob, hex, sha256, type BackupInput } from './backup-lines';
import {
	canonical,
	checkKeys,
	checkVersions,
	describeIssues,
	everyTable,
	isLines,
	MAX_PROBLEMS,
	readLines,
	refuseIssues,
	reviewToTuple,
	storedRows,
	storeOf,
	TABLE_ORDER,
	writeLines,
	type BackupCounts,
	type TableName
} from './backup-stream';
import { rescopeTables } from './rescope';
import { rebuildCards } from './study';
import { rw, ro } from './tx';
import { messageOf } from '$lib/message';

/** Files larger than this are refused before they are read: a sanity bound ($lib/limits). */
export const MAX_BACKUP_BYTES = LIMITS.backupBytes;

export type { BackupCounts, BackupInput, ReviewTuple };
export { reviewToTuple, tupleToReview };

/** Every table, as records. */
export type BackupTables = { [T in TableName]: TableRecords[T][] };

function countsOf(t: { [K in keyof BackupTables]: readonly unknown[] }): BackupCounts {
	return Object.fromEntries(TABLE_ORDER.map((name) => [name, t[name].length])) as BackupCounts;
}

export async function sha256Hex(text: string): Promise<string> {
	return hex(await sha256(new TextEncoder().encode(text)));
}

/** Reads every table in one consistent snapshot. */
export async function readAllTables(db: FactdeckDB): Promise<BackupTables> {
	return ro(db, everyTable(db), async () => {
		const [articles, questions, cards, reviews, quizzes, attempts, settings, classroom] =
			await Promise.all([
				db.articles.toArray(),
				db.questions.toArray(),
				db.cards.toArray(),
				allReviews(db),
				db.quizzes.toArray(),
				db.attempts.toArray(),
				db.settings.toArray(),
				db.classroom.toArray()
			]);
		return { articles, questions, cards, reviews, quizzes, attempts, settings, classroom };
	});
}

/** "factdeck-backup-2026-01-12.json". */
function fileNameOf(now: Date): string {
	return `factdeck-backup-${now.toISOString().slice(0, 10)}.json`;
}

export interface ExportOptions {
	/** About this many characters of records per line (tests make it small to get many lines). */
	chunkChars?: number;
}

export interface ExportedBackupBlob {
	blob: Blob;
	/** A file name with the date, e.g. factdeck-backup-2026-01-12.json. */
	fileName: string;
	counts: BackupCounts;
}

/** Everything, as a backup file (a Blob, written a line at a time). */
export async function exportBackupBlob(
	db: FactdeckDB,
	now: Date,
	options: ExportOptions = {}
): Promise<ExportedBackupBlob> {
	const { blob, counts } = await writeLines(db, now, options.chunkChars);
	return { blob, fileName: fileNameOf(now), counts };
}

export interface ExportedBackup {
	json: string;
	fileName: string;
	counts: BackupCounts;
}

/** Everything, as the text of a backup file: for small collections and tests. */
export async function exportBackup(
	db: FactdeckDB,
	now: Date,
	options: ExportOptions = {}
): Promise<ExportedBackup> {
	const { blob, fileName, counts } = await exportBackupBlob(db, now, options);
	return { json: await blob.text(), fileName, counts };
}

/**
 * These tables as a file in the single-JSON format earlier versions wrote (backup version 1), which
 * this version still reads: for tests of that path, and of files from before schema changes.
 */
export async function serializeBackup(tables: BackupTables, now: Date): Promise<ExportedBackup> {
	const data = {
		articles: tables.articles.map(canonical),
		questions: tables.questions.map(canonical),
		cards: tables.cards.map(canonical),
		reviews: tables.reviews.map(reviewToTuple),
		quizzes: tables.quizzes.map(canonical),
		attempts: tables.attempts.map(canonical),
		settings: tables.settings.map(canonical),
		classroom: tables.classroom.map(canonical)
	};
	const dataJson = JSON.stringify(data);
	const checksum = `sha256-${await sha256Hex(dataJson)}`;
	// The data is spliced in as the exact text the checksum covers.
	const head = JSON.stringify({
		format: BACKUP_FORMAT,
		version: 1,
		schema: SCHEMA_VERSION,
		exportedAt: now.toISOString(),
		reviewColumns: REVIEW_COLUMNS,
		checksum
	});
	return {
		json: `${head.slice(0, -1)},"data":${dataJson}}`,
		fileName: fileNameOf(now),
		counts: countsOf(tables)
	};
}

export interface ReadOptions {
	/** The largest file read at all (default LIMITS.backupBytes). */
	maxBytes?: number;
	/** The largest file in the single-JSON format of earlier versions (read whole). */
	legacyMaxBytes?: number;
	/** The longest line of a file in lines. */
	maxLineBytes?: number;
}

function limitsOf(options: ReadOptions) {
	return {
		maxBytes: options.maxBytes ?? MAX_BACKUP_BYTES,
		legacyMaxBytes: options.legacyMaxBytes ?? LIMITS.legacyBackupBytes,
		maxLineBytes: options.maxLineBytes ?? LIMITS.backupLineBytes
	};
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/** The file as a Blob, refused unread when it is over the sanity bound. */
function sized(input: BackupInput, maxBytes: number): Blob {
	const blob = asBlob(input);
	if (blob.size > maxBytes) {
		throw new BackupError(
			`The file is too large (${mb(blob.size)}); a backup can be at most ${megabytes(maxBytes)}.`
		);
	}
	return blob;
}

/** The file with the limits it is read under, refused unread when too large, and its format. */
async function openBackup(input: BackupInput, options: ReadOptions) {
	const limits = limitsOf(options);
	const blob = sized(input, limits.maxBytes);
	return { limits, blob, inLines: await isLines(blob) };
}

async function legacyText(blob: Blob, maxBytes: number): Promise<string> {
	if (blob.size > maxBytes) {
		throw new BackupError(
			`The file is too large (${mb(blob.size)}) for a backup in the single-file format of earlier versions, which can be at most ${megabytes(maxBytes)}.`
		);
	}
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(await blob.arrayBuffer());
	} catch {
		throw new BackupError('The file is not UTF-8 text, so it cannot be a Factdeck backup.');
	}
}

/** A backup that passed every check, ready to write. */
export interface ValidBackup {
	exportedAt: string;
	tables: BackupTables;
	counts: BackupCounts;
}

/**
 * Reads and checks a file in the single-JSON format of earlier versions, whole, without touching
 * the database. Throws a {@link BackupError} whose message says what is wrong.
 */
async function parseLegacy(blob: Blob, maxBytes: number): Promise<ValidBackup> {
	const text = await legacyText(blob, maxBytes);
	if (text.trim() === '') throw new BackupError('The file is empty.');
	let raw: unknown;
	try {
		raw = JSON.parse(text);
	} catch (e) {
		throw new BackupError(
			`The file is not valid JSON, perhaps cut short while copying (${messageOf(e)}).`
		);
	}
	if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
		throw new BackupError('The file is JSON but not a Factdeck backup (expected an object).');
	}
	checkKeys(raw);
	const head = raw as Record<string, unknown>;
	if (head.format !== BACKUP_FORMAT) {
		throw new BackupError(
			'The file is not a Factdeck backup (its "format" field is missing or wrong).'
		);
	}
	checkVersions({ version: head.version });
	const envelope = backupEnvelopeSchema.safeParse(raw);
	if (!envelope.success) {
		throw new BackupError('The backup header is damaged:', describeIssues('', envelope.error));
	}
	checkVersions(envelope.data);
	const checksum = `sha256-${await sha256Hex(JSON.stringify(envelope.data.data))}`;
	if (checksum !== envelope.data.checksum) {
		throw new BackupError(
			'The checksum does not match the contents: the file was changed or damaged after it was exported.'
		);
	}
	// Review rows are many: when each has the right shape (a fast test), the schema takes them as
	// they are and the check below applies their rules; otherwise the schema says what is wrong.
	const { reviews } = (envelope.data.data ?? {}) as { reviews?: unknown };
	const fast = Array.isArray(reviews) && reviews.every(isReviewTupleShape);
	const parsed = (fast ? backupDataFastSchema : backupDataSchema).safeParse(envelope.data.data);
	if (!parsed.success) {
		throw new BackupError('The backup contains invalid data:', describeIssues('', parsed.error));
	}
	let tables: BackupTables = {
		...(parsed.data as Omit<BackupTables, 'reviews'> & { reviews: unknown }),
		reviews: parsed.data.reviews.map(tupleToReview)
	} as BackupTables;
	// Written before item ids were scoped to their article: move them as the database did.
	if (envelope.data.schema < 6) tables = rescopeTables(tables);
	// Keys, references and what the content means (backup-check.ts), with retired items' spans
	// moved inside their text first.
	const check = new RecordsCheck({ limit: MAX_PROBLEMS });
	const lengths = new Map<string, number>();
	const stored = {} as Record<TableName, unknown[]>;
	for (const table of TABLE_ORDER) {
		stored[table] =
			table === 'reviews' ? tables.reviews : storedRows(table, tables[table], lengths);
		check.feed(table, stored[table], 0);
	}
	refuseIssues(check, true);
	tables = stored as unknown as BackupTables;
	return { exportedAt: envelope.data.exportedAt, tables, counts: countsOf(tables) };
}

/** What a checked backup holds, to show before it is written. */
export interface BackupSummary {
	exportedAt: string;
	counts: BackupCounts;
	/** For a file in lines: its checksum, which a restore compares as it reads the file again. */
	checksum?: string;
}

/**
 * Reads and checks a whole backup without touching the database or keeping its records (a file in
 * lines is read a batch at a time). Throws a {@link BackupError} whose message says what is wrong.
 */
export async function checkBackup(
	input: BackupInput,
	options: ReadOptions = {}
): Promise<BackupSummary> {
	const { limits, blob, inLines } = await openBackup(input, options);
	if (inLines) return readLines(blob, { ...limits, check: true });
	const { exportedAt, counts } = await parseLegacy(blob, limits.legacyMaxBytes);
	return { exportedAt, counts };
}

/**
 * Reads and checks a backup into memory, records and all, without touching the database: for
 * tests and tools. The app restores with {@link importBackup}, which never holds them all.
 */
export async function parseBackup(
	input: BackupInput,
	options: ReadOptions = {}
): Promise<ValidBackup> {
	const { limits, blob, inLines } = await openBackup(input, options);
	if (!inLines) return parseLegacy(blob, limits.legacyMaxBytes);
	const tables = Object.fromEntries(TABLE_ORDER.map((t) => [t, []])) as unknown as Record<
		TableName,
		unknown[]
	>;
	const summary = await readLines(blob, {
		...limits,
		check: true,
		visit: (table, rows) => void tables[table].push(...rows)
	});
	return {
		exportedAt: summary.exportedAt,
		tables: tables as unknown as BackupTables,
		counts: summary.counts
	};
}

export type ImportMode = 'merge' | 'replace';

export interface ImportReport {
	mode: ImportMode;
	counts: BackupCounts;
	/** Cards whose schedule was rebuilt from a merged review log. */
	rebuilt: number;
}

const newer = <T extends { updatedAt: number }>(a: T | undefined, b: T) =>
	!a || b.updatedAt > a.updatedAt;

export interface ImportOptions extends ReadOptions {
	/**
	 * What {@link checkBackup} found in this file: a file in lines is then read once, its checksum
	 * compared with this one's, instead of checked again.
	 */
	checked?: BackupSummary;
	/** Free bytes on the device (default: the browser's storage estimate; undefined when unknown). */
	room?: () => Promise<number | undefined>;
}

/** The browser's estimate of the storage left to the app, when it gives one. */
async function storageRoom(): Promise<number | undefined> {
	try {
		const estimate = await globalThis.navigator?.storage?.estimate?.();
		if (estimate?.quota === undefined || estimate.usage === undefined) return undefined;
		return estimate.quota - estimate.usage;
	} catch {
		return undefined;
	}
}

/**
 * Imports a backup. "replace" makes the database exactly the file; "merge" adds what the file
 * has: the review logs are joined, each card keeps its most recently changed content and
 * flags, and every card that gained reviews is rescheduled from its joined log. Local settings win.
 * The file is checked completely first, then written in one transaction (a file in lines is read
 * again, a batch at a time, and its checksum compared): on any error nothing changes.
 */
export async function importBackup(
	db: FactdeckDB,
	input: BackupInput,
	mode: ImportMode,
	options: ImportOptions = {}
): Promise<ImportReport> {
	const { limits, blob, inLines } = await openBackup(input, options);
	const touched = new Set<string>();
	const write = (table: TableName, rows: unknown[]) =>
		mode === 'replace' ? replaceBatch(db, table, rows) : mergeBatch(db, table, rows, touched);
	const finish = async (counts: BackupCounts): Promise<ImportReport> => ({
		mode,
		counts,
		rebuilt: mode === 'merge' ? await rebuildCards(db, touched) : 0
	});
	if (!inLines) {
		const { tables, counts } = await parseLegacy(blob, limits.legacyMaxBytes);
		return rw(db, everyTable(db), async () => {
			if (mode === 'replace') for (const table of everyTable(db)) await table.clear();
			for (const table of TABLE_ORDER) await write(table, tables[table]);
			return finish(counts);
		});
	}
	// Restoring needs about the file's size again on the device, while the old data is still there.
	const room = await (options.room ?? storageRoom)();
	if (room !== undefined && blob.size > room) {
		throw new BackupError(
			`Restoring this backup (${mb(blob.size)}) needs about as much free storage, and this device has ${mb(Math.max(room, 0))} left for Factdeck. Free some space, then try again.`
		);
	}
	const checked = options.checked?.checksum
		? options.checked
		: await readLines(blob, { ...limits, check: true });
	return rw(db, everyTable(db), async () => {
		if (mode === 'replace') for (const table of everyTable(db)) await table.clear();
		const summary = await readLines(blob, {
			...limits,
			check: false,
			expect: checked.checksum,
			visit: write
		});
		return finish(summary.counts);
	});
}

/** Adds a batch to its emptied table. Runs inside importBackup's transaction. */
async function replaceBatch(db: FactdeckDB, table: TableName, rows: unknown[]): Promise<void> {
	const records =
		table === 'reviews' ? groupLogs(rows as ReviewRow[]).map(withSharedWeights) : rows;
	await (storeOf(db, table) as Table<unknown>).bulkAdd(records);
}

/**
 * Adds a batch of the backup to what is stored (see importBackup), noting in `touched` the cards to
 * reschedule from their joined logs. Runs inside importBackup's transaction.
 */
async function mergeBatch(
	db: FactdeckDB,
	table: TableName,
	rows: unknown[],
	touched: Set<string>
): Promise<void> {
	switch (table) {
		case 'articles': {
			const articles = rows as BackupTables['articles'];
			const local = await db.articles.bulkGet(articles.map((a) => a.id));
			await db.articles.bulkPut(
				articles.filter((a, i) => !local[i] || a.generatedAt > local[i].generatedAt)
			);
			return;
		}
		case 'questions':
			await putNewer(db.questions, rows as BackupTables['questions']);
			return;
		case 'cards': {
			const cards = rows as BackupTables['cards'];
			// A card id must not move between articles.
			const local = await db.cards.bulkGet(cards.map((c) => c.id));
			cards.forEach((card, i) => {
				const here = local[i];
				if (here && here.articleId !== card.articleId) {
					throw new BackupError(
						`Card ${card.id} belongs to article ${card.articleId} in the file but to ${here.articleId} here; nothing was imported.`
					);
				}
			});
			for (const card of await putNewer(db.cards, cards)) touched.add(card.id);
			return;
		}
		case 'reviews': {
			// Each card's log is the union of both, by review time.
			const incoming = groupLogs(rows as ReviewRow[]);
			const local = await db.logs.bulkGet(incoming.map((l) => l.cardId));
			const joined = incoming.map((log, i) => {
				const here = local[i]?.rows ?? [];
				const have = new Set(here.map((r) => r.review));
				const fresh = log.rows.filter((r) => !have.has(r.review));
				if (fresh.length) touched.add(log.cardId);
				return withSharedWeights(groupLogs([...here, ...fresh])[0]!);
			});
			await db.logs.bulkPut(joined);
			return;
		}
		case 'quizzes':
			await addMissing(db.quizzes, rows as BackupTables['quizzes'], (q) => q.id);
			return;
		case 'attempts':
			await addMissing(db.attempts, rows as BackupTables['attempts'], (a): [string, string] => [
				a.quizId,
				a.questionId
			]);
			return;
		case 'settings':
			// Local settings win.
			await addMissing(db.settings, rows as BackupTables['settings'], (s) => s.key);
			return;
		case 'classroom':
			await putNewer(db.classroom, rows as BackupTables['classroom']);
			return;
	}
}

/** Puts the records that are newer than the stored ones (or new); resolves with them. */
async function putNewer<T extends { id: string; updatedAt: number }, I>(
	table: Table<T, string, I>,
	rows: T[]
): Promise<T[]> {
	const local = await table.bulkGet(rows.map((r) => r.id));
	const taken = rows.filter((r, i) => newer(local[i], r));
	await table.bulkPut(taken as unknown as I[]);
	return taken;
}

/** Adds the records whose key is not stored yet. */
async function addMissing<T, K, I>(
	table: Table<T, K, I>,
	rows: T[],
	key: (row: T) => K
): Promise<void> {
	const local = await table.bulkGet(rows.map(key));
	await table.bulkAdd(rows.filter((_, i) => local[i] === undefined) as unknown as I[]);
}

/** A backup file's text as a download. */
export function backupBlob(json: string): Blob {
	return new Blob([json], { type: 'application/json' });
}
