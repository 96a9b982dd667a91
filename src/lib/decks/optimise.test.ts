import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_WEIGHTS,
	fitOf,
	histories,
	optimise,
	OPTIMISE_NEEDS,
	readiness,
	trainingItems,
	type FsrsTrainer,
	type History
} from './optimise';

const DAY = 86_400_000;

/** A seeded learner who forgets faster than FSRS's defaults expect. */
function simulate(reviews: number, seed = 7): History[] {
	let s = seed;
	const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
	const out: History[] = [];
	let total = 0;
	while (total < reviews) {
		const h: History = { ratings: [], deltas: [] };
		let stability = rnd() < 0.3 ? 0.3 : 1.5;
		h.ratings.push(stability < 1 ? 1 : 3);
		h.deltas.push(0);
		total++;
		for (let i = 0; i < 7 && total < reviews; i++) {
			const t = Math.max(1, Math.round(stability * (1 + rnd())));
			const recall = Math.pow(1 + t / (9 * stability), -1);
			const ok = rnd() < recall;
			h.ratings.push(ok ? (rnd() < 0.1 ? 4 : 3) : 1);
			h.deltas.push(t);
			total++;
			stability = ok ? stability * (1.8 + rnd()) : Math.max(0.3, stability * 0.4);
		}
		out.push(h);
	}
	return out;
}

/**
 * A seeded learner as the app records one: `cards` cards started over the first half of `days`,
 * each first rating followed by a same-day learning step, then reviewed when due (a stability's
 * worth of days later), with a same-day relearning step after each lapse.
 */
function learner(cards: number, days: number, seed: number): History[] {
	let s = seed;
	const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
	const out: History[] = [];
	for (let c = 0; c < cards; c++) {
		let day = Math.floor(rnd() * Math.max(1, days / 2));
		let stability = rnd() < 0.3 ? 0.3 : 1.5;
		const h: History = { ratings: [stability < 1 ? 1 : 3, 3], deltas: [0, 0] };
		for (;;) {
			const t = Math.max(1, Math.round(stability * (0.8 + 0.4 * rnd())));
			if (day + t >= days) break;
			day += t;
			const ok = rnd() < Math.pow(1 + t / (9 * stability), -1);
			h.ratings.push(ok ? (rnd() < 0.1 ? 4 : 3) : 1);
			h.deltas.push(t);
			if (!ok) {
				h.ratings.push(3);
				h.deltas.push(0);
			}
			stability = ok ? stability * (1.8 + rnd()) : Math.max(0.3, stability * 0.4);
		}
		out.push(h);
	}
	return out;
}

/** Which of the fitted parameters differ from the standard ones. */
function moved(weights: readonly number[]): number[] {
	return weights.flatMap((w, i) => (Math.abs(w - DEFAULT_WEIGHTS[i]!) > 1e-3 ? [i] : []));
}

let trainer: () => FsrsTrainer;
beforeAll(async () => {
	// The package's thread-pool helper expects a worker global; one thread needs nothing from it.
	(globalThis as { self?: unknown }).self ??= new EventTarget();
	const mod = await import('fsrs-browser');
	const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
	mod.initSync({ module: readFileSync(wasm) });
	trainer = () => new mod.Fsrs();
});

describe('review log to optimiser input', () => {
	it('counts learner days between reviews and starts again after a reset', () => {
		const shift = -240;
		const at = (day: number, hour: number) => day * DAY + hour * 3_600_000;
		const list = histories([
			[
				{ rating: 3, review: at(100, 10), shift },
				{ rating: 0, review: at(100, 11), shift },
				{ rating: 1, review: at(101, 10), shift },
				{ rating: 3, review: at(101, 10.2), shift },
				// 02:00 counts as the day before when the day starts at 04:00.
				{ rating: 3, review: at(104, 2), shift }
			]
		]);
		expect(list).toEqual([{ ratings: [1, 3, 3], deltas: [0, 0, 2] }]);
		// Only the prefix that ends on a later day is an item: [1, 3] is one learning day.
		const items = trainingItems(list);
		expect(Array.from(items.lengths)).toEqual([3]);
		expect(Array.from(items.ratings)).toEqual([1, 3, 3]);
		expect(Array.from(items.deltas)).toEqual([0, 0, 2]);
		expect(readiness(list)).toEqual({ laterDayReviews: 1, cards: 1, ready: false });
	});
});

describe('what history the optimiser needs', () => {
	it('learns from a history with same-day learning steps (items of one day would stop it)', () => {
		const list = learner(60, 30, 99);
		expect(list.every((h) => h.deltas[1] === 0)).toBe(true);
		const result = optimise(trainer(), list, DEFAULT_WEIGHTS, () => 0);
		expect(moved(result.weights).length).toBeGreaterThan(10);
	}, 60_000);

	it('keeps the standard parameters for 20 cards, however many reviews they have', () => {
		// 20 cards reviewed 23 times each, a day or more apart: 440 such reviews.
		const list: History[] = Array.from({ length: 20 }, (_, c) => ({
			ratings: Array.from({ length: 23 }, (_, k) => (k > 0 && (c + k) % 4 === 0 ? 1 : 3)),
			deltas: Array.from({ length: 23 }, (_, k) => (k === 0 ? 0 : 1 + ((k * 5 + c) % 13)))
		}));
		expect(readiness(list)).toEqual({ laterDayReviews: 440, cards: 20, ready: false });
		expect(moved(optimise(trainer(), list, DEFAULT_WEIGHTS, () => 0).weights)).toEqual([]);
		// Too few cards: the same 24-card learner over a month still gets the standard parameters.
		const few = learner(24, 30, 7);
		expect(readiness(few).ready).toBe(false);
		expect(moved(optimise(trainer(), few, DEFAULT_WEIGHTS, () => 0).weights)).toEqual([]);
	}, 60_000);

	it('moves off the standard parameters once the history reaches what the panel asks', () => {
		for (const seed of [7, 99, 4242]) {
			// The fewest days of study that reach it, for 40 and for 60 cards.
			for (const cards of [OPTIMISE_NEEDS.cards, OPTIMISE_NEEDS.cards + 20]) {
				let days = 10;
				while (!readiness(learner(cards, days, seed)).ready) days++;
				const list = learner(cards, days, seed);
				expect(readiness(list).laterDayReviews).toBeLessThan(OPTIMISE_NEEDS.laterDayReviews + 20);
				// Not only the first four (the stability after a first rating), but the rest too.
				const changed = moved(optimise(trainer(), list, DEFAULT_WEIGHTS, () => 0).weights);
				expect(
					changed.filter((i) => i >= 4).length,
					`${cards} cards, ${days} days`
				).toBeGreaterThan(8);
			}
		}
	}, 60_000);
});

describe('optimising with the FSRS optimiser (WebAssembly)', () => {
	it('fits this learner better than the defaults, measured on their own history', () => {
		const list = simulate(5000);
		const result = optimise(trainer(), list, DEFAULT_WEIGHTS, () => performance.now());
		expect(result.reviews).toBe(5000);
		expect(result.weights).toHaveLength(DEFAULT_WEIGHTS.length);
		expect(result.after.logLoss).toBeLessThan(result.before.logLoss);
		expect(result.better).toBe(true);
		expect(result.after).toEqual(fitOf(result.weights, list));
	}, 120_000);

	it('reports no improvement when the parameters in use already came from this history', () => {
		const list = simulate(3000, 11);
		const first = optimise(trainer(), list, DEFAULT_WEIGHTS, () => 0);
		const again = optimise(trainer(), list, first.weights, () => 0);
		expect(again.before.logLoss).toBeCloseTo(first.after.logLoss, 10);
		expect(Math.abs(again.after.logLoss - again.before.logLoss)).toBeLessThan(0.01);
	}, 120_000);
});
