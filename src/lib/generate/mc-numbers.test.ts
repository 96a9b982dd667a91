/**
 * Figures offered beside a key: none the sentence rules out (more wins than games, more sectors
 * than were surveyed), none of another form (an index beside a count), and no pattern of halves,
 * doubles or multiples that shows which one is the key. Each rule on a short text of its own.
 */
import { describe, expect, it } from 'vitest';
import { spanOf } from './fixtures/locate';
import { num, optionsFor } from './fixtures/options';
import { multipleOf, numberBounds, totalOf } from './distractors';

describe('a count and the whole it is part of', () => {
	it('offers no more wins than games played', () => {
		const text =
			'Even without their striker, United made it 13 wins in 15 league games with a 2-0 victory at City on Sunday.';
		const { ds, doc, a } = optionsFor(text, '13 wins');
		expect(numberBounds(doc, a).max).toBe(15);
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(num(d)).toBeLessThan(15);
	});

	it('keeps a further share of a divided whole within what is left of it', () => {
		const text =
			'A study of the floods found that 70% of local firms were no worse off after the disaster, and another 18% were better off.';
		const { ds, doc, a } = optionsFor(text, '18%');
		expect(numberBounds(doc, a).max).toBe(30);
		for (const d of ds) expect(num(d)).toBeLessThan(30);
		const plain = optionsFor('Sales rose 70% in March, and costs rose 18% in April.', '18%');
		expect(numberBounds(plain.doc, plain.a).max).toBe(50);
	});

	it('keeps an age human and a share of something below all of it', () => {
		const age = optionsFor(
			'The papers of the pianist Ana Hara, who died in 2001 aged 86, were found in Osaka.',
			'86'
		);
		expect(numberBounds(age.doc, age.a).max).toBeLessThanOrEqual(106);
		for (const d of age.ds) expect(num(d)).toBeLessThan(106);
		const share = optionsFor(
			'Observers believe the unit, which produces 60% of the group output, could be sold.',
			'60%'
		);
		expect(numberBounds(share.doc, share.a).max).toBe(100);
		for (const d of share.ds) expect(num(d)).toBeLessThan(100);
	});

	it('reads the whole before the blank and after it', () => {
		const t1 = 'Of the 20 manufacturing sectors surveyed by the institute, 13 reported growth.';
		expect(totalOf(t1, spanOf(t1, '13'))).toBe(20);
		const t2 = 'Officials said 13 of the 20 sectors reported growth.';
		expect(totalOf(t2, spanOf(t2, '13'))).toBe(20);
		// Goals can outnumber games: no bound.
		const t3 = 'He scored 21 goals in 15 games last season.';
		expect(totalOf(t3, spanOf(t3, '21 goals'))).toBeUndefined();
	});

	it('offers counts, not an index, beside a count', () => {
		const text =
			'The index rose to 56.4 in March from 55.3 in February. Of the 20 manufacturing sectors surveyed by the institute, 13 reported growth.';
		const { ds } = optionsFor(text, '13');
		expect(ds.length).toBe(3);
		for (const d of ds) {
			expect(d).not.toMatch(/\./);
			expect(num(d)).toBeLessThan(20);
		}
	});
});

describe('no pattern that shows the key', () => {
	it('makes no half, double or multiple of a key', () => {
		for (const [text, key] of [
			['More than 800 guests are expected at the charity dinner in London.', '800 guests'],
			['Unemployment in the region remains high at about 10%, the survey found.', '10%'],
			['The firm would contribute almost 60bn euros to the budget by 2014.', '60bn euros']
		] as const) {
			const { ds } = optionsFor(text, key);
			expect(ds).toHaveLength(3);
			for (const d of ds) expect(multipleOf(num(d), num(key)), `${key}: ${d}`).toBe(false);
		}
	});
});
