import { describe, expect, it } from 'vitest';
import { analyze } from '.';

const dates = (text: string) =>
	analyze(text)
		.mentions.filter((m) => m.kind === 'date')
		.map((m) => m.text);

describe('a month inside a name is no date', () => {
	it('reads "Jan" between or beside capitalised words as part of a name', () => {
		expect(dates('Ard Jan Vetham, a consultant, said the survey was useful.')).toEqual([]);
		expect(dates('The report was written by Jan Smit and two colleagues.')).toEqual([]);
	});
	it('still reads a month with its cue or its year as a date', () => {
		expect(dates('The survey was carried out in Jan and February among shoppers.')).toContain(
			'Jan'
		);
		expect(dates('Sales rose in June, the firm said.')).toEqual(['June']);
		expect(dates('Sales rose in Jan 2004, the firm said.')).toEqual(['Jan 2004']);
	});
});
