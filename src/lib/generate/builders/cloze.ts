/**
 * Fill in the blank: the evidence sentence with the answer blanked and its kind as a hint.
 *
 * A blank is made only where a learner who read the article can fill it with one answer: a named
 * person, place or organisation (whole, not one part of a longer name or of a pair), a number with
 * its unit, a date with its year, or a key term the article defines or repeats. Descriptions,
 * judgements, common nouns, list items and the filler words of a quotation are left to other
 * question types; so are sentences that lean on an unresolved "it", "this" or "them".
 */
import type { Doc, Mention } from '../../nlp/types';
import type { Token } from '../../nlp/text';
import {
	AUXILIARIES,
	HONORIFICS,
	MONTHS,
	ORG_WORDS,
	PLACE_WORDS,
	ROLE_HEADS,
	STOPWORDS,
	TITLE_WORDS
} from '../../nlp/lexicon';
import type { RejectReason } from '../explain';
import { afterNaming, type FactX } from '../facts';
import { norm } from '../util';
import {
	base,
	describes,
	GROUP_HINTS,
	HINTS,
	isSentence,
	rejectFor,
	type Builder,
	type Ctx
} from './common';

/**
 * Flaws that leave a question a learner can still answer, only a weaker one: such clozes fill a
 * short deck's last places. The rest are never shown.
 */
export const SOFT: ReadonlySet<RejectReason> = new Set<RejectReason>([
	'blank-on-common-word',
	'blank-in-list',
	'blank-modifier',
	'blank-in-quote'
]);

/** Words that join the parts of one name: "Bank of England", "Rock and Roll", "T in the Park". */
const NAME_JOINERS = /^(?:of|and|&|de|du|da|del|der|van|von|la|le|el|y)$/;
/** Capitalised words that open a clause rather than continue a name. */
const CLAUSE_WORDS =
	/^(?:the|a|an|in|on|at|of|for|by|to|from|with|but|and|or|as|after|before|when|while|if|since|it|he|she|they|we|i|this|that|these|those|there|its|his|her|their|our|mr|mrs|ms|dr|sir)$/;
const VAGUE =
	/\b(?:several|some|many|few|dozens?|hundreds|thousands|millions|scores|numerous|a number)\b/i;
const PRONOUN = /^(?:it|they|them|he|she|him|this|these|those)$/;
/** After "this"/"these"/"those": a verb or a pause, so the word stands for something unnamed. */
const POINTS_AWAY =
	/^(?:would|will|is|was|are|were|has|have|had|could|can|may|might|should|must|means|meant|shows|showed|[,.;:!?])$/;

function tok(s: Doc['sentences'][number], i: number): Token | undefined {
	return s.tokens[i];
}

const lowerCache = new WeakMap<Doc, string>();

/** How often a phrase occurs in the document's text, as whole words, case aside. */
export function occurrences(doc: Doc, phrase: string): number {
	let hay = lowerCache.get(doc);
	if (hay === undefined) {
		hay = doc.text.toLowerCase();
		lowerCache.set(doc, hay);
	}
	const p = phrase.toLowerCase();
	if (!p) return 0;
	let n = 0;
	for (let i = hay.indexOf(p); i >= 0; i = hay.indexOf(p, i + p.length)) {
		const before = hay[i - 1] ?? ' ';
		const after = hay[i + p.length] ?? ' ';
		if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) n++;
	}
	return n;
}

/** A name as written: every word capitalised, or a figure ("Take Me Out", "Yukos", "G8"). */
function properName(text: string): boolean {
	const ws = text.split(/\s+/).filter((w) => !NAME_JOINERS.test(w) && !/^(?:the|a|an)$/i.test(w));
	return ws.length > 0 && ws.every((w) => /^[\p{Lu}\d"'“‘]/u.test(w)) && !/^[A-Z]{2,}s$/.test(text);
}

/** Whether the words at `i` are inside quotation marks in the sentence. */
function insideQuote(text: string, from: number, at: number): boolean {
	const before = text.slice(from, at);
	const straight = (before.match(/"/g) ?? []).length;
	const open = (before.match(/“/g) ?? []).length;
	const close = (before.match(/”/g) ?? []).length;
	return straight % 2 === 1 || open > close;
}

/**
 * Why the fact's answer cannot be blanked in its sentence, or null when it can. Only the blank is
 * judged here; blanked() in common.ts still checks the shown sentence as a whole.
 */
export function clozeProblem(ctx: Pick<Ctx, 'doc' | 'lowerSeen'>, f: FactX): RejectReason | null {
	const { doc } = ctx;
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.a < 0) return null;
	const text = doc.text;
	const { start, end } = ans.span;
	const prev = tok(s, ans.a - 1);
	const prev2 = tok(s, ans.a - 2);
	const prev3 = tok(s, ans.a - 3);
	const next = tok(s, ans.b);
	// "Colonialism is ...": a capitalised first word that the text also writes in lower case.
	const named =
		properName(ans.text) &&
		!(ans.a <= 1 && !ans.text.includes(' ') && ctx.lowerSeen.has(ans.text.toLowerCase()));
	const mention = ans.mention !== undefined ? (doc.mentions[ans.mention] as Mention) : undefined;

	// What may be blanked at all.
	if (ans.kind === 'thing' && f.kind !== 'definition' && !named && !afterNaming(s, ans.a)) {
		// A term the article repeats, of two words or more, and not a description.
		const words = ans.text.split(/\s+/);
		const head = (words[words.length - 1] as string).toLowerCase();
		const recurs = occurrences(doc, ans.text) >= 2 || (doc.wordCounts.get(head) ?? 0) >= 2;
		if (words.length < 2 || !recurs || describes(ans.text)) return 'blank-on-common-word';
		// "liquefied _____" → natural gas: the term starts earlier than the blank.
		if (prev?.word && !prev.cap && !STOPWORDS.has(prev.lower)) return 'blank-splits-unit';
	}
	if (VAGUE.test(ans.text) && !/\d/.test(ans.text)) return 'vague-answer';
	if (ans.kind === 'date') {
		// "In _____, he quit" → January: which January? A date needs its year.
		const hasYear = /\b\d{4}s?\b|\b\d{2}s\b|centur/i.test(ans.text);
		const monthOnly = ans.text
			.toLowerCase()
			.split(/\s+/)
			.every((w) => MONTHS.includes(w) || /^(?:early|late|mid|last|next|this|in)$/.test(w));
		if (!hasYear && monthOnly) return 'date-without-anchor';
	}

	// The blank must be a whole unit: the whole name, the whole list.
	if (mention?.group !== undefined || (ans.items === 1 && listItem(text, start, end, s)))
		return 'blank-in-list';
	if (
		prev &&
		NAME_JOINERS.test(prev.lower) &&
		prev2?.cap &&
		named &&
		!CLAUSE_WORDS.test(prev2.lower)
	)
		return 'blank-cuts-name';
	if (
		prev?.lower === 'the' &&
		prev2 &&
		/^(?:in|of|on)$/.test(prev2.lower) &&
		prev3?.cap &&
		prev3.word &&
		!CLAUSE_WORDS.test(prev3.lower) &&
		named &&
		ans.a - 3 > 0
	)
		return 'blank-cuts-name';
	if (
		prev?.cap &&
		prev.word &&
		ans.a - 1 > 0 &&
		named &&
		!CLAUSE_WORDS.test(prev.lower) &&
		!TITLE_WORDS.has(prev.lower) &&
		!ROLE_HEADS.has(prev.lower) &&
		!HONORIFICS.has(prev.lower) &&
		ans.kind !== 'date' &&
		ans.kind !== 'number' &&
		ans.kind !== 'quantity' &&
		ans.kind !== 'money' &&
		ans.kind !== 'percent'
	)
		return 'blank-cuts-name';
	if (next?.cap && next.word && next.space && !/[,;:]/.test(text.slice(end, next.start))) {
		// "world _____ Benita Johnson": a title before a name has other right answers.
		if (!named) return 'blank-on-title';
		// "_____ Hall of Fame": the name goes on.
		if (ans.kind !== 'date' && !CLAUSE_WORDS.test(next.lower)) return 'blank-cuts-name';
	}
	// "the _____ (Nato)", "_____ (£522,000)": the words in brackets give the answer away.
	// (blanked() leaves a bracket right after the blank out of the shown sentence.)
	if (/\(\s*$/.test(text.slice(start - 2, start))) return 'blank-alias-shown';
	// "rewarding _____ buyers", "a _____ ethic": a name used as a modifier of the next noun.
	if (
		next?.word &&
		!next.cap &&
		ans.kind !== 'quantity' &&
		ans.kind !== 'money' &&
		ans.kind !== 'percent' &&
		ans.kind !== 'number' &&
		ans.kind !== 'date' &&
		(doc.phrases[s.index] ?? []).some((p) => p.tokenStart === ans.b)
	)
		return 'blank-modifier';

	// A quotation's words are the speaker's, not facts: blank the term, not the filler.
	if (
		insideQuote(text, s.start, start) &&
		f.kind !== 'definition' &&
		!(named && ans.kind !== 'thing')
	)
		return 'blank-in-quote';

	// Every other word of the sentence must be readable without the one before it.
	if (unresolvedReference(doc, f.sentence, ans.a, ans.b)) return 'unresolved-reference';
	return null;
}

/**
 * One item of an enumeration of three or more ("drones, sensors, and _____", "Parkinson's, _____,
 * Motor Neurone Disease") or one name of a pair ("Leicester duo _____ and Andy Goode"): the others
 * are as right, and the blank tests the order of a list rather than a fact.
 */
export function listItem(
	text: string,
	start: number,
	end: number,
	s: Doc['sentences'][number]
): boolean {
	const r = /^\p{Lu}/u.test(text.slice(start, end)) ? LIST_CAP : LIST_LOWER;
	const before = text.slice(Math.max(s.start, start - 80), start);
	const after = text.slice(end, Math.min(s.end, end + 80));
	return (
		r.twoBefore.test(before) ||
		(r.oneBefore.test(before) && r.oneAfter.test(after)) ||
		r.twoAfter.test(after) ||
		(!!r.pairAfter && r.pairAfter.test(after)) ||
		(!!r.pairBefore && r.pairBefore.test(before))
	);
}

/** The list patterns for an item of one shape: a short name, or a short lower-case phrase. */
function listPatterns(item: string, pairs: boolean) {
	const re = (x: string) => new RegExp(x, 'u');
	return {
		// "A, B, and _____" / "A, B or _____".
		twoBefore: re(`${item}\\s*,\\s*${item}\\s*(?:,\\s*(?:and|or)?|\\s(?:and|or))\\s*$`),
		// "A, _____, C".
		oneBefore: re(`${item}\\s*,\\s*$`),
		oneAfter: re(`^\\s*,\\s*${item}\\s*(?:,|\\s(?:and|or)\\s)`),
		// "_____, B and C".
		twoAfter: re(`^\\s*,\\s*${item}\\s*,?\\s*(?:and|or)\\s+${item}`),
		// "_____ and Andy Goode", "Mazda and _____".
		pairAfter: pairs ? re(`^\\s+(?:and|or|&)\\s+${item}`) : null,
		pairBefore: pairs ? re(`${item}\\s+(?:and|or|&)\\s+$`) : null
	};
}
const LIST_CAP = listPatterns(
	String.raw`\p{Lu}[\p{L}\p{N}.'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}.'’&-]*){0,3}`,
	true
);
const LIST_LOWER = listPatterns(
	String.raw`[\p{Ll}][\p{L}'’-]*(?:\s+[\p{Ll}][\p{L}'’-]*){0,2}`,
	false
);

/**
 * A pronoun or a pointing word ("it", "them", "this would") that the reader's substitutions did not
 * write out, with no name before it in the sentence: the shown sentence needs the one before.
 */
function unresolvedReference(doc: Doc, index: number, a: number, b: number): boolean {
	const s = doc.sentences[index];
	if (!s) return false;
	const refs = doc.references.filter((r) => r.sentence === index);
	const mentions = (doc.bySentence[index] ?? []).map((i) => doc.mentions[i] as Mention);
	for (let i = 0; i < s.tokens.length; i++) {
		if (i >= a && i < b) continue;
		const t = s.tokens[i] as Token;
		if (!t.word || !PRONOUN.test(t.lower)) continue;
		if (insideQuote(doc.text, s.start, t.start)) continue;
		if (refs.some((r) => r.tokenStart <= i && i < r.tokenEnd)) continue;
		const nx = s.tokens[i + 1];
		if (/^(?:this|these|those)$/.test(t.lower)) {
			if (nx && !POINTS_AWAY.test(nx.lower) && !AUXILIARIES.has(nx.lower)) continue;
		}
		// "It is", "it was unclear": expletive it at the start is the reader's to judge.
		const nameBefore = mentions.some((m) => m.entity >= 0 && m.end <= t.start);
		if (nameBefore && !/^(?:this|these|those)$/.test(t.lower)) continue;
		return true;
	}
	return false;
}

export const clozeBuilder: Builder = {
	type: 'cloze',
	serves: (f) => f.kind !== 'quote' && f.kind !== 'role',
	build(ctx, f, view) {
		const ans = f.answer;
		if (!ans) return [];
		// "Special Envoy _____" over two names: one name per blank.
		if (ans.items > 1 && ans.kind === 'person') return rejectFor(ctx, f, 'cloze', 'list-answer');
		if (ans.kind === 'thing' && f.kind !== 'definition' && describes(ans.text))
			return rejectFor(ctx, f, 'cloze', 'blank-on-description');
		const problem = clozeProblem(ctx, f);
		// A soft flaw keeps the question only as a filler for a deck short of good ones.
		if (problem && !SOFT.has(problem)) return rejectFor(ctx, f, 'cloze', problem);
		if (problem) rejectFor(ctx, f, 'cloze', problem);
		const cloze = view.cloze();
		if (!isSentence(cloze)) return rejectFor(ctx, f, 'cloze', cloze as RejectReason);
		// "Dick Clark's publicist _____ said ... Clark": a word of the name left in view.
		if (ans.kind === 'person' && givesPartAway(cloze, ans.text))
			return rejectFor(ctx, f, 'cloze', 'blank-shows-answer');
		const hint =
			ans.items > 1
				? (GROUP_HINTS[ans.kind] ?? 'several names')
				: ans.kind === 'thing' && properName(ans.text)
					? 'a name'
					: HINTS[ans.kind];
		return [
			{
				q: {
					...base(f, 'cloze'),
					type: 'cloze',
					prompt: cloze,
					answer: ans.text,
					answerSpan: ans.span,
					kind: ans.kind,
					hint,
					score: 0
				},
				form: 0.75,
				fact: f,
				fallback: !!problem
			}
		];
	}
};

/**
 * A capitalised word of the answer (four letters or more) still shown elsewhere in the prompt: a
 * person's surname or first name left in view.
 */
export function givesPartAway(prompt: string, answer: string): boolean {
	const shown = ` ${norm(prompt)} `;
	return answer
		.split(/\s+/)
		.filter(
			(w) =>
				/^\p{Lu}/u.test(w) &&
				w.replace(/[^\p{L}]/gu, '').length >= 4 &&
				// "Council", "Company", "River": a word many names share gives nothing away.
				!ORG_WORDS.has(w.toLowerCase()) &&
				!PLACE_WORDS.has(w.toLowerCase())
		)
		.some((w) => shown.includes(` ${norm(w)} `));
}
