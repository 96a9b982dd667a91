/**
 * The generator's output: the contract shared by the worker, the database, the UI and the CLI.
 * Offsets are UTF-16 code units into the article text, as JavaScript strings count them.
 */
import type { MentionKind } from '../nlp/types';
import type { Rejection } from './explain';

/** A half-open range [start, end) of the article text. */
export interface Span {
	start: number;
	end: number;
}

export type QuestionType =
	'multiple-choice' | 'cloze' | 'true-false' | 'quote' | 'match' | 'short-answer';

/**
 * What kind of thing an answer is; drives distractors and cloze hints. The kinds of a mention the
 * reader finds, with a bare name asked as a 'thing', and the kinds only facts have.
 */
export type AnswerKind = Exclude<MentionKind, 'name'> | 'role' | 'thing' | 'statement';

interface QuestionBase {
	/** Stable: derived from the article text and the fact, never from position or time. */
	id: string;
	/** The fact this question was made from. */
	factId: string;
	prompt: string;
	/** The correct answer as shown ("True" / "False" for true-false). */
	answer: string;
	/** The source sentence. */
	evidence: Span;
	/** Where the answer stands in the text, when it is a span of it. */
	answerSpan?: Span;
	kind: AnswerKind;
	/** The generator's own quality estimate; higher is better. */
	score: number;
}

export interface MultipleChoiceQuestion extends QuestionBase {
	type: 'multiple-choice';
	choices: string[];
}
export interface QuoteQuestion extends QuestionBase {
	type: 'quote';
	choices: string[];
}
export interface ClozeQuestion extends QuestionBase {
	type: 'cloze';
	/** The kind of the blanked phrase, shown as a hint ("a person", "a number"). */
	hint: string;
}
export interface TrueFalseQuestion extends QuestionBase {
	type: 'true-false';
	answer: 'True' | 'False';
}
export interface MatchQuestion extends QuestionBase {
	type: 'match';
	pairs: [string, string][];
}
export interface ShortAnswerQuestion extends QuestionBase {
	type: 'short-answer';
}

export type Question =
	| MultipleChoiceQuestion
	| QuoteQuestion
	| ClozeQuestion
	| TrueFalseQuestion
	| MatchQuestion
	| ShortAnswerQuestion;

export interface Card {
	/** Stable like question ids: a regenerated article keeps the ids of unchanged facts. */
	id: string;
	factId: string;
	front: string;
	back: string;
	evidence: Span;
}

export interface Section {
	title: string;
	span: Span;
}

export type FactKind = 'event' | 'role' | 'quote' | 'quantity' | 'date' | 'place' | 'definition';

export interface Fact {
	id: string;
	kind: FactKind;
	evidence: Span;
	/** Entity names the fact mentions. */
	entities: string[];
}

/** Everything generated from one article. Questions and cards come best first. */
export interface Deck {
	title: string;
	sections: Section[];
	facts: Fact[];
	questions: Question[];
	cards: Card[];
}

export interface GenerateOptions {
	/** Seeds every random choice (options order, true/false swaps); the same seed gives the same deck. */
	seed?: number;
	/** Upper bound on questions returned. */
	maxQuestions?: number;
	/** The article's title: the deck's title, and answers it gives away are ranked down. */
	title?: string;
	/** Told of every candidate fact or question left out, with the named reason (for --explain). */
	onReject?: (r: Rejection) => void;
	/**
	 * Keeps the questions an article's deck would leave out as least likely to be handed out as
	 * they are (see quality.ts): every candidate the selection chose (`--all` on the command line).
	 */
	keepUnlikely?: boolean;
}
