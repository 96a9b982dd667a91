/**
 * The teacher's classroom quizzes and the results received for them, as the classroom screens
 * use them. The storage itself (and why results live inside the quiz record) is $lib/db/classroom.
 */
import { toBase32 } from '$lib/classroom/codec';
import type { SavedClassroomQuiz } from '$lib/db/classroom';
import { bound, liveAppQuery } from './app-database.svelte';

export type { SavedClassroomQuiz };

const store = () => import('$lib/db/classroom');

/** A fresh quiz id: 10 random base32 characters, short enough not to weigh on the link. */
export function newQuizId(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(7));
	return toBase32(bytes).slice(0, 10).toLowerCase();
}

/** Every saved quiz, most recently changed first, kept in step with the database. */
export function liveClassroomQuizzes() {
	return liveAppQuery(async () => (await store()).listClassroomQuizzes);
}

export const getClassroomQuiz = bound(async () => (await store()).getClassroomQuiz);

/** The saved quiz a page is about (its `id` parameter); refused when this device does not have it. */
export async function loadSavedQuiz(id = idFromLocation()): Promise<SavedClassroomQuiz> {
	const found = await getClassroomQuiz(id);
	if (!found) throw new Error('This quiz is not saved on this device.');
	return found;
}
/** Saves a quiz, new or changed; results are kept only while the quiz stays the same. */
export const saveClassroomQuiz = bound(async () => (await store()).saveClassroomQuiz);
export const deleteClassroomQuiz = bound(async () => (await store()).deleteClassroomQuiz);
/** Adds results not received before; resolves with how many were new. */
export const addClassroomResults = bound(async () => (await store()).addClassroomResults);
/** Removes every result received from students with this name. */
export const removeClassroomResult = bound(async () => (await store()).removeClassroomResult);
export const clearClassroomResults = bound(async () => (await store()).clearClassroomResults);

/** The `id` query parameter of the current page, read in the browser (pages are prerendered). */
export function idFromLocation(): string {
	return new URLSearchParams(location.search).get('id') ?? '';
}
