import type { Phrase } from './phrases';
import type { Heading, SentenceInfo } from './text';

export type MentionKind =
	| 'person'
	| 'place'
	| 'organisation'
	| 'date'
	| 'number'
	| 'quantity'
	| 'money'
	| 'percent'
	| 'name';

export interface Mention {
	kind: MentionKind;
	start: number;
	end: number;
	text: string;
	sentence: number;
	/** Token range [tokenStart, tokenEnd) inside the sentence. */
	tokenStart: number;
	tokenEnd: number;
	/** Entity cluster id (index into Doc.entities); -1 for numbers and dates. */
	entity: number;
	/** Numeric value for numbers, money, percentages, quantities and years. */
	value?: number;
	/** Mentions of the same kind joined by "and"/"or" share a group id. */
	group?: number;
}

export interface Entity {
	id: number;
	kind: MentionKind;
	/** The fullest name the text uses. */
	name: string;
	/** Lower-case keys under which the entity is known (aliases, surname). */
	keys: string[];
	mentions: number[];
	role?: string;
}

export interface Quote {
	/** The quoted words, without quotation marks. */
	text: string;
	/** Span of the quoted words (inside the marks). */
	start: number;
	end: number;
	sentence: number;
	/** Entity id of the speaker, when found. */
	speaker: number;
	/** Direct speech ("...," X said) rather than a phrase inside reported speech. */
	direct: boolean;
}

export interface RoleFact {
	entity: number;
	role: string;
	sentence: number;
	/** Where the role text stands. */
	start: number;
	end: number;
}

export interface Doc {
	text: string;
	headings: Heading[];
	sentences: SentenceInfo[];
	mentions: Mention[];
	entities: Entity[];
	quotes: Quote[];
	roles: RoleFact[];
	/** Mentions per sentence, in order. */
	bySentence: number[][];
	/** Noun phrases outside mentions, per sentence. */
	phrases: Phrase[][];
	/** How often each lower-case word occurs in the text. */
	wordCounts: Map<string, number>;
}
