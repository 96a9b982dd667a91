/**
 * The shape of a backup file, checked field by field before anything is written. Bounds are wide
 * enough for any real deck and narrow enough that an absurd value is refused with its path.
 */
import { classroomQuizSchema } from '$lib/classroom/schema';
import { CLAMP_PARAMETERS, W17_W18_Ceiling } from 'ts-fsrs';
import { z } from 'zod';
import { FSRS_WEIGHT_COUNT, SRS_SETTING_BOUNDS } from '$lib/srs';
import { LIMITS } from '$lib/limits';
import {
	articleProblems,
	cardProblems,
	MAX_DUE_TIME,
	MAX_EVENT_TIME,
	questionProblems,
	reviewProblems,
	SAFE_ID,
	type RecordProblem
} from './backup-check';
import type { ArticleRecord, CardRecord, QuestionRecord, ReviewRow } from './records';

/**
 * The backup format this version writes; it reads this one and older. Version 1 was one JSON
 * object; version 2 is JSON lines (backup-stream.ts).
 */
export const BACKUP_FORMAT = 'factdeck-backup';
export const BACKUP_VERSION = 2;

/**
 * Review rows are stored as arrays in this column order: a third of the size of objects. The last
 * column, the FSRS parameters that scheduled the row, is left off a row scheduled with the
 * defaults, so such a row is the same array as before the column existed.
 */
export const REVIEW_COLUMNS = [
	'cardId',
	'review',
	'rating',
	'state',
	'due',
	'dueBefore',
	'stability',
	'difficulty',
	'elapsedDays',
	'lastElapsedDays',
	'scheduledDays',
	'learningSteps',
	'retention',
	'maximumInterval',
	'fuzz',
	'shift',
	'resetCount',
	'leech',
	'weights'
] as const;

const isInt = (v: unknown, r: readonly [number, number]) =>
	Number.isInteger(v) && (v as number) >= r[0] && (v as number) <= r[1];
const isNum = (v: unknown, r: readonly [number, number]) =>
	typeof v === 'number' && Number.isFinite(v) && v >= r[0] && v <= r[1];

/** The columns of backups written before rows carried their FSRS parameters; still read. */
export const LEGACY_REVIEW_COLUMNS = REVIEW_COLUMNS.slice(0, -1);

/**
 * The range of each FSRS parameter: the bounds the scheduler clamps them to (short-term steps on,
 * one relearning step, as the app schedules), which the optimiser's fits keep within. A row read
 * from a file or the shared log with parameters outside them is refused; a row written here has
 * its parameters clamped into them first (see weightsInRange), which schedules no differently.
 */
export const WEIGHT_RANGES: readonly (readonly [number, number])[] = CLAMP_PARAMETERS(
	W17_W18_Ceiling,
	true
).map(([min, max]) => [min!, max!] as const);

/** A review row's FSRS parameters: 21 finite numbers, each in its range. */
export const rowWeights = z.tuple(
	WEIGHT_RANGES.map(([min, max]) => z.number().min(min).max(max)) as [z.ZodNumber, ...z.ZodNumber[]]
);

const clamped = new WeakMap<readonly number[], number[]>();

/**
 * A row's parameters as the scheduler uses them: each clamped into its range (the scheduler
 * clamps them the same way), so a row written to a backup or the shared log always passes
 * {@link rowWeights} and still replays exactly as it did here. Rows of one log share their
 * array, so each array is clamped once.
 */
export function weightsInRange(weights: readonly number[]): number[] {
	let out = clamped.get(weights);
	if (!out) {
		out = weights.map((w, i) => {
			const [min, max] = WEIGHT_RANGES[i] ?? [w, w];
			return Math.min(max, Math.max(min, w));
		});
		clamped.set(weights, out);
	}
	return out;
}

/** The same test as {@link rowWeights}, by hand, for the fast review-row check. */
export function isRowWeights(w: unknown): w is number[] {
	return (
		Array.isArray(w) &&
		w.length === WEIGHT_RANGES.length &&
		w.every((v, i) => isNum(v, WEIGHT_RANGES[i]!))
	);
}

/** Letters, digits and `_ . : ~ -`: an id from a file never becomes a path in a link. */
const id = z.string().min(1).max(200).regex(SAFE_ID, 'not an id (letters, digits, _ . : ~ - only)');
/** An event: a review, an edit, an import. */
const time = z.number().int().min(0).max(MAX_EVENT_TIME);
/** A due date, which may lie up to the longest interval after an event. */
const dueTime = z.number().int().min(0).max(MAX_DUE_TIME);

/** Runs a record's own rules (backup-check.ts) as part of the schema, so sync refuses them too. */
function rules<R>(check: (value: R) => RecordProblem[]) {
	return (
		value: unknown,
		ctx: { addIssue: (issue: { code: 'custom'; message: string }) => void }
	) => {
		for (const problem of check(value as R))
			ctx.addIssue({ code: 'custom', message: problem.message });
	};
}
/** Number ranges shared by the schema and the fast review-row check below, so they cannot drift. */
const RANGE = {
	count: [0, 10_000_000],
	days: [-1, 1_000_000],
	logDays: [-1_000_000, 1_000_000],
	state: [0, 3],
	rating: [0, 4],
	stability: [0, 1_000_000],
	difficulty: [0, 11],
	maximumInterval: [1, 36500],
	shift: [-3000, 3000]
} as const;
const intIn = (r: readonly [number, number]) => z.number().int().min(r[0]).max(r[1]);
const count = intIn(RANGE.count);
const days = intIn(RANGE.days);
/**
 * Day counts in the review log: a reset records the interval it cut short as days from its due
 * date, negative when the card was reset before it was due.
 */
const logDays = intIn(RANGE.logDays);
const shortText = z.string().max(LIMITS.itemText);
const span = z.strictObject({
	start: z.number().int().min(0).max(100_000_000),
	end: z.number().int().min(0).max(100_000_000)
});
// Plain integer ranges rather than unions of literals: the same check, several times faster.
const state = intIn(RANGE.state);
const rating = intIn(RANGE.rating);
const stability = z.number().min(RANGE.stability[0]).max(RANGE.stability[1]);
const difficulty = z.number().min(RANGE.difficulty[0]).max(RANGE.difficulty[1]);
const retention = z.number().gt(0).max(1);
const maximumInterval = intIn(RANGE.maximumInterval);
const shift = intIn(RANGE.shift);

// Generator-shaped parts may gain fields in later versions, so unknown keys pass through them;
// the fields the app relies on are still checked.
const section = z.looseObject({ title: shortText, span });
const fact = z.looseObject({
	id,
	kind: z.string().max(40),
	evidence: span,
	entities: z.array(shortText).max(LIMITS.entities)
});

export const articleSchema = z
	.strictObject({
		id,
		title: z.string().max(LIMITS.title),
		text: z.string().max(LIMITS.articleText),
		source: z.string().max(LIMITS.source).optional(),
		sections: z.array(section).max(LIMITS.sections),
		facts: z.array(fact).max(LIMITS.facts),
		builtIn: z.boolean().optional(),
		addedAt: time,
		generatedAt: time
	})
	.superRefine(rules<ArticleRecord>(articleProblems));

const itemMeta = {
	articleId: id,
	order: z.number().int().min(0).max(10_000_000),
	edited: z.boolean().optional(),
	retiredAt: time.optional(),
	removed: z.boolean().optional(),
	flaggedAt: time.optional(),
	updatedAt: time
};

export const questionSchema = z
	.looseObject({
		id,
		factId: id,
		type: z.enum(['multiple-choice', 'cloze', 'true-false', 'quote', 'match', 'short-answer']),
		prompt: shortText,
		answer: shortText,
		evidence: span,
		answerSpan: span.optional(),
		kind: z.string().max(40),
		score: z.number().min(-1e9).max(1e9),
		choices: z.array(shortText).max(LIMITS.choices).optional(),
		hint: shortText.optional(),
		pairs: z
			.array(z.tuple([shortText, shortText]))
			.max(LIMITS.choices)
			.optional(),
		...itemMeta
	})
	.superRefine(rules<QuestionRecord>(questionProblems));

export const cardSchema = z
	.strictObject({
		id,
		factId: id,
		front: shortText,
		back: shortText,
		evidence: span,
		due: dueTime,
		stability,
		difficulty,
		elapsedDays: days,
		scheduledDays: days,
		learningSteps: count,
		reps: count,
		lapses: count,
		state,
		lastReview: time.nullable(),
		...itemMeta,
		queue: z
			.number()
			.int()
			.min(-3)
			.max(3)
			.refine((q) => q !== -2, 'not a queue'),
		buriedUntil: dueTime.optional(),
		tags: z.array(z.string().min(1).max(LIMITS.tagText)).max(LIMITS.tags),
		createdAt: time
	})
	.superRefine(rules<CardRecord>(cardProblems));

/** A review row's shape alone (no rules across its fields). */
export const reviewTupleShape = z.tuple([
	id,
	time,
	rating,
	state,
	dueTime,
	dueTime,
	stability,
	difficulty,
	logDays,
	logDays,
	logDays,
	count,
	retention,
	maximumInterval,
	z.boolean(),
	shift,
	z.boolean().nullable(),
	z.boolean().nullable(),
	rowWeights.optional()
]);

const isFlag = (v: unknown) => v === null || typeof v === 'boolean';

/**
 * The same test as {@link reviewTupleShape}, written out by hand: a backup holds up to millions of
 * review rows, and this is some fifty times faster. True only for what the schema accepts; a row
 * it refuses goes through the schema, for the message.
 */
export function isReviewTupleShape(t: unknown): boolean {
	if (!Array.isArray(t) || t.length < 18 || t.length > 19) return false;
	if (t[18] !== undefined && !isRowWeights(t[18])) return false;
	const [cardId, review, rate, st, due, before, stab, diff, e1, e2, e3, steps, ret, maxI] = t;
	return (
		typeof cardId === 'string' &&
		SAFE_ID.test(cardId) &&
		isInt(review, [0, MAX_EVENT_TIME]) &&
		isInt(rate, RANGE.rating) &&
		isInt(st, RANGE.state) &&
		isInt(due, [0, MAX_DUE_TIME]) &&
		isInt(before, [0, MAX_DUE_TIME]) &&
		isNum(stab, RANGE.stability) &&
		isNum(diff, RANGE.difficulty) &&
		isInt(e1, RANGE.logDays) &&
		isInt(e2, RANGE.logDays) &&
		isInt(e3, RANGE.logDays) &&
		isInt(steps, RANGE.count) &&
		typeof ret === 'number' &&
		ret > 0 &&
		ret <= 1 &&
		isInt(maxI, RANGE.maximumInterval) &&
		typeof t[14] === 'boolean' &&
		isInt(t[15], RANGE.shift) &&
		isFlag(t[16]) &&
		isFlag(t[17])
	);
}

/** A review-log row as stored in a backup: an array in REVIEW_COLUMNS order. */
export type ReviewTuple = z.infer<typeof reviewTupleShape>;

/** A review-log row from its backup array. */
export function tupleToReview(t: ReviewTuple): ReviewRow {
	const [cardId, review, rating, state, due, dueBefore, stability, difficulty] = t;
	const row: ReviewRow = {
		cardId,
		review,
		rating,
		state,
		due,
		dueBefore,
		stability,
		difficulty,
		elapsedDays: t[8],
		lastElapsedDays: t[9],
		scheduledDays: t[10],
		learningSteps: t[11],
		retention: t[12],
		maximumInterval: t[13],
		fuzz: t[14],
		shift: t[15]
	};
	if (t[16] !== null) row.resetCount = t[16];
	if (t[17] !== null) row.leech = t[17];
	if (t[18] !== undefined) row.weights = t[18];
	return row;
}

export const reviewTupleSchema = reviewTupleShape.superRefine((t, ctx) => {
	for (const p of reviewProblems(tupleToReview(t))) {
		ctx.addIssue({ code: 'custom', message: p.message });
	}
});

export const quizSchema = z.strictObject({
	id,
	articleId: id,
	questionIds: z.array(id).max(10_000),
	createdAt: time,
	finishedAt: time.optional()
});

export const attemptSchema = z.strictObject({
	quizId: id,
	questionId: id,
	answer: shortText,
	correct: z.boolean(),
	at: time,
	tookMs: z.number().int().min(0).max(1e10).optional(),
	overridden: z.boolean().optional()
});

const bounded = (key: keyof typeof SRS_SETTING_BOUNDS) =>
	z.number().min(SRS_SETTING_BOUNDS[key][0]).max(SRS_SETTING_BOUNDS[key][1]);

export const srsSettingsSchema = z.strictObject({
	desiredRetention: bounded('desiredRetention').optional(),
	maximumInterval: bounded('maximumInterval').optional(),
	dayStartHour: bounded('dayStartHour').optional(),
	newPerDay: bounded('newPerDay').optional(),
	reviewsPerDay: bounded('reviewsPerDay').optional(),
	learnAheadMinutes: bounded('learnAheadMinutes').optional(),
	leechThreshold: bounded('leechThreshold').optional(),
	fuzz: z.boolean().optional(),
	/** The learner's own FSRS parameters, once the optimiser's fit was applied. */
	weights: z.array(z.number().finite()).length(FSRS_WEIGHT_COUNT).optional()
});

/** Settings rows: the learner's scheduling settings and a few small app flags. */
export const settingSchema = z.discriminatedUnion('key', [
	z.strictObject({ key: z.literal('srs'), value: srsSettingsSchema }),
	z.strictObject({
		key: z.literal('seed'),
		value: z.strictObject({ articleId: id, at: time })
	}),
	z.strictObject({ key: z.literal('persistAsked'), value: z.boolean() }),
	/** Today's raise of the daily limits ("study more"): kept as a settings row, so it travels. */
	z.strictObject({
		key: z.literal('limit-extension'),
		value: z.strictObject({
			day: z.number().int().min(0).max(10_000_000),
			newCards: z.number().int().min(0).max(1_000_000),
			reviews: z.number().int().min(0).max(1_000_000)
		})
	})
]);

export const receivedResultSchema = z.strictObject({
	name: z.string().max(200),
	answers: z.array(z.number().int().min(0).max(1e9).nullable()).max(200),
	correct: z.array(z.boolean()).max(200),
	secondsTaken: z.array(z.number().min(0).max(1e6).nullable()).max(200),
	code: z.string().max(1000)
});

/** A classroom quiz with its results; the quiz itself is checked by the classroom's own schema. */
export const classroomSchema = z.strictObject({
	id,
	quiz: classroomQuizSchema,
	createdAt: time,
	updatedAt: time,
	results: z.array(receivedResultSchema).max(10_000)
});

export const backupDataSchema = z.strictObject({
	articles: z.array(articleSchema).max(100_000),
	questions: z.array(questionSchema).max(2_000_000),
	cards: z.array(cardSchema).max(2_000_000),
	reviews: z.array(reviewTupleSchema).max(10_000_000),
	quizzes: z.array(quizSchema).max(1_000_000),
	attempts: z.array(attemptSchema).max(10_000_000),
	settings: z.array(settingSchema).max(100),
	/** Added with schema 3; files written before it have none. */
	classroom: z.array(classroomSchema).max(10_000).default([])
});

/**
 * {@link backupDataSchema} with the review rows taken as they are: for a file whose every row has
 * passed {@link isReviewTupleShape}. Their rules across fields run afterwards, in checkTables.
 */
export const backupDataFastSchema = backupDataSchema.extend({
	reviews: z.array(z.custom<z.infer<typeof reviewTupleShape>>()).max(10_000_000)
});

export const backupEnvelopeSchema = z.strictObject({
	format: z.literal(BACKUP_FORMAT),
	version: z.number().int().min(1),
	schema: z.number().int().min(1),
	exportedAt: z.iso.datetime(),
	reviewColumns: z.array(z.string()),
	checksum: z.string().regex(/^sha256-[0-9a-f]{64}$/),
	data: z.unknown()
});

export type BackupData = z.infer<typeof backupDataSchema>;
