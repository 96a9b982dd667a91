import { describe, expect, it } from 'vitest';
import { analyze } from './index';

/** The speaker's name of the quotation holding `words`, or '' when no one is found. */
function speakerOf(text: string, words: string): string {
	const doc = analyze(text);
	const q = doc.quotes.find((x) => x.text.includes(words));
	if (!q) throw new Error(`no quotation with ${words}`);
	return q.speaker >= 0 ? (doc.entities[q.speaker]?.name ?? '') : '';
}

describe('who said a quotation', () => {
	it('gives it to the subject of the speech verb, not a name in an opening phrase', () => {
		const t =
			'In an interview with the paper\'s editor Rhona Vale, Mr Tom Reid said the talks would be "hard, but at least we have made a start". Reid flew home on Monday.';
		expect(speakerOf(t, 'at least we have made a start')).toBe('Tom Reid');
	});

	it('still gives it to the first name when the nearer one stands in an aside', () => {
		const t =
			'Tom Reid, who met Carl Dean last year, said the plan was "a fair deal for the town". Dean did not comment.';
		expect(speakerOf(t, 'a fair deal for the town')).toBe('Tom Reid');
	});

	it('gives "she said" to the woman named before, not to the last man quoted', () => {
		const t =
			'Ozzy Vane and his wife Sharon Vane ended the show. "I did not like the cameras around the house," Ozzy said. "Now everybody is doing these shows, he has done it and been there," she said.';
		expect(speakerOf(t, 'Now everybody is doing these shows')).toMatch(/^Sharon/);
	});
});

describe('a pronoun after a quotation that is no speech tag', () => {
	it('leaves the speaker found before it', () => {
		const t =
			'Ann Vale rescued her husband on Friday. Mr Tom Reid said: "My wife is a hero." She had pulled him out of the river.';
		expect(speakerOf(t, 'My wife is a hero')).toBe('Tom Reid');
	});
});
