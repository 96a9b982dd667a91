import { describe, expect, it } from 'vitest';
import { analyze } from '.';
import { sentenceInContext } from './coref';

describe('a pronoun is not written as a person the sentence names again (named-after)', () => {
	it('leaves "she" alone when the same sentence names the person later', () => {
		const doc = analyze(
			[
				'Education Secretary Ruth Kelly met university leaders in London on Monday.',
				'But she added that claims Ms Kelly was in charge of a £1bn research budget were not true.',
				'She said the talks had gone well.'
			].join(' ')
		);
		// Left unresolved: the sentence is not shown as if Ms Kelly spoke of herself by name.
		expect(sentenceInContext(doc, 1) ?? '').not.toMatch(/Kelly added/);
		// A pronoun with no second naming is still written out.
		expect(sentenceInContext(doc, 2) ?? '').toMatch(/^Ruth Kelly said/);
	});
});
