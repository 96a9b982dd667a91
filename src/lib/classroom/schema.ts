/**
 * The classroom quiz: a compact, self-contained form of the generator's questions that travels in a
 * link or QR code. Everything here is checked with strict size limits, because a link is written by
 * whoever sent it and must be treated as untrusted text.
 */
import { z } from 'zod';

/** Size limits. A quiz beyond them is refused, whatever its source. */
export const LIMITS = {
	questions: 50,
	idLength: 64,
	title: 200,
	prompt: 500,
	answer: 200,
	choice: 200,
	hint: 60,
	evidence: 1000,
	choicesMin: 2,
	choicesMax: 6,
	/** At most 6 pairs, so that a match answer (a permutation) fits in 10 bits. */
	pairsMin: 2,
	pairsMax: 6,
	secondsMin: 5,
	secondsMax: 600,
	pointsMax: 10_000
} as const;

/** Keys that could reach an object's prototype if code ever copied them onto a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** C0 and C1 control characters; tabs and newlines are not expected in any quiz text either. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function text(max: number, min = 0) {
	return z
		.string()
		.min(min)
		.max(max)
		.refine((value) => !CONTROL.test(value), { message: 'Control characters are not allowed' });
}

const prompt = text(LIMITS.prompt, 1);
const evidence = text(LIMITS.evidence);
const points = z.int().min(0).max(LIMITS.pointsMax);

/** Refuses a raw input object that carries a prototype-pollution key, before zod reads it. */
function hasForbiddenKey(value: unknown): boolean {
	if (typeof value !== 'object' || value === null) return false;
	for (const key of Object.keys(value)) {
		if (FORBIDDEN_KEYS.has(key)) return true;
		if (hasForbiddenKey((value as Record<string, unknown>)[key])) return true;
	}
	return false;
}

const choiceQuestion = z
	.strictObject({
		type: z.enum(['multiple-choice', 'quote']),
		prompt,
		choices: z.array(text(LIMITS.choice, 1)).min(LIMITS.choicesMin).max(LIMITS.choicesMax),
		/** Index of the correct choice in `choices`. */
		answer: z.int().min(0),
		evidence,
		points
	})
	.refine((q) => q.answer < q.choices.length, {
		message: 'The answer must be one of the choices',
		path: ['answer']
	})
	.refine((q) => new Set(q.choices).size === q.choices.length, {
		message: 'Choices must differ',
		path: ['choices']
	});

const trueFalseQuestion = z.strictObject({
	type: z.literal('true-false'),
	prompt,
	answer: z.boolean(),
	evidence,
	points
});

const clozeQuestion = z.strictObject({
	type: z.literal('cloze'),
	prompt,
	answer: text(LIMITS.answer, 1),
	hint: text(LIMITS.hint),
	evidence,
	points
});

const shortAnswerQuestion = z.strictObject({
	type: z.literal('short-answer'),
	prompt,
	answer: text(LIMITS.answer, 1),
	evidence,
	points
});

const matchQuestion = z
	.strictObject({
		type: z.literal('match'),
		prompt,
		/** Left and right halves in their correct pairing; the right side is shown shuffled. */
		pairs: z
			.array(z.tuple([text(LIMITS.choice, 1), text(LIMITS.choice, 1)]))
			.min(LIMITS.pairsMin)
			.max(LIMITS.pairsMax),
		evidence,
		points
	})
	.refine((q) => new Set(q.pairs.map((pair) => pair[1])).size === q.pairs.length, {
		message: 'Right-hand items must differ',
		path: ['pairs']
	});

export const classroomQuestionSchema = z.union([
	choiceQuestion,
	trueFalseQuestion,
	clozeQuestion,
	shortAnswerQuestion,
	matchQuestion
]);

const quizObject = z.strictObject({
	id: z
		.string()
		.min(1)
		.max(LIMITS.idLength)
		.regex(/^[A-Za-z0-9_-]+$/, 'Letters, digits, - and _ only'),
	title: text(LIMITS.title, 1),
	secondsPerQuestion: z.int().min(LIMITS.secondsMin).max(LIMITS.secondsMax),
	shuffleOptions: z.boolean(),
	speedPoints: z.boolean(),
	questions: z.array(classroomQuestionSchema).min(1).max(LIMITS.questions)
});

/** The quiz schema. Refuses extra keys anywhere and any `__proto__`, `constructor` or `prototype` key. */
export const classroomQuizSchema = z
	.unknown()
	.refine((value) => !hasForbiddenKey(value), { message: 'Forbidden key', abort: true })
	.pipe(quizObject);

export type ClassroomQuestion = z.infer<typeof classroomQuestionSchema>;
export type ClassroomQuiz = z.infer<typeof quizObject>;
export type ClassroomQuestionType = ClassroomQuestion['type'];
export type ChoiceQuestion = Extract<ClassroomQuestion, { type: 'multiple-choice' | 'quote' }>;
export type MatchQuestion = Extract<ClassroomQuestion, { type: 'match' }>;
