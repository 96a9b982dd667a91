import { describe, expect, it } from 'vitest';
import { hasWord, wordIndex } from './builders/common';

/** The whole-word test the lookup stands in for. */
const reference = (text: string, word: string) =>
	new RegExp(`(?<![\\p{L}\\d])${word}(?![\\p{L}\\d])`, 'iu').test(text);

const TEXTS = [
	'Ms Smith-Jones met the O’Brien family in 2004.',
	"O'Neill scored twice for Leeds United's reserves.",
	'The G8 summit and the 3G licences; B2B sales rose.',
	'Straße und STRASSE, Größe, ẞ and ß differ.',
	'İstanbul and Istanbul, ıi: Turkish dotted and dotless letters.',
	'ΟΔΥΣΣΕΥΣ and Ὀδυσσεύς; λόγος ΛΌΓΟΣ; ſtar and Kelvin K.',
	'Zoë Ball and ZOË BALL; café, CAFÉ and Café.',
	'a1b2 A1B2 1999 19990 x1999',
	''
];
const WORDS = [
	'smith',
	'jones',
	'o',
	'brien',
	'neill',
	'united',
	's',
	'g8',
	'3g',
	'b2b',
	'straße',
	'strasse',
	'größe',
	'ß',
	'istanbul',
	'ı',
	'i',
	'οδυσσευς',
	'οδυσσευσ',
	'λόγος',
	'λόγοσ',
	'star',
	'k',
	'zoë',
	'ball',
	'café',
	'cafe',
	'a1b2',
	'1999',
	'x1999',
	'missing'
];

describe('whole-word lookup', () => {
	it('answers as the case-blind whole-word pattern does', () => {
		for (const text of TEXTS) {
			const idx = wordIndex(text);
			for (const word of WORDS)
				expect([text, word, hasWord(idx, word)]).toEqual([text, word, reference(text, word)]);
		}
	});

	it('finds words whole, in any case, and never parts of words', () => {
		const idx = wordIndex("Leeds United's O'Neill joined the G8 talks.");
		expect(hasWord(idx, 'united')).toBe(true);
		expect(hasWord(idx, 'LEEDS')).toBe(true);
		expect(hasWord(idx, 'neill')).toBe(true);
		expect(hasWord(idx, 'g8')).toBe(true);
		expect(hasWord(idx, 'g')).toBe(false);
		expect(hasWord(idx, 'unit')).toBe(false);
		expect(hasWord(idx, 'talk')).toBe(false);
	});

	it('follows case rules beyond ASCII', () => {
		expect(hasWord(wordIndex('ſtar'), 'star')).toBe(true);
		expect(hasWord(wordIndex('ΟΔΥΣΣΕΥΣ'), 'οδυσσευς')).toBe(true);
		expect(hasWord(wordIndex('İstanbul'), 'istanbul')).toBe(false);
		expect(hasWord(wordIndex('CAFÉ'), 'café')).toBe(true);
		expect(hasWord(wordIndex('CAFÉ'), 'cafe')).toBe(false);
	});
});
