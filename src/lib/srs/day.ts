/**
 * The learner's day. ts-fsrs counts days in UTC; a learner's day runs from `dayStartHour` local time
 * to the same hour the next day. Shifting every instant by (UTC offset - day start) maps the start of
 * the learner's day onto UTC midnight, so ts-fsrs's day arithmetic then counts learner days.
 *
 * Nothing here reads the clock or the machine's time zone: callers pass both.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Where the learner is in time: their UTC offset at `now` and the hour their day starts. */
export interface DayContext {
	/** Minutes east of UTC (Paris in winter: 60; New York in winter: -300). */
	utcOffsetMinutes: number;
	/** 0 to 23. */
	dayStartHour: number;
}

/**
 * The UTC offset in minutes east of UTC that the running environment uses at `date`.
 * The only bridge to the host time zone; callers at the edge use it to build a DayContext.
 * @example dayContext(localUtcOffset(now), settings.dayStartHour)
 */
export function localUtcOffset(date: Date): number {
	return -date.getTimezoneOffset();
}

export function dayContext(utcOffsetMinutes: number, dayStartHour: number): DayContext {
	return { utcOffsetMinutes, dayStartHour };
}

/** Milliseconds added to an instant so that learner-day boundaries fall on UTC midnight. */
export function dayShiftMs(ctx: DayContext): number {
	return (ctx.utcOffsetMinutes - ctx.dayStartHour * 60) * MINUTE_MS;
}

/** The instant the learner's current day began. */
export function startOfLearnerDay(now: Date, ctx: DayContext): Date {
	const shift = dayShiftMs(ctx);
	const shifted = now.getTime() + shift;
	const midnight = shifted - (((shifted % DAY_MS) + DAY_MS) % DAY_MS);
	return new Date(midnight - shift);
}

/** The instant the learner's next day begins ("tomorrow" for burying and for due reviews). */
export function startOfNextLearnerDay(now: Date, ctx: DayContext): Date {
	return new Date(startOfLearnerDay(now, ctx).getTime() + DAY_MS);
}

/** A number that names the learner day containing `instant`; consecutive days differ by 1. */
export function learnerDayNumber(instant: Date, ctx: DayContext): number {
	return Math.floor((instant.getTime() + dayShiftMs(ctx)) / DAY_MS);
}
