import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	DEFAULT_WEIGHTS,
	fitOf,
	histories,
	optimise,
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
		const items = trainingItems(list);
		expect(Array.from(items.lengths)).toEqual([2, 3]);
		expect(Array.from(items.ratings)).toEqual([1, 3, 1, 3, 3]);
		expect(Array.from(items.deltas)).toEqual([0, 0, 0, 0, 2]);
	});
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
