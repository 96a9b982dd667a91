import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import type { Ctx } from './builders/common';
import type { Rejection } from './explain';
import { extractFacts } from './facts';
import { questionsForFact, type Built } from './questions';
import { complementShown, headingFragment, screen, screened } from './screen';
import { lowerWords } from './select';

function built(text: string) {
	const doc = analyze(text);
	const rejected: Rejection[] = [];
	const ctx: Ctx = { doc, seed: 1, lowerSeen: lowerWords(doc), reject: (r) => rejected.push(r) };
	const out: Built[] = [];
	for (const f of extractFacts(doc, undefined, ctx.reject)) out.push(...questionsForFact(ctx, f));
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
		expect(headingFragment('TOO MUCH TV FOR KIDS')).toBe(true);
		expect(headingFragment('Game Boy Advance SP')).toBe(true);
		expect(headingFragment('Best Film of the Year')).toBe(true);
	});

	it('leaves sentences, acronyms and all', () => {
		expect(headingFragment('The BBC and ITV said the UK market grew by 5%.')).toBe(false);
		expect(headingFragment('Ann Ridley won.')).toBe(false);
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

	it('keeps the questions at risk out of the first ten clean ones', () => {
		const { doc, out } = built(text);
		const order = screened(
			doc,
			out,
			() => {},
			(kept) => kept
		);
		const atRisk = order.map((b) => /The website/.test(b.q.prompt));
		const clean = atRisk.filter((r) => !r).length;
		expect(atRisk.some(Boolean)).toBe(true);
		expect(atRisk.indexOf(true)).toBe(Math.min(10, clean));
	});
});
