/**
 * What every fact extractor shares: the fact shape, the ranking constants and small tests on a
 * sentence's tokens.
 */
import type { Doc, Mention, Quote, RoleFact } from '../../nlp/types';
import type { AnswerKind, Fact, FactKind, Span } from '../types';
import { norm } from '../util';

export type Sentence = Doc['sentences'][number];

export interface Answer {
	text: string;
	kind: AnswerKind;
	/** Where the answer stands in the text, when it is a span of it. */
	span?: Span;
	/** Token range in the evidence sentence. */
	a: number;
	b: number;
	entity: number;
	value?: number;
	/** Coordinated list size ("Britain and France" → 2). */
	items: number;
	mention?: number;
}

export interface FactX extends Fact {
	sentence: number;
	answer?: Answer;
	quote?: Quote;
	role?: RoleFact;
	/** Centrality, roughly 0..2. */
	weight: number;
}

/**
 * How likely a reader is to be asked about a phrase of each kind, all else equal. Names, dates and
 * numbers are what people ask about most; a noun phrase is a weaker candidate on its own.
 */
export const KIND_WEIGHT = {
	date: 0.42,
	money: 0.45,
	percent: 0.46,
	quantity: 0.38,
	number: 0.31,
	person: 0.34,
	place: 0.26,
	organisation: 0.32,
	name: 0.28,
	role: 0.28,
	quote: 0.3
} as Record<string, number> & { role: number; quote: number };

/** Ranking constants, in one place so they can be reasoned about together. */
export const RANK = {
	phrase: 0.11,
	phraseHeadRecurs: 2.3,
	phraseHeadTwice: 1.25,
	phraseLong: 1.45,
	phraseAfterPrep: 1.05,
	phraseFirst: 0.85,
	firstSentence: 1.3,
	decay: 0.026,
	entityTwice: 0.8,
	entityRecurs: 0.45,
	inParens: 0.7,
	inTitle: 0.8,
	longList: 0.5,
	/** Whom the news was told to, who reported it (see facts/mentions.ts incidental). */
	incidental: 0.35,
	named: 2
};

/** What an extractor hands its facts to: the id is given on adding, duplicates are dropped. */
export interface FactSink {
	add(f: Omit<FactX, 'id'>, key: string): void;
	/** Entity names a sentence mentions. */
	entityNames(sentence: number): string[];
}

/** Per-sentence figures every extractor weighs by. */
export interface SentenceInfo {
	s: Sentence;
	/** Sentence quality 0..1 (length, fragments, lists of names). */
	sq: number;
	/** Position weight. */
	pos: number;
	key: string;
}

/** "known as the Common Core", "called Summer Breeze": a name the text gives something. */
export function afterNaming(s: Sentence, a: number): boolean {
	let i = a - 1;
	while (i >= 0 && /^(a|an|the|["“'‘])$/.test((s.tokens[i] as { lower: string }).lower)) i--;
	const w = (s.tokens[i] as { lower: string } | undefined)?.lower ?? '';
	const w0 = (s.tokens[i - 1] as { lower: string } | undefined)?.lower ?? '';
	return (
		/^(called|named|nicknamed|dubbed|termed|titled|renamed|entitled)$/.test(w) ||
		(w === 'as' && /^(known|referred|described|designated)$/.test(w0))
	);
}

export function answerKind(k: Mention['kind']): AnswerKind {
	return k === 'name' ? 'thing' : k;
}

export function factKind(k: Mention['kind']): FactKind {
	switch (k) {
		case 'date':
			return 'date';
		case 'number':
		case 'quantity':
		case 'money':
		case 'percent':
			return 'quantity';
		case 'place':
			return 'place';
		default:
			return 'event';
	}
}

/** Position weight: the first sentences carry the point of a story or an encyclopaedia entry. */
export function positionWeight(index: number): number {
	if (index === 0) return RANK.firstSentence;
	if (index <= 2) return 1;
	return Math.max(0.6, 0.95 - RANK.decay * index);
}

/** Very short or very long sentences make poor questions. */
export function sentenceQuality(words: number): number {
	if (words < 6) return 0.3;
	if (words > 55) return 0.75;
	if (words > 40) return 0.9;
	return 1;
}

export function inParens(s: Sentence, tokenIndex: number): boolean {
	let depth = 0;
	for (let i = 0; i < tokenIndex; i++) {
		const t = (s.tokens[i] as { text: string }).text;
		if (t === '(') depth++;
		else if (t === ')') depth = Math.max(0, depth - 1);
	}
	return depth > 0;
}

/** Finds a mention whose text equals `name`, so an answer can point at a span of the text. */
export function spanOfName(
	doc: Doc,
	entity: number,
	name: string,
	prefer?: number
): Span | undefined {
	const e = doc.entities[entity];
	if (!e) return undefined;
	const target = norm(name);
	let best: Mention | undefined;
	for (const i of e.mentions) {
		const m = doc.mentions[i] as Mention;
		if (norm(m.text) !== target) continue;
		if (!best || (prefer !== undefined && m.sentence === prefer)) best = m;
		if (prefer !== undefined && m.sentence === prefer) break;
	}
	return best ? { start: best.start, end: best.end } : undefined;
}
