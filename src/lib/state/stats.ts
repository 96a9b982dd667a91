/** The Stats screen's data: every card, the review log and the settings, kept up to date. */
import type { StatsData } from '$lib/db/stats';
import { liveAppQuery } from './app-database.svelte';

export type { StatsData };

export function liveStatsData() {
	return liveAppQuery(async () => (await import('$lib/db/stats')).statsData);
}
