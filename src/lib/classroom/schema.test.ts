import { describe, expect, it } from 'vitest';
import { mixedQuiz, sampleQuiz } from './fixtures/quizzes';
import { LIMITS, classroomQuizSchema } from './schema';

function issues(value: unknown): string[] {
	const result = classroomQuizSchema.safeParse(value);
	return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('classroomQuizSchema', () => {
	it('accepts the fixtures', () => {
		expect(issues(sampleQuiz())).toEqual([]);
		expect(issues(mixedQuiz())).toEqual([]);
	});

	it('refuses extra keys on the quiz and on a question', () => {
		expect(issues({ ...sampleQuiz(), extra: 1 })).toHaveLength(1);
		const quiz = mixedQuiz();
		expect(issues({ ...quiz, questions: [{ ...quiz.questions[0], note: 'x' }] })[0]).toMatch(
			/questions\.0/
		);
	});

	it('refuses __proto__, constructor and prototype keys at any depth', () => {
		const json = JSON.stringify(sampleQuiz());
		for (const key of ['__proto__', 'constructor', 'prototype']) {
			const top = JSON.parse(`{"${key}":{"polluted":true},${json.slice(1)}`) as unknown;
			expect(issues(top)).toEqual([': Forbidden key']);
			const nested = JSON.parse(json.replace('"type":', `"${key}":{"a":1},"type":`)) as unknown;
			expect(issues(nested)).toEqual([': Forbidden key']);
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});

	it('enforces size limits', () => {
		const quiz = sampleQuiz();
		const first = quiz.questions[0]!;
		const many = Array.from({ length: LIMITS.questions + 1 }, () => first);
		expect(issues({ ...quiz, questions: many }).length).toBeGreaterThan(0);
		expect(issues({ ...quiz, questions: [] }).length).toBeGreaterThan(0);
		expect(issues({ ...quiz, title: 'x'.repeat(LIMITS.title + 1) }).length).toBeGreaterThan(0);
		expect(
			issues({ ...quiz, questions: [{ ...first, prompt: 'p'.repeat(LIMITS.prompt + 1) }] }).length
		).toBeGreaterThan(0);
		expect(issues({ ...quiz, secondsPerQuestion: 100_000 }).length).toBeGreaterThan(0);
	});

	it('refuses wrong types, an answer outside the choices and control characters', () => {
		const quiz = sampleQuiz();
		const first = quiz.questions[0]!;
		expect(issues({ ...quiz, speedPoints: 'yes' }).length).toBeGreaterThan(0);
		expect(issues({ ...quiz, questions: [{ ...first, answer: 4 }] })[0]).toMatch(/answer/);
		expect(issues({ ...quiz, questions: [{ ...first, type: 'essay' }] }).length).toBeGreaterThan(0);
		expect(issues({ ...quiz, title: 'a\u0000b' }).length).toBeGreaterThan(0);
		expect(issues({ ...quiz, id: 'has space' }).length).toBeGreaterThan(0);
	});
});
