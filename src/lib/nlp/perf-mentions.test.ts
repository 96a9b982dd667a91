import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { mentionsOfSentences } from './entities';

const TEXT =
	'Tom Reid met Alan Marsh in Leeds. The club paid £5m in 2004. ' +
	'Sara Lund and Omar Diaz left for Paris. Nobody else came.';

describe('mentionsOfSentences', () => {
	const d = analyze(TEXT);
	const texts = (first: number, last: number) =>
		[...mentionsOfSentences(d.mentions, d.bySentence, first, last)].map((m) => m.text);

	it('reads the mentions of the sentences first to last, both included, in text order', () => {
		expect(texts(1, 2)).toEqual(
			d.mentions.filter((m) => m.sentence === 1 || m.sentence === 2).map((m) => m.text)
		);
		expect(texts(1, 2)).toEqual(['£5m', '2004', 'Sara Lund', 'Omar Diaz', 'Paris']);
	});

	it('reads one sentence when first and last are the same', () => {
		expect(texts(0, 0)).toEqual(['Tom Reid', 'Alan Marsh', 'Leeds']);
	});

	it('reads nothing outside the text', () => {
		expect(texts(3, 9)).toEqual([]);
		expect(texts(2, 1)).toEqual([]);
		expect(texts(-2, 0)).toEqual(texts(0, 0));
	});
});
