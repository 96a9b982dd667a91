/**
 * Live queries: each returns a Dexie liveQuery observable that re-runs when the tables it read
 * change, in this tab or another. An observable is a Svelte store (`$articles` in a component)
 * and can be passed around; subscribe only in the browser.
 *
 * Queries that depend on the time take `now`; re-create them when the time that matters changes
 * (a new minute for learning cards, a new day for reviews).
 */
import { liveQuery, type Observable } from 'dexie';
import type { SrsSettings } from '$lib/srs';
import { cardsOfArticle, listArticles, questionsOfArticle } from './articles';
import type { FactdeckDB } from './database';
import { attemptsOfQuiz, quizzesOfArticle } from './quizzes';
import {
	QUEUE_RETIRED,
	QUEUE_SUSPENDED,
	type ArticleRecord,
	type AttemptRecord,
	type CardRecord,
	type QuestionRecord,
	type QuizRecord
} from './records';
import { getSrsSettings } from './settings';
import { getStudyQueue, type StudyQueueWithCards } from './study';

export function liveArticles(db: FactdeckDB): Observable<ArticleRecord[]> {
	return liveQuery(() => listArticles(db));
}

export function liveArticle(db: FactdeckDB, id: string): Observable<ArticleRecord | undefined> {
	return liveQuery(() => db.articles.get(id));
}

export function liveCardsOfArticle(db: FactdeckDB, articleId: string): Observable<CardRecord[]> {
	return liveQuery(() => cardsOfArticle(db, articleId));
}

export function liveQuestionsOfArticle(
	db: FactdeckDB,
	articleId: string
): Observable<QuestionRecord[]> {
	return liveQuery(() => questionsOfArticle(db, articleId));
}

export function liveQuizzesOfArticle(db: FactdeckDB, articleId: string): Observable<QuizRecord[]> {
	return liveQuery(() => quizzesOfArticle(db, articleId));
}

export function liveAttempts(db: FactdeckDB, quizId: string): Observable<AttemptRecord[]> {
	return liveQuery(() => attemptsOfQuiz(db, quizId));
}

/** Today's queue with its counters; updates after every rating, in any tab. */
export function liveStudyQueue(
	db: FactdeckDB,
	now: Date,
	utcOffsetMinutes?: number
): Observable<StudyQueueWithCards> {
	return liveQuery(() => getStudyQueue(db, now, utcOffsetMinutes));
}

export function liveSrsSettings(db: FactdeckDB): Observable<SrsSettings> {
	return liveQuery(() => getSrsSettings(db));
}

export interface CardCounts {
	new: number;
	learning: number;
	review: number;
	suspended: number;
	retired: number;
	leeches: number;
}

/** How many cards are in each state, for the deck overview. */
export function liveCardCounts(db: FactdeckDB): Observable<CardCounts> {
	return liveQuery(async () => {
		const byQueue = (q: number) =>
			db.cards.where('[queue+due]').between([q, -Infinity], [q, Infinity]).count();
		const [fresh, learning, review, relearning, suspended, retired, leeches] = await Promise.all([
			byQueue(0),
			byQueue(1),
			byQueue(2),
			byQueue(3),
			byQueue(QUEUE_SUSPENDED),
			byQueue(QUEUE_RETIRED),
			db.cards.where('tags').equals('leech').count()
		]);
		return {
			new: fresh,
			learning: learning + relearning,
			review,
			suspended,
			retired,
			leeches
		};
	});
}
