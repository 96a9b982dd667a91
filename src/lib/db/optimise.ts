/**
 * The review log as the schedule optimiser reads it: each card's rows (rating, time and day shift
 * only), and how many ratings the log holds.
 */
import type { LogRow } from '$lib/decks/optimise';
import type { FactdeckDB } from './database';

/** Every card's log rows, reduced to what the optimiser needs. */
export async function optimiserLog(db: FactdeckDB): Promise<LogRow[][]> {
	const logs = await db.logs.toArray();
	return logs.map((log) =>
		log.rows.map((r) => ({ rating: r.rating, review: r.review, shift: r.shift }))
	);
}

/** How many ratings (not resets) the whole log holds. */
export async function ratingCount(db: FactdeckDB): Promise<number> {
	let n = 0;
	await db.logs.each((log) => {
		for (const r of log.rows) if (r.rating !== 0) n++;
	});
	return n;
}
