/**
 * The practice quiz's storage: the quiz, one attempt row per answer, missed questions put into
 * review. Each is the $lib/db/practice function of that name on the app's database.
 */
import { bound } from './app-database.svelte';

const practice = () => import('$lib/db/practice');

export const startQuiz = bound(async () => (await practice()).startQuiz);
export const saveAnswer = bound(async () => (await practice()).saveAnswer);
export const finishQuiz = bound(async () => (await practice()).finishQuiz);
export const addMissedToReview = bound(async () => (await practice()).addMissedToReview);
