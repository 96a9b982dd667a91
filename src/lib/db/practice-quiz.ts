/**
 * What a practice quiz draws on beyond one article's generated questions: several articles at
 * once, everything due for review, and decks whose cards have no questions (an imported CSV or
 * Anki deck), whose cards are turned into questions when a quiz asks them. Also the quiz history
 * and putting missed questions back into review.
 */
import { cardsWithoutQuestions, questionsFromCards } from '$lib/quiz/from-cards';
import { State } from '$lib/srs';
import { reviewNow } from './browse';
import { addMissedToReview } from './practice';
import type { FactdeckDB } from './database';
import type {
	ArticleRecord,
	AttemptRecord,
	CardRecord,
	QuestionRecord,
	QuizRecord
} from './records';
import { ro, rw } from './tx';
import type { QuizScoreInput } from '$lib/stats/quiz-history';

/** Where a quiz's questions come from: chosen articles, or the material due for review now. */
export type QuizSource = { articleIds: readonly string[] } | { due: true };

export interface QuizPool {
	/** Questions the quiz may ask, flagged ones left out; some may be made from cards. */
	questions: QuestionRecord[];
	/** The articles the questions belong to, by id (for titles and evidence sentences). */
	articles: Map<string, ArticleRecord>;
}

const live = <T extends { retiredAt?: number }>(x: T) => x.retiredAt === undefined;

/** Questions made from `cards` (those no question covers), with distractors from `deck`. */
function fromCards(cards: CardRecord[], deck: CardRecord[], t: number): QuestionRecord[] {
	const order = new Map(cards.map((c) => [c.id, c.order]));
	return questionsFromCards(cards, deck).map((q) => ({
		...q,
		order: order.get(q.id.slice(0, -3)) ?? 0,
		updatedAt: t
	}));
}

async function articlePool(
	db: FactdeckDB,
	articleId: string,
	only: ((c: CardRecord) => boolean) | null,
	t: number
): Promise<QuestionRecord[]> {
	const [questions, cards] = await Promise.all([
		db.questions.where('articleId').equals(articleId).filter(live).toArray(),
		db.cards.where('articleId').equals(articleId).filter(live).toArray()
	]);
	const wanted = only ? cards.filter(only) : cards;
	const facts = new Set(wanted.map((c) => c.factId));
	// Questions made from cards earlier are stored under the card's id; they do not count as the
	// article's own questions, so the card's other question is still made.
	const cardIds = new Set(cards.map((c) => c.id));
	const own = questions.filter((q) => !cardIds.has(q.id.slice(0, -3)));
	const made = fromCards(cardsWithoutQuestions(wanted, own), cards, t);
	const byId = new Map(made.map((q) => [q.id, q]));
	for (const q of questions) if (!only || facts.has(q.factId)) byId.set(q.id, q);
	return [...byId.values()].filter((q) => q.flaggedAt === undefined);
}

/** Cards due for review or in learning at `now`, not suspended or buried. */
async function dueCards(db: FactdeckDB, t: number): Promise<CardRecord[]> {
	const range = (queue: number) =>
		db.cards.where('[queue+due]').between([queue, -Infinity], [queue, t], true, true).toArray();
	const all = (
		await Promise.all([State.Learning, State.Review, State.Relearning].map(range))
	).flat();
	return all.filter((c) => c.buriedUntil === undefined || c.buriedUntil <= t);
}

/** The questions a quiz from `source` may ask, at `now`. */
export async function quizPool(db: FactdeckDB, source: QuizSource, now: Date): Promise<QuizPool> {
	const t = now.getTime();
	return ro(db, [db.articles, db.questions, db.cards], async () => {
		let ids: string[];
		let only: ((c: CardRecord) => boolean) | null = null;
		if ('due' in source) {
			const cards = await dueCards(db, t);
			const due = new Set(cards.map((c) => c.id));
			ids = [...new Set(cards.map((c) => c.articleId))];
			only = (c) => due.has(c.id);
		} else ids = [...new Set(source.articleIds)];
		const records = await db.articles.bulkGet(ids);
		const articles = new Map(records.filter((a) => a !== undefined).map((a) => [a.id, a] as const));
		const lists = await Promise.all([...articles.keys()].map((id) => articlePool(db, id, only, t)));
		return { questions: lists.flat(), articles };
	});
}

/**
 * Starts a quiz over `questions`: any made from cards are stored first (so the quiz and its
 * answers refer to questions the database holds), then the quiz. Returns the quiz id.
 */
export async function startPracticeQuiz(
	db: FactdeckDB,
	questions: readonly QuestionRecord[],
	now: Date
): Promise<string> {
	if (questions.length === 0) throw new Error('A quiz needs at least one question.');
	const id = `quiz-${now.getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
	await rw(db, [db.questions, db.quizzes], async () => {
		const stored = await db.questions.bulkGet(questions.map((q) => q.id));
		const fresh = questions.filter((q, i) => !stored[i] || stored[i]!.retiredAt !== undefined);
		if (fresh.length) await db.questions.bulkPut(fresh.map((q) => ({ ...q })));
		await db.quizzes.add({
			id,
			articleId: questions[0]!.articleId,
			questionIds: questions.map((q) => q.id),
			createdAt: now.getTime()
		});
	});
	return id;
}

/**
 * Puts missed questions into review: each question's active cards (same article and fact) become
 * due now, suspended or buried ones included; a question without a card gets a card made from it.
 * @returns how many existing cards were made due, and how many cards were added.
 */
export async function missedToReview(
	db: FactdeckDB,
	questions: readonly QuestionRecord[],
	now: Date
): Promise<{ due: number; added: number }> {
	const cardIds = new Set<string>();
	const without: QuestionRecord[] = [];
	await ro(db, db.cards, async () => {
		for (const q of questions) {
			const cards = await db.cards
				.where('articleId')
				.equals(q.articleId)
				.filter((c) => c.factId === q.factId && live(c))
				.toArray();
			if (cards.length === 0) without.push(q);
			for (const c of cards) cardIds.add(c.id);
		}
	});
	const due = cardIds.size ? await reviewNow(db, [...cardIds], now) : 0;
	let added = 0;
	if (without.length) {
		for (const q of without) {
			const article = await db.articles.get(q.articleId);
			if (!article) continue;
			added += (await addMissedToReview(db, [q], article.text, now)).added;
		}
	}
	return { due, added };
}

/** Stores one answer (replacing an earlier one to the same question of the quiz). */
export async function recordAnswer(db: FactdeckDB, attempt: AttemptRecord): Promise<void> {
	await rw(db, db.attempts, () => db.attempts.put({ ...attempt }));
}

/**
 * The learner's "I was right" on an answer marked wrong: it counts as right from then on, and the
 * record keeps that it was the learner's call.
 */
export async function overrideAnswer(
	db: FactdeckDB,
	quizId: string,
	questionId: string
): Promise<void> {
	await rw(db, db.attempts, async () => {
		const n = await db.attempts
			.where('[quizId+questionId]')
			.equals([quizId, questionId])
			.modify({ correct: true, overridden: true });
		if (n === 0) throw new Error('That answer is not stored, so it cannot be changed.');
	});
}

/** One finished or abandoned practice quiz, with its score: the shape Stats reads. */
export type QuizHistoryEntry = QuizScoreInput;

/** The latest `limit` practice quizzes, newest first. */
export async function quizHistory(db: FactdeckDB, limit = 50): Promise<QuizHistoryEntry[]> {
	return ro(db, [db.quizzes, db.attempts, db.questions, db.articles], async () => {
		const quizzes: QuizRecord[] = await db.quizzes.toArray();
		quizzes.sort((a, b) => b.createdAt - a.createdAt);
		const latest = quizzes.slice(0, limit);
		const titles = new Map((await db.articles.toArray()).map((a) => [a.id, a.title]));
		return Promise.all(
			latest.map(async (z) => {
				const attempts = await db.attempts.where('quizId').equals(z.id).toArray();
				const questions = await db.questions.bulkGet(z.questionIds);
				const ids = new Set([z.articleId, ...questions.map((q) => q?.articleId)]);
				const names = [...ids].map((a) => (a ? titles.get(a) : undefined));
				return {
					id: z.id,
					createdAt: z.createdAt,
					...(z.finishedAt === undefined ? {} : { finishedAt: z.finishedAt }),
					questions: z.questionIds.length,
					answered: attempts.length,
					right: attempts.filter((a) => a.correct).length,
					overridden: attempts.filter((a) => a.overridden).length,
					titles: names.filter((n): n is string => n !== undefined)
				};
			})
		);
	});
}
