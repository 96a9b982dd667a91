import { describe, expect, it } from 'vitest';
import { analyze, isHeading } from './index';

const sentences = (t: string) => analyze(t).sentences.map((s) => s.text);

describe('sentence splitting', () => {
	it('keeps abbreviations, initials and decimals inside a sentence', () => {
		const t =
			'Mr. Lee met Dr. J. R. Moss at St. Anne’s on Jan. 5 in the U.S. capital. Prices rose 3.5% to $1.25m. The talks ended.';
		expect(sentences(t)).toEqual([
			'Mr. Lee met Dr. J. R. Moss at St. Anne’s on Jan. 5 in the U.S. capital.',
			'Prices rose 3.5% to $1.25m.',
			'The talks ended.'
		]);
	});

	it('breaks after a dotted acronym when a new sentence clearly starts', () => {
		expect(sentences('The firm moved to the U.S. The staff stayed behind.')).toEqual([
			'The firm moved to the U.S.',
			'The staff stayed behind.'
		]);
	});

	it('does not split inside a quotation and keeps the speaker with it', () => {
		const t = '"We lost. We will be back," the coach said. Fans were quiet.';
		expect(sentences(t)).toEqual([
			'"We lost. We will be back," the coach said.',
			'Fans were quiet.'
		]);
	});

	it('treats short unpunctuated lines as headings, never as sentences', () => {
		const doc = analyze(
			'Rain returns to the valley\nThe river rose by two metres on Sunday.\nWhat Comes Next\nRoads stay closed.'
		);
		expect(doc.headings.map((h) => h.title)).toEqual([
			'Rain returns to the valley',
			'What Comes Next'
		]);
		expect(doc.sentences.map((s) => s.section)).toEqual([0, 1]);
		expect(isHeading('The river rose.', false)).toBe(false);
		expect(isHeading('Troop Deployment and Monitoring on the Table', false)).toBe(true);
	});

	it('gives offsets into the original text', () => {
		const t = '  First one here.  Second one here.';
		const doc = analyze(t);
		for (const s of doc.sentences) expect(t.slice(s.start, s.end)).toBe(s.text);
	});
});

describe('bullet markers', () => {
	it('drops a leading dash or bullet from a line', () => {
		const doc = analyze(
			'Rovers won at home.\n - Manager Mark Hughes is aiming high. \n• Fans came.'
		);
		expect(doc.sentences.map((s) => s.text)).toEqual([
			'Rovers won at home.',
			'Manager Mark Hughes is aiming high.',
			'Fans came.'
		]);
	});

	it('keeps a dash that is part of the text', () => {
		expect(sentences('Rovers won - again.\n-5 degrees was the low.')).toEqual([
			'Rovers won - again.',
			'-5 degrees was the low.'
		]);
	});
});
