import { describe, expect, it } from 'vitest';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { cardsToQuizlet, parseQuizlet, QuizletError } from './quizlet';

const SEED = fuzzSeed(0x91);
const LIMITS = { maxChars: 20_000, maxRows: 40, maxField: 60 };

describe('Quizlet import under fuzzing', () => {
	it(`reads or refuses ${FUZZ_RUNS} generated and damaged sets (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		let roundTrips = 0;
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const cards = Array.from({ length: f.range(1, f.chance(0.1) ? 60 : 10) }, () => ({
				front: f.text(f.chance(0.1) ? 90 : 30),
				back: f.text(30)
			}));
			const written = cardsToQuizlet(cards);
			const roll = f.next();
			const text =
				roll < 0.35 ? written : roll < 0.85 ? f.mutateTextTimes(written, 4) : f.text(300);
			const label = `Quizlet case ${i} (seed ${SEED})`;
			const outcome = await attempt(
				label,
				() => parseQuizlet(text, LIMITS),
				(e) => e instanceof QuizletError
			);
			tally.add(outcome);
			if (!outcome.ok) continue;
			const rows = outcome.value;
			expect(rows.length, label).toBeGreaterThan(0);
			expect(rows.length, label).toBeLessThanOrEqual(LIMITS.maxRows);
			for (const r of rows) {
				expect(r.front && r.back, label).toBeTruthy();
				expect(r.front.trim() === r.front && r.back.trim() === r.back, label).toBe(true);
				expect(Math.max(r.front.length, r.back.length), label).toBeLessThanOrEqual(LIMITS.maxField);
			}
			// A set this app wrote reads back line for line.
			if (text === written) {
				const lines = written.split('\n').filter((l) => l.trim());
				expect(
					rows.map((r) => `${r.front}\t${r.back}`),
					label
				).toEqual(
					lines.map((l) =>
						l
							.split('\t')
							.map((p) => p.trim())
							.join('\t')
					)
				);
				roundTrips++;
			}
		}
		tally.report('quizlet');
		tally.expectBothPaths();
		expect(roundTrips).toBeGreaterThan(0);
	}, 120_000);
});
