/**
 * Lays review counts out as a calendar: one column per week (Monday at the top), one row per
 * weekday. Pure: days are learner day numbers (see learnerDayNumber), so a day number times
 * DAY_MS is UTC midnight of that day's local calendar date.
 */
import { DAY_MS } from '$lib/srs';

export interface HeatCell {
	day: number;
	reviews: number;
	/** 0 (none) to 4 (busiest), relative to the busiest day shown. */
	level: number;
	/** 0 = Monday ... 6 = Sunday. */
	row: number;
	col: number;
}

export interface HeatGrid {
	cells: HeatCell[];
	weeks: number;
	max: number;
	total: number;
	/** Days with at least one review. */
	activeDays: number;
	/** Columns where a new month starts, for labels along the top. */
	months: { col: number; month: number }[];
}

/** Monday = 0 ... Sunday = 6, for a learner day number. */
export function weekdayRow(day: number): number {
	return (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
}

/** How many days to show so the grid has `weeks` columns and ends with today. */
export function heatmapSpan(today: number, weeks = 13): number {
	return 7 * (weeks - 1) + weekdayRow(today) + 1;
}

/** Intensity step 0-4 for a count, relative to the busiest day. */
export function heatLevel(reviews: number, max: number): number {
	if (reviews <= 0 || max <= 0) return 0;
	return Math.min(4, Math.max(1, Math.ceil((4 * reviews) / max)));
}

export function heatmapGrid(days: readonly { day: number; reviews: number }[]): HeatGrid {
	const first = days[0];
	const offset = first ? weekdayRow(first.day) : 0;
	let max = 0;
	let total = 0;
	let activeDays = 0;
	for (const d of days) {
		max = Math.max(max, d.reviews);
		total += d.reviews;
		if (d.reviews > 0) activeDays++;
	}
	const months: { col: number; month: number }[] = [];
	const cells = days.map((d, i) => {
		const row = weekdayRow(d.day);
		const col = Math.floor((i + offset) / 7);
		const date = new Date(d.day * DAY_MS);
		const month = date.getUTCMonth();
		const last = months[months.length - 1];
		if ((i === 0 || date.getUTCDate() === 1) && last?.col !== col) months.push({ col, month });
		return { day: d.day, reviews: d.reviews, level: heatLevel(d.reviews, max), row, col };
	});
	const weeks = days.length ? Math.floor((days.length - 1 + offset) / 7) + 1 : 0;
	return { cells, weeks, max, total, activeDays, months };
}

/** "Thu 26 Nov" for a learner day number, in the reader's language. */
export function dayLabel(day: number, locale?: string): string {
	return new Date(day * DAY_MS).toLocaleDateString(locale, {
		timeZone: 'UTC',
		weekday: 'short',
		day: 'numeric',
		month: 'short'
	});
}

/** "Nov" for a month index, in the reader's language. */
export function monthLabel(month: number, locale?: string): string {
	return new Date(Date.UTC(2026, month, 15)).toLocaleDateString(locale, {
		timeZone: 'UTC',
		month: 'short'
	});
}
