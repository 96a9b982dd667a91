/**
 * Facts: the units questions and cards are made from. Each has an evidence sentence, a kind, the
 * entities it names and, for most, the phrase a question asks about.
 */
import type { Doc, Entity, Mention, Quote, RoleFact } from '../nlp/types';
import type { AnswerKind, Fact, FactKind, Span } from './types';
import { norm, shortId, wordCount } from './util';

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

const KIND_WEIGHT = {
	date: 0.34,
	money: 0.34,
	percent: 0.32,
	quantity: 0.3,
	number: 0.24,
	person: 0.3,
	place: 0.24,
	organisation: 0.26,
	name: 0.14,
	role: 0.34,
	quote: 0.32
} as Record<string, number> & { role: number; quote: number };

function answerKind(k: Mention['kind']): AnswerKind {
	return k === 'name' ? 'thing' : k;
}

function factKind(k: Mention['kind']): FactKind {
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

/** Position weight: the first sentences carry the point of a news story. */
export function positionWeight(index: number): number {
	return 1 / (1 + 0.12 * index);
}

function sentenceQuality(words: number): number {
	if (words < 6) return -0.3;
	if (words > 55) return -0.3;
	if (words > 40) return -0.1;
	return 0.1;
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

export function extractFacts(doc: Doc): FactX[] {
	const facts: FactX[] = [];
	const seen = new Set<string>();
	const ids = new Set<string>();
	const add = (f: Omit<FactX, 'id'>, key: string) => {
		let id = shortId('f', key);
		if (seen.has(key)) return;
		seen.add(key);
		let n = 1;
		while (ids.has(id)) id = shortId('f', key + '#' + n++);
		ids.add(id);
		facts.push({ ...f, id });
	};
	const entityNames = (s: number) => [
		...new Set(
			(doc.bySentence[s] ?? [])
				.map((i) => doc.mentions[i] as Mention)
				.filter((m) => m.entity >= 0)
				.map((m) => (doc.entities[m.entity] as Entity).name)
		)
	];
	const maxCount = Math.max(1, ...doc.entities.map((e) => e.mentions.length));

	for (const s of doc.sentences) {
		const words = wordCount(s.text);
		const sq = sentenceQuality(words);
		const pos = positionWeight(s.index);
		const sentKey = norm(s.text);
		const ms = (doc.bySentence[s.index] ?? []).map((i) => doc.mentions[i] as Mention);
		// Lists of one kind become a single answer ("Britain and France").
		const groups = new Map<number, Mention[]>();
		for (const m of ms)
			if (m.group !== undefined) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
		for (const [idx, m] of ms.entries()) {
			const e = m.entity >= 0 ? (doc.entities[m.entity] as Entity) : undefined;
			const freq = e ? (e.mentions.length - 1) / maxCount : 0;
			const answer: Answer = {
				text: m.text,
				kind: answerKind(m.kind),
				span: { start: m.start, end: m.end },
				a: m.tokenStart,
				b: m.tokenEnd,
				entity: m.entity,
				value: m.value,
				items: 1,
				mention: (doc.bySentence[s.index] ?? [])[idx]
			};
			const weight = pos * 0.6 + freq * 0.3 + (KIND_WEIGHT[m.kind] ?? 0.1) + sq;
			add(
				{
					kind: factKind(m.kind),
					evidence: { start: s.start, end: s.end },
					entities: entityNames(s.index),
					sentence: s.index,
					answer,
					weight
				},
				`${sentKey}|${norm(m.text)}`
			);
		}
		for (const g of groups.values()) {
			if (g.length < 2) continue;
			const first = g[0] as Mention;
			const last = g[g.length - 1] as Mention;
			const text = doc.text.slice(first.start, last.end);
			add(
				{
					kind: factKind(first.kind),
					evidence: { start: s.start, end: s.end },
					entities: entityNames(s.index),
					sentence: s.index,
					answer: {
						text,
						kind: answerKind(first.kind),
						span: { start: first.start, end: last.end },
						a: first.tokenStart,
						b: last.tokenEnd,
						entity: -1,
						items: g.length
					},
					weight: pos * 0.6 + (KIND_WEIGHT[first.kind] ?? 0.1) + sq + 0.1
				},
				`${sentKey}|${norm(text)}|list`
			);
		}
	}
	// Quotes with a speaker.
	for (const q of doc.quotes) {
		if (q.speaker < 0) continue;
		const s = doc.sentences[q.sentence];
		if (!s) continue;
		const e = doc.entities[q.speaker] as Entity;
		add(
			{
				kind: 'quote',
				evidence: { start: s.start, end: s.end },
				entities: entityNames(s.index),
				sentence: s.index,
				quote: q,
				answer: {
					text: e.name,
					kind: e.kind === 'organisation' ? 'organisation' : 'person',
					span: spanOfName(doc, q.speaker, e.name, s.index),
					a: -1,
					b: -1,
					entity: q.speaker,
					items: 1
				},
				weight: positionWeight(s.index) * 0.6 + KIND_WEIGHT.quote + 0.2
			},
			`${norm(s.text)}|quote|${norm(q.text)}`
		);
	}
	// Roles: one per person.
	const roleDone = new Set<number>();
	for (const r of doc.roles) {
		if (roleDone.has(r.entity)) continue;
		roleDone.add(r.entity);
		const s = doc.sentences[r.sentence];
		if (!s) continue;
		const e = doc.entities[r.entity] as Entity;
		add(
			{
				kind: 'role',
				evidence: { start: s.start, end: s.end },
				entities: [e.name],
				sentence: s.index,
				role: r,
				answer: {
					text: r.role,
					kind: 'role',
					span: { start: r.start, end: r.end },
					a: -1,
					b: -1,
					entity: r.entity,
					items: 1
				},
				weight:
					positionWeight(s.index) * 0.6 +
					KIND_WEIGHT.role +
					0.1 +
					Math.min(0.3, e.mentions.length / 10)
			},
			`${norm(s.text)}|role|${norm(e.name)}|${norm(r.role)}`
		);
	}
	return facts;
}
