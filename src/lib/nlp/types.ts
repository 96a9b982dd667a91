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

/**
 * The sort of organisation, for matching distractors of the same setting: a police force is offered
 * other public bodies, a club other clubs. `other` when neither the name nor the text tells.
 */
export type OrgType =
	| 'company'
	| 'public'
	| 'police'
	| 'military'
	| 'court'
	| 'party'
	| 'team'
	| 'union'
	| 'media'
	| 'education'
	| 'international'
	| 'charity'
	| 'health'
	| 'religious'
	| 'other';

/** The sort of place: a country is offered other countries, a city other cities. */
export type PlaceKind = 'country' | 'region' | 'city' | 'street' | 'building' | 'nature' | 'other';

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
	/**
	 * Dates only: a time the reader cannot place without the day of writing ("Tuesday", "last
	 * week", "yesterday", "earlier this month") or an interval counted from another event ("two
	 * days later", "a year ago"). Never make it an answer or a blank: the question would not carry
	 * its anchor. Also set on quantities of time followed by later/earlier/ago.
	 */
	relative?: boolean;
}

export interface Entity {
	id: number;
	kind: MentionKind;
	/** The fullest name the text uses. */
	name: string;
	/** Lower-case keys under which the entity is known (aliases, surname). */
	keys: string[];
	mentions: number[];
	/** The first role the text gives the entity ("French President", "chief executive"). */
	role?: string;
	/** Every role the text gives the entity, in order of appearance (people only). */
	roles?: string[];
	/**
	 * People only: the country a role or title names ("French President Emmanuel Macron" →
	 * "France", "Ukraine's foreign minister" → "Ukraine"), as the canonical country name.
	 */
	nationality?: string;
	/** Organisations only: what sort of body it is (see OrgType). */
	orgType?: OrgType;
	/** Places only: country, region, city ... (see PlaceKind). */
	placeKind?: PlaceKind;
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

/**
 * A short reference to an entity named elsewhere: a pronoun ("He", "its"), a description ("the
 * firm") or a short name ("Mr Abbas" for "Mahmoud Abbas"). Only references the rules could resolve
 * safely are listed, and only where the sentence does not itself name the entity earlier on.
 * Inside quotation marks nothing is listed: quoted words stay as spoken.
 */
export interface Reference {
	sentence: number;
	/** Span of the reference in the text, and its token range inside the sentence. */
	start: number;
	end: number;
	tokenStart: number;
	tokenEnd: number;
	text: string;
	/** The entity meant; -1 for a coordinated group ("They" → "Britain and France"). */
	entity: number;
	/** What to write instead: the full name, with "'s" for a possessive ("its" → "Shell's"). */
	replacement: string;
	kind: 'pronoun' | 'possessive' | 'description' | 'short-name';
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
	/**
	 * Resolved short references, in text order (see Reference). To show a sentence on its own use
	 * `sentenceInContext(doc, i, edits)` from './coref': it writes these out, drops discourse words
	 * ("However,", "also", "thus") and returns null when an opening pronoun cannot be resolved.
	 */
	references: Reference[];
}
