/**
 * FSRS scheduling over plain, storable records. A thin layer over ts-fsrs that adds what the app
 * needs and ts-fsrs leaves to its callers: the learner's day boundary, fuzz seeded by card id,
 * leeches, and a review record that carries everything needed to replay it later.
 *
 * Pure: the time is always an argument and nothing here touches storage.
 */
import {
	createEmptyCard,
	fsrs,
	generatorParameters,
	Rating,
	State,
	StrategyMode,
	type AbstractScheduler,
	type Card as FsrsCard,
	type FSRS,
	type Grade,
	type ReviewLog
} from 'ts-fsrs';
import { DAY_MS, dayShiftMs, MINUTE_MS, type DayContext } from './day';
import { LEARNING_STEPS, RELEARNING_STEPS, type SrsSettings } from './settings';

export { Rating, State };
export type { Grade };

/** The four answer buttons, in button order. */
export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

/** A card's memory and schedule. Instants are epoch milliseconds so records index and serialise as-is. */
export interface Schedule {
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	reps: number;
	lapses: number;
	state: State;
	/** Null while the card is new (also after a reset). */
	lastReview: number | null;
}

/** What a review needs besides the card: the parameters in force when it happened. */
export interface ReviewContext {
	retention: number;
	maximumInterval: number;
	fuzz: boolean;
	/** Minutes added to instants so learner days line up with UTC days (see day.ts). */
	shift: number;
	/**
	 * The learner's own FSRS parameters (absent: the defaults). Written into every log row they
	 * schedule, so a card rebuilt from its log (Check database, a merge after sync, a restore that
	 * replays) is scheduled with the parameters that were in force at each review.
	 */
	weights?: readonly number[];
}

/**
 * One row of the review log: what ts-fsrs records about a review (the card as it was before), plus
 * the context it ran in, so the log alone can replay a card's whole history.
 */
export interface ReviewRecord extends ReviewContext {
	cardId: string;
	/** 1 to 4 for a rating; 0 (Manual) for a reset. */
	rating: Rating;
	/** The card's state before this review. */
	state: State;
	/** The card's last review before this one, or its due date when it had none. */
	due: number;
	stability: number;
	difficulty: number;
	elapsedDays: number;
	lastElapsedDays: number;
	scheduledDays: number;
	learningSteps: number;
	/** When the review happened. */
	review: number;
	/**
	 * When the card was due before this review. ts-fsrs's rollback only knows the review time, so
	 * undo needs this to put the card back exactly.
	 */
	dueBefore: number;
	/** Resets only: whether reps and lapses were cleared. */
	resetCount?: boolean;
	/** Ratings only: this lapse made the card a leech (undo clears the leech mark). */
	leech?: boolean;
}

export interface RatingOutcome {
	schedule: Schedule;
	log: ReviewRecord;
	/** The rating was a lapse that reached the leech threshold: suspend the card and tag it. */
	leech: boolean;
}

export interface IntervalPreview {
	grade: Grade;
	schedule: Schedule;
	/** How long until the card comes back, in milliseconds. */
	intervalMs: number;
	/** The same, for a button label ("1m", "10m", "3d", "2mo"). */
	label: string;
}

export class SchedulingError extends Error {
	override name = 'SchedulingError';
}

/** The review context for the given settings and day. */
export function reviewContext(settings: SrsSettings, day: DayContext): ReviewContext {
	return {
		retention: settings.desiredRetention,
		maximumInterval: settings.maximumInterval,
		fuzz: settings.fuzz,
		shift: dayShiftMs(day) / MINUTE_MS,
		...(settings.weights ? { weights: settings.weights } : {})
	};
}

/** A card nobody has studied yet. `due` orders new cards: the earliest is introduced first. */
export function newSchedule(due: Date | number): Schedule {
	return fromFsrs(createEmptyCard(new Date(due)), 0);
}

// One ts-fsrs instance per parameter set. The seed strategy reads the card id from `seedFor`,
// which each call sets synchronously just before scheduling, so fuzz depends only on the card id,
// its review count and the review time, never on the card's floating-point memory state.
const seedFor = { cardId: '' };
const curve = fsrs();
const engines = new Map<string, FSRS>();

function engine(ctx: ReviewContext, cardId: string): FSRS {
	const key = `${ctx.retention}|${ctx.maximumInterval}|${ctx.fuzz}|${ctx.weights?.join(',') ?? ''}`;
	let f = engines.get(key);
	if (!f) {
		f = fsrs(
			generatorParameters({
				request_retention: ctx.retention,
				maximum_interval: ctx.maximumInterval,
				enable_fuzz: ctx.fuzz,
				enable_short_term: true,
				...(ctx.weights ? { w: [...ctx.weights] } : {}),
				learning_steps: LEARNING_STEPS,
				relearning_steps: RELEARNING_STEPS
			})
		).useStrategy(StrategyMode.SEED, function (this: AbstractScheduler) {
			const self = this as unknown as { current: FsrsCard; review_time: Date };
			return `${seedFor.cardId}:${self.current.reps}:${self.review_time.getTime()}`;
		});
		engines.set(key, f);
	}
	seedFor.cardId = cardId;
	return f;
}

function toFsrs(s: Schedule, shiftMs: number): FsrsCard {
	return {
		due: new Date(s.due + shiftMs),
		stability: s.stability,
		difficulty: s.difficulty,
		elapsed_days: s.elapsedDays,
		scheduled_days: s.scheduledDays,
		learning_steps: s.learningSteps,
		reps: s.reps,
		lapses: s.lapses,
		state: s.state,
		last_review: s.lastReview === null ? undefined : new Date(s.lastReview + shiftMs)
	};
}

function fromFsrs(c: FsrsCard, shiftMs: number): Schedule {
	return {
		due: c.due.getTime() - shiftMs,
		stability: c.stability,
		difficulty: c.difficulty,
		elapsedDays: c.elapsed_days,
		scheduledDays: c.scheduled_days,
		learningSteps: c.learning_steps,
		reps: c.reps,
		lapses: c.lapses,
		state: c.state,
		lastReview: c.state === State.New || !c.last_review ? null : c.last_review.getTime() - shiftMs
	};
}

function toRecord(
	cardId: string,
	before: Schedule,
	log: ReviewLog,
	ctx: ReviewContext,
	shiftMs: number
): ReviewRecord {
	return {
		cardId,
		dueBefore: before.due,
		rating: log.rating,
		state: log.state,
		due: log.due.getTime() - shiftMs,
		stability: log.stability,
		difficulty: log.difficulty,
		elapsedDays: log.elapsed_days,
		lastElapsedDays: log.last_elapsed_days,
		scheduledDays: log.scheduled_days,
		learningSteps: log.learning_steps,
		review: log.review.getTime() - shiftMs,
		retention: ctx.retention,
		maximumInterval: ctx.maximumInterval,
		fuzz: ctx.fuzz,
		shift: ctx.shift,
		...(ctx.weights ? { weights: ctx.weights } : {})
	};
}

function checkGrade(grade: number): asserts grade is Grade {
	if (grade !== 1 && grade !== 2 && grade !== 3 && grade !== 4) {
		throw new SchedulingError(`A rating must be 1 (Again) to 4 (Easy), not ${String(grade)}.`);
	}
}

/**
 * Applies one rating.
 * @example
 * const day = dayContext(60, 4);
 * const { schedule, log } = rate('card-1', newSchedule(now), Rating.Good, now, reviewContext(settings, day));
 */
export function rate(
	cardId: string,
	schedule: Schedule,
	grade: Grade,
	now: Date,
	ctx: ReviewContext,
	leechThreshold = Infinity
): RatingOutcome {
	checkGrade(grade);
	const shiftMs = ctx.shift * MINUTE_MS;
	const item = engine(ctx, cardId).next(
		toFsrs(schedule, shiftMs),
		new Date(now.getTime() + shiftMs),
		grade
	);
	const next = fromFsrs(item.card, shiftMs);
	// ts-fsrs keeps Hard < Good < Easy by adding a day each, which can step past the maximum.
	if (next.state === State.Review && next.scheduledDays > ctx.maximumInterval) {
		next.scheduledDays = ctx.maximumInterval;
		next.due = now.getTime() + ctx.maximumInterval * DAY_MS;
	}
	const log = toRecord(cardId, schedule, item.log, ctx, shiftMs);
	const lapsed = schedule.state === State.Review && grade === Rating.Again;
	const leech = lapsed && next.lapses >= leechThreshold;
	if (leech) log.leech = true;
	return { schedule: next, log, leech };
}

/** What each of the four buttons would do now, with its label. */
export function previewRatings(
	cardId: string,
	schedule: Schedule,
	now: Date,
	ctx: ReviewContext
): IntervalPreview[] {
	return GRADES.map((grade) => {
		const next = rate(cardId, schedule, grade, now, ctx).schedule;
		const intervalMs = next.due - now.getTime();
		return { grade, schedule: next, intervalMs, label: formatInterval(intervalMs) };
	});
}

/**
 * Takes back one rating: the card as it was before `log` was applied. The log row must be the
 * card's latest; resets cannot be taken back this way.
 */
export function undoRating(schedule: Schedule, log: ReviewRecord): Schedule {
	if (log.rating === Rating.Manual) {
		throw new SchedulingError('A reset cannot be undone; only ratings can.');
	}
	const shiftMs = log.shift * MINUTE_MS;
	const f = engine(log, log.cardId);
	const prev = f.rollback(toFsrs(schedule, shiftMs), {
		rating: log.rating,
		state: log.state,
		due: new Date(log.due + shiftMs),
		stability: log.stability,
		difficulty: log.difficulty,
		elapsed_days: log.elapsedDays,
		last_elapsed_days: log.lastElapsedDays,
		scheduled_days: log.scheduledDays,
		learning_steps: log.learningSteps,
		review: new Date(log.review + shiftMs)
	});
	// The engine's rollback of a rating on a new card clears the lapses, but a card reset with its
	// counts kept is new and still has them: only an Again on a card in review added a lapse.
	const lapse = log.rating === Rating.Again && log.state === State.Review ? 1 : 0;
	return {
		...fromFsrs(prev, shiftMs),
		due: log.dueBefore,
		lapses: Math.max(0, schedule.lapses - lapse)
	};
}

/** Forgets a card: it becomes new again, due now. `resetCount` also clears reps and lapses. */
export function resetSchedule(
	cardId: string,
	schedule: Schedule,
	now: Date,
	ctx: ReviewContext,
	resetCount = true
): { schedule: Schedule; log: ReviewRecord } {
	const shiftMs = ctx.shift * MINUTE_MS;
	const item = engine(ctx, cardId).forget(
		toFsrs(schedule, shiftMs),
		new Date(now.getTime() + shiftMs),
		resetCount
	);
	const log = toRecord(cardId, schedule, item.log, ctx, shiftMs);
	log.resetCount = resetCount;
	return { schedule: fromFsrs(item.card, shiftMs), log };
}

/**
 * Rebuilds a card's schedule from its review log alone, oldest row first. Each row is replayed
 * with the parameters that were in force when it was written (retention, maximum interval, fuzz,
 * day shift and the learner's own FSRS parameters, when the row carries them), so a change of
 * settings, parameters or time zone later does not rewrite history. Returns null for an empty log.
 */
export function replay(cardId: string, rows: readonly ReviewRecord[]): Schedule | null {
	const first = rows[0];
	if (!first) return null;
	let schedule = newSchedule(first.due);
	for (const row of rows) {
		const now = new Date(row.review);
		if (row.rating === Rating.Manual) {
			schedule = resetSchedule(cardId, schedule, now, row, row.resetCount ?? true).schedule;
		} else {
			checkGrade(row.rating);
			schedule = rate(cardId, schedule, row.rating, now, row).schedule;
		}
	}
	return schedule;
}

/** Probability (0 to 1) that the learner recalls the card at `now`; 0 for a new card. */
export function retrievability(schedule: Schedule, now: Date): number {
	if (schedule.state === State.New || schedule.lastReview === null) return 0;
	const days = Math.max(0, (now.getTime() - schedule.lastReview) / 86_400_000);
	return curve.forgetting_curve(days, schedule.stability);
}

/**
 * A short label for an interval: minutes under an hour, hours under a day, days under a month,
 * months under a year, then years.
 * @example formatInterval(600_000) === '10m'
 */
export function formatInterval(ms: number): string {
	const minutes = Math.max(0, ms) / MINUTE_MS;
	if (minutes < 59.5) return `${Math.max(1, Math.round(minutes))}m`;
	const hours = minutes / 60;
	if (hours < 23.5) return `${Math.round(hours)}h`;
	const days = hours / 24;
	if (days < 29.5) return `${Math.round(days)}d`;
	if (days < 365) return `${trim(days / 30)}mo`;
	return `${trim(days / 365)}y`;
}

function trim(n: number): string {
	const rounded = n < 10 ? Math.round(n * 10) / 10 : Math.round(n);
	return String(rounded);
}
