/**
 * Studying: today's queue, ratings, undo, previews, suspend, bury, reset and rebuild. A rating
 * writes the card and its review-log row in one transaction; the log is the truth the card's
 * schedule can always be rebuilt from.
 */
import {
	buildQueue,
	dayContext,
	extensionToday,
	limitsToday,
	localUtcOffset,
	previewRatings,
	queueWindow,
	rate,
	Rating,
	replay,
	resetSchedule,
	reviewContext,
	startOfNextLearnerDay,
	State,
	undoRating,
	type DayContext,
	type DoneToday,
	type Grade,
	type IntervalPreview,
	type LimitExtension,
	type QueueCard,
	type Schedule,
	type SrsSettings,
	type StudyQueue
} from '$lib/srs';
import type { FactdeckDB } from './database';
import { NotFoundError, StaleCardError } from './errors';
import { appendReview, hasReviewAt, latestReview, logOf, removeReview, reviewsSince } from './log';
import { QUEUE_RETIRED, QUEUE_SUSPENDED, type CardRecord, type ReviewRow } from './records';
import { getFlag, getSrsSettings } from './settings';
import { rw, ro } from './tx';

/** Where today's raise of the daily limits is kept (a settings row, so backups carry it). */
export const LIMIT_EXTENSION_KEY = 'limit-extension';

export const LEECH_TAG = 'leech';

/** The scheduling fields of a card record, in a fixed order. */
export const SCHEDULE_KEYS = [
	'due',
	'stability',
	'difficulty',
	'elapsedDays',
	'scheduledDays',
	'learningSteps',
	'reps',
	'lapses',
	'state',
	'lastReview'
] as const satisfies readonly (keyof Schedule)[];

export function scheduleOf(card: Schedule): Schedule {
	const out = {} as Record<keyof Schedule, unknown>;
	for (const key of SCHEDULE_KEYS) out[key] = card[key];
	return out as Schedule;
}

/** Whether two cards are scheduled alike: the same rating would give both the same outcome. */
export function sameSchedule(a: Schedule, b: Schedule): boolean {
	return SCHEDULE_KEYS.every((key) => a[key] === b[key]);
}

function isActive(card: CardRecord): boolean {
	return card.queue >= 0;
}

export function toQueueCard(card: CardRecord): QueueCard {
	return card.buriedUntil === undefined
		? { id: card.id, state: card.state, due: card.due }
		: { id: card.id, state: card.state, due: card.due, buriedUntil: card.buriedUntil };
}

export interface StudyQueueWithCards extends StudyQueue {
	/** The cards, in queue order. */
	cards: CardRecord[];
	done: DoneToday;
	settings: SrsSettings;
}

/** Ratings given since the learner's day began, split the way the daily limits count them. */
export async function doneSince(db: FactdeckDB, dayStart: number): Promise<DoneToday> {
	const done: DoneToday = { newCards: 0, reviews: 0 };
	for (const row of await reviewsSince(db, dayStart)) {
		if (row.rating === Rating.Manual) continue;
		if (row.state === State.New) done.newCards++;
		else if (row.state === State.Review) done.reviews++;
	}
	return done;
}

/**
 * The settings with today's limits in force: the saved ones plus any raise the learner asked for
 * today ("study N more new cards today"), and the learner's day. Call inside a transaction on
 * the settings table.
 */
export async function limitsInForce(
	db: FactdeckDB,
	now: Date,
	utcOffsetMinutes: number
): Promise<{ saved: SrsSettings; settings: SrsSettings; day: DayContext }> {
	const [saved, raise] = await Promise.all([
		getSrsSettings(db),
		getFlag<LimitExtension>(db, LIMIT_EXTENSION_KEY)
	]);
	const day = dayContext(utcOffsetMinutes, saved.dayStartHour);
	return { saved, settings: limitsToday(saved, extensionToday(raise, now, day)), day };
}

/**
 * Today's queue: due learning cards, then due reviews with new cards spread among them, within the
 * daily limits. Reads only index ranges, not the whole deck.
 */
export async function getStudyQueue(
	db: FactdeckDB,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<StudyQueueWithCards> {
	return ro(db, [db.cards, db.logs, db.settings], async () => {
		const { settings, day } = await limitsInForce(db, now, utcOffsetMinutes);
		const { dayStart, reviewsBefore } = queueWindow(now, day);
		const done = await doneSince(db, dayStart);
		const t = now.getTime();
		const notBuried = (c: CardRecord) => c.buriedUntil === undefined || c.buriedUntil <= t;
		const range = (queue: number, upper: number) =>
			db.cards.where('[queue+due]').between([queue, -Infinity], [queue, upper], true, false);
		const reviewRoom = Math.max(0, settings.reviewsPerDay - done.reviews);
		const newRoom = Math.max(0, settings.newPerDay - done.newCards);
		const [learning, relearning, reviews, fresh] = await Promise.all([
			range(State.Learning, Infinity).toArray(),
			range(State.Relearning, Infinity).toArray(),
			range(State.Review, reviewsBefore).filter(notBuried).limit(reviewRoom).toArray(),
			range(State.New, Infinity).filter(notBuried).limit(newRoom).toArray()
		]);
		const all = [...learning, ...relearning, ...reviews, ...fresh];
		const queue = buildQueue(all.map(toQueueCard), done, now, settings, day);
		const byId = new Map(all.map((c) => [c.id, c]));
		const cards = queue.ids.map((id) => byId.get(id)).filter((c) => c !== undefined);
		return { ...queue, cards, done, settings };
	});
}

/**
 * The log is keyed by card and instant; two entries for one card in the same millisecond (a
 * double tap, or a test with a pinned clock) are kept apart by moving the later one on by 1 ms.
 */
async function freeInstant(db: FactdeckDB, cardId: string, now: Date): Promise<Date> {
	let t = now.getTime();
	while (await hasReviewAt(db, cardId, t)) t++;
	return t === now.getTime() ? now : new Date(t);
}

export interface RatingResult {
	card: CardRecord;
	log: ReviewRow;
}

/**
 * Records a rating: the card's new schedule and its review-log row, in one transaction. A lapse
 * that reaches the leech threshold suspends the card and tags it "leech". With `shown` (the card
 * whose intervals the learner saw), a card whose schedule has changed since is not rated: a
 * StaleCardError carries it as stored.
 */
export async function rateCard(
	db: FactdeckDB,
	cardId: string,
	grade: Grade,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now),
	shown?: Schedule
): Promise<RatingResult> {
	return rw(db, [db.cards, db.logs, db.settings], async () => {
		const settings = await getSrsSettings(db);
		const card = await db.cards.get(cardId);
		if (!card) throw new NotFoundError(`Card ${cardId}`);
		if (shown && !sameSchedule(card, shown)) throw new StaleCardError(card);
		now = await freeInstant(db, cardId, now);
		const ctx = reviewContext(settings, dayContext(utcOffsetMinutes, settings.dayStartHour));
		const outcome = rate(card.id, scheduleOf(card), grade, now, ctx, settings.leechThreshold);
		const next: CardRecord = { ...card, ...outcome.schedule, updatedAt: now.getTime() };
		delete next.buriedUntil;
		if (isActive(card)) next.queue = outcome.schedule.state;
		if (outcome.leech) {
			next.queue = card.queue === QUEUE_RETIRED ? QUEUE_RETIRED : QUEUE_SUSPENDED;
			if (!next.tags.includes(LEECH_TAG)) next.tags = [...next.tags, LEECH_TAG];
		}
		await appendReview(db, outcome.log);
		await db.cards.put(next);
		return { card: next, log: outcome.log };
	});
}

/** Takes back `last`, which must be its card's newest row. Call inside a rw transaction. */
async function takeBack(db: FactdeckDB, last: ReviewRow): Promise<CardRecord> {
	const card = await db.cards.get(last.cardId);
	if (!card) throw new NotFoundError(`Card ${last.cardId}`);
	const prev = undoRating(scheduleOf(card), last);
	const next: CardRecord = { ...card, ...prev, updatedAt: Math.max(card.updatedAt, last.review) };
	if (last.leech) {
		next.tags = next.tags.filter((t) => t !== LEECH_TAG);
		if (card.queue === QUEUE_SUSPENDED) next.queue = prev.state;
	}
	if (isActive(next)) next.queue = prev.state;
	await removeReview(db, last.cardId, last.review);
	await db.cards.put(next);
	return next;
}

/**
 * Takes back the most recent rating (call again for the one before: the whole log can be walked
 * back). Returns the card as it was, to show it again, or null when there is nothing to undo.
 * Resets are not undone; the walk stops at one.
 */
export async function undoLastRating(db: FactdeckDB): Promise<CardRecord | null> {
	return rw(db, [db.cards, db.logs], async () => {
		const last = await latestReview(db);
		if (!last || last.rating === Rating.Manual) return null;
		return takeBack(db, last);
	});
}

/**
 * Takes back exactly one rating, the one a review session made (its card and review time), never
 * another tab's or device's. Returns the card as it was, or null when that rating is gone or is no
 * longer the card's newest (the card was rated again elsewhere since): then nothing changes.
 */
export async function undoReview(
	db: FactdeckDB,
	rating: { cardId: string; review: number }
): Promise<CardRecord | null> {
	return rw(db, [db.cards, db.logs], async () => {
		const rows = await logOf(db, rating.cardId);
		const last = rows[rows.length - 1];
		if (!last || last.review !== rating.review || last.rating === Rating.Manual) return null;
		return takeBack(db, last);
	});
}

/** The four buttons' outcomes for a card now, labelled ("1m", "10m", "3d", "2mo"). */
export function previewCard(
	card: CardRecord,
	settings: SrsSettings,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): IntervalPreview[] {
	const ctx = reviewContext(settings, dayContext(utcOffsetMinutes, settings.dayStartHour));
	return previewRatings(card.id, scheduleOf(card), now, ctx);
}

export async function previewIntervals(
	db: FactdeckDB,
	cardId: string,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<IntervalPreview[]> {
	const [card, settings] = await Promise.all([db.cards.get(cardId), getSrsSettings(db)]);
	if (!card) throw new NotFoundError(`Card ${cardId}`);
	return previewCard(card, settings, now, utcOffsetMinutes);
}

/** Suspends (or restores) cards: suspended cards never come up until restored. */
export async function setSuspended(
	db: FactdeckDB,
	cardIds: readonly string[],
	suspended: boolean,
	now: Date
): Promise<number> {
	return rw(db, db.cards, async () => {
		const cards = (await db.cards.bulkGet([...cardIds])).filter((c) => c !== undefined);
		const changed = cards
			.filter((c) => c.queue !== QUEUE_RETIRED)
			.filter((c) => (c.queue === QUEUE_SUSPENDED) !== suspended)
			.map((c) => ({
				...c,
				queue: suspended ? QUEUE_SUSPENDED : c.state,
				updatedAt: now.getTime()
			}));
		await db.cards.bulkPut(changed);
		return changed.length;
	});
}

/** Hides a card until the learner's next day begins. */
export async function buryCard(
	db: FactdeckDB,
	cardId: string,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<number> {
	return rw(db, [db.cards, db.settings], async () => {
		const settings = await getSrsSettings(db);
		const until = startOfNextLearnerDay(now, dayContext(utcOffsetMinutes, settings.dayStartHour));
		const n = await db.cards.update(cardId, {
			buriedUntil: until.getTime(),
			updatedAt: now.getTime()
		});
		if (n === 0) throw new NotFoundError(`Card ${cardId}`);
		return until.getTime();
	});
}

/**
 * Makes a card new again (its history stays in the log, with a row recording the reset).
 * `resetCount` also clears its review and lapse counts.
 */
export async function resetCard(
	db: FactdeckDB,
	cardId: string,
	now: Date,
	utcOffsetMinutes = localUtcOffset(now),
	resetCount = true
): Promise<CardRecord> {
	return rw(db, [db.cards, db.logs, db.settings], async () => {
		const settings = await getSrsSettings(db);
		const card = await db.cards.get(cardId);
		if (!card) throw new NotFoundError(`Card ${cardId}`);
		now = await freeInstant(db, cardId, now);
		const ctx = reviewContext(settings, dayContext(utcOffsetMinutes, settings.dayStartHour));
		const { schedule, log } = resetSchedule(card.id, scheduleOf(card), now, ctx, resetCount);
		const next: CardRecord = { ...card, ...schedule, updatedAt: now.getTime() };
		delete next.buriedUntil;
		if (isActive(card)) next.queue = State.New;
		await appendReview(db, log);
		await db.cards.put(next);
		return next;
	});
}

/** A card's review log, oldest first. */
export function reviewLogOf(db: FactdeckDB, cardId: string): Promise<ReviewRow[]> {
	return logOf(db, cardId);
}

/** The schedule the card's review log leads to (null for a card never reviewed). Reads only. */
export async function scheduleFromLog(db: FactdeckDB, cardId: string): Promise<Schedule | null> {
	return replay(cardId, await reviewLogOf(db, cardId));
}

/**
 * Rewrites the schedule of the given cards from their logs, e.g. after merging a backup from
 * another device. Joins the caller's transaction when there is one.
 */
export async function rebuildCards(db: FactdeckDB, cardIds: Iterable<string>): Promise<number> {
	return rw(db, [db.cards, db.logs], async () => {
		let changed = 0;
		for (const id of cardIds) {
			const card = await db.cards.get(id);
			if (!card) continue;
			const rows = await reviewLogOf(db, id);
			const schedule = replay(id, rows) ?? scheduleOf(card);
			const next: CardRecord = { ...card, ...schedule };
			if (isActive(card)) next.queue = schedule.state;
			await db.cards.put(next);
			changed++;
		}
		return changed;
	});
}
