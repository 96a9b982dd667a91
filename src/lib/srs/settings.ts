/**
 * Learner-facing scheduling settings. Plain data so the database can store them and a backup can
 * carry them; every function in this folder takes them as an argument.
 */
export interface SrsSettings {
	/** Probability of recall the scheduler aims for when a review comes due (0.7 to 0.99). */
	desiredRetention: number;
	/** Longest interval in days a card can be scheduled for. */
	maximumInterval: number;
	/** Hour of the local day (0 to 23) at which "tomorrow" begins, so a late-night session still counts as today. */
	dayStartHour: number;
	/** New cards introduced per learner day. */
	newPerDay: number;
	/** Review cards shown per learner day. */
	reviewsPerDay: number;
	/** A learning card due within this many minutes may be shown early when nothing else is due. */
	learnAheadMinutes: number;
	/** Lapses after which a card is suspended and tagged "leech". */
	leechThreshold: number;
	/** Spread review dates a little so cards learnt together do not stay together forever. */
	fuzz: boolean;
	/**
	 * The learner's own FSRS parameters, fitted to their review log ("Optimise my schedule").
	 * Absent: the FSRS defaults.
	 */
	weights?: number[];
}

/** How many parameters an FSRS parameter set has. */
export const FSRS_WEIGHT_COUNT = 21;

/** Whether `weights` is a parameter set the scheduler can use. */
export function validWeights(weights: unknown): weights is number[] {
	return (
		Array.isArray(weights) &&
		weights.length === FSRS_WEIGHT_COUNT &&
		weights.every((w) => typeof w === 'number' && Number.isFinite(w))
	);
}

export const DEFAULT_SRS_SETTINGS: Readonly<SrsSettings> = Object.freeze({
	desiredRetention: 0.9,
	maximumInterval: 36500,
	dayStartHour: 4,
	newPerDay: 20,
	reviewsPerDay: 200,
	learnAheadMinutes: 20,
	leechThreshold: 8,
	fuzz: true
});

/** Learning steps for new cards and relearning steps for lapsed ones (fixed, as the issue asks). */
export const LEARNING_STEPS = ['1m', '10m'] as const;
export const RELEARNING_STEPS = ['10m'] as const;

/** Bounds every setting must respect; shared by the settings form and backup validation. */
export const SRS_SETTING_BOUNDS = {
	desiredRetention: [0.7, 0.99],
	maximumInterval: [1, 36500],
	dayStartHour: [0, 23],
	newPerDay: [0, 9999],
	reviewsPerDay: [0, 99999],
	learnAheadMinutes: [0, 1440],
	leechThreshold: [1, 99]
} as const satisfies Partial<Record<keyof SrsSettings, readonly [number, number]>>;

/**
 * Fills missing fields from the defaults and clamps numbers into their bounds, so a half-written or
 * older settings row never reaches the scheduler.
 */
export function normaliseSrsSettings(input: Partial<SrsSettings> | undefined): SrsSettings {
	const out: SrsSettings = { ...DEFAULT_SRS_SETTINGS };
	if (!input) return out;
	for (const key of Object.keys(SRS_SETTING_BOUNDS) as (keyof typeof SRS_SETTING_BOUNDS)[]) {
		const value = input[key];
		if (typeof value !== 'number' || !Number.isFinite(value)) continue;
		const [min, max] = SRS_SETTING_BOUNDS[key];
		const clamped = Math.min(max, Math.max(min, value));
		out[key] = key === 'desiredRetention' ? clamped : Math.round(clamped);
	}
	if (typeof input.fuzz === 'boolean') out.fuzz = input.fuzz;
	if (validWeights(input.weights)) out.weights = [...input.weights];
	return out;
}
