import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { distractors } from './distractors';
import { completesHalfDouble, figureOf } from './spacing';

describe('half and double the key', () => {
	it('reads the figure of an option', () => {
		expect(figureOf('£1,200m')).toBe(1200);
		expect(figureOf('37.5%')).toBe(37.5);
		expect(figureOf('several')).toBeNaN();
	});

	it('refuses the option that completes the pattern, whichever comes first', () => {
		expect(completesHalfDouble('£40m', ['£20m'], '£80m')).toBe(true);
		expect(completesHalfDouble('£40m', ['£80m'], '£20m')).toBe(true);
		expect(completesHalfDouble('20%', ['30%', '40%'], '10%')).toBe(true);
	});

	it('lets either one alone, and other spacing, through', () => {
		expect(completesHalfDouble('£40m', ['£30m'], '£80m')).toBe(false);
		expect(completesHalfDouble('£40m', ['£20m'], '£55m')).toBe(false);
		expect(completesHalfDouble('several', ['two'], 'four')).toBe(false);
	});

	it('keeps a round key out of the middle of a doubling in real options', () => {
		const texts = [
			'Greenvale Foods will pay $2bn to settle the case, chief executive Ann Ridley said on Monday.',
			'Carlsberg plans to cut 200 jobs in Sweden, where sales have been hit by cheap imports.',
			'Jet Airways sold 20% of its equity in a bid to raise money for new aircraft.'
		];
		for (const t of texts) {
			const doc = analyze(t);
			const m = doc.mentions.find((x) => /money|number|percent|quantity/.test(x.kind));
			expect(m, t).toBeTruthy();
			if (!m) continue;
			const a = { text: m.text, kind: m.kind as 'money', value: m.value, entity: -1, span: m };
			const ds = distractors(doc, a, [], 3);
			const k = figureOf(m.text);
			const fs = ds.map(figureOf);
			// Too few honest options left: the fact becomes another type of question.
			expect(ds.length, t).toBeGreaterThanOrEqual(2);
			expect(fs.includes(k / 2) && fs.includes(k * 2), `${m.text}: ${ds.join(', ')}`).toBe(false);
		}
	});
});
