/** The practice quizzes taken, with their scores, kept up to date (for Stats). */
import type { QuizHistoryEntry } from '$lib/db/practice-quiz';
import { liveAppQuery } from './app-database.svelte';

export type { QuizHistoryEntry };

export function liveQuizHistory() {
	return liveAppQuery(async () => (await import('$lib/db/practice-quiz')).quizHistory);
}
