/**
 * A practice quiz: which questions to ask, and whether an answer is right. Pure; the seed picks
 * and orders the questions, so the same seed gives the same quiz.
 */
import type { Question, QuestionType } from '$lib/generate/types';
import { rng, shuffle } from '$lib/generate/util';
import { gradeTyped, normaliseAnswer, overrideGrade } from './grade';

export const ALL_TYPES: readonly QuestionType[] = [
	'multiple-choice',
	'cloze',
	'short-answer',
	'true-false',
	'match',
	'quote'
];

/** What each question type is called on screen. */
export const TYPE_LABELS: Record<QuestionType, string> = {
	'multiple-choice': 'Multiple choice',
	cloze: 'Fill the gap',
	'short-answer': 'Short answer',
	'true-false': 'True or false',
	match: 'Match',
	quote: 'Who said it'
};

export interface QuizOptions {
	types: readonly QuestionType[];
	count: number;
	seed: number;
}

/**
 * Picks `count` questions of the chosen types: the better half of each type first, then a
 * seeded mix so types alternate rather than come in blocks.
 */
export function pickQuestions<Q extends Question>(
	questions: readonly Q[],
	options: QuizOptions
): Q[] {
	const wanted = new Set(options.types);
	const pool = questions.filter((q) => wanted.has(q.type));
	const random = rng(options.seed);
	const byType = new Map<QuestionType, Q[]>();
	for (const q of [...pool].sort((a, b) => b.score - a.score)) {
		const list = byType.get(q.type) ?? [];
		list.push(q);
		byType.set(q.type, list);
	}
	// Round-robin over the types in a seeded order, best questions of each type first.
	const order = shuffle([...byType.keys()], random);
	const picked: Q[] = [];
	for (let round = 0; picked.length < options.count; round++) {
		let any = false;
		for (const type of order) {
			const q = byType.get(type)?.[round];
			if (!q) continue;
			any = true;
			picked.push(q);
			if (picked.length >= options.count) break;
		}
		if (!any) break;
	}
	return shuffle(picked, random);
}

/** What the learner gave for a question. */
export type Response =
	| { type: 'choice'; value: string }
	| { type: 'text'; value: string }
	| { type: 'pairs'; value: [string, string][] };

export interface Checked {
	correct: boolean;
	/** 0 to 1: part marks for a match question, else 0 or 1. */
	score: number;
	/** A short sentence for the learner (and screen readers). */
	message: string;
	/** The learner's answer as shown in the results. */
	given: string;
	/** Marked wrong by the grader, counted as right by the learner ("I was right"). */
	overridden?: boolean;
}

/** Question types answered by typing, where the learner may overrule the grader. */
export function isTyped(question: Pick<Question, 'type'>): boolean {
	return question.type === 'cloze' || question.type === 'short-answer';
}

/**
 * The learner's "I was right" on a typed answer marked wrong: it counts as right and says it was
 * overridden. Other answers are returned unchanged (a choice is right or wrong by the options).
 */
export function overrideChecked(question: Pick<Question, 'type'>, checked: Checked): Checked {
	if (checked.correct || !isTyped(question)) return checked;
	const grade = overrideGrade({ verdict: 'wrong', correct: false, message: checked.message });
	return { ...checked, correct: grade.correct, score: 1, message: grade.message, overridden: true };
}

export function checkAnswer(question: Question, response: Response): Checked {
	if (question.type === 'match') {
		const expected = new Map(question.pairs.map(([l, r]) => [l, r]));
		const given = response.type === 'pairs' ? response.value : [];
		const right = given.filter(([l, r]) => expected.get(l) === r).length;
		const total = question.pairs.length;
		const correct = right === total && given.length === total;
		return {
			correct,
			score: total > 0 ? right / total : 0,
			message: correct ? 'All pairs right.' : `${right} of ${total} pairs right.`,
			given: given.map(([l, r]) => `${l}: ${r}`).join('; ')
		};
	}
	const value = response.type === 'pairs' ? '' : response.value;
	if (isTyped(question)) {
		const grade = gradeTyped(value, question.answer);
		return {
			correct: grade.correct,
			score: grade.correct ? 1 : 0,
			message: grade.message,
			given: value
		};
	}
	const correct = normaliseAnswer(value) === normaliseAnswer(question.answer);
	return {
		correct,
		score: correct ? 1 : 0,
		message: correct ? 'Correct.' : `Not quite: the answer is “${question.answer}”.`,
		given: value
	};
}
