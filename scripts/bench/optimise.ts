/**
 * FSRS optimiser bench: fits parameters to 5,000 simulated reviews with fsrs-browser (the FSRS
 * optimiser compiled to WebAssembly, one thread), through the same `optimise` the app runs, and
 * reports the median fitting time over 3 runs with the fit before and after, beside a baseline of
 * 500 reviews measured in the same run. Target: <= 10 s for 5,000.
 * Measured in Node's WebAssembly engine (V8, as in Chromium). Run: `npm run bench -- optimise`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DEFAULT_WEIGHTS, optimise, type History } from '../../src/lib/decks/optimise';

const REVIEWS = 5000;
/** Measured in the same run, so the figure for 5,000 reads against the machine's load. */
const BASELINE_REVIEWS = 500;
const TARGET_MS = 10_000;

function simulate(reviews: number, seed: number): History[] {
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
		for (let i = 0; i < 9 && total < reviews; i++) {
			const t = Math.max(1, Math.round(stability * (1 + rnd())));
			const ok = rnd() < Math.pow(1 + t / (9 * stability), -1);
			h.ratings.push(ok ? (rnd() < 0.1 ? 4 : rnd() < 0.1 ? 2 : 3) : 1);
			h.deltas.push(t);
			total++;
			stability = ok ? stability * (1.8 + rnd()) : Math.max(0.3, stability * 0.4);
		}
		out.push(h);
	}
	return out;
}

(globalThis as { self?: unknown }).self ??= new EventTarget();
const mod = await import('fsrs-browser');
const wasm = createRequire(import.meta.url).resolve('fsrs-browser/fsrs_browser_bg.wasm');
mod.initSync({ module: readFileSync(wasm) });
const { log, info } = console;
/** Runs `fn` with the optimiser's per-epoch printing silenced. */
function quietly<T>(fn: () => T): T {
	console.log = console.info = () => {};
	try {
		return fn();
	} finally {
		console.log = log;
		console.info = info;
	}
}
/** Median fitting time of three runs on `reviews` simulated reviews, and the last run's fit. */
function measure(reviews: number) {
	const times: number[] = [];
	let last;
	for (let run = 0; run < 3; run++) {
		const list = simulate(reviews, 7 + run);
		last = quietly(() => optimise(new mod.Fsrs(), list, DEFAULT_WEIGHTS, () => performance.now()));
		times.push(last.trainMs);
	}
	times.sort((a, b) => a - b);
	return { median: times[1]!, times, last: last! };
}
// One fit first, so neither size pays for compiling the WebAssembly.
quietly(() => optimise(new mod.Fsrs(), simulate(BASELINE_REVIEWS, 1), DEFAULT_WEIGHTS, () => 0));
const baseline = measure(BASELINE_REVIEWS);
const full = measure(REVIEWS);
const median = full.median;
console.table(
	Object.fromEntries(
		[baseline, full].map(({ median, times, last }) => [
			`${last.reviews} reviews`,
			{
				'fit median (ms)': Math.round(median),
				'runs (ms)': times.map(Math.round).join(', '),
				'log loss before': last.before.logLoss.toFixed(4),
				'log loss after': last.after.logLoss.toFixed(4),
				'RMSE before': last.before.rmse.toFixed(4),
				'RMSE after': last.after.rmse.toFixed(4)
			}
		])
	)
);
console.log(
	JSON.stringify({
		bench: 'optimise',
		reviews: REVIEWS,
		medianMs: Math.round(median),
		baselineReviews: BASELINE_REVIEWS,
		baselineMedianMs: Math.round(baseline.median),
		ratio: Math.round((median / baseline.median) * 100) / 100,
		targetMs: TARGET_MS
	})
);
process.exit(median <= TARGET_MS ? 0 : 1);
