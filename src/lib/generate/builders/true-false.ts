/**
 * True or false: built true, with a false twin (one name or number swapped for one the text does
 * not support); the deck later turns about half of the chosen ones false.
 */
import { sentenceInContext } from '../../nlp/coref';
import { asWritten, LABEL, overlaps, takesAn } from '../distractors';
import { cachedRe, clean, escapeRe, norm } from '../util';
import type { FactX } from '../facts';
import { DEMONYMS, ROLE_NOUNS, STOPWORDS } from '../../nlp/lexicon';
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
	boundWords,
	contextGap,
	copiedFrom,
	cutFrame,
	demonstrativeReference,
	frontSetting,
	garbled,
	KEY_MARK,
	passiveVoice,
	pluralAgreement,
	reword,
	statementStandsAlone,
	straySubjectComma,
	withoutAsides,
	withoutDiscourse
} from '../statement';
import type { RejectReason } from '../explain';
import type { Builder } from './common';
import { speakerFullName } from './quote';

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
/**
 * The words that keep their capital anywhere, lower case: every word of the article's names, the
 * words it writes capitalised inside a sentence and never in lower case ("Tory", "Home"), and the
 * pairs of capitalised words of its names or written inside a sentence ("new york").
 */
function nameWords(doc: Doc): Set<string> {
	let out = namesCache.get(doc);
	if (!out) {
		out = new Set();
		const add = (words: string[]) =>
			words.forEach((w, i) => {
				out?.add(w);
				if (i > 0) out?.add(`${words[i - 1]} ${w}`);
			});
		for (const e of doc.entities) add(e.name.toLowerCase().split(/\s+/));
		const capital = new Set<string>();
		const lower = new Set<string>();
		for (const s of doc.sentences)
			s.tokens.forEach((t, i) => {
				if (!t.word) return;
				if (!t.cap) lower.add(t.lower);
				else if (i > 0 && !/^["“‘'(]$/.test(s.tokens[i - 1]?.text ?? '')) {
					capital.add(t.lower);
					const prev = s.tokens[i - 1];
					if (prev?.word && prev.cap && i > 1) out?.add(`${prev.lower} ${t.lower}`);
				}
			});
		for (const w of capital) if (!lower.has(w)) out.add(w);
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

const NUMERIC = /^(?:number|money|percent|quantity)$/;
/** Kinds a key may be paired with: names with names, figures with figures, dates with dates. */
const sortOfKind = (k: string) =>
	NUMERIC.test(k)
		? 'figure'
		: k === 'date'
			? 'date'
			: /^(?:person|organisation|place|name)$/.test(k)
				? 'name'
				: k;
/** What may stand between the two of a pair: "and", "or", a comma, "and early", ", start of". */
const PAIR_JOIN =
	/^\s*(?:,\s*(?:and|or|&)?|and|or|&|nor|\/)\s*(?:(?:the|a|an|early|late|mid|middle|start|end|beginning|of|rival|rivals|fellow|then|both|either|also)\s+){0,3}$/i;

/**
 * Rule pair-swap: the key is one of two (or more) joined by "and", "or" or a comma: names ("Ask
 * Jeeves and Blinkx"), figures ("100m and 200m") or dates ("December and early January", "end of
 * 2008, start of 2006"). Swapping one of them reads as a slip beside the other, or makes a pair
 * that does not exist; it is never the key of a false statement.
 */
export function pairedKey(doc: Doc, span: { start: number; end: number }, kind: string): boolean {
	const sort = sortOfKind(kind);
	const own = doc.mentions.find((m) => m.start < span.end && m.end > span.start);
	for (const m of doc.mentions) {
		if (m.end <= span.start - 60 || m.start >= span.end + 60) continue;
		if (m === own || (m.start < span.end && m.end > span.start)) continue;
		if (sortOfKind(m.kind) !== sort) continue;
		if (own && own.group !== undefined && m.group === own.group) return true;
		const gap =
			m.end <= span.start ? doc.text.slice(m.end, span.start) : doc.text.slice(span.end, m.start);
		if (/[.;:!?]/.test(gap)) continue;
		// A bare comma joins only two of one kind ("Paris, France"); "and"/"or" any two of a sort.
		if (/^\s*,\s*$/.test(gap) && m.kind !== kind && !(own && own.kind === m.kind)) continue;
		if (PAIR_JOIN.test(gap)) return true;
	}
	return false;
}

/** Words after a figure that leave it a count or measure, not a label. */
const COUNT_WORD =
	/^(?:million|billion|thousand|hundred|trillion|dozen|bn|m|k|per|percent|cent|pence|p|point|am|pm|mph|kg|km|g|lb|lbs|ft|cm|mm|mile|metre|meter|yard|foot|inch|ton|tonne|litre|gallon|acre|hectare|degree|year|month|week|day|hour|minute|second|times|fold|nil|time|goal|run|wicket|seat|vote|place|share|stake|in|out|up|down|off|over|under|more|less|last|next|all|each|apiece|alone|a|an)$/;

/**
 * Rule label-number: a number that is part of a name, an address or a model ("10 Downing Street",
 * "the 7610 phone", "Windows 2000"): followed by a capitalised word, or by a singular noun it names,
 * or after a capitalised word of a name. Another number there names nothing; it is never changed.
 */
/** Plurals without an s: "40 people", "8 children", "500 staff" are counts, not labels. */
const IRREGULAR_PLURAL =
	/^(?:people|children|men|women|staff|police|personnel|cattle|sheep|deer|fish|feet|teeth|mice|geese|crew|data|media|aircraft|troops?)$/;

export function labelFigure(doc: Doc, span: { start: number; end: number }, kind: string): boolean {
	if (kind !== 'number' && kind !== 'quantity') return false;
	const after = /^\s+([\p{L}][\p{L}'’-]*)/u.exec(doc.text.slice(span.end, span.end + 40))?.[1];
	const key = doc.text.slice(span.start, span.end);
	if (after) {
		if (/^\p{Lu}/u.test(after) && !/^(?:[A-Z]+s|Oscars?|Grammys?|Baftas?|Emmys?)$/.test(after))
			return true;
		const low = after.toLowerCase();
		if (
			/^\d+$/.test(key) &&
			Number(key) !== 1 &&
			/^[a-z]/.test(after) &&
			!/s$/.test(low) &&
			!IRREGULAR_PLURAL.test(low) &&
			!STOPWORDS.has(low) &&
			!COUNT_WORD.test(low) &&
			!/(?:ed|ing|ly)$/.test(low)
		)
			return true;
	}
	// "Windows 2000", "Band Aid 20", "Channel 4": after a capitalised word that is not the sentence's first.
	const before = /([^\s.!?"“]\s+|^)(\p{Lu}[\p{L}-]*)\s+$/u.exec(
		doc.text.slice(Math.max(0, span.start - 40), span.start)
	);
	return (
		kind === 'number' &&
		!!before &&
		!!before[1] &&
		!STOPWORDS.has((before[2] as string).toLowerCase()) &&
		!/^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/.test(
			before[2] as string
		)
	);
}

/**
 * Why the key may not be changed for a false statement, or null: half of a range, score or pair;
 * inside a quotation; a figure beside its conversion; a bound or a rough figure (contradicts); a
 * date beside a holiday or a named event ("January's Australian Open"); a hypothetical; one of a
 * pair (pair-swap); a number that is part of a name (label-number).
 */
function unsafeSwap(
	doc: Doc,
	ans: { text: string; kind: string },
	span: { start: number; end: number },
	frame: string
): RejectReason | null {
	if (riskySwap(doc, ans, span, frame)) return 'copied-statement';
	if (labelFigure(doc, span, ans.kind)) return 'label-number';
	if (pairedKey(doc, span, ans.kind)) return 'pair-swap';
	if (describedAfter(frame.slice(frame.indexOf(KEY_MARK) + 1), ans.kind)) return 'modifier-swap';
	if (qualifiesName(doc, span, ans.kind)) return 'modifier-swap';
	return null;
}

/**
 * Rule modifier-swap (a name's side): "BBC comedy Coupling", "Wales number eight Michael Owen": a
 * body or place right before a noun that runs into another name only says whose or which side that
 * name is. Another body there ("ITV comedy Coupling") is a slip about a detail, and may be what
 * the article says of another name ("ITV soap Emmerdale"); such a key is never swapped.
 */
export function qualifiesName(
	doc: Doc,
	span: { start: number; end: number },
	kind: string
): boolean {
	if (!/^(?:place|organisation)$/.test(kind)) return false;
	const after = doc.text.slice(span.end, span.end + 60);
	const m = /^\s+((?:[a-z][a-z-]*\s+){1,3})(?=\p{Lu})/u.exec(after);
	if (!m) return false;
	const words = (m[1] as string).trim().split(/\s+/);
	if (words.some((w) => STOPWORDS.has(w) || /(?:ed|ing|ly)$/.test(w))) return false;
	const at = span.end + m[0].length;
	const s = doc.sentences.find((x) => x.start <= span.start && x.end >= span.end);
	if (!s) return false;
	// The lower-case words are a noun phrase of the sentence (no verb: "France beat Italy").
	const nounRun = (doc.phrases[s.index] ?? []).some(
		(p) => p.start >= span.end && p.start <= span.end + 2 && p.end <= at
	);
	const role = words.some((w) => ROLE_NOUNS.has(w) || w === 'number');
	return (
		(nounRun || role) &&
		doc.mentions.some((x) => x.start === at && !NUMERIC.test(x.kind) && x.kind !== 'date')
	);
}

/**
 * "says Tim Dams, the news editor of Screen International": a person the statement describes right
 * after the name (`after` is the statement after the key). Another name there contradicts the description too, so the statement is false
 * twice over, and an odd pick ("says Adolf Hitler, the news editor …") gives itself away.
 */
export function describedAfter(after: string, kind: string): boolean {
	if (kind !== 'person') return false;
	const m = /^,\s+(?:the|a|an|its|his|her|their)\s+([^,.;]{0,50})/.exec(after);
	return !!m && (m[1] as string).split(/\s+/).some((w) => ROLE_NOUNS.has(w.toLowerCase()));
}

function riskySwap(
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
 * Rule invented-figure: a figure a false statement puts in is one the article itself writes, with
 * the key's unit, never one made up ("last 16" → "last 12", "0001 GMT" → "0006 GMT"). A sum or a
 * share carries its unit in its own shape ("£38m" beside "£510m", "8%" beside "12%"); a bare
 * number takes its unit from the noun after it ("18 years" only for another "N years"; "died at
 * 85" only for another figure with no noun after it).
 */
export function sameUnitInArticle(
	doc: Doc,
	key: { kind: string; text: string; span: { start: number; end: number } },
	value: string
): boolean {
	const shape = (x: string) => x.replace(/\d+(?:[.,]\d+)*/g, '#').toLowerCase();
	const unitAt = (end: number) => {
		const w = /^\s+([\p{L}][\p{L}-]*)/u.exec(doc.text.slice(end, end + 30))?.[1]?.toLowerCase();
		return w && !STOPWORDS.has(w) && !NOT_UNIT.test(w) ? w.replace(/s$/, '') : '';
	};
	const mine = unitAt(key.span.end);
	return doc.mentions.some(
		(m) =>
			m.text === value &&
			(m.kind === key.kind || (NUMERIC.test(m.kind) && NUMERIC.test(key.kind))) &&
			shape(m.text) === shape(key.text) &&
			(key.kind !== 'number' || unitAt(m.end) === mine)
	);
}
/** Words before a figure that make it a rank, a list's length or an age ("top 10", "last 16"). */
const RANK_BEFORE = /\b(?:top|last|final|first|best|round of|aged|age of|at|under-?)\s*$/i;
/** Units of time: "18 years" in prison or "0001 GMT" changed by an invented figure reads odd. */
const TIME_UNIT =
	/^(?:years?|months?|weeks?|days?|hours?|minutes?|mins?|seconds?|secs?|decades?|centuries|times)$/i;

/**
 * Rule invented-figure: where the article writes no other figure of the key's unit, a false
 * statement may still change a sum, a share, a figure in millions or a count of things ("11
 * nominations"), whose scale a learner cannot tell by heart; never a rank, a list's length, an
 * age, a time or a figure before no plural noun ("last 16", "top 10", "aged 85", "0001 GMT").
 */
export function inventable(
	doc: Doc,
	key: { kind: string; text: string; span: { start: number; end: number } }
): boolean {
	if (key.kind === 'percent' || key.kind === 'money') return true;
	if (RANK_BEFORE.test(doc.text.slice(Math.max(0, key.span.start - 14), key.span.start)))
		return false;
	if (/\d\s*(?:million|billion|bn|m)\b/i.test(key.text)) return true;
	const next = /^\s+([a-z][a-z-]+)/.exec(doc.text.slice(key.span.end, key.span.end + 30))?.[1];
	return !!next && next.length >= 4 && /[^s]s$/.test(next) && !TIME_UNIT.test(next);
}

/** Words after a figure that are no unit of it ("£38m last year", "5 a day"). */
const NOT_UNIT =
	/^(?:last|next|this|each|every|ago|earlier|later|apiece|alone|a|an|per|said|says|was|were|is|are)$/;

/**
 * The false value among `options`, passing over those `barred` rules out; `barredOnly` tells that
 * a barred option would have been the false value where no other is (the rule that took the false
 * form away), `invented` that only a figure the article does not write with the key's unit would
 * have been.
 */
function falseChoice(
	doc: Doc,
	ans: { text: string; kind: string; span: { start: number; end: number } },
	frame: string,
	options: string[],
	barred: (d: string) => boolean = () => false
): {
	value: string | undefined;
	barredOnly: boolean;
	invented: boolean;
	slot?: RejectReason;
} {
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
	const actor = ans.kind === 'place' && actsAfter(frame.slice(frame.indexOf(KEY_MARK) + 1));
	const fits = (d: string, own: boolean) =>
		acronym(d) === acronym(ans.text) &&
		(!person || groupName(doc, d) === group) &&
		(!afterThe || numeric || takesThe(doc, d)) &&
		!lowerFrame.includes(d.toLowerCase()) &&
		(!own || inArticle(doc, d)) &&
		!overlaps(d, ans.text) &&
		// "stadium in Irish": a people's name is no place, body or person.
		!(/^(?:place|organisation|person)$/.test(ans.kind) && DEMONYMS.has(d.toLowerCase())) &&
		(!described || textHas(doc, `\\b${noun}\\s+${escapeRe(d)}\\b`)) &&
		(!actor || actsInArticle(doc, d)) &&
		contradicts(before.slice(-30), ans, d) &&
		!pastForFuture(frame, ans.text, d);
	// The words the sentence binds to the slot (a title, a side, an owner, a measure): the first
	// rule that turned away a value that fitted otherwise names why there is no false form.
	let slotMiss: RejectReason | undefined;
	const slotFits = (d: string, own: boolean) => {
		const why = slotMisfit(doc, ans, d, own, frame);
		if (why && !slotMiss) slotMiss = why;
		return !why;
	};
	// A figure only of the article's own, with the key's unit (rule invented-figure).
	const ownFigure = (d: string) => !numeric || sameUnitInArticle(doc, ans, d);
	let barredFit = false;
	const first = (ok: (d: string) => boolean) => {
		for (const d of options)
			if (ok(d)) {
				if (!barred(d)) return d;
				barredFit = true;
			}
		return undefined;
	};
	// Else, for a sum, a share or a count of things, a figure far enough from the key to be a real
	// change ("a 53% pay rise" → 74%, "11 nominations" → 16); never for a rank, an age, a time or a
	// figure before no plural noun (see `inventable`).
	const num = (x: string) => Number((/\d+(?:[.,]\d+)*/.exec(x)?.[0] ?? '').replace(/,/g, ''));
	const far = (d: string) => {
		const k = num(ans.text);
		return k > 0 && Math.abs(num(d) - k) / k >= 0.15;
	};
	const value =
		first((d) => fits(d, true) && ownFigure(d) && slotFits(d, true)) ??
		(numeric && inventable(doc, ans)
			? first((d) => fits(d, false) && far(d) && slotFits(d, false))
			: undefined);
	const invented =
		value === undefined &&
		numeric &&
		!barredFit &&
		!slotMiss &&
		options.some((d) => fits(d, false));
	return {
		value,
		barredOnly: value === undefined && barredFit,
		invented,
		slot: value === undefined ? slotMiss : undefined
	};
}

/** A verb right after a name: the name is the subject that acts ("Britain chairs", "France has"). */
const VERB_AFTER =
	/^\s+(?:(?:has|have|had|is|was|are|were|will|would|could|can|should|must|may|might|did|does|said|says)\b|(?!(?:news|press|series|business|gas|has|was|is|us|plus|this|thus|bus)\b)\p{Ll}+(?:s|ed)\b)/u;

function actsAfter(after: string): boolean {
	return VERB_AFTER.test(after);
}

/**
 * Rule acting-place: "when Britain chairs the G8" → Iraq: a country or city that acts in the
 * statement is swapped only for one the article also shows acting (the subject of a verb), so the
 * false statement keeps a place that could hold the role.
 */
export function actsInArticle(doc: Doc, name: string): boolean {
	const re = new RegExp(`(?<![\\p{L}-])${escapeRe(name)}(?![\\p{L}-])`, 'gu');
	for (const m of doc.text.matchAll(re)) {
		const before = doc.text.slice(Math.max(0, (m.index ?? 0) - 12), m.index);
		if (
			/\b(?:in|of|to|from|at|on|into|with|by|for|against|across|over)\s+(?:the\s+)?$/i.test(before)
		)
			continue;
		if (actsAfter(doc.text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 30)))
			return true;
	}
	return false;
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

/** The lower-case content words of a text: no small words, three letters or more. */
function contentWords(x: string): string[] {
	return (x.toLowerCase().match(/[\p{L}][\p{L}'’-]{2,}/gu) ?? []).filter((w) => !STOPWORDS.has(w));
}

/** The words beside the key that hold one content word at least: its slot ("heads to", "rise of"). */
function slotWords(frame: string): { before?: string; after?: string } {
	const at = frame.indexOf(KEY_MARK);
	const pick = (ws: string[]) => {
		const out: string[] = [];
		for (const w of ws) {
			out.push(w);
			if (contentWords(w).length) return out;
			if (out.length >= 3) break;
		}
		return undefined;
	};
	const before = pick(frame.slice(0, at).trim().split(/\s+/).filter(Boolean).reverse());
	if (before && !/[,.;:]$/.test(before[before.length - 1] as string))
		return { before: before.reverse().join(' ') };
	const after = pick(
		frame
			.slice(at + 1)
			.trim()
			.split(/\s+/)
			.filter(Boolean)
	);
	return after && !/[,;:]/.test(after.join(' '))
		? { after: after.join(' ').replace(/[.!?]$/, '') }
		: {};
}

/**
 * Rule true-elsewhere: a false value is one the article contradicts, not one it also gives: never
 * a value it writes in the key's slot elsewhere ("heads to Poland" made "heads to Ireland" where
 * the article also has "heads to Ireland"), nor one another sentence says most of the statement
 * about ("Tom Reid limped off against Leeds" made "Ann Lee …" where Ann Lee also limped off).
 */
export function trueElsewhere(doc: Doc, sentence: number, frame: string, wrong: string): boolean {
	// A figure beside the same words elsewhere may say the opposite there ("found that 45% saw
	// orders rise" against "… fall"): figures keep the checks made for them.
	if (/\d/.test(wrong)) return false;
	const slot = slotWords(frame);
	const w = escapeRe(wrong);
	if (
		slot.before &&
		textHas(doc, `(?<![\\p{L}])${escapeRe(slot.before)}\\s+(?:the\\s+)?${w}(?![\\p{L}])`, 'iu')
	)
		return true;
	if (slot.after && textHas(doc, `(?<![\\p{L}])${w}\\s+${escapeRe(slot.after)}(?![\\p{L}])`, 'iu'))
		return true;
	const mine = new Set(contentWords(frame.replace(KEY_MARK, ' ')));
	if (mine.size < 4) return false;
	const named = new RegExp(`(?<![\\p{L}])${w}(?![\\p{L}])`, 'u');
	return doc.sentences.some((x) => {
		if (x.index === sentence || !named.test(x.text)) return false;
		const theirs = new Set(contentWords(x.text));
		const shared = [...mine].filter((c) => theirs.has(c)).length;
		return shared >= Math.max(3, mine.size * 0.5);
	});
}

/** The full name the article gives a person named by `word` alone (a first name or surname). */
function fullNameOf(doc: Doc, word: string): string | undefined {
	const full = speakerFullName(doc, { text: word } as NonNullable<FactX['answer']>);
	if (full === null) return undefined;
	if (full && /\s/.test(full.text))
		return full.text.split(/\s+/).includes(word) ? full.text : undefined;
	// A first name the lexicon does not list: the first word of one person's name only.
	const own = doc.entities.filter(
		(e) => e.kind === 'person' && e.name.split(/\s+/).length > 1 && e.name.split(/\s+/)[0] === word
	);
	const names = new Set(own.map((e) => asWritten(doc, e)));
	const only = [...names][0];
	return names.size === 1 && only?.startsWith(`${word} `) ? only : undefined;
}

/** "Tory Liam Fox", "Irish Tom Reid": a party or people's word taken into a person's name. */
function labelled(name: string): boolean {
	return name
		.toLowerCase()
		.split(/\s+/)
		.some((w) => LABEL.test(w) || DEMONYMS.has(w) || ROLE_NOUNS.has(w));
}

/** A word that may be a clause's finite verb: an auxiliary, a past in "-ed", a present in "-s". */
const FINITE_WORD =
	/\b(?:is|was|are|were|be|has|have|had|will|would|can|could|may|might|must|should|shall|did|does|do|\p{Ll}{2,}(?:ed|s)|won|lost|beat|made|took|gave|got|went|came|said|told|set|put|hit|cut|rose|fell|saw|began|became|left|led|held|paid|sold|bought|ran|met|kept|grew|spent|stood|brought|thought|felt|found|built|drew|wrote|chose|broke|struck|won|shot|swept|sent|fought|lay|let|rode|sat|sank|spoke|threw|wore)\b/u;

/** Words above which a statement is long: a changed date in it is a buried detail. */
export const LONG_STATEMENT = 30;

/** Share of a true statement's words found in the sentence's order at or above which it is copied. */
export const NEAR_COPY = 0.8;

/**
 * Rule near-copy: "According to the group, Barclays is still waiting for …", "Ericsson interviewed
 * 14,000 owners … for the study": a true statement whose words are mostly the sentence's in the same
 * order, and which keeps most of the sentence (a speaker or a setting moved, a bound reworded, brackets
 * dropped), still reads as the article copied. It is
 * kept only where it has a false twin (a changed fact the article contradicts) that the deck's
 * balance may ask instead.
 */
export function nearCopy(statement: string, sentence: string): boolean {
	const ws = (x: string) =>
		x
			.replace(/\s*\([^()]*\)/g, ' ')
			.replace(/['’]s\b/g, '')
			.toLowerCase()
			.match(/[\p{L}\p{N}]+/gu) ?? [];
	const a = ws(statement);
	const b = ws(sentence);
	if (!a.length) return false;
	// The longest run of the statement's words found in order in the sentence.
	let row = new Array<number>(b.length + 1).fill(0);
	for (const w of a) {
		const next = new Array<number>(b.length + 1).fill(0);
		for (let j = 1; j <= b.length; j++)
			next[j] =
				w === b[j - 1]
					? (row[j - 1] as number) + 1
					: Math.max(row[j] as number, next[j - 1] as number);
		row = next;
	}
	// Most of the statement is the sentence's, and most of the sentence is in it: a main clause kept
	// without its asides ("Kellan bought Lanigan in 2003", of "… bought the Irish crisp maker Lanigan
	// in 2003 for £150m") is a statement in other form.
	const kept = row[b.length] as number;
	return kept / a.length >= NEAR_COPY && kept / b.length >= NEAR_COPY;
}

/** A speaker or a setting put before the clause: "According to X, ", "X said that ", "In 1983, ". */
const MOVED_OPENING =
	/^(?:According to [^,"“”]{2,80},\s+|[^,"“”]{2,60}?\s+(?:said|says|believes|argued|insisted|claimed|warned|added|reported|announced|confirmed|revealed)\s+that\s+|(?:In|On|At|During|Last|Earlier|Later|This|Since|By|Under|After|Before|Following|For|Over|Within|From)\b[^,"“”]{1,50},\s+)/;

/**
 * Rule moved-copy: "According to the ratings system, Who's Your Daddy, the first episode of which
 * was shown on 3 January, pulled in …": a statement that is the sentence with its speaker or
 * setting moved to the front, and the rest its words in order with only deletions, is the article
 * read back as much as a copy is, however many words the moved part holds.
 */
export function movedCopy(statement: string, sentence: string): boolean {
	const m = MOVED_OPENING.exec(statement);
	if (!m) return false;
	const rest = statement.slice(m[0].length);
	return rest.split(/\s+/).length >= 6 && copiedFrom(rest, sentence);
}

/** Nouns of a work or a thing that a bare name right after them names: "the film Ray". */
const WORK_NOUN =
	/\b(?:film|movie|biopic|documentary|album|single|song|track|book|novel|memoir|play|musical|opera|show|series|sitcom|drama|game|magazine|newspaper|paper|ship|yacht|horse|painting|brand|website|site|app|programme|program)\s+$/i;

/**
 * Rule full-name (a work): a bare word that the article writes right after a noun of a work
 * ("biopic Ray"), or that the statement gives a thing's "its" after its possessive ("Ray's success
 * outstripped its box office total"), names the work, not the person it is named after.
 */
export function namesWork(doc: Doc, statement: string, word: string, at: number): boolean {
	const after = statement.slice(at + word.length);
	if (/^['’]s\s+(?:[\p{L}-]+\s+){0,5}its\b/u.test(after)) return true;
	const re = cachedRe(`(?<![\\p{L}])${escapeRe(word)}(?![\\p{L}])`, 'gu');
	for (const m of doc.text.matchAll(re))
		if (WORK_NOUN.test(doc.text.slice(Math.max(0, m.index - 20), m.index))) return true;
	return false;
}

/**
 * Rule full-name: "Jamie heads to Poland", "Don was head of the referees": a person the statement
 * names by a bare first name or surname, where the article gives one full name that holds it, is
 * written out in full at the first mention ("Jamie Costin", "Philip Don"). A word beside another
 * capitalised word is part of a name already ("Gordon Brown", "Mr Brown") and stays.
 */
export function withFullNames(doc: Doc, statement: string): string {
	const done = new Set<string>();
	return statement.replace(
		/(?<![\p{L}'’-])\p{Lu}(?:['’]\p{Lu})?\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?![\p{L}-])/gu,
		(word: string, at: number, all: string) => {
			const prev = /(\S+)\s+$/.exec(all.slice(Math.max(0, at - 30), at))?.[1] ?? '';
			const next = /^\s+(\S+)/.exec(all.slice(at + word.length, at + word.length + 30))?.[1] ?? '';
			if (/^[\p{Lu}\uE000]/u.test(prev) && !/[.,;:]$/.test(prev)) return word;
			if (/^[\p{Lu}\uE000]/u.test(next)) return word;
			if (namesWork(doc, all, word, at)) return word;
			const full = fullNameOf(doc, word);
			if (!full || done.has(full) || all.includes(full) || labelled(full)) return word;
			done.add(full);
			return full;
		}
	);
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
		const shownRaw = inContext === null ? null : shownSentence(inContext);
		const shown = shownRaw && withFullNames(doc, shownRaw);
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
		const names = nameWords(doc);
		const cut = cutFrame(shown, ans.kind === 'date', names);
		if (cut === 'answer-in-aside' || cut === 'relative-time')
			return rejectFor(ctx, f, 'true-false', cut);
		const plain = withoutDiscourse(reword(cut, names));
		if (plain === null) return rejectFor(ctx, f, 'true-false', 'unresolved-reference');
		let frame = straySubjectComma(plain);
		const fill = (x: string) =>
			pluralAgreement(
				frame
					.replace(/\b([Aa])n?\s+(?=\uE000)/, (_, a: string) => `${a}${takesAn(x) ? 'n' : ''} `)
					.replace(KEY_MARK, x)
			);
		const copied = (x: string) => copiedFrom(x, clean(s.text)) || copiedFrom(x, sentence);
		// Nothing else changed: the reporting verb in a plain form ("According to analysts, …"), a
		// closing time brought to the front, or a bound in other words ("more than 500" → "over 500").
		if (copied(fill(ans.text)))
			frame =
				passiveVoice(frame, names) ??
				accordingTo(frame, names) ??
				frontSetting(frame, names, ans.kind === 'date') ??
				boundWords(frame) ??
				frame;
		// A true statement hardly reworded loses its asides: shorter, and no longer the sentence read back.
		const readBack = (x: string) => nearCopy(x, clean(s.text)) || movedCopy(x, clean(s.text));
		// Rule drop-asides: a statement read back loses what it says of a name in passing; shorter by
		// that, it is no longer the sentence read back.
		const lighter = readBack(fill(ans.text)) ? withoutAsides(frame) : null;
		let lightened = false;
		if (lighter) {
			const was = frame;
			frame = lighter;
			lightened = !nearCopy(fill(ans.text), clean(s.text));
			if (!lightened) frame = was;
		}
		const trueText = fill(ans.text);
		const wordsOf = (x: string) => x.split(/\s+/).length;
		if (wordsOf(trueText) < 6 || !statementStandsAlone(doc, trueText, s.start))
			return rejectFor(ctx, f, 'true-false', 'statement-not-standalone');
		const gap = contextGap(trueText, ctx.title, names);
		if (gap) return rejectFor(ctx, f, 'true-false', gap);
		if (garbled(trueText)) return rejectFor(ctx, f, 'true-false', 'garbled-statement');
		// Rule verbless-statement: "In late trading in New York from $1.62.": a cut left no verb.
		if (!FINITE_WORD.test(trueText.replace(/["“][^"”]*["”]/g, ' ')))
			return rejectFor(ctx, f, 'true-false', 'verbless-fragment');
		if (demonstrativeReference(trueText))
			return rejectFor(ctx, f, 'true-false', 'demonstrative-reference');
		const before = doc.text.slice(s.start, span.start);
		const unsafe = unsafeSwap(doc, ans, span, frame) ?? undefined;
		const modifier = !unsafe && modifierKey(doc, f);
		const choice =
			unsafe || modifier
				? undefined
				: falseChoice(
						doc,
						{ ...ans, span },
						frame,
						view.options(),
						(d) =>
							rivalOfSubject(doc, before, d, ctx.title) || trueElsewhere(doc, s.index, frame, d)
					);
		// Rule detail-in-long-statement: a changed month or year in a long statement, or any changed
		// detail in a long sentence copied, hinges on one word the rest of the statement buries; a
		// false form so made is none.
		const hinge = wordsOf(trueText) > LONG_STATEMENT && (ans.kind === 'date' || copied(trueText));
		const wrong = hinge ? undefined : choice?.value;
		const falseText = wrong ? fill(withArticle(wrong, before)) : undefined;
		// The true statement is never the article's sentence copied word for word: where no rewording
		// applies, the question is asked only in its false form (or not at all).
		const copy = copied(trueText);
		// A true statement hardly reworded is kept only with a false twin, which the deck's balance
		// may ask instead; with none it would be the article read back as a question.
		if (!copy && !lightened && !falseText && nearCopy(trueText, clean(s.text)))
			return rejectFor(ctx, f, 'true-false', 'near-copy');
		const isCopy = copy;
		if (isCopy && !falseText) {
			if (hinge && choice?.value) return rejectFor(ctx, f, 'true-false', 'trivial-detail');
			// Named by the rule that took the false form away, where one did.
			const why: RejectReason = modifier
				? 'modifier-swap'
				: (unsafe ??
					(choice?.barredOnly
						? view.options().some((d) => rivalOfSubject(doc, before, d, ctx.title))
							? 'self-contradiction'
							: 'no-false-twin'
						: choice?.invented
							? 'invented-figure'
							: (choice?.slot ?? 'copied-statement')));
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

/** Words for a number written out after "number" ("number eight"). */
const NUMERAL_WORD =
	/^(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|\d{1,2})$/;

/**
 * The words the text binds to a person right before `at`: a title or role and the side it belongs
 * to ("Speaker", "Wales number eight", "Argentina's number eight", "Tory leader"), lower case, up
 * to the first word that is none of these.
 */
export function titleWords(doc: Doc, at: number): string[] {
	const s = doc.sentences.find((x) => x.start <= at && x.end >= at);
	const from = Math.max(s?.start ?? 0, at - 60);
	const ws = doc.text.slice(from, at).split(/\s+/);
	if (ws[ws.length - 1] !== '') return [];
	ws.pop();
	const out: string[] = [];
	for (let i = ws.length - 1; i >= 0; i--) {
		const raw = ws[i] as string;
		if (i === 0 && from > (s?.start ?? 0)) break;
		const w = raw.replace(/['’]s?$/, '');
		if (!/^[\p{L}\d-]+$/u.test(w)) break;
		const low = w.toLowerCase();
		const numeral = NUMERAL_WORD.test(low) && /^(?:number|no)$/i.test(ws[i - 1] ?? '');
		const keep =
			numeral ||
			low === 'number' ||
			ROLE_NOUNS.has(low) ||
			DEMONYMS.has(low) ||
			(/^\p{Lu}/u.test(w) && !STOPWORDS.has(low) && !/^\d/.test(w));
		if (!keep) break;
		// "Yesterday Tom Reid …": a word capitalised only for opening the sentence binds nothing.
		const opener =
			i === 0 &&
			from === s?.start &&
			!ROLE_NOUNS.has(low) &&
			!DEMONYMS.has(low) &&
			!nameWords(doc).has(low);
		if (opener) break;
		out.unshift(low);
		if (raw !== w && /['’]s?$/.test(raw) && out.length > 1) break;
	}
	// Capitalised words alone that run to the sentence's start may be a name or an opener.
	return out;
}

/** Where the article writes `d` (its entity's mentions, else the words as written). */
function placesOf(doc: Doc, d: string): { start: number; end: number }[] {
	const e = doc.entities.find(
		(x) => x.kind !== 'date' && (norm(x.name) === norm(d) || norm(asWritten(doc, x)) === norm(d))
	);
	if (e) return e.mentions.map((i) => doc.mentions[i] as { start: number; end: number });
	const re = cachedRe(`(?<![\\p{L}])${escapeRe(d)}(?![\\p{L}])`, 'gu');
	return [...doc.text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + d.length }));
}

/** The figures in a sentence that name an event or a year ("200m", "2003"). */
function measureLabels(text: string, skip: string): Set<string> {
	const out = new Set<string>();
	for (const m of text.matchAll(
		/(?<![\p{L}\d.,])(\d+(?:m|km|k|metres)|(?:1[89]|20)\d\d)(?![\p{L}\d])/gu
	))
		if (!skip.includes(m[1] as string)) out.add(m[1] as string);
	return out;
}

/** A figure's value as a number, or NaN. */
const figureOf = (x: string) => Number((/\d+(?:[.,]\d+)*/.exec(x)?.[0] ?? '').replace(/,/g, ''));

/**
 * Why a wrong value does not fit the words the sentence binds to the key's slot, or null:
 *
 * - Rule same-person: "Baroness Boothroyd" for "Betty Boothroyd" is the same person by another name.
 * - Rule bound-title: "Speaker Michael Martin" → "Speaker Alastair Campbell", "Wales number eight
 *   Michael Owen" → a France player: a person under a title, role or side takes only someone the
 *   article gives every one of those words.
 * - Rule possessive-slot: "MIT's Media Labs" → "MIT's Nokia": a name after an owner's possessive
 *   takes only a name the article also gives that owner.
 * - Rule other-measure: "ran 20.13secs in … the 200m" → 10.04secs, the article's time for the 100m:
 *   a figure of the article whose sentence names another event or year than the key's measures
 *   something else.
 * - Rule trivial-detail: the length of a list ("in the top 10") is never changed.
 * - Rule implausible-figure (a year): "In 1995 she published …" → not "In 2006", a year after every
 *   year the article writes, in a statement of the past.
 * - Rule implausible-figure: a made-up figure is at most half again or half less than the key, and
 *   in a form the article writes ("2.5 billion" → not "4.0 billion"); a race's distance ("the 60m")
 *   is never made up.
 */
export function slotMisfit(
	doc: Doc,
	ans: { text: string; kind: string; span: { start: number; end: number } },
	d: string,
	own: boolean,
	frame = ''
): RejectReason | null {
	const lead = doc.text.slice(Math.max(0, ans.span.start - 60), ans.span.start);
	// "in games like … against Brazil" → "Scotland": one example of a writer's many, any fits.
	if (EXAMPLE_LEAD.test(lead)) return 'swapped-example';
	if (ans.kind === 'date') {
		if (laterThanArticle(doc, frame, d)) return 'implausible-figure';
		const k = Number(YEAR_OF.exec(ans.text)?.[1] ?? NaN);
		const w = Number(YEAR_OF.exec(d)?.[1] ?? NaN);
		if (Number.isFinite(k) && Number.isFinite(w) && w !== k) {
			// "the arrival of the millennium in 1989": an event fixed in time tells its own year.
			if (FIXED_EVENT.test(lead)) return 'year-bound-event';
			// "in 1989" for "in 1999": a made-up year a decade off is guessed false from the words.
			if (!own && Math.abs(w - k) > 6) return 'year-bound-event';
		}
		return null;
	}
	if (/^(?:person|name)$/.test(ans.kind)) {
		const last = (x: string) => norm(x).split(' ').pop();
		if (last(d) === last(ans.text)) return 'same-person';
		const title = titleWords(doc, ans.span.start);
		if (title.length) {
			const held = placesOf(doc, d).some((p) => {
				const theirs = new Set(titleWords(doc, p.start));
				// "Michael Martin, the Speaker,": the title in apposition.
				const apposed = /^,\s+(?:the\s+)?([^,.;:]{1,50})/.exec(doc.text.slice(p.end, p.end + 60));
				for (const w of apposed?.[1]?.toLowerCase().split(/\s+/) ?? [])
					theirs.add(w.replace(/['’]s?$/, ''));
				return title.every((w) => theirs.has(w));
			});
			if (!held) return 'bound-title';
		}
		return null;
	}
	if (/^(?:place|organisation|thing)$/.test(ans.kind)) {
		const owner = /(\p{Lu}[\p{L}.&-]*(?:\s+\p{Lu}[\p{L}.&-]*){0,3})['’]s?\s+$/u.exec(
			doc.text.slice(Math.max(0, ans.span.start - 50), ans.span.start)
		)?.[1];
		if (owner && !textHas(doc, `${escapeRe(owner)}['’]s?\\s+${escapeRe(d)}(?![\\p{L}])`, 'u'))
			return 'possessive-slot';
		return null;
	}
	if (!NUMERIC.test(ans.kind)) return null;
	// "the only new entry in the top 10" → "top 12": the length of a list is no fact to learn.
	if (/\btop\s*$/i.test(doc.text.slice(Math.max(0, ans.span.start - 6), ans.span.start)))
		return 'trivial-detail';
	const k = figureOf(ans.text);
	const w = figureOf(d);
	if (own) {
		const keyS = doc.sentences.find((x) => x.start <= ans.span.start && x.end >= ans.span.end);
		if (!keyS) return null;
		const mine = measureLabels(keyS.text, ans.text);
		if (!mine.size) return null;
		const elsewhere = doc.mentions.filter((m) => m.text === d && m.sentence !== keyS.index);
		const other = elsewhere.some((m) => {
			const theirs = measureLabels(doc.sentences[m.sentence]?.text ?? '', d);
			return theirs.size > 0 && ![...theirs].some((x) => mine.has(x));
		});
		return other ? 'other-measure' : null;
	}
	if (!(k > 0) || !Number.isFinite(w) || Math.abs(w - k) / k > 0.5) return 'implausible-figure';
	// "the 60m", "100m relay": a race's distance made up names a race that is not run.
	const race = /^\d+m(?:\s+([a-z]+))?$/.exec(ans.text);
	const next =
		race?.[1] ?? /^\s+([a-z]+)/.exec(doc.text.slice(ans.span.end, ans.span.end + 20))?.[1] ?? '';
	if (race && !/[^s]s$/.test(next) && !IRREGULAR_PLURAL.test(next)) return 'implausible-figure';
	// "4.0", "83.0m": a decimal of nought only where the key or the article writes one.
	if (/\d\.0+(?!\d)/.test(d) && !/\d\.0+(?!\d)/.test(ans.text) && !/\d\.0+(?!\d)/.test(doc.text))
		return 'implausible-figure';
	return null;
}

/** "like", "including" right before the key: it is one example among others. */
const EXAMPLE_LEAD =
	/\b(?:like|including|e\.g\.)\s+(?!to\b)(?:the\s+)?(?:[\p{L}-]+\s+){0,4}(?:against|of|in|at|to|from)?\s*$/iu;
/** An event whose year is known without the article, the last words before a year slot. */
const FIXED_EVENT =
	/\b(?:millennium|centenary|bicentenary|tercentenary|Olympics?|Olympic Games|World Cup|Commonwealth Games|Jubilee|anniversary|Euro\s?\d*)\b[^.;:]{0,25}$/iu;

const FUTURE_WORDS =
	/\b(?:will|shall|due|expected|planned|plans|set to|is to|are to|intends|aims|until|next)\b/i;
/**
 * A year after every year the article writes of the past (in a sentence with no word of the
 * future: "plans to … by the end of 2006" is no past), put in a statement with no word of the
 * future: the article cannot have told of it as past.
 */
function laterThanArticle(doc: Doc, frame: string, d: string): boolean {
	const w = Number(YEAR_OF.exec(d)?.[1] ?? NaN);
	if (!Number.isFinite(w) || FUTURE_WORDS.test(frame)) return false;
	const years = doc.sentences
		.filter((x) => !FUTURE_WORDS.test(x.text))
		.flatMap((x) => [...x.text.matchAll(/\b(1[5-9]\d\d|20\d\d)\b/g)].map((m) => Number(m[1])));
	return years.length > 0 && w > Math.max(...years);
}
