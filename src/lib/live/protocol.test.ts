import { describe, expect, it } from 'vitest';
import { mixedQuiz, sampleQuiz } from '$lib/classroom/fixtures/quizzes';
import { permutationIndex } from '$lib/classroom';
import {
	acceptAnswer,
	acceptOverride,
	leaderboard,
	liveResults,
	matchOrder,
	publicQuestion,
	spreadOf,
	type LiveStudent
} from './protocol';

describe('the live protocol', () => {
	it('publishes a question without its key', () => {
		const quiz = mixedQuiz();
		for (const [i, q] of quiz.questions.entries()) {
			const shown = publicQuestion(q, i, 42) as Record<string, unknown>;
			expect(shown).not.toHaveProperty('answer');
			expect(shown).not.toHaveProperty('evidence');
			if (q.type === 'match') {
				// The right-hand side is mixed, never in the pairing order.
				expect((shown.pairs as [string, string][]).map((p) => p[1])).not.toEqual(
					q.pairs.map((p) => p[1])
				);
			}
		}
	});

	it('grades a match answer given against the mixed order', () => {
		const quiz = mixedQuiz();
		const index = quiz.questions.findIndex((q) => q.type === 'match');
		expect(index).toBeGreaterThanOrEqual(0);
		const order = matchOrder(quiz.questions[index]!, index, 42);
		// pairing[i] = shown position whose right item belongs to left item i.
		const pairing = order.map((_, i) => order.indexOf(i));
		const right = acceptAnswer(quiz, index, 42, { a: permutationIndex(pairing), ms: 1000 });
		expect(right).toMatchObject({ answer: 0, correct: true });
		const wrong = acceptAnswer(quiz, index, 42, {
			a: permutationIndex([...pairing].reverse()),
			ms: 0
		});
		expect(wrong.correct).toBe(false);
	});

	it('takes hostile or malformed answers as no answer', () => {
		const quiz = sampleQuiz();
		for (const sent of [null, {}, { a: 99 }, { a: -1 }, { a: 1.5 }, { a: '<img>' }, 'x']) {
			expect(acceptAnswer(quiz, 0, 1, sent)).toMatchObject({ answer: null, correct: false });
		}
		expect(
			acceptAnswer(quiz, 0, 1, {
				a: quiz.questions[0]!.type === 'multiple-choice' ? 0 : 0,
				ms: 5e9
			}).seconds
		).toBe(quiz.secondsPerQuestion);
	});

	it('keeps a second attempt under one name as its own row, and ranks by score', () => {
		const quiz = sampleQuiz();
		const q = quiz.questions[0]!;
		const key = q.type === 'multiple-choice' ? q.answer : 0;
		const students: LiveStudent[] = [
			{
				id: 'a1',
				name: 'Ana',
				attempt: 1,
				accepted: [acceptAnswer(quiz, 0, 1, { a: key, ms: 0 })]
			},
			{
				id: 'a2',
				name: 'Ana',
				attempt: 2,
				accepted: [acceptAnswer(quiz, 0, 1, { a: key + 1, ms: 0 })]
			}
		];
		const results = liveResults(quiz, students);
		expect(results.map((r) => r.name)).toEqual(['Ana', 'Ana (attempt 2)']);
		expect(results[0]!.correct[0]).toBe(true);
		expect(results[0]!.answers).toHaveLength(quiz.questions.length);
		expect(new Set(results.map((r) => r.code)).size).toBe(2);
		expect(leaderboard(students)[0]).toEqual({ name: 'Ana', score: q.points });
	});

	it("counts a typed answer graded wrong as right by the student's call, and nothing else", () => {
		const quiz = { ...mixedQuiz(), speedPoints: true, secondsPerQuestion: 20 };
		const typed = quiz.questions.findIndex((q) => q.type === 'short-answer');
		const choice = quiz.questions.findIndex((q) => q.type === 'multiple-choice');
		const wrong = { a: 'Amara Okafor', ms: 10_000 };
		const graded = acceptAnswer(quiz, typed, 1, wrong);
		expect(graded).toMatchObject({ answer: 0, correct: false, points: 0, seconds: 10 });
		const turned = acceptOverride(quiz, typed, wrong, graded);
		// Points as a right answer at that speed: three quarters of 1000 at half the time.
		expect(turned).toEqual({ answer: 2, correct: true, points: 750, seconds: 10 });
		// Once only; never for a right answer, a choice, or text that differs from what was graded.
		expect(acceptOverride(quiz, typed, wrong, turned)).toBeNull();
		const right = { a: 'helen marsh', ms: 1000 };
		expect(acceptOverride(quiz, typed, right, acceptAnswer(quiz, typed, 1, right))).toBeNull();
		const badChoice = acceptAnswer(quiz, choice, 1, { a: 0, ms: 1000 });
		expect(badChoice.correct).toBe(false);
		expect(acceptOverride(quiz, choice, { a: 0, ms: 1000 }, badChoice)).toBeNull();
		expect(acceptOverride(quiz, typed, { a: 'Helen Marsh' }, graded)).toBeNull();
		expect(acceptOverride(quiz, typed, wrong, null)).toBeNull();
		// The reveal's spread names the student's calls apart from the grader's right answers.
		const q = quiz.questions[typed]!;
		expect(spreadOf(q, [turned!, graded, acceptAnswer(quiz, typed, 1, right)])).toEqual([
			{ label: 'Right', count: 1, correct: true },
			{ label: 'Right by their own call', count: 1, correct: true },
			{ label: 'Wrong', count: 1, correct: false }
		]);
	});
});
