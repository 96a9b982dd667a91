import { describe, expect, it } from 'vitest';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { gradeTyped, normaliseAnswer } from './grade';

const SEED = fuzzSeed(0x6ade);

describe('typed answers under fuzzing', () => {
	it(`grades ${FUZZ_RUNS} typed answers without crashing (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		// Words that are also names on Object.prototype once lower-cased.
		const traps = ['constructor', 'toString', '__proto__', 'valueOf', 'hasOwnProperty'];
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const expected = f.chance(0.3)
				? f.pick(['twenty five', '1.5 million', 'Paris', 'the first'])
				: f.text(30);
			const roll = f.next();
			const given =
				roll < 0.3
					? expected
					: roll < 0.6
						? f.mutateText(expected)
						: roll < 0.75
							? `${f.pick(['five', 'a', 'twenty', 'one'])} ${f.pick(traps)}`
							: f.text(f.chance(0.05) ? 600 : 40);
			const label = `typed answer ${i} (seed ${SEED}): ${JSON.stringify(given)} for ${JSON.stringify(expected)}`;
			const outcome = await attempt(
				label,
				() => gradeTyped(given, expected),
				() => false
			);
			tally.add(
				outcome.ok && outcome.value.correct ? outcome : { ok: false, error: new Error('wrong') }
			);
			const grade = (outcome as { ok: true; value: ReturnType<typeof gradeTyped> }).value;
			expect(typeof grade.correct, label).toBe('boolean');
			expect(grade.message.length, label).toBeGreaterThan(0);
			// The same text is always right, whatever it holds.
			if (given === expected && normaliseAnswer(expected)) expect(grade.correct, label).toBe(true);
			expect(typeof normaliseAnswer(given), label).toBe('string');
		}
		tally.report('typed answers (accepted = graded right)');
		expect(tally.total).toBe(FUZZ_RUNS);
	}, 120_000);
});
