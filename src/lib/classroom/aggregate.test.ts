import { describe, expect, it } from 'vitest';
import { aggregateResults, answerLabel, resultsToCsv } from './aggregate';
import { mixedQuiz } from './fixtures/quizzes';
import { quizHash } from './link';
import { decodeResult, encodeResult, type ReceivedResult } from './result-code';
import type { StudentAnswer } from './grade';

const quiz = mixedQuiz();

function received(
	name: string,
	answers: StudentAnswer[],
	seconds: (number | null)[]
): ReceivedResult {
	const code = encodeResult(
		{ quizHash: quizHash(quiz), name, answers, secondsTaken: seconds },
		quiz
	);
	const decoded = decodeResult(code, quiz);
	if (!decoded.ok) throw new Error(decoded.message);
	return decoded.result;
}

describe('class results', () => {
	const ana = received('Ana', [1, 2, 1, 'alder', 'Helen Marsh', 0], [0, 0, 0, 0, 0, 0]);
	const ben = received('Ben', [0, 2, 0, 'oak', null, 1], [10, 20, 5, 5, 0, 5]);
	const cat = received('=Cat, "the great"', [0, 0, 1, null, 'helen', 0], [20, 4, 10, 0, 3, 20]);

	it('shows a typed answer the student counted right as their own call, in the tally and CSV', () => {
		const code = encodeResult(
			{
				quizHash: quizHash(quiz),
				name: 'Dan',
				answers: [1, 2, 1, 'oak', 'Helen Marsh', 0],
				secondsTaken: [0, 0, 0, 0, 0, 0],
				overridden: [false, false, false, true, false, false]
			},
			quiz
		);
		const decoded = decodeResult(code, quiz);
		if (!decoded.ok) throw new Error(decoded.message);
		const results = aggregateResults(quiz, [decoded.result, ben]);
		const dan = results.students.find((s) => s.name === 'Dan')!;
		expect(dan.correctCount).toBe(6);
		expect(dan.overridden).toEqual([false, false, false, true, false, false]);
		expect(results.questions[3]).toMatchObject({ answered: 2, correct: 1, overridden: 1 });
		expect(answerLabel(quiz.questions[3]!, 2)).toMatch(/counted right by the student/);
		const csv = resultsToCsv(quiz, results, { bom: false }).split('\r\n');
		expect(csv[0]).toBe('Name,Score,Correct,Q1,Q2,Q3,Q4,Q5,Q6,Counted right by the student');
		expect(csv[1]).toMatch(/^Dan,5500,6,1,1,1,1,1,1,Q4$/);
		expect(csv[2]).toMatch(/^Ben,.*,$/);
	});

	it('scores students with speed points and sorts them', () => {
		const { students, replaced } = aggregateResults(quiz, [ben, ana, cat]);
		expect(replaced).toBe(0);
		expect(students.map((s) => s.name)).toEqual(['Ana', '=Cat, "the great"', 'Ben']);
		// Ana: everything right at 0 s gives full points.
		expect(students[0]).toMatchObject({ score: 5500, correctCount: 6, answeredCount: 6 });
		// Ben: quote at 20/20 s = 250, nothing else right.
		expect(students[2]).toMatchObject({ score: 250, correctCount: 1, answeredCount: 5 });
		expect(students[2]!.points).toEqual([0, 250, 0, 0, 0, 0]);
		// Cat: true/false at 10 s = 375, match at 20 s = 750.
		expect(students[1]).toMatchObject({ score: 1125, correctCount: 2 });
	});

	it('counts without speed points when the quiz has them off', () => {
		const { students } = aggregateResults({ ...quiz, speedPoints: false }, [ben]);
		expect(students[0]!.score).toBe(500);
	});

	it('reports share correct, the most common wrong answer and median time per question', () => {
		const { questions } = aggregateResults(quiz, [ana, ben, cat]);
		expect(questions[0]).toMatchObject({
			answered: 3,
			correct: 1,
			mostCommonWrong: { answer: 0, label: 'The Severn', count: 2 },
			medianSeconds: 10
		});
		expect(questions[0]!.shareCorrect).toBeCloseTo(1 / 3);
		expect(questions[2]!.mostCommonWrong).toMatchObject({ label: 'False', count: 1 });
		// Typed answers: verdicts only, so no wrong option to name.
		expect(questions[3]).toMatchObject({ answered: 2, correct: 1, mostCommonWrong: null });
		expect(questions[4]).toMatchObject({ answered: 2, correct: 1, medianSeconds: 1.5 });
		expect(questions[5]!.mostCommonWrong!.label).toBe(
			'Helen Marsh → engineer; Amara Okafor → shop owner; Daniel Price → mayor'
		);
	});

	it('lets a later code from the same name replace the earlier one', () => {
		const again = received(' ana ', [0, 0, 0, null, null, null], [1, 1, 1, 0, 0, 0]);
		const { students, replaced } = aggregateResults(quiz, [ana, ben, again]);
		expect(replaced).toBe(1);
		expect(students.map((s) => s.name)).toEqual(['Ben', 'ana']);
	});

	it('handles an empty class', () => {
		const { students, questions } = aggregateResults(quiz, []);
		expect(students).toEqual([]);
		expect(questions[0]).toMatchObject({
			shareCorrect: 0,
			mostCommonWrong: null,
			medianSeconds: null
		});
	});

	it('labels answers for the teacher', () => {
		expect(answerLabel(quiz.questions[3]!, 1)).toBe('Right');
		expect(answerLabel(quiz.questions[0]!, 3)).toBe('The Teme');
	});

	it('exports one CSV row per student, UTF-8 with a byte order mark', () => {
		const csv = resultsToCsv(quiz, aggregateResults(quiz, [ana, ben, cat]));
		expect(
			csv.startsWith('\uFEFFName,Score,Correct,Q1,Q2,Q3,Q4,Q5,Q6,Counted right by the student\r\n')
		).toBe(true);
		const lines = csv.slice(1).split('\r\n');
		expect(lines).toHaveLength(5);
		expect(lines[1]).toBe('Ana,5500,6,1,1,1,1,1,1,');
		expect(lines[2]).toBe(`"'=Cat, ""the great""",1125,2,0,0,1,,0,1,`);
		expect(lines[3]).toBe('Ben,250,1,0,1,0,0,,0,');
		expect(lines[4]).toBe('');
		expect(resultsToCsv(quiz, aggregateResults(quiz, [])), 'no BOM').not.toContain('Ana');
		expect(resultsToCsv(quiz, aggregateResults(quiz, []), { bom: false }).charCodeAt(0)).toBe(78);
	});
});
