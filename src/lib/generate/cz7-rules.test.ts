/** Cloze rules for blanks the sentence's own frame fills: a range's end, a modifier, a pair's half. */
import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import type { FactX } from './facts';
import type { Doc } from '../nlp/types';
import { compoundCut, openingCommonNoun, pairHalf, rangeHalf } from './builders/cloze';

/** A fact whose answer is the first occurrence of `word` in sentence 0 of `text`. */
function fact(text: string, word: string, kind: string): { doc: Doc; f: FactX } {
	const { doc } = readForTest(text);
	const start = text.indexOf(word);
	const f = {
		id: 'x',
		sentence: 0,
		answer: { kind, items: 1, text: word, span: { start, end: start + word.length } }
	} as unknown as FactX;
	return { doc, f };
}

describe('rule range-half', () => {
	it('refuses one end of a range with the other in view', () => {
		const { doc, f } = fact(
			'The crime carries a term of 10 months to three years in jail.',
			'10 months',
			'quantity'
		);
		expect(rangeHalf(doc, f)).toBe(true);
	});
	it('keeps a figure a change ends on', () => {
		const { doc, f } = fact('Sales at Zorbly rose 4% to $2.5bn in the year.', '$2.5bn', 'money');
		expect(rangeHalf(doc, f)).toBe(false);
	});
});

describe('rule compound-cut', () => {
	it('refuses a blank cut out of a compound modifier', () => {
		const { doc, f } = fact(
			'The Golden Shield winning goalkeeper signed a new deal.',
			'Golden Shield',
			'thing'
		);
		expect(compoundCut(doc, f)).toBe(true);
	});
	it('keeps a subject followed by a verb', () => {
		const { doc, f } = fact('Zorbly backed the plan but asked for more time.', 'Zorbly', 'thing');
		expect(compoundCut(doc, f)).toBe(false);
	});
});

describe('rule pair-half', () => {
	it('refuses one of two surnames in one noun phrase', () => {
		const { doc, f } = fact(
			'The feud between Harkin and Morrow camps has grown worse.',
			'Harkin',
			'person'
		);
		expect(pairHalf(doc, f)).toBe(true);
	});
	it('keeps a surname that ends its clause', () => {
		const { doc, f } = fact(
			'The award went to Harkin and Morrow said he was pleased.',
			'Harkin',
			'person'
		);
		expect(pairHalf(doc, f)).toBe(false);
	});
});

describe('rule opening-common-noun', () => {
	it('refuses a common noun capitalised by the sentence start', () => {
		const { doc, f } = fact(
			'Shoppers are worried about new tags in stores. Many shoppers said so.',
			'Shoppers',
			'thing'
		);
		expect(openingCommonNoun(doc, f)).toBe(true);
	});
	it('keeps a name the article never writes in lower case', () => {
		const { doc, f } = fact(
			'Zorbly are worried about new tags in stores. Many shoppers said so.',
			'Zorbly',
			'thing'
		);
		expect(openingCommonNoun(doc, f)).toBe(false);
	});
});
