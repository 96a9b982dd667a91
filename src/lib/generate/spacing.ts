/**
 * Number options that show where the key is. Options at half and at double the key (£20m, £40m,
 * £80m) leave the key as the one figure in the middle of a doubling pattern: a learner who spots
 * the pattern needs no article.
 */

/** The first figure written in an option, as a number ("£1,200m" → 1200); NaN when none. */
export function figureOf(text: string): number {
	const m = /\d+(?:[.,]\d+)*/.exec(text);
	return m ? Number(m[0].replace(/,/g, '')) : NaN;
}

const same = (x: number, y: number) => Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y));

/**
 * Whether adding `candidate` to the options already taken would put both half and double the key
 * among them.
 */
export function completesHalfDouble(key: string, taken: string[], candidate: string): boolean {
	const k = figureOf(key);
	const c = figureOf(candidate);
	if (!(k > 0) || Number.isNaN(c)) return false;
	const figures = taken.map(figureOf);
	if (same(c, k / 2)) return figures.some((f) => same(f, k * 2));
	if (same(c, k * 2)) return figures.some((f) => same(f, k / 2));
	return false;
}

/** The answer kinds whose options are figures. */
export const NUMERIC_KINDS: ReadonlySet<string> = new Set([
	'number',
	'money',
	'percent',
	'quantity'
]);
