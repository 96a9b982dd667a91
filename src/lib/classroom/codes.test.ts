import { describe, expect, it } from 'vitest';
import { encodeResult, quizHash } from '$lib/classroom';
import { mixedQuiz, sampleQuiz } from '$lib/classroom/fixtures/quizzes';
import { readPastedCodes } from './codes';

function codeFor(name: string, quiz = sampleQuiz()): string {
	return encodeResult(
		{
			quizHash: quizHash(quiz),
			name,
			answers: quiz.questions.map(() => null),
			secondsTaken: quiz.questions.map(() => null)
		},
		quiz
	);
}

describe('pasted result codes', () => {
	it('reads one code a line, skipping blank lines, and refuses the rest by line', () => {
		const quiz = sampleQuiz();
		const text = [
			codeFor('Ana').toLowerCase(),
			'',
			codeFor('Ben', mixedQuiz()),
			'https://factdeck.example/classroom/join#q=AQID',
			'not a code!'
		].join('\r\n');
		const read = readPastedCodes(text, quiz);
		expect(read.accepted.map((r) => r.name)).toEqual(['Ana']);
		expect(read.refused.map((r) => [r.line, r.message.slice(0, 30)])).toEqual([
			[3, 'This result code belongs to a '],
			[4, 'This is a quiz link, not a res'],
			[5, 'This is not a result code: it ']
		]);
		expect(read.ignored).toBe(0);
	});

	it('reads at most 500 lines', () => {
		const code = codeFor('Ana');
		const read = readPastedCodes(Array.from({ length: 600 }, () => code).join('\n'), sampleQuiz());
		expect(read.accepted).toHaveLength(500);
		expect(read.ignored).toBe(100);
	});
});
