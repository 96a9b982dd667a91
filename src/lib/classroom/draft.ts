/**
 * The quiz being built: plain data the builder edits in place, turned into a checked classroom
 * quiz on save. Pure, so it can be tested without a page.
 */
import { createClassroomQuiz } from './from-deck';
import { LIMITS, classroomQuizSchema, type ClassroomQuestion, type ClassroomQuiz } from './schema';
import type { Question } from '$lib/generate/types';

export interface DraftItem {
	/** Stable key for the list while the teacher edits and reorders. */
	key: string;
	/** The generated question this came from, so the picker can show it as added. */
	source?: string;
	question: ClassroomQuestion;
}

export interface Draft {
	id: string;
	title: string;
	secondsPerQuestion: number;
	shuffleOptions: boolean;
	speedPoints: boolean;
	points: number;
	items: DraftItem[];
}

export const DEFAULT_POINTS = 1000;

let counter = 0;
export function itemKey(): string {
	counter += 1;
	return `q${counter}`;
}

export function emptyDraft(id: string): Draft {
	return {
		id,
		title: '',
		secondsPerQuestion: 30,
		shuffleOptions: true,
		speedPoints: true,
		points: DEFAULT_POINTS,
		items: []
	};
}

export function draftFromQuiz(quiz: ClassroomQuiz): Draft {
	return {
		id: quiz.id,
		title: quiz.title,
		secondsPerQuestion: quiz.secondsPerQuestion,
		shuffleOptions: quiz.shuffleOptions,
		speedPoints: quiz.speedPoints,
		points: quiz.questions[0]?.points ?? DEFAULT_POINTS,
		items: quiz.questions.map((question) => ({
			key: itemKey(),
			question: structuredClone(question)
		}))
	};
}

/** A question written by hand, to fill in. */
export function blankQuestion(
	type: 'multiple-choice' | 'short-answer',
	points: number
): ClassroomQuestion {
	return type === 'multiple-choice'
		? { type, prompt: '', choices: ['', ''], answer: 0, evidence: '', points }
		: { type, prompt: '', answer: '', evidence: '', points };
}

/**
 * Classroom questions from generated ones, through the classroom module's own conversion (which
 * clips every text to the limits). A question that cannot make a valid classroom question is
 * skipped and counted.
 */
export function fromGenerated(
	picked: { question: Question; articleText: string }[],
	points: number
): { items: DraftItem[]; skipped: number } {
	const items: DraftItem[] = [];
	let skipped = 0;
	for (const { question, articleText } of picked) {
		try {
			const quiz = createClassroomQuiz({
				title: 'Draft',
				id: 'draft',
				questions: [question],
				articleText,
				points
			});
			const converted = quiz.questions[0];
			if (converted) items.push({ key: itemKey(), source: question.id, question: converted });
			else skipped++;
		} catch {
			skipped++;
		}
	}
	return { items, skipped };
}

/** One line of text: what a textarea or a paste may add (line breaks, tabs) becomes a space. */
function line(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function tidy(question: ClassroomQuestion, points: number): ClassroomQuestion {
	const base = { prompt: line(question.prompt), evidence: line(question.evidence), points };
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return { ...question, ...base, choices: question.choices.map(line) };
		case 'true-false':
			return { ...question, ...base };
		case 'cloze':
			return { ...question, ...base, answer: line(question.answer), hint: line(question.hint) };
		case 'short-answer':
			return { ...question, ...base, answer: line(question.answer) };
		case 'match':
			return {
				...question,
				...base,
				pairs: question.pairs.map(([left, right]) => [line(left), line(right)])
			};
	}
}

const FIELD_NAMES: Record<string, string> = {
	title: 'Title',
	secondsPerQuestion: 'Seconds per question',
	prompt: 'question',
	choices: 'options',
	answer: 'answer',
	hint: 'hint',
	evidence: 'source sentence',
	pairs: 'pairs',
	points: 'points'
};

function describe(path: PropertyKey[], message: string): string {
	const [first, index, field] = path;
	if (first === 'questions' && typeof index === 'number') {
		const what = typeof field === 'string' ? (FIELD_NAMES[field] ?? field) : 'question';
		return `Question ${index + 1}, ${what}: ${message}`;
	}
	if (first === 'questions') return `Questions: ${message}`;
	const name = typeof first === 'string' ? (FIELD_NAMES[first] ?? first) : 'Quiz';
	return `${name}: ${message}`;
}

function friendly(message: string): string {
	if (/>=1 characters/.test(message)) return 'cannot be empty';
	const atMost = /<=(\d+) characters/.exec(message);
	if (atMost) return `at most ${atMost[1]} characters`;
	return message;
}

export type DraftCheck = { ok: true; quiz: ClassroomQuiz } | { ok: false; problems: string[] };

/** The draft as a classroom quiz, or the problems to fix, each naming its question. */
export function checkDraft(draft: Draft): DraftCheck {
	const problems: string[] = [];
	if (draft.items.length === 0) problems.push('Add at least one question.');
	if (draft.items.length > LIMITS.questions) {
		problems.push(`A quiz can have at most ${LIMITS.questions} questions.`);
	}
	if (problems.length > 0) return { ok: false, problems };
	const parsed = classroomQuizSchema.safeParse({
		id: draft.id,
		title: line(draft.title),
		secondsPerQuestion: draft.secondsPerQuestion,
		shuffleOptions: draft.shuffleOptions,
		speedPoints: draft.speedPoints,
		questions: draft.items.map((item) => tidy(item.question, draft.points))
	});
	if (parsed.success) return { ok: true, quiz: parsed.data };
	const seen = new Set<string>();
	for (const issue of parsed.error.issues) {
		const text = describe(issue.path, friendly(issue.message));
		if (!seen.has(text)) {
			seen.add(text);
			problems.push(text);
		}
	}
	return { ok: false, problems: problems.slice(0, 10) };
}

/** Moves one item of a list, returning a new list. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
	const out = [...list];
	if (to < 0 || to >= out.length || from < 0 || from >= out.length) return out;
	const [item] = out.splice(from, 1);
	if (item !== undefined) out.splice(to, 0, item);
	return out;
}
