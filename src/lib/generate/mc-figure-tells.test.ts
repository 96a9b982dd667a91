/**
 * Made-up figures that give their key away: all on one side of it, the key alone round, two
 * options nearly the same, a bound of the sentence overstepped, a fixed run of months, weekdays
 * or years. Each rule on a short text written for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { MONTHS, WEEKDAYS } from '../nlp/lexicon';
import { spanOf } from './fixtures/locate';
import { num, optionsFor } from './fixtures/options';
import {
	countsNoun,
	cycleMoves,
	figureTell,
	mendFigures,
	nearDates,
	numberBounds,
	optionsTell,
	pastCeiling,
	roundness,
	roundVariants,
	yearMoves
} from './distractors';

const none = new Set<string>();

describe('rule "sentence anchor"', () => {
	const text =
		'Reid scored 150 league and cup goals for the club, while Mackay currently has 141 goals to his name.';
	it("reads a figure a few words before its noun as one of the key's unit", () => {
		const doc = analyze(text);
		expect(countsNoun(doc.text, spanOf(text, '150 league'), 'goal')).toBe(true);
		expect(countsNoun(doc.text, spanOf(text, '150 league'), 'club')).toBe(false);
	});

	it('keeps every option below a record not yet reached, on both sides of the key', () => {
		const { doc, a, ds } = optionsFor(text, '141 goals');
		expect(numberBounds(doc, a).max).toBe(150);
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(num(d)).toBeLessThan(150);
		expect(ds.some((d) => num(d) > 141)).toBe(true);
		expect(ds.some((d) => num(d) < 141)).toBe(true);
	});
});

describe('rule "key position"', () => {
	it("tells made-up figures all on one side of the key, not the article's own", () => {
		expect(figureTell('1941', ['1945', '1946', '1948'], none, true)).toBe('one-sided-options');
		expect(figureTell('1941', ['1945', '1946', '1948'], new Set(['1945', '1946']), true)).toBe(
			undefined
		);
		expect(figureTell('1941', ['1940', '1945', '1946'], none, true)).toBe(undefined);
		// "1%" and "$2bn" have no honest whole figure below them.
		expect(figureTell('1%', ['2%', '3%', '5%'], none)).toBe(undefined);
		expect(figureTell('7%', ['12%', '13%', '15%'], none)).toBe('one-sided-options');
		// At the end of a close cluster the key does not stand apart.
		expect(figureTell('1941', ['1942', '1944', '1945'], none, true)).toBe(undefined);
		expect(figureTell('7%', ['9%', '10%', '13%'], none)).toBe(undefined);
	});

	it('mends a one-sided set from the figures offered', () => {
		const out = ['1,600 people', '1,700 people', '1,900 people'];
		const pool = [...out, '1,500 people', '800 people', '1,200 people'];
		mendFigures('1,000 people', out, pool, none, () => true);
		expect(figureTell('1,000 people', out, none)).toBe(undefined);
		expect(out.some((o) => num(o) < 1000)).toBe(true);
	});

	it('offers a round count made-up figures on both sides, one of them nearly as round', () => {
		const { ds } = optionsFor(
			'More than 1,000 people marched through the village on Sunday to mark the anniversary.',
			'1,000 people'
		);
		expect(ds).toHaveLength(3);
		expect(ds.some((d) => num(d) < 1000)).toBe(true);
		expect(ds.some((d) => num(d) > 1000)).toBe(true);
		expect(Math.max(...ds.map((d) => roundness(num(d))))).toBeGreaterThanOrEqual(5);
	});

	it('keeps a figure with room on one side only among options close above it', () => {
		const { ds } = optionsFor(
			'Pre-tax profits at the retailer rose to £546m, ahead of the £532m forecast by analysts.',
			'£546m'
		);
		expect(ds).toHaveLength(3);
		expect(figureTell('£546m', ds, none)).toBe(undefined);
	});
});

describe('rule "roundness"', () => {
	it('grades figures by the round steps they divide by', () => {
		expect([187, 185, 180, 150, 1200, 1500, 1000].map(roundness)).toEqual([0, 1, 2, 3, 4, 5, 6]);
	});

	it('tells a key alone round, or alone not round, among made-up figures', () => {
		expect(figureTell('1,000', ['800', '1,200', '1,400'], none)).toBe('round-key-stands-out');
		expect(figureTell('1,000', ['800', '1,200', '1,500'], none)).toBe(undefined);
		expect(figureTell('187', ['160', '200', '250'], none)).toBe('round-key-stands-out');
		expect(figureTell('187', ['163', '200', '250'], none)).toBe(undefined);
	});

	it('offers figures nearly as round as a round key, never its half or double', () => {
		const out = roundVariants('1,000 people', 400, 2500);
		expect(out).toContain('1,500 people');
		expect(out).not.toContain('500 people');
		expect(out).not.toContain('2,000 people');
		expect(roundVariants('187', 0, 500)).toEqual([]);
	});
});

describe('rule "near duplicate"', () => {
	it("tells two made-up figures the article's precision hardly tells apart", () => {
		expect(figureTell('15.6%', ['25.7%', '13.1%', '13.0%'], none)).toBe('near-duplicate-options');
		expect(figureTell('15.6%', ['25.7%', '13.1%', '19.7%'], none)).toBe(undefined);
		// The article's own figures may stand close together.
		expect(figureTell('15.6%', ['25.7%', '13.1%', '13.0%'], new Set(['13.1%', '13.0%']))).toBe(
			undefined
		);
		// Neighbouring years are honest options.
		expect(figureTell('1941', ['1940', '1942', '1945'], none, true)).toBe(undefined);
	});

	it('offers no near-duplicate in a list of shares', () => {
		const text =
			"Of the club's members, 41.2% live in the town, 17.8% in the county, 10.4% in the capital and 6.2% abroad.";
		const { doc, a, ds } = optionsFor(text, '17.8%');
		expect(ds).toHaveLength(3);
		expect(optionsTell(doc, a, ds)).toBe(undefined);
	});
});

describe('rule "no run"', () => {
	const sides = (moves: number[]) => moves.some((d) => d < 0) && moves.some((d) => d > 0);
	it('draws months and weekdays on both sides of the key, never four in a row', () => {
		for (const key of ['October', 'May', 'Thursday', 'Monday', 'January', 'Sunday']) {
			const first = cycleMoves(key, 3).slice(0, 3);
			expect(sides(first)).toBe(true);
			const span = Math.max(0, ...first) - Math.min(0, ...first);
			expect(span).not.toBe(3);
		}
	});

	it('offers a month-only key months around it that are no run', () => {
		for (const m of [0, 3, 6, 9, 11]) {
			const key = MONTHS[m] as string;
			const out = nearDates(key, m)
				.slice(0, 3)
				.map((o) => MONTHS.findIndex((x) => o.toLowerCase() === x));
			const moves = out.map((i) => ((i - m + 18) % 12) - 6);
			expect(sides(moves)).toBe(true);
			expect(Math.max(0, ...moves) - Math.min(0, ...moves)).not.toBe(3);
		}
	});

	it('offers a weekday days before and after it', () => {
		const text = 'The union said the strike would begin on Thursday at the main depot.';
		const { ds } = optionsFor(text, 'Thursday');
		expect(ds).toHaveLength(3);
		const at = (d: string) => WEEKDAYS.indexOf(d.toLowerCase());
		const moves = ds.map((d) => ((at(d) - at('Thursday') + 10) % 7) - 3);
		expect(sides(moves)).toBe(true);
	});
});

describe('rule "near years"', () => {
	it('moves years by a pattern drawn from the key, near ones first', () => {
		const a = yearMoves('1987').slice(0, 3);
		const b = yearMoves('1993').slice(0, 3);
		const c = yearMoves('2002').slice(0, 3);
		expect(new Set([a, b, c].map((x) => x.join())).size).toBeGreaterThan(1);
		for (const x of [a, b, c]) for (const d of x) expect(Math.abs(d)).toBeLessThanOrEqual(4);
	});

	it("keeps a year told in the past at or before the article's latest year", () => {
		const text =
			'The bridge was opened in 2003 after years of delay. Traffic on it doubled by 2005, the council said.';
		const doc = analyze(text);
		expect(pastCeiling(doc, spanOf(text, '2003'), 2003)).toBe(2005);
		const { ds } = optionsFor(text, '2003');
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(num(d)).toBeLessThanOrEqual(2005);
		expect(ds.some((d) => num(d) < 2003)).toBe(true);
	});

	it('says nothing of a year after a word that looks ahead', () => {
		const text = 'The bridge is expected to open in 2007. Work began in 2004.';
		expect(pastCeiling(analyze(text), spanOf(text, '2007'), 2007)).toBe(Infinity);
	});

	it("offers the article's years nearest the key first", () => {
		const text =
			'The town was bombed in 1941. The new hall opened in 1950. A school followed in 1952. Rebuilding began in 1948. A statue went up in 1939. The square was rebuilt in 1943.';
		const { ds } = optionsFor(text, '1941');
		expect(ds).toHaveLength(3);
		expect(ds).toEqual(expect.arrayContaining(['1939', '1943']));
		expect(ds.some((d) => num(d) < 1941)).toBe(true);
		expect(ds.some((d) => num(d) > 1941)).toBe(true);
	});
});
