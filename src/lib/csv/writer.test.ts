import { describe, expect, it } from 'vitest';
import { itGives } from '$lib/testing/cases';
import { csvField, toCsv, unguardCsvField } from './writer';

describe('the CSV writer', () => {
	// Fields are quoted where they must be, and formulas defused.
	itGives(csvField, [
		['plain', 'plain'],
		['a,b', '"a,b"'],
		['say "hi"', '"say ""hi"""'],
		['two\nlines', '"two\nlines"'],
		[' padded', '" padded"'],
		['=1+1', "'=1+1"],
		['-5', "'-5"],
		['+44 20', "'+44 20"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tx', "'\tx"],
		['\rx', `"'\rx"`],
		["'=x", "''=x"],
		["it's", "it's"],
		[-5, '-5']
	]);

	it('reads back exactly what it guarded', () => {
		for (const text of ['=1', "'=1", "''@a", "'plain", 'plain', '-', "'"]) {
			expect(unguardCsvField(csvField(text).replace(/^"|"$/g, ''))).toBe(text);
		}
	});

	it('writes CRLF lines with a preamble and an optional byte order mark', () => {
		expect(toCsv([['a', 1]], { preamble: ['#x'], bom: true })).toBe('\uFEFF#x\r\na,1\r\n');
	});
});
