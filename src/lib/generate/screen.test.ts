import { describe, expect, it } from 'vitest';
import type { Rejection } from './explain';
import { readForTest } from './fixtures/read';
import { questionsForFact, type Built } from './questions';
import { complementShown, ENOUGH_CLEAN, headingFragment, screen, screened } from './screen';

function built(text: string) {
	const { doc, ctx, facts, rejected } = readForTest(text);
	const out: Built[] = [];
	for (const f of facts) out.push(...questionsForFact(ctx, f));
	for (const b of out) b.q.score = 1;
	return { doc, out, rejected };
}

/** Every percentage blank of the text is (or is not) given away by its complement. */
function expectComplement(text: string, shown: boolean) {
	const { doc, out } = built(text);
	const pct = out.filter((b) => b.fact.answer?.kind === 'percent' && b.q.type !== 'true-false');
	expect(pct.length).toBeGreaterThan(0);
	for (const b of pct) expect(complementShown(doc, b), b.q.prompt).toBe(shown);
}

describe('heading fragments', () => {
	it('finds lines in capitals and lines with no verb', () => {
		for (const text of [
			'TOO MUCH TV FOR KIDS',
			'Game Boy Advance SP',
			'Best Film of the Year',
			'WHO WAS OSCAR?'
		])
			expect(headingFragment(text), text).toBe(true);
		expect(headingFragment('MILL 2 (WORKING TITLE) Mill remains a benchmark for games.')).toBe(
			true
		);
		expect(headingFragment('HOW IT ALL STARTED The first awards were handed out in 1929.')).toBe(
			true
		);
	});

	it('leaves sentences, acronyms and all', () => {
		for (const text of [
			'The BBC and ITV said the UK market grew by 5%.',
			'Ann Ridley won.',
			'The other is China Construction Bank.',
			'UK GDP grew by 3% in 2004.',
			'US FDA and SEC staff met on Monday.'
		])
			expect(headingFragment(text), text).toBe(false);
	});
});

describe('complement shown', () => {
	it('drops a percentage blank whose complement stands in the sentence', () => {
		expectComplement(
			'Local films took 37.5% of the box office in Tarrow last year, and foreign films took the remaining 62.5%. Ann Ridley said the share of local films would rise.',
			true
		);
	});

	it('keeps a percentage beside figures that do not add up to a whole', () => {
		expectComplement(
			'Sales at Greenvale Foods rose 12% in 2004, after a 9% fall in 2003. Ann Ridley said the rise came from new bakeries.',
			false
		);
	});
});

describe('screening a deck', () => {
	const text =
		'Greenvale Foods will close its mill in Tarrow with the loss of 240 jobs, chief executive Ann Ridley said. The website said 4,000 people had signed a petition by March 2005. Local films took 37.5% of sales, and foreign films took the remaining 62.5%.';

	it('names the rule for every question it drops and discounts those leaning on context', () => {
		const { doc, out } = built(text);
		const rejected: Rejection[] = [];
		const risky = new Set<Built>();
		const kept = screen(doc, out, (r) => rejected.push(r), risky);
		expect(rejected.some((r) => r.reason === 'complement-shown')).toBe(true);
		expect(kept.length + rejected.length).toBe(out.length);
		const website = kept.filter((b) =>
			/^(?:Which \w+ completes the sentence\? )?The website/.test(b.q.prompt)
		);
		expect(website.length).toBeGreaterThan(0);
		for (const b of website) {
			expect(risky.has(b)).toBe(true);
			expect(b.q.score).toBeLessThan(1);
		}
	});

	it('puts them after the clean questions of a short deck', () => {
		const { doc, out } = built(text);
		const website = (b: Built) => /The website/.test(b.q.prompt);
		const short = (kept: Built[]) => [
			...kept.filter(website),
			...kept.filter((b) => !website(b)).slice(0, 5)
		];
		const order = screened(doc, out, () => {}, short).map(website);
		expect(order.filter(Boolean).length).toBeGreaterThan(0);
		expect(order.indexOf(true)).toBe(5);
	});

	it('leaves them out, naming the rule, when the deck has enough clean questions', () => {
		const { doc, out } = built(text);
		const clean = Array.from({ length: ENOUGH_CLEAN }, (_, i) => ({
			...(out.find((b) => !/The website/.test(b.q.prompt)) as Built),
			q: { ...(out[0] as Built).q, id: `clean${i}`, prompt: `Ann Ridley said ${i}.` }
		}));
		const rejected: Rejection[] = [];
		const order = screened(
			doc,
			[...out, ...clean],
			(r) => rejected.push(r),
			(kept) => kept
		);
		expect(order.some((b) => /The website/.test(b.q.prompt))).toBe(false);
		expect(rejected.some((r) => r.reason === 'needs-context')).toBe(true);
	});
});
