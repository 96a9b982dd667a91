/**
 * Where the teacher's classroom quizzes and the results received for them are kept: the study
 * database's `classroom` table, so they are part of every backup.
 *
 * A classroom quiz is self-contained (its questions travel with it, edited or written by hand) and
 * does not belong to one article, so deleting an article leaves it alone. Results live inside the
 * quiz record (`results`), not in a table of their own: a result code is tied to one exact version
 * of the quiz (it carries the quiz's hash), so results are read, written and cleared together with
 * that version, and a class is a few dozen small entries. One record, changed in one transaction,
 * is the simplest form that cannot get out of step.
 */
import { quizHash, type ClassroomQuiz, type ReceivedResult } from '$lib/classroom';
import type { FactdeckDB } from './database';
import type { ClassroomRecord } from './records';
import { rw } from './tx';

export type SavedClassroomQuiz = ClassroomRecord;

/** Every saved quiz, most recently changed first. */
export async function listClassroomQuizzes(db: FactdeckDB): Promise<SavedClassroomQuiz[]> {
	return db.classroom.orderBy('updatedAt').reverse().toArray();
}

export function getClassroomQuiz(
	db: FactdeckDB,
	id: string
): Promise<SavedClassroomQuiz | undefined> {
	return db.classroom.get(id);
}

/**
 * Saves a quiz, new or changed. Results already received are kept only while the quiz stays the
 * same: a changed quiz has a new hash, and old codes no longer describe it.
 */
export async function saveClassroomQuiz(
	db: FactdeckDB,
	quiz: ClassroomQuiz,
	now: Date
): Promise<void> {
	await rw(db, db.classroom, async () => {
		const old = await db.classroom.get(quiz.id);
		const same = old !== undefined && quizHash(old.quiz) === quizHash(quiz);
		await db.classroom.put({
			id: quiz.id,
			quiz,
			createdAt: old?.createdAt ?? now.getTime(),
			updatedAt: now.getTime(),
			results: same ? old.results : []
		});
	});
}

export async function deleteClassroomQuiz(db: FactdeckDB, id: string): Promise<void> {
	await rw(db, db.classroom, () => db.classroom.delete(id));
}

/**
 * Adds results to a quiz, skipping any whose code is already there (a second scan of the same
 * screen). Returns how many were new. A later code from the same name is kept too: the tally
 * counts the latest one per student.
 */
export async function addClassroomResults(
	db: FactdeckDB,
	id: string,
	results: ReceivedResult[]
): Promise<number> {
	return rw(db, db.classroom, async () => {
		const saved = await db.classroom.get(id);
		if (!saved) throw new Error('This quiz is no longer saved on this device.');
		const codes = new Set(saved.results.map((r) => r.code));
		const fresh = results.filter((r) => {
			if (codes.has(r.code)) return false;
			codes.add(r.code);
			return true;
		});
		if (fresh.length > 0) {
			await db.classroom.update(id, { results: [...saved.results, ...fresh] });
		}
		return fresh.length;
	});
}

/** Removes every result received from students with this name (as the tally matches names). */
export async function removeClassroomResult(
	db: FactdeckDB,
	id: string,
	name: string
): Promise<void> {
	const key = (text: string) => text.normalize('NFKC').toLocaleLowerCase().trim();
	await rw(db, db.classroom, async () => {
		const saved = await db.classroom.get(id);
		if (!saved) return;
		await db.classroom.update(id, {
			results: saved.results.filter((r) => key(r.name) !== key(name))
		});
	});
}

export async function clearClassroomResults(db: FactdeckDB, id: string): Promise<void> {
	await rw(db, db.classroom, () => db.classroom.update(id, { results: [] }));
}
