import { describe, expect, it } from 'vitest';
import { itGives } from '$lib/testing/cases';
import { dayContext, startOfLearnerDay, startOfNextLearnerDay } from './day';
import {
	formatInterval,
	newSchedule,
	previewRatings,
	rate,
	Rating,
	replay,
	resetSchedule,
	retrievability,
	reviewContext,
	SchedulingError,
	State,
	undoRating,
	type Grade,
	type ReviewRecord,
	type Schedule
} from './scheduler';
import { default_w as DEFAULT_W } from 'ts-fsrs';
import { DEFAULT_SRS_SETTINGS, normaliseSrsSettings, type SrsSettings } from './settings';

const PARIS = dayContext(60, 4);
const T0 = new Date('2026-03-02T09:00:00Z');
const DAY = 86_400_000;
const settings = (patch: Partial<SrsSettings> = {}) => ({ ...DEFAULT_SRS_SETTINGS, ...patch });
const ctx = (patch: Partial<SrsSettings> = {}, day = PARIS) => reviewContext(settings(patch), day);

/** Rates a card through a list of grades, each when the card falls due. */
function run(id: string, grades: Grade[], c = ctx(), start = T0) {
	let schedule = newSchedule(start);
	let now = start;
	const logs: ReviewRecord[] = [];
	const days: number[] = [];
	for (const g of grades) {
		const out = rate(id, schedule, g, now, c);
		logs.push(out.log);
		schedule = out.schedule;
		days.push(Math.round((schedule.due - now.getTime()) / 60_000) / (24 * 60));
		now = new Date(schedule.due);
	}
	return { schedule, logs, days };
}

describe('learner day', () => {
	it('starts at 04:00 local time, whatever the UTC date', () => {
		expect(startOfLearnerDay(new Date('2026-01-12T02:59:00Z'), PARIS).toISOString()).toBe(
			'2026-01-11T03:00:00.000Z'
		);
		expect(startOfLearnerDay(new Date('2026-01-12T03:00:00Z'), PARIS).toISOString()).toBe(
			'2026-01-12T03:00:00.000Z'
		);
		const newYork = dayContext(-300, 4);
		expect(startOfNextLearnerDay(new Date('2026-01-12T08:00:00Z'), newYork).toISOString()).toBe(
			'2026-01-12T09:00:00.000Z'
		);
	});

	it('counts elapsed days in learner days, not UTC days', () => {
		/** The elapsed days a Good at `second` counts after an Easy at `first`, for a learner in `day`. */
		const elapsed = (day: ReturnType<typeof dayContext>, first: string, second: string) => {
			const a = rate('x', newSchedule(0), Rating.Easy, new Date(first), ctx({}, day));
			return rate('x', a.schedule, Rating.Good, new Date(second), ctx({}, day)).log.elapsedDays;
		};
		// 08:00 and 10:00 in Tokyo: the same learner day, although UTC changed date in between.
		const tokyo = dayContext(540, 4);
		expect(elapsed(tokyo, '2026-03-01T23:00:00Z', '2026-03-02T01:00:00Z')).toBe(0);
		// The same first instant for a learner in London, then 05:00: one learner day later.
		const london = dayContext(0, 4);
		expect(elapsed(london, '2026-03-01T23:00:00Z', '2026-03-02T05:00:00Z')).toBe(1);
	});
});

describe('scheduling', () => {
	it('uses learning steps of 1m and 10m, relearning of 10m', () => {
		const labels = previewRatings('card-1', newSchedule(T0), T0, ctx()).map((p) => p.label);
		expect(labels.slice(0, 3)).toEqual(['1m', '6m', '10m']);
		const { schedule } = run('card-1', [Rating.Easy, Rating.Again]);
		expect(schedule.state).toBe(State.Relearning);
		expect(schedule.due - (schedule.lastReview ?? 0)).toBe(10 * 60_000);
	});

	it('gives exact intervals for pinned dates (no fuzz)', () => {
		const { days, schedule } = run(
			'card-1',
			[Rating.Good, Rating.Good, Rating.Good, Rating.Good, Rating.Again, Rating.Good],
			ctx({ fuzz: false })
		);
		expect(days).toEqual([10 / 1440, 2, 11, 46, 10 / 1440, 3]);
		expect(schedule).toMatchObject({ reps: 6, lapses: 1, state: State.Review });
		expect(schedule.stability).toBeCloseTo(2.93384526, 8);
	});

	it('fuzzes deterministically by card id and time', () => {
		const grades: Grade[] = [Rating.Good, Rating.Good, Rating.Good, Rating.Good];
		const a1 = run('card-a', grades).days;
		const a2 = run('card-a', grades).days;
		expect(a1).toEqual(a2);
		expect(a1).toEqual([10 / 1440, 2, 11, 49]);
		// From one and the same state, the ids spread over ts-fsrs's fuzz range around the interval.
		const base = run(
			'base',
			[Rating.Good, Rating.Good, Rating.Good],
			ctx({ fuzz: false })
		).schedule;
		const at = new Date(base.due);
		const interval = (id: string, c = ctx()) =>
			(rate(id, base, Rating.Good, at, c).schedule.due - base.due) / DAY;
		const plain = interval('any', ctx({ fuzz: false }));
		expect(plain).toBe(46);
		const spread = new Set(['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'].map((id) => interval(id)));
		expect(spread.size).toBeGreaterThan(2);
		for (const d of spread) expect(Math.abs(d - plain)).toBeLessThanOrEqual(5);
	});

	it('honours the desired retention and the maximum interval', () => {
		const grades: Grade[] = [Rating.Easy, Rating.Easy, Rating.Easy, Rating.Easy];
		const high = run('c', grades, ctx({ desiredRetention: 0.97, fuzz: false })).days;
		const low = run('c', grades, ctx({ desiredRetention: 0.8, fuzz: false })).days;
		expect(high[3]!).toBeLessThan(low[3]!);
		// Easy after a capped Good would step past the cap; it stays at 30.
		const capped = run('c', grades, ctx({ maximumInterval: 30 })).days;
		expect(Math.max(...capped)).toBe(30);
		expect(capped.slice(2)).toEqual([30, 30]);
	});

	it('takes back ratings exactly (rollback), and replay of the log equals the card', () => {
		const grades: Grade[] = [3, 3, 1, 2, 4, 3, 1, 1, 3, 3, 4];
		const seen: Schedule[] = [];
		let schedule = newSchedule(T0);
		let now = T0;
		const logs: ReviewRecord[] = [];
		for (const g of grades) {
			seen.push(schedule);
			const out = rate('card-u', schedule, g, now, ctx());
			logs.push(out.log);
			schedule = out.schedule;
			now = new Date(Math.max(schedule.due, now.getTime() + 3_600_000));
		}
		expect(replay('card-u', logs)).toEqual(schedule);
		for (let i = logs.length - 1; i >= 0; i--) {
			schedule = undoRating(schedule, logs[i]!);
			expect(schedule).toEqual(seen[i]);
		}
	});

	it('replays across a clock change with the offset each review was made under', () => {
		// Paris: winter UTC+1, then summer UTC+2 from 29 March 2026.
		const winter = ctx({}, dayContext(60, 4));
		const summer = ctx({}, dayContext(120, 4));
		const a = rate('dst', newSchedule(0), Rating.Easy, new Date('2026-03-27T03:30:00Z'), winter);
		// 02:30 UTC is 04:30 summer time, a new learner day; under winter time it would be 03:30, not yet.
		const b = rate('dst', a.schedule, Rating.Good, new Date('2026-03-30T02:30:00Z'), summer);
		expect(b.log.shift).toBe(-120);
		expect(replay('dst', [a.log, b.log])).toEqual(b.schedule);
		const allWinter = rate(
			'dst',
			a.schedule,
			Rating.Good,
			new Date('2026-03-30T02:30:00Z'),
			winter
		);
		expect(allWinter.log.elapsedDays).toBe(b.log.elapsedDays - 1);
	});

	it('replays a reset and refuses to undo one', () => {
		const { schedule, logs } = run('card-r', [Rating.Good, Rating.Good, Rating.Good]);
		const reset = resetSchedule('card-r', schedule, new Date(schedule.due), ctx());
		expect(reset.schedule).toMatchObject({
			state: State.New,
			reps: 0,
			lapses: 0,
			lastReview: null
		});
		expect(replay('card-r', [...logs, reset.log])).toEqual(reset.schedule);
		expect(() => undoRating(reset.schedule, reset.log)).toThrow(SchedulingError);
	});

	it('undoes a rating after a reset that kept the counts, lapses included', () => {
		const { schedule } = run('card-k', [Rating.Easy, Rating.Again]);
		expect(schedule.lapses).toBe(1);
		const kept = resetSchedule('card-k', schedule, new Date(schedule.due), ctx(), false);
		expect(kept.schedule).toMatchObject({ state: State.New, reps: 2, lapses: 1 });
		const again = rate('card-k', kept.schedule, Rating.Good, new Date(schedule.due + DAY), ctx());
		expect(undoRating(again.schedule, again.log)).toEqual(kept.schedule);
	});

	it('flags a leech when a lapse reaches the threshold', () => {
		let schedule: Schedule = { ...run('l', [Rating.Easy]).schedule, lapses: 7 };
		const now = new Date(schedule.due);
		expect(rate('l', schedule, Rating.Good, now, ctx(), 8).leech).toBe(false);
		const lapse = rate('l', schedule, Rating.Again, now, ctx(), 8);
		expect(lapse.leech).toBe(true);
		expect(lapse.log.leech).toBe(true);
		schedule = { ...schedule, lapses: 3 };
		expect(rate('l', schedule, Rating.Again, now, ctx(), 8).leech).toBe(false);
	});

	it('refuses a rating outside 1 to 4', () => {
		expect(() => rate('x', newSchedule(T0), 0 as Grade, T0, ctx())).toThrow(/1 \(Again\) to 4/);
		expect(() => rate('x', newSchedule(T0), 5 as Grade, T0, ctx())).toThrow(SchedulingError);
	});

	it('estimates recall: 90% after one stability, less later, 0 for new cards', () => {
		const { schedule } = run('r', [Rating.Good, Rating.Good]);
		const last = schedule.lastReview!;
		expect(retrievability(newSchedule(T0), T0)).toBe(0);
		expect(retrievability(schedule, new Date(last + schedule.stability * DAY))).toBeCloseTo(0.9, 6);
		expect(retrievability(schedule, new Date(last + 30 * DAY))).toBeLessThan(0.9);
		expect(retrievability(schedule, new Date(last))).toBe(1);
	});
});

describe('labels and settings', () => {
	itGives(formatInterval, [
		[0, '1m'],
		[60_000, '1m'],
		[600_000, '10m'],
		[3 * 3_600_000, '3h'],
		[3 * DAY, '3d'],
		[45 * DAY, '1.5mo'],
		[60 * DAY, '2mo'],
		[400 * DAY, '1.1y'],
		[3650 * DAY, '10y']
	]);

	it('fills in and clamps settings', () => {
		expect(normaliseSrsSettings(undefined)).toEqual(DEFAULT_SRS_SETTINGS);
		expect(
			normaliseSrsSettings({ desiredRetention: 2, newPerDay: -4, dayStartHour: 3.6, fuzz: false })
		).toMatchObject({ desiredRetention: 0.99, newPerDay: 0, dayStartHour: 4, fuzz: false });
		expect(normaliseSrsSettings({ maximumInterval: Number.NaN }).maximumInterval).toBe(36500);
	});
});

describe('personal parameters', () => {
	const personal = [...DEFAULT_W];
	// Much steadier first memories: a first Easy lasts 60 days instead of about 8.
	personal[3] = 60;

	it('are kept by the settings when whole and finite, dropped otherwise', () => {
		expect(normaliseSrsSettings({ weights: personal }).weights).toEqual(personal);
		expect(normaliseSrsSettings({ weights: personal.slice(1) }).weights).toBeUndefined();
		expect(normaliseSrsSettings({ weights: [...personal.slice(1), NaN] }).weights).toBeUndefined();
		expect(normaliseSrsSettings({}).weights).toBeUndefined();
	});

	it('schedule with the stored parameters, and the defaults without them', () => {
		const withDefaults = rate('p-1', newSchedule(T0), Rating.Easy, T0, ctx({ fuzz: false }));
		const withPersonal = rate(
			'p-1',
			newSchedule(T0),
			Rating.Easy,
			T0,
			ctx({ fuzz: false, weights: personal })
		);
		expect(withDefaults.schedule.stability).toBeCloseTo(DEFAULT_W[3]!, 3);
		expect(withPersonal.schedule.stability).toBeCloseTo(60, 3);
		expect(withPersonal.schedule.scheduledDays).toBeGreaterThan(
			withDefaults.schedule.scheduledDays * 3
		);
		// The row carries the parameters that scheduled it (and only then), so a replay of the log
		// gives the same card.
		expect(withPersonal.log.weights).toEqual(personal);
		expect('weights' in withDefaults.log).toBe(false);
		expect(replay('p-1', [withPersonal.log])).toEqual(withPersonal.schedule);
		expect(replay('p-1', [{ ...withPersonal.log, weights: undefined }])).toEqual(
			withDefaults.schedule
		);
	});
});
