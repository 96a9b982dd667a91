/**
 * The backup format written since backup version 2: JSON lines, written and read as a stream so a
 * library of any size backs up and restores without its whole file (or its whole content) in
 * memory at once.
 *
 *   line 1      {"format":"factdeck-backup","version":2,"schema":…,"exportedAt":…,"reviewColumns":[…]}
 *   lines 2…    {"table":"cards","rows":[…]}   a batch of one table's records, tables in backup
 *               order (TABLE_ORDER); review rows as arrays, each card's rows together, in time order
 *   last line   {"end":true,"counts":{…},"checksum":"sha256-…"}   the checksum of every line before
 *
 * Reading checks each batch as it comes (schema, the rules of backup-check.ts, keys and references
 * against the ids seen so far) and keeps only ids and text lengths; a file cut short has no last
 * line and is refused.
 */
import { Dexie, type IndexableType, type Table } from 'dexie';
import { z } from 'zod';
import { messageOf } from '$lib/message';
import type { FactdeckDB } from './database';
import { SCHEMA_VERSION } from './database';
import { BackupError } from './errors';
import {
	articleSchema,
	attemptSchema,
	BACKUP_FORMAT,
	BACKUP_VERSION,
	cardSchema,
	classroomSchema,
	isReviewTupleShape,
	questionSchema,
	quizSchema,
	LEGACY_REVIEW_COLUMNS,
	REVIEW_COLUMNS,
	reviewTupleSchema,
	weightsInRange,
	settingSchema,
	tupleToReview,
	type ReviewTuple
} from './backup-schema';
import {
	clampSpan,
	describeIssue,
	isRetired,
	RecordsCheck,
	TABLE_ORDER,
	type TableName
} from './backup-check';
import { asBlob, checksumOf, lines, LineWriter, type BackupInput, type Line } from './backup-lines';
import type { LogRecord, ReviewRow } from './records';
import { ro } from './tx';

export { TABLE_ORDER, type TableName };

/** The first version written as lines; earlier ones are one JSON object. */
export const LINES_VERSION = 2;
/** The oldest database schema a file in lines can hold (lines were first written at schema 6). */
const LINES_MIN_SCHEMA = 6;
/** About this many characters of records per line (a larger record has a line of its own). */
export const BACKUP_CHUNK_CHARS = 1 << 20;
export const MAX_PROBLEMS = 12;
const MAX_DEPTH = 40;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type BackupCounts = Record<TableName, number>;

export function emptyCounts(): BackupCounts {
	return Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as BackupCounts;
}

/** Every table a backup holds, in backup order (the review log holds the review rows). */
export function everyTable(db: FactdeckDB): Table[] {
	return TABLE_ORDER.map((t) => storeOf(db, t));
}

export function storeOf(db: FactdeckDB, table: TableName): Table {
	return table === 'reviews' ? db.logs : db[table];
}

/** A review row as its backup array; a row scheduled with the default parameters has 18 columns. */
export function reviewToTuple(r: ReviewRow): ReviewTuple {
	const tuple = [
		r.cardId,
		r.review,
		r.rating,
		r.state,
		r.due,
		r.dueBefore,
		r.stability,
		r.difficulty,
		r.elapsedDays,
		r.lastElapsedDays,
		r.scheduledDays,
		r.learningSteps,
		r.retention,
		r.maximumInterval,
		r.fuzz,
		r.shift,
		r.resetCount ?? null,
		r.leech ?? null
	] as ReviewTuple;
	if (r.weights) tuple[18] = weightsInRange(r.weights) as NonNullable<ReviewTuple[18]>;
	return tuple;
}

/**
 * A record with its keys in one fixed order, all the way down. The database keeps whatever order a
 * record was written in (the generator's, the schema's after a restore), so without this the same
 * collection could be written as two different files: a restored backup would not back up again
 * byte for byte.
 */
export function canonical<T>(value: T): T {
	if (Array.isArray(value)) return value.map(canonical) as T;
	if (value === null || typeof value !== 'object') return value;
	const record = value as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(record).sort()) out[key] = canonical(record[key]);
	return out as T;
}

/** Records read per request while writing: few of the tables whose records can be large. */
const PAGE: Record<TableName, number> = {
	articles: 1,
	questions: 200,
	cards: 200,
	reviews: 500,
	quizzes: 500,
	attempts: 1000,
	settings: 100,
	classroom: 20
};

/** Visits a table's records in primary-key order, a page at a time, inside the caller's transaction. */
async function eachPage(store: Table, size: number, visit: (rows: unknown[]) => void) {
	const path = store.schema.primKey.keyPath;
	const keyOf = (row: Record<string, unknown>) =>
		(Array.isArray(path) ? path.map((k) => row[k]) : row[path!]) as IndexableType;
	let last: IndexableType | undefined;
	for (;;) {
		const from = last === undefined ? store.toCollection() : store.where(':id').above(last);
		const rows = (await from.limit(size).toArray()) as Record<string, unknown>[];
		if (rows.length) visit(rows);
		if (rows.length < size) return;
		last = keyOf(rows[rows.length - 1]!);
	}
}

/**
 * Writes every table as a backup file in lines, from one consistent snapshot (one read
 * transaction); each line becomes a Blob as soon as it is complete, so the page holds at most a
 * page of records and one line.
 */
export async function writeLines(
	db: FactdeckDB,
	now: Date,
	chunkChars = BACKUP_CHUNK_CHARS
): Promise<{ blob: Blob; counts: BackupCounts }> {
	const out = new LineWriter();
	const counts = emptyCounts();
	out.write([
		JSON.stringify({
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			schema: SCHEMA_VERSION,
			exportedAt: now.toISOString(),
			reviewColumns: REVIEW_COLUMNS
		})
	]);
	await ro(db, everyTable(db), async () => {
		for (const table of TABLE_ORDER) {
			// The line's pieces: its start, then each record after a comma (the first after none).
			let pieces = [`{"table":"${table}","rows":[`];
			let size = 0;
			const flush = () => {
				if (pieces.length > 1) out.write([...pieces, ']}']);
				pieces = [`{"table":"${table}","rows":[`];
				size = 0;
			};
			const add = (json: string) => {
				if (pieces.length > 1) pieces.push(',');
				pieces.push(json);
				size += json.length;
				counts[table]++;
			};
			await eachPage(storeOf(db, table), PAGE[table], (records) => {
				for (const record of records) {
					// A card's review rows stay on one line.
					if (table === 'reviews') {
						for (const r of (record as LogRecord).rows) add(JSON.stringify(reviewToTuple(r)));
					} else add(JSON.stringify(canonical(record)));
					if (size >= chunkChars) flush();
				}
			});
			flush();
		}
	});
	out.write([JSON.stringify({ end: true, counts, checksum: await out.checksum() })]);
	return { blob: out.blob('application/json'), counts };
}

/** An object met while walking a parsed line: its parent and key make its path when needed. */
interface Visited {
	value: object;
	parent: Visited | null;
	key: string | number;
	depth: number;
}

function pathOf(node: Visited): string {
	const parts: string[] = [];
	for (let n: Visited | null = node; n?.parent; n = n.parent) {
		parts.push(typeof n.key === 'number' ? `[${n.key}]` : n.parent.parent ? `.${n.key}` : n.key);
	}
	return parts.reverse().join('');
}

/** Refuses keys that could reach an object's prototype, and absurd nesting. */
export function checkKeys(root: unknown): void {
	// Only objects are visited (primitives cannot hide keys); a path is built only for a problem.
	if (root === null || typeof root !== 'object') return;
	const stack: Visited[] = [{ value: root, parent: null, key: '', depth: 0 }];
	while (stack.length) {
		const node = stack.pop()!;
		const { value, depth } = node;
		if (depth > MAX_DEPTH) {
			throw new BackupError(
				`The file nests data more than ${MAX_DEPTH} levels deep at ${pathOf(node)}.`
			);
		}
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) {
				const child: unknown = value[i];
				if (child !== null && typeof child === 'object') {
					stack.push({ value: child, parent: node, key: i, depth: depth + 1 });
				}
			}
			continue;
		}
		for (const key of Object.keys(value)) {
			if (FORBIDDEN_KEYS.has(key)) {
				throw new BackupError(
					`The file contains a forbidden key "${key}" at ${pathOf(node) || 'the top'}.`
				);
			}
			const child = (value as Record<string, unknown>)[key];
			if (child !== null && typeof child === 'object') {
				stack.push({ value: child, parent: node, key, depth: depth + 1 });
			}
		}
	}
}

/** "cards[12].front: …": zod's issues with their paths, the first index counted from `offset`. */
export function describeIssues(prefix: string, error: z.ZodError, offset = 0): string[] {
	return error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
		let path = prefix;
		issue.path.forEach((part, i) => {
			if (typeof part === 'number') path += `[${i === 0 ? part + offset : part}]`;
			else path += `${path ? '.' : ''}${String(part)}`;
		});
		return `${path || 'file'}: ${issue.message}`;
	});
}

/** The newer-version and column checks every header gets, whatever its layout. */
export function checkVersions(head: {
	version?: unknown;
	schema?: unknown;
	reviewColumns?: unknown;
}): void {
	if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
		throw new BackupError(
			`The backup was made by a newer version of Factdeck (backup format ${head.version}); this version reads format ${BACKUP_VERSION}. Update the app, then import again.`
		);
	}
	if (typeof head.schema === 'number' && head.schema > SCHEMA_VERSION) {
		throw new BackupError(
			`The backup was made by a newer version of Factdeck (database schema ${head.schema}); this version reads schema ${SCHEMA_VERSION} and older. Update the app, then import again.`
		);
	}
	const columns = head.reviewColumns;
	const known = (list: readonly string[]) =>
		Array.isArray(columns) &&
		columns.length === list.length &&
		columns.every((c, i) => c === list[i]);
	// Backups from before rows carried their parameters have every column but the last.
	if (Array.isArray(columns) && !known(REVIEW_COLUMNS) && !known(LEGACY_REVIEW_COLUMNS)) {
		throw new BackupError(
			'The review log columns in this backup are not the ones this version writes.'
		);
	}
}

const headSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.number().int().min(LINES_VERSION),
	schema: z.number().int().min(LINES_MIN_SCHEMA),
	exportedAt: z.iso.datetime(),
	reviewColumns: z.array(z.string())
});

const countSchema = z.number().int().min(0);
const endSchema = z.strictObject({
	end: z.literal(true),
	counts: z.strictObject(
		Object.fromEntries(TABLE_ORDER.map((t) => [t, countSchema])) as Record<
			TableName,
			typeof countSchema
		>
	),
	checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/)
});

const batchSchema = z.strictObject({
	table: z.enum(TABLE_ORDER as [TableName, ...TableName[]]),
	rows: z.array(z.unknown()).min(1)
});

const ROWS: Record<TableName, z.ZodType> = {
	articles: z.array(articleSchema),
	questions: z.array(questionSchema),
	cards: z.array(cardSchema),
	reviews: z.array(reviewTupleSchema),
	quizzes: z.array(quizSchema),
	attempts: z.array(attemptSchema),
	settings: z.array(settingSchema),
	classroom: z.array(classroomSchema)
};

/**
 * Whether the file starts with the header line of the format in lines (read from its first
 * bytes only). Anything else is read as the single-JSON format of earlier versions.
 */
export async function isLines(blob: Blob): Promise<boolean> {
	const start = new Uint8Array(await blob.slice(0, 64 * 1024).arrayBuffer());
	const end = start.indexOf(0x0a);
	if (end < 0) return false;
	try {
		const head = JSON.parse(
			new TextDecoder('utf-8', { fatal: true }).decode(start.subarray(0, end))
		);
		return (
			head !== null &&
			typeof head === 'object' &&
			head.format === BACKUP_FORMAT &&
			!('data' in head) &&
			typeof head.version === 'number' &&
			head.version >= LINES_VERSION
		);
	} catch {
		return false;
	}
}

/** A retired item's sentence past the end of its article's text is moved inside it (history). */
export function clampRetired<
	T extends { articleId: string; retiredAt?: number; evidence: { start: number; end: number } }
>(item: T, length: number | undefined): T {
	if (length === undefined || !isRetired(item) || item.evidence.end <= length) return item;
	const out = { ...item, evidence: clampSpan(item.evidence, length) };
	const answer = (item as { answerSpan?: { start: number; end: number } }).answerSpan;
	if (answer) Object.assign(out, { answerSpan: clampSpan(answer, length) });
	return out;
}

/**
 * A batch as stored: review arrays become rows; retired items' spans are clamped into their text.
 * Notes each article's text length in `lengths` (articles come before their items).
 */
export function storedRows(
	table: TableName,
	rows: unknown[],
	lengths: Map<string, number>
): unknown[] {
	switch (table) {
		case 'reviews':
			return rows.map((t) => tupleToReview(t as ReviewTuple));
		case 'articles':
			for (const a of rows as { id: string; text: string }[]) lengths.set(a.id, a.text.length);
			return rows;
		case 'questions':
		case 'cards':
			return (rows as Parameters<typeof clampRetired>[0][]).map((item) =>
				clampRetired(item, lengths.get(item.articleId))
			);
		default:
			return rows;
	}
}

/** Throws with the first problems of a check, if it found any. */
export function refuseIssues(check: RecordsCheck, finished = false): void {
	const issues = finished ? check.finish() : check.issues;
	if (issues.length) {
		throw new BackupError(
			'The backup holds data that cannot be right, so nothing was restored:',
			issues.slice(0, MAX_PROBLEMS).map(describeIssue)
		);
	}
}

/** What a file in lines holds, once read to its end. */
export interface LinesSummary {
	exportedAt: string;
	counts: BackupCounts;
	checksum: string;
}

export interface ReadLinesOptions {
	maxLineBytes: number;
	/** Check every record: the schema, the rules, keys and references. */
	check: boolean;
	/** The checksum the file must have: it was checked by an earlier read. */
	expect?: string;
	/** Each batch, as stored (see storedRows), once it has passed the checks. */
	visit?: (table: TableName, rows: unknown[]) => Promise<unknown> | void;
}

/**
 * Runs a step that is not the database's (reading the file, hashing) without ending the
 * transaction it is called in, if any.
 */
function outside<T>(step: () => Promise<T>): Promise<T> {
	// Given a function, waitFor runs it outside the transaction and keeps the transaction alive.
	const waitFor = Dexie.waitFor as unknown as (run: () => Promise<T>) => Promise<T>;
	return Dexie.currentTransaction ? waitFor(step) : step();
}

function parseLine(line: Line): unknown {
	try {
		return JSON.parse(line.text);
	} catch (e) {
		throw new BackupError(
			`Line ${line.number} of the file is not valid JSON, perhaps cut short while copying (${messageOf(e)}).`
		);
	}
}

function parseHead(value: unknown): z.infer<typeof headSchema> {
	checkVersions((value ?? {}) as Record<string, unknown>);
	const parsed = headSchema.safeParse(value);
	if (!parsed.success) {
		throw new BackupError('The backup header is damaged:', describeIssues('', parsed.error));
	}
	return parsed.data;
}

function parseEnd(value: unknown): z.infer<typeof endSchema> {
	const parsed = endSchema.safeParse(value);
	if (!parsed.success) {
		throw new BackupError(
			'The last line of the backup is damaged:',
			describeIssues('', parsed.error)
		);
	}
	return parsed.data;
}

/** What a read keeps between lines: counts so far, text lengths by id, line digests, the table reached. */
interface LinesState {
	counts: BackupCounts;
	lengths: Map<string, number>;
	digests: ArrayBuffer[];
	tableAt: number;
	check: RecordsCheck | null;
}

/** One batch line: its table in order, its rows checked (when asked) and made ready to store. */
function readBatch(
	line: Line,
	value: unknown,
	state: LinesState
): { table: TableName; rows: unknown[] } {
	const batch = batchSchema.safeParse(value);
	if (!batch.success) {
		throw new BackupError(
			`Line ${line.number} of the backup is damaged:`,
			describeIssues('', batch.error)
		);
	}
	const { table } = batch.data;
	const order = TABLE_ORDER.indexOf(table);
	if (order < state.tableAt) {
		throw new BackupError(
			`Line ${line.number} holds ${table} after ${TABLE_ORDER[state.tableAt]}: the file's tables are out of order.`
		);
	}
	state.tableAt = order;
	const offset = state.counts[table];
	const { check } = state;
	if (check && !(table === 'reviews' && batch.data.rows.every(isReviewTupleShape))) {
		const parsed = ROWS[table].safeParse(batch.data.rows);
		if (!parsed.success) {
			throw new BackupError(
				'The backup contains invalid data:',
				describeIssues(table, parsed.error, offset)
			);
		}
	}
	const rows = storedRows(table, batch.data.rows, state.lengths);
	if (check) {
		check.feed(table, rows, offset);
		check.endBatch();
		refuseIssues(check);
	}
	state.counts[table] += rows.length;
	return { table, rows };
}

/** The checks once the last line is read: counts, checksum, and the checksum an earlier read found. */
async function finishLines(
	end: z.infer<typeof endSchema> | null,
	state: LinesState,
	options: ReadLinesOptions
): Promise<string> {
	if (!end) {
		throw new BackupError(
			'The file ends before its last line: it was cut short, perhaps while copying or downloading.'
		);
	}
	const { counts } = state;
	const short = TABLE_ORDER.find((t) => counts[t] !== end.counts[t]);
	if (short) {
		throw new BackupError(
			`The file holds ${counts[short]} ${short} but its last line says ${end.counts[short]}: part of it is missing or was added.`
		);
	}
	const checksum = await outside(() => checksumOf(state.digests));
	if (checksum !== end.checksum) {
		throw new BackupError(
			'The checksum does not match the contents: the file was changed or damaged after it was exported.'
		);
	}
	if (options.expect !== undefined && checksum !== options.expect) {
		throw new BackupError('The file changed after it was checked. Choose it again.');
	}
	if (state.check) refuseIssues(state.check, true);
	return checksum;
}

/** Reads a file in lines from first to last, a line at a time. Throws a {@link BackupError}. */
export async function readLines(
	input: BackupInput,
	options: ReadLinesOptions
): Promise<LinesSummary> {
	const read = lines(asBlob(input), options.maxLineBytes);
	const state: LinesState = {
		counts: emptyCounts(),
		lengths: new Map<string, number>(),
		digests: [],
		tableAt: 0,
		check: options.check ? new RecordsCheck({ limit: MAX_PROBLEMS, groupedReviews: true }) : null
	};
	let head: z.infer<typeof headSchema> | null = null;
	let end: z.infer<typeof endSchema> | null = null;
	for (;;) {
		const step = await outside(() => read.next());
		if (step.done) break;
		const line = step.value;
		if (end) {
			if (line.text.trim() === '') continue;
			throw new BackupError(
				`The file goes on after its last line (line ${line.number}), so it is not a backup as Factdeck writes it.`
			);
		}
		const value = parseLine(line);
		if (state.check) checkKeys(value);
		if (!head) {
			head = parseHead(value);
			state.digests.push(line.digest);
		} else if (value !== null && typeof value === 'object' && 'end' in value) {
			end = parseEnd(value);
		} else {
			state.digests.push(line.digest);
			const { table, rows } = readBatch(line, value, state);
			await options.visit?.(table, rows);
		}
	}
	if (!head) throw new BackupError('The file is empty.');
	const checksum = await finishLines(end, state, options);
	return { exportedAt: head.exportedAt, counts: state.counts, checksum };
}
