import { describe, expect, it } from 'vitest';
import type { Question } from '../generate/types';
import { clip, createClassroomQuiz, fromDeckQuestion } from './from-deck';
import { decodeQuizLink, encodeQuizLink } from './link';

const article =
	'The barrier protects the town from the Wye.\nPupils planted fifty alder trees along the path.';
const first = { start: 0, end: 43 };
const second = { start: 44, end: article.length };
const common = { factId: 'f', kind: 'thing' as const, score: 1 };

const questions: Question[] = [
	{
		...common,
		id: 'q1',
		type: 'multiple-choice',
		prompt: 'Which river does the barrier protect the town from?',
		answer: 'The Wye',
		choices: ['The Severn', 'The Wye', 'The Usk', 'The Severn'],
		evidence: first
	},
	{
		...common,
		id: 'q2',
		type: 'true-false',
		prompt: 'Pupils planted fifty oak trees.',
		answer: 'False',
		evidence: second
	},
	{
		...common,
		id: 'q3',
		type: 'cloze',
		prompt: 'Pupils planted fifty ____ trees along the path.',
		answer: 'alder',
		hint: 'a thing',
		evidence: second
	},
	{
		...common,
		id: 'q4',
		type: 'match',
		prompt: 'Match',
		answer: 'a: b',
		pairs: [['a', 'b']],
		evidence: first
	}
];

describe('quizzes from generated questions', () => {
	it('converts each type, cutting the evidence sentence out of the article', () => {
		const mc = fromDeckQuestion(questions[0]!, article);
		expect(mc).toEqual({
			type: 'multiple-choice',
			prompt: 'Which river does the barrier protect the town from?',
			choices: ['The Severn', 'The Wye', 'The Usk'],
			answer: 1,
			evidence: 'The barrier protects the town from the Wye.',
			points: 1000
		});
		expect(fromDeckQuestion(questions[1]!, article)).toMatchObject({ answer: false });
		expect(fromDeckQuestion(questions[2]!, article, 500)).toMatchObject({
			answer: 'alder',
			hint: 'a thing',
			points: 500,
			evidence: 'Pupils planted fifty alder trees along the path.'
		});
	});

	it('builds a valid quiz, leaving out questions that cannot be asked', () => {
		const quiz = createClassroomQuiz({ title: 'Barrier', questions, articleText: article });
		expect(quiz.questions.map((q) => q.type)).toEqual(['multiple-choice', 'true-false', 'cloze']);
		expect(quiz.id).toMatch(/^[0-9a-z]+$/);
		expect(createClassroomQuiz({ title: 'Barrier', questions, articleText: article }).id).toBe(
			quiz.id
		);
		const decoded = decodeQuizLink(encodeQuizLink(quiz, 'https://x.example'));
		expect(decoded.ok && decoded.quiz).toEqual(quiz);
		expect(() =>
			createClassroomQuiz({ title: 'x', questions: [questions[3]!], articleText: article })
		).toThrow();
	});

	it('clips long text at a word and removes line breaks', () => {
		expect(clip('one\ntwo', 20)).toBe('one two');
		const long = clip('word '.repeat(100), 50);
		expect(long.length).toBeLessThanOrEqual(50);
		expect(long.endsWith('word…')).toBe(true);
	});
});
