import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import {
	demonstrativeReference,
	describedSubject,
	earlierReference,
	numberedGroup,
	sameAsBefore,
	suchReference,
	unnamedPerson
} from './context';
import { expectFlags, type Flagging } from './fixtures/flags';

/** Each row: one check on shown text, with the texts it must flag and those it must leave. */
const rows: Flagging[] = [
	{
		it: 'flags "such" before a noun, not "such as" nor an intensifier',
		check: suchReference,
		flags: [
			'Ann Ridley has seen her share of such claims dashed.',
			'It was the sixth such move in as many months.',
			'Any such meeting would be held in _____.',
			'Ann Ridley said such a move would cost £2m.'
		],
		leaves: [
			'Greenvale makes goods such as cloth and rope.',
			'The mill sells such fine cloth as tweed and serge.',
			'Ann Ridley was unhappy with such a short space of time.'
		]
	},
	{
		it: 'flags a demonstrative that points at another sentence',
		check: demonstrativeReference,
		flags: [
			'Within that figure, taxes would rise by _____.',
			'Which two countries will breach that this year?',
			'Products from these zones enter Tarrow free of duty.',
			'Ann Ridley tipped it as the next big thing.',
			'The report did not suggest this.',
			'Tarrow Mills said that some of them want to buy more cloth.',
			'Most of those were sold in _____.'
		],
		leaves: [
			'Greenvale grew 5% this year.',
			'Ann Ridley said that the mill would close.',
			'Help went to those earning less than £10,000.',
			'Ann Ridley thought of those caught up in the flood.',
			'In that part of the county that floods, mills shut.',
			'Greenvale could reach those homes in the UK that lack a mill.',
			'At that stage the mill had shut.',
			'Ann Voss won three medals and you cannot ask for more than that.',
			'Four people, two of them wheelchair users, crossed the river.',
			'Ann Ridley said: "We did not suggest this."'
		]
	},
	{
		it: 'flags a counted group made up before, unless the sentence names as many',
		check: numberedGroup,
		flags: [
			'Five of the eight men held a news conference outside _____.',
			'Shareholders of the two firms must approve the deal.'
		],
		leaves: [
			'Greenvale and Kellan said the two firms would merge.',
			'Five of the eight men who were held spoke to _____.',
			'The two men held by police were freed.',
			'Sales rose in the 12 months to June.'
		]
	},
	{
		it: 'flags "the same" early in a sentence without its other side',
		check: sameAsBefore,
		flags: [
			'At Tarrow Prints the same image would cost _____.',
			'Over the same period, sales fell by _____.'
		],
		leaves: [
			'Sales rose 5% in May, while costs rose 3% during the same period.',
			'The same image costs £2 as it did in 2001.',
			'At the same time, the mill shut.'
		]
	},
	{
		it: 'flags a subject described after a comma, not one named or set aside',
		check: describedSubject,
		flags: [
			'The money, known as remittances, can amount to _____ a year.',
			'The sale, hosted by auctioneers _____, was held in Leeds.',
			'The rapper, whose real name is _____, is due in court.'
		],
		leaves: [
			'The singer, Jo Kell, is due in court.',
			'The tool, called Picasa, sorts photos.',
			'The government, however, said no.',
			'The mill shut in 1990.'
		]
	}
];

describe('references to an earlier sentence', () => {
	for (const row of rows) it(row.it, () => expectFlags(row));
});

describe('a person the shown text does not name', () => {
	const doc = analyze(
		'Ann Ridley leads the Green Party. The Liberal Democrats and the Tories have attacked her policies. Tom Hale said he was pleased.'
	);
	it('flags "her" when only bodies come before it', () => {
		expect(
			unnamedPerson(doc, 'The Liberal Democrats and the Tories have attacked her policies.')
		).toBe(true);
		expect(earlierReference(doc, 'The Green Party has backed his plan for the mill.')).toBe(
			'unnamed-person'
		);
	});
	it('leaves a pronoun after a name, a blank, a role, or a speaker of quoted words', () => {
		expect(unnamedPerson(doc, 'Tom Hale said he was pleased.')).toBe(false);
		expect(unnamedPerson(doc, '_____ said he was pleased.')).toBe(false);
		expect(unnamedPerson(doc, 'A spokesman said his firm was pleased.')).toBe(false);
		expect(unnamedPerson(doc, '"The mill will close," he said.')).toBe(false);
		expect(unnamedPerson(doc, 'One game into his career, _____ is a hero.')).toBe(false);
	});
});
