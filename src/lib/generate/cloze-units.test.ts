import { describe, expect, it } from 'vitest';
import { cutsRun, functionAnswer, pageFurniture, trivialCount } from './builders/cloze-units';

/** Start and end of `word` in `text`. */
function at(text: string, word: string): [number, number] {
	const i = text.indexOf(word);
	return [i, i + word.length];
}

describe('name-run-cut', () => {
	it('refuses half of a title or name', () => {
		const a = 'Fans queued to see Queen Zorba at the Plaza on Friday.';
		expect(cutsRun(a, ...at(a, 'Zorba'), 0)).toBe(false); // a title before a name
		const b = 'Fans queued to see Mighty Zorba at the Plaza on Friday.';
		expect(cutsRun(b, ...at(b, 'Zorba'), 0)).toBe(true);
		const c = 'The show Morning Forum returns to the air next spring.';
		expect(cutsRun(c, ...at(c, 'Morning'), 0)).toBe(true);
		const d = 'He met trade chief Pieter van der Molen in the capital.';
		expect(cutsRun(d, ...at(d, 'Molen'), 0)).toBe(true);
	});
	it('keeps a whole name, an owner or a post before it', () => {
		const a = "Shares in Norland's Acmecorp fell sharply on Monday.";
		expect(cutsRun(a, ...at(a, 'Acmecorp'), 0)).toBe(false);
		const b = 'The deal was agreed by Commissioner Ola Brandt in May.';
		expect(cutsRun(b, ...at(b, 'Ola Brandt'), 0)).toBe(false);
		const c = 'Zorba lent Norland $4bn to pay for new roads.';
		expect(cutsRun(c, ...at(c, '$4bn'), 0)).toBe(false);
		const d = 'He beat left-handed Dane Ola Brandt in two sets.';
		expect(cutsRun(d, ...at(d, 'Ola Brandt'), 0)).toBe(false);
	});
});

describe('function-word', () => {
	it('refuses pronouns with verbs, interjections and discourse words', () => {
		expect(functionAnswer("I've")).toBe(true);
		expect(functionAnswer('Well')).toBe(true);
		expect(functionAnswer('Meanwhile')).toBe(true);
		expect(functionAnswer('Please click')).toBe(true);
	});
	it('keeps names and key terms', () => {
		expect(functionAnswer('US')).toBe(false);
		expect(functionAnswer('Zorba')).toBe(false);
		expect(functionAnswer('interest rates')).toBe(false);
	});
});

describe('trivial-count', () => {
	it('refuses a fixed period and a count the words give away', () => {
		const a = 'Sales rose over the past 12 months, the firm said.';
		expect(trivialCount(a, ...at(a, '12'), 12)).toBe(true);
		const c = 'Sales rose over the past 12 months, the firm said.';
		expect(trivialCount(c, ...at(c, '12 months'), 12)).toBe(true);
		const b = 'All three parties have promised lower taxes.';
		expect(trivialCount(b, ...at(b, 'three'), 3)).toBe(true);
	});
	it('keeps a count worth asking', () => {
		const a = 'Sales rose over the past 14 months, the firm said.';
		expect(trivialCount(a, ...at(a, '14'), 14)).toBe(false);
		const c = 'It will spend $9m over the next three years.';
		expect(trivialCount(c, ...at(c, 'three years'), 3)).toBe(false);
		const d = 'The tickets sold out in 24 hours.';
		expect(trivialCount(d, ...at(d, '24 hours'), 24)).toBe(false);
		const b = 'The firm opened three shops in the north.';
		expect(trivialCount(b, ...at(b, 'three'), 3)).toBe(false);
	});
});

describe('page-furniture', () => {
	it('refuses lines of the web page', () => {
		expect(pageFurniture('Please click on the link below to see the plans.')).toBe(true);
		expect(pageFurniture('Send us your comments using the form below.')).toBe(true);
		expect(pageFurniture('E-mail this to a friend')).toBe(true);
	});
	it('keeps the report', () => {
		expect(pageFurniture('The mouse maker said clicks on its adverts rose by 4%.')).toBe(false);
	});
});
