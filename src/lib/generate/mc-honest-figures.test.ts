/**
 * Made-up figures and dates that stay honest: no share above the whole, measures near the key,
 * days within the period the sentence names, pounds of weight asked as a weight.
 */
import { describe, expect, it } from 'vitest';
import { expectOffered, num } from './fixtures/options';
import { expectRefused } from './fixtures/read';
import { monthIn } from './distractors';
import { multipleChoiceBuilder } from './builders/multiple-choice';
import { poundsWeight, wholeSetPhrase } from './builders/multiple-choice';

describe('multiple choice: honest figures', () => {
	it('offers no share above 100% beside a share', () => {
		expectOffered({
			it: 'share',
			text: [
				'The harbour board said 90% of the boats in the bay were now fitted with radios.',
				'The board wants every boat fitted by the end of next year.'
			],
			key: '90%',
			also: ({ ds }) => {
				expect(ds.length).toBeGreaterThan(0);
				for (const d of ds) expect(num(d)).toBeLessThanOrEqual(100);
			}
		});
	});

	it('keeps a made-up time near the key', () => {
		expectOffered({
			it: 'time',
			text: [
				'The young skater set a track record of 38.42 in winning the final at the rink in Oslo.',
				'Her coach had set a record of 19.05 over a shorter course, and a rival skated 71.20.'
			],
			key: '38.42',
			also: ({ ds }) => {
				expect(ds.length).toBeGreaterThan(0);
				for (const d of ds) {
					expect(num(d)).toBeGreaterThan(38.42 * 0.74);
					expect(num(d)).toBeLessThan(38.42 * 1.31);
				}
			}
		});
	});

	it('keeps a made-up day within the months the sentence names', () => {
		expectOffered({
			it: 'named period',
			text: [
				'The choir will tour Norway in June and July, with concerts on 14 June and 5 July.',
				'The tour was first planned for 3 October, and rehearsals start on 20 January.'
			],
			key: '14 June',
			also: ({ ds }) => {
				expect(ds.length).toBeGreaterThan(0);
				for (const d of ds) expect([5, 6]).toContain(monthIn(d));
			}
		});
	});

	it('keeps a made-up day near the key month and offers one of its own month', () => {
		expectOffered({
			it: 'near month',
			text: [
				'The new season of the county league begins on 17 January, the organisers said.',
				'The draw was made on 12 December and the fixtures were printed on 3 December.'
			],
			key: '17 January',
			also: ({ ds }) => {
				expect(ds.length).toBeGreaterThan(0);
				for (const d of ds) expect([11, 0, 1]).toContain(monthIn(d));
				expect(ds.some((d) => monthIn(d) === 0)).toBe(true);
			}
		});
	});

	it('refuses a key of 100% in a set phrase', () => {
		expect(wholeSetPhrase('a 100% guarantee', { end: 6 }, '100%')).toBe(true);
		expect(wholeSetPhrase('wrote off 100% of the debt', { end: 14 }, '100%')).toBe(false);
		expectRefused({
			text: [
				'"There is now a 100% guarantee that the fault will not come back," said the engineer Tom Reid.',
				'The bridge reopened on Monday after three weeks of repairs by the city council.'
			],
			builder: multipleChoiceBuilder,
			answer: '100%',
			reason: 'set-phrase-figure'
		});
	});

	it('reads pounds beside a metric weight or a weight word as a weight', () => {
		const t = 'The small plane was overloaded by 700 pounds (320kg), the report found.';
		const start = t.indexOf('700');
		expect(poundsWeight(t, { start, end: start + 10 }, '700 pounds')).toBe(true);
		const u = 'The fine of 700 pounds was paid by the club.';
		const s2 = u.indexOf('700');
		expect(poundsWeight(u, { start: s2, end: s2 + 10 }, '700 pounds')).toBe(false);
	});
});
