/**
 * The review log as the schedule optimiser reads it: each card's rows (rating, time and day shift
 * only), and how much of it the optimiser can learn from.
 */
import { histories, readiness, type LogRow, type Readiness } from '$lib/decks/optimise';
import type { FactdeckDB } from './database';

/** Every card's log rows, reduced to what the optimiser needs. */
export async function optimiserLog(db: FactdeckDB): Promise<LogRow[][]> {
	const logs = await db.logs.toArray();
	return logs.map((log) =>
		log.rows.map((r) => ({ rating: r.rating, review: r.review, shift: r.shift }))
	);
}

/** How much of the log the optimiser can learn from (see OPTIMISE_NEEDS). */
export async function optimiseReadiness(db: FactdeckDB): Promise<Readiness> {
	return readiness(histories(await optimiserLog(db)));
}
