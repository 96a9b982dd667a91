/**
 * Turning the generator's questions into classroom questions: the source sentence is cut out of
 * the article as text, answers of choice questions become indexes, and every text is cleaned and
 * clipped to the schema's limits so that a generated deck always makes a valid quiz.
 */
import type { Question } from '../generate/types';
import { fnv1a64, toBase32 } from './codec';
import { LIMITS, classroomQuizSchema, type ClassroomQuestion, type ClassroomQuiz } from './schema';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]+/g;

/** One line of text at most `max` characters, cut at a word where possible, with an ellipsis. */
export function clip(text: string, max: number): string {
	const line = text.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
	if (line.length <= max) return line;
	const cut = line.slice(0, max - 1);
	const space = cut.lastIndexOf(' ');
	return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function distinctChoices(choices: string[], answer: string): { choices: string[]; answer: number } {
	const wanted = clip(answer, LIMITS.choice);
	const out: string[] = [wanted];
	for (const choice of choices) {
		const text = clip(choice, LIMITS.choice);
		if (text !== '' && !out.includes(text)) out.push(text);
	}
	const kept = out.slice(0, LIMITS.choicesMax);
	// Restore the generator's order (it is already shuffled by its seed), answer included.
	const order = choices.map((choice) => clip(choice, LIMITS.choice));
	kept.sort((a, b) => {
		const ia = order.indexOf(a);
		const ib = order.indexOf(b);
		return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
	});
	return { choices: kept, answer: kept.indexOf(wanted) };
}

/**
 * A classroom question from a generated one. `articleText` is the article the question was made
 * from (its evidence span indexes it).
 */
export function fromDeckQuestion(
	question: Question,
	articleText: string,
	points = 1000
): ClassroomQuestion {
	const prompt = clip(question.prompt, LIMITS.prompt);
	const evidence = clip(
		articleText.slice(question.evidence.start, question.evidence.end),
		LIMITS.evidence
	);
	const base = { prompt, evidence, points };
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return {
				type: question.type,
				...base,
				...distinctChoices(question.choices, question.answer)
			};
		case 'true-false':
			return { type: 'true-false', ...base, answer: question.answer === 'True' };
		case 'cloze':
			return {
				type: 'cloze',
				...base,
				answer: clip(question.answer, LIMITS.answer),
				hint: clip(question.hint, LIMITS.hint)
			};
		case 'short-answer':
			return { type: 'short-answer', ...base, answer: clip(question.answer, LIMITS.answer) };
		case 'match': {
			const pairs: [string, string][] = [];
			for (const [left, right] of question.pairs) {
				const pair: [string, string] = [clip(left, LIMITS.choice), clip(right, LIMITS.choice)];
				if (pair[0] && pair[1] && !pairs.some((p) => p[1] === pair[1])) pairs.push(pair);
			}
			return { type: 'match', ...base, pairs: pairs.slice(0, LIMITS.pairsMax) };
		}
	}
}

export interface CreateQuizOptions {
	title: string;
	questions: Question[];
	articleText: string;
	/** Defaults to a digest of the title and question ids, so the same selection gets the same id. */
	id?: string;
	secondsPerQuestion?: number;
	shuffleOptions?: boolean;
	speedPoints?: boolean;
	points?: number;
}

/**
 * A classroom quiz from generated questions, checked against the schema. Questions that cannot
 * make a valid classroom question (say, a match with fewer than two distinct pairs) are left out;
 * at most LIMITS.questions are kept. Throws when none is left.
 */
export function createClassroomQuiz(options: CreateQuizOptions): ClassroomQuiz {
	const questions: ClassroomQuestion[] = [];
	for (const question of options.questions) {
		if (questions.length >= LIMITS.questions) break;
		const converted = fromDeckQuestion(question, options.articleText, options.points);
		const single = classroomQuizSchema.safeParse({
			id: 'x',
			title: 'x',
			secondsPerQuestion: 30,
			shuffleOptions: false,
			speedPoints: false,
			questions: [converted]
		});
		if (single.success) questions.push(converted);
	}
	const title = clip(options.title, LIMITS.title) || 'Quiz';
	const id =
		options.id ??
		toBase32(
			fnv1a64(new TextEncoder().encode([title, ...options.questions.map((q) => q.id)].join('\n')))
		).toLowerCase();
	return classroomQuizSchema.parse({
		id,
		title,
		secondsPerQuestion: options.secondsPerQuestion ?? 30,
		shuffleOptions: options.shuffleOptions ?? true,
		speedPoints: options.speedPoints ?? true,
		questions
	});
}
