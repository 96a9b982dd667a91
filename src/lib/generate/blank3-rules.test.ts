import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import { adjectiveKey, clozeHint, countPaired, nameCutAtAnd, nameOnly } from './builders/cloze';
import type { FactX } from './facts';

describe('rule descriptor-in-key: titles and "-based" stay outside the blank', () => {
	it('blanks the name alone after a capitalised office', () => {
		const { doc, facts } = readForTest(
			'Ministers met on Monday. Monetary Affairs Commissioner Marta Velasquez said that it was a matter for next week. Velasquez added that talks would go on.'
		);
		const f = facts.find((x) => /Commissioner Marta Velasquez$/.test(x.answer?.text ?? ''));
		expect(f).toBeTruthy();
		expect(nameOnly(doc, f as FactX)?.answer?.text).toBe('Marta Velasquez');
	});

	it('blanks the name alone after "Lisbon-based"', () => {
		const { doc, sureFact } = readForTest(
			'Lisbon-based Corvana already holds a 33% stake in the port operator. Corvana declined to comment.'
		);
		expect(nameOnly(doc, sureFact('Lisbon-based Corvana'))?.answer?.text).toBe('Corvana');
	});
});

describe('rule name-cut-at-and: "… for the Deaf and the Blind" is one name', () => {
	const text =
		'Teachers took students from the Georgia School for the Deaf and the Blind to the coast on Monday. The school said the trip was a success.';
	it('refuses either part of the name', () => {
		const { doc, sureFact } = readForTest(text);
		expect(nameCutAtAnd(doc, sureFact('Georgia School for the Deaf'))).toBe(true);
		expect(nameCutAtAnd(doc, sureFact('Blind'))).toBe(true);
	});
	it('leaves two bodies joined by "and the"', () => {
		const { doc, facts } = readForTest(
			'Officials from the Bank of Ardmore and the Treasury met in Leeds on Monday to discuss rates.'
		);
		const f = facts.find((x) => x.answer?.text === 'Bank of Ardmore');
		if (f) expect(nameCutAtAnd(doc, f)).toBe(false);
	});
});

describe('rule adjective-key: a party or nation word before its noun', () => {
	it('refuses "underlined _____ promises"', () => {
		const { cloze, rejected } = readForTest(
			'Mark Hollis underlined Labour promises to cut tax in a speech on Tuesday.\n\nHollis said voters wanted change.'
		);
		expect(cloze('Labour')).toEqual([]);
		expect(rejected.some((r) => r.detail === 'Labour (adjective-key)')).toBe(true);
		// A single paragraph, short of facts, keeps the blank.
		const one = readForTest(
			'Mark Hollis underlined Labour promises to cut tax in a speech on Tuesday. Hollis said voters wanted change.'
		);
		expect(one.rejected.some((r) => r.detail === 'Labour (adjective-key)')).toBe(false);
	});
	it('leaves a body that is the subject of its verb', () => {
		const { doc, facts } = readForTest(
			'Shares rose after Corvana reported profits on Monday. Corvana said sales were strong.'
		);
		for (const f of facts.filter((x) => x.answer?.text === 'Corvana'))
			expect(adjectiveKey(doc, f)).toBe(false);
	});
});

describe('rule count-paired: "both" tells the count', () => {
	it('refuses "_____ men, both from …" → Two', () => {
		const { doc, facts } = readForTest(
			'Two men, both from Ashby, were arrested on Friday. Police said the men would appear in court.'
		);
		const f = facts.find((x) => /^Two/.test(x.answer?.text ?? '')) as FactX;
		expect(f).toBeTruthy();
		expect(countPaired(doc, f)).toBe(true);
	});
	it('leaves a count of three', () => {
		const { doc, facts } = readForTest(
			'Three men, all from Ashby, were arrested on Friday. Police said the men would appear in court.'
		);
		const f = facts.find((x) => /^Three/.test(x.answer?.text ?? ''));
		if (f) expect(countPaired(doc, f)).toBe(false);
	});
});

describe('rule name-hint: events and names of unsure kind', () => {
	it('hints "an event" for a show one goes to', () => {
		const { doc, sureFact } = readForTest(
			'Makers showed new players at the Home Gadgets Show in Las Vegas on Friday. Sales rose.'
		);
		expect(clozeHint(doc, sureFact('Home Gadgets Show'))).toBe('an event');
	});
	it('never hints "a person" for a forum', () => {
		const { doc, facts } = readForTest(
			'The city of Ardmore will host the rival Global Peoples Forum in March. Thousands are expected.'
		);
		const f = facts.find((x) => x.answer?.text === 'Global Peoples Forum') as FactX;
		expect(f).toBeTruthy();
		expect(clozeHint(doc, f)).not.toBe('a person');
		expect(clozeHint(doc, f)).not.toBe('an organisation');
	});
});

describe('rule adjective-key: a word of time after the name', () => {
	it('leaves "against _____ last month"', () => {
		const { doc, facts } = readForTest(
			'Reyes scored twice against Ardmore last month before his injury. He is now fit again.'
		);
		for (const f of facts.filter((x) => x.answer?.text === 'Ardmore'))
			expect(adjectiveKey(doc, f)).toBe(false);
	});
});
