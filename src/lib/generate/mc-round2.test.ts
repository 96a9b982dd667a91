/**
 * Multiple-choice options, second round: people of the key's gender where the sentence shows it
 * ("Jo Reed said she ..."), figures that differ clearly from the key, and no first name of a list.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { genderShown, nearFigure } from './distractors';
import type { Entity } from '../nlp/types';
import { inList } from './builders/multiple-choice';
import { optionsFor } from './fixtures/options';

/** The three options offered beside the first mention written `answer`. */
const optionsOf = (text: string, answer: string) => optionsFor(text, answer).ds;

describe('gender the sentence gives the key', () => {
	it('offers no man beside a key who "said she"', () => {
		const text = [
			'Hunt monitors said the new law was broken on the first day of the season.',
			'But Penny Little, who monitored the Bicester Hunt, said she had seen foxes killed.',
			'Alun Michael said the law was clear.',
			'Ruth Gwynne, a monitor in Wiltshire, said she agreed with the police.',
			'Tony Jackson, of the Countryside Alliance, denied the claim and Mike Hobday said he would wait.',
			'Sara Loxley, a farmer, said she had seen no hunting at all.',
			'Kate Fenwick added that she would report the hunt to the police.'
		].join(' ');
		const ds = optionsOf(text, 'Penny Little');
		expect(ds.length).toBeGreaterThan(0);
		for (const o of ds) expect(['Alun Michael', 'Tony Jackson', 'Mike Hobday']).not.toContain(o);
	});
});

describe('gender shown by a pronoun', () => {
	it('reads "said she" after a name, but not a "she" inside the quotation', () => {
		const text = [
			'Penny Little, who monitored the hunt, said she had seen foxes killed.',
			'Her agent Robin Vale said: "Anna was too weak and she died on Friday."',
			'Cyril Fletcher married Marlo Astell in 1941 and he wrote for her.'
		].join(' ');
		const doc = analyze(text);
		const byName = (n: string) => doc.entities.find((e) => e.name === n);
		expect(genderShown(doc, byName('Penny Little') as Entity)).toBe('f');
		expect(genderShown(doc, byName('Robin Vale') as Entity)).toBeUndefined();
		expect(genderShown(doc, byName('Marlo Astell') as Entity)).toBeUndefined();
	});
});

describe('figures near the key', () => {
	it('offers no figure that rounds to the key', () => {
		const text = [
			'The unit was sold for $9.37bn at the auction on Sunday.',
			'"The buyer has bought itself a serious $9bn headache," said a spokesman.',
			'The firm owes $27bn in back taxes and $8bn in fines.'
		].join(' ');
		const ds = optionsOf(text, '$9bn');
		expect(ds).toHaveLength(3);
		expect(ds).not.toContain('$9.37bn');
	});

	it('offers no figure within a hair of the key', () => {
		const text = [
			'Sales reached $2.58tn last year, the trade body said.',
			'An earlier estimate put them at $2.57tn, against $2.1tn the year before.'
		].join(' ');
		const ds = optionsOf(text, '$2.58tn');
		expect(ds.length).toBeGreaterThan(0);
		expect(ds).not.toContain('$2.57tn');
	});

	it('keeps the article figures that are clearly apart', () => {
		expect(nearFigure('53.3', '53.7')).toBe(false);
		expect(nearFigure('13 wins', '12 wins')).toBe(false);
		expect(nearFigure('94.7%', '95%')).toBe(true);
		expect(nearFigure('$9bn', '$9m')).toBe(false);
	});
});

describe('a new high or low', () => {
	it('offers only levels the article has not reached yet', () => {
		const text = [
			'The main index closed at 24,997 points on Friday, topping the record close of 24,843 points.',
			'Analysts believe the market will rise above the 25,000 mark for the first time before long.'
		].join(' ');
		const ds = optionsOf(text, '25,000 mark');
		expect(ds.length).toBeGreaterThan(0);
		for (const o of ds) expect(Number(o.replace(/[^\d]/g, ''))).toBeGreaterThan(24997);
	});
});

describe('lists of names', () => {
	it('sees the first name of a list as one of a list', () => {
		const t =
			'There will be a celebration of rock with Tim McGraw, Gretchen Wilson, Lynyrd Skynyrd and Elvis Costello.';
		const start = t.indexOf('Tim McGraw');
		expect(inList(t, { start, end: start + 'Tim McGraw'.length })).toBe(true);
		const u = 'Tim McGraw, the singer, will open the show.';
		expect(inList(u, { start: 0, end: 10 })).toBe(false);
	});
});
