/**
 * English number words, defined once: the reader (lexicon.ts) and the typed-answer grader
 * (quiz/grade.ts) both build on these. Kept apart from the lexicon so the grader can read
 * "twenty five" without loading the reader's country and name lists. Pure.
 */

/** zero to nineteen. */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
	zero: 0,
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12,
	thirteen: 13,
	fourteen: 14,
	fifteen: 15,
	sixteen: 16,
	seventeen: 17,
	eighteen: 18,
	nineteen: 19
};

/** twenty to ninety. */
export const TENS_WORDS: Readonly<Record<string, number>> = {
	twenty: 20,
	thirty: 30,
	forty: 40,
	fifty: 50,
	sixty: 60,
	seventy: 70,
	eighty: 80,
	ninety: 90
};

/** thousand to trillion. */
export const LARGE_SCALE_WORDS: Readonly<Record<string, number>> = {
	thousand: 1e3,
	million: 1e6,
	billion: 1e9,
	trillion: 1e12
};
