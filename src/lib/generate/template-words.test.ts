import { describe, expect, it } from 'vitest';
import { balanceQuotes } from './builders/common';
import { articleIntoOptions } from './builders/multiple-choice';
import { sentenceInContext } from '../nlp/coref';
import { analyze } from '../nlp';

describe('an article before a blank whose options read with different ones', () => {
	it.each([
		[
			'The court imposed an _____ fine.',
			['$8m', '$5m', '$6m', '$9m'],
			'The court imposed _____ fine.',
			['an $8m', 'a $5m', 'a $6m', 'a $9m']
		],
		[
			'An _____ rise was seen.',
			['8%', '18%', '12%', '5%'],
			'_____ rise was seen.',
			['An 8%', 'An 18%', 'A 12%', 'A 5%']
		]
	])('moves into each option: %s', (stem, options, newStem, newOptions) => {
		expect(articleIntoOptions(stem, options)).toEqual({
			stem: newStem,
			options: newOptions,
			article: stem.startsWith('An') ? 'An' : 'an'
		});
	});

	it('stays in the stem when every option takes the same article, or there is none', () => {
		expect(articleIntoOptions('The court imposed a _____ fine.', ['$5m', '$6m', '$9m'])).toBeNull();
		expect(articleIntoOptions('Sales rose by _____ last year.', ['8%', '5%', '6%'])).toBeNull();
	});
});

describe('a body named in the plural, written out for "its"', () => {
	it('takes the apostrophe alone', () => {
		const doc = analyze(
			'Shares in Barclays rose 3%. Barclays reported record profits on Thursday. Its Global Investors wing made £347m, an 82% jump on 2003 figures.'
		);
		const shown = sentenceInContext(doc, 2, []);
		expect(shown).toContain("Barclays' Global Investors");
		expect(shown).not.toContain("Barclays's");
	});
});

describe('a sentence shown alone', () => {
	it.each([
		['He said: "We will win the league.', 'He said: "We will win the league."'],
		['It was a great night," he said.', '"It was a great night," he said.'],
		['“We will win the league.', '“We will win the league.”'],
		['It was a great night,” he said.', '“It was a great night,” he said.'],
		['"It was a great night," he said.', '"It was a great night," he said.']
	])('closes the quotation it opens and opens the one it closes: %s', (shown, balanced) => {
		expect(balanceQuotes(shown)).toBe(balanced);
	});
});
