/**
 * Backup and restore of everything, as one versioned JSON file with a SHA-256 checksum.
 *
 * Import is all or nothing: the file is read, checked and validated completely before a single
 * transaction writes it, so a bad file leaves the learner's data exactly as it was.
 */
import type { z } from 'zod';
import { Rating } from '$lib/srs';
import { LIMITS } from '$lib/limits';
import type { FactdeckDB } from './database';
import { groupLogs, SCHEMA_VERSION } from './database';
import { allReviews } from './log';
import { BackupError } from './errors';
import {
	BACKUP_FORMAT,
	BACKUP_VERSION,
	backupDataFastSchema,
	backupDataSchema,
	isReviewTupleShape,
	tupleToReview,
	type ReviewTuple,
	backupEnvelopeSchema,
	REVIEW_COLUMNS
} from './backup-schema';
import type {
	ArticleRecord,
	AttemptRecord,
	CardRecord,
	ClassroomRecord,
	QuestionRecord,
	QuizRecord,
	ReviewRow,
	SettingRecord
} from './records';
import { checkTables, clampSpan, describeIssue, isRetired } from './backup-check';
import { rescopeTables } from './rescope';
import { rebuildCards } from './study';
import { rw, ro } from './tx';
import { messageOf } from '$lib/message';

/** Files larger than this are refused before they are read. */
export const MAX_BACKUP_BYTES = LIMITS.backupBytes;
const MAX_DEPTH = 40;
const MAX_PROBLEMS = 12;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type { ReviewTuple };
export { tupleToReview };

/** Every table, as records. */
export interface BackupTables {
	articles: ArticleRecord[];
	questions: QuestionRecord[];
	cards: CardRecord[];
	reviews: ReviewRow[];
	quizzes: QuizRecord[];
	attempts: AttemptRecord[];
	settings: SettingRecord[];
	classroom: ClassroomRecord[];
}

export type BackupCounts = Record<keyof BackupTables, number>;

function countsOf(t: { [K in keyof BackupTables]: readonly unknown[] }): BackupCounts {
	return {
		articles: t.articles.length,
		questions: t.questions.length,
		cards: t.cards.length,
		reviews: t.reviews.length,
		quizzes: t.quizzes.length,
		attempts: t.attempts.length,
		settings: t.settings.length,
		classroom: t.classroom.length
	};
}

export function reviewToTuple(r: ReviewRow): ReviewTuple {
	return [
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
}

export async function sha256Hex(text: string): Promise<string> {
	const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
	return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
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

export interface ExportedBackup {
	json: string;
	/** A file name with the date, e.g. factdeck-backup-2026-01-12.json. */
	fileName: string;
	counts: BackupCounts;
}

/**
 * A record with its keys in one fixed order, all the way down. The database keeps whatever order a
 * record was written in (the generator's, the schema's after a restore), so without this the same
 * collection could be written as two different files: a restored backup would not back up again
 * byte for byte.
 */
function canonical<T>(value: T): T {
	if (Array.isArray(value)) return value.map(canonical) as T;
	if (value === null || typeof value !== 'object') return value;
	const record = value as Record<string, unknown>;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(record).sort()) out[key] = canonical(record[key]);
	return out as T;
}

/** Everything, as the text of one backup file. */
export async function exportBackup(db: FactdeckDB, now: Date): Promise<ExportedBackup> {
	return serializeBackup(await readAllTables(db), now);
}

/** The text of a backup file holding these tables. */
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
		version: BACKUP_VERSION,
		schema: SCHEMA_VERSION,
		exportedAt: now.toISOString(),
		reviewColumns: REVIEW_COLUMNS,
		checksum
	});
	return {
		json: `${head.slice(0, -1)},"data":${dataJson}}`,
		fileName: `factdeck-backup-${now.toISOString().slice(0, 10)}.json`,
		counts: countsOf(tables)
	};
}

export type BackupInput = string | Blob | ArrayBuffer | Uint8Array;

async function readText(input: BackupInput, maxBytes: number): Promise<string> {
	const tooBig = (bytes: number) =>
		new BackupError(
			`The file is too large (${(bytes / 1048576).toFixed(1)} MB); a backup can be at most ${(maxBytes / 1048576).toFixed(0)} MB.`
		);
	if (typeof input === 'string') {
		if (input.length > maxBytes) throw tooBig(input.length);
		if (input.length * 3 > maxBytes) {
			const bytes = new TextEncoder().encode(input).byteLength;
			if (bytes > maxBytes) throw tooBig(bytes);
		}
		return input;
	}
	const size = input instanceof Blob ? input.size : input.byteLength;
	if (size > maxBytes) throw tooBig(size);
	const bytes = input instanceof Blob ? await input.arrayBuffer() : input;
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		throw new BackupError('The file is not UTF-8 text, so it cannot be a Factdeck backup.');
	}
}

/** An object met while walking a parsed file: its parent and key make its path when needed. */
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
function checkKeys(root: unknown): void {
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

function describeIssues(prefix: string, error: z.ZodError): string[] {
	return error.issues.slice(0, MAX_PROBLEMS).map((issue) => {
		let path = prefix;
		for (const part of issue.path) {
			path += typeof part === 'number' ? `[${part}]` : `${path ? '.' : ''}${String(part)}`;
		}
		return `${path || 'file'}: ${issue.message}`;
	});
}

/** A backup that passed every check, ready to write. */
export interface ValidBackup {
	exportedAt: string;
	tables: BackupTables;
	counts: BackupCounts;
}

/** Cross-record checks zod cannot express: unique keys and references that resolve. */
function checkIntegrity(t: BackupTables): string[] {
	const problems: string[] = [];
	const unique = (name: string, keys: string[]) => {
		const seen = new Set<string>();
		for (const key of keys) {
			if (seen.has(key)) problems.push(`${name}: "${key}" appears twice.`);
			seen.add(key);
		}
		return seen;
	};
	const articleIds = unique(
		'articles',
		t.articles.map((a) => a.id)
	);
	unique(
		'questions',
		t.questions.map((q) => q.id)
	);
	const cardIds = unique(
		'cards',
		t.cards.map((c) => c.id)
	);
	const quizIds = unique(
		'quizzes',
		t.quizzes.map((q) => q.id)
	);
	unique(
		'reviews',
		t.reviews.map((r) => `${r.cardId} at ${r.review}`)
	);
	unique(
		'attempts',
		t.attempts.map((a) => `${a.quizId}/${a.questionId}`)
	);
	unique(
		'settings',
		t.settings.map((s) => s.key)
	);
	unique(
		'classroom',
		t.classroom.map((q) => q.id)
	);
	t.classroom.forEach((c, i) => {
		if (c.quiz.id !== c.id)
			problems.push(`classroom[${i}]: the quiz id does not match the record.`);
	});
	const missing = (what: string, i: number, ref: string, ids: Set<string>) => {
		if (!ids.has(ref))
			problems.push(`${what}[${i}]: refers to "${ref}", which is not in the file.`);
	};
	t.questions.forEach((q, i) => missing('questions', i, q.articleId, articleIds));
	t.cards.forEach((c, i) => {
		missing('cards', i, c.articleId, articleIds);
		if (c.queue >= 0 && c.queue !== c.state) {
			problems.push(`cards[${i}]: queue ${c.queue} does not match state ${c.state}.`);
		}
	});
	t.reviews.forEach((r, i) => {
		missing('reviews', i, r.cardId, cardIds);
		if (r.rating === Rating.Manual && r.resetCount === undefined) {
			problems.push(`reviews[${i}]: a reset row must say whether counts were reset.`);
		}
	});
	t.quizzes.forEach((q, i) => missing('quizzes', i, q.articleId, articleIds));
	t.attempts.forEach((a, i) => missing('attempts', i, a.quizId, quizIds));
	return problems.slice(0, MAX_PROBLEMS);
}

/**
 * A retired item's sentence may lie past the end of its article's current text (the article was
 * updated after the item left it): that position is history nobody reads, so it is moved inside
 * the text rather than refused.
 */
function clampRetiredSpans(t: BackupTables): BackupTables {
	const lengths = new Map(t.articles.map((a) => [a.id, a.text.length]));
	const clamp = <
		T extends { articleId: string; retiredAt?: number; evidence: { start: number; end: number } }
	>(
		item: T
	): T => {
		const length = lengths.get(item.articleId);
		if (length === undefined || !isRetired(item) || item.evidence.end <= length) return item;
		const out = { ...item, evidence: clampSpan(item.evidence, length) };
		const answer = (item as { answerSpan?: { start: number; end: number } }).answerSpan;
		if (answer) Object.assign(out, { answerSpan: clampSpan(answer, length) });
		return out;
	};
	return { ...t, cards: t.cards.map(clamp), questions: t.questions.map(clamp) };
}

/**
 * Reads and checks a backup file without touching the database. Throws a {@link BackupError}
 * whose message says what is wrong.
 */
export async function parseBackup(
	input: BackupInput,
	maxBytes = MAX_BACKUP_BYTES
): Promise<ValidBackup> {
	const text = await readText(input, maxBytes);
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
	if (typeof head.version === 'number' && head.version > BACKUP_VERSION) {
		throw new BackupError(
			`The backup was made by a newer version of Factdeck (backup format ${head.version}); this version reads format ${BACKUP_VERSION}. Update the app, then import again.`
		);
	}
	const envelope = backupEnvelopeSchema.safeParse(raw);
	if (!envelope.success) {
		throw new BackupError('The backup header is damaged:', describeIssues('', envelope.error));
	}
	if (envelope.data.schema > SCHEMA_VERSION) {
		throw new BackupError(
			`The backup was made by a newer version of Factdeck (database schema ${envelope.data.schema}); this version reads schema ${SCHEMA_VERSION} and older. Update the app, then import again.`
		);
	}
	const columns = envelope.data.reviewColumns;
	if (columns.length !== REVIEW_COLUMNS.length || columns.some((c, i) => c !== REVIEW_COLUMNS[i])) {
		throw new BackupError(
			'The review log columns in this backup are not the ones this version writes.'
		);
	}
	const checksum = `sha256-${await sha256Hex(JSON.stringify(envelope.data.data))}`;
	if (checksum !== envelope.data.checksum) {
		throw new BackupError(
			'The checksum does not match the contents: the file was changed or damaged after it was exported.'
		);
	}
	// Review rows are many: when each has the right shape (a fast test), the schema takes them as
	// they are and checkTables below applies their rules; otherwise the schema says what is wrong.
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
	const problems = checkIntegrity(tables);
	if (problems.length) throw new BackupError('The backup is inconsistent:', problems);
	tables = clampRetiredSpans(tables);
	// What the content means: states that agree with their fields, answers among their options,
	// spans inside their text, references that resolve (backup-check.ts).
	const issues = checkTables(tables, { limit: MAX_PROBLEMS });
	if (issues.length) {
		throw new BackupError(
			'The backup holds data that cannot be right, so nothing was restored:',
			issues.map(describeIssue)
		);
	}
	return { exportedAt: envelope.data.exportedAt, tables, counts: countsOf(tables) };
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

/**
 * Imports a backup. "replace" makes the database exactly the file; "merge" adds what the file
 * has: the review logs are joined, each card keeps its most recently changed content and
 * flags, and every card that gained reviews is rescheduled from its joined log. Local settings win.
 * The file is validated completely first, then written in one transaction: on any error nothing
 * changes.
 */
export async function importBackup(
	db: FactdeckDB,
	input: BackupInput,
	mode: ImportMode,
	maxBytes = MAX_BACKUP_BYTES
): Promise<ImportReport> {
	const { tables, counts } = await parseBackup(input, maxBytes);
	return rw(db, everyTable(db), async () => {
		if (mode === 'replace') {
			await replaceTables(db, tables);
			return { mode, counts, rebuilt: 0 };
		}
		const rebuilt = await mergeTables(db, tables);
		return { mode, counts, rebuilt };
	});
}

/** Every table a backup holds, in backup order. */
function everyTable(db: FactdeckDB) {
	return [
		db.articles,
		db.questions,
		db.cards,
		db.logs,
		db.quizzes,
		db.attempts,
		db.settings,
		db.classroom
	];
}

/** Makes the database exactly the backup's tables. Runs inside importBackup's transaction. */
async function replaceTables(db: FactdeckDB, tables: BackupTables): Promise<void> {
	for (const table of everyTable(db)) await table.clear();
	await db.articles.bulkAdd(tables.articles);
	await db.questions.bulkAdd(tables.questions);
	await db.cards.bulkAdd(tables.cards);
	await db.logs.bulkAdd(groupLogs(tables.reviews));
	await db.quizzes.bulkAdd(tables.quizzes);
	await db.attempts.bulkAdd(tables.attempts);
	await db.settings.bulkAdd(tables.settings);
	await db.classroom.bulkAdd(tables.classroom);
}

/**
 * Adds the backup's tables to what is stored (see importBackup) and returns how many cards were
 * rescheduled. Runs inside importBackup's transaction.
 */
async function mergeTables(db: FactdeckDB, tables: BackupTables): Promise<number> {
	// A card id must not move between articles.
	const localCards = await db.cards.bulkGet(tables.cards.map((c) => c.id));
	tables.cards.forEach((card, i) => {
		const local = localCards[i];
		if (local && local.articleId !== card.articleId) {
			throw new BackupError(
				`Card ${card.id} belongs to article ${card.articleId} in the file but to ${local.articleId} here; nothing was imported.`
			);
		}
	});
	const localArticles = await db.articles.bulkGet(tables.articles.map((a) => a.id));
	await db.articles.bulkPut(
		tables.articles.filter((a, i) => {
			const local = localArticles[i];
			return !local || a.generatedAt > local.generatedAt;
		})
	);
	const localQuestions = await db.questions.bulkGet(tables.questions.map((q) => q.id));
	await db.questions.bulkPut(tables.questions.filter((q, i) => newer(localQuestions[i], q)));
	const takenCards = tables.cards.filter((c, i) => newer(localCards[i], c));
	await db.cards.bulkPut(takenCards);

	// Each card's log is the union of both, by review time.
	const incoming = groupLogs(tables.reviews);
	const localLogs = await db.logs.bulkGet(incoming.map((l) => l.cardId));
	const addedReviews: ReviewRow[] = [];
	const joined = incoming.map((log, i) => {
		const local = localLogs[i]?.rows ?? [];
		const have = new Set(local.map((r) => r.review));
		const fresh = log.rows.filter((r) => !have.has(r.review));
		addedReviews.push(...fresh);
		return groupLogs([...local, ...fresh])[0]!;
	});
	await db.logs.bulkPut(joined);

	const localQuizzes = await db.quizzes.bulkGet(tables.quizzes.map((q) => q.id));
	await db.quizzes.bulkAdd(tables.quizzes.filter((_, i) => localQuizzes[i] === undefined));
	const localAttempts = await db.attempts.bulkGet(
		tables.attempts.map((a): [string, string] => [a.quizId, a.questionId])
	);
	await db.attempts.bulkAdd(tables.attempts.filter((_, i) => localAttempts[i] === undefined));
	const localClassroom = await db.classroom.bulkGet(tables.classroom.map((q) => q.id));
	await db.classroom.bulkPut(tables.classroom.filter((q, i) => newer(localClassroom[i], q)));
	const localSettings = await db.settings.bulkGet(tables.settings.map((s) => s.key));
	await db.settings.bulkAdd(tables.settings.filter((_, i) => localSettings[i] === undefined));

	// A card taken from the file, or one that gained reviews, gets the schedule its joined log gives.
	const touched = new Set([...addedReviews.map((r) => r.cardId), ...takenCards.map((c) => c.id)]);
	return rebuildCards(db, touched);
}

/** A backup file's text as a download. */
export function backupBlob(json: string): Blob {
	return new Blob([json], { type: 'application/json' });
}
