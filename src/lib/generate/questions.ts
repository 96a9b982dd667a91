/**
 * Questions of six types from facts. Every builder returns nothing rather than a question it
 * cannot make well: no multiple choice without three honest distractors, no cloze that shows its
 * answer, no wh-question the rules are unsure of.
 */
import type { Doc, Entity, Mention } from '../nlp/types';
import { distractors, overlaps } from './distractors';
import { spanOfName, type FactX } from './facts';
import type { AnswerKind, Question } from './types';
import { rng, shortId, shuffle, norm, fnv1a, clean, capitalise } from './util';
import { substitutions, whQuestion } from './wh';
import { sentenceInContext } from '../nlp/coref';

export const HINTS: Record<AnswerKind, string> = {
	person: 'a person',
	place: 'a place',
	organisation: 'an organisation',
	date: 'a date or time',
	number: 'a number',
	quantity: 'a quantity',
	money: 'an amount of money',
	percent: 'a percentage',
	role: 'a role or title',
	thing: 'a word or phrase',
	statement: 'a statement'
};

/** Hints for a blank that hides a list ("Britain and France"). */
const GROUP_HINTS: Partial<Record<AnswerKind, string>> = {
	person: 'two or more people',
	place: 'two or more places',
	organisation: 'two or more organisations'
};

export interface Ctx {
	doc: Doc;
	seed: number;
	lowerSeen: Set<string>;
}

const namesCache = new WeakMap<Doc, Map<number, string[]>>();

/** Everything the evidence sentence names: never offered as a wrong option. */
function sentenceNames(doc: Doc, sentence: number): string[] {
	let perDoc = namesCache.get(doc);
	if (!perDoc) {
		perDoc = new Map();
		namesCache.set(doc, perDoc);
	}
	const cached = perDoc.get(sentence);
	if (cached) return cached;
	const out: string[] = [];
	perDoc.set(sentence, out);
	for (const i of doc.bySentence[sentence] ?? []) {
		const m = doc.mentions[i] as Mention;
		out.push(m.text);
		if (m.entity >= 0) out.push(...(doc.entities[m.entity] as Entity).keys);
	}
	return out;
}

const BLANK = '_____';

/** "United States" needs "the" where "France" does not. */
function withArticle(name: string, before: string): string {
	const needs =
		/^(United |Netherlands|Philippines|Czech Republic|Democratic Republic|Gambia|Bahamas|Maldives)/.test(
			name
		);
	return needs && !/\bthe\s*$/i.test(before) ? `the ${name}` : name;
}

/** The evidence sentence with every occurrence of the answer blanked. */
function blanked(doc: Doc, f: FactX): string | null {
	const s = doc.sentences[f.sentence];
	const ans = f.answer;
	if (!s || !ans?.span) return null;
	if (ans.span.start < s.start || ans.span.end > s.end) return null;
	// "S _____ (Cheshire).": too little sentence left around the blank to recall it from.
	if (s.tokens.filter((t) => t.word || t.num).length < 5) return null;
	// Shown on its own: "He" and "the firm" written out, "However," dropped; null when unsafe.
	const shown = sentenceInContext(doc, f.sentence, [
		{ start: ans.span.start, end: ans.span.end, text: BLANK }
	]);
	if (shown === null) return null;
	let t = shown;
	// Other occurrences of the answer in the sentence are blanked too.
	const needle = ans.text.toLowerCase();
	if (needle.length > 1) {
		let lower = t.toLowerCase();
		for (let i = lower.indexOf(needle); i >= 0; i = lower.indexOf(needle, i + BLANK.length)) {
			const before = lower[i - 1] ?? ' ';
			const after = lower[i + needle.length] ?? ' ';
			if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) {
				i += needle.length - BLANK.length;
				continue;
			}
			t = t.slice(0, i) + BLANK + t.slice(i + needle.length);
			lower = t.toLowerCase();
		}
	}
	t = clean(t);
	// "Germany's _____ one keeper, or even _____ two keeper": a common word blanked again and again.
	const blanks = t.split(BLANK).length - 1;
	if (blanks > 2) return null;
	const na = norm(ans.text);
	if (na.length > 3 && norm(t).includes(na)) return null;
	return t;
}

function seededOrder(ctx: Ctx, id: string, options: string[]): string[] {
	return shuffle(options, rng(fnv1a(id, ctx.seed >>> 0)));
}

function base(f: FactX, type: Question['type'], salt = '') {
	return {
		id: shortId('q', `${f.id}|${type}${salt}`),
		factId: f.id,
		evidence: f.evidence
	};
}

export interface Built {
	q: Question;
	/** 0..1 how well formed. */
	form: number;
	fact: FactX;
	/** For true-false: the same statement made false, when a swap was possible. */
	falsePrompt?: string;
}

/**
 * Turns about half of the chosen true-false questions false, choosing which by the seed, so a
 * deck is balanced whatever its size.
 */
export function balanceTrueFalse(chosen: Built[], seed: number): void {
	const tf = chosen.filter((b) => b.q.type === 'true-false');
	const flippable = shuffle(
		tf.filter((b) => b.falsePrompt),
		rng(fnv1a(tf.map((b) => b.q.id).join('|'), seed >>> 0))
	);
	const want = Math.min(flippable.length, Math.round(tf.length / 2));
	for (const b of flippable.slice(0, want)) {
		b.q = { ...b.q, prompt: b.falsePrompt as string, answer: 'False' } as Question;
	}
}

export function questionsForFact(ctx: Ctx, f: FactX): Built[] {
	const { doc } = ctx;
	const out: Built[] = [];
	const ans = f.answer;
	if (!ans) return out;
	const s = doc.sentences[f.sentence];
	if (!s) return out;

	if (f.kind === 'quote' && f.quote) {
		const q = f.quote;
		let words = clean(q.text).replace(/[,.]$/, '');
		const ws = words.split(' ');
		if (ws.length > 28) words = ws.slice(0, 26).join(' ') + ' …';
		const prompt = q.direct ? `Who said: “${words}”?` : `Who is quoted using the words “${words}”?`;
		const exclude = sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(ans.text));
		const ds = distractors(doc, { text: ans.text, kind: ans.kind, entity: ans.entity }, exclude, 3);
		if (ds.length >= 2) {
			const b = base(f, 'quote');
			out.push({
				q: {
					...b,
					type: 'quote',
					prompt,
					answer: ans.text,
					answerSpan: ans.span,
					kind: ans.kind,
					choices: seededOrder(ctx, b.id, [ans.text, ...ds]),
					score: 0
				},
				form: 0.95,
				fact: f
			});
		}
		return out;
	}

	if (f.kind === 'role' && f.role) {
		const e = doc.entities[f.role.entity] as Entity;
		const role = f.role.role;
		const name = e.name;
		const nameSpan = spanOfName(doc, e.id, name, f.sentence);
		// "Who is the French President?" with people as options.
		const the = /['’]s\b/.test(role) || /^(his|her|their|its)\b/i.test(role) ? '' : 'the ';
		const exclude = sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(name));
		const ds = distractors(doc, { text: name, kind: 'person', entity: e.id }, exclude, 3);
		if (ds.length >= 3) {
			const b = base(f, 'multiple-choice', 'role');
			out.push({
				q: {
					...b,
					type: 'multiple-choice',
					prompt: `Who is described in the article as ${the}${role}?`,
					answer: name,
					answerSpan: nameSpan,
					kind: 'person',
					choices: seededOrder(ctx, b.id, [name, ...ds]),
					score: 0
				},
				form: 0.9,
				fact: f
			});
		}
		// Without enough people for options, the same question asks for the name outright: readers
		// are asked who held a post far more often than which post someone held.
		if (out.length) return out;
		const b2 = base(f, 'short-answer', 'role');
		out.push({
			q: {
				...b2,
				type: 'short-answer',
				prompt: `Who is described in the article as ${the}${role}?`,
				answer: name,
				answerSpan: nameSpan,
				kind: 'person',
				score: 0
			},
			form: 0.85,
			fact: f
		});
		return out;
	}

	// Entity, date and number facts.
	const exclude = sentenceNames(doc, f.sentence);
	const wh =
		ans.a >= 0
			? whQuestion(
					s,
					{ kind: ans.kind, a: ans.a, b: ans.b, items: ans.items, text: ans.text },
					doc.text,
					ctx.lowerSeen,
					{ subs: substitutions(doc, f.sentence, ans.entity), entity: ans.entity }
				)
			: null;
	const cloze = blanked(doc, f);
	if (wh) {
		const b = base(f, 'short-answer');
		out.push({
			q: {
				...b,
				type: 'short-answer',
				prompt: wh.prompt,
				answer: ans.text,
				answerSpan: ans.span,
				kind: ans.kind,
				score: 0
			},
			form: wh.quality,
			fact: f
		});
	}
	const ds =
		ans.items === 1 && ans.kind !== 'thing'
			? distractors(
					doc,
					{ text: ans.text, kind: ans.kind, entity: ans.entity, value: ans.value },
					exclude.filter((x) => norm(x) !== norm(ans.text)),
					3
				)
			: [];
	if (ds.length >= 3 && (wh || cloze)) {
		const b = base(f, 'multiple-choice');
		const prompt = wh
			? wh.prompt
			: `Which ${HINTS[ans.kind].replace(/^an? /, '')} completes the sentence? ${cloze}`;
		out.push({
			q: {
				...b,
				type: 'multiple-choice',
				prompt,
				answer: ans.text,
				answerSpan: ans.span,
				kind: ans.kind,
				choices: seededOrder(ctx, b.id, [ans.text, ...ds]),
				score: 0
			},
			form: wh ? Math.min(1, wh.quality + 0.05) : 0.8,
			fact: f
		});
	}
	if (cloze) {
		const b = base(f, 'cloze');
		out.push({
			q: {
				...b,
				type: 'cloze',
				prompt: cloze,
				answer: ans.text,
				answerSpan: ans.span,
				kind: ans.kind,
				hint: ans.items > 1 ? (GROUP_HINTS[ans.kind] ?? 'several names') : HINTS[ans.kind],
				score: 0
			},
			form: 0.75,
			fact: f
		});
	}
	// True or false: built true, with a false twin (one entity or number swapped for one the text
	// does not support); the deck later turns about half of the chosen ones false.
	const sentence = sentenceInContext(doc, s.index) ?? '';
	// A statement to judge must stand on its own: no fragment, no "I" or "we" of quoted speech.
	const standsAlone =
		sentence !== '' &&
		s.tokens.filter((t) => t.word).length >= 8 &&
		(sentence.match(/"/g) ?? []).length % 2 === 0 &&
		!s.tokens.some((t) => /^(i|we|my|our|me)$/.test(t.lower) || t.text === 'us') &&
		// "Last week, it struck a deal": a pronoun near the start leaves the statement unanchored.
		!sentence
			.split(/\s+/)
			.slice(0, 5)
			.some((w) => /^(it|he|she|they|this|these|those|its|his|her|their)$/i.test(w));
	if (ans.span && ans.items === 1 && ans.kind !== 'thing' && standsAlone) {
		const b = base(f, 'true-false');
		// The swap keeps the answer's shape: an acronym for an acronym, a name for a name.
		const acronym = (x: string) => /^[A-Z]{2,6}$/.test(x);
		const wrong = ds.find((d) => acronym(d) === acronym(ans.text));
		// "$9bn (£4.6bn)": changing one figure while its conversion stays would give the game away.
		const after = doc.text.slice(ans.span.end, ans.span.end + 4);
		const converted =
			/^\s*\(\s*[\d$£€¥]/.test(after) ||
			/\(\s*$/.test(doc.text.slice(ans.span.start - 3, ans.span.start));
		const falseStatement =
			wrong && !overlaps(wrong, ans.text) && !converted
				? (sentenceInContext(doc, s.index, [
						{
							start: ans.span.start,
							end: ans.span.end,
							text: withArticle(wrong, doc.text.slice(s.start, ans.span.start))
						}
					]) ?? undefined)
				: undefined;
		out.push({
			q: {
				...b,
				type: 'true-false',
				prompt: `True or false? ${sentence}`,
				answer: 'True',
				kind: 'statement',
				score: 0
			},
			form: 0.65,
			fact: f,
			falsePrompt: falseStatement && `True or false? ${falseStatement}`
		});
	}
	return out;
}

/** Up to six pairs from facts, each left and right side used once; null below three. */
function pairsFrom(
	facts: FactX[],
	pair: (f: FactX) => [string, string] | null
): { pairs: [string, string][]; chosen: FactX[] } | null {
	const pairs: [string, string][] = [];
	const used = new Set<string>();
	const chosen: FactX[] = [];
	for (const f of facts) {
		const p = pair(f);
		if (!p) continue;
		const [l, r] = [norm(p[0]), norm(p[1])];
		if (used.has(l) || used.has(r)) continue;
		used.add(l);
		used.add(r);
		pairs.push(p);
		chosen.push(f);
		if (pairs.length === 6) break;
	}
	return pairs.length >= 3 ? { pairs, chosen } : null;
}

/**
 * People matched to the roles the article gives them; failing that, speakers matched to their
 * words. Null when the article has fewer than three of either.
 */
export function matchQuestion(ctx: Ctx, facts: FactX[]): Built | null {
	const { doc } = ctx;
	const roles = pairsFrom(
		facts.filter((f) => f.kind === 'role'),
		(f) => (f.role ? [(doc.entities[f.role.entity] as Entity).name, capitalise(f.role.role)] : null)
	);
	const quotes = roles
		? null
		: pairsFrom(
				facts.filter((f) => f.kind === 'quote' && f.quote?.direct),
				(f) => {
					const q = f.quote;
					if (!q || q.speaker < 0) return null;
					const words = clean(q.text).replace(/[,.]$/, '').split(' ');
					if (words.length < 3) return null;
					const said = words.length > 12 ? words.slice(0, 12).join(' ') + ' …' : words.join(' ');
					return [(doc.entities[q.speaker] as Entity).name, `“${said}”`];
				}
			);
	const found = roles ?? quotes;
	if (!found) return null;
	const { pairs, chosen } = found;
	const first = chosen[0] as FactX;
	const start = Math.min(...chosen.map((f) => f.evidence.start));
	const end = Math.max(...chosen.map((f) => f.evidence.end));
	const id = shortId('q', 'match|' + pairs.map((p) => norm(p[0]) + '=' + norm(p[1])).join('|'));
	return {
		q: {
			id,
			factId: first.id,
			evidence: { start, end },
			type: 'match',
			prompt: roles
				? 'Match each person with the role the article gives them.'
				: 'Match each speaker with their words.',
			answer: pairs.map(([n, r]) => `${n}: ${r}`).join('; '),
			pairs,
			kind: roles ? 'role' : 'statement',
			score: 0
		},
		form: 0.9,
		fact: first
	};
}
