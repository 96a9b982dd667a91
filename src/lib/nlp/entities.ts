/**
 * Rules that find dates, numbers, names, roles and quotes in laid-out sentences.
 * News prose is regular enough that a handful of patterns does better than a general tagger:
 * titles before names ("Special Envoy Steve Witkoff"), honorifics ("Mr Abbas"), appositions
 * ("Jared Kushner, Donald Trump's son-in-law") and speech verbs ("..., Macron said").
 */
import {
	AUXILIARIES,
	CITIES,
	IRREGULAR_VERBS,
	COUNTRY_BY_ALIAS,
	CURRENCY_SYMBOLS,
	CURRENCY_WORDS,
	DEMONYMS,
	FIRST_NAMES,
	HONORIFICS,
	MONTHS,
	MONTH_ABBR,
	MULTIWORD_PLACES,
	NUMBER_WORDS,
	ORG_BY_ALIAS,
	ORG_END_WORDS,
	ORG_WORDS,
	PERSON_NOUNS,
	PLACE_WORDS,
	RELATION_NOUNS,
	ROLE_HEADS,
	ROLE_NOUNS,
	SCALE_WORDS,
	SENTENCE_STARTERS,
	SPEECH_VERBS,
	STOPWORDS,
	THING_ACRONYMS,
	TIME_UNITS,
	TITLE_WORDS,
	WEEKDAYS
} from './lexicon';
import { findReferences, fitQuoteGender } from './coref';
import { typeEntities } from './kinds';
import { nounPhrases, type Phrase } from './phrases';
import type { SentenceInfo, Token } from './text';
import type { Doc, Entity, Mention, MentionKind, Quote, RoleFact } from './types';

const CONNECTORS = new Set([
	'of',
	'de',
	'du',
	'da',
	'di',
	'del',
	'van',
	'von',
	'der',
	'den',
	'la',
	'le',
	'al',
	'bin',
	'el',
	'&',
	'upon'
]);
const ROLE_MODIFIERS = new Set([
	'former',
	'late',
	'acting',
	'outgoing',
	'incoming',
	'interim',
	'deputy',
	'then',
	'ex',
	'new'
]);
const PRONOUNS = new Set(['he', 'she', 'they']);
const NOT_NAMES = new Set([
	'i',
	'western',
	'eastern',
	'northern',
	'southern',
	'mr',
	'mrs',
	'ms',
	'god',
	'internet',
	'web',
	'tv',
	'pm',
	'am',
	'european',
	'african',
	'asian',
	'arab',
	'christian',
	'muslim',
	'jewish',
	'catholic',
	'latin'
]);

const monthIndex = (t: Token | undefined): number => {
	if (!t || !t.cap) return -1;
	const l = t.lower.replace(/\.$/, '');
	const i = MONTHS.indexOf(l);
	if (i >= 0) return i;
	return MONTH_ABBR[l] ?? -1;
};
const isYear = (t: Token | undefined): boolean =>
	!!t && t.num && /^\d{4}$/.test(t.text) && +t.text >= 1500 && +t.text <= 2100;
const isDay = (t: Token | undefined): boolean =>
	!!t && t.num && /^\d{1,2}$/.test(t.text) && +t.text >= 1 && +t.text <= 31;
const isOrdSuffix = (t: Token | undefined): boolean =>
	!!t && !t.space && /^(st|nd|rd|th)$/.test(t.lower);

function parseNum(s: string): number {
	return Number(s.replace(/,/g, ''));
}

interface Found {
	kind: MentionKind;
	a: number;
	b: number;
	value?: number;
	relative?: boolean;
}

/** One pattern of dates or figures: what it finds at token `i`, or null to try the next. */
type NumericRule = (toks: Token[], i: number) => Found | null;

/** Weekdays: "on Tuesday", "Tuesday, 6 January". A bare weekday is placed only by the day of writing. */
const weekday: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	if (!t.cap || !WEEKDAYS.includes(t.lower)) return null;
	let b = i + 1;
	if (toks[b]?.text === ',' && isDay(toks[b + 1]) && monthIndex(toks[b + 2]) >= 0) b += 3;
	return { kind: 'date', a: i, b, relative: b === i + 1 };
};

/** Day ranges: "10-12 June". */
const dayRange: NumericRule = (toks, i) => {
	if (
		!isDay(toks[i]) ||
		!/^[-–]$/.test(toks[i + 1]?.text ?? '') ||
		!isDay(toks[i + 2]) ||
		monthIndex(toks[i + 3]) < 0
	)
		return null;
	let b = i + 4;
	if (isYear(toks[b])) b++;
	return { kind: 'date', a: i, b };
};

/** Day Month (Year): "31 December 2004", "1st of May". */
const dayMonth: NumericRule = (toks, i) => {
	if (!isDay(toks[i])) return null;
	let j = i + 1;
	if (isOrdSuffix(toks[j])) j++;
	if (toks[j]?.lower === 'of') j++;
	if (monthIndex(toks[j]) < 0) return null;
	let b = j + 1;
	if (isYear(toks[b])) b++;
	else if (toks[b]?.text === ',' && isYear(toks[b + 1])) b += 2;
	return { kind: 'date', a: i, b };
};

/** Month (Day)(, Year) or Month Year; "May" and "March" alone only after a word of time. */
const monthDate: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	if (monthIndex(t) < 0) return null;
	const isMay = t.lower === 'may' || t.lower === 'march';
	let b = i + 1;
	if (isDay(toks[b])) {
		b++;
		if (isOrdSuffix(toks[b])) b++;
		if (toks[b]?.text === ',' && isYear(toks[b + 1])) b += 2;
		else if (isYear(toks[b])) b++;
	} else if (isYear(toks[b])) b++;
	const dated = b > i + 1;
	const cue =
		!!prev &&
		/^(in|since|by|until|till|from|last|next|early|late|mid|of|this|during|before|after|between|and|to|through)$/.test(
			prev.lower
		);
	// "Ard Jan Vetham", "Jan Smit": an undated month between two capitalised words, or an undated
	// short form ("Jan") beside one, is part of a name.
	if (!dated) {
		const next = toks[i + 1];
		const capBefore = !!prev && prev.cap && prev.word && !cue;
		const capAfter = !!next && next.cap && next.word && monthIndex(next) < 0;
		const short = !MONTHS.includes(t.lower.replace(/\.$/, ''));
		if ((capBefore && capAfter) || (short && (capBefore || capAfter))) return null;
	}
	return dated || (!isMay && (cue || i > 0)) || (isMay && cue) ? { kind: 'date', a: i, b } : null;
};

const ORDINAL_WORD =
	/^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)$/;

/** Centuries: "the 19th century", "the sixteenth century", "mid-18th century". */
const century: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	let j = i;
	if (t.num && /^\d{1,2}$/.test(t.text) && isOrdSuffix(toks[i + 1])) j = i + 2;
	else if (t.word && ORDINAL_WORD.test(t.lower)) j = i + 1;
	if (j === i || !/^(century|centuries|millennium)$/.test(toks[j]?.lower ?? '')) return null;
	const a = prev && /^(early|mid|late)$/.test(prev.lower) ? i - 1 : i;
	return { kind: 'date', a, b: j + 1 };
};

/** Year ranges: "1973–74", "1973-1974". */
const yearRange: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const dash = toks[i + 1];
	const end = toks[i + 2];
	if (!isYear(t) || !dash || !/^[–-]$/.test(dash.text) || dash.space) return null;
	if (!end?.num || !/^\d{2}(\d{2})?$/.test(end.text)) return null;
	return { kind: 'date', a: i, b: i + 3, value: +t.text };
};

/** Years and decades: "2004", "the 1990s"; "1500m" is a distance and "$2004" a sum. */
const yearOrDecade: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	const nx = toks[i + 1];
	const unitGlued = !!nx && !nx.space && nx.word && nx.lower !== 's';
	if (!isYear(t) || (prev && CURRENCY_SYMBOLS.has(prev.text)) || unitGlued) return null;
	if (nx && !nx.space && nx.lower === 's') return { kind: 'date', a: i, b: i + 2, value: +t.text };
	if (nx && (nx.text === '%' || PERCENT_NEXT.has(nx.lower))) return null;
	return { kind: 'date', a: i, b: i + 1, value: +t.text };
};

const BIG_SCALES = ['million', 'billion', 'trillion', 'thousand', 'hundred'];

/** Money with a symbol: "$1m", "US$3", "£82.7m", "$12 billion". */
const symbolMoney: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	const numTok = toks[i + 1];
	if (!CURRENCY_SYMBOLS.has(t.text) || !numTok?.num) return null;
	const a = prev && !t.space && prev.cap && /^(us|a|c|hk|nz)$/.test(prev.lower) ? i - 1 : i;
	let value = parseNum(numTok.text);
	let b = i + 2;
	const sc = toks[b];
	if (sc && SCALE_WORDS[sc.lower] !== undefined && (sc.word || !sc.space)) {
		if (!sc.space || BIG_SCALES.includes(sc.lower)) {
			value *= SCALE_WORDS[sc.lower] as number;
			b++;
		}
	}
	return { kind: 'money', a, b, value };
};

/** "several thousand", "a few hundred": vague but countable. */
const vagueCount: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const nx = toks[i + 1];
	if (!t.word || !/^(several|few|many)$/.test(t.lower) || !nx) return null;
	if (
		!['hundred', 'thousand', 'million', 'billion', 'hundreds', 'thousands', 'millions'].includes(
			nx.lower
		)
	)
		return null;
	return {
		kind: 'number',
		a: i,
		b: i + 2,
		value: 3 * (SCALE_WORDS[nx.lower.replace(/s$/, '')] ?? 1)
	};
};

/** A number that is part of something else: a time or score, a model name, odds, "Channel 4". */
function numberInName(toks: Token[], i: number): boolean {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	const nx = toks[i + 1];
	if (!t.num) return false;
	if (nx?.text === ':' && toks[i + 2]?.num) return true;
	if (!t.space && prev?.text === '-' && !prev.space && toks[i - 2]?.cap) return true;
	if ((prev?.text === '/' && !t.space) || (nx?.text === '/' && !nx.space)) return true;
	if (
		prev &&
		prev.cap &&
		prev.word &&
		!MONTHS.includes(prev.lower) &&
		!CURRENCY_SYMBOLS.has(prev.text)
	)
		return true;
	// "25-minute": an adjective.
	return !!nx && !nx.space && /^[-–]$/.test(nx.text);
}

/** A plain number or number word with its scale, and what follows: %, a currency, a noun. */
const plainNumber: NumericRule = (toks, i) => {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	const wordNum = t.word ? NUMBER_WORDS[t.lower] : undefined;
	if (!(t.num || (wordNum !== undefined && t.lower !== 'one' && t.lower !== 'zero'))) return null;
	if (numberInName(toks, i)) return null;
	let a = i;
	let value = t.num ? parseNum(t.text) : (wordNum as number);
	if (prev && (prev.lower === 'several' || prev.lower === 'a') && !t.num) a = i - 1;
	let b = i + 1;
	let sc = toks[b];
	while (sc && SCALE_WORDS[sc.lower] !== undefined && (sc.word || !sc.space)) {
		if (sc.space && !BIG_SCALES.includes(sc.lower)) break;
		value *= SCALE_WORDS[sc.lower] as number;
		b++;
		sc = toks[b];
	}
	if (t.word && b === i + 1 && value === 100 && prev?.lower === 'a') a = i - 1;
	const nx = toks[b];
	const nx2 = toks[b + 1];
	if (
		nx &&
		(nx.text === '%' || (nx.lower === 'per' && nx2?.lower === 'cent') || nx.lower === 'percent')
	)
		return { kind: 'percent', a, b: b + (nx.lower === 'per' ? 2 : 1), value };
	if (nx && CURRENCY_WORDS.has(nx.lower)) return { kind: 'money', a, b: b + 1, value };
	if (t.num && isOrdSuffix(nx)) return null; // an ordinal outside a date: "66th Street"
	if (
		nx &&
		nx.word &&
		!nx.cap &&
		!STOPWORDS.has(nx.lower) &&
		!/(ed|ly)$/.test(nx.lower) &&
		!IRREGULAR_VERBS[nx.lower] &&
		!AUXILIARIES.has(nx.lower) &&
		// "to 81 last year": a time phrase after a figure is not what it counts.
		!/^(?:last|next|this|previous|each|every|per)$/.test(nx.lower)
	)
		return countOf(toks, a, b, value);
	if (t.word && b === i + 1) return null; // a bare number word says little
	if (t.num && nx && !nx.space && nx.word && !SCALE_WORDS[nx.lower]) return null; // "3D", "4x4"
	return { kind: 'number', a, b, value };
};

/** "two satellite dishes": a count with its compound noun, up to three words. */
function countOf(toks: Token[], a: number, b: number, value: number): Found {
	let e = b + 1;
	while (
		e < b + 3 &&
		toks[e]?.word &&
		!(toks[e] as Token).cap &&
		!STOPWORDS.has((toks[e] as Token).lower) &&
		!/(ed|ly|ing)$/.test((toks[e] as Token).lower)
	)
		e++;
	// "two days later", "three years ago": an interval whose anchor is another event.
	const relative =
		TIME_UNITS.has((toks[e - 1] as Token).lower) &&
		/^(later|earlier|ago|before|after|previously|since)$/.test(toks[e]?.lower ?? '');
	return { kind: 'quantity', a, b: e, value, relative };
}

/** The patterns, in the order they are tried at each token. */
const NUMERIC_RULES: readonly NumericRule[] = [
	weekday,
	dayRange,
	dayMonth,
	monthDate,
	century,
	yearRange,
	yearOrDecade,
	symbolMoney,
	vagueCount,
	plainNumber
];

/** Dates, numbers, money, percentages and quantities in one sentence. */
function findNumeric(toks: Token[], used: boolean[]): Found[] {
	const out: Found[] = [];
	for (let i = 0; i < toks.length; i++) {
		if (used[i]) continue;
		for (const rule of NUMERIC_RULES) {
			const f = rule(toks, i);
			if (!f) continue;
			for (let k = f.a; k < f.b; k++) used[k] = true;
			out.push(f);
			i = f.b - 1;
			break;
		}
	}
	return out;
}
const PERCENT_NEXT = new Set(['percent', 'per']);

interface Run {
	sentence: number;
	/** Token index where the name starts (after title/honorific prefix). */
	a: number;
	b: number;
	/** Start of the prefix (titles, honorifics, demonyms) or a === pa when none. */
	pa: number;
	/** Role text found with the run, and where it stands. */
	role?: { start: number; end: number };
	/** A second role from an apposition ("Mayor Ana Ruiz, the former head of ..."). */
	role2?: { start: number; end: number };
	honorific: boolean;
	titled: boolean;
	initial: boolean;
	/** A cue in the context says it is a person ("said", "who", a role noun). */
	personCue: boolean;
	placeCue: boolean;
}

function isCapWord(t: Token | undefined, next?: Token): boolean {
	if (!t || !t.word || !t.cap || NOT_NAMES.has(t.lower)) return false;
	// "I'm", "I've": the pronoun, not a name.
	if (/^i['’]/.test(t.lower)) return false;
	// "US-led", "UK-based": an adjective built on a name, not a name ("Abish-uly" stays a name).
	const dash = t.lower.indexOf('-');
	const head = dash > 0 ? t.lower.slice(0, dash) : '';
	if (
		dash > 0 &&
		/^[a-z]/.test(t.text.slice(dash + 1)) &&
		!/^(in|on|upon|le|la|de)\b/.test(t.lower.slice(dash + 1)) &&
		// "Privately-held Falic Group": an adverb before the dash makes a description, not a name.
		(/[a-z]{3}ly$/.test(head) ||
			!(head.length > 3 && next?.cap && !COUNTRY_BY_ALIAS.has(head) && !DEMONYMS.has(head)))
	)
		return false;
	return true;
}

/**
 * "Organization of Arab Petroleum Exporting Countries": an adjective of region or faith that is no
 * name alone still belongs to a name when another capitalised word follows it inside the run.
 */
function innerAdjective(t: Token | undefined, next: Token | undefined): boolean {
	return (
		!!t &&
		t.cap &&
		t.word &&
		/^(western|eastern|northern|southern|european|african|asian|arab|christian|muslim|jewish|catholic|latin)$/.test(
			t.lower
		) &&
		isCapWord(next)
	);
}

/** "has praised striker X": a past participle after an auxiliary is the verb, not part of a role. */
function participle(toks: Token[], i: number): boolean {
	const t = toks[i] as Token;
	const prev = toks[i - 1];
	return /ed$/.test(t.lower) && !!prev && AUXILIARIES.has(prev.lower);
}

/**
 * Where a role's qualifiers begin: "Former Labour prime minister", "Manchester United manager",
 * "Shadow local government secretary", "Sunderland No campaigner". Without them the role is
 * another person's too ("the prime minister") or says less than the text ("the manager").
 */
function qualifierStart(toks: Token[], k: number, limit: number): number {
	while (k - 1 >= 0 && k - 1 >= limit) {
		const t = toks[k - 1] as Token;
		const modifier = ROLE_MODIFIERS.has(t.lower) || t.lower === 'shadow';
		const name =
			t.word && t.cap && !STOPWORDS.has(t.lower) && !HONORIFICS.has(t.lower.replace(/\.$/, ''));
		if (!modifier && !name) break;
		k--;
		if (modifier) break;
	}
	return k;
}

/**
 * Words around a one-word name that make it a company, club or other body, whoever shares the
 * name: "Ford, the US car company", "Ford's auto unit", "shares in Ford".
 */
export function orgCueAt(text: string, start: number, end: number): boolean {
	const after = text.slice(end, end + 60);
	const before = text.slice(Math.max(0, start - 20), start);
	return (
		// "Audi said its profits …": a body speaks of what is its own.
		/^\s+(?:said|says|added|announced|confirmed|reported|warned|admitted|insisted|claimed|expects|believes)\s+(?:that\s+)?its\b/i.test(
			after
		) ||
		// "X, the US car company"; not "X, an analyst with research firm Y" (the firm is Y).
		/^,\s+(?:the|a|an)\s+(?:(?!(?:with|at|of|for|from|in|on|by|to|and)\s)[\w-]+\s+){0,3}(?:company|firm|group|carmaker|maker|giant|bank|airline|retailer|chain|broadcaster|network|club|side|team|brand|manufacturer|party|coalition)\b(?:['’]s\s+(?:[\w-]+\s+){0,2}(?:business|unit|subsidiary|division|arm|brand)\b|(?!['’-]))/i.test(
			after
		) ||
		/^['’]s\s+(?:shares|profits?|results|sales|revenues?|earnings|auto|car|finance|unit|division|board|chief|chairman|boss|subsidiary|brand|models?|factory|factories|plant|workers|staff)\b/i.test(
			after
		) ||
		/\b(?:shares\s+(?:in|of)|stake\s+in|band|group|firm|label|outfit|duo|trio|brand|retailer|airline|carmaker|lender|bank|insurer|broadcaster|company|giant|conglomerate|auditors?|accountancy)\s+$/i.test(
			before
		) ||
		// "research consultancy X", not "the ACME consultancy X" (its name is given already).
		/(?<![A-Z]{2,}\s+)\b(?:consultancy|consultants)\s+$/.test(before)
	);
}

/** Where a capitalised run that starts at `i` ends: names, "of"-joined institutions, "F-16". */
function runEnd(toks: Token[], i: number, used: boolean[]): number {
	let j = i + 1;
	for (;;) {
		const n = toks[j];
		if (!n || used[j]) break;
		if (isCapWord(n, toks[j + 1]) || innerAdjective(n, toks[j + 1])) {
			j++;
			continue;
		}
		// A model number joined by a hyphen: "Dodge D-50", "F-16".
		const num = toks[j + 1];
		if (n.text === '-' && !n.space && num?.num && !num.space && !used[j + 1]) {
			j += 2;
			continue;
		}
		// "Court of Arbitration for Sport", "Committee on Social Thought": inside an institution.
		const orgSoFar = toks.slice(i, j).some((x) => ORG_WORDS.has(x.lower));
		if ((CONNECTORS.has(n.lower) || (/^(for|on)$/.test(n.lower) && orgSoFar)) && !n.cap) {
			let k = j + 1;
			if (toks[k]?.lower === 'the') k++;
			if ((isCapWord(toks[k]) || innerAdjective(toks[k], toks[k + 1])) && !used[k]) {
				j = k + 1;
				continue;
			}
		}
		break;
	}
	return j;
}

/**
 * Splits a title or honorific prefix from the name in toks[i, j): "Special Envoy | Steve Witkoff",
 * "Mr | Abbas". Returns where the name starts and what the prefix held.
 */
function splitPrefix(
	toks: Token[],
	i: number,
	j: number
): { p: number; titled: boolean; honorific: boolean } {
	let p = i;
	let titled = false;
	let honorific = false;
	while (p < j - 1) {
		const l = (toks[p] as Token).lower.replace(/\.$/, '');
		if (HONORIFICS.has(l)) honorific = true;
		else if (ROLE_HEADS.has(l) || (ROLE_NOUNS.has(l) && p === i && j - i >= 2)) titled = true;
		else if (!(TITLE_WORDS.has(l) || DEMONYMS.has(l) || (p === i && COUNTRY_BY_ALIAS.has(l))))
			break;
		p++;
	}
	// Only a title or honorific makes a prefix; "British Airways" stays whole.
	if (!titled && !honorific) p = i;
	// A prefix that swallowed an organisation word belongs to the name ("Bank of England").
	const lastLower = (toks[j - 1] as Token).lower;
	if (ORG_WORDS.has(lastLower) || ORG_END_WORDS.has(lastLower) || PLACE_WORDS.has(lastLower))
		return { p: i, titled: false, honorific: false };
	return { p, titled, honorific };
}

/** "for playing soul star Ray Charles": a verb in -ing is no part of a role ("managing" is). */
function gerund(t: Token): boolean {
	return (
		/[a-z]ing$/.test(t.lower) &&
		!/^(managing|acting|leading|governing|ruling|reigning|outgoing|incoming|founding|visiting|sitting|serving|presiding|coaching|bowling|batting|recording|touring|striking|opening)$/.test(
			t.lower
		)
	);
}

/** Start of a role of lower-case words ending at token `end` (at most `max` words back). */
function lowerRoleStart(toks: Token[], end: number, max: number): number {
	let k = end;
	while (
		k - 1 >= 0 &&
		k - 1 >= end - max &&
		!(toks[k - 1] as Token).cap &&
		(toks[k - 1] as Token).word &&
		!STOPWORDS.has((toks[k - 1] as Token).lower) &&
		!participle(toks, k - 1) &&
		!gerund(toks[k - 1] as Token)
	)
		k--;
	return k;
}

/** Cues around a run that it is a person or a place: a speech verb, "who", "region". */
/** Speech verbs whose following name is the listener, not the speaker: "told Reuters". */
const ADDRESSEE_VERB = /^(?:told|tells|tell|telling)$/;

/** News agencies and wire services: they report a story, never act in it as a person. */
const NEWS_AGENCIES = new Set(
	'reuters|afp|bloomberg|interfax|xinhua|itar-tass|tass|kyodo|yonhap|ansa|dpa|efe|ria novosti|associated press|press association|agence france-presse|dow jones'.split(
		'|'
	)
);

function contextCues(toks: Token[], run: Run): void {
	const after = toks[run.b];
	const after2 = toks[run.b + 1];
	const before = toks[run.pa - 1];
	const lastLower = (toks[run.b - 1] as Token).lower;
	if (after && (SPEECH_VERBS.has(after.lower) || after.lower === 'who')) run.personCue = true;
	// "Ms Ruiz": an honorific the run did not take in still makes it a person.
	if (before && run.pa === run.a && HONORIFICS.has(before.lower.replace(/\.$/, '')))
		run.honorific = true;
	// "..., said KK Mittal": a name right after a speech verb. A lone word after "told" is whom the
	// words were told to, as often a news agency or a programme ("told Reuters") as a person.
	if (
		before &&
		SPEECH_VERBS.has(before.lower) &&
		!(ADDRESSEE_VERB.test(before.lower) && run.b - run.a === 1) &&
		run.b - run.a <= 3 &&
		!ORG_WORDS.has(lastLower) &&
		!/^['’]s$/.test(after?.text ?? '')
	)
		run.personCue = true;
	if (after?.text === ',' && after2 && after2.lower === 'who') run.personCue = true;
	if (personAround(toks, run)) run.personCue = true;
	if (
		after &&
		!after.cap &&
		['region', 'province', 'city', 'county', 'state', 'district', 'island', 'oblast'].includes(
			after.lower
		)
	)
		run.placeCue = true;
}

/** Words of a sentence that tell of a race, a match or a contest between people. */
const CONTEST_CUE =
	/^(?:champion|seed|seeded|medal|medals|medallist|race|heat|sprint|lap|heptathlon|decathlon|marathon|semi-final|quarter-final|tie-break)$/;

/**
 * Person around a name: a lower-case noun only a person is, or a relation, right before it
 * ("schoolboy Tom Reid", "boyfriend Tom Reid"); such a noun set off before it ("The woman, Ana
 * Ruiz, said"); an age after it ("Ana Ruiz (34)", "Ana Ruiz, 34,"); or a country's possessive
 * before a full name in a sentence of a race or a match ("Spain's Ana Ruiz took silver", "beat
 * Chile's Tom Reid 7-5 6-4"), where a club would not bear a first and a last name.
 */
function personAround(toks: Token[], run: Run): boolean {
	const b1 = toks[run.pa - 1];
	const b2 = toks[run.pa - 2];
	const b3 = toks[run.pa - 3];
	const a1 = toks[run.b];
	const a2 = toks[run.b + 1];
	const a3 = toks[run.b + 2];
	const n = run.b - run.a;
	// "schoolboy X", not "the billionaire X owner".
	const noun = (t: Token | undefined) =>
		!!t &&
		t.word &&
		!t.cap &&
		(PERSON_NOUNS.has(t.lower) || RELATION_NOUNS.has(t.lower)) &&
		// "what a great man X was": a plain "man" or "woman" before a name is no title.
		!/^(?:man|woman|lady|gentleman|boy|girl)$/.test(t.lower) &&
		!(a1?.word && !a1.cap && (ROLE_NOUNS.has(a1.lower) || PERSON_NOUNS.has(a1.lower)));
	if (noun(b1)) return true;
	if (b1?.text === ',' && b2 && PERSON_NOUNS.has(b2.lower) && /^(?:the|a)$/.test(b3?.lower ?? ''))
		return a1?.text === ',';
	const age = (t: Token | undefined) => !!t && t.num && /^\d{1,2}$/.test(t.text) && +t.text >= 10;
	if (n >= 2 && a1?.text === '(' && age(a2) && a3?.text === ')') return true;
	if (n >= 2 && a1?.text === ',' && age(a2) && a3?.text === ',') return true;
	if (n < 2 || n > 3 || !/^['’]s$/.test(b1?.text ?? '') || !b2?.cap) return false;
	if (!COUNTRY_BY_ALIAS.has(b2.lower)) return false;
	const names = toks.slice(run.a, run.b);
	if (
		names.some(
			(t) =>
				!/^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u.test(t.text) ||
				CITIES.has(t.lower) ||
				COUNTRY_BY_ALIAS.has(t.lower) ||
				DEMONYMS.has(t.lower) ||
				ORG_WORDS.has(t.lower) ||
				PLACE_WORDS.has(t.lower)
		)
	)
		return false;
	// A score of sets ("7-5 6-4"), not one of a match between clubs ("a 3-2 win").
	const score = (i: number) =>
		!!toks[i]?.num && toks[i + 1]?.text === '-' && !toks[i + 1]?.space && !!toks[i + 2]?.num;
	return toks.some((t, i) => (t.word && CONTEST_CUE.test(t.lower)) || (score(i) && score(i + 3)));
}

/** A lower-case role noun just before: "chief executive Jeroen van der Veer", "Italy coach X". */
function roleBefore(toks: Token[], run: Run): void {
	const before = toks[run.pa - 1];
	if (run.role || !before || before.cap || !ROLE_NOUNS.has(before.lower)) return;
	let k = lowerRoleStart(toks, run.pa - 1, 2);
	k = qualifierStart(toks, k, run.pa - 8);
	run.role = { start: (toks[k] as Token).start, end: before.end };
	run.personCue = true;
}

/** Apposition before: "its chairman, Sir Phil Watts". */
function appositionBefore(toks: Token[], run: Run): void {
	const before = toks[run.pa - 1];
	const noun = toks[run.pa - 2];
	if (run.role || before?.text !== ',' || !noun || !ROLE_NOUNS.has(noun.lower) || noun.cap) return;
	const k = lowerRoleStart(toks, run.pa - 2, 2);
	run.role = { start: (toks[k] as Token).start, end: noun.end };
	run.personCue = true;
}

const APPOSITION_OPENERS =
	/^(who|which|where|when|and|but|or|said|says|is|was|has|had|who's|whose|as|in|on|at|to|from|with|for|after|before)$/;

/** Apposition after: "Jared Kushner, former President Donald Trump's son-in-law". */
function appositionAfter(toks: Token[], run: Run): void {
	if (toks[run.b]?.text !== ',') return;
	const a0 = run.b + 1;
	let k = a0;
	const stop = (t: Token) => /^[,.;:!?"“”()]$/.test(t.text) || SPEECH_VERBS.has(t.lower);
	while (k < toks.length && k - a0 < 10 && !stop(toks[k] as Token)) k++;
	const span = toks.slice(a0, k);
	const first = span[0];
	// It ends at punctuation or where the sentence goes on: "X, a strategist at Y, told ...".
	const endOk =
		k >= toks.length ||
		/^[,.;:]$/.test((toks[k] as Token).text) ||
		(SPEECH_VERBS.has((toks[k] as Token).lower) && !!toks[k - 1]?.cap && k - a0 <= 6);
	if (!first || !endOk || APPOSITION_OPENERS.test(first.lower)) return;
	const last = span[span.length - 1] as Token;
	const hasRole = span.some(
		(x) => !x.cap && (ROLE_NOUNS.has(x.lower) || RELATION_NOUNS.has(x.lower))
	);
	const roleThenOf = span.some(
		(x, q) => ROLE_NOUNS.has(x.lower) && /^(of|at|for)$/.test(span[q + 1]?.lower ?? '')
	);
	const lastIsNoun = !last.cap || RELATION_NOUNS.has(last.lower) || roleThenOf;
	if (!hasRole || !lastIsNoun || span.length > 9 || span.some((x) => SPEECH_VERBS.has(x.lower)))
		return;
	// "X, its boss and another top executive": a list of others, not a role of X.
	if (
		span.some(
			(x, q) =>
				x.lower === 'and' &&
				/^(?:another|other|its|their|two|three|four|several)$/.test(span[q + 1]?.lower ?? '')
		)
	)
		return;
	let st = 0;
	while (st < span.length - 1 && /^(the|a|an)$/.test((span[st] as Token).lower)) st++;
	const found = { start: (span[st] as Token).start, end: last.end };
	if (run.role) run.role2 = found;
	else run.role = found;
	run.personCue = true;
}

/** Collects capitalised runs of one sentence, split into title prefix and name. */
function findRuns(s: SentenceInfo, used: boolean[], lowerSeen: Set<string>): Run[] {
	const toks = s.tokens;
	const runs: Run[] = [];
	for (let i = 0; i < toks.length; i++) {
		if (used[i] || !(isCapWord(toks[i], toks[i + 1]) || innerAdjective(toks[i], toks[i + 1])))
			continue;
		const t = toks[i] as Token;
		const prev = toks[i - 1];
		// "3GSM": letters glued to a figure are part of one word, not a name of their own.
		if (prev?.num && !t.space) continue;
		const initial = i === 0 || (!!prev && /^["“‘(:\-—–.!?]$/.test(prev.text));
		if (initial) {
			const l = t.lower.replace(/\.$/, '');
			if (SENTENCE_STARTERS.has(l) || STOPWORDS.has(l)) continue;
			// "Similarly, some were …": an opening adverb set off by a comma is no name.
			if (/^\p{Lu}\p{Ll}{4,}ly$/u.test(t.text) && toks[i + 1]?.text === ',') continue;
		}
		const j = runEnd(toks, i, used);
		// "Residents of St Paul's": a sentence-opening common noun is not part of the name.
		if (
			initial &&
			j - i > 2 &&
			(toks[i + 1] as Token).lower === 'of' &&
			!ORG_WORDS.has(t.lower) &&
			!PLACE_WORDS.has(t.lower) &&
			!TITLE_WORDS.has(t.lower) &&
			!COUNTRY_BY_ALIAS.has(t.lower)
		) {
			i = toks[i + 2]?.lower === 'the' ? i + 2 : i + 1;
			continue;
		}
		// "Former Australian wing David Campese": a sentence-opening modifier is not part of a name.
		if (initial && ROLE_MODIFIERS.has(t.lower)) continue;
		const { p, titled, honorific } = splitPrefix(toks, i, j);
		// A run that is only a title ("the President") names no one.
		if (p === i && j - i === 1 && ROLE_HEADS.has(t.lower)) {
			i = j - 1;
			continue;
		}
		// Sentence-initial words that the text also writes in lower case are ordinary words.
		if (initial && p === i && j - i === 1 && lowerSeen.has(t.lower)) continue;
		// "Bush/Kerry", "AC/DC": halves of a compound, not names to ask about.
		if ((prev?.text === '/' && !t.space) || (toks[j]?.text === '/' && !(toks[j] as Token).space)) {
			i = j - 1;
			continue;
		}
		// "former President Donald Trump": take the modifier into the role.
		const pa = titled && prev && ROLE_MODIFIERS.has(prev.lower) ? i - 1 : i;
		const run: Run = {
			sentence: s.index,
			a: p,
			b: j,
			pa: p > i ? pa : p,
			honorific,
			titled,
			initial: initial && p === i,
			personCue: false,
			placeCue: false
		};
		if (titled) {
			const roleToks = toks.slice(pa, p).filter((x) => !HONORIFICS.has(x.lower.replace(/\.$/, '')));
			if (roleToks.length)
				run.role = {
					start: (roleToks[0] as Token).start,
					end: (roleToks[roleToks.length - 1] as Token).end
				};
		}
		contextCues(toks, run);
		roleBefore(toks, run);
		appositionBefore(toks, run);
		appositionAfter(toks, run);
		runs.push(run);
		i = j - 1;
	}
	return runs;
}

interface Classified {
	kind: MentionKind;
	key: string;
	name: string;
}

function classify(
	run: Run,
	s: SentenceInfo,
	text: string,
	surnames: Set<string>,
	capMid: Set<string>,
	lowerSeen: Set<string>
): Classified | null {
	const toks = s.tokens;
	const nameToks = toks.slice(run.a, run.b);
	const first = nameToks[0] as Token;
	const last = nameToks[nameToks.length - 1] as Token;
	const name = text.slice(first.start, last.end);
	const lower = name.toLowerCase();
	const n = nameToks.length;
	const country = COUNTRY_BY_ALIAS.get(lower);
	if (country) return { kind: 'place', key: country.name.toLowerCase(), name: country.name };
	const org = ORG_BY_ALIAS.get(lower);
	if (org) return { kind: 'organisation', key: org.toLowerCase(), name: org };
	if (NEWS_AGENCIES.has(lower)) return { kind: 'organisation', key: lower, name };
	if (MULTIWORD_PLACES.has(lower) || (n === 1 && CITIES.has(lower)))
		return { kind: 'place', key: lower, name };
	if (n > 1 && (nameToks.some((x) => ORG_WORDS.has(x.lower)) || ORG_END_WORDS.has(last.lower)))
		return { kind: 'organisation', key: lower, name };
	if (n > 1 && PLACE_WORDS.has(last.lower)) return { kind: 'place', key: lower, name };
	if (run.placeCue) return { kind: 'place', key: lower, name };
	// A title on its own ("Justice", "President") names no one.
	if (n === 1 && (ROLE_HEADS.has(lower) || TITLE_WORDS.has(lower) || HONORIFICS.has(lower)))
		return null;
	if (run.honorific || run.titled) return { kind: 'person', key: lower, name };
	// Unknown acronyms of three letters or more are bodies; "ID", "TV" and "PC" are no names, and
	// "GDP" and "DVD" are things (hinted as a word, never as an organisation).
	if (n === 1 && THING_ACRONYMS.has(lower)) return { kind: 'name', key: lower, name };
	if (n === 1 && /^[A-Z]{3,6}$/.test(first.text)) return { kind: 'organisation', key: lower, name };
	if (n === 1 && /^[A-Z]{2}$/.test(first.text)) return null;
	if (n === 1 && DEMONYMS.has(lower)) return null;
	// "Maria Full of Grace" is a title, not a person: names do not take "of".
	const hasOf = nameToks.some((x) => x.lower === 'of' || x.lower === 'the');
	// "UK-based bank Standard Chartered said": a name after "bank" or "firm" is the body's.
	if (n >= 2 && !FIRST_NAMES.has(first.lower) && orgCueAt(text, first.start, last.end))
		return { kind: 'organisation', key: lower, name };
	if (n >= 2 && n <= 4 && FIRST_NAMES.has(first.lower) && !hasOf)
		return { kind: 'person', key: lower, name };
	if (n >= 2 && n <= 4 && surnames.has(last.lower)) return { kind: 'person', key: lower, name };
	if (n === 1 && orgCueAt(text, first.start, last.end))
		return { kind: 'organisation', key: lower, name };
	if (n === 1 && surnames.has(lower)) return { kind: 'person', key: lower, name };
	if (run.personCue && n >= 2 && n <= 4) return { kind: 'person', key: lower, name };
	// "Brownlee argues": a lone name before a speech verb; "Officials said" is a plural noun.
	if (
		run.personCue &&
		n === 1 &&
		!DEMONYMS.has(lower) &&
		!/^[A-Z]+$/.test(first.text) &&
		!(run.initial && /s$/.test(lower) && !capMid.has(lower))
	)
		return { kind: 'person', key: lower, name };
	// A lone sentence-opening word of unknown kind is more often an ordinary word.
	if (run.initial && n === 1 && !capMid.has(lower)) return null;
	if (n === 1 && DEMONYMS.has(first.lower)) return null;
	// A single capitalised word the text also writes in lower case is an ordinary word ("War").
	if (n === 1 && lowerSeen.has(lower)) return null;
	return { kind: 'name', key: lower, name };
}

/** Words the text writes in lower case, and words it capitalises mid-sentence. */
function caseSeen(sentences: SentenceInfo[]): { lowerSeen: Set<string>; capMid: Set<string> } {
	const lowerSeen = new Set<string>();
	const capMid = new Set<string>();
	for (const s of sentences)
		for (let i = 1; i < s.tokens.length; i++) {
			const t = s.tokens[i] as Token;
			if (!t.word) continue;
			if (!t.cap) lowerSeen.add(t.lower);
			else if (!/^["“‘(:\-—–.!?]$/.test((s.tokens[i - 1] as Token).text)) capMid.add(t.lower);
		}
	return { lowerSeen, capMid };
}

/** Last words of names the text shows to be people's: "Lord Callaghan", "Anna Smith said". */
function surnamesOf(sentences: SentenceInfo[], runsBy: Run[][]): Set<string> {
	const surnames = new Set<string>();
	for (const s of sentences)
		for (const r of runsBy[s.index] as Run[]) {
			const lastTok = s.tokens[r.b - 1] as Token;
			const multi = r.b - r.a >= 2;
			if (r.honorific || r.titled || (r.personCue && multi)) surnames.add(lastTok.lower);
			else if (multi && FIRST_NAMES.has((s.tokens[r.a] as Token).lower))
				surnames.add(lastTok.lower);
		}
	for (const k of [...surnames])
		if (COUNTRY_BY_ALIAS.has(k) || CITIES.has(k) || ORG_BY_ALIAS.has(k)) surnames.delete(k);
	return surnames;
}

/** The entity table: one entity per key, a lone surname joined to the person who bears it. */
function entityTable(entities: Entity[]): (c: Classified) => number {
	const byKey = new Map<string, number>();
	const bySurname = new Map<string, number>();
	return (c) => {
		let id = byKey.get(c.key);
		if (id === undefined && (c.kind === 'person' || c.kind === 'name') && !c.key.includes(' '))
			id = bySurname.get(c.key);
		if (id === undefined) {
			id = entities.length;
			entities.push({ id, kind: c.kind, name: c.name, keys: [c.key], mentions: [] });
			byKey.set(c.key, id);
			if (c.kind === 'person') bySurname.set(c.key.split(' ').pop() as string, id);
			return id;
		}
		const e = entities[id] as Entity;
		if (c.kind === 'person' && e.kind === 'name') e.kind = 'person';
		if (c.name.length > e.name.length && e.kind === 'person' && c.kind === 'person')
			e.name = c.name;
		if (!e.keys.includes(c.key)) e.keys.push(c.key);
		return id;
	};
}

/** A mention for a date or figure found in sentence `s`. */
function numericMention(text: string, s: SentenceInfo, f: Found): Mention {
	const a = s.tokens[f.a] as Token;
	const b = s.tokens[f.b - 1] as Token;
	return {
		kind: f.kind,
		start: a.start,
		end: b.end,
		text: text.slice(a.start, b.end),
		sentence: s.index,
		tokenStart: f.a,
		tokenEnd: f.b,
		entity: -1,
		value: f.value,
		...(f.relative ? { relative: true } : {})
	};
}

/**
 * Coordinated mentions of one kind share a group id: "Britain and France", "France, Britain, and
 * Ukraine". A chain joined only by commas is not a list ("... to the Middle East, Japan was ...").
 * `base` is the index the sentence's first mention will have.
 */
function groupCoordinated(text: string, list: Mention[], base: number): void {
	for (let i = 0; i + 1 < list.length;) {
		let j = i;
		let hasAnd = false;
		while (j + 1 < list.length) {
			const m = list[j] as Mention;
			const nx = list[j + 1] as Mention;
			if (m.kind !== nx.kind) break;
			const between = text.slice(m.end, nx.start).trim();
			if (!/^(,|and|or|, and|, or|&)$/.test(between)) break;
			if (between !== ',') hasAnd = true;
			j++;
			if (between !== ',') break;
		}
		if (j > i && hasAnd) for (let k = i; k <= j; k++) (list[k] as Mention).group = base + i;
		i = j > i ? j + 1 : i + 1;
	}
}

/** Noun phrases outside mentions and quotes, per sentence, and how often each word occurs. */
function phrasesAndCounts(
	sentences: SentenceInfo[],
	mentions: Mention[],
	bySentence: number[][]
): { phrases: Phrase[][]; wordCounts: Map<string, number> } {
	const phrases: Phrase[][] = [];
	const wordCounts = new Map<string, number>();
	for (const s of sentences) {
		const taken = new Array<boolean>(s.tokens.length).fill(false);
		for (const i of bySentence[s.index] ?? []) {
			const m = mentions[i] as Mention;
			for (let k = m.tokenStart; k < m.tokenEnd; k++) taken[k] = true;
		}
		// Words inside quotation marks belong to the quote, not to a phrase.
		let inQ = false;
		s.tokens.forEach((t, k) => {
			if (t.text === '"' || t.text === '“' || t.text === '”')
				inQ = t.text === '“' ? true : t.text === '”' ? false : !inQ;
			if (inQ) taken[k] = true;
			if (t.word) wordCounts.set(t.lower, (wordCounts.get(t.lower) ?? 0) + 1);
		});
		phrases.push(nounPhrases(s, taken));
	}
	return { phrases, wordCounts };
}

/** Annotates laid-out sentences: mentions, entities, quotes and roles. */
export function annotate(text: string, sentences: SentenceInfo[], headings: Doc['headings']): Doc {
	const { lowerSeen, capMid } = caseSeen(sentences);
	const numeric: Found[][] = [];
	const runsBy: Run[][] = [];
	for (const s of sentences) {
		const used = new Array<boolean>(s.tokens.length).fill(false);
		numeric.push(findNumeric(s.tokens, used));
		runsBy.push(findRuns(s, used, lowerSeen));
	}
	const surnames = surnamesOf(sentences, runsBy);
	const mentions: Mention[] = [];
	const entities: Entity[] = [];
	const roles: RoleFact[] = [];
	const bySentence: number[][] = [];
	const entityFor = entityTable(entities);
	for (const s of sentences) {
		const list = (numeric[s.index] as Found[]).map((f) => numericMention(text, s, f));
		for (const r of runsBy[s.index] as Run[]) {
			const c = classify(r, s, text, surnames, capMid, lowerSeen);
			if (!c) continue;
			const a = s.tokens[r.a] as Token;
			const b = s.tokens[r.b - 1] as Token;
			const id = entityFor(c);
			const e = entities[id] as Entity;
			list.push({
				kind: e.kind,
				start: a.start,
				end: b.end,
				text: text.slice(a.start, b.end),
				sentence: s.index,
				tokenStart: r.a,
				tokenEnd: r.b,
				entity: id
			});
			if (e.kind === 'person' || c.kind === 'person')
				for (const rs of [r.role, r.role2]) {
					if (!rs) continue;
					e.kind = 'person';
					const role = text.slice(rs.start, rs.end);
					roles.push({ entity: id, role, sentence: s.index, start: rs.start, end: rs.end });
					if (!e.role) e.role = role;
				}
		}
		list.sort((x, y) => x.start - y.start);
		groupCoordinated(text, list, mentions.length);
		const ids: number[] = [];
		for (const m of list) {
			ids.push(mentions.length);
			if (m.entity >= 0) (entities[m.entity] as Entity).mentions.push(mentions.length);
			mentions.push(m);
		}
		bySentence.push(ids);
	}
	mergeSurnames(entities, mentions, roles, text);
	// Kinds may have changed after a mention was recorded (a name later found to be a person).
	for (const m of mentions) if (m.entity >= 0) m.kind = (entities[m.entity] as Entity).kind;
	const quotes = findQuotes(text, sentences, mentions, bySentence, entities);
	const { phrases, wordCounts } = phrasesAndCounts(sentences, mentions, bySentence);
	const doc: Doc = {
		text,
		headings,
		sentences,
		mentions,
		entities,
		quotes,
		roles,
		bySentence,
		phrases,
		wordCounts,
		references: []
	};
	typeEntities(doc);
	fitQuoteGender(doc);
	doc.references = findReferences(doc);
	return doc;
}

/**
 * "Mr Abbas" before "Mahmoud Abbas": a surname met before the full name made an entity of its own.
 * When exactly one person of the text has that surname, the two become one entity (ids renumbered).
 */
export function mergeSurnames(
	entities: Entity[],
	mentions: Mention[],
	roles: RoleFact[],
	text = ''
): void {
	const into = new Map<number, number>();
	for (const e of entities) {
		if ((e.kind !== 'person' && e.kind !== 'name') || e.name.includes(' ')) continue;
		// "Ford, the US car company" is not "Bill Ford".
		if (
			e.mentions.some((i) => {
				const m = mentions[i] as Mention;
				return orgCueAt(text, m.start, m.end);
			})
		) {
			e.kind = 'organisation';
			continue;
		}
		const key = e.name.toLowerCase();
		const full = entities.filter(
			(o) =>
				o !== e &&
				o.kind === 'person' &&
				o.name.includes(' ') &&
				o.name.toLowerCase().split(' ').pop() === key
		);
		if (full.length === 1) into.set(e.id, (full[0] as Entity).id);
	}
	if (!into.size) return;
	for (const [from, to] of into) {
		const a = entities[from] as Entity;
		const b = entities[to] as Entity;
		b.mentions = [...b.mentions, ...a.mentions].sort((x, y) => x - y);
		for (const k of a.keys) if (!b.keys.includes(k)) b.keys.push(k);
		b.role ??= a.role;
	}
	const newId = new Map<number, number>();
	const kept = entities.filter((e) => !into.has(e.id));
	kept.forEach((e, i) => newId.set(e.id, i));
	for (const [from, to] of into) newId.set(from, newId.get(to) as number);
	for (const m of mentions) if (m.entity >= 0) m.entity = newId.get(m.entity) as number;
	for (const r of roles) r.entity = newId.get(r.entity) as number;
	kept.forEach((e, i) => (e.id = i));
	entities.length = 0;
	entities.push(...kept);
}

/**
 * The entity a pronoun most likely means: the person named before it in its own sentence, else
 * the person of the nearest earlier sentence that names one. When that sentence names several,
 * the one it closes on after a speech verb ("It was no good Mr Blair claiming …, argued Mr
 * Howard."), else the one it opens on ("Lawyer Ann Ray, who acts for Mr Cole, said …"), else the
 * one before a speech verb ("Others include Ann Ray, party chief Tom Cole said."); with none of
 * these, nobody is sure enough (-1).
 */
function resolvePronoun(
	sentence: number,
	mentions: Mention[],
	bySentence: number[][],
	before: number,
	text = ''
): number {
	const here = (bySentence[sentence] ?? [])
		.map((i) => mentions[i] as Mention)
		.filter((m) => m.kind === 'person' && m.end <= before);
	if (here.length) return (here[0] as Mention).entity;
	for (let s = sentence - 1; s >= 0 && s >= sentence - 4; s--) {
		const ps = (bySentence[s] ?? [])
			.map((i) => mentions[i] as Mention)
			.filter((m) => m.kind === 'person');
		if (!ps.length) continue;
		if (new Set(ps.map((m) => m.entity)).size === 1 || !text) return (ps[0] as Mention).entity;
		const closing = ps.filter((m) => speechBefore(text, m));
		if (closing.length === 1) return (closing[0] as Mention).entity;
		const first = ps[0] as Mention;
		if (first.tokenStart <= 2 && !/^['’]/.test(text.slice(first.end, first.end + 1)))
			return first.entity;
		const speakers = new Set(ps.filter((m) => speechAfter(text, m)).map((m) => m.entity));
		return speakers.size === 1 ? ([...speakers][0] as number) : -1;
	}
	return -1;
}

/** "…, argued Mr Howard.": a name after a speech verb that closes the clause (not "told X"). */
function speechBefore(text: string, m: Mention): boolean {
	const before = /([a-z]+),?\s+(?:(?:Mr|Mrs|Ms|Dr|Sir|Lord|Lady)\.?\s+)?$/.exec(
		text.slice(Math.max(0, m.start - 24), m.start)
	);
	return (
		!!before &&
		SPEECH_VERBS.has(before[1] as string) &&
		!ADDRESSEE_VERB.test(before[1] as string) &&
		/^\s*(?:[.,;:]|$)/.test(text.slice(m.end, m.end + 2))
	);
}

/** "Mr Howard said": a name right before a speech verb, and no object ("an executive at X, said"). */
function speechAfter(text: string, m: Mention): boolean {
	const after = /^,?\s+([a-z]+)/.exec(text.slice(m.end, m.end + 20));
	return (
		!!after &&
		SPEECH_VERBS.has(after[1] as string) &&
		!BEFORE_OBJECT.test(text.slice(Math.max(0, m.start - 12), m.start))
	);
}

/** Words before a name that make it an object, not the one acting: "to Lleyton Hewitt". */
const BEFORE_OBJECT =
	/\b(?:of|by|to|with|from|against|for|in|on|at|over|than|beat|beating|about|behind|under|like|after|before)\s+$/i;

/**
 * The mentions of sentences `first` to `last` (inclusive), in text order: a span of sentences is
 * read through `bySentence` instead of a scan of every mention of the text.
 */
export function* mentionsOfSentences(
	mentions: Mention[],
	bySentence: number[][],
	first: number,
	last: number
): Generator<Mention> {
	for (let s = Math.max(0, first); s <= last && s < bySentence.length; s++)
		for (const i of bySentence[s] as number[]) yield mentions[i] as Mention;
}

/**
 * The person other than `who`, named between `from` and `to`, who last acted as a sentence's
 * subject (undefined when that is `who` again): the first name in the latest such sentence that stands near its start right before its
 * verb ("Keeper Tony Bullock echoed", "UKIP's leader, Roger Knapman, has said"), or before a speech
 * verb anywhere; never after a preposition and never a possessive ("Souness' remarks"). Only the
 * sentences `fromSentence` to `toSentence`, which hold `from` and `to`, are read.
 */
function actorSince(
	text: string,
	mentions: Mention[],
	bySentence: number[][],
	who: number,
	[from, fromSentence]: [number, number],
	[to, toSentence]: [number, number]
): number | undefined {
	let best: Mention | undefined;
	for (const m of mentionsOfSentences(mentions, bySentence, fromSentence, toSentence)) {
		if (m.kind !== 'person' || m.entity < 0) continue;
		if (m.start < from || m.end > to) continue;
		if (best && best.sentence === m.sentence) continue;
		if (BEFORE_OBJECT.test(text.slice(Math.max(0, m.start - 12), m.start))) continue;
		// "Mr Blair instead hailed …": an adverb may stand between the name and its verb.
		const after = text
			.slice(m.end, m.end + 40)
			.replace(/^,?\s+/, '')
			.replace(/^(?:instead|again|still|[a-z]+ly)\s+(?=[a-z]+ed\b)/, '');
		if (/^['’]/.test(text.slice(m.end, m.end + 1))) continue;
		const speaks = /^(?:told|said|says|added|admitted|insisted|echoed|argued|warned)\b/.test(after);
		const acts =
			m.tokenStart <= 5 &&
			/^(?:has|have|had|is|was|will|would|could|can|did|does|also|then|now|later|[a-z]+ed|[a-z]+[^s\W]s)\b/.test(
				after
			);
		if (speaks || acts) best = m;
	}
	// The last speaker acting again ("Woodward also revealed …") keeps the quotation.
	return best && best.entity !== who ? best.entity : undefined;
}

function findQuotes(
	text: string,
	sentences: SentenceInfo[],
	mentions: Mention[],
	bySentence: number[][],
	entities: Entity[]
): Quote[] {
	const out: Quote[] = [];
	let lastSpeaker = -1;
	let lastQuoteEnd = 0;
	let lastQuoteSentence = 0;
	for (const s of sentences) {
		const re = /["“]([^"“”]{3,}?)["”]/g;
		const ms = (bySentence[s.index] ?? []).map((i) => mentions[i] as Mention);
		const persons = ms.filter((m) => m.kind === 'person' || m.kind === 'organisation');
		for (const q of s.text.matchAll(re)) {
			const inner = q[1] as string;
			if (inner.trim().split(/\s+/).length < 2) continue;
			const qs = s.start + (q.index ?? 0);
			const qe = qs + q[0].length;
			const toks = s.tokens;
			let speaker = -1;
			// After the quote: ', X said' / ', said X' / ', he said' / ', the firm said'.
			let k = toks.findIndex((t) => t.start >= qe);
			if (k >= 0) {
				while (toks[k] && /^[,.]$/.test((toks[k] as Token).text)) k++;
				let v = -1;
				for (let x = k; x < Math.min(toks.length, k + 7); x++) {
					const t = toks[x] as Token;
					if (/^["“”,.;:]$/.test(t.text) && x > k) break;
					if (SPEECH_VERBS.has(t.lower)) {
						v = x;
						break;
					}
				}
				const verb = v >= 0 ? (toks[v] as Token) : undefined;
				const first = toks[k];
				// Direct speech is attributed right after the quote: '"...," Macron said', not by a
				// speech verb further on in another clause.
				if (verb && first && v - k <= 4) {
					const between = persons.find((p) => p.start >= first.start && p.end <= verb.start);
					const near = persons.filter((p) => p.start >= verb.end && p.start - verb.end < 40);
					const afterVerb = near.find((p) => p.kind === 'person') ?? near[0];
					if (between) speaker = between.entity;
					else if (v === k && afterVerb) speaker = afterVerb.entity;
					else if (PRONOUNS.has(first.lower) && v === k + 1)
						// '"…," he said' is the last speaker's, unless another person has since been the
						// subject of a sentence ("Keeper Tony Bullock echoed …").
						speaker =
							actorSince(
								text,
								mentions,
								bySentence,
								lastSpeaker,
								[lastQuoteEnd, lastQuoteSentence],
								[qs, s.index]
							) ??
							(lastSpeaker >= 0
								? lastSpeaker
								: resolvePronoun(s.index, mentions, bySentence, qs, text));
					else if (first.lower === 'the' && v <= k + 3) {
						const org = [...ms].reverse().find((p) => p.kind === 'organisation' && p.end <= qs);
						if (org) speaker = org.entity;
					}
				}
			}
			// Before the quote: 'X said: "..."', 'X stated that Y "..."'.
			let direct = speaker >= 0;
			if (speaker < 0) {
				const beforeToks = toks.filter((t) => t.end <= qs);
				let v = -1;
				for (let i = beforeToks.length - 1; i >= 0; i--)
					if (SPEECH_VERBS.has((beforeToks[i] as Token).lower)) {
						v = i;
						break;
					}
				if (v >= 0) {
					const verb = beforeToks[v] as Token;
					// The name nearest the verb with no comma between ("In an interview with Andrew
					// Marr, Mr Blair said"), else the first ("Tom Reid, who met Ana Ruiz, said").
					const ahead = persons.filter((p) => p.end <= verb.start);
					const people = ahead.filter((p) => p.kind === 'person');
					const subj =
						[...people].reverse().find((p) => !/[,;:(—–]/.test(text.slice(p.end, verb.start))) ??
						people[0] ??
						ahead[0];
					const pron = beforeToks.slice(0, v).find((t) => PRONOUNS.has(t.lower));
					if (subj && (!pron || subj.start < pron.start)) speaker = subj.entity;
					else if (pron) speaker = resolvePronoun(s.index, mentions, bySentence, pron.start, text);
					const gap = text.slice(verb.end, qs).trim();
					direct = gap === ':' || gap === ',' || gap === '';
				}
			}
			if (
				speaker >= 0 &&
				(entities[speaker] as Entity).kind !== 'person' &&
				(entities[speaker] as Entity).kind !== 'organisation'
			)
				speaker = -1;
			if (speaker >= 0 && !speakerFits(text, s, qs, inner, entities[speaker] as Entity, mentions))
				speaker = -1;
			// A two- or three-word phrase in quotes is a borrowed label unless a person says it.
			if (
				speaker >= 0 &&
				(entities[speaker] as Entity).kind !== 'person' &&
				inner.trim().split(/\s+/).length <= 3
			)
				speaker = -1;
			if (speaker >= 0) {
				lastSpeaker = speaker;
				lastQuoteEnd = qe;
				lastQuoteSentence = s.index;
			}
			out.push({
				text: inner,
				start: qs + 1,
				end: qe - 1,
				sentence: s.index,
				speaker,
				direct
			});
		}
	}
	return out;
}

/**
 * Whether a speaker found for a quotation can have said it: "he" or "she" said it only of a person
 * (never a club or a firm); no one speaks of themself by name ("There is a lack of trust in Tony
 * Blair," he said); and a body named after "at" or "of" ("Howard Archer, economist at Global
 * Insight, said", "a spokesman for X said") is where the speaker works or whom they speak for, not
 * the speaker.
 */
function speakerFits(
	text: string,
	s: { start: number; end: number },
	quoteStart: number,
	inner: string,
	e: Entity,
	mentions: readonly Mention[]
): boolean {
	const around = text.slice(s.start, s.end).replace(inner, ' ');
	if (
		e.kind !== 'person' &&
		/\b(?:he|she)\s+(?:said|says|told|added|explained|insisted|argued|warned)\b/i.test(around)
	)
		return false;
	const words = e.name.split(/\s+/).filter((w) => /^\p{Lu}\p{L}{2,}/u.test(w));
	const last = words[words.length - 1];
	if (
		e.kind === 'person' &&
		last &&
		new RegExp(`(?<![\\p{L}])${last}(?![\\p{L}])`, 'u').test(inner)
	)
		return false;
	{
		const own = e.mentions
			.map((i) => mentions[i] as Mention)
			.filter(
				(m) => m.start >= s.start && m.end <= s.end && (m.end <= quoteStart || m.start > quoteStart)
			);
		if (
			own.length &&
			own.every((m) =>
				/\b(?:at|of|for|from|with)\s+(?:the\s+)?$/i.test(
					text.slice(Math.max(s.start, m.start - 12), m.start)
				)
			)
		)
			return false;
	}
	return true;
}
