/** Quizzes taken on an article and the answers given. */
import type { FactdeckDB } from './database';
import { NotFoundError } from './errors';
import type { AttemptRecord, QuizRecord } from './records';
import { rw } from './tx';

/** Starts a quiz over the given questions (in the order they will be asked). */
export async function createQuiz(
	db: FactdeckDB,
	articleId: string,
	questionIds: readonly string[],
	now: Date
): Promise<QuizRecord> {
	const quiz: QuizRecord = {
		id: `${articleId}-z${now.getTime().toString(36)}`,
		articleId,
		questionIds: [...questionIds],
		createdAt: now.getTime()
	};
	await db.quizzes.put(quiz);
	return quiz;
}

/** Records (or replaces) the answer to one question of a quiz. */
export async function recordAttempt(db: FactdeckDB, attempt: AttemptRecord): Promise<void> {
	await rw(db, [db.quizzes, db.attempts], async () => {
		if (!(await db.quizzes.get(attempt.quizId))) throw new NotFoundError(`Quiz ${attempt.quizId}`);
		await db.attempts.put(attempt);
	});
}

export async function finishQuiz(db: FactdeckDB, quizId: string, now: Date): Promise<void> {
	const n = await db.quizzes.update(quizId, { finishedAt: now.getTime() });
	if (n === 0) throw new NotFoundError(`Quiz ${quizId}`);
}

export function attemptsOfQuiz(db: FactdeckDB, quizId: string): Promise<AttemptRecord[]> {
	return db.attempts.where('quizId').equals(quizId).sortBy('at');
}

/** An article's quizzes, newest first. */
export async function quizzesOfArticle(db: FactdeckDB, articleId: string): Promise<QuizRecord[]> {
	const quizzes = await db.quizzes.where('articleId').equals(articleId).toArray();
	return quizzes.sort((a, b) => b.createdAt - a.createdAt);
}
