/**
 * The schema 6 migration: generated questions and cards stored under the generator's own ids move
 * to ids scoped to their article (item-ids.ts), and every record that names them follows: the
 * review log (its key and each row), practice quizzes and their attempts. Hand-made and CSV items
 * already have ids of their own and stay as they are.
 */
import type { Transaction } from 'dexie';
import { scopedItemId } from './item-ids';
import type {
	AttemptRecord,
	CardRecord,
	LogRecord,
	QuestionRecord,
	QuizRecord,
	ReviewRow
} from './records';

/** The new id of an item, or undefined when it keeps its id. */
function moved(item: { id: string; articleId: string }): string | undefined {
	const id = scopedItemId(item.articleId, item.id);
	return id === item.id ? undefined : id;
}

export async function rescopeItemIds(tx: Transaction): Promise<void> {
	const cards = tx.table<CardRecord, string>('cards');
	const questions = tx.table<QuestionRecord, string>('questions');
	const logs = tx.table<LogRecord, string>('logs');
	const quizzes = tx.table<QuizRecord, string>('quizzes');
	const attempts = tx.table<AttemptRecord, [string, string]>('attempts');

	const cardIds = new Map<string, string>();
	const movedCards: CardRecord[] = [];
	for (const card of await cards.toArray()) {
		const id = moved(card);
		if (id === undefined) continue;
		cardIds.set(card.id, id);
		movedCards.push({ ...card, id });
	}
	if (movedCards.length) {
		await cards.bulkDelete([...cardIds.keys()]);
		await cards.bulkAdd(movedCards);
		const oldLogs = (await logs.bulkGet([...cardIds.keys()])).filter(
			(log): log is LogRecord => log !== undefined
		);
		await logs.bulkDelete(oldLogs.map((log) => log.cardId));
		await logs.bulkAdd(
			oldLogs.map((log) => {
				const cardId = cardIds.get(log.cardId)!;
				return { ...log, cardId, rows: log.rows.map((row) => ({ ...row, cardId })) };
			})
		);
	}

	const questionIds = new Map<string, string>();
	const movedQuestions: QuestionRecord[] = [];
	for (const question of await questions.toArray()) {
		const id = moved(question);
		if (id === undefined) continue;
		questionIds.set(question.id, id);
		movedQuestions.push({ ...question, id });
	}
	if (movedQuestions.length) {
		await questions.bulkDelete([...questionIds.keys()]);
		await questions.bulkAdd(movedQuestions);
		await quizzes.toCollection().modify((quiz) => {
			quiz.questionIds = quiz.questionIds.map((id) => questionIds.get(id) ?? id);
		});
		const oldAttempts = (await attempts.toArray()).filter((a) => questionIds.has(a.questionId));
		await attempts.bulkDelete(oldAttempts.map((a) => [a.quizId, a.questionId] as [string, string]));
		await attempts.bulkAdd(
			oldAttempts.map((a) => ({ ...a, questionId: questionIds.get(a.questionId)! }))
		);
	}
}

/** Where the tables of a backup written before schema 6 name their items. */
export interface ItemTables {
	questions: QuestionRecord[];
	cards: CardRecord[];
	reviews: ReviewRow[];
	quizzes: QuizRecord[];
	attempts: AttemptRecord[];
}

/**
 * The same move for the tables of a backup written before schema 6, so an old backup restores
 * onto the ids this version generates (and regenerating its articles keeps their history).
 */
export function rescopeTables<T extends ItemTables>(tables: T): T {
	const cardIds = new Map<string, string>();
	const cards = tables.cards.map((card) => {
		const id = moved(card);
		if (id === undefined) return card;
		cardIds.set(card.id, id);
		return { ...card, id };
	});
	const questionIds = new Map<string, string>();
	const questions = tables.questions.map((question) => {
		const id = moved(question);
		if (id === undefined) return question;
		questionIds.set(question.id, id);
		return { ...question, id };
	});
	if (cardIds.size === 0 && questionIds.size === 0) return tables;
	return {
		...tables,
		cards,
		questions,
		reviews: tables.reviews.map((r) =>
			cardIds.has(r.cardId) ? { ...r, cardId: cardIds.get(r.cardId)! } : r
		),
		quizzes: tables.quizzes.map((q) => ({
			...q,
			questionIds: q.questionIds.map((id) => questionIds.get(id) ?? id)
		})),
		attempts: tables.attempts.map((a) =>
			questionIds.has(a.questionId) ? { ...a, questionId: questionIds.get(a.questionId)! } : a
		)
	};
}
