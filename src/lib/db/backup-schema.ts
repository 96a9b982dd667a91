/**
 * The shape of a backup file, checked field by field before anything is written. Bounds are wide
 * enough for any real deck and narrow enough that an absurd value is refused with its path.
 */
import { classroomQuizSchema } from '$lib/classroom/schema';
import { z } from 'zod';
import { SRS_SETTING_BOUNDS } from '$lib/srs';
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
import type { ArticleRecord, CardRecord, QuestionRecord } from './records';

/** The backup format this version writes; it reads this one and older. */
export const BACKUP_FORMAT = 'factdeck-backup';
export const BACKUP_VERSION = 1;

/** Review rows are stored as arrays in this column order: a third of the size of objects. */
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
	'leech'
] as const;

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
const count = z.number().int().min(0).max(10_000_000);
const days = z.number().int().min(-1).max(1_000_000);
/**
 * Day counts in the review log: a reset records the interval it cut short as days from its due
 * date, negative when the card was reset before it was due.
 */
const logDays = z.number().int().min(-1_000_000).max(1_000_000);
const shortText = z.string().max(LIMITS.itemText);
const span = z.strictObject({
	start: z.number().int().min(0).max(100_000_000),
	end: z.number().int().min(0).max(100_000_000)
});
// Plain integer ranges rather than unions of literals: the same check, several times faster.
const state = z.number().int().min(0).max(3);
const rating = z.number().int().min(0).max(4);
const stability = z.number().min(0).max(1_000_000);
const difficulty = z.number().min(0).max(11);
const retention = z.number().gt(0).max(1);
const maximumInterval = z.number().int().min(1).max(36500);
const shift = z.number().int().min(-3000).max(3000);

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

export const reviewTupleSchema = z
	.tuple([
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
		z.boolean().nullable()
	])
	.superRefine((t, ctx) => {
		const row = {
			cardId: t[0],
			review: t[1],
			rating: t[2],
			state: t[3],
			due: t[4],
			dueBefore: t[5],
			stability: t[6],
			difficulty: t[7],
			elapsedDays: t[8],
			lastElapsedDays: t[9],
			scheduledDays: t[10],
			learningSteps: t[11],
			retention: t[12],
			maximumInterval: t[13],
			fuzz: t[14],
			shift: t[15],
			...(t[16] === null ? {} : { resetCount: t[16] }),
			...(t[17] === null ? {} : { leech: t[17] })
		};
		for (const p of reviewProblems(row)) ctx.addIssue({ code: 'custom', message: p.message });
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
	fuzz: z.boolean().optional()
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
