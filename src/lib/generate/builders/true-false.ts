/**
 * True or false: built true, with a false twin (one name or number swapped for one the text does
 * not support); the deck later turns about half of the chosen ones false.
 */
import { sentenceInContext } from '../../nlp/coref';
import { overlaps } from '../distractors';
import { clean, escapeRe, norm } from '../util';
import type { FactX } from '../facts';
import { ROLE_NOUNS, STOPWORDS } from '../../nlp/lexicon';
import type { Doc, Entity } from '../../nlp/types';
import {
	base,
	cutsUnit,
	ownStatement,
	rejectFor,
	shownSentence,
	textHas,
	withArticle,
	type Built
} from './common';
import {
	accordingTo,
	copiedFrom,
	cutFrame,
	frontSetting,
	KEY_MARK,
	pluralAgreement,
	reword,
	statementStandsAlone
} from '../statement';
import type { Builder } from './common';

/** Words before a figure that make a changed figure still true ("more than 150" holds for 100). */
const BOUND_BEFORE =
	/\b(?:more than|over|at least|upwards of|in excess of|less than|fewer than|under|up to|as much as|as many as|almost|nearly|below|above|exceeding)\s+$/i;
/**
 * Words before a time or figure that make it a bound ("not expected before December 2006", "by
 * 2010", "until March"): a changed bound may still hold, so it is never what a false statement
 * changes.
 */
const TIME_BOUND_BEFORE =
	/\b(?:before|after|by|until|till|no later than|no earlier than|as early as|as late as)\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?|early\s+|late\s+|mid-?)?$/i;
/** Words before a figure that make a near one still roughly true ("about 95%" and 92.9%). */
const ROUGH_BEFORE =
	/\b(?:about|around|some|roughly|approximately|almost|nearly|close to|an estimated)\s+$/i;

/**
 * Whether swapping the key for `wrong` makes a statement the article contradicts: not for a time
 * or figure under "before", "by" or "until", nor a figure under "more than" or "up to" (another
 * may still hold), and for a rough figure only one
 * far from the key.
 */
export function contradicts(
	before: string,
	key: { kind: string; text: string },
	wrong: string
): boolean {
	if (key.kind === 'date' && TIME_BOUND_BEFORE.test(before)) return false;
	if (!/^(?:number|money|percent|quantity)$/.test(key.kind)) return true;
	if (BOUND_BEFORE.test(before)) return false;
	if (!ROUGH_BEFORE.test(before)) return true;
	const num = (x: string) => Number((/\d+(?:[.,]\d+)*/.exec(x)?.[0] ?? '').replace(/,/g, ''));
	const k = num(key.text);
	const w = num(wrong);
	return Number.isFinite(k) && Number.isFinite(w) && k > 0 && Math.abs(w - k) / k > 0.25;
}

/**
 * The statement reworded so that it is not the article's sentence copied: conversions and
 * abbreviations in brackets dropped ("5.65bn euros ($7.4bn; £3.9bn)" → "5.65bn euros"), a closing
 * attribution brought to the front ("…, the firm said." → "The firm said that …"), and an opening
 * time or place phrase moved to the end of a simple clause ("In 2000, EU leaders met in Lisbon." →
 * "EU leaders met in Lisbon in 2000.") or dropped before a clause-taking verb.
 */
export function restate(statement: string, names?: Set<string>): string {
	return reword(statement.replace(/\s*\([^()]{1,60}\)/g, '').replace(/\s+([,.;:])/g, '$1'), names);
}

const namesCache = new WeakMap<Doc, Set<string>>();
/** Every word of the article's names, lower case: such a word keeps its capital anywhere. */
function nameWords(doc: Doc): Set<string> {
	let out = namesCache.get(doc);
	if (!out) {
		out = new Set();
		for (const e of doc.entities) for (const w of e.name.toLowerCase().split(/\s+/)) out.add(w);
		namesCache.set(doc, out);
	}
	return out;
}

/** Whether two statements are the same words, whatever the spacing and closing stop. */
export function sameWords(a: string, b: string): boolean {
	const n = (x: string) =>
		x
			.replace(/\s+/g, ' ')
			.replace(/[.!?]+$/, '')
			.trim()
			.toLowerCase();
	return n(a) === n(b);
}

/**
 * A sentence that is mostly someone's words ("\"It joins two halves of the city,\" Ana Ruiz said."):
 * true or false would judge the quotation, not a fact.
 */
export function mostlyQuoted(sentence: string): boolean {
	const quoted = (sentence.match(/["“][^"“”]*["”]/g) ?? []).join('').length;
	return quoted > sentence.length * 0.4;
}

/** Holidays and seasons: a date beside one is known by heart, so a changed one is no test. */
const SEASONAL =
	/\b(?:Christmas|Easter|New Year|Valentine|Thanksgiving|Halloween|Ramadan|Diwali|Hogmanay|summer|winter|spring|autumn|festive)\b/i;
/** Lower-case nouns before a name that say what it is ("former club Southampton", "rival Google"). */
const DESCRIPTOR = /\b(?:former\s+)?([a-z][a-z-]{2,})\s+$/;
const NOT_DESCRIPTOR = new Set([
	...STOPWORDS,
	'said',
	'says',
	'told',
	'joined',
	'beat',
	'against',
	'including',
	'visited',
	'left',
	'near',
	'outside',
	'across',
	'via'
]);

/**
 * Why the key may not be changed for a false statement, or null: half of a range, score or pair;
 * inside a quotation; a figure beside its conversion; a bound or a rough figure (contradicts); a
 * date beside a holiday or a named event ("January's Australian Open"); a hypothetical.
 */
function unsafeSwap(
	doc: Doc,
	ans: { text: string; kind: string },
	span: { start: number; end: number },
	frame: string
): boolean {
	if (cutsUnit(doc.text, span.start, span.end, ans.text)) return true;
	const at = frame.indexOf(KEY_MARK);
	if ((frame.slice(0, at).match(/["“”]/g) ?? []).length % 2 === 1) return true;
	const after = doc.text.slice(span.end, span.end + 4);
	if (/^\s*\(\s*[\d$£€¥]/.test(after) || /\(\s*$/.test(doc.text.slice(span.start - 3, span.start)))
		return true;
	if (/^(?:If|Unless|Should|Were)\b/.test(frame)) return true;
	// "Federal Reserve chairman Alan Greenspan": a name that only qualifies a title.
	const next = /^\s+([a-z]+)/.exec(doc.text.slice(span.end, span.end + 30))?.[1];
	if (next && ROLE_NOUNS.has(next) && ans.kind !== 'person') return true;
	// "the Michael Winterbottom film": a name before a noun only qualifies it.
	if (
		next &&
		/^(?:person|organisation|place)$/.test(ans.kind) &&
		/^(?:film|movie|album|song|book|show|series|play|novel|song|single|record|band|group|documentary|production|drama|musical|era|years|government|administration|team|side|squad)$/.test(
			next
		)
	)
		return true;
	// "Switzerland, France, Cyprus, Israel and the Faroe Islands": one item of a list is a detail.
	const before = doc.text.slice(Math.max(0, span.start - 60), span.start);
	const rest = doc.text.slice(span.end, span.end + 60);
	if (
		(/\p{Lu}[\p{L}'’.-]*,\s+(?:the\s+)?$/u.test(before) && /^(?:,|\s+(?:and|or)\b)/.test(rest)) ||
		/,\s+[^,.;]{1,30}\s+(?:and|or)\s+(?:the\s+)?$/u.test(before) ||
		/^,\s+(?:the\s+)?\p{Lu}[^.;]{0,40}\s(?:and|or)\s/u.test(rest)
	)
		return true;
	if (ans.kind === 'date') {
		if (/^['’]s\s+\p{Lu}/u.test(doc.text.slice(span.end, span.end + 4))) return true;
		if (SEASONAL.test(frame)) return true;
		// "throughout 2001 and 2002": one of a pair of years.
		const near = doc.text.slice(Math.max(0, span.start - 12), span.end + 12);
		if (/\b\d{4}\s+(?:and|or|to)\s+\d{4}\b/.test(near)) return true;
	}
	return false;
}

/** Whether `text` is written in the article as a whole word or figure. */
const writtenCache = new WeakMap<Doc, Map<string, boolean>>();
function inArticle(doc: Doc, text: string): boolean {
	let known = writtenCache.get(doc);
	if (!known) writtenCache.set(doc, (known = new Map()));
	let hit = known.get(text);
	if (hit === undefined) known.set(text, (hit = writtenAsWord(doc, text)));
	return hit;
}

function writtenAsWord(doc: Doc, text: string): boolean {
	const word = /[\p{L}\p{N}]/u;
	for (let at = doc.text.indexOf(text); at >= 0; at = doc.text.indexOf(text, at + 1)) {
		const before = doc.text[at - 1] ?? ' ';
		const after = doc.text[at + text.length] ?? ' ';
		if (!word.test(before) && !word.test(after)) return true;
	}
	return false;
}

/**
 * The value a false statement puts in the key's place: another of the same kind from the article
 * (a date, name or place the article writes; a figure of the same unit first), of the key's shape
 * (an acronym for an acronym), not already in the statement, and described as the key is ("former
 * club _____" takes only a name the article also calls a club).
 */
export function falseValue(
	doc: Doc,
	ans: { text: string; kind: string; span: { start: number; end: number } },
	frame: string,
	options: string[]
): string | undefined {
	return falseChoice(doc, ans, frame, options).value;
}

/**
 * The false value among `options`, passing over those `barred` rules out; `barredOnly` tells that
 * a barred option would have been the false value where no other is (the rule that took the false
 * form away).
 */
function falseChoice(
	doc: Doc,
	ans: { text: string; kind: string; span: { start: number; end: number } },
	frame: string,
	options: string[],
	barred: (d: string) => boolean = () => false
): { value: string | undefined; barredOnly: boolean } {
	const acronym = (x: string) => /^[A-Z]{2,6}$/.test(x);
	const before = doc.text.slice(Math.max(0, ans.span.start - 40), ans.span.start);
	const noun = DESCRIPTOR.exec(before)?.[1];
	const numeric = /^(?:number|money|percent|quantity)$/.test(ans.kind);
	const described =
		!!noun &&
		!NOT_DESCRIPTOR.has(noun) &&
		(/^(?:place|organisation|thing)$/.test(ans.kind) ||
			(ans.kind === 'person' && !ROLE_NOUNS.has(noun)));
	const lowerFrame = frame.toLowerCase();
	const afterThe = /\bthe\s+$/i.test(before);
	const person = /^(?:person|name)$/.test(ans.kind);
	const group = person && groupName(doc, ans.text);
	const fits = (d: string, own: boolean) =>
		acronym(d) === acronym(ans.text) &&
		(!person || groupName(doc, d) === group) &&
		(!afterThe || numeric || takesThe(doc, d)) &&
		!lowerFrame.includes(d.toLowerCase()) &&
		(!own || inArticle(doc, d)) &&
		!overlaps(d, ans.text) &&
		(!described || textHas(doc, `\\b${noun}\\s+${escapeRe(d)}\\b`)) &&
		contradicts(before.slice(-30), ans, d) &&
		!pastForFuture(frame, ans.text, d);
	// An invented figure far enough from the key to be a real change ("30%" is no trap for "29%").
	const num = (x: string) => Number((/\d+(?:[.,]\d+)*/.exec(x)?.[0] ?? '').replace(/,/g, ''));
	const far = (d: string) => {
		const k = num(ans.text);
		return k > 0 && Math.abs(num(d) - k) / k >= 0.15;
	};
	let barredFit = false;
	const first = (ok: (d: string) => boolean) => {
		for (const d of options)
			if (ok(d)) {
				if (!barred(d)) return d;
				barredFit = true;
			}
		return undefined;
	};
	// The article's own values first; an invented figure only for a count or sum.
	const value =
		first((d) => fits(d, true)) ?? (numeric ? first((d) => fits(d, false) && far(d)) : undefined);
	return { value, barredOnly: value === undefined && barredFit };
}

/**
 * Rule group-swap: a plural name for a group ("MPs", "Tories", "Democrats"), not a surname the
 * article gives a person with a first name ("Tom Jones"). Such a group is never swapped with a
 * person, nor a person with a group: "the Beith found" for "the MPs found" is no sentence and no
 * clear falsehood.
 */
export function groupName(doc: Doc, x: string): boolean {
	const last = x.split(/\s+/).pop() ?? '';
	if (!/^(?:[A-Z]{2,}s|\p{Lu}\p{Ll}+(?:s|ies))$/u.test(last) || /ss$/.test(last)) return false;
	return !personLastWords(doc).has(last);
}

const lastWordsCache = new WeakMap<Doc, Set<string>>();
/** The last words of the names of two words or more the article gives people, once per document. */
function personLastWords(doc: Doc): Set<string> {
	let out = lastWordsCache.get(doc);
	if (!out) {
		out = new Set();
		for (const m of doc.mentions) {
			if (m.kind !== 'person' && m.kind !== 'name') continue;
			const words = m.text.split(/\s+/);
			if (words.length >= 2) out.add(words[words.length - 1] as string);
		}
		lastWordsCache.set(doc, out);
	}
	return out;
}

/** Rule group-swap: the value after "the" is one the article also writes after "the". */
function takesThe(doc: Doc, x: string): boolean {
	return textHas(doc, `\\b[Tt]he\\s+${escapeRe(x)}\\b`);
}

const YEAR_OF = /\b(1[5-9]\d\d|20\d\d)\b/;
/** "will be sold in 2005" made "in 1997": a past year in a future clause gives itself away. */
function pastForFuture(frame: string, key: string, wrong: string): boolean {
	const k = Number(YEAR_OF.exec(key)?.[1] ?? NaN);
	const w = Number(YEAR_OF.exec(wrong)?.[1] ?? NaN);
	if (!Number.isFinite(k) || !Number.isFinite(w) || w >= k) return false;
	return /\b(?:will|shall|due|expected|planned|plans|set to|is to|are to|intends|aims)\b/.test(
		frame
	);
}

/**
 * Rule modifier-swap: a name that only qualifies the noun after it ("the war's Pacific battles",
 * "its Tokyo office") is no fact of its own; another name there reads unnaturally and may still be
 * partly true ("Hawaii battles" beside Pearl Harbour). Such a key is never swapped.
 */
export function modifierKey(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || !/^(?:place|organisation|person)$/.test(ans.kind)) return false;
	const next = s.tokens[ans.b];
	if (!next?.word || next.cap || STOPWORDS.has(next.lower)) return false;
	if (!(doc.phrases[s.index] ?? []).some((p) => p.tokenStart === ans.b)) return false;
	const before = doc.text.slice(Math.max(0, ans.span.start - 8), ans.span.start);
	return /(?:\b(?:the|its|his|her|their|our)|['’]s?)\s+$/i.test(before);
}

/** Words that set the key against someone else: "competitors like _____", "rival _____". */
const RIVALRY =
	/\b(?:competitors?|rivals?|opponents?|challengers?|competition)\s+(?:like\s+|such as\s+|including\s+|from\s+)?(?:the\s+)?$/i;

/**
 * Rule self-contradiction: "Competitors like Microsoft offer …" in a story about Microsoft: a
 * false value set against the article's own subject contradicts itself and gives the answer away.
 * The subject is the most mentioned name, or a name the title holds.
 */
export function rivalOfSubject(doc: Doc, before: string, wrong: string, title = ''): boolean {
	if (!RIVALRY.test(before)) return false;
	const w = norm(wrong);
	if (title && ` ${norm(title)} `.includes(` ${w} `)) return true;
	const top = mostMentioned(doc);
	return !!top && (norm(top.name) === w || top.keys.includes(wrong.toLowerCase()));
}

const topCache = new WeakMap<Doc, Entity | undefined>();
/** The name (not a date or number) the article mentions most, the first on a tie; once per document. */
function mostMentioned(doc: Doc): Entity | undefined {
	if (!topCache.has(doc))
		topCache.set(
			doc,
			[...doc.entities]
				.filter((e) => e.kind !== 'date' && e.kind !== 'number')
				.sort((a, b) => b.mentions.length - a.mentions.length)[0]
		);
	return topCache.get(doc);
}

export const trueFalseBuilder: Builder = {
	type: 'true-false',
	serves: ownStatement,
	build(ctx, f, view) {
		const { doc } = ctx;
		const ans = f.answer;
		const s = doc.sentences[f.sentence];
		if (!ans || !s) return [];
		if (!ans.span) return rejectFor(ctx, f, 'true-false', 'no-answer-span');
		if (ans.items !== 1) return rejectFor(ctx, f, 'true-false', 'list-answer');
		if (ans.kind === 'thing') return rejectFor(ctx, f, 'true-false', 'phrase-answer');
		const span = ans.span;
		const inContext = sentenceInContext(doc, s.index, [
			{ start: span.start, end: span.end, text: KEY_MARK }
		]);
		const shown = inContext === null ? null : shownSentence(inContext);
		if (!shown || !shown.includes(KEY_MARK))
			return rejectFor(ctx, f, 'true-false', 'opens-on-reference');
		const sentence = shown.replace(KEY_MARK, ans.text);
		// A statement to judge must stand on its own: no fragment, no "I" or "we" of quoted speech.
		const standsAlone =
			s.tokens.filter((t) => t.word).length >= 8 &&
			(sentence.match(/"/g) ?? []).length % 2 === 0 &&
			!s.tokens.some(
				(t) =>
					/^(?:i|we|my|our|me)(?:['’](?:m|re|ve|d|ll))?$/.test(t.lower) ||
					t.text === 'us' ||
					t.text === 'Us'
			) &&
			// "Last week, it struck a deal": a pronoun near the start leaves the statement unanchored.
			!sentence
				.split(/\s+/)
				.slice(0, 5)
				.some((w) => /^(it|he|she|they|this|these|those|its|his|her|their)$/i.test(w));
		if (!standsAlone || mostlyQuoted(sentence))
			return rejectFor(ctx, f, 'true-false', 'statement-not-standalone');
		const cut = cutFrame(shown);
		if (cut === 'answer-in-aside') return rejectFor(ctx, f, 'true-false', 'answer-in-aside');
		const names = nameWords(doc);
		let frame = reword(cut, names);
		const fill = (x: string) => pluralAgreement(frame.replace(KEY_MARK, x));
		const copied = (x: string) => copiedFrom(x, clean(s.text)) || copiedFrom(x, sentence);
		// Nothing else changed: the reporting verb in a plain form ("According to analysts, …").
		if (copied(fill(ans.text)))
			frame = accordingTo(frame, names) ?? frontSetting(frame, names, ans.kind === 'date') ?? frame;
		const trueText = fill(ans.text);
		const wordsOf = (x: string) => x.split(/\s+/).length;
		if (wordsOf(trueText) < 6 || !statementStandsAlone(doc, trueText, s.start))
			return rejectFor(ctx, f, 'true-false', 'statement-not-standalone');
		const before = doc.text.slice(s.start, span.start);
		const unsafe = unsafeSwap(doc, ans, span, frame);
		const modifier = !unsafe && modifierKey(doc, f);
		const choice =
			unsafe || modifier
				? undefined
				: falseChoice(doc, { ...ans, span }, frame, view.options(), (d) =>
						rivalOfSubject(doc, before, d, ctx.title)
					);
		const wrong = choice?.value;
		const falseText = wrong ? fill(withArticle(wrong, before)) : undefined;
		// The true statement is never the article's sentence copied word for word: where no rewording
		// applies, the question is asked only in its false form (or not at all).
		const isCopy = copied(trueText);
		if (isCopy && !falseText) {
			// Named by the rule that took the false form away, where one did.
			const why = modifier
				? 'modifier-swap'
				: choice?.barredOnly
					? 'self-contradiction'
					: 'copied-statement';
			return rejectFor(ctx, f, 'true-false', why);
		}
		const built: Built = {
			q: {
				...base(f, 'true-false'),
				type: 'true-false',
				prompt: `True or false? ${isCopy ? falseText : trueText}`,
				answer: isCopy ? 'False' : 'True',
				kind: 'statement',
				score: 0
			},
			form: 0.65,
			fact: f,
			falsePrompt: isCopy || !falseText ? undefined : `True or false? ${falseText}`
		};
		return [built];
	}
};
