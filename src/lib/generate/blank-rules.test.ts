/** Cloze blanks that must be a whole unit with one right answer, and lines that are no sentences. */
import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import {
	bodyForPlace,
	clozeProblem,
	countListed,
	countOnly,
	listedAfter,
	nameOnly
} from './builders/cloze';
import { questionsForFact, type Built } from './questions';
import { brokenBlank, fragmentOpening, screen } from './screen';
import type { Rejection } from './explain';
import type { FactX } from './facts';

describe('rule count-listed: the list after a count counts it', () => {
	it('refuses "won three awards in the categories for A, B and C"', () => {
		const { doc, sureFact } = readForTest(
			'Zorbex 3 won three awards in the categories for racing, sound design and best handheld game. The firm was pleased.'
		);
		expect(countListed(doc, sureFact('three awards'))).toBe(true);
	});

	it('keeps a count that the list does not match', () => {
		const { doc, sureFact } = readForTest(
			'Zorbex 3 won four awards in the categories for racing, sound design and best handheld game. The firm was pleased.'
		);
		expect(countListed(doc, sureFact('four awards'))).toBe(false);
		expect(listedAfter(' awards for racing, sound and art.')).toBe(3);
		expect(listedAfter(' awards on Monday, the firm said.')).toBe(0);
	});
});

describe('rule descriptor-in-key: a nationality noun stays outside the blank', () => {
	it('blanks the name alone after "Frenchman"', () => {
		const { doc, facts } = readForTest(
			'Tom Reyes won the title in Perth. He is set to meet Frenchman Arnaud Pellet in the first round of the Open.\n\nReyes was pleased.'
		);
		const f = facts.find((x) => x.answer?.text === 'Frenchman Arnaud Pellet') as FactX;
		expect(f).toBeTruthy();
		expect(nameOnly(doc, f)?.answer?.text).toBe('Arnaud Pellet');
	});

	it('leaves a name with no descriptor', () => {
		const { doc, facts } = readForTest('He is set to meet Arnaud Pellet in the first round.');
		const f = facts.find((x) => x.answer?.text === 'Arnaud Pellet');
		if (f) expect(nameOnly(doc, f)).toBeNull();
	});
});

describe('a count of people written as an adjective', () => {
	it('blanks "150,000" alone in "the estimated 150,000 dead"', () => {
		const { doc, facts } = readForTest(
			'Leaders joined a silence at noon for the estimated 150,000 dead. The fund grew.'
		);
		const f = facts.find((x) => x.answer?.text === '150,000 dead') as FactX;
		expect(f).toBeTruthy();
		expect(countOnly(doc, f)?.answer?.text).toBe('150,000');
	});
});

describe('rule body-for-place: a body and its seat are two units', () => {
	it('flags a town after "for" but not a country or a region', () => {
		expect(bodyForPlace('Parliament for Sheffield Brightside')).toBe(true);
		expect(bodyForPlace('Commission for Africa')).toBe(false);
		expect(bodyForPlace('Department for Education')).toBe(false);
	});
});

describe('a blank that starts inside a word', () => {
	it('refuses "his 24_____" → th career title', () => {
		const { doc, ctx, facts } = readForTest(
			'Reyes went into the final as favourite to clinch his 24th career title after dropping one set all week.\n\nHe won in Perth.'
		);
		const f = facts.find((x) => x.answer?.text === 'th career title') as FactX;
		expect(f, [...facts.map((x) => x.answer?.text)].join('|')).toBeTruthy();
		expect(clozeProblem(ctx, f)).toBe('blank-cuts-name');
		expect(doc.sentences.length).toBe(2);
	});
});

describe('rule sentence-fragment and rule answer-twice', () => {
	it('finds a sentence that lost its start', () => {
		expect(fragmentOpening(', who had already qualified, lost 2-1 to Dorset.')).toBe(true);
		expect(fragmentOpening('and then the side lost 2-1 to Dorset.')).toBe(true);
		expect(fragmentOpening('iPod sales rose by 5%.')).toBe(false);
		expect(fragmentOpening('The side lost 2-1 to Dorset.')).toBe(false);
		expect(fragmentOpening('"We lost," he said.')).toBe(false);
	});

	it('finds a prompt with two blanks or a blank on a figure', () => {
		expect(brokenBlank('"I can confirm _____ did," a _____ spokeswoman said.')).toBe(
			'answer-twice'
		);
		expect(brokenBlank('Growth slowed to 5._____ in the quarter.')).toBe('blank-in-figure');
		expect(brokenBlank('Growth slowed to _____ in the quarter.')).toBeNull();
	});

	it('screens out every question on a fragment', () => {
		const { doc, ctx, facts } = readForTest(
			', who had already qualified, lost 2-1 to Dorset Rovers in Leeds on Monday.'
		);
		const out: Built[] = [];
		for (const f of facts) out.push(...questionsForFact(ctx, f));
		const asked = out.filter((b) => b.q.type !== 'match');
		expect(asked.length).toBeGreaterThan(0);
		const rejected: Rejection[] = [];
		const kept = screen(doc, asked, (r) => rejected.push(r), new Set());
		expect(kept).toEqual([]);
		expect(rejected.some((r) => r.detail?.includes('sentence-fragment'))).toBe(true);
	});
});

describe('rule common-blank in the screen: a common word gives way to other fillers', () => {
	it('leaves "leave the _____" → band out of an article deck in the strict pass', () => {
		const text =
			'Tom Reyes asked the bassist to leave the band after the tour in Leeds.\n\nThe Larks were formed in Dundee in 1994 by Reyes and Ann Pike.';
		const { doc, ctx, facts } = readForTest(text);
		const out: Built[] = [];
		for (const f of facts) out.push(...questionsForFact(ctx, f));
		const band = out.filter((b) => b.q.type === 'cloze' && b.q.answer === 'band');
		expect(band.length).toBeGreaterThan(0);
		const rejected: Rejection[] = [];
		const strict = screen(doc, band, (r) => rejected.push(r), new Set(), true);
		expect(strict).toEqual([]);
		expect(rejected[0]?.reason).toBe('blank-on-common-word');
		expect(screen(doc, band, () => {}, new Set(), false).length).toBe(band.length);
	});
});

describe('rule blank-generic-modifier: a side before "international"', () => {
	it('refuses "former _____ international Tom Reyes" → Wales', () => {
		const { ctx, facts } = readForTest(
			'Dorset will not recall former Wales international Tom Reyes from his loan at Leeds.\n\nThe club said so on Monday.'
		);
		const f = facts.find((x) => x.answer?.text === 'Wales') as FactX;
		expect(f, facts.map((x) => x.answer?.text).join('|')).toBeTruthy();
		expect(clozeProblem(ctx, f)).toBe('blank-generic-modifier');
	});
});
