import { describe, expect, it } from 'vitest';
import type { Built } from './questions';
import { conversionBlank } from './weak';

/** Whether the money blank `answer` in `text` is taken for a conversion. */
function conversion(text: string, answer: string): boolean {
	const at = text.indexOf(answer);
	const b = {
		q: {
			type: 'cloze',
			kind: 'money',
			prompt: text.replace(answer, '_____'),
			answer,
			answerSpan: { start: at, end: at + answer.length }
		},
		fact: {},
		form: 1
	} as unknown as Built;
	return conversionBlank(text, b);
}

describe('a conversion of a currency the lexicon does not name', () => {
	it('is known by the signed figure that converts it first', () => {
		const text =
			'Jakarta expects repayments of up to 30 trillion rupiah ($3.2bn; £1.7bn) to be frozen.';
		expect(conversion(text, '£1.7bn')).toBe(true);
		expect(conversion(text, '$3.2bn')).toBe(true);
	});
	it('leaves a figure in brackets after words that are no figure', () => {
		expect(conversion('The two firms (worth £4bn together) will merge.', '£4bn')).toBe(false);
		expect(conversion('The fund bought 40 tonnes (roughly £2m) of gold.', '£2m')).toBe(false);
		expect(conversion('The club paid its new striker (£3m) last week.', '£3m')).toBe(false);
	});
});
