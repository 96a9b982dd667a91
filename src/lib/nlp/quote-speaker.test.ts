import { describe, expect, it } from 'vitest';
import { analyze } from './index';

const FIRST = 'City chairman Tom Reid said: "We will play the rest of the game next month." ';

describe('a quotation closed by "he said"', () => {
	it.each([
		[
			'the person who acted since the last quotation',
			'United coach Alan Marsh praised the fans for their calm.',
			'Alan Marsh'
		],
		[
			'the last speaker when nobody else was named',
			'The match was stopped after 88 minutes.',
			'Tom Reid'
		],
		[
			'the last speaker when the name since is an object',
			'The decision was welcomed by United coach Alan Marsh.',
			'Tom Reid'
		],
		[
			'the last speaker when the name since is a possessive',
			"Reid rejected United coach Alan Marsh's complaints about the referee.",
			'Tom Reid'
		],
		[
			'the last speaker acting again, whoever else the sentence names',
			'Reid also insisted that Alan Marsh had agreed to the plan.',
			'Tom Reid'
		]
	])('is %s', (_, between, speaker) => {
		const d = analyze(`${FIRST}${between} "It was the only safe choice," he said.`);
		const q = d.quotes.find((x) => x.text.includes('only safe choice'));
		expect(q && d.entities[q.speaker]?.name).toBe(speaker);
	});
});
