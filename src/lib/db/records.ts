/**
 * What each table stores. Instants are epoch milliseconds: they index, compare and serialise
 * without conversion, and a backup file holds exactly what the database holds.
 */
import type { ClassroomQuiz } from '$lib/classroom/schema';
import type { ReceivedResult } from '$lib/classroom/result-code';
import type { Card, Fact, Question, Section } from '$lib/generate/types';
import type { ReviewRecord, Schedule, State } from '$lib/srs';

export interface ArticleRecord {
	id: string;
	title: string;
	text: string;
	/** Where the text came from, when known (a URL or a file name). */
	source?: string;
	sections: Section[];
	facts: Fact[];
	/** The article the app ships with. */
	builtIn?: boolean;
	addedAt: number;
	/** Last time the deck was (re)generated. */
	generatedAt: number;
}

/** Shared by questions and cards: where they belong and what the learner did to them. */
export interface ItemMeta {
	articleId: string;
	/** Position in the generated deck (best first); new cards are introduced in this order. */
	order: number;
	/** Changed by hand: regeneration leaves the content alone and never retires it. */
	edited?: boolean;
	/** Set when a regeneration no longer produced this item; its history is kept. */
	retiredAt?: number;
	/** Removed by hand: stays retired, and regeneration never brings it back. */
	removed?: boolean;
	/** When the learner flagged it as bad: a flagged question leaves quizzes until fixed or cleared. */
	flaggedAt?: number;
	updatedAt: number;
}

export type QuestionRecord = Question & ItemMeta;

/**
 * Where a card stands: its FSRS state while active, or one of the inactive values below.
 * One indexed field, so "due learning cards" and "due reviews" are each one index range.
 */
export const QUEUE_SUSPENDED = -1;
export const QUEUE_RETIRED = -3;

/** A card's `queue`: its FSRS state while active, else suspended or retired. */
export type CardQueue = State | typeof QUEUE_SUSPENDED | typeof QUEUE_RETIRED;

export interface CardMeta extends ItemMeta {
	queue: CardQueue;
	/** Hidden from the queue until this instant ("bury until tomorrow"). */
	buriedUntil?: number;
	tags: string[];
	createdAt: number;
}

export type CardRecord = Card & Schedule & CardMeta;

/** One review-log row; a card's rows are unique by review time, so merging logs cannot duplicate one. */
export type ReviewRow = ReviewRecord;

/**
 * A card's review log: its rows, oldest first, appended to and never rewritten (undo takes back
 * the newest). One record per card rather than per review, so restoring a backup writes a fifth
 * as many records, and a card's history is one read.
 */
export interface LogRecord {
	cardId: string;
	/** The time of the newest row, indexed: "reviews since" and "the last review" read it. */
	last: number;
	rows: ReviewRow[];
}

export interface QuizRecord {
	id: string;
	articleId: string;
	questionIds: string[];
	createdAt: number;
	finishedAt?: number;
}

export interface AttemptRecord {
	quizId: string;
	questionId: string;
	/** What the learner answered, as shown. */
	answer: string;
	correct: boolean;
	at: number;
	/** Milliseconds spent on the question. */
	tookMs?: number;
	/** The grader said wrong and the learner said right ("I was right"); `correct` is then true. */
	overridden?: boolean;
}

export interface SettingRecord {
	key: string;
	value: unknown;
}

/**
 * A classroom quiz the teacher built, with the results received for this exact version of it
 * (a result code carries the quiz's hash, so results are kept, replaced and cleared with it).
 */
export interface ClassroomRecord {
	/** The same as `quiz.id`. */
	id: string;
	quiz: ClassroomQuiz;
	createdAt: number;
	updatedAt: number;
	/** Results received, in the order they arrived. */
	results: ReceivedResult[];
}

/**
 * The record of each table of a backup, by table name: what a backup holds and what the checks
 * read (the review log as one row a review, as a backup stores it).
 */
export interface TableRecords {
	articles: ArticleRecord;
	questions: QuestionRecord;
	cards: CardRecord;
	reviews: ReviewRow;
	quizzes: QuizRecord;
	attempts: AttemptRecord;
	settings: SettingRecord;
	classroom: ClassroomRecord;
}
