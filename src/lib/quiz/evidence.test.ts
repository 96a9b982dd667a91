import { describe, expect, it } from 'vitest';
import { evidenceSentences, spanText } from './evidence';

const TEXT = [
	'Helen Marsh led the design team.',
	'The gates took four years to build.',
	'Omar Aziz is the city engineer.',
	'Rain fell for a week.',
	'Zoë Núñez chairs the council.'
].join(' ');

function spanOf(sentence: string) {
	const start = TEXT.indexOf(sentence);
	return { start, end: start + sentence.length };
}

const facts = TEXT.split(/(?<=\.) /).map((s) => ({ evidence: spanOf(s) }));

describe('evidenceSentences', () => {
	it('gives a question its own sentence', () => {
		const q = { type: 'short-answer' as const, evidence: spanOf('Rain fell for a week.') };
		expect(evidenceSentences(q, TEXT, facts)).toEqual(['Rain fell for a week.']);
	});

	it('gives a match question only the sentences that name its pairs, not all between', () => {
		const q = {
			type: 'match' as const,
			evidence: { start: 0, end: TEXT.length },
			pairs: [
				['Helen Marsh', 'Design lead'],
				['Omar Aziz', 'City engineer'],
				['Zoe Nunez', 'Council chair']
			] as [string, string][]
		};
		expect(evidenceSentences(q, TEXT, facts)).toEqual([
			'Helen Marsh led the design team.',
			'Omar Aziz is the city engineer.',
			'Zoë Núñez chairs the council.'
		]);
	});

	it('cuts a match question without facts to a short excerpt', () => {
		const q = {
			type: 'match' as const,
			evidence: { start: 0, end: TEXT.length },
			pairs: [['Helen Marsh', 'Design lead']] as [string, string][]
		};
		const [only] = evidenceSentences(q, TEXT.repeat(20), []);
		expect(only!.length).toBeLessThanOrEqual(602);
	});
});

describe('spanText', () => {
	it('cuts a long span at a word boundary', () => {
		const long = 'word '.repeat(200);
		const out = spanText(long, { start: 0, end: long.length }, 50);
		expect(out.endsWith(' …')).toBe(true);
		expect(out.length).toBeLessThanOrEqual(52);
	});
});
