/** The Today screen: what is due now and later today, kept in step with the database. */
import type { TodaySummary } from '$lib/db/today';
import { liveAppQuery } from './app-database.svelte';

export type { TodaySummary };

/** Today's summary, read again whenever the cards or the log change. */
export function liveToday() {
	return liveAppQuery(async () => {
		const { todaySummary } = await import('$lib/db/today');
		return (db) => todaySummary(db, new Date());
	});
}
