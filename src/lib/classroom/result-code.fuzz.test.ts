import { describe, expect, it } from 'vitest';
import { receivedResultSchema } from '$lib/db/backup-schema';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { crc16, toBase32 } from './codec';
import { randomQuiz } from './fixtures/random-quiz';
import { isCorrect, isTextQuestion, pairingCount, type StudentAnswer } from './grade';
import { quizHash } from './link';
import {
	cleanName,
	decodeResult,
	encodeResult,
	MAX_NAME_BYTES,
	type DecodedResult,
	type StudentResult
} from './result-code';
import type { ClassroomQuiz } from './schema';

const SEED = fuzzSeed(0xc0de);
const never = () => false;

function randomAnswers(f: Fuzz, quiz: ClassroomQuiz): StudentResult {
	const answers: StudentAnswer[] = quiz.questions.map((q) => {
		if (f.chance(0.2)) return null;
		switch (q.type) {
			case 'multiple-choice':
			case 'quote':
				return f.int(q.choices.length);
			case 'true-false':
				return f.int(2);
			case 'match':
				return f.int(pairingCount(q.pairs.length));
			default:
				return f.chance(0.5) ? q.answer : f.text(20);
		}
	});
	return {
		quizHash: quizHash(quiz),
		name: f.text(40),
		answers,
		secondsTaken: quiz.questions.map(() => (f.chance(0.2) ? null : f.number()))
	};
}

/** What an accepted code must be: one answer per question, in range, graded, storable. */
function checkResult(result: DecodedResult, quiz: ClassroomQuiz, label: string): void {
	if (!result.ok) {
		expect(result.message.length, label).toBeGreaterThan(15);
		return;
	}
	const r = result.result;
	const n = quiz.questions.length;
	expect([r.answers.length, r.correct.length, r.secondsTaken.length], label).toEqual([n, n, n]);
	quiz.questions.forEach((q, i) => {
		const a = r.answers[i];
		if (a === null || a === undefined) {
			expect(r.secondsTaken[i], label).toBeNull();
			return;
		}
		const radix =
			q.type === 'multiple-choice' || q.type === 'quote'
				? q.choices.length
				: q.type === 'match'
					? pairingCount(q.pairs.length)
					: 2;
		expect(Number.isInteger(a) && a >= 0 && a < radix, label).toBe(true);
		expect(r.correct[i], label).toBe(isCorrect(q, isTextQuestion(q) ? a : a));
		const s = r.secondsTaken[i];
		expect(typeof s === 'number' && s >= 0 && s <= quiz.secondsPerQuestion, label).toBe(true);
	});
	expect(r.name, label).toBe(cleanName(r.name));
	expect(new TextEncoder().encode(r.name).length, label).toBeLessThanOrEqual(MAX_NAME_BYTES);
	expect(r.code, label).toMatch(/^[0-9A-Z]{1,4}(-[0-9A-Z]{1,4})*$/);
	// What the teacher's page keeps, a backup can carry.
	expect(receivedResultSchema.safeParse(r).success, label).toBe(true);
}

/**
 * Reads `code` against `quiz` (a throw fails the test with `label`), checks what came back, and
 * counts it in `tally` when given.
 */
async function readChecked(
	code: string,
	quiz: ClassroomQuiz,
	label: string,
	tally?: Tally
): Promise<DecodedResult> {
	const read = (
		(await attempt(label, () => decodeResult(code, quiz), never)) as {
			ok: true;
			value: DecodedResult;
		}
	).value;
	checkResult(read, quiz, label);
	tally?.add(
		read.ok ? { ok: true, value: read } : { ok: false, error: new Error(read.error) },
		read.ok ? '' : read.error
	);
	return read;
}

describe('result codes under fuzzing', () => {
	it(`reads back every code it writes, and no single-character typo as another result (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const quiz = randomQuiz(f, 20);
			const student = randomAnswers(f, quiz);
			const code = encodeResult(student, quiz);
			const label = `result code ${i} (seed ${SEED}): ${code}`;
			const read = await readChecked(code, quiz, label);
			expect(read.ok ? 'read' : read.message, label).toBe('read');
			if (!read.ok) continue;
			expect(read.result.name, label).toBe(cleanName(student.name));
			expect(read.result.code, label).toBe(code);
			// One typo: refused, or (a look-alike or a case change) read as the very same result.
			const at = f.int(code.length);
			const typo =
				code.slice(0, at) +
				f.pick([...'0123456789ABCDEFGHJKMNPQRSTVWXYZOIL-o ']) +
				code.slice(at + 1);
			const typoLabel = `${label} typed as ${typo}`;
			const typed = await readChecked(typo, quiz, typoLabel, tally);
			if (typed.ok) expect(typed.result, typoLabel).toEqual(read.result);
		}
		tally.report('result code typos');
		expect(tally.total).toBe(FUZZ_RUNS);
	}, 120_000);

	it(`refuses garbage and forged codes cleanly: ${FUZZ_RUNS} inputs (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED + 1);
		const tally = new Tally();
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const quiz = randomQuiz(f, 8);
			const roll = f.next();
			let code: string;
			if (roll < 0.25) code = f.text(60);
			else if (roll < 0.5) code = f.mutateTextTimes(encodeResult(randomAnswers(f, quiz), quiz), 4);
			else {
				// A correct check around bytes of the right version and quiz tag reaches the name
				// and answer readers with any values.
				const tag = quizHash(quiz).slice(0, 8);
				const head = f.chance(0.9) ? (1 << 5) | f.int(32) : f.int(256);
				const body = [
					head,
					...(tag.match(/../g) ?? []).map((h) => parseInt(h, 16)),
					...f.bytes(40)
				];
				const crc = crc16(Uint8Array.from(body));
				code = toBase32(Uint8Array.from([...body, crc >> 8, crc & 0xff]));
			}
			const label = `result input ${i} (seed ${SEED + 1}): ${code}`;
			await readChecked(code, quiz, label, tally);
		}
		tally.report('result code garbage');
		expect(tally.total).toBe(FUZZ_RUNS);
		expect(tally.refused).toBeGreaterThan(FUZZ_RUNS / 2);
	}, 120_000);
});
