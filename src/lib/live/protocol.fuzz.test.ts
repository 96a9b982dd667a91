import { describe, expect, it } from 'vitest';
import { randomQuiz } from '$lib/classroom/fixtures/random-quiz';
import { pairingCount } from '$lib/classroom/grade';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { acceptAnswer, askable, publicQuestion, spreadOf, type Accepted } from './protocol';

const SEED = fuzzSeed(0x11fe);
const never = () => false;

describe('live answers under fuzzing', () => {
	it(`accepts or ignores ${FUZZ_RUNS} answers a student's device could send (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const quiz = randomQuiz(f, 6);
			const index = f.chance(0.9) ? f.int(quiz.questions.length) : f.pick([-1, 99, 1.5, NaN]);
			const roll = f.next();
			const sent =
				roll < 0.4
					? { a: f.chance(0.5) ? f.int(8) : f.text(30), ms: f.number() }
					: roll < 0.7
						? { a: f.json(2), ms: f.json(1) }
						: roll < 0.85
							? { a: f.number() * 1e6, ms: -f.number() }
							: f.json(3);
			const seed = f.int(2 ** 31);
			const label = `live answer ${i} (seed ${SEED}): ${JSON.stringify(sent)?.slice(0, 100)}`;
			const outcome = await attempt(label, () => acceptAnswer(quiz, index, seed, sent), never);
			const accepted = (outcome as { ok: true; value: Accepted }).value;
			tally.add(accepted.answer === null ? { ok: false, error: new Error('none') } : outcome);
			const question = quiz.questions[index];
			if (accepted.answer === null) {
				expect(accepted.points, label).toBe(0);
				continue;
			}
			expect(question, label).toBeDefined();
			const radix =
				question!.type === 'multiple-choice' || question!.type === 'quote'
					? question!.choices.length
					: question!.type === 'match'
						? pairingCount(question!.pairs.length)
						: 2;
			expect(
				Number.isInteger(accepted.answer) && accepted.answer >= 0 && accepted.answer < radix,
				label
			).toBe(true);
			expect(Number.isFinite(accepted.points) && accepted.points >= 0, label).toBe(true);
			expect(accepted.points, label).toBeLessThanOrEqual(question!.points);
			const s = accepted.seconds;
			expect(s === null || (s >= 0 && s <= quiz.secondsPerQuestion), label).toBe(true);
			// The reveal and the student's form read every question without fault.
			expect(spreadOf(question!, [accepted]).length, label).toBeGreaterThan(0);
			expect(askable(publicQuestion(question!, index, seed)).type, label).toBe(question!.type);
		}
		tally.report('live answers (refused = no answer)');
		expect(tally.total).toBe(FUZZ_RUNS);
		expect(tally.accepted).toBeGreaterThan(FUZZ_RUNS / 10);
	}, 120_000);
});
