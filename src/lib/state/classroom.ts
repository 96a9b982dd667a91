/**
 * Where the teacher's classroom quizzes and the results received for them are kept.
 *
 * Why a database of its own rather than rows in the study database's `quizzes` and `attempts`
 * tables: a classroom quiz is self-contained (its questions travel with it, edited or written by
 * hand) and does not belong to one article. Rows with extra fields or an article id that names no
 * article would be refused by the backup file's strict schema, so one classroom quiz would make
 * every later backup impossible to restore; and deleting an article would silently take the
 * classroom quizzes made from it along. Kept apart, the study data and its backups stay exactly as
 * the study code expects, and a classroom quiz can always be rebuilt from its own share link.
 *
 * Results live inside the quiz record (`results`), not in a table of their own: a result code is
 * tied to one exact version of the quiz (it carries the quiz's hash), so results are read, written
 * and cleared together with that version, and a class is a few dozen small entries. One record,
 * changed in one transaction, is the simplest form that cannot get out of step.
 */
import { Dexie, type EntityTable } from 'dexie';
import { quizHash, type ClassroomQuiz, type ReceivedResult } from '$lib/classroom';
import { toBase32 } from '$lib/classroom/codec';

export interface SavedClassroomQuiz {
	/** The same as `quiz.id`. */
	id: string;
	quiz: ClassroomQuiz;
	createdAt: number;
	updatedAt: number;
	/** Results received for this version of the quiz, in the order they arrived. */
	results: ReceivedResult[];
}

export const CLASSROOM_DB_NAME = 'factdeck-classroom';

class ClassroomDB extends Dexie {
	quizzes!: EntityTable<SavedClassroomQuiz, 'id'>;

	constructor(name: string) {
		super(name);
		this.version(1).stores({ quizzes: 'id, updatedAt' });
	}
}

let shared: ClassroomDB | undefined;

/** The classroom database. Browser only: call it from onMount, an effect or an event handler. */
export function classroomDb(): ClassroomDB {
	shared ??= new ClassroomDB(CLASSROOM_DB_NAME);
	return shared;
}

/** A fresh quiz id: 10 random base32 characters, short enough not to weigh on the link. */
export function newQuizId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(7));
	return toBase32(bytes).slice(0, 10).toLowerCase();
}

/** Every saved quiz, most recently changed first. */
export async function listClassroomQuizzes(): Promise<SavedClassroomQuiz[]> {
	return classroomDb().quizzes.orderBy('updatedAt').reverse().toArray();
}

export function getClassroomQuiz(id: string): Promise<SavedClassroomQuiz | undefined> {
	return classroomDb().quizzes.get(id);
}

/**
 * Saves a quiz, new or changed. Results already received are kept only while the quiz stays the
 * same: a changed quiz has a new hash, and old codes no longer describe it.
 */
export async function saveClassroomQuiz(quiz: ClassroomQuiz, now: Date): Promise<void> {
	const db = classroomDb();
	await db.transaction('rw', db.quizzes, async () => {
		const old = await db.quizzes.get(quiz.id);
		const same = old !== undefined && quizHash(old.quiz) === quizHash(quiz);
		await db.quizzes.put({
			id: quiz.id,
			quiz,
			createdAt: old?.createdAt ?? now.getTime(),
			updatedAt: now.getTime(),
			results: same ? old.results : []
		});
	});
}

export async function deleteClassroomQuiz(id: string): Promise<void> {
	await classroomDb().quizzes.delete(id);
}

/**
 * Adds results to a quiz, skipping any whose code is already there (a second scan of the same
 * screen). Returns how many were new. A later code from the same name is kept too: the tally
 * counts the latest one per student.
 */
export async function addClassroomResults(id: string, results: ReceivedResult[]): Promise<number> {
	const db = classroomDb();
	return db.transaction('rw', db.quizzes, async () => {
		const saved = await db.quizzes.get(id);
		if (!saved) throw new Error('This quiz is no longer saved on this device.');
		const codes = new Set(saved.results.map((r) => r.code));
		const fresh = results.filter((r) => {
			if (codes.has(r.code)) return false;
			codes.add(r.code);
			return true;
		});
		if (fresh.length > 0) {
			await db.quizzes.update(id, { results: [...saved.results, ...fresh] });
		}
		return fresh.length;
	});
}

/** Removes every result received from students with this name (as the tally matches names). */
export async function removeClassroomResult(id: string, name: string): Promise<void> {
	const key = (text: string) => text.normalize('NFKC').toLocaleLowerCase().trim();
	const db = classroomDb();
	await db.transaction('rw', db.quizzes, async () => {
		const saved = await db.quizzes.get(id);
		if (!saved) return;
		await db.quizzes.update(id, {
			results: saved.results.filter((r) => key(r.name) !== key(name))
		});
	});
}

export async function clearClassroomResults(id: string): Promise<void> {
	await classroomDb().quizzes.update(id, { results: [] });
}

/** The `id` query parameter of the current page, read in the browser (pages are prerendered). */
export function idFromLocation(): string {
	return new URLSearchParams(location.search).get('id') ?? '';
}
