import { describe, expect, it } from 'vitest';
import { openingReference } from './context';

describe('rule opening-reference: a subject only the sentence before tells', () => {
	it('flags openings that point back', () => {
		expect(openingReference('Then there was a glitch in the new till system.')).toBe(true);
		expect(openingReference('The 31-year-old signed a new deal with Kelso.')).toBe(true);
		expect(openingReference('But the 31-year-old was left out.')).toBe(true);
		expect(openingReference('The two men were held in May.')).toBe(true);
		expect(openingReference("Wednesday's statement said sales rose.")).toBe(true);
		expect(openingReference('The trio were freed on bail.')).toBe(true);
	});
	it('leaves openings that name their subject', () => {
		expect(openingReference('The 31-year-old striker Tom Reid signed a new deal.')).toBe(false);
		expect(openingReference('The two men who ran the firm were held.')).toBe(false);
		expect(openingReference('The trio of judges met in May.')).toBe(false);
		expect(openingReference('Then-president Ann Lee opened the bridge.')).toBe(false);
		expect(openingReference('Kelso said on Wednesday that sales rose.')).toBe(false);
	});
});
