import { describe, expect, it } from 'vitest';
import { analyze } from './index';

const sentences = (t: string) => analyze(t).sentences.map((s) => s.text);

/** [what, first sentence, second sentence]: the two must come apart. */
const BREAKS: [string, string, string][] = [
	[
		'capitals joined by "&"',
		'The carrier is the second-biggest firm after AB&C.',
		'Mergers in the trade have picked up.'
	],
	['a digit and a capital', 'The order went to 7Q.', 'Shares in the group rose.']
];

describe('rule "glued name end"', () => {
	it.each(BREAKS)('ends a sentence after a name of %s', (_what, one, two) => {
		expect(sentences(`${one} ${two}`)).toEqual([one, two]);
	});

	it('keeps the last letter of a glued name without the period as a token', () => {
		const doc = analyze('The order went to AB&C. Shares rose.');
		const texts = (doc.sentences[0]?.tokens ?? []).map((t) => t.text);
		expect(texts.slice(-4)).toEqual(['AB', '&', 'C', '.']);
	});

	it('still keeps real initials, dotted acronyms and abbreviations inside a sentence', () => {
		const one = 'Tom R. Vale met U.S. officials and Dr. Moss (J. Moss) in the city.';
		expect(sentences(`${one} The talks ended.`)).toEqual([one, 'The talks ended.']);
	});
});
