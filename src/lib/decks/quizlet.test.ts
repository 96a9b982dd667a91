import { describe, expect, it } from 'vitest';
import { cardsToQuizlet, parseQuizlet, withoutHint } from './quizlet';

const LIMITS = { maxChars: 10 * 1048576, maxRows: 20_000, maxField: 20_000 };

describe('Quizlet format', () => {
	it('writes one card per line, a tab between term and definition, no hints or line breaks', () => {
		const text = cardsToQuizlet([
			{
				front: '____ hosted the summit. (a person)',
				back: 'Emmanuel Macron\n\nEmmanuel Macron hosted\tthe summit.'
			},
			{ front: 'Who signed?', back: 'Britain and France\n\nBritain and France signed.' },
			{ front: 'Multi\nline', back: 'a\r\nb' }
		]);
		const lines = text.split('\n');
		expect(lines).toEqual([
			'____ hosted the summit.\tEmmanuel Macron — Emmanuel Macron hosted the summit.',
			'Who signed?\tBritain and France — Britain and France signed.',
			'Multi line\ta b'
		]);
		for (const line of lines) expect(line.split('\t')).toHaveLength(2);
	});

	it('reads back what it writes, and what Quizlet exports', () => {
		const cards = [
			{ front: 'capital of France', back: 'Paris' },
			{ front: 'A (a place)', back: 'B\n\nsentence' }
		];
		const rows = parseQuizlet(cardsToQuizlet(cards), LIMITS);
		expect(rows.map((r) => [r.front, r.back])).toEqual([
			['capital of France', 'Paris'],
			['A', 'B — sentence']
		]);
		const quizletExport = 'être\tto be\r\navoir\tto have\r\n\r\n';
		expect(parseQuizlet(quizletExport, LIMITS).map((r) => r.back)).toEqual(['to be', 'to have']);
	});

	it('names bad lines and imports nothing', () => {
		expect(() => parseQuizlet('ok\tfine\nno tab here\n\tempty', LIMITS)).toThrow(
			/2 lines could not be read/
		);
		expect(() => parseQuizlet('\n\n', LIMITS)).toThrow(/no cards/);
		expect(() => parseQuizlet('a\tb\nc\td', { ...LIMITS, maxRows: 1 })).toThrow(/limit is 1/);
		expect(withoutHint('Who? (someone)')).toBe('Who? (someone)');
		// the specific name hints a blank may carry are stripped too
		expect(withoutHint('_____ bought the rival airline. (a company)')).toBe(
			'_____ bought the rival airline.'
		);
		expect(withoutHint('They signed for _____. (a club)')).toBe('They signed for _____.');
	});
});
