/**
 * Grading, shared by the student's device (which grades typed answers before sending a result
 * code) and the teacher's (which grades chosen options from the code).
 *
 * What an answer is, by question type:
 * - multiple-choice, quote: the index of the chosen option in the quiz's own order (not the
 *   shuffled order shown), or null for no answer;
 * - true-false: 1 for True, 0 for False, or null;
 * - match: the rank (see `permutationIndex`) of the student's pairing, where pairing[i] is the index
 *   of the right-hand item put beside left-hand item i; 0 is the correct pairing;
 * - cloze, short-answer: the typed text on the student's device; after a result code, 1 (correct),
 *   0 (wrong) or 2 (graded wrong, counted right by the student's own call, "I was right"), since
 *   the code carries the verdict, not the text.
 */
import { gradeTyped, overrideGrade, type Grade } from '$lib/quiz/grade';
import type { ClassroomQuestion, ClassroomQuiz } from './schema';

export type StudentAnswer = number | string | null;

export function isTextQuestion(
	q: ClassroomQuestion
): q is Extract<ClassroomQuestion, { type: 'cloze' | 'short-answer' }> {
	return q.type === 'cloze' || q.type === 'short-answer';
}

function factorial(n: number): number {
	let out = 1;
	for (let i = 2; i <= n; i++) out *= i;
	return out;
}

/** How many pairings a match question with `pairs` items has. */
export function pairingCount(pairs: number): number {
	return factorial(pairs);
}

/**
 * The rank of a permutation of 0..n-1 in lexicographic order (its Lehmer code read as a number):
 * the identity is 0. Returns null if `perm` is not a permutation.
 */
export function permutationIndex(perm: readonly number[]): number | null {
	const n = perm.length;
	const seen = new Set(perm);
	if (seen.size !== n || perm.some((v) => !Number.isInteger(v) || v < 0 || v >= n)) return null;
	let index = 0;
	for (let i = 0; i < n; i++) {
		let smaller = 0;
		for (let j = i + 1; j < n; j++) if ((perm[j] ?? 0) < (perm[i] ?? 0)) smaller++;
		index += smaller * factorial(n - 1 - i);
	}
	return index;
}

/** The permutation of 0..n-1 with the given rank; the inverse of `permutationIndex`. */
export function permutationFromIndex(index: number, n: number): number[] {
	const pool = Array.from({ length: n }, (_, i) => i);
	const out: number[] = [];
	let rest = index;
	for (let i = n - 1; i >= 0; i--) {
		const f = factorial(i);
		const pick = Math.floor(rest / f);
		rest %= f;
		out.push(pool.splice(pick, 1)[0] ?? 0);
	}
	return out;
}

/** A typed-text verdict that a result code carries: right by the student's own call. */
export const OVERRIDDEN = 2;

/**
 * A typed answer graded on the student's device by the app's one grader (the practice quiz's, so
 * a typed answer gets the same verdict in both), with the student's "I was right" when they said
 * so: as in the practice quiz, it turns only a wrong verdict into a right one, marked overridden.
 */
export function gradeTypedAnswer(
	question: Extract<ClassroomQuestion, { type: 'cloze' | 'short-answer' }>,
	text: string,
	overridden = false
): Grade & { overridden: boolean } {
	const grade = gradeTyped(text, question.answer);
	return overridden ? overrideGrade(grade) : { ...grade, overridden: false };
}

/** Whether an answer is a typed one the student counted right after the grader marked it wrong. */
export function isOverridden(question: ClassroomQuestion, answer: StudentAnswer): boolean {
	return isTextQuestion(question) && answer === OVERRIDDEN;
}

/**
 * Whether an answer is right. Typed text is graded here on the student's device (see
 * `gradeTypedAnswer`); a number for a text question is a verdict already made (1 right, 0 wrong,
 * 2 right by the student's own call), as a result code carries it.
 */
export function isCorrect(question: ClassroomQuestion, answer: StudentAnswer): boolean {
	if (answer === null) return false;
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return answer === question.answer;
		case 'true-false':
			return answer === (question.answer ? 1 : 0);
		case 'match':
			return answer === 0;
		case 'cloze':
		case 'short-answer':
			return typeof answer === 'string'
				? gradeTypedAnswer(question, answer).correct
				: answer === 1 || answer === OVERRIDDEN;
	}
}

/**
 * Points for one answer. With speed points on, a right answer earns
 * `points * (1 - t / (2 * limit))`, rounded: full points at once, half at the buzzer.
 */
export function answerPoints(
	quiz: Pick<ClassroomQuiz, 'secondsPerQuestion' | 'speedPoints'>,
	question: ClassroomQuestion,
	correct: boolean,
	seconds: number | null
): number {
	if (!correct) return 0;
	if (!quiz.speedPoints || seconds === null) return question.points;
	const t = Math.min(Math.max(seconds, 0), quiz.secondsPerQuestion);
	return Math.round(question.points * (1 - t / (2 * quiz.secondsPerQuestion)));
}

/**
 * A display order for `count` options, the same for the same seed: a seeded Fisher-Yates shuffle.
 * Map a shown position back with `order[shown]` to get the index to record as the answer.
 */
export function shuffledOrder(count: number, seed: number): number[] {
	// Scramble the seed first so that neighbouring seeds (0, 1, 2...) give unrelated orders.
	let state = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
	state = Math.imul(state ^ (state >>> 13), 0xc2b2ae35) >>> 0 || 1;
	const next = () => {
		state ^= state << 13;
		state >>>= 0;
		state ^= state >>> 17;
		state ^= state << 5;
		state >>>= 0;
		return state / 0x100000000;
	};
	const order = Array.from({ length: count }, (_, i) => i);
	for (let i = count - 1; i > 0; i--) {
		const j = Math.floor(next() * (i + 1));
		[order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
	}
	return order;
}
