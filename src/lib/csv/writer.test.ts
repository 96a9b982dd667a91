import { describe, expect, it } from 'vitest';
import { csvField, toCsv, unguardCsvField } from './writer';

describe('the CSV writer', () => {
	it('quotes fields and defuses formulas', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(' padded')).toBe('" padded"');
		expect(csvField('=1+1')).toBe("'=1+1");
		expect(csvField('-5')).toBe("'-5");
		expect(csvField('+44 20')).toBe("'+44 20");
		expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
		expect(csvField('\tx')).toBe("'\tx");
		expect(csvField('\rx')).toBe(`"'\rx"`);
		expect(csvField("'=x")).toBe("''=x");
		expect(csvField("it's")).toBe("it's");
		expect(csvField(-5)).toBe('-5');
	});

	it('reads back exactly what it guarded', () => {
		for (const text of ['=1', "'=1", "''@a", "'plain", 'plain', '-', "'"]) {
			expect(unguardCsvField(csvField(text).replace(/^"|"$/g, ''))).toBe(text);
		}
	});

	it('writes CRLF lines with a preamble and an optional byte order mark', () => {
		expect(toCsv([['a', 1]], { preamble: ['#x'], bom: true })).toBe('\uFEFF#x\r\na,1\r\n');
	});
});
