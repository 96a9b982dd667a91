/** Practice quizzes as the database keeps them: the quiz, then one attempt row per answer. */
import { addHandCard } from './hand';
import type { FactdeckDB } from './database';
import type { QuestionRecord } from './records';
import { rw } from './tx';

export async function startQuiz(
	db: FactdeckDB,
	articleId: string,
	questionIds: string[],
	now: Date
): Promise<string> {
	const id = `quiz-${now.getTime().toString(36)}-${crypto.randomUUID().slice(0, 8)}`;
	await rw(db, db.quizzes, () =>
		db.quizzes.add({ id, articleId, questionIds, createdAt: now.getTime() })
	);
	return id;
}

export async function saveAnswer(
	db: FactdeckDB,
	quizId: string,
	questionId: string,
	answer: string,
	correct: boolean,
	tookMs: number,
	now: Date
): Promise<void> {
	await rw(db, db.attempts, () =>
		db.attempts.put({ quizId, questionId, answer, correct, at: now.getTime(), tookMs })
	);
}

export async function finishQuiz(db: FactdeckDB, quizId: string, now: Date): Promise<void> {
	await rw(db, db.quizzes, () => db.quizzes.update(quizId, { finishedAt: now.getTime() }));
}

/**
 * Puts missed questions into review: a question whose fact already has an active card is
 * covered by it; for the rest a card is made from the question itself.
 * @returns how many cards were added and how many were already there.
 */
export async function addMissedToReview(
	db: FactdeckDB,
	questions: QuestionRecord[],
	articleText: string,
	now: Date
): Promise<{ added: number; existing: number }> {
	let added = 0;
	let existing = 0;
	for (const q of questions) {
		const active = await db.cards
			.where('articleId')
			.equals(q.articleId)
			.filter((c) => c.factId === q.factId && c.retiredAt === undefined)
			.count();
		if (active > 0) {
			existing++;
			continue;
		}
		const sentence = articleText.slice(q.evidence.start, q.evidence.end);
		const answer = q.type === 'match' ? q.pairs.map(([l, r]) => `${l}: ${r}`).join('\n') : q.answer;
		await addHandCard(
			db,
			q.articleId,
			{ front: q.prompt, back: `${answer}\n\n${sentence}`, evidence: q.evidence },
			now
		);
		added++;
	}
	return { added, existing };
}
