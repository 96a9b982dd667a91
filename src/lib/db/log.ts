/**
 * The review log, kept one record per card (see LogRecord). Every read and write of the log goes
 * through here; the callers own the transaction.
 *
 * These return Dexie's own promises (chained with then, never async functions): a live query or
 * a transaction keeps track of its context only across Dexie promises.
 */
import type { FactdeckDB } from './database';
import type { LogRecord, ReviewRow } from './records';

function byTime(a: ReviewRow, b: ReviewRow): number {
	return a.review - b.review;
}

function sameWeights(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((w, i) => w === b[i]);
}

/**
 * The row with its FSRS parameters (if any) sharing one array with an earlier row of the same
 * log that has the same ones: a stored record keeps a shared array once, so a card's log holds
 * each parameter set it was scheduled with once, however many rows it scheduled.
 */
function sharingWeights(row: ReviewRow, earlier: readonly ReviewRow[]): ReviewRow {
	const weights = row.weights;
	if (!weights) return row;
	const same = earlier.find((r) => r.weights && sameWeights(r.weights, weights))?.weights;
	return { ...row, weights: same ?? [...weights] };
}

/**
 * A log whose rows share one array per parameter set, as appendReview keeps them: for logs built
 * from rows read elsewhere (a restore, a merge after sync), where each row has its own copy.
 */
export function withSharedWeights(log: LogRecord): LogRecord {
	if (!log.rows.some((r) => r.weights)) return log;
	const rows: ReviewRow[] = [];
	for (const row of log.rows) rows.push(sharingWeights(row, rows));
	return { ...log, rows };
}

/** Appends a row to its card's log. Resolves false (and writes nothing) if that instant is taken. */
export function appendReview(db: FactdeckDB, row: ReviewRow): Promise<boolean> {
	return db.logs.get(row.cardId).then((log) => {
		if (!log) {
			const first = sharingWeights(row, []);
			return db.logs.add({ cardId: row.cardId, last: row.review, rows: [first] }).then(() => true);
		}
		if (log.rows.some((r) => r.review === row.review)) return false;
		const rows = [...log.rows, sharingWeights(row, log.rows)].sort(byTime);
		return db.logs
			.put({ cardId: row.cardId, last: rows[rows.length - 1]!.review, rows })
			.then(() => true);
	});
}

/** Whether the card already has a row at this instant. */
export function hasReviewAt(db: FactdeckDB, cardId: string, review: number): Promise<boolean> {
	return db.logs.get(cardId).then((log) => log?.rows.some((r) => r.review === review) ?? false);
}

/** Takes one row out of its card's log (undo). */
export function removeReview(db: FactdeckDB, cardId: string, review: number): Promise<void> {
	return db.logs.get(cardId).then((log): Promise<void> | undefined => {
		if (!log) return undefined;
		const rows = log.rows.filter((r) => r.review !== review);
		if (rows.length === 0) return db.logs.delete(cardId);
		return db.logs.put({ cardId, last: rows[rows.length - 1]!.review, rows }).then(() => undefined);
	});
}

/** The newest row of the whole log. */
export function latestReview(db: FactdeckDB): Promise<ReviewRow | undefined> {
	return db.logs
		.orderBy('last')
		.last()
		.then((log) => log?.rows[log.rows.length - 1]);
}

/** Every row at or after `since`, oldest first. Reads only the logs of cards reviewed since. */
export function reviewsSince(db: FactdeckDB, since: number): Promise<ReviewRow[]> {
	return db.logs
		.where('last')
		.aboveOrEqual(since)
		.toArray()
		.then((logs) => logs.flatMap((log) => log.rows.filter((r) => r.review >= since)).sort(byTime));
}

/** A card's rows, oldest first. */
export function logOf(db: FactdeckDB, cardId: string): Promise<ReviewRow[]> {
	return db.logs.get(cardId).then((log) => log?.rows ?? []);
}

/** Every row of every card. */
export function allReviews(db: FactdeckDB): Promise<ReviewRow[]> {
	return db.logs.toArray().then((logs: LogRecord[]) => logs.flatMap((log) => log.rows));
}

/** How many rows the whole log holds. */
export function countReviews(db: FactdeckDB): Promise<number> {
	let n = 0;
	return db.logs
		.each((log) => {
			n += log.rows.length;
		})
		.then(() => n);
}
