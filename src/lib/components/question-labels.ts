/** What each question type is called on screen (badges, pickers, slides). */
import type { QuestionType } from '$lib/generate/types';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
	'multiple-choice': 'Multiple choice',
	quote: 'Who said it',
	'true-false': 'True or false',
	cloze: 'Fill the gap',
	'short-answer': 'Short answer',
	match: 'Match'
};
