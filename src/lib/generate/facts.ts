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
	named: 2
};

/** "known as the Common Core", "called Summer Breeze": a name the text gives something. */
function afterNaming(s: Doc['sentences'][number], a: number): boolean {
	let i = a - 1;
	while (i >= 0 && /^(a|an|the|["“'‘])$/.test((s.tokens[i] as { lower: string }).lower)) i--;
	const w = (s.tokens[i] as { lower: string } | undefined)?.lower ?? '';
	const w0 = (s.tokens[i - 1] as { lower: string } | undefined)?.lower ?? '';
	return (
		/^(called|named|nicknamed|dubbed|termed|titled|renamed|entitled)$/.test(w) ||
		(w === 'as' && /^(known|referred|described|designated)$/.test(w0))
	);
}

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

/** Position weight: the first sentences carry the point of a story or an encyclopaedia entry. */
export function positionWeight(index: number): number {
	if (index === 0) return RANK.firstSentence;
	if (index <= 2) return 1;
	return Math.max(0.6, 0.95 - RANK.decay * index);
}

/** Very short or very long sentences make poor questions. */
function sentenceQuality(words: number): number {
	if (words < 6) return 0.3;
	if (words > 55) return 0.75;
	if (words > 40) return 0.9;
	return 1;
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

/** Words of the title: an answer made only of them is given away by the title itself. */
function titleWords(title: string | undefined): Set<string> {
	return new Set(
		norm((title ?? '').replace(/_/g, ' '))
			.split(' ')
			.filter(Boolean)
	);
}

function occurrences(hay: string, needle: string): number {
	if (!needle) return 0;
	let n = 0;
	for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
	return n;
}

function inParens(s: Doc['sentences'][number], tokenIndex: number): boolean {
	let depth = 0;
	for (let i = 0; i < tokenIndex; i++) {
		const t = (s.tokens[i] as { text: string }).text;
		if (t === '(') depth++;
		else if (t === ')') depth = Math.max(0, depth - 1);
	}
	return depth > 0;
}

export function extractFacts(doc: Doc, title?: string): FactX[] {
	const lowerText = doc.text.toLowerCase();
	const inTitle = titleWords(title);
	const givenAway = (answer: string) => {
		const ws = norm(answer).split(' ').filter(Boolean);
		return ws.length > 0 && ws.every((w) => inTitle.has(w) || inTitle.has(w.replace(/s$/, '')));
	};
	const facts: FactX[] = [];
	const seen = new Set<string>();
	const ids = new Set<string>();
	const add = (f: Omit<FactX, 'id'>, key: string) => {
		let id = shortId('f', key);
		if (seen.has(key)) return;
		if (f.answer && f.kind !== 'quote' && f.kind !== 'role' && givenAway(f.answer.text))
			f.weight *= RANK.inTitle;
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

	for (const s of doc.sentences) {
		const words = wordCount(s.text);
		// A sentence that opens in lower case is a fragment left by the source's layout.
		const commas = (s.text.match(/,/g) ?? []).length;
		// "Subs not used: Morris, Wardley, Newey": a list of names with no statement in it.
		const ws = s.tokens.filter((t) => t.word);
		const nameList =
			ws.length >= 4 && commas >= 3 && ws.filter((t) => !t.cap).length < ws.length * 0.3;
		const sq =
			sentenceQuality(words) *
			(/^[a-z]/.test(s.text) ? 0.4 : 1) *
			(commas > 8 ? 0.3 : 1) *
			(nameList ? 0.2 : 1);
		const pos = positionWeight(s.index);
		const sentKey = norm(s.text);
		const ms = (doc.bySentence[s.index] ?? []).map((i) => doc.mentions[i] as Mention);
		// Lists of one kind become a single answer ("Britain and France").
		const groups = new Map<number, Mention[]>();
		for (const m of ms)
			if (m.group !== undefined) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
		for (const [idx, m] of ms.entries()) {
			// "on Tuesday", "two days later": a time whose anchor the question would not carry.
			if (m.relative) continue;
			const e = m.entity >= 0 ? (doc.entities[m.entity] as Entity) : undefined;
			const freq = e ? Math.min(1, (e.mentions.length - 1) / 4) : 0;
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
			// A name the text repeats is its topic: questions mention it rather than ask for it.
			const occ = occurrences(lowerText, m.text.toLowerCase());
			const repeat = occ <= 1 ? 1 : occ === 2 ? RANK.entityTwice : RANK.entityRecurs;
			// A person whose role this sentence states is better asked about through the role.
			const roleHere =
				m.kind === 'person' &&
				doc.roles.some((r) => r.entity === m.entity && r.sentence === s.index);
			const weight =
				(afterNaming(s, m.tokenStart) ? RANK.named : 1) *
				(roleHere ? 0.75 : 1) *
				(KIND_WEIGHT[m.kind] ?? 0.2) *
				pos *
				sq *
				repeat *
				(inParens(s, m.tokenStart)
					? m.value !== undefined && m.kind !== 'date'
						? RANK.inParens / 2
						: RANK.inParens
					: 1);
			void freq;
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
		// Noun phrases: answers when people ask about things rather than names.
		for (const ph of doc.phrases[s.index] ?? []) {
			// A phrase whose head word recurs names what the text is about.
			const hf = doc.wordCounts.get(ph.head) ?? 1;
			const freq = hf >= 3 ? RANK.phraseHeadRecurs : hf === 2 ? RANK.phraseHeadTwice : 1;
			const len = ph.tokenEnd - ph.tokenStart;
			const before = s.tokens[ph.tokenStart - 1];
			const afterPrep =
				!!before && /^(of|in|on|to|for|by|with|from|at|as|into|against)$/.test(before.lower);
			add(
				{
					kind: 'event',
					evidence: { start: s.start, end: s.end },
					entities: entityNames(s.index),
					sentence: s.index,
					answer: {
						text: ph.text,
						kind: 'thing',
						span: { start: ph.start, end: ph.end },
						a: ph.tokenStart,
						b: ph.tokenEnd,
						entity: -1,
						items: 1
					},
					weight:
						(afterNaming(s, ph.tokenStart) ? RANK.named : 1) *
						(len === 1 && hf < 2 ? 0.3 : 1) *
						RANK.phrase *
						pos *
						sq *
						freq *
						(len >= 2 ? RANK.phraseLong : 1) *
						(afterPrep ? RANK.phraseAfterPrep : 1) *
						(ph === doc.phrases[s.index]?.[0] ? RANK.phraseFirst : 1)
				},
				`${sentKey}|${norm(ph.text)}`
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
					// A long list is a poor answer to recall or to type: "A, B, C, D and E".
					weight:
						(KIND_WEIGHT[first.kind] ?? 0.2) *
						1.1 *
						pos *
						sq *
						(wordCount(text) > 5 ? RANK.longList : 1)
				},
				`${sentKey}|${norm(text)}|list`
			);
		}
	}
	// A short term in quotation marks that nobody says is a name the text coins: "first oil shock".
	for (const q of doc.quotes) {
		const s = doc.sentences[q.sentence];
		const term = q.text.replace(/[\s,.;:!?]+$/, '');
		if (q.speaker >= 0 || !s || !term || !/^[\p{L}\d]/u.test(term)) continue;
		const n = wordCount(term);
		if (n > 5 || /[,.;:!?]/.test(term)) continue;
		if (
			/\b(is|are|was|were|be|been|may|might|will|would|can|could|should|must|has|have|had)\b/i.test(
				term
			)
		)
			continue;
		const a = s.tokens.findIndex((t) => t.start >= q.start);
		const end = q.start + term.length;
		let b = a;
		while (b < s.tokens.length && (s.tokens[b] as { end: number }).end <= end) b++;
		if (a < 0 || b <= a) continue;
		// Only a noun phrase: after "the", "a", "so-called" or a naming verb, not reported speech.
		const named = afterNaming(s, a);
		let d = a - 1;
		while (d >= 0 && /^["“'‘]$/.test((s.tokens[d] as { text: string }).text)) d--;
		const det = /^(the|a|an|so-called)$/.test(
			(s.tokens[d] as { lower: string } | undefined)?.lower ?? ''
		);
		if (
			!(named || (det && n > 1)) ||
			/^(the|a|an|this|that|these|those)$/i.test(term.split(' ')[0] ?? '')
		)
			continue;
		add(
			{
				kind: 'definition',
				evidence: { start: s.start, end: s.end },
				entities: entityNames(s.index),
				sentence: s.index,
				answer: {
					text: term,
					kind: 'thing',
					span: { start: q.start, end },
					a,
					b,
					entity: -1,
					items: 1
				},
				weight: (KIND_WEIGHT.name ?? 0.28) * positionWeight(s.index) * (named ? RANK.named : 1)
			},
			`${norm(s.text)}|${norm(term)}`
		);
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
				weight: KIND_WEIGHT.quote * positionWeight(s.index)
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
				// People the article keeps returning to are the ones worth knowing.
				weight:
					KIND_WEIGHT.role * positionWeight(s.index) * (1 + Math.min(0.3, e.mentions.length / 10))
			},
			`${norm(s.text)}|role|${norm(e.name)}|${norm(r.role)}`
		);
	}
	return facts;
}
