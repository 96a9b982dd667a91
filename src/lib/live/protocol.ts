/**
 * The live classroom's shared documents, as the app reads and writes them. Pure: no DOM, Svelte,
 * Dexie or network. See server/live.ts for who may open which document.
 *
 * - session document, map `live`: `title`, `total`, `seconds`, `phase`, `index`, `question` (the
 *   question on show, without its key), `reveal` (the key and the spread, once revealed),
 *   `board` (the leaderboard). Written by the teacher; students read it.
 * - a student's document: map `answers` (`"3"` → `{ a, ms }`, written by the student), map
 *   `override` (`"3"` → true: "I was right" on a typed answer graded wrong, written by the student
 *   once, checked by the server and by the teacher's device) and map `result` (`"3"` → the answer
 *   the teacher accepted and its grade; `score`), written by the teacher, so a reload on either
 *   side keeps them.
 */
import {
	answerLabel,
	answerPoints,
	isCorrect,
	permutationFromIndex,
	permutationIndex,
	shuffledOrder,
	type ClassroomQuestion,
	type ClassroomQuiz,
	type ReceivedResult,
	type StudentAnswer
} from '$lib/classroom';
import { gradeTypedAnswer, isTextQuestion, OVERRIDDEN } from '$lib/classroom/grade';

export type LivePhase = 'lobby' | 'question' | 'reveal' | 'board' | 'ended';

/** A question as students see it before its reveal: no answer, match pairs mixed. */
export type PublicQuestion =
	| { index: number; type: 'multiple-choice' | 'quote'; prompt: string; choices: string[] }
	| { index: number; type: 'true-false' | 'short-answer'; prompt: string }
	| { index: number; type: 'cloze'; prompt: string; hint: string }
	| { index: number; type: 'match'; prompt: string; pairs: [string, string][] };

export interface SpreadRow {
	label: string;
	count: number;
	correct: boolean;
}

export interface Reveal {
	index: number;
	/** The right answer, as text. */
	answer: string;
	spread: SpreadRow[];
	answered: number;
}

export interface BoardRow {
	name: string;
	score: number;
}

/** What a student sent for one question. */
export interface SentAnswer {
	a: StudentAnswer;
	/** Milliseconds from seeing the question to answering, on the student's device. */
	ms: number;
}

/** What the teacher accepted for one question (kept in the student's `result` map). */
export interface Accepted {
	/**
	 * As in a result code: option index, 1/0 for true/false, match rank, typed verdict 1 (right),
	 * 0 (wrong) or 2 (graded wrong, counted right by the student's own call).
	 */
	answer: number | null;
	correct: boolean;
	points: number;
	seconds: number | null;
}

/** The order of a match question's right-hand side as shown live, fixed per session. */
export function matchOrder(question: ClassroomQuestion, index: number, seed: number): number[] {
	return question.type === 'match' ? shuffledOrder(question.pairs.length, seed + index * 7919) : [];
}

export function publicQuestion(
	question: ClassroomQuestion,
	index: number,
	seed: number
): PublicQuestion {
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return {
				index,
				type: question.type,
				prompt: question.prompt,
				choices: [...question.choices]
			};
		case 'true-false':
		case 'short-answer':
			return { index, type: question.type, prompt: question.prompt };
		case 'cloze':
			return { index, type: 'cloze', prompt: question.prompt, hint: question.hint };
		case 'match': {
			const order = matchOrder(question, index, seed);
			return {
				index,
				type: 'match',
				prompt: question.prompt,
				pairs: question.pairs.map((pair, i) => [pair[0], question.pairs[order[i] ?? i]?.[1] ?? ''])
			};
		}
	}
}

/**
 * The public question in the form the answer form takes: a full classroom question whose key
 * fields are placeholders. Nothing reads them before the reveal.
 */
export function askable(question: PublicQuestion): ClassroomQuestion {
	const base = { prompt: question.prompt, evidence: '', points: 0 };
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return { ...base, type: question.type, choices: question.choices, answer: 0 };
		case 'true-false':
			return { ...base, type: 'true-false', answer: false };
		case 'short-answer':
			return { ...base, type: 'short-answer', answer: '' };
		case 'cloze':
			return { ...base, type: 'cloze', answer: '', hint: question.hint };
		case 'match':
			return { ...base, type: 'match', pairs: question.pairs };
	}
}

export function answerText(question: ClassroomQuestion): string {
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return question.choices[question.answer] ?? '';
		case 'true-false':
			return question.answer ? 'True' : 'False';
		case 'cloze':
		case 'short-answer':
			return question.answer;
		case 'match':
			return question.pairs.map(([left, right]) => `${left}: ${right}`).join('; ');
	}
}

/**
 * Grades what a student sent for question `index` of `quiz`, as the teacher's device accepts it.
 * Sent values of the wrong kind count as no answer.
 */
export function acceptAnswer(
	quiz: ClassroomQuiz,
	index: number,
	seed: number,
	sent: unknown
): Accepted {
	const question = quiz.questions[index];
	const value = (sent as Partial<SentAnswer> | null)?.a;
	const ms = (sent as Partial<SentAnswer> | null)?.ms;
	const seconds =
		typeof ms === 'number' && Number.isFinite(ms)
			? Math.min(Math.max(Math.round(ms / 1000), 0), quiz.secondsPerQuestion)
			: null;
	const none: Accepted = { answer: null, correct: false, points: 0, seconds: null };
	if (!question || value === null || value === undefined) return none;
	let answer: number;
	if (isTextQuestion(question)) {
		if (typeof value !== 'string' || value.length > 200) return none;
		answer = isCorrect(question, value) ? 1 : 0;
	} else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
		return none;
	} else if (question.type === 'match') {
		const n = question.pairs.length;
		const shown = permutationFromIndex(value, n);
		const order = matchOrder(question, index, seed);
		const actual = permutationIndex(shown.map((j) => order[j] ?? j));
		if (actual === null) return none;
		answer = actual;
	} else {
		answer = value;
		if (question.type === 'true-false' && value > 1) return none;
		if (
			(question.type === 'multiple-choice' || question.type === 'quote') &&
			value >= question.choices.length
		) {
			return none;
		}
	}
	const correct = isCorrect(question, answer);
	return { answer, correct, points: answerPoints(quiz, question, correct, seconds), seconds };
}

/**
 * The teacher's device takes a student's "I was right" on question `index`: the typed text they
 * sent is graded again by the one grader with their call (`gradeTypedAnswer`), which turns only a
 * wrong verdict into a right one, marked as theirs. Null when there is nothing to turn: not a typed
 * question, no text, an answer already right, or one already counted by their call.
 */
export function acceptOverride(
	quiz: ClassroomQuiz,
	index: number,
	sent: unknown,
	accepted: Accepted | null | undefined
): Accepted | null {
	const question = quiz.questions[index];
	const text = (sent as Partial<SentAnswer> | null)?.a;
	if (!question || !isTextQuestion(question) || accepted?.answer !== 0) return null;
	if (typeof text !== 'string' || text.length > 200) return null;
	const grade = gradeTypedAnswer(question, text, true);
	if (!grade.overridden) return null;
	return {
		...accepted,
		answer: OVERRIDDEN,
		correct: grade.correct,
		points: answerPoints(quiz, question, grade.correct, accepted.seconds)
	};
}

/** The spread of accepted answers to one question, for the reveal. */
export function spreadOf(question: ClassroomQuestion, accepted: Accepted[]): SpreadRow[] {
	const answered = accepted.filter((a) => a.answer !== null);
	if (isTextQuestion(question)) {
		const right = answered.filter((a) => a.correct).length;
		const own = answered.filter((a) => a.answer === OVERRIDDEN).length;
		return [
			{ label: 'Right', count: right - own, correct: true },
			// Shown once a student has said so: graded wrong, counted right by their own call.
			...(own > 0 ? [{ label: 'Right by their own call', count: own, correct: true }] : []),
			{ label: 'Wrong', count: answered.length - right, correct: false }
		];
	}
	if (question.type === 'multiple-choice' || question.type === 'quote') {
		return question.choices.map((choice, i) => ({
			label: choice,
			count: answered.filter((a) => a.answer === i).length,
			correct: i === question.answer
		}));
	}
	if (question.type === 'true-false') {
		return [1, 0].map((v) => ({
			label: v === 1 ? 'True' : 'False',
			count: answered.filter((a) => a.answer === v).length,
			correct: (v === 1) === question.answer
		}));
	}
	const counts = new Map<number, number>();
	for (const a of answered) counts.set(a.answer ?? -1, (counts.get(a.answer ?? -1) ?? 0) + 1);
	return [...counts]
		.sort((x, y) => y[1] - x[1])
		.slice(0, 5)
		.map(([answer, count]) => ({
			label: answer === 0 ? 'All matched' : answerLabel(question, answer),
			count,
			correct: answer === 0
		}));
}

export interface LiveStudent {
	id: string;
	name: string;
	attempt: number;
	accepted: (Accepted | null)[];
}

/** The name a student's row carries: a second attempt under one name is marked, not merged. */
export function rowName(student: Pick<LiveStudent, 'name' | 'attempt'>): string {
	return student.attempt > 1 ? `${student.name} (attempt ${student.attempt})` : student.name;
}

export function scoreOf(student: LiveStudent): number {
	return student.accepted.reduce((sum, a) => sum + (a?.points ?? 0), 0);
}

/** The leaderboard: best score first, then by name. */
export function leaderboard(students: LiveStudent[], size = 10): BoardRow[] {
	return students
		.map((s) => ({ name: rowName(s), score: scoreOf(s) }))
		.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
		.slice(0, size);
}

/** The session's results in the form the results tables, CSV and print views take. */
export function liveResults(quiz: ClassroomQuiz, students: LiveStudent[]): ReceivedResult[] {
	return students.map((student) => {
		const accepted = quiz.questions.map((_, i) => student.accepted[i] ?? null);
		return {
			name: rowName(student),
			answers: accepted.map((a) => a?.answer ?? null),
			correct: accepted.map((a) => a?.correct ?? false),
			secondsTaken: accepted.map((a) => (a?.answer === null || !a ? null : a.seconds)),
			code: `LIVE-${student.id}`
		};
	});
}
