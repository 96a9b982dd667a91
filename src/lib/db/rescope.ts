/**
 * The schema 6 migration: generated questions and cards stored under the generator's own ids move
 * to ids scoped to their article (item-ids.ts), and every record that names them follows: the
 * review log (its key and each row), practice quizzes and their attempts. Hand-made and CSV items
 * already have ids of their own and stay as they are.
 */
import type { Table, Transaction } from 'dexie';
import { scopedItemId } from './item-ids';
import type {
	AttemptRecord,
	CardRecord,
	LogRecord,
	QuestionRecord,
	QuizRecord,
	ReviewRow
} from './records';

/** Old id → new id of each item that moves (the others keep their ids). */
function newIds(items: readonly { id: string; articleId: string }[]): Map<string, string> {
	const ids = new Map<string, string>();
	for (const item of items) {
		const id = scopedItemId(item.articleId, item.id);
		if (id !== item.id) ids.set(item.id, id);
	}
	return ids;
}

/** Each item under its new id from `ids`; an item that does not move is returned as it is. */
function withNewIds<T extends { id: string }>(items: readonly T[], ids: Map<string, string>): T[] {
	return items.map((item) => {
		const id = ids.get(item.id);
		return id === undefined ? item : { ...item, id };
	});
}

/** Moves the rows of `table` whose ids change to their new ids; returns old id → new id. */
async function moveRows<T extends { id: string; articleId: string }>(
	table: Table<T, string>
): Promise<Map<string, string>> {
	const rows = await table.toArray();
	const ids = newIds(rows);
	if (ids.size) {
		await table.bulkDelete([...ids.keys()]);
		const moving = rows.filter((row) => ids.has(row.id));
		await table.bulkAdd(withNewIds(moving, ids));
	}
	return ids;
}

export async function rescopeItemIds(tx: Transaction): Promise<void> {
	const cards = tx.table<CardRecord, string>('cards');
	const questions = tx.table<QuestionRecord, string>('questions');
	const logs = tx.table<LogRecord, string>('logs');
	const quizzes = tx.table<QuizRecord, string>('quizzes');
	const attempts = tx.table<AttemptRecord, [string, string]>('attempts');

	const cardIds = await moveRows(cards);
	if (cardIds.size) {
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

	const questionIds = await moveRows(questions);
	if (questionIds.size) {
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
	const cardIds = newIds(tables.cards);
	const questionIds = newIds(tables.questions);
	if (cardIds.size === 0 && questionIds.size === 0) return tables;
	return {
		...tables,
		cards: withNewIds(tables.cards, cardIds),
		questions: withNewIds(tables.questions, questionIds),
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
