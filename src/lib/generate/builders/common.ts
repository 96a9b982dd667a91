/**
 * What the question builders share: the context they run in, the built question with its form
 * score, and a per-fact view that works out the wh-question, the blanked sentence and the wrong
 * options once for every builder that needs them.
 */
import type { Doc, Entity, Mention } from '../../nlp/types';
import { distractors } from '../distractors';
import type { RejectReason, RejectSink } from '../explain';
import type { FactX } from '../facts';
import type { AnswerKind, Question } from '../types';
import { clean, fnv1a, norm, rng, shortId, shuffle } from '../util';
import { whQuestion } from '../wh';

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
export const GROUP_HINTS: Partial<Record<AnswerKind, string>> = {
	person: 'two or more people',
	place: 'two or more places',
	organisation: 'two or more organisations'
};

export interface Ctx {
	doc: Doc;
	seed: number;
	lowerSeen: Set<string>;
	reject: RejectSink;
}

export interface Built {
	q: Question;
	/** 0..1 how well formed. */
	form: number;
	fact: FactX;
	/** For true-false: the same statement made false, when a swap was possible. */
	falsePrompt?: string;
}

/** One builder per question type; the registry in questions.ts runs them in turn. */
export interface Builder {
	type: Question['type'];
	/** Whether this builder makes questions from facts of this sort at all. */
	serves(f: FactX): boolean;
	build(ctx: Ctx, f: FactX, view: FactView): Built[];
}

export function rejectFor(ctx: Ctx, f: FactX, type: Question['type'], reason: RejectReason): [] {
	ctx.reject({ factId: f.id, type, reason, detail: f.answer?.text });
	return [];
}

const namesCache = new WeakMap<Doc, Map<number, string[]>>();

/** Everything the evidence sentence names: never offered as a wrong option. */
export function sentenceNames(doc: Doc, sentence: number): string[] {
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

export const BLANK = '_____';

/** "United States" needs "the" where "France" does not. */
export function withArticle(name: string, before: string): string {
	const needs =
		/^(United |Netherlands|Philippines|Czech Republic|Democratic Republic|Gambia|Bahamas|Maldives)/.test(
			name
		);
	return needs && !/\bthe\s*$/i.test(before) ? `the ${name}` : name;
}

export function seededOrder(ctx: Ctx, id: string, options: string[]): string[] {
	return shuffle(options, rng(fnv1a(id, ctx.seed >>> 0)));
}

export function base(f: FactX, type: Question['type'], salt = '') {
	return {
		id: shortId('q', `${f.id}|${type}${salt}`),
		factId: f.id,
		evidence: f.evidence
	};
}

/** The evidence sentence with every occurrence of the answer blanked, or why it cannot be. */
export function blanked(doc: Doc, f: FactX): string | RejectReason {
	const s = doc.sentences[f.sentence];
	const ans = f.answer;
	if (!s || !ans?.span) return 'no-answer-span';
	if (ans.span.start < s.start || ans.span.end > s.end) return 'answer-outside-sentence';
	// "S _____ (Cheshire).": too little sentence left around the blank to recall it from.
	if (s.tokens.filter((t) => t.word || t.num).length < 5) return 'sentence-too-short';
	let t = doc.text.slice(s.start, ans.span.start) + BLANK + doc.text.slice(ans.span.end, s.end);
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
	if (blanks > 2) return 'blank-repeats';
	const na = norm(ans.text);
	if (na.length > 3 && norm(t).includes(na)) return 'blank-shows-answer';
	return t;
}

/** What several builders need from one fact, each worked out at most once. */
export interface FactView {
	wh(): { prompt: string; quality: number } | null;
	/** The blanked sentence, or the reason there is none. */
	cloze(): string | RejectReason;
	/** Wrong options for the answer (none for lists and phrases). */
	options(): string[];
}

export function factView(ctx: Ctx, f: FactX): FactView {
	const { doc } = ctx;
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	let wh: ReturnType<FactView['wh']> | undefined;
	let cloze: string | RejectReason | undefined;
	let ds: string[] | undefined;
	return {
		wh() {
			if (wh === undefined)
				wh =
					ans && s && ans.a >= 0
						? whQuestion(
								s,
								{ kind: ans.kind, a: ans.a, b: ans.b, items: ans.items, text: ans.text },
								doc.text,
								ctx.lowerSeen
							)
						: null;
			return wh;
		},
		cloze() {
			if (cloze === undefined) cloze = blanked(doc, f);
			return cloze;
		},
		options() {
			if (ds === undefined)
				ds =
					ans && ans.items === 1 && ans.kind !== 'thing'
						? distractors(
								doc,
								{ text: ans.text, kind: ans.kind, entity: ans.entity, value: ans.value },
								sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(ans.text)),
								3
							)
						: [];
			return ds;
		}
	};
}

/** True when the view's cloze is a sentence rather than a reason. */
export function isSentence(x: string | RejectReason | null): x is string {
	return typeof x === 'string' && x.includes(BLANK);
}
