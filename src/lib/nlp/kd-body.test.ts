import { describe, expect, it } from 'vitest';
import { analyze } from './index';

const kindOf = (text: string, name: string) =>
	analyze(text).entities.find((e) => e.name === name)?.kind;

describe('names a text uses as a business', () => {
	it('makes a body of a lone name with words only a business takes', () => {
		const text =
			'Vantoria said the deal was good. Later Vantoria has set itself a goal of 90 new stores.';
		expect(kindOf(text, 'Vantoria')).toBe('organisation');
		expect(
			kindOf('Trade in Brelloc shares was halted. Brelloc said profits rose.', 'Brelloc')
		).toBe('organisation');
	});

	it('reads a plural verb, "and its" and a posted loss as a body', () => {
		expect(
			kindOf('Dunmore said the fine was large. Now Dunmore have been told to pay.', 'Dunmore')
		).toBe('organisation');
		expect(kindOf('Tom Dunmore and Dunmore Bell have agreed terms.', 'Dunmore Bell')).not.toBe(
			'organisation'
		);
		expect(
			kindOf('Quillet said sales rose. Over the year Quillet and its partners grew.', 'Quillet')
		).toBe('organisation');
		expect(
			kindOf('Quillet said sales fell. Last week Quillet posted a $40m loss.', 'Quillet')
		).toBe('organisation');
	});

	it('needs two such mentions for a name that opens on a first name', () => {
		const one =
			'Building group Peter Moss said sales fell. Peter Moss chief executive Ann Lee quit.';
		expect(kindOf(one, 'Peter Moss')).toBe('person');
		const two =
			'Building group Peter Moss said sales fell. Moss chief executive Ann Lee quit. ' +
			"Moss's shareholders must now vote.";
		expect(kindOf(two, 'Peter Moss')).toBe('organisation');
	});

	it('keeps a person whom the text treats as one', () => {
		const mr =
			'Tom Garrow spoke on Monday. Mr Garrow said he was sorry. ' +
			"Garrow's shareholders voted. Garrow, which lost, appealed.";
		expect(kindOf(mr, 'Tom Garrow')).toBe('person');
		const surname = 'Ann Brisco opened a shop in May. Shares in Brisco rose.';
		expect(kindOf(surname, 'Ann Brisco')).toBe('person');
		const who =
			'Dellamy, who sold shares in Brint, said the firm was weak. Dellamy, which won, left.';
		expect(kindOf(who, 'Dellamy')).toBe('person');
	});

	it('reads a company word at the end of a name as a body', () => {
		expect(
			kindOf('Fund manager Orbit Asset Advisors said rates would rise.', 'Orbit Asset Advisors')
		).toBe('organisation');
		expect(
			kindOf('Advisors Brant Hollis are understood to agree.', 'Advisors Brant Hollis')
		).not.toBe('organisation');
		expect(kindOf('Shares in General Electric rose on Friday.', 'General Electric')).toBe(
			'organisation'
		);
	});
});
