/**
 * What a teacher or learner changes by hand: questions and cards added to an article, and ones
 * removed from it. Hand-made items are marked `edited`, so regeneration never touches them; removed
 * items are marked `removed` and retired, so regeneration never brings them back.
 */
import type { Question, Span } from '$lib/generate/types';
import { newSchedule, State } from '$lib/srs';
import type { FactdeckDB } from './database';
import { LIMITS, lengthProblem } from '$lib/limits';
import { NotFoundError } from './errors';
import { refuseOverLimits } from './limits';
import { QUEUE_RETIRED, type CardRecord, type QuestionRecord } from './records';
import { rw } from './tx';
import type { EntityTable } from 'dexie';

/** Hand-typed text, trimmed; at most LIMITS.handText, so a paste cannot bloat the database. */
function clean(text: string, what: string): string {
	const value = text.trim();
	if (!value) throw new Error(`The ${what} is empty.`);
	refuseOverLimits([lengthProblem(what, value, LIMITS.handText)].filter((p) => p !== null));
	return value;
}

/** What every hand-made item starts from: a fresh id, its article, its place at the end, the time. */
interface HandMade {
	id: string;
	factId: string;
	articleId: string;
	order: number;
	edited: true;
	updatedAt: number;
}

/**
 * Adds a hand-made item after the last card or question of an article that must still exist;
 * `build` completes the row from what all hand-made items share. Returns the new item's id.
 */
async function addToArticle<T extends { id: string; articleId: string; order: number }>(
	db: FactdeckDB,
	table: EntityTable<T, 'id'>,
	idPrefix: string,
	articleId: string,
	now: Date,
	build: (base: HandMade) => T
): Promise<string> {
	return rw(db, [db.articles, table], async () => {
		if (!(await db.articles.get(articleId))) throw new NotFoundError(`Article ${articleId}`);
		const t = now.getTime();
		let last = -1;
		await table
			.where('articleId')
			.equals(articleId)
			.each((item) => {
				if (item.order > last) last = item.order;
			});
		const item = build({
			id: `${idPrefix}-${crypto.randomUUID()}`,
			factId: `hand-${t}`,
			articleId,
			order: last + 1,
			edited: true,
			updatedAt: t
		});
		await table.add(item);
		return item.id;
	});
}

/** Adds a flashcard written by hand, linked to a sentence of the article. Returns its id. */
export async function addHandCard(
	db: FactdeckDB,
	articleId: string,
	input: { front: string; back: string; evidence: Span },
	now: Date
): Promise<string> {
	const front = clean(input.front, 'front');
	const back = clean(input.back, 'back');
	return addToArticle(db, db.cards, 'hc', articleId, now, (base): CardRecord => ({
		...base,
		front,
		back,
		evidence: { ...input.evidence },
		...newSchedule(base.updatedAt),
		queue: State.New,
		tags: ['hand'],
		createdAt: base.updatedAt
	}));
}

/** Adds a short-answer question written by hand. Returns its id. */
export async function addHandQuestion(
	db: FactdeckDB,
	articleId: string,
	input: { prompt: string; answer: string; evidence: Span },
	now: Date
): Promise<string> {
	const prompt = clean(input.prompt, 'question');
	const answer = clean(input.answer, 'answer');
	return addToArticle(db, db.questions, 'hq', articleId, now, (base): QuestionRecord => ({
		...base,
		type: 'short-answer',
		kind: 'thing',
		prompt,
		answer,
		evidence: { ...input.evidence },
		score: 1
	}));
}

/** Checks a hand edit of a question before it is saved; returns a message, or null when fine. */
/** The fields of one question type that can be changed by hand, with the type they belong to. */
type EditOf<Q extends Question> = Q extends Question
	? { type: Q['type'] } & Partial<Omit<Q, 'id' | 'type' | 'factId'>>
	: never;

/** A change to a question, typed per question type (so `choices` belongs to choice questions only). */
export type QuestionEdit = EditOf<Question>;

/** The text a learner typed into a question's form. */
export interface QuestionText {
	prompt: string;
	answer: string;
	/** The options, for a choice question. */
	choices?: string[];
}

/**
 * The edit that puts `text` into `old` (trimmed), or the reason it cannot: an empty prompt, an
 * answer outside the options, a true-false answer other than True or False.
 */
export function questionEdit(
	old: Question,
	text: QuestionText
): { edit: QuestionEdit; problem: null } | { edit: null; problem: string } {
	const prompt = text.prompt.trim();
	const answer = text.answer.trim();
	let edit: QuestionEdit;
	if (old.type === 'multiple-choice' || old.type === 'quote') {
		edit = { type: old.type, prompt, answer, choices: text.choices ?? old.choices };
	} else if (old.type === 'true-false') {
		if (answer !== 'True' && answer !== 'False') {
			return { edit: null, problem: 'The answer must be True or False.' };
		}
		edit = { type: old.type, prompt, answer };
	} else {
		edit = { type: old.type, prompt, answer };
	}
	const problem = questionEditProblem({ ...old, ...edit } as Question);
	return problem ? { edit: null, problem } : { edit, problem: null };
}

export function questionEditProblem(question: Question): string | null {
	if (!question.prompt.trim()) return 'The question is empty.';
	if (!question.answer.trim()) return 'The answer is empty.';
	if (question.type === 'multiple-choice' || question.type === 'quote') {
		const choices = question.choices.map((c) => c.trim()).filter(Boolean);
		if (choices.length < 2) return 'Give at least two options.';
		if (new Set(choices.map((c) => c.toLowerCase())).size !== choices.length) {
			return 'Two options are the same.';
		}
		if (!choices.includes(question.answer.trim())) return 'The answer must be one of the options.';
	}
	if (question.type === 'true-false' && question.answer !== 'True' && question.answer !== 'False') {
		return 'The answer must be True or False.';
	}
	return null;
}

/** Removes a question by hand: hidden from quizzes and never regenerated. */
export async function removeQuestion(db: FactdeckDB, id: string, now: Date): Promise<void> {
	const t = now.getTime();
	const n = await rw(db, db.questions, () =>
		db.questions.update(id, { retiredAt: t, edited: true, removed: true, updatedAt: t })
	);
	if (n === 0) throw new NotFoundError(`Question ${id}`);
}

/** Removes a card by hand: out of every queue, history kept, never regenerated. */
export async function removeCard(db: FactdeckDB, id: string, now: Date): Promise<void> {
	const t = now.getTime();
	const n = await rw(db, db.cards, () =>
		db.cards.update(id, {
			queue: QUEUE_RETIRED,
			retiredAt: t,
			edited: true,
			removed: true,
			updatedAt: t
		})
	);
	if (n === 0) throw new NotFoundError(`Card ${id}`);
}
