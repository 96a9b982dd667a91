import { describe, expect, it } from 'vitest';
import { analyze } from './index';

describe('a quotation closed by "he said"', () => {
	const speakerOf = (text: string, words: string) => {
		const d = analyze(text);
		const q = d.quotes.find((x) => x.text.includes(words));
		return q ? d.entities[q.speaker]?.name : undefined;
	};

	it('is the last person named since the last quotation', () => {
		const text =
			'City chairman Tom Reid said: "We will play the rest of the game next month." ' +
			'United coach Alan Marsh praised the fans for their calm. ' +
			'"The supporters were an example to everyone," he said.';
		expect(speakerOf(text, 'supporters were')).toBe('Alan Marsh');
	});

	it('is the last speaker when nobody else was named in between', () => {
		const text =
			'City chairman Tom Reid said: "We will play the rest of the game next month." ' +
			'The match was stopped after 88 minutes. ' +
			'"It was the only safe choice," he said.';
		expect(speakerOf(text, 'only safe choice')).toBe('Tom Reid');
	});
});
