/**
 * How far apart two spellings are: the typed-answer grader's typo allowance and the generator's
 * check that two options are not one name spelt two ways both count on it.
 */

/** Edit distance with adjacent transpositions, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let prevPrev: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d = Math.min(d, prevPrev[j - 2]! + 1);
			}
			row.push(d);
			if (d < best) best = d;
		}
		if (best > limit) return limit + 1;
		prevPrev = prev;
		prev = row;
	}
	return prev[b.length]!;
}
