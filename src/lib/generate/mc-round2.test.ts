/**
 * Multiple-choice options, second round: people of the key's gender where the sentence shows it
 * ("Jo Reed said she ..."), figures that differ clearly from the key, and no first name of a list.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { genderShown, nearFigure } from './distractors';
import type { Entity } from '../nlp/types';
import { inList } from './builders/multiple-choice';
import { spanOf } from './fixtures/locate';
import { expectOffered, type Offered } from './fixtures/options';

/** Options offered beside the key's first mention: at least one each time. */
const offered: Offered[] = [
	{
		it: 'offers no man beside a key who "said she"',
		text: [
			'Hunt monitors said the new law was broken on the first day of the season.',
			'But Penny Little, who monitored the Bicester Hunt, said she had seen foxes killed.',
			'Alun Michael said the law was clear.',
			'Ruth Gwynne, a monitor in Wiltshire, said she agreed with the police.',
			'Tony Jackson, of the Countryside Alliance, denied the claim and Mike Hobday said he would wait.',
			'Sara Loxley, a farmer, said she had seen no hunting at all.',
			'Kate Fenwick added that she would report the hunt to the police.'
		],
		key: 'Penny Little',
		never: ['Alun Michael', 'Tony Jackson', 'Mike Hobday'],
		size: 'some'
	},
	{
		it: 'offers no figure that rounds to the key',
		text: [
			'The unit was sold for $9.37bn at the auction on Sunday.',
			'"The buyer has bought itself a serious $9bn headache," said a spokesman.',
			'The firm owes $27bn in back taxes and $8bn in fines.'
		],
		key: '$9bn',
		never: ['$9.37bn'],
		size: 3
	},
	{
		it: 'offers no figure within a hair of the key',
		text: [
			'Sales reached $2.58tn last year, the trade body said.',
			'An earlier estimate put them at $2.57tn, against $2.1tn the year before.'
		],
		key: '$2.58tn',
		never: ['$2.57tn'],
		size: 'some'
	},
	{
		it: 'offers only levels the article has not reached yet',
		text: [
			'The main index closed at 24,997 points on Friday, topping the record close of 24,843 points.',
			'Analysts believe the market will rise above the 25,000 mark for the first time before long.'
		],
		key: '25,000 mark',
		size: 'some',
		also: ({ ds }) => {
			for (const o of ds) expect(Number(o.replace(/[^\d]/g, ''))).toBeGreaterThan(24997);
		}
	}
];

describe('options offered beside the key', () => {
	it.each(offered)('$it', expectOffered);
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
	it('keeps the article figures that are clearly apart', () => {
		expect(nearFigure('53.3', '53.7')).toBe(false);
		expect(nearFigure('13 wins', '12 wins')).toBe(false);
		expect(nearFigure('94.7%', '95%')).toBe(true);
		expect(nearFigure('$9bn', '$9m')).toBe(false);
	});
});

describe('lists of names', () => {
	it('sees the first name of a list as one of a list', () => {
		const t =
			'There will be a celebration of rock with Tim McGraw, Gretchen Wilson, Lynyrd Skynyrd and Elvis Costello.';
		expect(inList(t, spanOf(t, 'Tim McGraw'))).toBe(true);
		const u = 'Tim McGraw, the singer, will open the show.';
		expect(inList(u, spanOf(u, 'Tim McGraw'))).toBe(false);
	});
});
