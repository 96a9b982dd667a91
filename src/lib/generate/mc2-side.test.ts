import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { optionsFor } from './fixtures/options';
import { opposedSide, sideOf } from './setting';

const TEXT = [
	'Tory leader Ann Hale has set out plans for lower taxes.',
	'Tory co-chairman Tom Pike said the plans were costed.',
	'Labour election chief Dan Moss called them a fantasy.',
	'Lib Dem spokesman Ian Reed said the sums did not add up.',
	'Prime Minister Sam Ford said he would fight on.',
	'The Tories have demanded that Sam Ford say which taxes he would raise.'
].join(' ');

describe('opposed side: options for a person the sentence sets against a party', () => {
	it('reads the party a label before a name gives', () => {
		const doc = analyze(TEXT);
		const side = (name: string) => {
			const e = doc.entities.find((x) => x.name === name);
			return e && sideOf(doc, e);
		};
		expect(side('Tom Pike')).toBe('conservative');
		expect(side('Dan Moss')).toBe('labour');
		expect(side('Sam Ford')).toBeUndefined();
	});
	it('offers no one of the demanding party', () => {
		const { doc, a, ds } = optionsFor(TEXT, 'Sam Ford', { last: true });
		expect(opposedSide(doc, a.span)).toBe('conservative');
		expect(ds).not.toContain('Tom Pike');
		expect(ds).not.toContain('Ann Hale');
	});
});
