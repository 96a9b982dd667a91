/** Rule speaker-fits: a speaker found for a quotation who cannot have said it is left unknown. */
import { describe, expect, it } from 'vitest';
import { analyze } from './index';

function speakerOf(text: string, words: string): string | null {
	const d = analyze(text);
	const q = d.quotes.find((x) => x.text.includes(words));
	expect(q, `a quotation holding "${words}"`).toBeTruthy();
	return q && q.speaker >= 0 ? (d.entities[q.speaker]?.name ?? null) : null;
}

describe('a speaker who cannot have said the words', () => {
	it('never takes a person named in the third person inside the quotation', () => {
		const text =
			'Mayor Ivo Brandt lost the vote in Dunmore on Monday. "There is no trust left in Ivo Brandt as mayor of this city," he said.';
		expect(speakerOf(text, 'no trust left')).not.toBe('Ivo Brandt');
		const own =
			'Ivo Brandt spoke in Dunmore on Monday. "We will rebuild the harbour wall this year," Ivo Brandt said.';
		expect(speakerOf(own, 'rebuild the harbour')).toBe('Ivo Brandt');
	});

	it('never takes the body a speaker works at', () => {
		const text =
			'Rates rose again. Petra Lund, economist at Kelso Analytics said the bank "will have to raise rates once more before the summer".';
		expect(speakerOf(text, 'raise rates once more')).not.toBe('Kelso Analytics');
	});
});
