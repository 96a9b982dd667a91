import { describe, expect, it } from 'vitest';
import { mixedQuiz } from './fixtures/quizzes';
import {
	answerPoints,
	isCorrect,
	permutationFromIndex,
	permutationIndex,
	shuffledOrder
} from './grade';
import type { ClassroomQuestion } from './schema';

/** A short-answer question whose answer is `answer`. */
const typed = (answer: string): ClassroomQuestion => ({
	type: 'short-answer',
	prompt: 'Which?',
	answer,
	evidence: '',
	points: 1
});
const [, , , cloze, short] = mixedQuiz().questions;

describe('grading', () => {
	// Typed text goes through the practice quiz grader: any order, surnames, slips.
	it.each<[question: ClassroomQuestion, given: string, right: boolean]>([
		[cloze!, ' the alder! ', true],
		[cloze!, 'Aldre', true],
		[typed('France and Britain'), 'Britain and France', true],
		[typed('1,200'), 'twelve hundred', true],
		[typed('1,200'), '1300', false],
		[short!, '', false]
	])('grades typed text with the practice quiz grader (case %#)', (question, given, right) => {
		expect(isCorrect(question, given)).toBe(right);
	});

	it('ranks permutations and inverts the rank', () => {
		expect(permutationIndex([0, 1, 2])).toBe(0);
		expect(permutationIndex([2, 1, 0])).toBe(5);
		expect(permutationIndex([0, 0, 1])).toBeNull();
		for (let i = 0; i < 720; i++) expect(permutationIndex(permutationFromIndex(i, 6))).toBe(i);
	});

	it('grades each question type', () => {
		const [mc, quote, tf, cloze, short, match] = mixedQuiz().questions;
		expect(isCorrect(mc!, 1)).toBe(true);
		expect(isCorrect(mc!, 0)).toBe(false);
		expect(isCorrect(quote!, 2)).toBe(true);
		expect(isCorrect(tf!, 1)).toBe(true);
		expect(isCorrect(tf!, 0)).toBe(false);
		expect(isCorrect(cloze!, 'Alder')).toBe(true);
		expect(isCorrect(cloze!, 1)).toBe(true);
		expect(isCorrect(short!, 'Amara')).toBe(false);
		expect(isCorrect(match!, 0)).toBe(true);
		expect(isCorrect(match!, 3)).toBe(false);
		expect(isCorrect(mc!, null)).toBe(false);
	});

	it('gives speed points from full to half', () => {
		const quiz = { secondsPerQuestion: 20, speedPoints: true };
		const q = mixedQuiz().questions[0]!;
		expect(answerPoints(quiz, q, true, 0)).toBe(1000);
		expect(answerPoints(quiz, q, true, 10)).toBe(750);
		expect(answerPoints(quiz, q, true, 20)).toBe(500);
		expect(answerPoints(quiz, q, true, 99)).toBe(500);
		expect(answerPoints(quiz, q, false, 0)).toBe(0);
		expect(answerPoints({ ...quiz, speedPoints: false }, q, true, 19)).toBe(1000);
	});

	it('shuffles options the same way for the same seed', () => {
		const order = shuffledOrder(4, 42);
		expect([...order].sort()).toEqual([0, 1, 2, 3]);
		expect(shuffledOrder(4, 42)).toEqual(order);
		const orders = new Set(Array.from({ length: 20 }, (_, s) => shuffledOrder(4, s).join('')));
		expect(orders.size).toBeGreaterThan(5);
	});
});
