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
import type { Question, Span } from '../types';
import type { Token } from '../../nlp/text';
import {
	AUXILIARIES,
	CITIES,
	COUNTRY_BY_ALIAS,
	DEMONYMS,
	FIRST_NAMES,
	HONORIFICS,
	MONTHS,
	NUMBER_WORDS,
	ORG_WORDS,
	PLACE_WORDS,
	REGIONS,
	ROLE_HEADS,
	ROLE_NOUNS,
	SPEECH_VERBS,
	SCALE_WORDS,
	SENTENCE_STARTERS,
	STOPWORDS,
	THING_ACRONYMS,
	TIME_UNITS,
	TITLE_WORDS
} from '../../nlp/lexicon';
import type { RejectReason } from '../explain';
import { afterNaming, type FactX } from '../facts';
import { isHandout } from '../select';
import { orgType } from '../../nlp/kinds';
import { cachedRe, escapeRe, norm } from '../util';
import { speakerFullName } from './quote';
import {
	base,
	blanked,
	describes,
	GROUP_HINTS,
	HINTS,
	isSentence,
	personShown,
	rejectFor,
	ownStatement,
	speechGoesOn,
	textHas,
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
	'blank-in-quote',
	'first-person-unattributed'
]);

/** Words that join the parts of one name but never start or end it: "Corporation for Assigned Names". */
const INNER_JOINERS = /^(?:for|on|at|in|to|the|upon|under)$/;
/** "Spring", "Autumn": a season is a time without its year. */
/** Seasons and holidays: "Before _____" → Christmas asks the time of year, not a fact. */
const SEASONS =
	/^(?:spring|summer|autumn|fall|winter|christmas|easter|new year|hogmanay|halloween|thanksgiving|ramadan|diwali|hanukkah|passover)$/i;
/**
 * Nouns a name can qualify that many other names would fit as well: "a _____ library", "the 22-cap
 * _____ man", "a _____ spokesman", "former _____ international Tom Reyes".
 */
const GENERIC_HEADS = new Set([
	...ROLE_NOUNS,
	...'man woman men women people person side team club firm company group library school shop store hospital fan fans supporters source sources family families international internationals'.split(
		' '
	)
]);
/** A role or office as the whole answer: "MEP", "Tory MP". Other titles fit the blank as well. */
const ROLE_ANSWER = /^(?:mep|meps|mp|mps|msp|msps|am|ams|mla|mlas|ceo|cfo|coo|pm)$/i;
/** First and second person: outside quotation marks the shown sentence needs its speaker. */
const FIRST_PERSON = /^(?:i|me|my|mine|we|us|our|ours|you|your)$/;
/** A definite description of a person or a body named in another sentence. */
const DESCRIPTION_HEADS =
	/^(?:firm|company|group|club|side|team|paper|newspaper|bank|party|country|nation|city|player|striker|actor|actress|star|singer|band|minister|government|pair|duo|trio|couple|two|latter|former|airline|carmaker|retailer|giant|chain)$/;
/** Nouns for a person a sentence may point back to: "the skipper", "the England striker". */
const PERSON_HEADS = new Set([
	...ROLE_NOUNS,
	...'skipper veteran youngster teenager newcomer holder favourite challenger defending incumbent'.split(
		' '
	)
]);
/** "do that", "did so": the act is described in another sentence. */
const DO_THAT = /^(?:do|does|did|doing|done)$/;

/** Words that join the parts of one name: "Bank of England", "Rock and Roll", "T in the Park". */
const NAME_JOINERS = /^(?:of|and|&|de|du|da|del|der|van|von|la|le|el|y)$/;
/** Capitalised words that open a clause rather than continue a name. */
const CLAUSE_WORDS =
	/^(?:the|a|an|in|on|at|of|for|by|to|from|with|but|and|or|as|after|before|when|while|if|since|it|he|she|they|we|i|this|that|these|those|there|its|his|her|their|our|mr|mrs|ms|dr|sir)$/;
const VAGUE =
	/\b(?:several|some|many|few|dozens?|hundreds|thousands|millions|scores|numerous|a number)\b/i;
const PRONOUN = /^(?:it|its|they|them|their|this|these|those)$/;
/** Words for a person: a person must be named before them in the sentence. */
const PERSONAL = /^(?:he|she|him|his|her|hers|himself|herself)$/;
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
export function properName(text: string): boolean {
	const all = text.split(/\s+/);
	const ws = all.filter(
		(w, i) =>
			!NAME_JOINERS.test(w) &&
			!/^(?:the|a|an)$/i.test(w) &&
			!(i > 0 && i < all.length - 1 && INNER_JOINERS.test(w))
	);
	return ws.length > 0 && ws.every((w) => /^[\p{Lu}\d"'“‘]/u.test(w)) && !/^[A-Z]{2,}s$/.test(text);
}

/**
 * A capitalised word that names no one: a technology abbreviation ("SMS", "DVDs") or a group of
 * people ("Olympians", "Texans"). It has other right answers (texting, athletes), so it is no name
 * to blank or to hint as one, unless the article spells it out ("SMS (short message service)").
 */
export function genericName(doc: Doc, answer: string): boolean {
	if (/\s/.test(answer)) return false;
	const lower = answer.toLowerCase();
	const generic =
		THING_ACRONYMS.has(lower) ||
		THING_ACRONYMS.has(lower.replace(/s$/, '')) ||
		/^\p{Lu}\p{Ll}+(?:ians|eans|cans|ists|ites)$/u.test(answer);
	if (!generic) return false;
	const defined = doc.text.includes(`${answer} (`) || doc.text.includes(`(${answer})`);
	return !defined;
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

	// "his 24_____" → th career title, "Mc_____": the blank starts inside a word or a name written
	// on to it; no other flaw of the blank matters more.
	if (start > s.start && /[\p{L}\p{N}'’]/u.test(text[start - 1] ?? '') && prev?.end === start)
		return 'blank-cuts-name';
	const shape = shapeProblem(doc, f, named);
	if (shape) return shape;
	const unit = unitProblem(doc, f);
	if (unit) return unit;

	// What may be blanked at all: a lower-case phrase only when the article names or defines it as
	// a term ("known as the digital divide", a coined term in quotation marks). Another phrase,
	// even one the article repeats, has other right answers: a filler at most.
	if (ans.kind === 'thing' && f.kind !== 'definition' && !named && !afterNaming(s, ans.a)) {
		// A single paragraph has few facts: there a phrase whose head recurs may still be asked.
		if (!isHandout(doc)) {
			const words = ans.text.split(/\s+/);
			const head = (words[words.length - 1] as string).toLowerCase();
			const recurs = occurrences(doc, ans.text) >= 2 || (doc.wordCounts.get(head) ?? 0) >= 2;
			if (words.length < 2 || !recurs || describes(ans.text)) return 'blank-on-common-word';
		}
		// "liquefied _____" → natural gas: the term starts earlier than the blank.
		if (prev?.word && !prev.cap && !STOPWORDS.has(prev.lower)) return 'blank-splits-unit';
		if (isHandout(doc)) return 'blank-on-common-word';
	}
	if (VAGUE.test(ans.text) && !/\d/.test(ans.text)) return 'vague-answer';
	// "will be shown on _____ at 2000 GMT": which channel or which hour of broadcast is no fact of
	// the story an article tells.
	if (isHandout(doc) && broadcastDetail(text.slice(s.start, start), text.slice(end, s.end)))
		return 'trivial-detail';
	// In an article handed out as it is; a single paragraph, short of facts, may still ask it.
	if (ans.kind !== 'person' && isHandout(doc) && genericName(doc, ans.text))
		return 'blank-on-generic-name';
	if (ans.kind === 'date') {
		// "In _____, he quit" → January: which January? A date needs its year.
		const hasYear = /\b\d{4}s?\b|\b\d{2}s\b|centur/i.test(ans.text);
		const monthOnly = ans.text
			.toLowerCase()
			.split(/\s+/)
			.every((w) => MONTHS.includes(w) || /^(?:early|late|mid|last|next|this|in)$/.test(w));
		if (!hasYear && monthOnly) return 'date-without-anchor';
	}

	// "Lil' _____", "_____' Kim": a name written with an apostrophe goes on across it.
	if (/\p{Lu}\p{L}*[^s'’\s]['’] $/u.test(text.slice(Math.max(0, start - 12), start)))
		return 'blank-cuts-name';
	if (/^['’] \p{Lu}/u.test(text.slice(end, end + 3))) return 'blank-cuts-name';
	// "Footballers' _____" → Wives, "Supporters' _____" → Association: a one-word name after a
	// capitalised plural possessive is the end of a title, not a thing of its own.
	if (
		ans.kind !== 'person' &&
		!/\s/.test(ans.text.trim()) &&
		/\p{Lu}\p{Ll}+s['’] $/u.test(text.slice(Math.max(0, start - 24), start))
	)
		return 'blank-cuts-name';
	// "Billboard's _____ 100 chart", "BBC 6 _____": a name that goes on across a number.
	if (
		!/^(?:date|number|quantity|money|percent)$/.test(ans.kind) &&
		(/^ \d+\b(?![.,]\d)/.test(text.slice(end, end + 8)) ||
			/\p{Lu}[\p{L}]* \d+ $/u.test(text.slice(Math.max(0, start - 16), start)))
	)
		return 'blank-cuts-name';
	// "To be honest, I'm getting bored with ...": whose words? Kept only as a filler (a column in
	// the first person has little else).
	if (speechGoesOn(doc, s)) return 'first-person-unattributed';
	// The blank must be a whole unit: the whole name, the whole list.
	if (mention?.group !== undefined || (ans.items === 1 && listItem(text, start, end, s)))
		return 'blank-in-list';
	// "Characters like _____, Alex Ferguson and current manager Alex McLeish": the first of a list of
	// names, whatever words the last one carries.
	if (ans.items === 1 && named && LIST_FIRST.test(text.slice(end, s.end))) return 'blank-in-list';
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
		!DEMONYMS.has(prev.lower) &&
		!NATIONALITY_NOUN.test(prev.lower) &&
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

	// "a _____ library", "the 22-cap _____ man": a name qualifying a noun that other names fit.
	if (
		named &&
		next?.word &&
		!next.cap &&
		(/^(?:a|an)$/.test(prev?.lower ?? '') || GENERIC_HEADS.has(next.lower)) &&
		!/^(?:date|number|quantity|money|percent)$/.test(ans.kind)
	)
		return 'blank-generic-modifier';

	// "the _____ problem is well known", "the previously booming _____ housing market": a name
	// before a noun that heads the phrase, not a verb; any other name of its kind fits there. (A
	// single paragraph, read whole and short of facts, may still ask it.)
	if (
		named &&
		isHandout(doc) &&
		(/^(?:the|a|an)$/.test(prev?.lower ?? '') ||
			(ans.kind === 'place' &&
				!!prev?.word &&
				!prev.cap &&
				!STOPWORDS.has(prev.lower) &&
				/(?:ing|ed|ly)$/.test(prev.lower))) &&
		next?.word &&
		!next.cap &&
		!STOPWORDS.has(next.lower) &&
		!AUXILIARIES.has(next.lower) &&
		!SPEECH_VERBS.has(next.lower) &&
		!/(?:ed|s)$/.test(next.lower) &&
		!/^(?:today|yesterday|tomorrow|tonight|now|then|too|again|instead)$/.test(next.lower) &&
		!/^(?:date|number|quantity|money|percent)$/.test(ans.kind)
	)
		return 'blank-modifier';

	// A quotation's words are the speaker's, not facts: blank the term, not the filler.
	if (insideQuote(text, s.start, start)) {
		if (f.kind !== 'definition' && !(named && ans.kind !== 'thing')) return 'blank-in-quote';
		// A name inside a quotation nobody in the sentence is said to have spoken (a short phrase in
		// quotation marks is a term, not speech).
		const q = doc.quotes.find((x) => x.start <= start && end <= x.end + 1);
		const speech = !q || q.text.split(/\s+/).length > 4;
		if (f.kind !== 'definition' && speech && !attributed(doc, s)) return 'unattributed-quote';
	}

	// Every other word of the sentence must be readable without the one before it.
	const gap = referenceGap(doc, f.sentence, ans.a, ans.b);
	// A single paragraph is read whole before its questions: there only a bare pronoun with no name
	// before it in the sentence needs the sentence before.
	if (gap && (isHandout(doc) || gap === 'pronoun' || gap === 'act')) return 'unresolved-reference';
	if (unsureSubstitution(doc, f.sentence)) return 'unsure-reference';
	return null;
}

/**
 * Flaws of the answer's own shape: a possessive ("_____'s currency"), a role for an answer ("the
 * _____" → MEP), a season or a capitalised common word ("Fears that ...") for a name, two units in
 * one blank ("Ashok Shah of Operation Vote"), a figure that is really a name ("3ami").
 */
export function shapeProblem(doc: Doc, f: FactX, named: boolean): RejectReason | null {
	const ans = f.answer;
	if (!ans?.span) return null;
	const after = doc.text.slice(ans.span.end, ans.span.end + 3);
	if (/^['’]s\b/.test(after) || (/s$/.test(ans.text) && /^['’](?:\s|$)/.test(after)))
		return 'blank-possessive';
	const words = ans.text.split(/\s+/);
	const last = (words[words.length - 1] as string).toLowerCase();
	if (
		ROLE_ANSWER.test(last) ||
		(ans.kind !== 'person' && (ROLE_HEADS.has(last) || (!named && ROLE_NOUNS.has(last))))
	)
		return 'blank-on-title';
	if (SEASONS.test(ans.text.trim())) return 'date-without-anchor';
	// "Born into _____, about …", "AC/DC's _____ to Hell": a capitalised word joined by a small word
	// to another is part of a title, whatever kind of name the rest is.
	if (
		words.length === 1 &&
		!/^(?:person|place|organisation|date|number|money|percent|quantity)$/.test(ans.kind) &&
		(/^\s+(?:to|of|into|in|on|from|for|with|and|the)\s+(?:the\s+)?\p{Lu}/u.test(
			doc.text.slice(ans.span.end, ans.span.end + 20)
		) ||
			/\p{Lu}\p{Ll}+\s+(?:to|of|into|in|on|from|for|with|and|the)\s+$/u.test(
				doc.text.slice(Math.max(0, ans.span.start - 20), ans.span.start)
			))
	)
		return 'blank-cuts-name';
	// "outclass the _____" → Spaniard: a nationality stands for someone named elsewhere.
	if (
		words.length === 1 &&
		(DEMONYMS.has(ans.text.toLowerCase()) ||
			/^(?:spaniard|frenchman|frenchwoman|englishman|welshman|scotsman|irishman|dutchman|swede|dane|finn|pole|scot|brit|kiwi|aussie)s?$/i.test(
				ans.text
			))
	)
		return 'blank-on-description';
	// "_____ who looks at the economy says ..." → Everyone: a pronoun, capitalised as it opens a quote.
	if (words.length === 1 && /^(?:every|any|some|no)(?:one|body|thing)$/i.test(ans.text))
		return 'blank-on-common-word';
	// "Ashok Shah of Operation Vote": a person and a body; "Secretary of State": an office.
	if (
		/ of (?:the )?\p{Lu}/u.test(ans.text) &&
		(ans.kind === 'person' || FIRST_NAMES.has((words[0] as string).toLowerCase()))
	)
		return 'blank-two-units';
	// "entered _____ in 1987" → Parliament for Sheffield Brightside: a body and the place it is for
	// are two units ("Parliament" alone fits the blank).
	if (bodyForPlace(ans.text)) return 'blank-two-units';
	if (
		ans.kind !== 'person' &&
		ROLE_HEADS.has((words[0] as string).toLowerCase()) &&
		words[1] === 'of'
	)
		return 'blank-on-title';
	// "Melbourne, _____" → Australia: the place a named place lies in is general knowledge.
	if (
		/^(?:place|thing)$/.test(ans.kind) &&
		/\p{Lu}[\p{L}.'’-]*,\s*(?:north|south|east|west|northern|southern|eastern|western|central)?\s*$/u.test(
			doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start)
		) &&
		placeBefore(doc, f)
	)
		return 'trivial-detail';
	// "Fears that ...": a capitalised word at the start of its sentence that the text never writes
	// capitalised anywhere else is a common word, not a name.
	const s = doc.sentences[f.sentence];
	if (
		ans.kind === 'thing' &&
		words.length === 1 &&
		s &&
		ans.span.start <= (s.tokens[1]?.start ?? s.start) &&
		!capitalisedInside(doc.text, ans.text)
	)
		return 'blank-on-common-word';
	// "Ana Ruiz, _____, said": an age beside a name is a detail, not a fact of the story.
	if (
		/^\d{1,2}$/.test(ans.text) &&
		/\p{L},\s*$/u.test(doc.text.slice(ans.span.start - 3, ans.span.start)) &&
		/^\s*,/.test(after)
	)
		return 'trivial-detail';
	if (
		/^(?:quantity|number)$/.test(ans.kind) &&
		/^\d+[a-z]{2,}$/i.test(ans.text) &&
		!UNIT.test(ans.text)
	)
		return 'unsure-kind';
	return null;
}

/**
 * Rule body-for-place: the answer is a one-word body, then "for" and a town ("Parliament for
 * Sheffield Brightside"): the body and the seat are two units under one blank.
 */
export function bodyForPlace(answer: string): boolean {
	const m = /^\p{Lu}[\p{L}-]*\s+for\s+(\p{Lu}[\p{L}-]*)/u.exec(answer);
	// "Commission for Africa", "Minister for Europe": a body or an office for a country or a
	// region is one name; a town names a seat.
	return (
		!!m &&
		CITIES.has((m[1] as string).toLowerCase()) &&
		!REGIONS.has((m[1] as string).toLowerCase())
	);
}

/** Words after which a bare year is asked as a year: "in _____", "since _____", "by _____". */
const YEAR_PREPOSITIONS =
	/^(?:in|into|since|until|till|before|after|from|between|to|and|or|by|around|circa|c|early|late|mid|spring|summer|autumn|winter|christmas|easter)$/;

/**
 * Blanks that take part of a unit or have other fitting fillers:
 * - title-the: "The _____ leads the shortlist" → Aviator, where the text writes "The Aviator"
 *   capitalised inside a sentence: a title's "The" goes with it;
 * - half-range: "the last three or _____" → four years: the blank is one end of a range whose
 *   other end stays shown;
 * - year-in-phrase: "word of _____", "will start _____" → 2004: a bare year not after a time
 *   preposition stands where "the year" also fits.
 * Each reports the rule's name as its reason.
 */
export function unitProblem(doc: Doc, f: FactX): RejectReason | null {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.a < 0) return null;
	const prev = tok(s, ans.a - 1);
	const prev2 = tok(s, ans.a - 2);
	if (prev?.lower === 'the' && /^\p{Lu}/u.test(ans.text)) {
		if (textHas(doc, `[\\p{L}\\p{N},;(]\\s+The ${escapeRe(ans.text)}\\b`, 'u')) return 'title-the';
	}
	const figure = /^(?:number|quantity|money|percent|date)$/.test(ans.kind);
	const first = tok(s, ans.a);
	if (
		figure &&
		prev &&
		/^(?:or|to|and|-|–)$/.test(prev.lower) &&
		prev2 &&
		figureToken(prev2) &&
		// "expanded from 15 to 25": a change from one figure to another, each a fact; "11.9m and
		// 49.2%": two figures, a range only after "between".
		!(prev.lower === 'to' && tok(s, ans.a - 3)?.lower === 'from') &&
		!(prev.lower === 'and' && tok(s, ans.a - 3)?.lower !== 'between') &&
		!/^\d{4}$/.test(prev2.text ?? '') &&
		first &&
		figureToken(first)
	)
		return 'half-range';
	if (figure && periodEnd(doc, s, ans.span, ans.kind === 'date')) return 'half-range';
	if (
		ans.kind === 'date' &&
		/^\d{4}$/.test(ans.text) &&
		!(prev && (YEAR_PREPOSITIONS.test(prev.lower) || MONTHS.includes(prev.lower)))
	)
		return 'year-in-phrase';
	return null;
}

/** The other end of a period names a date: a year of four digits or a month. */
const DATE_END =
	/\b(?:1[5-9]|20)\d\d\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;

/** A verb that moves something from one date to another: each date is a fact of its own. */
const MOVED_FROM =
	/\b(?:postponed|moved|delayed|put back|pushed back|brought forward|switched|changed)\b/i;

/**
 * The blank is one end of a period or one of a pair told apart by "respectively": "date from
 * _____ to September 1957", "from September 1956 to _____", "between 2001 and _____", "have 12
 * and _____ players respectively". The other end stays shown, so the blank asks half a unit. A
 * date moved from one day to another ("postponed from March to June") is two facts.
 */
function periodEnd(
	doc: Doc,
	s: { start: number; end: number },
	span: Span,
	date: boolean
): boolean {
	const before = doc.text.slice(s.start, span.start);
	const after = doc.text.slice(span.end, s.end);
	if (date && !MOVED_FROM.test(before)) {
		const next = /^\s*(?:to|until|till|-|–)\s+(\S+(?:\s+\S+)?)/.exec(after);
		const other =
			(/\bfrom\s*$/i.test(before) && next?.[1]) ||
			/\bfrom\s+([^,;.]{1,30}?)\s+(?:to|until|till)\s*$/i.exec(before)?.[1] ||
			/\bbetween\s+([^,;.]{1,30}?)\s+and\s*$/i.exec(before)?.[1];
		if (other && DATE_END.test(other)) return true;
	}
	return (
		/\brespectively\b/i.test(doc.text.slice(s.start, s.end)) &&
		(/\d[\d.,%]*\s+and\s*$/.test(before) || /^\s*(?:[a-z]+\s+)?and\s+\d/.test(after))
	);
}

/** A place is named right before the answer's comma: "Malibu, _____". */
function placeBefore(doc: Doc, f: FactX): boolean {
	const start = f.answer?.span?.start ?? 0;
	return (doc.bySentence[f.sentence] ?? []).some((i) => {
		const m = doc.mentions[i] as Mention;
		return m.kind === 'place' && m.end <= start && start - m.end <= 12;
	});
}

/** Units a figure may carry in one token ("5m", "20km", "3bn", "10mph"). */
const UNIT =
	/^\d+(?:m|km|cm|mm|kg|g|mg|bn|mph|kph|ft|in|st|nd|rd|th|s|lb|lbs|oz|mw|gw|kw|gb|mb|tb|mbps|kbps|ghz|mhz)$/i;

/** Whether `word` stands capitalised somewhere other than the start of a sentence. */
export function capitalisedInside(text: string, word: string): boolean {
	return cachedRe(`[\\p{L}\\p{N},;]\\s+["“'‘]?${escapeRe(word)}\\b`, 'u').test(text);
}

/** The sentence names who spoke: a speech verb outside its quotation marks. */
function attributed(doc: Doc, s: Doc['sentences'][number]): boolean {
	return s.tokens.some(
		(t) => t.word && SPEECH_VERBS.has(t.lower) && !insideQuote(doc.text, s.start, t.start)
	);
}

/**
 * A word of the prompt that is a form of the answer: "Chinese" beside a blank for China, "Iraqi"
 * for Iraq, "Japanese" for Japan. The blank then tests nothing.
 */
export function derivedFormShown(prompt: string, answer: string): boolean {
	const words = (prompt.toLowerCase().match(/\p{L}[\p{L}-]*/gu) ?? []).map((w) => w);
	const shown = ` ${words.join(' ')} `;
	const country = COUNTRY_BY_ALIAS.get(answer.toLowerCase());
	if (country)
		for (const form of [...country.aliases, ...country.demonyms]) {
			const x = form.toLowerCase();
			if (x !== answer.toLowerCase() && shown.includes(` ${x} `)) return true;
		}
	for (const w of answer.split(/\s+/)) {
		const lw = w.toLowerCase();
		if (!/^\p{Lu}/u.test(w) || lw.length < 4 || ORG_WORDS.has(lw) || PLACE_WORDS.has(lw)) continue;
		const stem = lw.slice(0, Math.max(4, lw.length - 2));
		if (words.some((x) => x !== lw && x !== `${lw}s` && x.startsWith(stem) && x.length > lw.length))
			return true;
		// "the 2004 _____ … national Olympic bodies" → Olympics: the plural's own singular.
		if (lw.length > 5 && /[^s]s$/.test(lw) && words.includes(lw.slice(0, -1))) return true;
	}
	return false;
}

/**
 * A reference the reader wrote out that may be wrong: a short name taken out of a longer run of
 * capitalised words ("Star Trek" read as "Trek"), or "the firm" given to an organisation that is not
 * the one the article keeps returning to. Skipped rather than shown with a wrong name.
 */
export function unsureSubstitution(doc: Doc, index: number): boolean {
	const s = doc.sentences[index];
	if (!s) return false;
	for (const r of doc.references) {
		if (r.sentence !== index) continue;
		if (r.kind === 'short-name') {
			const b = s.tokens[r.tokenStart - 1];
			const a = s.tokens[r.tokenEnd];
			if ((b?.word && b.cap && !CLAUSE_WORDS.test(b.lower)) || (a?.word && a.cap)) return true;
		}
		if (r.kind === 'description' && r.entity >= 0 && !mainEntityOfKind(doc, r.entity)) return true;
	}
	return false;
}

/** The entity is named at least twice and more often than any other of its kind. */
function mainEntityOfKind(doc: Doc, id: number): boolean {
	const e = doc.entities[id];
	if (!e || e.mentions.length < 2) return false;
	return doc.entities.every(
		(o) => o.id === id || o.kind !== e.kind || o.mentions.length < e.mentions.length
	);
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
 * write out, with no name before it in the sentence: the shown sentence needs the one before. So do
 * "she" or "him" with no person named before them, "me" or "we" outside quotation marks, "the
 * pair" or "the firm" with nothing named before, and "do that".
 */
export function unresolvedReference(doc: Doc, index: number, a: number, b: number): boolean {
	return referenceGap(doc, index, a, b) !== null;
}

/** Which word of the sentence leans on another sentence, by its sort, or null. */
export function referenceGap(
	doc: Doc,
	index: number,
	a: number,
	b: number
): 'speaker' | 'act' | 'description' | 'person' | 'group' | 'pronoun' | null {
	const s = doc.sentences[index];
	if (!s) return null;
	const refs = doc.references.filter((r) => r.sentence === index);
	const mentions = (doc.bySentence[index] ?? []).map((i) => doc.mentions[i] as Mention);
	// The blank itself may be what a later word refers to: "_____ said she ...".
	const before = (t: Token, person: boolean) =>
		mentions.some((m) => m.end <= t.start && (person ? m.kind === 'person' : m.entity >= 0));
	for (let i = 0; i < s.tokens.length; i++) {
		if (i >= a && i < b) continue;
		const t = s.tokens[i] as Token;
		if (!t.word) continue;
		if (refs.some((r) => r.tokenStart <= i && i < r.tokenEnd)) continue;
		const quoted = insideQuote(doc.text, s.start, t.start);
		if (FIRST_PERSON.test(t.lower) && !(t.lower === 'us' && t.text === 'US')) {
			if (!quoted || !attributed(doc, s)) return 'speaker';
			continue;
		}
		if (quoted) continue;
		const nx = s.tokens[i + 1];
		if (DO_THAT.test(t.lower) && /^(?:that|so|this|it)$/.test(nx?.lower ?? '')) return 'act';
		// "the England skipper", "the striker" with no person named before: who is meant is said
		// in another sentence (not "the striker Tom Reyes").
		if (t.lower === 'the' && isHandout(doc)) {
			const j = nx?.cap && s.tokens[i + 2]?.word ? i + 2 : i + 1;
			const head = s.tokens[j];
			const then = s.tokens[j + 1];
			if (
				head?.word &&
				!head.cap &&
				PERSON_HEADS.has(head.lower) &&
				!(then?.cap && then.word) &&
				!before(t, true)
			)
				return 'person';
		}
		if (t.lower === 'the' && nx?.word && DESCRIPTION_HEADS.test(nx.lower)) {
			if (/^(?:former|latter)$/.test(nx.lower) && s.tokens[i + 2]?.word) continue;
			if (!before(t, false)) return 'description';
			continue;
		}
		if (PERSONAL.test(t.lower)) {
			// In a single paragraph "his" and "her" read as its subject's, as they did before.
			const handout = isHandout(doc);
			if (!handout && !/^(?:he|she|him)$/.test(t.lower)) continue;
			if (!before(t, handout)) return 'person';
			continue;
		}
		if (!PRONOUN.test(t.lower)) continue;
		if (/^(?:its|their)$/.test(t.lower) && !isHandout(doc)) continue;
		if (/^(?:this|these|those)$/.test(t.lower)) {
			// "swap these payments" mid-sentence: which ones is said in another sentence.
			if (t.lower !== 'this' && i > 0 && nx?.word && !nx.cap && !/^(?:days|years)$/.test(nx.lower))
				return 'group';
			if (nx && !POINTS_AWAY.test(nx.lower) && !AUXILIARIES.has(nx.lower)) continue;
		}
		// "It is", "it was unclear": expletive it at the start is the reader's to judge.
		const nameBefore = mentions.some((m) => m.entity >= 0 && m.end <= t.start);
		if (nameBefore && !/^(?:this|these|those)$/.test(t.lower)) continue;
		return 'pronoun';
	}
	return null;
}

/** The fact's answer follows a naming verb: "known as the Common Core", "called Summer Breeze". */
/** Offices of a country's head of state or government. */
const NATIONAL_OFFICE =
	/^(?:(?:vice[- ])?president|prime minister|premier|chancellor|king|queen)$/i;

/**
 * Rule national-leader: "US President _____", "Italian Prime Minister _____": the leader of a
 * country, named by the country and the office, is general knowledge more than the article's news.
 * Such a cloze ranks below others of its weight.
 */
export function nationalLeader(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || ans.kind !== 'person') return false;
	const before = doc.text.slice(Math.max(0, ans.span.start - 40), ans.span.start);
	const m = /(\p{L}+)\s+((?:vice[- ])?\p{L}+(?:\s+minister)?)\s+$/iu.exec(before);
	if (!m || !NATIONAL_OFFICE.test(m[2] as string)) return false;
	const country = (m[1] as string).toLowerCase();
	return DEMONYMS.has(country) || /^(?:us|uk|soviet)$/.test(country);
}

/**
 * Rule judged-in-quotes: "there was an “_____” in hiring" → absolute crisis: a phrase in lower
 * case set in quotation marks after "a" or "an" is someone's judgement of a case ("acute
 * shortage", "real crisis" fit as well), not a term the text names.
 */
export function judgedInQuotes(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || /\p{Lu}/u.test(ans.text)) return false;
	const before = doc.text.slice(Math.max(0, ans.span.start - 6), ans.span.start);
	return /\b(?:a|an)\s*["“'‘]$/i.test(before);
}

function named(doc: Doc, f: FactX): boolean {
	const s = doc.sentences[f.sentence];
	return !!s && !!f.answer && afterNaming(s, f.answer.a);
}

/** Units of measure: with its figure, one unit ("300 kilometres", "6,100 square miles"). */
const MEASURE =
	/^(?:square|cubic|sq|(?:kilo|centi|milli)?(?:metres?|meters?|grams?|litres?|liters?)|km|kms|miles?|feet|foot|ft|inches|inch|yards?|acres?|hectares?|tonnes?|tons?|kg|lbs?|pounds|ounces|degrees?|percent|mph|knots|watts?|megawatts?|volts?|bytes?|gigabytes?|barrels?|gallons?|points?)$/;

/** After the first name of a list: ", Alex Ferguson and", ", France, Cyprus, Israel and the". */
const LIST_FIRST =
	/^(?:,\s+(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}){1,8},?\s+(?:and|or)\s/u;

/**
 * "eight mile journey", "three main parties say": a figure leading a phrase that is no count of a
 * plural (see countOnly) has other right answers, and often runs into the next words.
 */
export function figurePhrase(text: string, kind: string): boolean {
	return /^(?:quantity|number)$/.test(kind) && text.trim().split(/\s+/).length >= 3;
}

/** The blank names a channel a programme is shown on, or the clock time it is shown at. */
export function broadcastDetail(before: string, after: string): boolean {
	return (
		/\b(?:shown|broadcast|aired|screened|televised|airs|broadcasts|screens)\s+(?:live\s+)?(?:on|by)\s+(?:the\s+)?$/i.test(
			before
		) || /^\s*(?:GMT|BST|CET|EST|ET|PT|local time)\b/.test(after)
	);
}

/** A token of a figure: digits ("4,000"), a number word ("three") or a scale ("million"). */
function figureToken(t: Token): boolean {
	return t.num || NUMBER_WORDS[t.lower] !== undefined || SCALE_WORDS[t.lower] !== undefined;
}

/**
 * "after getting three nominations", "involved seven nations", "37,000 files last year": a count
 * with its noun under one blank drags in words the fact does not need, and has other right answers
 * ("Oscar nominations"). The fact with its blank on the figure alone, the noun left in view; null
 * when the answer is no such count. A duration ("four years") is one unit and stays whole.
 */
export function countOnly(doc: Doc, f: FactX): FactX | null {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || !/^(?:quantity|number)$/.test(ans.kind)) return null;
	const toks = s.tokens.slice(ans.a, ans.b);
	let k = 0;
	while (k < toks.length && figureToken(toks[k] as Token)) k++;
	const first = toks[k];
	if (k === 0 || !first || !first.word || first.cap || STOPWORDS.has(first.lower)) return null;
	// "1.4 and 5.8", "300 square kilometres": a range or a measure is one unit.
	if (toks.slice(k).some(figureToken) || MEASURE.test(first.lower)) return null;
	if (k === toks.length - 1 && TIME_UNITS.has(first.lower)) return null;
	// "24 hour culture", "a 10 year plan": a figure that modifies a singular noun is no count; "two
	// main shareholders" counts its plural head.
	const head = (toks[toks.length - 1] as Token).lower;
	// "the estimated 150,000 dead": an adjective standing for people counts them too.
	if (!/[^s']s$|^(?:people|men|women|children)$/.test(head) && !PEOPLE_ADJECTIVES.test(head))
		return null;
	if (toks.slice(k).some((t) => !t.word || t.cap)) return null;
	const end = (toks[k - 1] as Token).end;
	const span = { start: ans.span.start, end };
	return { ...f, answer: { ...ans, text: doc.text.slice(span.start, end), span, b: ans.a + k } };
}

/** Adjectives that stand for the people they describe after a count: "150,000 dead". */
const PEOPLE_ADJECTIVES =
	/^(?:dead|injured|wounded|missing|homeless|unemployed|jobless|displaced|hurt|killed)$/;

/** A nationality noun: "Frenchman", "Scot", "Dutchwoman". */
const NATIONALITY_NOUN =
	/^(?:spaniard|frenchman|frenchwoman|englishman|englishwoman|welshman|welshwoman|scotsman|scotswoman|irishman|irishwoman|dutchman|dutchwoman|swede|dane|finn|pole|scot|brit|kiwi|aussie|briton|argentine|swiss)s?$/i;

/**
 * Rule descriptor-in-key: "meet Frenchman Arnaud Clement", "beat American Tom Reyes": a person's
 * nationality before the name is a description, not part of the name; the fact with its blank on
 * the name alone, the descriptor left in view. Null when the answer opens on no such word.
 */
export function nameOnly(doc: Doc, f: FactX): FactX | null {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.b - ans.a < 2) return null;
	const first = tok(s, ans.a);
	const rest = s.tokens.slice(ans.a + 1, ans.b);
	// "rose, The JSE said": a capital "The" before initials is the sentence's article.
	if (
		first?.text === 'The' &&
		ans.a > 0 &&
		rest.length === 1 &&
		/^\p{Lu}{2,}$/u.test(rest[0]?.text ?? '')
	)
		return narrowTo(doc, f, ans.a + 1);
	// "Madrid-based Ferrovial": where a body is based describes it; the name is what follows.
	if (
		first?.word &&
		/^\p{Lu}[\p{L}.']*-based$/u.test(first.text) &&
		rest.length > 0 &&
		rest.every((t) => t.word && t.cap)
	)
		return narrowTo(doc, f, ans.a + 1);
	const titled = titleEnd(s.tokens.slice(ans.a, ans.b), ans.kind);
	if (titled > 0) {
		// The name after an office is a person's, whatever the whole was read as.
		const g = narrowTo(doc, f, ans.a + titled);
		return g?.answer ? { ...g, answer: { ...g.answer, kind: 'person' } } : g;
	}
	if (!/^(?:person|thing)$/.test(ans.kind)) return null;
	if (!first?.word || !(NATIONALITY_NOUN.test(first.lower) || DEMONYMS.has(first.lower)))
		return null;
	if (!rest.every((t) => t.word && t.cap) || DEMONYMS.has(rest[0]?.lower ?? '')) return null;
	// A name read as a thing is a person's only with a first name and a surname.
	if (ans.kind === 'thing' && (rest.length !== 2 || !NATIONALITY_NOUN.test(first.lower)))
		return null;
	return narrowTo(doc, f, ans.a + 1);
}

/**
 * Rule descriptor-in-key, titles: "Monetary Affairs Commissioner Joaquin Almunia": an office
 * written before a person's name is a description; the index of the name's first word in the
 * answer's tokens, or 0 when no title opens the answer. A name read as a thing is a person's only
 * as a first name and a surname, none of them a word of a body's or a place's name ("General
 * Motors" keeps its first word).
 */
function titleEnd(toks: Token[], kind: string): number {
	if (!/^(?:person|thing|organisation)$/.test(kind)) return 0;
	for (let i = toks.length - 2; i >= 0; i--) {
		const t = toks[i] as Token;
		if (!t.word || !t.cap || !ROLE_HEADS.has(t.lower)) continue;
		const rest = toks.slice(i + 1);
		const plain = rest.every(
			(x) =>
				x.word &&
				x.cap &&
				!ROLE_HEADS.has(x.lower) &&
				!ORG_WORDS.has(x.lower) &&
				!PLACE_WORDS.has(x.lower)
		);
		// Every word before the title is capitalised too: one run, not "head of Commissioner".
		const lead = toks.slice(0, i).every((x) => x.word && x.cap);
		if (!plain || !lead) return 0;
		if (kind !== 'person' && rest.length !== 2) return 0;
		return i + 1;
	}
	return 0;
}

/** The fact with its answer starting at token `a` of its sentence. */
function narrowTo(doc: Doc, f: FactX, a: number): FactX | null {
	const ans = f.answer;
	const t = doc.sentences[f.sentence]?.tokens[a];
	if (!ans?.span || !t) return null;
	const span = { start: t.start, end: ans.span.end };
	return { ...f, answer: { ...ans, text: doc.text.slice(t.start, span.end), span, a } };
}

/**
 * "took three prizes - voted top animated movie, top film comedy and top sequel": the list right
 * after a count shows what it counts, so the count is given away.
 */
export function countListed(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || !/^(?:quantity|number)$/.test(ans.kind)) return false;
	const s = doc.sentences[f.sentence];
	const after = doc.text.slice(ans.span.end, s?.end ?? ans.span.end);
	if (/^(?:\s+[a-z]+){0,2}\s*(?:[-–—:])\s*[^.;]*,[^.;]*\band\b/.test(after)) return true;
	const listed = listedAfter(after);
	const value = figureValue(ans.text.split(/\s+/)[0] ?? '');
	if (listed > 0 && listed === value) return true;
	// "There are three breweries in Ukraine, in the cities of A, B and C": the names that end the
	// clause count the same things in other words.
	if (value >= 3 && namesEnding(after) === value) return true;
	// "fighting two lawsuits - one accusing it of … and another alleging …": the items told one by
	// one after the count are counted for the learner.
	return /^(?:\s+[a-z-]+){0,3}\s*[-–—:,(]\s*(?:the\s+)?(?:one|first)\b[^.;]*\b(?:another|the other|the second|the third|the last|one)\b/.test(
		after
	);
}

/** A name of up to three capitalised words. */
const LISTED_NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}`;
/** Names joined by commas and a last "and" or "or" that end a clause: "Chernigov, Nikolaev and Kharkov". */
const NAMES_AT_END = new RegExp(
	String.raw`(?:${LISTED_NAME},\s+)+${LISTED_NAME},?\s+(?:and|or)\s+${LISTED_NAME}\s*$`,
	'u'
);

/**
 * Rule count-listed, names: how many names the list that ends the count's clause gives, or 0 when
 * the clause ends on no list of three names or more.
 */
export function namesEnding(after: string): number {
	const clause = (after.split(/[;.!?]/)[0] ?? '').trimEnd();
	const m = NAMES_AT_END.exec(clause);
	return m ? m[0].split(/,\s*|\s+(?:and|or)\s+/).filter((x) => x.trim()).length : 0;
}

/**
 * Rule count-paired: "_____ men, both from Leek, were held" → Two: "both", "each of the two" or
 * "the pair" in the sentence tells the learner the count is two.
 */
export function countPaired(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || !/^(?:quantity|number)$/.test(ans.kind)) return false;
	if (figureValue(ans.text.split(/\s+/)[0] ?? '') !== 2) return false;
	const rest = doc.text.slice(s.start, ans.span.start) + ' ' + doc.text.slice(ans.span.end, s.end);
	return /\b(?:both|each of the two|the pair|the two of them)\b/i.test(rest);
}

/**
 * Rule name-cut-at-and: "students from the _____ and the Blind" → "Florida School for the Deaf":
 * a name with "the" inside it that goes on with "and the" and a capitalised word is one name
 * ("… for the Deaf and the Blind"); a blank on either part cuts it.
 */
export function nameCutAtAnd(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span) return false;
	const after = doc.text.slice(ans.span.end, ans.span.end + 40);
	const before = doc.text.slice(Math.max(0, ans.span.start - 80), ans.span.start);
	const goesOn =
		/\s\p{Ll}+\s+the\s+\p{Lu}\p{L}*$/u.test(ans.text) && /^\s+and\s+the\s+\p{Lu}/u.test(after);
	const wentOn = /\p{Lu}\p{L}*\s+\p{Ll}+\s+the\s+\p{Lu}\p{L}*\s+and\s+the\s+$/u.test(before);
	return goesOn || wentOn;
}

/** Words before a noun phrase: a determiner or a preposition. */
const PHRASE_OPENERS =
	/^(?:the|a|an|its|his|her|their|our|of|for|in|on|at|by|with|from|to|over|about|against|into|under|behind|among|between)$/;

/**
 * Rule adjective-key: "Liam Fox underlined _____ promises to cut tax" → Tory: a single capitalised
 * word of a party or a nation right before the lower-case noun it qualifies is an adjective, and
 * its synonyms ("Conservative") fit as well. Only where a determiner, a preposition or a verb in
 * the past opens the phrase, so that the word after the name is no verb of it.
 */
export function adjectiveKey(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.b - ans.a !== 1) return false;
	if (!/^(?:organisation|thing)$/.test(ans.kind)) return false;
	const key = tok(s, ans.a);
	const prev = tok(s, ans.a - 1);
	const next = tok(s, ans.b);
	if (!key?.word || !key.cap || /^\p{Lu}+$/u.test(key.text)) return false;
	if (!next?.word || next.cap || !next.space || !prev?.word || prev.cap) return false;
	if (STOPWORDS.has(next.lower) || AUXILIARIES.has(next.lower) || /(?:ed|ly)$/.test(next.lower))
		return false;
	// "against _____ last month": a word of time after the name qualifies the verb, not it.
	if (/^(?:last|next|this|earlier|later|ago|today|tonight|yesterday|tomorrow)$/.test(next.lower))
		return false;
	// "underlined _____ promises": after a verb in the past the name is its object, so the next
	// word is a noun even where it could be a verb ("promises"); "the _____ says" is a subject's.
	if (/ed$/.test(prev.lower) && !SPEECH_VERBS.has(prev.lower)) return true;
	return PHRASE_OPENERS.test(prev.lower) && !SPEECH_VERBS.has(next.lower);
}

/**
 * Rule count-listed: how many items the list that follows a count names ("won three awards in the
 * categories for racing, technical direction and best game" → 3), or 0 when the rest of the
 * sentence holds no list of three or more joined by "and" or "or".
 */
export function listedAfter(after: string): number {
	const clause = after.split(/[;.!?]/)[0] ?? '';
	const parts = clause.split(',');
	if (parts.length < 2 || clause.length > 160) return 0;
	const last = (parts[parts.length - 1] as string).trim();
	if (/^(?:and|or)\b/.test(last)) return parts.length;
	return /\s(?:and|or)\s/.test(last) ? parts.length + 1 : 0;
}

const FIGURE_AT =
	/(?:[$£€¥]\s?)?\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\b%?/gi;

/** The one or two words before a position in the text, lower case. */
function wordsBefore(text: string, at: number): string[] {
	return (
		text
			.slice(Math.max(0, at - 40), at)
			.toLowerCase()
			.match(/\p{L}+/gu) ?? []
	).slice(-2);
}

/** The shape of a figure's unit: "%", a currency sign, or none. */
function unitShape(x: string): string {
	return `${/^[$£€¥]/.exec(x)?.[0] ?? ''}${/%$/.test(x) ? '%' : ''}`;
}

/**
 * Rule parallel-figure: "paying _____ … which pays 5.25%", "one in six … and one in _____": a
 * figure of the same unit and of a near value, after the same words and counting the same thing,
 * stands elsewhere in the sentence, so the blank is a guess at a near twin of the shown figure.
 */
export function parallelFigure(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || !/^(?:quantity|number|money|percent)$/.test(ans.kind)) return false;
	const mine = wordsBefore(doc.text, ans.span.start);
	const unit = unitShape(ans.text);
	// A short word ("by", "to", "in") alone is no parallel: "rose by 5%, while costs fell by 2%".
	const stem = (w: string | undefined) => (w && w.length >= 3 ? w.slice(0, 3) : undefined);
	for (const m of doc.text.slice(s.start, s.end).matchAll(FIGURE_AT)) {
		const at = s.start + (m.index ?? 0);
		if (at < ans.span.end && at + m[0].length > ans.span.start) continue;
		if (unitShape(m[0]) !== unit) continue;
		const theirs = wordsBefore(doc.text, at);
		const two = mine.length === 2 && mine.join(' ') === theirs.join(' ');
		const one = stem(mine[mine.length - 1]);
		if (!two && !(one && one === stem(theirs[theirs.length - 1]))) continue;
		if (near(ans.text, m[0]) && sameCounted(doc.text, ans.span.start, at)) return true;
	}
	return false;
}

/** A figure's value: digits, or a small number word. */
function figureValue(x: string): number {
	const w = x.toLowerCase().replace(/[^\p{L}\d.]/gu, '');
	const n = NUMBER_WORDS[w];
	return n !== undefined ? Number(n) : Number(w.replace(/[^\d.]/g, ''));
}

/** Two figures within a factor of two and a half: a guess between them is close. */
function near(a: string, b: string): boolean {
	const x = figureValue(a);
	const y = figureValue(b);
	return x > 0 && y > 0 && Math.max(x, y) / Math.min(x, y) <= 2.5;
}

/** "250 screens … _____ cinemas": figures that count different things are no twins. */
function sameCounted(text: string, startA: number, startB: number): boolean {
	const next = (at: number) =>
		/^\S+\s+(?:(?:hundred|thousand|million|billion)\s+)?(\p{Ll}+s)\b/u.exec(
			text.slice(at, at + 40)
		)?.[1];
	const a = next(startA);
	const b = next(startB);
	return !a || !b || a.slice(0, 4) === b.slice(0, 4);
}

/** Words before one example of a kind: "services like the _____", "firms such as _____". */
const EXAMPLE_BEFORE = /\b(?:like|such as|including)\s+(?:the\s+)?$/i;
/** "like" as a verb or a comparison, not "for example": "would like _____", "looks like _____". */
const LIKE_VERB =
	/\b(?:would|'d|’d|not|to|i|we|you|they|look|looks|looked|looking|feel|feels|felt|seem|seems|seemed|sound|sounds|sounded|just)\s+like\s+(?:the\s+)?$/i;

/**
 * Rule example-of: "frontline services like the _____ and schools" → NHS, "companies such as
 * _____" → Google: the blank is one example of a kind the sentence names, and other members of
 * the kind fit as well. Figures are left alone ("includes _____ in fines").
 */
export function exampleBlank(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || /^(?:date|number|quantity|money|percent)$/.test(ans.kind)) return false;
	const before = doc.text.slice(Math.max(s.start, ans.span.start - 40), ans.span.start);
	return EXAMPLE_BEFORE.test(before) && !LIKE_VERB.test(before);
}

/** The office of a head of state or government, capitalised as a title. */
const BARE_OFFICE =
	/(?:^|[^\p{L}\s'’-]\s*|(?:^|\s)\p{Ll}[\p{L}-]*\s+)(?:(?:Vice[- ])?President|Prime Minister|Premier|Chancellor)\s+$/u;

/**
 * Rule bare-leader: "President _____ was getting help during debates" → Bush, "Chancellor _____
 * has said" → Gordon Brown: an office of a head of state or government with no country or body
 * before it names the leader everyone knows, so general knowledge fills the blank.
 * ("Sony President _____" names a body; "US President _____" is rule national-leader.)
 */
export function bareLeader(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || !/^(?:person|thing)$/.test(ans.kind)) return false;
	if (!/^\p{Lu}/u.test(ans.text)) return false;
	return BARE_OFFICE.test(doc.text.slice(s.start, ans.span.start));
}

/** Every written form of a country, capitalised: "Britain", "UK", "British". */
let countryForms: RegExp | undefined;
function countryFormRe(): RegExp {
	if (countryForms) return countryForms;
	const forms = [...COUNTRY_BY_ALIAS.keys(), ...DEMONYMS.keys()]
		.filter((w) => w.length > 1)
		.sort((a, b) => b.length - a.length)
		.map(escapeRe);
	countryForms = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
	return countryForms;
}

interface CountryMention {
	country: string;
	start: number;
	end: number;
}

const countryCache = new WeakMap<Doc, CountryMention[]>();

/** The countries the text names, by any form, in order (one pass per document). */
function countryMentions(doc: Doc): CountryMention[] {
	const hit = countryCache.get(doc);
	if (hit) return hit;
	const out: CountryMention[] = [];
	for (const m of doc.text.matchAll(countryFormRe())) {
		const w = m[0];
		// "us" the pronoun; only a capitalised form names a country.
		if (!/^\p{Lu}/u.test(w) || (w.toLowerCase() === 'us' && w !== 'US')) continue;
		const info = COUNTRY_BY_ALIAS.get(w.toLowerCase()) ?? DEMONYMS.get(w.toLowerCase());
		if (info) out.push({ country: info.name, start: m.index ?? 0, end: (m.index ?? 0) + w.length });
	}
	countryCache.set(doc, out);
	return out;
}

/**
 * Rule home-country: "applications processed outside the _____" → UK, "Tony Blair said _____ was
 * in danger" → Britain: the blank is the country the article names more often than any other, and
 * its sentence names no other country, so the country the story is set in fills it without the
 * article.
 */
export function homeCountry(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.items !== 1) return false;
	const mine = COUNTRY_BY_ALIAS.get(ans.text.replace(/^the\s+/i, '').toLowerCase())?.name;
	if (!mine) return false;
	const counts = new Map<string, number>();
	let other = false;
	for (const m of countryMentions(doc)) {
		counts.set(m.country, (counts.get(m.country) ?? 0) + 1);
		const inSentence = m.start >= s.start && m.end <= s.end;
		const isAnswer = m.start < ans.span.end && m.end > ans.span.start;
		if (inSentence && !isAnswer && m.country !== mine) other = true;
	}
	if (other) return false;
	const n = counts.get(mine) ?? 0;
	return [...counts].every(([c, k]) => c === mine || k < n);
}

/** Words of a league's or a competition's name. */
const LEAGUE =
	/(?:League|Premiership|Championship|Division|Conference|Cup|Liga|Serie A|Bundesliga)$/;

/**
 * Rule league-place: "lying in second place in the _____" → Premiership, "top of the _____": a
 * team's place in a table is asked, and the table is the league the sport's readers know.
 */
export function leaguePlace(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || !LEAGUE.test(ans.text)) return false;
	const before = doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start);
	return /\b(?:place|spot|position|top|bottom|foot)\s+(?:in|of)\s+the\s+$/i.test(before);
}

/**
 * Rule event-year: "the arrival of the millennium in _____" → 1999: the year is fixed by the event
 * the sentence names, not by the article.
 */
export function eventYear(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.kind !== 'date' || !/^(?:1999|2000)$/.test(ans.text.trim()))
		return false;
	return /\bmillenni(?:um|a)\b/i.test(s.text);
}

/** Verbs and phrases of reporting with the outlet as their source. */
const SOURCED_BEFORE =
	/\b(?:according to|exclusively to|exclusively told|interview with|reported by|quoted by|quoted in)\s+(?:the\s+)?$/i;
const SOURCED_AFTER =
	/^\s*(?:has\s+|have\s+|had\s+)?(?:reported|reports|quoted|quotes|understands|understood|learned|learnt|revealed)\b/;

/**
 * Rule news-source: "Parry, speaking exclusively to _____" → BBC Sport, "according to the _____"
 * → Financial Times, "_____ quoted sources as saying" → Reuters: the outlet that reported the story
 * is how the article knows it, not a fact of the story. (An outlet that "said" a thing may be the
 * story's actor, a broadcaster dropping a show, and is left alone.)
 */
export function newsSource(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || orgType(ans.text, '') !== 'media') return false;
	const before = doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start);
	const after = doc.text.slice(ans.span.end, ans.span.end + 30);
	return SOURCED_BEFORE.test(before) || SOURCED_AFTER.test(after);
}

/**
 * Rule side-name: "seen in a bar called _____" → Underground, "a dog named _____": a place or an
 * animal brought into the story in passing ("a …") and then named is a side detail.
 */
export function sideName(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span) return false;
	const before = doc.text.slice(Math.max(0, ans.span.start - 40), ans.span.start);
	return /\b(?:a|an)\s+(?:bar|pub|restaurant|nightclub|club|cafe|café|hotel|dog|cat|horse|boat|yacht|shop)\s+(?:called|named)\s+(?:the\s+)?["“'‘]?$/i.test(
		before
	);
}

/** Numbers a range's other end opens with. */
const RANGE_END =
	/^\s*(?:to|-|–|—)\s*(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred)\b)/i;

/**
 * Rule range-half: "a sentence of _____ to four years" → 16 months: the blank is one end of a
 * range whose other end stays in view, and a guess near it is as right as the key.
 */
export function rangeHalf(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || !/^(?:number|quantity|money|percent|date)$/.test(ans.kind)) return false;
	return RANGE_END.test(doc.text.slice(ans.span.end, ans.span.end + 20));
}

/** Participles that make a compound modifier of the words before them: "World Cup winning". */
const COMPOUND_AFTER =
	/^(?:\s+(?:winning|based|born|style|related)|-(?:winning|based|born|led|backed|owned|run|funded|made|bound|style|related|listed|educated|trained|controlled|sponsored|nominated|inspired))\s+(?!(?:the|a|an|his|her|its|their|by|in|on|at|to|of|and|or|for|with|from)\b)\p{Ll}/u;

/**
 * Rule compound-cut: "the 31-year-old _____ winning scrum-half" → World Cup: the blank is cut
 * out of a compound modifier, so the answer is a fragment of a description.
 */
export function compoundCut(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || ans.kind === 'person') return false;
	return COMPOUND_AFTER.test(doc.text.slice(ans.span.end, ans.span.end + 16));
}

/**
 * Rule pair-half: "the rift between _____ and Brown camps" → Blair: one of two surnames joined by
 * "and", "-" or "/" in one noun phrase; the pair is known as a pair, so the half in view gives
 * the other away. (A surname that runs on into another name is left alone.)
 */
export function pairHalf(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans?.span || ans.kind !== 'person' || /\s/.test(ans.text.trim())) return false;
	const after = doc.text.slice(ans.span.end, ans.span.end + 30);
	const before = doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start);
	const next = /^(?:\s+and\s+|\s*[-–/]\s*)\p{Lu}[\p{Ll}'’]+(?:'s|’s)?\s+(\p{Ll}+)/u.exec(after);
	if (
		next?.[1] &&
		!/^(?:and|or|said|says|was|were|is|are|has|have|had|will|would|who)$/.test(next[1])
	)
		return true;
	return (
		/(?:^|[^\p{L}]\p{Ll}+\s+)\p{Lu}[\p{Ll}'’]+(?:\s+and\s+|\s*[-–/]\s*)$/u.test(before) &&
		/^(?:'s|’s)?\s+(?:camps?|era|years|government|governments|partnership|relationship|rivalry|axis|feud|duo|show|team|administration|alliance|split)\b/.test(
			after
		)
	);
}

const lowerWritten = new WeakMap<Doc, Set<string>>();
/** The words the article writes in lower case somewhere. */
function writtenLower(doc: Doc): Set<string> {
	let set = lowerWritten.get(doc);
	if (set) return set;
	set = new Set();
	for (const s of doc.sentences) for (const t of s.tokens) if (t.word && !t.cap) set.add(t.text);
	lowerWritten.set(doc, set);
	return set;
}

/**
 * Rule opening-common-noun: "_____ are very concerned about RFID tags" → Consumers: a common
 * noun capitalised only because it opens the sentence (the article writes it, or its singular, in
 * lower case elsewhere); other nouns fit the blank as well.
 */
export function openingCommonNoun(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.kind !== 'thing' || ans.span.start !== s.start) return false;
	const w = ans.text.trim();
	if (!/^\p{Lu}\p{Ll}+$/u.test(w)) return false;
	const low = w.toLowerCase();
	return (
		writtenLower(doc).has(low) || (/[^s]s$/.test(low) && writtenLower(doc).has(low.slice(0, -1)))
	);
}

/** Why general knowledge or the sentence's frame fills the blank, by the rule's name, or null. */
export function triviaBlank(doc: Doc, f: FactX): { reason: RejectReason; rule: string } | null {
	if (newsSource(doc, f)) return { reason: 'news-source', rule: 'news-source' };
	if (exampleBlank(doc, f)) return { reason: 'blank-on-example', rule: 'example-of' };
	if (sideName(doc, f)) return { reason: 'side-name', rule: 'side-name' };
	if (bareLeader(doc, f)) return { reason: 'known-without-article', rule: 'bare-leader' };
	if (homeCountry(doc, f)) return { reason: 'known-without-article', rule: 'home-country' };
	if (leaguePlace(doc, f)) return { reason: 'known-without-article', rule: 'league-place' };
	if (eventYear(doc, f)) return { reason: 'known-without-article', rule: 'event-year' };
	if (rangeHalf(doc, f)) return { reason: 'blank-shows-answer', rule: 'range-half' };
	if (compoundCut(doc, f)) return { reason: 'blank-modifier', rule: 'compound-cut' };
	if (pairHalf(doc, f)) return { reason: 'blank-shows-answer', rule: 'pair-half' };
	if (openingCommonNoun(doc, f))
		return { reason: 'blank-on-common-word', rule: 'opening-common-noun' };
	return null;
}

export const clozeBuilder: Builder = {
	type: 'cloze',
	serves: ownStatement,
	build(ctx, whole, view) {
		if (countListed(ctx.doc, whole))
			return rejectWhy(ctx, whole, 'blank-shows-answer', 'count-listed');
		if (countPaired(ctx.doc, whole))
			return rejectWhy(ctx, whole, 'blank-shows-answer', 'count-paired');
		if (parallelFigure(ctx.doc, whole))
			return rejectWhy(ctx, whole, 'blank-shows-answer', 'parallel-figure');
		// The blank on a count's figure alone, the noun left in view.
		const narrow = countOnly(ctx.doc, whole) ?? nameOnly(ctx.doc, whole);
		const f = narrow ?? whole;
		if (
			!narrow &&
			whole.answer &&
			isHandout(ctx.doc) &&
			figurePhrase(whole.answer.text, whole.answer.kind)
		)
			return rejectFor(ctx, whole, 'cloze', 'blank-on-description');
		const ans = f.answer;
		if (!ans) return [];
		if (nameCutAtAnd(ctx.doc, f)) return rejectWhy(ctx, f, 'blank-cuts-name', 'name-cut-at-and');
		// In an article only: a single paragraph, short of facts, keeps its party and nation blanks.
		if (isHandout(ctx.doc) && adjectiveKey(ctx.doc, f))
			return rejectWhy(ctx, f, 'blank-modifier', 'adjective-key');
		// "Special Envoy _____" over two names: one name per blank.
		if (ans.items > 1 && ans.kind === 'person') return rejectFor(ctx, f, 'cloze', 'list-answer');
		if (
			ans.kind === 'thing' &&
			(describes(ans.text) || judgedInQuotes(ctx.doc, f)) &&
			(f.kind !== 'definition' || !named(ctx.doc, f))
		)
			return rejectFor(ctx, f, 'cloze', 'blank-on-description');
		// Judged as the article wrote it, then with the blank on the figure alone.
		const problem = clozeProblem(ctx, whole) ?? (narrow ? clozeProblem(ctx, narrow) : null);
		// A soft flaw keeps the question only as a filler for a deck short of good ones.
		if (problem && !SOFT.has(problem)) return rejectFor(ctx, f, 'cloze', problem);
		const figure = isHandout(ctx.doc) ? figureOfSpeech(ctx.doc, f) : null;
		if (figure) return rejectWhy(ctx, f, 'blank-on-common-word', figure);
		if (problem) rejectFor(ctx, f, 'cloze', problem);
		const cloze = narrow ? blanked(ctx.doc, f) : view.cloze();
		if (!isSentence(cloze)) return rejectFor(ctx, f, 'cloze', cloze as RejectReason);
		// "Dick Clark's publicist _____ said ... Clark": a word of the name left in view.
		if (ans.kind === 'person' && givesPartAway(cloze, ans.text))
			return rejectFor(ctx, f, 'cloze', 'blank-shows-answer');
		// "the show Bethan and Huw … _____" → Huw Stephens: a word of the name standing alone.
		if (isHandout(ctx.doc) && nameWordShown(cloze, ans.text))
			return rejectWhy(ctx, f, 'blank-shows-answer', 'name-word-shown');
		// "_____'s currency ... Chinese export prices": a form of the answer left in view.
		if (derivedFormShown(cloze, ans.text)) return rejectFor(ctx, f, 'cloze', 'derived-form-shown');
		const hint = clozeHint(ctx.doc, f);
		// "countries such as _____" → Zimbabwe and Burma: a list blanked whole has other right
		// answers and asks for several things at once; an article asks it only as a filler.
		const listInArticle = ans.items > 1 && isHandout(ctx.doc);
		if (listInArticle) rejectFor(ctx, f, 'cloze', 'list-answer');
		const trivial = mainSubjectBlank(ctx, f);
		if (trivial) rejectFor(ctx, f, 'cloze', 'blank-on-main-subject');
		const known = nationalLeader(ctx.doc, f);
		if (known) rejectFor(ctx, f, 'cloze', 'trivial-detail');
		// "according to the _____", "services like the _____", "President _____": kept only as a
		// filler for a deck short of others.
		const guessed = isHandout(ctx.doc) ? triviaBlank(ctx.doc, f) : null;
		if (guessed) rejectWhy(ctx, f, guessed.reason, guessed.rule);
		const q: Question = {
			...base(f, 'cloze'),
			type: 'cloze',
			prompt: cloze,
			answer: ans.text,
			answerSpan: ans.span,
			kind: ans.kind,
			hint,
			score: 0
		};
		// "The _____ has had success" → group: a common word that others fill as well comes after
		// every other question, and only into a deck short of them.
		const common = commonBlank(ctx.doc, q);
		if (common) rejectWhy(ctx, f, 'blank-on-common-word', 'common-blank');
		return [
			{
				q,
				// A leader the learner knows already ranks lower, but stays when the news is theirs.
				form: known ? 0.3 : 0.75,
				fact: f,
				fallback: !!problem || listInArticle || trivial || common || !!guessed
			}
		];
	}
};

/** A cloze left out for `reason`, the rule that found it named in the detail. */
function rejectWhy(ctx: Ctx, f: FactX, reason: RejectReason, rule: string): [] {
	ctx.reject({ factId: f.id, type: 'cloze', reason, detail: `${f.answer?.text ?? ''} (${rule})` });
	return [];
}

/**
 * A lower-case phrase is a key term of an article only when it has two words or more and the
 * article uses it twice ("carbon trading"); a single common noun ("the _____" → band) or a phrase
 * used once has other right answers (see quality.ts, rule common-blank).
 */
export function repeatedTerm(doc: Doc, answer: string): boolean {
	return /\s/.test(answer.trim()) && occurrences(doc, answer) >= 2;
}

/** Words after which a name stands for a kind of thing: "be a _____", "this year's _____". */
const LIKENED = /^(?:a|an|another)$/;
const LIKENED_BEFORE =
	/\b(?:be|is|was|are|were|become|becomes|became|being|been)\s+(?:(?:this|last|next)\s+(?:year|season|week|month)['’]s|the\s+new)\s+$/i;

/**
 * Rule class-noun: "ample chance to be a _____" → Wookie, "won an _____" → Oscar: a name after "a"
 * or "an" (the phrase ends with it) is one of a kind, which other names fit as well.
 * Rule likened-name: "likely to be this year's _____", "could be the new _____": a name the
 * sentence likens something to is a figure of speech, not a fact.
 */
export function figureOfSpeech(doc: Doc, f: FactX): 'class-noun' | 'likened-name' | null {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.a < 1 || !properName(ans.text)) return null;
	if (/^(?:date|number|quantity|money|percent)$/.test(ans.kind)) return null;
	const next = tok(s, ans.b);
	const ends = !next?.word || next.cap || STOPWORDS.has(next.lower) || AUXILIARIES.has(next.lower);
	if (!ends) return null;
	if (LIKENED.test(tok(s, ans.a - 1)?.lower ?? '')) return 'class-noun';
	return LIKENED_BEFORE.test(doc.text.slice(s.start, ans.span.start)) ? 'likened-name' : null;
}

/** A capitalised word with nothing capitalised on either side: no part of another name. */
function standsAlone(words: string[], i: number): boolean {
	// "Meet The Fockers": a capitalised small word inside a title is part of the name.
	const cap = (w: string | undefined, at: number) =>
		!!w && /^\p{Lu}/u.test(w) && (at > 0 || !STOPWORDS.has(w.toLowerCase()));
	return !(i > 0 && cap(words[i - 1], i - 1)) && !cap(words[i + 1], i + 1);
}

/**
 * Rule name-word-shown: a word of the answer's name (three letters or more, not a word many names
 * share) stands alone elsewhere in the prompt: "the show Bethan and Huw" for Huw Stephens, "_____
 * biopic Ray" for Ray Charles. Another name that shares the word ("Real Madrid" for Real Betis) is
 * no give-away.
 */
export function nameWordShown(prompt: string, answer: string): boolean {
	const shown =
		prompt
			.split('_____')
			.join(' , ')
			.match(/[\p{L}\d][\p{L}\d'’-]*|[^\s\p{L}\d]+/gu) ?? [];
	const bare = shown.map((w) => w.replace(/['’]s$/, ''));
	const parts = answer
		.split(/\s+/)
		.map((w) => w.replace(/['’]s$/, ''))
		.filter(
			(w) =>
				/^\p{Lu}/u.test(w) &&
				w.replace(/[^\p{L}]/gu, '').length >= 3 &&
				!STOPWORDS.has(w.toLowerCase()) &&
				!ORG_WORDS.has(w.toLowerCase()) &&
				!PLACE_WORDS.has(w.toLowerCase())
		);
	return bare.some((w, i) => parts.includes(w) && standsAlone(bare, i));
}

/** The article's title: the one given, else a heading before the first sentence. */
function titleOf(ctx: Pick<Ctx, 'doc' | 'title'>): string {
	if (ctx.title) return ctx.title;
	const h = ctx.doc.headings[0];
	const s = ctx.doc.sentences[0];
	return h && s && h.start < s.start ? h.title : '';
}

/**
 * "_____ refused to commit his long-term future to the club." under the title "Ronaldo considering
 * new contract": the blank is the name the title gives as the article's subject, in a sentence
 * that holds no figure, date or place of its own, so the answer is guessed from the title alone.
 * Kept only as a filler in an article.
 */
export function mainSubjectBlank(ctx: Pick<Ctx, 'doc' | 'title'>, f: FactX): boolean {
	const { doc } = ctx;
	const ans = f.answer;
	if (!ans?.span || !isHandout(doc) || ans.items !== 1) return false;
	if (!/^(?:person|organisation|place|thing)$/.test(ans.kind) || !properName(ans.text))
		return false;
	const titleWords = new Set(
		titleOf(ctx)
			.toLowerCase()
			.match(/[\p{L}\d]+/gu) ?? []
	);
	const last = (ans.text.toLowerCase().match(/[\p{L}\d]+/gu) ?? []).pop();
	if (!last || !titleWords.has(last)) return false;
	const { start, end } = ans.span;
	const specific = (doc.bySentence[f.sentence] ?? []).some((i) => {
		const m = doc.mentions[i] as Mention;
		return (
			/^(?:date|number|quantity|money|percent|place)$/.test(m.kind) &&
			!m.relative &&
			(m.end <= start || m.start >= end)
		);
	});
	return !specific;
}

/** The last word of a competition's or a prize's name. */
const COMPETITION =
	/\b(?:League|Cup|Championships?|Open|Games|Trophy|Prize|Awards?|Olympics|Series|Tour)$/;

/** The last word of an event's name. */
const EVENT_NAME =
	/\s\p{Lu}[\p{L}'’-]*\s+(?:Forum|Show|Festival|Fair|Market|Conference|Summit|Awards|Games|Championships?|Cup|Open|Expo|Week)$|^\p{Lu}[\p{L}'’-]*\s+(?:Forum|Show|Festival|Fair|Conference|Summit|Awards|Games|Championships?|Cup|Open|Expo|Week)$/u;

/** Words that set an event's name in time or place: "at the", "this year's", "the annual". */
const EVENT_BEFORE =
	/(?:\b(?:at|during|before|after|ahead of|since)\s+(?:the|this year's|last year's|next year's|the annual)|\b(?:annual|year's|month's|week's|\d{4}|\d+(?:st|nd|rd|th))|\bthe\s+(?:\d{4}|annual|\d+(?:st|nd|rd|th)))\s+$/i;

/**
 * Rule name-hint: "the _____ format" → AAC: a one-word name right before a lower-case noun may
 * name a format, a product or a body; the reader is unsure of its kind, so the hint is "a name".
 */
function modifiesNoun(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.b - ans.a !== 1) return false;
	const next = tok(s, ans.b);
	return (
		!!next?.word &&
		!next.cap &&
		next.space &&
		!STOPWORDS.has(next.lower) &&
		!AUXILIARIES.has(next.lower) &&
		!SPEECH_VERBS.has(next.lower) &&
		!/(?:ed|s|ly)$/.test(next.lower) &&
		!ORG_WORDS.has(next.lower)
	);
}

/** Words a sports report is full of: a city's name there may stand for its club. */
const SPORT_WORDS =
	/\b(?:match|matches|goals?|striker|midfielder|defender|goalkeeper|manager|coach|league|premiership|fixture|kick-off|semi-final|quarter-final|final whistle|try|tries|wicket|innings|squad|season|title race|relegation|promotion)\b/gi;
const sportCache = new WeakMap<Doc, boolean>();

/** Whether the article reads as a sports report (computed once per document). */
function sporty(doc: Doc): boolean {
	let v = sportCache.get(doc);
	if (v === undefined) {
		v = (doc.text.match(SPORT_WORDS)?.length ?? 0) >= 3;
		sportCache.set(doc, v);
	}
	return v;
}

/** Words right before a name that say what it is: "the airline _____", "the film _____". */
const KIND_BEFORE: [RegExp, string][] = [
	[/\b(?:film|movie|feature film)\s+["“'‘]?$/i, 'a film'],
	[/\b(?:programme|sitcom|soap|series|drama|documentary)\s+["“'‘]?$/i, 'a programme'],
	[/\b(?:book|novel|memoir|autobiography)\s+["“'‘]?$/i, 'a book'],
	[/\b(?:newspaper|paper|tabloid|daily)\s+["“'‘]?$/i, 'a newspaper'],
	[/\bparty\s+$/i, 'a political party'],
	[
		/\b(?:firm|company|airline|carrier|retailer|carmaker|bank|lender|insurer|chain|manufacturer|conglomerate)\s+$/i,
		'a company'
	],
	[/\b(?:club|side)\s+$/i, 'a club']
];

/** Words right before a name that say it is a body, not a person: "Japanese rival _____". */
const BODY_BEFORE =
	/\b(?:rivals?|partners?|owners?|sponsors?|suitors?|parent|subsidiary|competitors?|group|studio|label|network|exchange|operator|brand|giant|maker|outfit|team|side|club|champions|holders|hosts|opponents|broadcaster|watchdog|regulator|agency|body)\s+$/i;

/** A club named by the words around it: "joined _____", "_____ manager", "_____ have". */
const CLUB_BEFORE =
	/\b(?:joined|joining|join|signed for|sign for|moved to|move to|loan at|loan to|loan from|play for|played for|playing for|captain of|supporters of|fans of|time at)\s+$/i;
const CLUB_AFTER =
	/^(?:'s|’s)?\s+(?:manager|boss|coach|striker|midfielder|defender|goalkeeper|captain|chairman|supporters|fans|squad|have|are|were|'ve)\b/i;
/** An opponent named: "beat _____", "against _____": a team's or a player's, so only a place's name or a team's. */
const OPPONENT_BEFORE =
	/\b(?:beat|beaten|beating|against|draw with|drew with|lost to|defeat to|defeat by|win over|victory over)\s+$/i;
const OPPONENT_AFTER = /^\s+(?:beat|drew|lost|won)\b/i;
/** A place named by a preposition of place: "in _____", "near _____". */
const IN_PLACE = /\b(?:in|near|outside|across|around|throughout)\s+(?:the\s+)?$/i;
/** "from _____", "the city of _____": a city named as a place. */
const CITY_BEFORE = /\b(?:from|city of|town of|capital,?)\s+$/i;
/** "the Times", "Daily Mirror", "Washington Post": a newspaper's name. */
const NEWSPAPER =
	/^(?:the\s+)?(?:[\p{Lu}][\p{L}'’-]*\s+)*(?:Times|Post|Telegraph|Guardian|Herald|Gazette|Tribune|Mirror|Observer|Journal|Chronicle)$/u;
/** A lower-case noun after a name that makes it a thing's name: "the Network Computing event". */
const NAMES_A_THING =
	/^\s+(?:event|conference|show|software|product|service|format|system|platform|scheme|project|report|browser|player|device|console|phone|chip|programme)\b/i;
/** Words of a company's name that a product's, a lab's or a body's may hold as well. */
const WEAK_COMPANY =
	/\b(?:media|labs?|systems|software|technologies|electronics|energy|oil|gas|records|studios|pictures|films|communications|telecom|capital|partners|securities|industries|group|player|computing)\b/i;
/** Words near a name that make it a company's. */
const COMPANY_CUE =
	/\b(?:firm|company|companies|retailer|maker|makers|shares|shareholders|profits?|chief executive|takeover|merger|bid|sales|revenue|brand|giant)\b/i;

/** Words near a name that make it a body other than a firm. */
const NOT_A_FIRM =
	/\b(?:lobby|pressure group|trade body|association|campaign|charity|union|an? (?:group|network|body|community|coalition|alliance|organisation|scheme|programme) of)\b/i;

/** Words of a public body's name that a company's would not hold. */
const PUBLIC_NAME =
	/\b(?:Development|Central|Reserve|Federal|National|Challenge|Investment|World|Public|International|European|Asian|African|Islamic)\b/;
const BROADCASTER = /^(?:BBC|ITV|CNN|Sky|Channel 4|Channel Five|Five|Al-Jazeera|Al Jazeera)$/;

/**
 * Rule sure-hint: the hint beside the blank names the answer's kind only when the sentence and the
 * article leave no doubt of it, and then as closely as they allow: "a club" ("beat _____",
 * "_____ manager"), "a company" ("the airline _____"), "a political party", "a newspaper", "a
 * film" ("the film _____"), "a city" or "a country" (known names, not in a sports report where
 * the name may stand for a team), "a person", "a year", "a month". An unsure kind gets no hint
 * (an empty string): a plain blank is better than "a name", and never a hint the sentence
 * contradicts ("a person" for "Japanese rival All Nippon", "a place" for "expected of Madrid").
 */
export function clozeHint(doc: Doc, f: FactX): string {
	const ans = f.answer;
	if (!ans) return '';
	const text = ans.text.trim();
	const start = ans.span?.start ?? -1;
	const end = ans.span?.end ?? -1;
	const before = start >= 0 ? doc.text.slice(Math.max(0, start - 40), start) : '';
	const after = end >= 0 ? doc.text.slice(end, end + 40) : '';
	if (ans.items > 1) return ans.kind === 'person' ? (GROUP_HINTS.person ?? '') : '';
	const figure = figureHint(ans.kind, text);
	if (figure !== null) return figure;
	if (ans.kind === 'role' || ans.kind === 'statement') return HINTS[ans.kind];
	if (ans.kind !== 'person' && genericName(doc, text)) return '';
	// "at the Consumer Electronics Show": an event; "will host the World Social Forum": unsure.
	if (EVENT_NAME.test(text)) return EVENT_BEFORE.test(before.slice(-30)) ? 'an event' : '';
	if ((ans.kind === 'thing' && !properName(text)) || openingPhrase(doc, f)) return '';
	// "CD:_____" → UK: a name glued to the word before it is part of a longer title.
	if (/[^\s"“'‘(]$/.test(before)) return '';
	for (const [re, hint] of KIND_BEFORE) if (re.test(before)) return hint;
	const country = COUNTRY_BY_ALIAS.has(text.toLowerCase());
	if (sporty(doc) && teamName(doc, f)) {
		const placeOrTeam = country || CITIES.has(text.toLowerCase()) || orgType(text, '') === 'team';
		if (
			CLUB_BEFORE.test(before) ||
			CLUB_AFTER.test(after) ||
			(placeOrTeam && (OPPONENT_BEFORE.test(before) || OPPONENT_AFTER.test(after)))
		)
			return country ? 'a team' : 'a club';
	}
	// "Sun's quarterly Network Computing event": the name of a thing a body holds.
	if (NAMES_A_THING.test(after)) return '';
	if (BODY_BEFORE.test(before)) return '';
	const e = ans.entity >= 0 ? doc.entities[ans.entity] : undefined;
	if (ans.kind === 'person')
		return personShown(doc, ans.entity) || personCue(doc, f) ? HINTS.person : '';
	if (ans.kind === 'thing') return strictPersonCue(doc, f) ? HINTS.person : workHint(doc, text);
	if (ans.kind === 'place') return placeHint(doc, text, before, country);
	if (ans.kind === 'organisation') {
		if (modifiesNoun(doc, f) || COMPETITION.test(text)) return '';
		return orgHint(doc, text, e?.orgType, `${before} ${after}`);
	}
	return '';
}

/**
 * Whether a name in a sports report may be a team's: not a person's ("beat Tim Henman"), nor a
 * body's with a word of one ("League Managers Association").
 */
function teamName(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	if (!ans || ans.kind === 'person' || personShown(doc, ans.entity)) return false;
	const words = ans.text.split(/\s+/);
	if (words.length > 1 && FIRST_NAMES.has((words[0] ?? '').toLowerCase())) return false;
	const type = orgType(ans.text, '');
	return (
		type === 'team' || (type === 'other' && !words.some((w) => ORG_WORDS.has(w.toLowerCase())))
	);
}

/** The hint of a figure or a date, or null for a name. */
function figureHint(kind: string, text: string): string | null {
	const words = text.toLowerCase().split(/\s+/);
	// "three", "two million": number words are a number.
	const spelled = words.every((w) => NUMBER_WORDS[w] !== undefined || SCALE_WORDS[w] !== undefined);
	if (kind === 'date') {
		if (/^(?:in\s+)?\d{4}$/.test(text)) return 'a year';
		if (MONTHS.includes(text.toLowerCase())) return 'a month';
		return HINTS.date;
	}
	if (kind === 'number' && /\p{L}/u.test(text)) return spelled ? HINTS.number : HINTS.quantity;
	if (kind === 'quantity') {
		// A count's figure alone (see countOnly): "three", "4,000".
		if (spelled || /^\d[\d,.]*$/.test(text)) return HINTS.number;
		// "24 hour culture": a phrase a figure opens is no quantity.
		if (words.length > 2) return '';
		return HINTS.quantity;
	}
	if (kind === 'number' || kind === 'money' || kind === 'percent') return HINTS[kind];
	return null;
}

/** "the South African President _____", "Dr _____": a title only a person holds. */
function strictPersonCue(doc: Doc, f: FactX): boolean {
	const s = doc.sentences[f.sentence];
	const ans = f.answer;
	if (!ans || !s || ans.items > 1 || !personCue(doc, f)) return false;
	const prev = tok(s, ans.a - 1)?.lower ?? '';
	return ROLE_BEFORE.test(prev) || ROLE_HEADS.has(prev);
}

/** "The Aviator" → "a film" where the article calls it one ("the film The Aviator"). */
function workHint(doc: Doc, text: string): string {
	const name = escapeRe(text);
	const re = cachedRe(
		`\\b(?:film|movie)\\s+["“'‘]?${name}\\b|\\b${name}["”'’]?,?\\s+(?:is\\s+a\\s+|was\\s+a\\s+)?(?:the\\s+)?(?:film|movie)\\b`,
		'i'
	);
	return re.test(doc.text) ? 'a film' : '';
}

/** "a city", "a country" for a known name; unsure in a sports report unless "in _____". */
function placeHint(doc: Doc, text: string, before: string, country: boolean): string {
	const lower = text.toLowerCase();
	if (sporty(doc) && !IN_PLACE.test(before)) return '';
	if (country) return 'a country';
	// The list of cities holds the regions too ("Africa", "California"): a region is "a place".
	if (REGIONS.has(lower)) return HINTS.place;
	// "allow Westminster to legislate", "Beijing said": a city's name may stand for a government.
	if (CITIES.has(lower) && (IN_PLACE.test(before) || CITY_BEFORE.test(before))) return 'a city';
	return '';
}

/** A body's hint from its type: "a political party", "a company", "a newspaper" ... */
function orgHint(doc: Doc, text: string, type: string | undefined, near: string): string {
	const t = type ?? orgType(text, '');
	// "the GLA" near the word "party": only a name that says it is a party's.
	if (t === 'party')
		return orgType(text, '') === 'party' ? 'a political party' : HINTS.organisation;
	if (t === 'team') return sporty(doc) ? 'a club' : '';
	// "Inter-American Development Bank", "Millennium Challenge Corporation": public bodies.
	if (t === 'company') {
		// "business lobby group the CBI", "_____, a group of programmers": a body, unsure which.
		if (NOT_A_FIRM.test(near)) return '';
		if (PUBLIC_NAME.test(text) || /^Group of\b/.test(text)) return HINTS.organisation;
		// "Windows Media Player", "MIT Media Labs Europe": a weak word alone makes no company.
		const strong = orgType(text.replace(WEAK_COMPANY, ' '), '') === 'company';
		return strong || COMPANY_CUE.test(near) ? 'a company' : '';
	}
	if (t === 'media') {
		if (NEWSPAPER.test(text)) return 'a newspaper';
		return BROADCASTER.test(text) ? 'a broadcaster' : HINTS.organisation;
	}
	if (t === 'other') return '';
	return HINTS.organisation;
}

/**
 * Rule opening-phrase: "_____ are very concerned about tags in shops" → Consumers, "_____ say
 * regulators could force a sale" → Analysts: a phrase capitalised only because it opens the
 * sentence, each of its words written in lower case elsewhere in the article or a common
 * function word, and none capitalised inside a sentence. Its hint is "a word or phrase", not "a
 * name".
 */
export function openingPhrase(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s) return false;
	// Only quotation marks may stand before it in the sentence.
	if (s.tokens.slice(0, ans.a).some((t) => t.word)) return false;
	const words = ans.text.split(/\s+/);
	return words.every((w) => {
		const lower = w.toLowerCase();
		if (!/^\p{L}[\p{L}'’-]*$/u.test(w) || /\p{Lu}/u.test(w.slice(1))) return false;
		// Capitalised inside a sentence ("at Bank of Leeds"), not after a heading's line break.
		if (
			w !== lower &&
			cachedRe(`[\\p{L}\\p{N},;][ \\t]+["“'‘]?${escapeRe(w)}\\b`, 'u').test(doc.text)
		)
			return false;
		return (
			STOPWORDS.has(lower) ||
			SENTENCE_STARTERS.has(lower) ||
			cachedRe(`(?<![\\p{L}'’-])${escapeRe(lower)}(?![\\p{L}'’-])`, 'u').test(doc.text)
		);
	});
}

/** An office or a role right before a name: "President _____", "co-star _____", "DJ _____". */
const ROLE_BEFORE = /^(?:dj|co-star|mr|mrs|ms|dr|sir|lord|lady|dame)$/;

/**
 * Rule person-hint: the sentence shows the blank is a person, though the reader could not tell
 * from the name: "_____, who recorded …" (a name read as a person's), "South African President
 * _____" (any name). Two capitalised words
 * or more with no word of a body's or a place's name; the hint says "a person", not "a name".
 */
export function personCue(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s) return false;
	const words = ans.text.split(/\s+/);
	const plain = words.every(
		(w) =>
			/^\p{Lu}\p{Ll}/u.test(w) &&
			!ORG_WORDS.has(w.toLowerCase()) &&
			!PLACE_WORDS.has(w.toLowerCase())
	);
	if (words.length < 2 || words.length > 3 || !plain) return false;
	// "the studio _____, who …": a body may take "who" too; only a name read as a person's.
	const who = /^\s*,?\s+who\b/.test(doc.text.slice(ans.span.end, ans.span.end + 8));
	if (who && ans.kind === 'person') return true;
	const prev = tok(s, ans.a - 1)?.lower ?? '';
	return ROLE_HEADS.has(prev) || ROLE_NOUNS.has(prev) || ROLE_BEFORE.test(prev);
}

/**
 * A capitalised word of the answer (four letters or more) still shown elsewhere in the prompt: a
 * person's surname or first name left in view.
 */
/**
 * "met by _____" → Scott: a cloze (or a short answer) on a person's surname is keyed to the name as the article gives
 * it in full ("Andy Scott", which reads as well in the blank; the surname alone is still accepted
 * when typed), its span the full name's. Applied to the final deck, after the rules that read the
 * words around the blank.
 */
export function withFullName(doc: Doc, q: Question): Question {
	// "Who insisted …? Bennett": a short answer too is keyed to the name in full ("Phil Bennett").
	const named = q.type === 'cloze' || q.type === 'short-answer';
	if (!named || q.kind !== 'person' || /\s/.test(q.answer.trim())) return q;
	const full = speakerFullName(doc, { text: q.answer } as NonNullable<FactX['answer']>);
	if (!full?.span || !norm(full.text).endsWith(` ${norm(q.answer)}`)) return q;
	if (givesPartAway(q.prompt, full.text)) return q;
	return { ...q, answer: full.text, answerSpan: full.span };
}

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

/** Words that name a term: "known as _____", "called _____". */
const NAMING_BEFORE =
	/\b(?:called|named|nicknamed|dubbed|termed|titled|entitled|known as|referred to as|described as)\s+(?:the\s+|an?\s+)?["“'‘]?$/i;

/**
 * Rule common-blank: a cloze in an article on a lower-case word or phrase that is no key term
 * ("leave the _____" → band, "this year's _____" → must-have): other words fill it as well. A
 * phrase of two words or more the article uses twice, or a term the sentence names ("known as
 * _____"), is a key term. Such a blank is kept only while the deck is short of others (it is
 * given a chance of being handed out far below the floor; the weight is set, not fitted).
 */
export function commonBlank(doc: Doc, q: Question): boolean {
	if (q.type !== 'cloze' || !/^\p{Ll}/u.test(q.answer) || !q.answerSpan || !isHandout(doc))
		return false;
	if (/^(?:number|quantity|money|percent|date)$/.test(q.kind) || /\d/.test(q.answer)) return false;
	if (repeatedTerm(doc, q.answer)) return false;
	return !NAMING_BEFORE.test(
		doc.text.slice(Math.max(0, q.answerSpan.start - 30), q.answerSpan.start)
	);
}
