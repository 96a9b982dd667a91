import { describe, expect, it } from 'vitest';
import { falseValue } from './builders/true-false';
import { readForTest } from './fixtures/read';
import { KEY_MARK as K } from './statement';

const GROUP_TEXT =
	'Hundreds of councils are not ready for the new rules, say MPs. Committee chairman Alan Pike said the ministry wasted two years. The ministry had failed to give clear advice, the MPs found. The Tories said the plans were late, and the Greens agreed with the MPs.';

/** Where the `n`th (0-based) `word` stands in `text`. */
function nth(text: string, word: string, n: number) {
	let at = -1;
	for (let i = 0; i <= n; i++) at = text.indexOf(word, at + 1);
	return { start: at, end: at + word.length };
}

describe('rule group-swap: a value swapped into a slot is of the same grammatical kind', () => {
	const { doc } = readForTest(GROUP_TEXT);
	const frame = `The ministry had failed to give clear advice, the ${K} found.`;
	const span = nth(GROUP_TEXT, 'MPs', 1);

	it('puts no surname after "the" in place of "the MPs"', () => {
		expect(
			falseValue(doc, { text: 'MPs', kind: 'person', span }, frame, ['Alan Pike', 'Pike'])
		).toBe(undefined);
	});

	it('takes a group the article also writes after "the"', () => {
		expect(falseValue(doc, { text: 'MPs', kind: 'person', span }, frame, ['Pike', 'Tories'])).toBe(
			'Tories'
		);
	});

	it('puts no person in place of a bare group ("say MPs"), nor a group in place of a person', () => {
		const bare = `Hundreds of councils are not ready for the new rules, say ${K}.`;
		expect(
			falseValue(doc, { text: 'MPs', kind: 'person', span: nth(GROUP_TEXT, 'MPs', 0) }, bare, [
				'Alan Pike'
			])
		).toBe(undefined);
		const person = `Committee chairman ${K} said the ministry wasted two years.`;
		expect(
			falseValue(
				doc,
				{ text: 'Alan Pike', kind: 'person', span: nth(GROUP_TEXT, 'Alan Pike', 0) },
				person,
				['MPs']
			)
		).toBe(undefined);
	});
});
