import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { slotMisfit } from './builders/true-false';

/** The key `key` of `text` with its kind, where the text first writes it. */
function keyOf(text: string, key: string, kind: string) {
	const start = text.indexOf(key);
	return { text: key, kind, span: { start, end: start + key.length } };
}

describe('rule year-bound-event: a changed year the words around it give away', () => {
	const text =
		'The comedy first aired in 1987. A special was filmed to mark the arrival of the millennium in 1999. The cast met again in 1996 for a reading.';
	const doc = analyze(text);
	it('turns away any other year beside an event fixed in time', () => {
		const key = keyOf(text, '1999', 'date');
		expect(slotMisfit(doc, key, '1987', true)).toBe('year-bound-event');
		expect(slotMisfit(doc, key, '1996', true)).toBe('year-bound-event');
	});
	it('turns away a made-up year a decade off the key, keeps a near one', () => {
		const key = keyOf(text, '1996', 'date');
		expect(slotMisfit(doc, key, '1985', false)).toBe('year-bound-event');
		expect(slotMisfit(doc, key, '1994', false)).toBeNull();
		expect(slotMisfit(doc, key, '1987', true)).toBeNull();
	});
});

describe('rule swapped-example: one example of many (after "like") is no fact to falsify', () => {
	it('turns away a swap of a name after "like"', () => {
		const text =
			'Playing together helps in games like cup finals against Peru, the coach wrote. Chile and Peru met in May.';
		const doc = analyze(text);
		const key = keyOf(text, 'Peru', 'place');
		expect(slotMisfit(doc, key, 'Chile', true)).toBe('swapped-example');
	});
	it('keeps a name that is no example', () => {
		const text = 'The coach wrote that the team lost to Peru in May. Chile and Peru met in June.';
		const doc = analyze(text);
		expect(slotMisfit(doc, keyOf(text, 'Peru', 'place'), 'Chile', true)).toBeNull();
	});
});
