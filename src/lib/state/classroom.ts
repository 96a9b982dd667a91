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
import { toBase32 } from '$lib/classroom/codec';
import { getDatabase } from '$lib/db/database';
import { rw } from '$lib/db/tx';
import type { ClassroomRecord } from '$lib/db/records';

export type SavedClassroomQuiz = ClassroomRecord;

/** The classroom table. Browser only: call it from onMount, an effect or an event handler. */
function table() {
	return getDatabase().classroom;
}

/** A fresh quiz id: 10 random base32 characters, short enough not to weigh on the link. */
export function newQuizId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(7));
	return toBase32(bytes).slice(0, 10).toLowerCase();
}

/** Every saved quiz, most recently changed first. */
export async function listClassroomQuizzes(): Promise<SavedClassroomQuiz[]> {
	return table().orderBy('updatedAt').reverse().toArray();
}

export function getClassroomQuiz(id: string): Promise<SavedClassroomQuiz | undefined> {
	return table().get(id);
}

/**
 * Saves a quiz, new or changed. Results already received are kept only while the quiz stays the
 * same: a changed quiz has a new hash, and old codes no longer describe it.
 */
export async function saveClassroomQuiz(quiz: ClassroomQuiz, now: Date): Promise<void> {
	const db = getDatabase();
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

export async function deleteClassroomQuiz(id: string): Promise<void> {
	await table().delete(id);
}

/**
 * Adds results to a quiz, skipping any whose code is already there (a second scan of the same
 * screen). Returns how many were new. A later code from the same name is kept too: the tally
 * counts the latest one per student.
 */
export async function addClassroomResults(id: string, results: ReceivedResult[]): Promise<number> {
	const db = getDatabase();
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
export async function removeClassroomResult(id: string, name: string): Promise<void> {
	const key = (text: string) => text.normalize('NFKC').toLocaleLowerCase().trim();
	const db = getDatabase();
	await rw(db, db.classroom, async () => {
		const saved = await db.classroom.get(id);
		if (!saved) return;
		await db.classroom.update(id, {
			results: saved.results.filter((r) => key(r.name) !== key(name))
		});
	});
}

export async function clearClassroomResults(id: string): Promise<void> {
	await table().update(id, { results: [] });
}

/** The `id` query parameter of the current page, read in the browser (pages are prerendered). */
export function idFromLocation(): string {
	return new URLSearchParams(location.search).get('id') ?? '';
}
