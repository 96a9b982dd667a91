import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { cutsCoordinatedNoun, purposelessDeadline, roteFigure } from './builders/multiple-choice';
import { yearFromInterval } from './distractors';
import { optionsFor } from './fixtures/options';

const spanIn = (text: string, key: string) => {
	const start = text.indexOf(key);
	return { start, end: start + key.length };
};

describe('multiple choice: figures and times asked honestly', () => {
	it('varies the decimals of invented options (no shared ".47" tail)', () => {
		const text = 'The Dunmore index of leading shares closed up 14 points to 5382.47 on Monday.';
		const { ds } = optionsFor(text, '5382.47');
		expect(ds.length).toBe(3);
		expect(ds.filter((d) => d.endsWith('.47')).length).toBeLessThan(2);
	});
	it('takes an index level or a time to the hundredth for a rote figure, not a price or a share', () => {
		expect(roteFigure('number', '5382.47')).toBe(true);
		expect(roteFigure('quantity', '311.25p')).toBe(true);
		expect(roteFigure('money', '£82.7m')).toBe(false);
		expect(roteFigure('money', '$42.09m')).toBe(false);
		expect(roteFigure('quantity', '9.87 seconds')).toBe(true);
		expect(roteFigure('quantity', '12.5 seconds')).toBe(false);
		expect(roteFigure('quantity', '70.72 teraflops')).toBe(false);
		expect(roteFigure('percent', '12.75%')).toBe(false);
	});
	it('finds a deadline that never says what it is for', () => {
		const bare =
			'The two clubs have until midnight on 3 May and a league official said it would wait.';
		expect(purposelessDeadline(bare, spanIn(bare, '3 May'))).toBe(true);
		const told = 'The two clubs have until 3 May to appeal against the fine.';
		expect(purposelessDeadline(told, spanIn(told, '3 May'))).toBe(false);
		const other = 'The two clubs met on 3 May and agreed a fee.';
		expect(purposelessDeadline(other, spanIn(other, '3 May'))).toBe(false);
	});
	it('finds a count cut from the second of two nouns it covers', () => {
		const text = 'Since 2001 the county has opened 12 new libraries or reading rooms.';
		expect(cutsCoordinatedNoun(text, spanIn(text, '12 new libraries'), '12 new libraries')).toBe(
			true
		);
		const one = 'The county has opened 12 new libraries and plans more.';
		expect(cutsCoordinatedNoun(one, spanIn(one, '12 new libraries'), '12 new libraries')).toBe(
			false
		);
	});
	it('finds a year the sentence lets a learner count from another year', () => {
		const text =
			'The old mill burned down in 2010. The fire came 22 years after the mill was rebuilt in 1988.';
		const doc = analyze(text);
		expect(yearFromInterval(doc, spanIn(text, '1988'), '1988')).toBe(true);
		const plain = 'The old mill burned down in 2010. It had been rebuilt in 1988.';
		expect(yearFromInterval(analyze(plain), spanIn(plain, '1988'), '1988')).toBe(false);
	});
});
