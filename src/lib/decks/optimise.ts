/**
 * Personal scheduling parameters: turns the review log into the training items the FSRS optimiser
 * reads, and measures how well a parameter set predicts the learner's own answers (log loss and
 * RMSE of the predicted recall against what happened), so new parameters are applied only when
 * they fit the history better than the ones in use. Pure.
 */
import { default_w, FSRSAlgorithm, generatorParameters, type FSRSState } from 'ts-fsrs';
import { validWeights } from '$lib/srs/settings';

export { validWeights };

/**
 * The history the optimiser needs before it moves off the standard parameters, found by running it
 * (see optimise.test.ts): it learns only from reviews made a learner day or more after the card's
 * previous one, returns the standard parameters unchanged until about 30 cards have such a review,
 * and fits only the first four (the stability after a first rating) until about 200 such reviews.
 * These thresholds leave a margin above both.
 */
export const OPTIMISE_NEEDS = Object.freeze({ laterDayReviews: 250, cards: 40 });

/** The FSRS default parameters this app schedules with until the learner optimises. */
export const DEFAULT_WEIGHTS: readonly number[] = default_w;

const DAY_MS = 86_400_000;

/** What the optimiser needs of one log row. */
export interface LogRow {
	/** 1 to 4 for a rating, 0 for a reset (history before it is a different card's). */
	rating: number;
	/** Epoch ms. */
	review: number;
	/** Minutes added to instants so learner days line up with UTC days. */
	shift: number;
}

/** One card's history, in learner days: ratings and the days since the previous review. */
export interface History {
	ratings: number[];
	deltas: number[];
}

/**
 * Each card's reviews since its last reset, oldest first, with the learner days between them (0
 * for the first review and for reviews on the same day).
 */
export function histories(logs: Iterable<readonly LogRow[]>): History[] {
	const out: History[] = [];
	for (const rows of logs) {
		const sorted = [...rows].sort((a, b) => a.review - b.review);
		let start = 0;
		for (let i = 0; i < sorted.length; i++) if (sorted[i]!.rating === 0) start = i + 1;
		const ratings: number[] = [];
		const deltas: number[] = [];
		let prevDay: number | null = null;
		for (const row of sorted.slice(start)) {
			if (row.rating < 1 || row.rating > 4) continue;
			const day = Math.floor((row.review + row.shift * 60_000) / DAY_MS);
			ratings.push(row.rating);
			deltas.push(prevDay === null ? 0 : Math.max(0, day - prevDay));
			prevDay = day;
		}
		if (ratings.length > 0) out.push({ ratings, deltas });
	}
	return out;
}

/** How many reviews the histories hold. */
export function reviewCount(list: readonly History[]): number {
	return list.reduce((n, h) => n + h.ratings.length, 0);
}

/** How much of a history the optimiser can learn from, against what it needs. */
export interface Readiness {
	/** Reviews a learner day or more after the card's previous review. */
	laterDayReviews: number;
	/** Cards with at least one such review. */
	cards: number;
	/** Both reach OPTIMISE_NEEDS. */
	ready: boolean;
}

export function readiness(list: readonly History[]): Readiness {
	let laterDayReviews = 0;
	let cards = 0;
	for (const h of list) {
		const later = h.deltas.filter((d) => d > 0).length;
		laterDayReviews += later;
		if (later > 0) cards++;
	}
	const ready = laterDayReviews >= OPTIMISE_NEEDS.laterDayReviews && cards >= OPTIMISE_NEEDS.cards;
	return { laterDayReviews, cards, ready };
}

/**
 * The optimiser's input: every prefix of two or more reviews of each history that ends on a later
 * learner day than the review before it is one training item (its last review is the outcome to
 * predict), flattened into three arrays. A prefix ending on the same day is left out: the
 * optimiser predicts recall across days only, and refuses (the whole run fails) an item with no
 * review a day or more after the one before, such as a new card's first learning step.
 */
export function trainingItems(list: readonly History[]): {
	ratings: Uint32Array;
	deltas: Uint32Array;
	lengths: Uint32Array;
} {
	let total = 0;
	let items = 0;
	const counted = (h: History, k: number) => h.deltas[k - 1]! > 0;
	for (const h of list) {
		for (let k = 2; k <= h.ratings.length; k++) {
			if (!counted(h, k)) continue;
			total += k;
			items++;
		}
	}
	const ratings = new Uint32Array(total);
	const deltas = new Uint32Array(total);
	const lengths = new Uint32Array(items);
	let at = 0;
	let item = 0;
	for (const h of list) {
		for (let k = 2; k <= h.ratings.length; k++) {
			if (!counted(h, k)) continue;
			for (let j = 0; j < k; j++) {
				ratings[at] = h.ratings[j]!;
				deltas[at] = h.deltas[j]!;
				at++;
			}
			lengths[item++] = k;
		}
	}
	return { ratings, deltas, lengths };
}

export interface Fit {
	/** Mean log loss of predicted recall on reviews a day or more after the previous one. */
	logLoss: number;
	/** Root mean square error of the same predictions. */
	rmse: number;
	/** Reviews the fit was measured on. */
	n: number;
}

/** How well `weights` predict the recall outcomes in `list`. Lower is better. */
export function fitOf(weights: readonly number[], list: readonly History[]): Fit {
	const algo = new FSRSAlgorithm(generatorParameters({ w: [...weights], enable_short_term: true }));
	let loss = 0;
	let squared = 0;
	let n = 0;
	for (const h of list) {
		let state: FSRSState | null = null;
		for (let i = 0; i < h.ratings.length; i++) {
			const rating = h.ratings[i]!;
			const t = h.deltas[i]!;
			if (state && t > 0) {
				const p = Math.min(1 - 1e-6, Math.max(1e-6, algo.forgetting_curve(t, state.stability)));
				const y = rating > 1 ? 1 : 0;
				loss -= y * Math.log(p) + (1 - y) * Math.log(1 - p);
				squared += (p - y) ** 2;
				n++;
			}
			state = algo.next_state(state, t, rating);
		}
	}
	return n === 0
		? { logLoss: NaN, rmse: NaN, n: 0 }
		: { logLoss: loss / n, rmse: Math.sqrt(squared / n), n };
}

/** The part of fsrs-browser's `Fsrs` class the optimiser uses (injected, so Node tests run it). */
export interface FsrsTrainer {
	computeParameters(
		ratings: Uint32Array,
		deltaTs: Uint32Array,
		lengths: Uint32Array,
		progress: null,
		enableShortTerm: boolean
	): Float32Array;
}

export interface OptimiseResult {
	before: Fit;
	after: Fit;
	/** The fitted parameters, rounded to 4 decimals as FSRS shows them. */
	weights: number[];
	/** The fitted parameters predict the history better than the ones in use. */
	better: boolean;
	reviews: number;
	/** Milliseconds the fitting itself took. */
	trainMs: number;
}

/**
 * Fits parameters to `list` and measures both sets on it. `now` is a clock for the timing only.
 * Throws when the history is too small for the optimiser.
 */
export function optimise(
	trainer: FsrsTrainer,
	list: readonly History[],
	current: readonly number[],
	now: () => number
): OptimiseResult {
	const reviews = reviewCount(list);
	const before = fitOf(current, list);
	const items = trainingItems(list);
	const start = now();
	const raw = trainer.computeParameters(items.ratings, items.deltas, items.lengths, null, true);
	const trainMs = now() - start;
	const weights = Array.from(raw, (w) => Math.round(w * 1e4) / 1e4);
	if (!validWeights(weights)) throw new Error('The optimiser returned no usable parameters.');
	const after = fitOf(weights, list);
	return { before, after, weights, better: after.logLoss < before.logLoss, reviews, trainMs };
}
