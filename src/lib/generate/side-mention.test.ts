import { describe, expect, it } from 'vitest';
import { generateDeck, type Rejection } from '.';
import { readForTest } from './fixtures/read';
import { sideName } from './quality';

const TITLE = 'Millbrook bridge rebuild approved';
const TEXT = [
	'Millbrook council has approved a £25m scheme to rebuild the town bridge after two years of delays.',
	'Council leader Rosa Quint said the vote ended a long fight for the town.',
	'The bridge, opened in 1904, was closed by floods in 2019.',
	'Rosa Quint said the new bridge would carry 12,000 vehicles a day.',
	'Builders from the firm Arcway Civil will begin the work in June.',
	'Millbrook council will borrow £8m and take the rest from a government grant.',
	'Ferry passengers were later seen queuing at a cafe called Lantern on the quay.',
	'"It was long overdue," said analyst Ann Lee.',
	'Harbourmaster Ivo Brandt closed the old ferry in 2021.',
	'The old stone arches will be kept, and the new deck will be made of steel.',
	'Millbrook council said 900 firms had lost trade while the crossing was shut.',
	'A temporary ferry carried 40,000 passengers across the river during the closure.',
	'Rosa Quint thanked the engineers who surveyed the piers.',
	'Work is expected to take about 30 months, with one lane kept open for buses.',
	'Residents in Lowport have asked for the same flood barrier.',
	'Millbrook council expects the bridge to reopen in 2027.'
];

describe('side-mention: a name given once, in a sentence not about the main actors', () => {
	const { doc, cloze } = readForTest(TEXT.join('\n\n'), TITLE);
	const first = (answer: string) => {
		const b = cloze(answer)[0];
		expect(b, `a cloze on ${answer}`).toBeTruthy();
		return b as NonNullable<typeof b>;
	};

	it('flags a side name in a side sentence', () => {
		expect(sideName(doc, first('Lantern'), TITLE)).toBe(true);
	});

	it('leaves a main actor, a speaker and a once-named subject who acts', () => {
		expect(sideName(doc, first('Rosa Quint'), TITLE)).toBe(false);
		expect(sideName(doc, first('Ann Lee'), TITLE)).toBe(false);
		expect(sideName(doc, first('Harbourmaster Ivo Brandt'), TITLE)).toBe(false);
	});

	it('names the rule when a side name is ranked out of the deck', () => {
		const rejected: Rejection[] = [];
		generateDeck(TEXT.join('\n\n'), { title: TITLE, onReject: (r) => rejected.push(r) });
		expect(
			rejected.some((r) => r.reason === 'ranked-out' && /\(side-mention\)$/.test(r.detail ?? ''))
		).toBe(true);
	});
});
