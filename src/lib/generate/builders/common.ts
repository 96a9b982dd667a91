/**
 * What the question builders share: the context they run in, the built question with its form
 * score, and a per-fact view that works out the wh-question, the blanked sentence and the wrong
 * options once for every builder that needs them.
 */
import { opensInsideQuote, sentenceInContext, skipOpening } from '../../nlp/coref';
import { surePerson } from '../../nlp/kinds';
import {
	AUXILIARIES,
	DEMONYMS,
	FIRST_NAMES,
	HONORIFICS,
	MODALS,
	ORG_WORDS,
	PLACE_WORDS,
	ROLE_NOUNS,
	SPEECH_VERBS,
	TITLE_WORDS
} from '../../nlp/lexicon';
import type { Doc, Entity, Mention } from '../../nlp/types';
import type { Token } from '../../nlp/text';
import { distractors } from '../distractors';
import type { RejectReason, RejectSink } from '../explain';
import type { FactX } from '../facts';
import type { AnswerKind, Question } from '../types';
import { clean, escapeRe, fnv1a, norm, rng, shortId, shuffle, undouble } from '../util';
import { isHandout } from '../select';
import { nameList } from '../weak';
import { substitutions, whQuestion } from '../wh';

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
/**
 * Every hint of a single name or a date that clozeHint may give beyond HINTS: a front that ends in
 * one of them in brackets carries a cloze hint (an export strips it).
 */
export const NAME_HINTS = [
	'a club',
	'a team',
	'a company',
	'a political party',
	'a newspaper',
	'a broadcaster',
	'a film',
	'a programme',
	'a book',
	'a city',
	'a country',
	'a year',
	'a month',
	'an event'
];

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
	/** The article's title, when given: an answer it holds whole is the article's subject. */
	title?: string;
}

export interface Built {
	q: Question;
	/** 0..1 how well formed. */
	form: number;
	fact: FactX;
	/** For true-false: the same statement made false, when a swap was possible. */
	falsePrompt?: string;
	/**
	 * A weaker question kept only to fill a deck that is short of good ones: it comes after every
	 * other question, never ahead of one (see select.ts).
	 */
	fallback?: boolean;
}

/** One builder per question type; the registry in questions.ts runs them in turn. */
export interface Builder {
	type: Question['type'];
	/** Whether this builder makes questions from facts of this sort at all. */
	serves(f: FactX): boolean;
	build(ctx: Ctx, f: FactX, view: FactView): Built[];
}

/** Facts of what the article itself states: neither a quote's speaker nor a role's holder. */
export const ownStatement = (f: FactX): boolean => f.kind !== 'quote' && f.kind !== 'role';

/** A builder's body that needs the fact's answer: a fact without one makes no question. */
export function withAnswer(
	build: (ctx: Ctx, f: FactX, ans: NonNullable<FactX['answer']>, view: FactView) => Built[]
): Builder['build'] {
	return (ctx, f, view) => (f.answer ? build(ctx, f, f.answer, view) : []);
}

type Shown = { text: string; span?: { start: number; end: number }; kind: AnswerKind };

/**
 * The question on an answer shown as it stands: among the `wrong` options in an order the seed
 * fixes, or asked outright (short answer) without them.
 */
export function answerQuestion(
	ctx: Ctx,
	b: ReturnType<typeof base>,
	type: 'multiple-choice' | 'quote',
	prompt: string,
	ans: Shown,
	wrong: string[]
): Question;
export function answerQuestion(
	ctx: Ctx,
	b: ReturnType<typeof base>,
	type: 'short-answer',
	prompt: string,
	ans: Shown
): Question;
export function answerQuestion(
	ctx: Ctx,
	b: ReturnType<typeof base>,
	type: 'multiple-choice' | 'quote' | 'short-answer',
	prompt: string,
	ans: Shown,
	wrong?: string[]
): Question {
	return {
		...b,
		type,
		prompt,
		answer: ans.text,
		answerSpan: ans.span,
		kind: ans.kind,
		...(wrong && { choices: seededOrder(ctx, b.id, [ans.text, ...wrong]) }),
		score: 0
	} as Question;
}

export function rejectFor(ctx: Ctx, f: FactX, type: Question['type'], reason: RejectReason): [] {
	ctx.reject({ factId: f.id, type, reason, detail: f.answer?.text });
	return [];
}

const textHasCache = new WeakMap<Doc, Map<string, boolean>>();

/**
 * Whether the article's text matches the pattern `source` (with `flags`): each pattern is built
 * and run once per document, however many options or blanks ask.
 */
export function textHas(doc: Doc, source: string, flags = ''): boolean {
	let known = textHasCache.get(doc);
	if (!known) textHasCache.set(doc, (known = new Map()));
	const key = `${flags}/${source}`;
	let hit = known.get(key);
	if (hit === undefined) known.set(key, (hit = new RegExp(source, flags).test(doc.text)));
	return hit;
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

/**
 * A role the text gives a person only inside a description of someone else: in "former President
 * Donald Trump's son-in-law" the words describe Kushner, and "Former President" is not how the
 * article means Trump. Also a role that names another person of the article.
 */
export function borrowedRole(doc: Doc, r: { entity: number; end: number; role: string }): boolean {
	const e = doc.entities[r.entity];
	if (!e) return true;
	for (const i of e.mentions) {
		const m = doc.mentions[i] as Mention;
		if (m.start < r.end || m.start - r.end > 3) continue;
		if (/^['’]s?\b/.test(doc.text.slice(m.end, m.end + 2))) return true;
		break;
	}
	const lower = r.role.toLowerCase();
	return doc.entities.some(
		(o) => o.id !== r.entity && o.kind === 'person' && lower.includes(o.name.toLowerCase())
	);
}

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

/** Judging and describing words: a blank on a phrase led by one has other right answers. */
const EVALUATIVE =
	/^(?:high-stakes|significant|formidable|secure|scrappy|stark|immense|key|major|serious|ambitious|durable|landmark|broad|huge|big|small|large|great|good|bad|best|worst|strong|weak|new|old|long|short|high|low|full|real|clear|great|important|main|top|further|recent|future|previous|former|possible|potential|likely|current|certain|various|several|many|few|own|whole|entire|particular|special|general|similar|different|wider|wide|hard|tough|difficult|easy|fresh|fierce|bitter|sharp|dramatic|remarkable|impressive|poor|rich|heavy|light|deep|close|direct|simple|joint|separate|proposed|ongoing|so-called|crucial|vital|critical|massive|modest|slight|steady|rapid|slow|quick|fast|early|late|final|first|last|next|other|further|additional|extra|total|overall|annual|daily|weekly|monthly|technological|diplomatic|military|political|economic|financial|social|public|private|local|national|international|global|regional|official|unofficial|historic|historical|unprecedented|dismal|disappointing|successful|unsuccessful|excellent|superb|brilliant|terrible|awful|fine|decent|solid|robust|healthy|sluggish|disastrous|stunning|shock|surprise|surprising|controversial|contentious|heated)$/i;

/** Words that judge rather than classify: a phrase led by one is an opinion, never a fact to recall. */
const JUDGING =
	/^(?:high-stakes|significant|formidable|scrappy|stark|immense|major|serious|ambitious|durable|landmark|huge|big|great|good|bad|best|worst|strong|weak|important|key|remarkable|impressive|dramatic|crucial|vital|critical|massive|modest|dismal|disappointing|excellent|superb|brilliant|terrible|awful|decent|solid|robust|sluggish|disastrous|stunning|unprecedented|fierce|bitter|tough|secure|stark|heated|controversial)$/i;

/**
 * A descriptive or evaluative phrase ("scrappy victory", "formidable obstacles", "energy firm",
 * "high-stakes summit"): a blank on it has other right answers. Lower-case phrases of two or more
 * words led by a judging word, an -ly/-ous/-ive/-ful/-ing word, or a bare common noun used as a
 * label for something named elsewhere.
 */
export function describes(text: string, strict = true): boolean {
	const ws = text.trim().split(/\s+/);
	if (ws.length < 2 || /^[A-Z]/.test(ws[0] as string)) return false;
	const first = (ws[0] as string).toLowerCase();
	if (JUDGING.test(first)) return true;
	if (!strict) return false;
	if (EVALUATIVE.test(first)) return true;
	// "energy firm", "oil giant": a description standing for a name.
	if (
		/^(?:firm|company|group|giant|maker|business|body|organisation|side|team|club|country|nation|city|region|chain|retailer|operator|carrier|provider|producer|lender|bank|network|station|outlet|body|agency)$/i.test(
			ws[ws.length - 1] as string
		)
	)
		return true;
	return false;
}

/** Words that tie a sentence to the one before it and mean nothing on their own. */
const DISCOURSE =
	/^(?:but|and|so|yet|however|also|meanwhile|moreover|furthermore|nevertheless|nonetheless|indeed|instead|still|thus|therefore|hence|besides|likewise|similarly|in addition|in fact|as a result|at the same time|on the other hand|by contrast|in contrast|even so|as well(?!\s+as))\b\s*,?\s*/i;
/** An opening word that points at something the sentence itself does not name. */
const REFERENCE_OPEN =
	/^(?:he|she|they|it|his|her|their|its|this|these|those|such|thus|him|them|that|the latter|the former|the move|the deal|the firm|the company|the group|the decision|the plan|the report|the case|the figures?|the news)\b/i;

/**
 * A sentence as shown on its own: opening discourse words dropped ("However, the firm …" → "The
 * firm …"); null when it would still open on a word that points outside it ("He", "It", "They").
 */
export function shownSentence(text: string): string | null {
	let t = text.trim();
	for (let i = 0; i < 3; i++) {
		const m = DISCOURSE.exec(t);
		if (!m || m[0].length >= t.length) break;
		t = t.slice(m[0].length);
	}
	t = undouble(t.replace(/^[,;:\s]+/, ''));
	if (REFERENCE_OPEN.test(t)) return null;
	return balanceQuotes(t.charAt(0).toUpperCase() + t.slice(1));
}

/**
 * A sentence shown alone closes the quotation it opens and opens the one it closes: a quotation
 * that runs on into the next sentence (or began in the one before) leaves one mark unmatched.
 */
export function balanceQuotes(t: string): string {
	const opens = (t.match(/“/g) ?? []).length;
	const closes = (t.match(/”/g) ?? []).length;
	if (opens > closes) return `${t}”`;
	if (closes > opens) return `“${t}`;
	const straight = t.split('"').length - 1;
	if (straight % 2 === 0) return t;
	const first = t.indexOf('"');
	// An opening mark stands at the start or after a space or bracket, with a word after it.
	const opening =
		(first === 0 || /[\s(]/.test(t[first - 1] ?? '')) && /\S/.test(t[first + 1] ?? '');
	return opening ? `${t}"` : `"${t}`;
}

/** The last word of a building's or a street's name ("Royal Albert Hall"). */
const BUILDING =
	/^(?:house|hall|street|square|park|stadium|college|school|hospital|road|theatre|gallery|museum|centre|center|bridge|tower|arena)$/;

/** Titles written short before a name: "Supt", "Det", "Insp", "Sgt", "Cllr". */
const TITLE_ABBR = new Set(
	'supt det insp sgt pc cllr gen col capt lt cmdr maj gov sen rep'.split(' ')
);

/** A capitalised word that is a title or a role ("Correspondent", "Supt", "Minister"). */
function titleWord(w: string): boolean {
	if (!/^\p{Lu}/u.test(w)) return false;
	// "Under-Secretary": a title joined to its rank.
	return w
		.replace(/\.$/, '')
		.toLowerCase()
		.split('-')
		.some((x) => TITLE_ABBR.has(x) || TITLE_WORDS.has(x) || ROLE_NOUNS.has(x));
}

/**
 * The answer carries a title before a person's name ("Supt Deats", "BBC Political Correspondent
 * James Hardy"), or a title word stands right before the blank and the answer opens on another
 * ("Chief _____" → "Supt Deats"). A first name, or a title written short, says a person follows.
 */
export function takesTitle(answer: string, before = ''): boolean {
	const ws = answer.trim().split(/\s+/);
	if (ws.length < 2) return false;
	const first = (ws[0] as string).replace(/\.$/, '').toLowerCase();
	if (TITLE_ABBR.has(first)) return true;
	if (
		titleWord(ws[0] as string) &&
		/\b\p{Lu}\p{L}+\s+$/u.test(before) &&
		titleWord(before.trim().split(/\s+/).pop() as string)
	)
		return true;
	for (let i = 0; i < ws.length - 1; i++) {
		if (!titleWord(ws[i] as string)) continue;
		const rest = ws.slice(i + 1);
		if (
			rest.length >= 1 &&
			rest.length <= 3 &&
			rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w)) &&
			FIRST_NAMES.has((rest[0] as string).toLowerCase())
		)
			return true;
	}
	return false;
}

/** Last words of an event's, a body's or a place's name, never of a person's ("Spanish Grand Prix"). */
const NOT_SURNAME =
	/^(?:Prix|Open|Cup|League|Championships?|Games|Trophy|Awards?|Festival|Masters|Classic|Derby|Marathon|Rally|Series|Tour|Party|Army|Navy|Airways|Airlines|Telecom|Bank|Group|Union|Council|Government|Republic|Federation|Association|Society|Institute|University|College|School|Museum|Theatre|Gallery|Stadium|Park|Hall|Street|Road|Square|River|Island|Islands|Sea|Ocean|Mountains?)$/;

const peopleCache = new WeakMap<Doc, Set<string>>();

/** The names of two words or more the article gives people. */
export function personNames(doc: Doc): Set<string> {
	let out = peopleCache.get(doc);
	if (!out) {
		out = new Set();
		for (const m of doc.mentions) if (m.kind === 'person' && m.text.includes(' ')) out.add(m.text);
		for (const e of doc.entities) if (e.kind === 'person' && e.name.includes(' ')) out.add(e.name);
		peopleCache.set(doc, out);
	}
	return out;
}

/**
 * "Fellow Lib Dem Norman Baker": words before a person's first name and surname that are no part of
 * the name (a party, a club, "fellow"), under the same blank.
 */
export function wordsBeforeName(
	answer: string,
	people: Set<string> = new Set(),
	person = false
): boolean {
	const ws = answer.trim().split(/\s+/);
	// "Russian Igor Andreev": a nationality before a person's first name and surname.
	if (
		person &&
		ws.length === 3 &&
		DEMONYMS.has((ws[0] as string).toLowerCase()) &&
		ws.every((w) => /^\p{Lu}\p{Ll}/u.test(w))
	)
		return !NOT_SURNAME.test(ws[2] as string);
	// The article names the person elsewhere without the words before.
	for (let i = 1; i < ws.length - 1; i++) if (people.has(ws.slice(i).join(' '))) return true;
	const lw = ws.map((w) => w.toLowerCase());
	const last = lw[lw.length - 1] as string;
	if (ORG_WORDS.has(last) || PLACE_WORDS.has(last) || BUILDING.test(last)) return false;
	for (let i = 1; i < ws.length - 1; i++) {
		if (!FIRST_NAMES.has(lw[i] as string)) continue;
		const lead = lw.slice(0, i);
		if (lead.some((w) => FIRST_NAMES.has(w) || HONORIFICS.has(w.replace(/\.$/, '')))) return false;
		const rest = ws.slice(i + 1);
		return rest.length <= 2 && rest.every((w) => /^\p{Lu}\p{Ll}/u.test(w));
	}
	return false;
}

/**
 * "Ray Rae Marshall of the James Marshall Hendrix Foundation": a name of two or three capitalised
 * words, none a body's or a place's word, then "of" and a body.
 */
export function personOfBody(answer: string): boolean {
	const m = /^((?:\p{Lu}[\p{Ll}'’-]+\s+){1,2}\p{Lu}[\p{Ll}'’-]+)\s+of\s+(?:the\s+)?(.+)$/u.exec(
		answer.trim()
	);
	if (!m) return false;
	const who = (m[1] as string).split(/\s+/).map((w) => w.toLowerCase());
	if (
		who.some(
			(w) =>
				ORG_WORDS.has(w) ||
				PLACE_WORDS.has(w) ||
				TITLE_WORDS.has(w) ||
				ROLE_NOUNS.has(w) ||
				HONORIFICS.has(w)
		)
	)
		return false;
	return (m[2] as string).split(/\s+/).some((w) => ORG_WORDS.has(w.toLowerCase()));
}

/** Month and day names, and "No", which a bare number may stand beside without being in a name. */
const CALENDAR =
	/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|No)$/;

/**
 * Whether blanking [start, end) would cut a unit: half a score or range ("7-_____"), part of a
 * hyphenated word ("36-_____"), the second half of a pair ("late 17th and _____"), or an interval
 * whose anchor is outside the sentence ("_____ later").
 */
export function cutsUnit(
	text: string,
	start: number,
	end: number,
	answer: string
): RejectReason | null {
	const before = text.slice(Math.max(0, start - 40), start);
	const after = text.slice(end, end + 40);
	// "7-5", "20-25%", "36-page": the blank would take one side of a joined pair.
	if (/[\p{L}\p{N}][-–/]$/u.test(before) || /^[-–/][\p{L}\p{N}]/u.test(after))
		return 'blank-splits-unit';
	if (/\d\s+[-–]\s+$/.test(before) || /^\s+[-–]\s+\d/.test(after)) return 'blank-splits-unit';
	// "a best of 1:_____", "_____:48.32": one part of a time.
	if (/\d:$/.test(before) || /^:\d/.test(after)) return 'blank-splits-unit';
	// "the 100m and _____ titles", "in 2001 and _____": the second of a pair of one unit.
	const unit = /^\d[\d.,]*\s*([\p{L}%]+)?$/u.exec(answer);
	if (unit) {
		const suffix = unit[1] ?? '';
		const pair = new RegExp(
			`(?:^|[^\\d.,])\\d[\\d.,]*\\s*${escapeRe(suffix)}\\s*(?:and|or|,)\\s+$`,
			'u'
		);
		if ((suffix || /^\d{4}$/.test(answer)) && pair.test(before)) return 'blank-splits-unit';
	}
	if (
		/\b(?:and|or|to)\s+$/i.test(before) &&
		(/^(?:early|late|mid|middle)\b/i.test(answer) || /centur(?:y|ies)$/i.test(answer))
	)
		return 'blank-splits-unit';
	// "key Western _____": a lower-case blank after a capitalised modifier is only a phrase's head.
	if (
		/^[a-z]/.test(answer) &&
		/[^.!?"“:]\s+(?:[A-Z][a-z]+)\s+$/.test(before) &&
		!/\b(?:The|A|An|In|On|At|Of|For|By|To|Mr|Mrs|Ms|Dr)\s+$/.test(before)
	)
		return 'blank-splits-unit';
	if (/^\s*(?:later|earlier|ago|afterwards|previously|beforehand)\b/i.test(after))
		return 'anchorless-time';
	// "since last _____" (July of which year?): the anchor is the day of writing.
	if (/\b(?:last|next|this|coming)\s+$/i.test(before) && /^\p{Lu}\p{Ll}+$/u.test(answer))
		return 'anchorless-time';
	// "Mr _____", "Lord _____": a surname under a title the options cannot all wear.
	if (/\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|Dame|Prof)\.?\s+$/.test(before))
		return 'blank-splits-unit';
	// "30 to _____", "between 5 and _____", "_____ to 40": one end of a range.
	if (/^\d/.test(answer) || /^[$£€]/.test(answer)) {
		if (/\d\s+(?:to|or)\s+$/.test(before) && !/\bfrom\s+\S+\s+to\s+$/i.test(before))
			return 'blank-splits-unit';
		if (/\bbetween\b[^.;]{0,30}\band\s+$/i.test(before)) return 'blank-splits-unit';
		if (/^\s+(?:to|or)\s+[$£€]?\d/.test(after) && !/\bfrom\s*$/i.test(before))
			return 'blank-splits-unit';
		if (/\bbetween\s+$/i.test(before) && /^\s+and\s+[$£€]?\d/.test(after))
			return 'blank-splits-unit';
		// "from 6 to 9 January", "on 22 and 23 June": the bare figure before borrows the answer's
		// unit, so the two are one range or pair whatever word joins them.
		if (
			/^\d[\d.,]*\s+\p{L}/u.test(answer) &&
			/(?:^|[^\d.,$£€])\d[\d.,]*\s*(?:and|to|or|[-–])\s*$/i.test(before)
		)
			return 'blank-splits-unit';
		if (/^\d[\d.,]*$/.test(answer) && /^\s*(?:and|to|or|[-–])\s*\d[\d.,]*\s+\p{L}/u.test(after))
			return 'blank-splits-unit';
		// "near _____ Downing Street", "the Apollo _____ mission": a number that is part of a name.
		// A count ("recalling 155,000 Cadillac coupes") is written with commas or runs longer.
		if (/^\d{1,4}$/.test(answer) && !/^(?:1[5-9]|20)\d\d$/.test(answer)) {
			// The name goes on after it ("Downing Street", "Cent's"), not a count before a modifier
			// and its plural ("34 Labour MPs").
			const next = /^\s+(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}[\p{L}]*[^s\s]\b|['’]s\b)/u.exec(after)?.[1];
			const prev = /(?:^|[^.!?:"“\s]\s+)(\p{Lu}\p{Ll}+)\s+$/u.exec(before)?.[1];
			// A count is followed by what it counts: "In Iraq 12 soldiers", "30 Premier League goals".
			const counts = /^\s+(?:\p{Lu}\p{Ll}+\s+){0,2}[a-z]{3,}s\b/u.test(after);
			if (!counts && ((next && !CALENDAR.test(next)) || (prev && !CALENDAR.test(prev))))
				return 'blank-cuts-name';
		}
	}
	// "caf&#_____;": a character code, not a figure; "BBC Radio _____ 4's": half a name.
	if (/[#&]$/.test(before) || /^[;#]/.test(after)) return 'blank-splits-unit';
	if (/\p{L}$/u.test(answer) && /^\s+\d+['’]s\b/.test(after)) return 'blank-splits-unit';
	// "_____ - The Final Days portrays ...": a title goes on across a dash to its subtitle.
	if (
		/^\s+[-–—]\s+The\s+\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+\s+\p{Ll}/u.test(after) &&
		/^\p{Lu}/u.test(answer)
	)
		return 'blank-splits-unit';
	// "_____'s biopic", "_____' 800m gold": a possessive blank leaves the options to fit an apostrophe.
	if (
		/^['’]s\b/.test(after) ||
		(/s$/.test(answer) && /^['’](?=\s|$)/.test(after)) ||
		/^['’]\s+(?!said\b|says\b)\p{Ll}/u.test(after)
	)
		return 'blank-possessive';
	// "Chief _____" → Supt Deats, "_____" → BBC Political Correspondent James Hardy: a title goes
	// with the name under one blank, or is cut in half by it.
	if (takesTitle(answer, before)) return 'blank-on-title';
	// "Ray Marshall of the Hendrix Foundation": a person and a body under one blank.
	if (personOfBody(answer)) return 'blank-two-units';
	// "_____'s Auction House": the blank is only the front of a longer name.
	if (
		/^['’]s\s+(?:[A-Z][a-z]+\s+)?(?:House|Hall|Street|Square|Park|Stadium|College|School|Hospital|Road|Theatre|Gallery|Museum|Centre|Center)\b/.test(
			after
		)
	)
		return 'blank-splits-unit';
	return null;
}

/**
 * "To be honest, I'm getting bored with ...": a sentence in the first person that does not say
 * whose words they are: a columnist's own "I", or speech that an earlier sentence opened. Shown
 * alone, it reads as nobody's words.
 */
export function speechGoesOn(doc: Doc, s: Doc['sentences'][number]): boolean {
	const marks = /["“”]/.test(s.text);
	const words = marks ? (s.text.split(/["“”]/)[0] ?? '') : s.text;
	// Not the numeral of "World War I" or "Elizabeth I".
	if (!/(?<!\p{Lu}\p{L}*\s)\b(?:I|I'm|I've|I'd|I'll|we|we're|we've|my|our|me|us)\b/u.test(words))
		return false;
	// No marks at all: the writer's own "I" in a column, or speech opened sentences before.
	if (!marks) return true;
	if (!opensInsideQuote(doc.text, s.start)) return false;
	// '..., Ms Ruiz said.': the sentence names its speaker.
	return !(doc.bySentence[s.index] ?? []).some(
		(i) => (doc.mentions[i] as Mention).kind === 'person'
	);
}

/**
 * Rule unfinished-sentence: a sentence that stops without closing punctuation ("Hrbaty will now
 * play 2002 champion", an article cut off) is a fragment; no question is asked from it. A line
 * that is a heading is not a sentence at all and is handled elsewhere.
 */
export function unfinishedSentence(doc: Doc, index: number): boolean {
	const s = doc.sentences[index];
	if (!s) return false;
	const t = doc.text.slice(s.start, s.end).trimEnd();
	if (!t.length || /[.!?…:;"”’'）)\]]$/.test(t)) return false;
	// A paragraph that only lacks its full stop ("… in a second election" and a new paragraph
	// opening "The latest …") is whole; one the text goes on from with a comma or a lower-case
	// word, or that ends the article, was cut.
	const next = doc.text.slice(s.end).trimStart();
	return !next || !/^["“‘'\p{Lu}\d]/u.test(next);
}

/** The evidence sentence with every occurrence of the answer blanked, or why it cannot be. */
export function blanked(doc: Doc, f: FactX): string | RejectReason {
	const s = doc.sentences[f.sentence];
	const ans = f.answer;
	if (!s || !ans?.span) return 'no-answer-span';
	if (ans.span.start < s.start || ans.span.end > s.end) return 'answer-outside-sentence';
	// "S _____ (Cheshire).": too little sentence left around the blank to recall it from.
	if (s.tokens.filter((t) => t.word || t.num).length < 5) return 'sentence-too-short';
	if (unfinishedSentence(doc, f.sentence)) return 'unfinished-sentence';
	if (verblessFragment(s)) return 'verbless-fragment';
	const cut = cutsUnit(doc.text, ans.span.start, ans.span.end, ans.text);
	if (cut) return cut;
	if (
		ans.kind !== 'place' &&
		wordsBeforeName(ans.text, personNames(doc), ans.kind !== 'organisation')
	)
		return 'blank-on-title';
	// "attacks in _____, the capital of Saudi Arabia": the words after the blank define the answer;
	// "Riyadh, the capital of _____" the other way round.
	if (
		/^\s*,\s*(?:the\s+)?(?:[\p{L}']+\s+)?capital\s+(?:city\s+)?of\b/u.test(
			doc.text.slice(ans.span.end, s.end)
		) ||
		/\bcapital\s+(?:city\s+)?of\s+(?:the\s+)?$/u.test(doc.text.slice(s.start, ans.span.start))
	)
		return 'blank-alias-shown';
	// Shown on its own: "He" and "the firm" written out, "However," dropped; null when unsafe.
	const own = [{ start: ans.span.start, end: ans.span.end, text: BLANK }];
	// "the _____ (Nato)", "_____ (£21bn)": an alias or a conversion right after the blank would give
	// the answer away; it is left out of the shown sentence.
	const alias = /^\s*\([^()]{1,60}\)/.exec(doc.text.slice(ans.span.end, s.end));
	if (alias) own.push({ start: ans.span.end, end: ans.span.end + alias[0].length, text: '' });
	const shown = sentenceInContext(doc, f.sentence, own);
	if (shown === null) return 'opens-on-reference';
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
	if (blanks > 2) return 'blank-repeats';
	// "turned the spotlight on _____'s ailing economy": the answer blanked again as a possessive.
	if (/_____['’](?:s\b|\s+\p{Ll})/u.test(t)) return 'blank-possessive';
	const na = norm(ans.text);
	if (na.length > 3 && norm(t).includes(na)) return 'blank-shows-answer';
	return shownSentence(t) ?? 'opens-on-reference';
}

/** Whether a name the reader found starts at the sentence's first word (after an opening quote). */
export function opensName(doc: Doc, sentence: number): boolean {
	const s = doc.sentences[sentence];
	if (!s) return false;
	const first = skipOpening(s.tokens);
	return (doc.bySentence[sentence] ?? []).some(
		(i) => (doc.mentions[i] as { tokenStart: number }).tokenStart === first
	);
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
					ans && s && ans.a >= 0 && !unfinishedSentence(doc, f.sentence) && !verblessFragment(s)
						? whQuestion(
								s,
								{ kind: ans.kind, a: ans.a, b: ans.b, items: ans.items, text: ans.text },
								doc.text,
								ctx.lowerSeen,
								{
									subs: substitutions(doc, f.sentence, ans.entity),
									entity: ans.entity,
									unsurePerson: ans.kind === 'person' && !personShown(doc, ans.entity),
									commonOpener: !opensName(doc, f.sentence)
								}
							)
						: null;
			return wh;
		},
		cloze() {
			if (cloze === undefined) {
				cloze = blanked(doc, f);
				if (isSentence(cloze) && ownWordsBlank(ctx, f, cloze)) cloze = 'blank-on-main-subject';
			}
			return cloze;
		},
		options() {
			if (ds === undefined)
				ds =
					ans && ans.items === 1 && ans.kind !== 'thing'
						? distractors(
								doc,
								{
									text: ans.text,
									kind: ans.kind,
									entity: ans.entity,
									value: ans.value,
									before: ans.span
										? doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start)
										: undefined,
									span: ans.span
								},
								sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(ans.text)),
								3
							)
						: [];
			return ds;
		}
	};
}

/** Whether entity `id` is a person beyond doubt (see `surePerson`). */
export function personShown(doc: Doc, id: number): boolean {
	const e = doc.entities[id];
	return !!e && surePerson(doc, e);
}

/** True when the view's cloze is a sentence rather than a reason. */
export function isSentence(x: string | RejectReason | null): x is string {
	return typeof x === 'string' && x.includes(BLANK);
}

/**
 * The article's main subject: a name whose last word the title holds, or that its first sentence
 * and two more name.
 */
function mainSubject(ctx: Pick<Ctx, 'doc' | 'title'>, name: string): boolean {
	const { doc } = ctx;
	const last = (name.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).pop();
	if (!last) return false;
	const h = doc.headings[0];
	const first = doc.sentences[0];
	const title = ctx.title ?? (h && first && h.start < first.start ? h.title : '');
	const words = docWords(doc);
	const key = `${title}\u0000${last}`;
	const known = words.subject.get(key);
	if (known !== undefined) return known;
	let titled = words.titles.get(title);
	if (!titled) words.titles.set(title, (titled = wordIndex(title)));
	const named = () => words.sentences.filter((w) => hasWord(w, last)).length;
	const found =
		hasWord(titled, last) ||
		(!!first && hasWord(words.sentences[0] as WordIndex, last) && named() >= 3);
	words.subject.set(key, found);
	return found;
}

/**
 * The words of a text for a case-blind whole-word lookup: its runs of letters and digits, the
 * plain-ASCII ones lower-cased in a set, the others kept as written (case rules beyond ASCII, such
 * as "ſ" matching "s" or a Greek final sigma, are left to the regular-expression engine).
 */
export interface WordIndex {
	ascii: Set<string>;
	other: string[];
	all: string[];
}

/** A run of letters and digits, with the same case-blind classes as the whole-word test. */
const WORD_RUN = /[\p{L}\d]+/giu;
const ASCII_ONLY = /^\p{ASCII}*$/u;

export function wordIndex(text: string): WordIndex {
	const all = text.match(WORD_RUN) ?? [];
	const ascii = new Set<string>();
	const other: string[] = [];
	for (const w of all) {
		if (ASCII_ONLY.test(w)) ascii.add(w.toLowerCase());
		else other.push(w);
	}
	return { ascii, other, all };
}

/**
 * Whether the text holds the word (letters and digits only) whole and in any case: the same answer as
 * `new RegExp('(?<![\\p{L}\\d])' + word + '(?![\\p{L}\\d])', 'iu').test(text)`, without compiling a
 * pattern per word for plain-ASCII words.
 */
export function hasWord(idx: WordIndex, word: string): boolean {
	if (!/^[\p{L}\d]+$/u.test(word)) return false;
	const plain = ASCII_ONLY.test(word);
	if (plain && idx.ascii.has(word.toLowerCase())) return true;
	const pool = plain ? idx.other : idx.all;
	if (!pool.length) return false;
	const exact = new RegExp(`^${word}$`, 'iu');
	return pool.some((w) => exact.test(w));
}

interface DocWords {
	sentences: WordIndex[];
	titles: Map<string, WordIndex>;
	subject: Map<string, boolean>;
}
const DOC_WORDS = new WeakMap<Doc, DocWords>();

/** The word index of each sentence of a document, made once per document. */
function docWords(doc: Doc): DocWords {
	let w = DOC_WORDS.get(doc);
	if (!w) {
		w = {
			sentences: doc.sentences.map((s) => wordIndex(s.text)),
			titles: new Map(),
			subject: new Map()
		};
		DOC_WORDS.set(doc, w);
	}
	return w;
}

/**
 * '"When I was 15 I asked my mom if I could act," _____ said.' in a story about Keanu Reeves, or
 * "Gerrard fired _____ into the last 16 … helping _____ to glory": the article's main subject blanked
 * as the speaker of its own words or twice in one sentence is known before the sentence is read.
 */
export function ownWordsBlank(ctx: Pick<Ctx, 'doc' | 'title'>, f: FactX, shown: string): boolean {
	const ans = f.answer;
	if (!ans || ans.items !== 1 || !isHandout(ctx.doc)) return false;
	if (!/^(?:person|organisation|place|thing)$/.test(ans.kind) || !mainSubject(ctx, ans.text))
		return false;
	if (shown.split(BLANK).length - 1 >= 2) return true;
	const quoted = /["“][^"”]{20,}["”]/.test(shown);
	const speaker =
		/["”],?\s+_____\s+(?:said|says|told|added|explained|insisted|admitted)\b|\b(?:said|says|told|added)\s+_____[.,]/.test(
			shown
		);
	return quoted && speaker;
}

/** Past forms with no "-ed": each stands only as a verb. */
const IRREGULAR_PAST = new Set(
	`went came made took gave got saw found became began led left lost won paid sold bought brought
	thought ran set put hit cut fell rose grew knew held kept met sent spent stood built drew drove
	fought flew forgot hung heard hid laid lay meant overtook quit rode rang shook shot shut sang sank
	sat slept spoke spun struck swore swam taught tore threw understood woke wore wrote withdrew
	underwent undertook upheld beat bore broke chose dealt fed felt forbade froze lent let lit
	mistook overcame overran sought slid split spread stole stuck stung strove swept swung wept`.split(
		/\s+/
	)
);

/** Common verbs in their plain form, which after a subject ("prices include", "they live") are finite. */
const PLAIN_VERBS = new Set(
	`include live make have want need show remain come go take get give see know think believe
	expect hope face plan work play run use help continue seem appear become feel mean allow offer
	provide cost sell buy pay lose win hold keep look lead tend stand vary range account agree
	fear suggest point follow contain require involve represent rise fall grow stay try ask
	call tell say put set start stop open close plan rely depend reach mark form own serve act move
	turn bring spend seek sit lie fail carry cover differ exist matter sound look compete struggle
	love like hate prefer deserve feature boast offer`.split(/\s+/)
);

/** Words before a noun in "-s" that keep it a noun ("512 megabytes", "a graphics card"). */
const BEFORE_NOUN =
	/^(?:a|an|the|of|and|or|with|for|to|in|on|at|by|from|its|their|his|her|our|your|this|that|these|those|more|most|many|some|several|few|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|all|both|each|other|new|old|top|high|low|big|small|large|extra|\d[\d.,]*)$/;

/**
 * Whether a token may be the sentence's finite verb: an auxiliary or a verb of speech, a word in
 * "-ed" or a past form, a plain verb or a word in "-s" after a word that can be its subject.
 */
function maybeVerb(tokens: Token[], i: number): boolean {
	const t = tokens[i] as Token;
	if (!t.word) return false;
	const w = t.lower;
	if (AUXILIARIES.has(w) || MODALS.has(w) || SPEECH_VERBS.has(w) || IRREGULAR_PAST.has(w))
		return true;
	// "co-created" is a verb; "Samsung-based" describes.
	if (/\p{L}{2}ed$/u.test(w) && !/^\p{L}*\p{Lu}\p{L}*-/u.test(t.text)) return true;
	if (/n['’]t$/.test(w)) return true;
	const prev = tokens[i - 1];
	if (!prev) return false;
	// "The giant, run by its founder, owns …": a verb may follow the comma that ends an aside.
	const subject = prev.word ? !BEFORE_NOUN.test(prev.lower) : /^[,)]$/.test(prev.text);
	if (PLAIN_VERBS.has(w) && subject) return true;
	return subject && !t.cap && /\p{L}[^su's]s$/u.test(w);
}

/**
 * Rule "verbless fragment": "A surprisingly good PC sporting a fast processor, 512 megabytes of
 * memory, a graphics card, a DVD writer and a large hard drive for just £499.": a long line of
 * three commas or more with no word that could be its finite verb and no quotation is a list of
 * parts, not a statement; no question is asked from it.
 */
export function verblessFragment(s: { text: string; tokens: Token[] }): boolean {
	// A team line is named as such where the deck is screened.
	if (nameList(s.text)) return false;
	const words = s.tokens.filter((t) => t.word || t.num).length;
	if (words < 15 || (s.text.match(/,/g) ?? []).length < 3) return false;
	if (/["“”]/.test(s.text)) return false;
	return !s.tokens.some((_, i) => maybeVerb(s.tokens, i));
}
