/**
 * Rule "early year": a four-digit figure before 1500 that the sentence places in time is a year,
 * and its wrong options are years near it, never arithmetic on the key.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { num, optionsFor } from './fixtures/options';

const kindOf = (text: string, figure: string) =>
	analyze(text).mentions.find((m) => m.text === figure)?.kind;

describe('rule "early year"', () => {
	it('reads a figure after "in", "since" or "of" as a year', () => {
		expect(kindOf('The abbey was set up in 1132 by monks from the south.', '1132')).toBe('date');
		expect(kindOf('The fair has been held every summer since 1240.', '1240')).toBe('date');
		expect(kindOf('The town charter of 1405 is kept in the library.', '1405')).toBe('date');
	});

	it('reads a figure beside a reign or a century as a year', () => {
		expect(kindOf('King Harold lost the throne 1066 at the hands of an invader.', '1066')).toBe(
			'date'
		);
	});

	it('leaves a count a count', () => {
		expect(kindOf('The club said a total of 1200 had signed up.', '1200')).toBe('number');
		expect(kindOf('The shares rose by 1100 on Monday.', '1100')).not.toBe('date');
	});

	it('offers years near the key, the article\u2019s own years first', () => {
		const text =
			'The abbey was set up in 1132 by monks from the south. A second church was added in 1140. The roof was rebuilt in 1998.';
		const { ds, a } = optionsFor(text, '1132');
		expect(a.kind).toBe('date');
		expect(ds).toHaveLength(3);
		expect(ds).toContain('1140');
		for (const d of ds) {
			expect(d).toMatch(/^\d{4}$/);
			expect(Math.abs(num(d) - 1132)).toBeLessThanOrEqual(12);
		}
	});
});
