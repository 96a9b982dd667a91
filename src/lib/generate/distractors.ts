/**
 * Wrong options of the answer's kind and setting: people of the article with a like role or
 * nationality, organisations of the same sort, places of the same sort, the article's own figures
 * of the same unit. No stock list of organisations, roles or people: an article without enough
 * fitting options gets no multiple choice (the fact becomes a cloze or a short answer instead).
 * Never an alias of the answer, never an entity the evidence sentence itself names, never an option
 * the words before the blank reject ("the France").
 */
import { completesHalfDouble, NUMERIC_KINDS } from './spacing';
import { genderOf } from '../nlp/coref';
import { editDistance } from '../nlp/edit-distance';
import { placeKind, surePerson } from '../nlp/kinds';
import {
	COUNTRY_BY_ALIAS,
	DEMONYMS,
	FIRST_NAMES,
	HONORIFICS,
	MONTHS,
	NUMBER_WORDS,
	ORG_END_WORDS,
	ORG_WORDS,
	ROLE_NOUNS,
	STOPWORDS,
	WEEKDAYS
} from '../nlp/lexicon';
import type { Doc, Entity, Mention, PlaceKind } from '../nlp/types';
import type { AnswerKind } from './types';
import {
	namesOutlet,
	nationAfter,
	nationOfWord,
	roleAfter,
	opposedSide,
	sideOf,
	sportyDoc,
	walkOf,
	walkOfRole,
	type Walk
} from './setting';
import { cachedRe, capitalise, escapeRe, fnv1a, norm } from './util';

/** Party and side labels that stand before some names in the text ("Tory Dominic Grieve"). */
export const LABEL =
	/^(?:tory|tories|labour|conservatives?|democrats?|republicans?|liberal|lib|green|snp|ukip|former|ex|veteran|rookie|new)$/;

/** A last word that names a body or a place, not a person: "Woodhill Prison", "Christian Aid". */
const NOT_A_SURNAME =
	/^(?:prison|street|road|avenue|stadium|park|square|bridge|airport|station|hotel|cathedral|palace|castle|island|county|river|lake|aid|watch|centre|center|association|foundation|trust|council|party|group|club|union|records|studios|magazine|news|times|press|review|radio|tv|online|dvd|episode|diary|blog|awards?|prize)$/i;

export interface AnswerInfo {
	text: string;
	kind: AnswerKind;
	entity?: number;
	value?: number;
	/** The text just before the answer, to check that an option fits the words around it. */
	before?: string;
	/** Where the answer stands: options must fit the figures and descriptions of its sentence. */
	span?: { start: number; end: number };
	/** Entities to offer first, when they fit: for a quote, the article's other speakers. */
	prefer?: ReadonlySet<number>;
	/** The words shown with the question, where there is no span: a quotation. */
	shown?: string;
}

/** The sort of an organisation from its name, when the analysis gives none. */
export function orgSort(name: string): string {
	const n = name.toLowerCase();
	if (/\b(police|constabulary|metropolitan police|fbi|scotland yard)\b/.test(n)) return 'police';
	if (/\b(army|navy|air force|military|forces|marines|nato)\b/.test(n)) return 'military';
	if (/\b(court|tribunal)\b/.test(n)) return 'court';
	if (
		/\b(party|labour|tories|tory|conservatives?|lib dems?|liberal democrats?|democrats?|republicans?|snp|ukip|plaid cymru|greens)\b/.test(
			n
		)
	)
		return 'party';
	if (
		/\b(fc|united|city|rovers|athletic|wanderers|rangers|celtic|albion|county|club|team|squad|all blacks|wallabies|springboks)\b/.test(
			n
		)
	)
		return 'team';
	if (/\b(union|tuc|federation of|association of)\b/.test(n)) return 'union';
	if (
		/\b(bbc|itv|cnn|times|guardian|telegraph|newspaper|magazine|radio|tv|television|news|channel|press|reuters|post|herald|mail|mirror|sun|observer|journal)\b/.test(
			n
		)
	)
		return 'media';
	if (/\b(university|college|school|academy|institute)\b/.test(n)) return 'education';
	if (/\b(hospital|nhs|health)\b/.test(n)) return 'health';
	if (/\b(church|mosque|vatican|synod)\b/.test(n)) return 'religious';
	if (
		/\b(united nations|un|eu|european union|european commission|world bank|imf|wto|who|opec|g8|g7|world trade organi[sz]ation|international)\b/.test(
			n
		)
	)
		return 'international';
	if (
		/\b(ministry|department|office|council|commission|authority|agency|parliament|government|committee|senate|congress|cabinet|treasury|bank of england|federal reserve|fed|regulator|ofcom|ofgem|ofwat|home office|whitehall|assembly)\b/.test(
			n
		)
	)
		return 'public';
	if (
		/\b(inc|ltd|plc|corp|corporation|group|holdings|airlines?|airways|motors|bank|insurance|energy|oil|telecom|communications|records|studios|entertainment|pictures|games|software|systems|technologies|electronics|pharmaceuticals?|stores|retail)\b/.test(
			n
		)
	)
		return 'company';
	return 'other';
}

/**
 * The common noun that heads an organisation's name, lower case: "Bank" of "National Bank of
 * Kuwait", "Group" of "Falcon Group"; '' for a name with no such head ("Sony", "F-Secure").
 */
export function nameHead(name: string): string {
	const core = name
		.trim()
		.replace(/^the\s+/i, '')
		.split(/\s+(?:of|for|de|du)\s+/i)[0] as string;
	const words = core.split(/\s+/);
	if (words.length < 2) return '';
	const last = (words[words.length - 1] as string).toLowerCase().replace(/[.,]$/, '');
	return ORG_WORDS.has(last) || ORG_END_WORDS.has(last) ? last : '';
}

/**
 * Rule "name head": whether the options' names tell the key from the rest: no wrong option shares
 * the key's head noun and they all share one ("Falcon Group" among three "… Bank"s), or they all
 * have a head where the key has none ("Zentrix" beside a Bank, a Council and a University), or the
 * reverse. Mixed sets ("SK Telecom" beside "Nokia", "Vodafone", "LG Electronics") stay.
 */
export function headGiveaway(key: string, options: string[]): boolean {
	const mine = nameHead(key);
	const heads = options.map(nameHead);
	if (heads.includes(mine)) return false;
	// Every wrong option of one head ("… Bank" three times), or all with a head where the key has
	// none, or none where it has one.
	if (new Set(heads).size === 1) return true;
	return heads.every((h) => !!h === !mine);
}

/** Nouns that say what line of business a body is in, after the words of its trade ("security firm"). */
const TRADE_NOUN =
	/(?:^|[^\p{L}-])((?:\p{L}[\p{Ll}-]*\s+){1,2})(?:firm|firms|company|maker|makers|giant|provider|operator|manufacturer|retailer|chain|carrier|developer|publisher|specialist|group|business|house)\s+$/u;
/** Words before such a noun that name no trade: "rival security firm", "the big firm". */
const NOT_TRADE =
	/^(?:the|a|an|its|their|rival|fellow|other|big|small|large|largest|biggest|leading|major|top|giant|global|world|local|british|listed|private|state|family|parent|new|former|and|of|by|at|to|from|said|says|that|which|rivals?)$/;

/**
 * Rule "trade": the words of its trade the text writes right before a body's name: "security"
 * for "Finnish security firm F-Secure", "handset" for "handset maker Nokia". Empty when none.
 */
export function tradeWords(text: string, start: number): string[] {
	const m = TRADE_NOUN.exec(text.slice(Math.max(0, start - 45), start));
	if (!m) return [];
	// A capital only where a sentence opens ("Handset maker Nokia"): "Finnish" names no trade.
	const lead = text.slice(Math.max(0, start - 45), start);
	const opens = /(?:^|[.!?]["”']?\s+)$/.test(
		lead.slice(0, (m.index ?? 0) + m[0].indexOf(m[1] as string))
	);
	return (m[1] as string)
		.trim()
		.split(/\s+/)
		.filter((w, i) => /^\p{Ll}/u.test(w) || (i === 0 && opens))
		.map((w) => w.toLowerCase())
		.filter((w) => !NOT_TRADE.test(w) && !STOPWORDS.has(w) && !DEMONYMS.has(w));
}

/** The trade words the article gives an organisation at any of its mentions. */
export function tradeOf(doc: Doc, e: Entity): Set<string> {
	const out = new Set<string>();
	for (const i of e.mentions) {
		const m = doc.mentions[i];
		if (m) for (const w of tradeWords(doc.text, m.start)) out.add(w);
	}
	return out;
}

/** Words after a name that make it a market index: "FTSE 100", "Nikkei 225", "Dow Jones index". */
const INDEX_AFTER =
	/^\s*(?:\d{2,4}\b|(?:share |stock |composite )?index\b|industrial average\b|average\b)/i;

/** Whether the article writes an organisation as a market index ("the FTSE 100 index"). */
export function namesIndex(doc: Doc, e: Entity): boolean {
	if (/\b(?:index|average)\b/i.test(e.name)) return true;
	return e.mentions.some((i) => {
		const m = doc.mentions[i];
		return !!m && INDEX_AFTER.test(doc.text.slice(m.end, m.end + 24));
	});
}

/** Small words inside people's names: "Ludwig van Beethoven", "Carlos da Silva". */
const NAME_PARTICLE =
	/^(?:de|da|das|do|dos|del|della|der|den|van|von|le|la|du|di|bin|ibn|al|el|st|y|ter|ten)$/;

/** Whether a name reads as a person's: capitalised words and particles only, no "&" or figures. */
export function personLike(name: string): boolean {
	return name
		.trim()
		.split(/\s+/)
		.every((w) => /^\p{Lu}[\p{L}.'’-]*$/u.test(w) || NAME_PARTICLE.test(w));
}

/** Head word of a role ("former French President" → "president"). */
function roleHead(role: string | undefined): string {
	return (
		(role ?? '')
			.toLowerCase()
			.replace(/['’]s\b.*$/, '')
			.trim()
			.split(/\s+/)
			.pop() ?? ''
	);
}

/** How often the text writes `name` after "the" and how often without it. */
function articleUse(text: string, name: string): { the: number; bare: number } {
	let the = 0;
	let bare = 0;
	const lower = text.toLowerCase();
	const n = name.toLowerCase();
	for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) {
		const after = lower[i + n.length] ?? ' ';
		if (/[\p{L}\p{N}]/u.test(after) || /[\p{L}\p{N}]/u.test(lower[i - 1] ?? ' ')) continue;
		if (/\bthe\s+$/.test(lower.slice(Math.max(0, i - 5), i))) the++;
		else bare++;
	}
	return { the, bare };
}

/** Keys under which an answer is the same thing (aliases of a country, an entity's names). */
function sameThingKeys(doc: Doc, a: AnswerInfo): Set<string> {
	const keys = new Set<string>([norm(a.text)]);
	const c = COUNTRY_BY_ALIAS.get(a.text.toLowerCase());
	if (c) for (const x of [...c.aliases, ...c.demonyms]) keys.add(norm(x));
	if (a.entity !== undefined && a.entity >= 0) {
		const e = doc.entities[a.entity] as Entity;
		for (const k of e.keys) keys.add(norm(k));
		keys.add(norm(e.name));
		const ce = COUNTRY_BY_ALIAS.get(e.name.toLowerCase());
		if (ce) for (const x of [...ce.aliases, ...ce.demonyms]) keys.add(norm(x));
	}
	return keys;
}

/** Lower-case initials of a multi-word name ("Financial Times" → "ft"); '' for one word. */
function initials(s: string): string {
	const ws = norm(s)
		.split(' ')
		.filter((w) => !/^(of|and|for|the|de)$/.test(w));
	return ws.length > 1 ? ws.map((w) => w.charAt(0)).join('') : '';
}

/**
 * The letters a name is shortened to: "British National Party" → "bnp", "UK Independence Party" →
 * "ukip" (a word in capitals gives all its letters), "Muslim Association of Britain" → "mab".
 */
export function acronym(name: string): string {
	const ws = name
		.replace(/[^\p{L}\s-]/gu, '')
		.split(/[\s-]+/)
		.filter((w) => w && !/^(?:of|and|for|the|de|du|la|le|des|&)$/i.test(w));
	if (ws.length < 2) return '';
	return ws
		.map((w) => (/^\p{Lu}{2,}$/u.test(w) ? w : w.charAt(0)))
		.join('')
		.toLowerCase();
}

/** Whether two names are one body under its full name and its initials ("BNP", "British National Party"). */
export function initialsMatch(x: string, y: string): boolean {
	const short = (s: string) => s.replace(/[\s.]/g, '').toLowerCase();
	const ax = acronym(x);
	const ay = acronym(y);
	return (!!ay && short(x) === ay) || (!!ax && short(y) === ax);
}

/**
 * Whether two names of six letters or more, with one initial, differ by one letter changed, added
 * or dropped, or two swapped: one name spelt two ways, not two people.
 */
export function misspelt(x: string, y: string): boolean {
	const a = norm(x);
	const b = norm(y);
	if (/\d/.test(a + b)) return false;
	if (a === b || a.length < 6 || b.length < 6 || a[0] !== b[0] || Math.abs(a.length - b.length) > 1)
		return false;
	return editDistance(a, b, 1) <= 1;
}

/** True when two options would confuse the scorer or the learner: equal or one inside the other. */
export function overlaps(a: string, b: string): boolean {
	const x = norm(a);
	const y = norm(b);
	if (!x || !y) return true;
	return x === y || x.includes(y) || y.includes(x);
}

const numberFormat = (v: number, like: string): string => {
	const decimals = /\.(\d+)/.exec(like)?.[1]?.length ?? 0;
	const grouped = /\d,\d{3}/.test(like);
	const s = decimals ? v.toFixed(decimals) : String(Math.round(v));
	return grouped ? Number(s).toLocaleString('en-GB', { minimumFractionDigits: decimals }) : s;
};

const WORD_FOR = new Map<number, string>();
for (const [w, n] of Object.entries(NUMBER_WORDS)) if (!WORD_FOR.has(n)) WORD_FOR.set(n, w);

/** Replaces the first number in `text` by `v`, keeping symbols and words around it. */
function withNumber(text: string, v: number): string | null {
	const m = /\d+(?:[.,]\d+)*/.exec(text);
	if (m) {
		return text.slice(0, m.index) + numberFormat(v, m[0]) + text.slice(m.index + m[0].length);
	}
	const w = /\b([a-z]+)\b/i.exec(text);
	if (w && NUMBER_WORDS[(w[1] as string).toLowerCase()] !== undefined) {
		const word = WORD_FOR.get(v);
		if (!word) return null;
		const out = text.slice(0, w.index) + word + text.slice(w.index + (w[1] as string).length);
		return /^[A-Z]/.test(text) ? capitalise(out) : out;
	}
	return null;
}

/**
 * Figures that fit where the key stands: the same precision and shape, spread unevenly around it,
 * with the key's rank among the options chosen from the answer's own text so that neither the
 * middle nor an end gives it away, and no fixed ratio (halves and doubles) reveals it. Every figure
 * stays strictly inside (lo, hi), bounds in the key's own digits ("fell from _____ to 81": above 81).
 */
export function numericVariants(
	a: AnswerInfo,
	lo = -Infinity,
	hi = Infinity,
	fill: { lo: number; hi: number } = { lo: -Infinity, hi: Infinity },
	coarse = true
): string[] {
	const v = a.value;
	if (v === undefined || !Number.isFinite(v)) return [];
	const hasDigits = /\d/.test(a.text);
	const digits = /\d+(?:[.,]\d+)*/.exec(a.text)?.[0] ?? '0';
	const base = hasDigits ? Number(digits.replace(/,/g, '')) : v;
	const inside = (n: number) => n > lo && n < hi;
	const h = fnv1a(a.text);
	const below = keyRank(a);
	const out: string[] = [];
	if (!hasDigits) {
		// Number words: neighbours that have words of their own.
		const cand: number[] = [];
		for (let i = 1; i <= below; i++) cand.push(base - i);
		for (let i = 1; cand.length < 3 + 3 && i <= 6; i++) cand.push(base + i);
		for (const n of cand)
			if (n > 1 && WORD_FOR.has(n) && inside(n)) {
				const s = withNumber(a.text, n);
				if (s) out.push(s);
			}
		return out;
	}
	const decimals = /\.(\d+)/.exec(digits)?.[1]?.length ?? 0;
	const unit = Math.pow(10, -decimals);
	// A step of about a fifth of the key, rounded to the key's own precision and roundness.
	const zeros = decimals ? 0 : (/0+$/.exec(digits.replace(/,/g, ''))?.[0].length ?? 0);
	let round = decimals
		? unit
		: Math.max(1, Math.pow(10, Math.min(zeros, Math.floor(Math.log10(Math.max(1, base))))));
	// A key of one figure and noughts ("10%", "800 guests"): stepping by its own roundness gives
	// its multiples (20%, 30%, 40%), a pattern that shows the key. A grid of half its roundness
	// breaks it and keeps the options as round as figures of that size are written ("300m" beside
	// "250m", never "170m").
	const single = round * 5 > base && base >= 10;
	// Small keys and those of a leading one ("10", "100") have no round neighbours that are not
	// far or a multiple: they keep the finer grid.
	const half = coarse && base >= 200 && !String(base).startsWith('1');
	if (single) round /= half ? 2 : 10;
	// Months come in quarters and halves of a year: "18 months" beside "12 months", not "25",
	// the nearest on the grid first (a half or a double is a plain count of months here).
	const grid = monthGrid(a.text, base);
	if (grid) {
		const near: number[] = [];
		for (let n = grid; n <= base * 2.6; n += grid) if (n !== base && inside(n)) near.push(n);
		const tie = (x: number) => fnv1a(`${h}|${x}`) % 97;
		near.sort((x, y) => Math.abs(x - base) - Math.abs(y - base) || tie(x) - tie(y));
		return near.map((n) => withNumber(a.text, n)).filter((x): x is string => !!x);
	}
	const fifth = base * 0.2;
	const mag = Math.pow(10, Math.floor(Math.log10(Math.max(unit, fifth))));
	let step = Math.max(round, Math.round(fifth / mag) * mag);
	if (base < 10 && !decimals) step = 1;
	const gaps = [1, 1.5, 2.5, 1.25, 2, 3];
	const offsets: number[] = [];
	let down = 0;
	let up = 0;
	for (let i = 0; i < 3; i++) {
		const g = gaps[(h >>> (3 + i * 3)) % gaps.length] as number;
		if (i < below) offsets.push(-(down += g));
		else offsets.push((up += g));
	}
	// More than three, in case some fall outside what the unit or the sentence allows.
	offsets.push(up + 1.75, -(down + 1.75), up + 3.75);
	// Where the sentence bounds one side, the other side's near neighbours.
	offsets.push(-1, 1, -2, 2, 3, -3, -0.5, 0.5, 1.5, -1.5, 4, 5);
	// A key with more digits than the step ("10,227" stepped by 2,000) gets its low digits varied
	// too: options that all end in "227" show which digits were moved, and so do options that all
	// keep the key's decimals ("6661.89" beside "8451.89"): the shift is fine enough to move them.
	const share = (o: number) =>
		decimals ? (fnv1a(`${a.text}|${o}`) % 9973) / 9973 : (fnv1a(`${a.text}|${o}`) % 61) / 100;
	const jitter = (o: number) => (step >= 10 * round ? (share(o) - 0.3) * step : 0);
	const seen = new Set<number>([base]);
	const add = (raw: number, r: number, o = 0) => {
		if (r === round) raw += jitter(o);
		let n = Math.round(raw / r) * r;
		n = Number(n.toFixed(decimals));
		if (n <= 0 || seen.has(n) || !inside(n)) return;
		// A share stays within the whole; a rise of more than 100% ("a 112% rise") does not.
		if (a.kind === 'percent' && n > 100 && base <= 100) return;
		// Below ten every neighbour is some multiple (2 beside 4); above, a finer grid avoids them.
		if (base >= 10 && multipleOf(n, base)) return;
		seen.add(n);
		const s = withNumber(a.text, n);
		if (s) out.push(s);
	};
	// A figure of the sentence close to the key: figures between the two, at the key's precision or
	// finer, so that the options are not all on one side of the key.
	const fine = Math.max(unit, round / 10);
	const between = (most = 3) => {
		for (const f of [0.45, 0.75, 0.25].slice(0, most)) {
			if (fill.lo > base / 2.5 && fill.lo < base) add(base - (base - fill.lo) * f, fine);
			if (fill.hi < base * 2.5 && fill.hi > base) add(base + (fill.hi - base) * f, fine);
		}
	};
	// When the sentence rules out a side the pattern wanted, the room between comes first.
	const blocked = offsets.slice(0, 3).filter((o) => !inside(base + o * step)).length;
	if (blocked) between(Math.min(blocked, 2));
	for (const o of offsets) add(base + o * step, round, o);
	between();
	// Where half the roundness leaves too few figures ("100%" has only "50%" and "150%"), the
	// finer grid of a tenth fills in.
	if (half && single && out.length < 4)
		for (const x of numericVariants(a, lo, hi, fill, false)) if (!out.includes(x)) out.push(x);
	return out;
}

const decimal = (s: string): boolean => /\d\.\d/.test(s);

/**
 * Rule "month grid": a count of months divisible by six or three is offered counts on the same
 * grid ("18 months" beside "12 months" and "24 months", not "25 months"). 0 for other keys.
 */
export function monthGrid(text: string, base: number): number {
	if (!/^\d+\s+months?\b/i.test(text.trim()) || base < 3) return 0;
	return base % 6 === 0 ? 6 : base % 3 === 0 ? 3 : 0;
}

/** Words after a figure that make it a time of day: "at 2115 GMT", "at 19.45 local time". */
const CLOCK_AFTER = /^\s*(?:GMT|BST|CET|UTC|ET|EST|PST|hrs|hours\b|local time)/;

/**
 * Rule "clock time": a figure written as a time of day ("2115 GMT", "19:45 BST") is offered other
 * valid times on the key's own grid of minutes (whole hours, halves, quarters or fives), a few
 * steps either side and inside the bounds the sentence sets: never "1363" or "531". Empty when the
 * key is no time of day.
 */
export function clockVariants(
	text: string,
	span: { start: number; end: number },
	key: string,
	lo = -Infinity,
	hi = Infinity
): string[] | undefined {
	const m = /^(\d{1,2})([:.]?)(\d{2})$/.exec(key.trim());
	if (!m || !CLOCK_AFTER.test(text.slice(span.end, span.end + 14))) return undefined;
	const h = Number(m[1]);
	const min = Number(m[3]);
	const sep = m[2] as string;
	if (h > 23 || min > 59 || (!sep && (m[1] as string).length !== 2)) return undefined;
	const g = min % 60 === 0 ? 60 : min % 30 === 0 ? 30 : min % 15 === 0 ? 15 : 5;
	const at = h * 60 + min;
	const out: string[] = [];
	for (const k of [-2, 1, 3, -1, 2, -3, 4, -4, 5, -5]) {
		const t = at + k * g;
		if (t < 0 || t >= 24 * 60) continue;
		const hh = Math.floor(t / 60);
		const mm = t % 60;
		// Bounds in the key's own value: 2115 for "2115", 21.15 for "21.15".
		const value = sep === ':' ? NaN : sep ? hh + mm / 100 : hh * 100 + mm;
		if (value <= lo || value >= hi) continue;
		const hs = (m[1] as string).length === 2 ? String(hh).padStart(2, '0') : String(hh);
		out.push(`${hs}${sep}${String(mm).padStart(2, '0')}`);
	}
	return out;
}

/**
 * Rule "fixed distance": a distance run, swum or raced ("10,000m", "300m stage") has the lengths
 * its sport sets; invented ones ("14,000m") are no honest options, so only the article's own
 * distances are offered.
 */
export function fixedDistance(doc: Doc, text: string): boolean {
	const t = text.trim();
	const event =
		/^\d[\d,.]*\s*(?:m|km|metres?|meters?|kilometres?|miles?)\s+(?:stage|race|event|final|title|record|gold|silver|bronze|medal|crown|freestyle|backstroke|breaststroke|butterfly|medley|hurdles|relay|run|sprint|mark|steeplechase|walk)$/i;
	if (event.test(t)) return true;
	return (
		/^\d[\d,.]*(?:m|km)$/i.test(t) &&
		(sportyDoc(doc) ||
			/\b(?:hurdles|sprint|relay|marathon|athletics|Olympics?|metres)\b/i.test(doc.text))
	);
}

/** Words of a story of races run or swum. */
const RACED =
	/\b(?:hurdles|sprint(?:er|ers)?|relay|marathon|athletics|Olympics?|races?|runners?|swim\w*|championships?)\b/i;

/** Sizes made only in set values, by unit: race and pool distances, engine sizes, screen sizes. */
const SET_SIZES: {
	unit: RegExp;
	values: number[];
	/** Words the key's sentence must hold for the set to apply ("screen" for inches). */
	needs?: RegExp;
	/** Values offered only in an article with these words (60m is run indoors only). */
	only?: Record<number, RegExp>;
}[] = [
	{
		unit: /^(?:m|metres?|meters?)$/i,
		values: [50, 100, 200, 400, 800, 1500],
		needs: /\b(?:swim\w*|pool|freestyle|backstroke|breaststroke|butterfly|medley)\b/i
	},
	{
		unit: /^(?:m|metres?|meters?)$/i,
		values: [60, 100, 200, 400, 800, 1500, 3000, 5000, 10000],
		only: { 60: /\bindoors?\b/i }
	},
	{ unit: /^(?:km|kilometres?|kilometers?)$/i, values: [3, 5, 10, 15, 20, 50] },
	{
		unit: /^cc$/i,
		values: [50, 125, 250, 500, 600, 750, 1000, 1200, 1400, 1600, 1800, 2000, 3000]
	},
	{
		unit: /^(?:in|inch|inches|-inch)$/i,
		values: [
			2, 2.2, 2.4, 3, 3.5, 4, 5, 7, 10, 12, 14, 15, 17, 19, 21, 24, 26, 28, 32, 37, 42, 50, 60
		],
		needs: /\b(?:screens?|displays?|monitors?|TVs?|televisions?|plasma|LCD)\b/i
	}
];

/**
 * Rule "real sizes only": a race distance ("1500m", "10,000m"), an engine's "125cc" or a screen's
 * "42in" comes in a small set of values; a made-up "3100m" or "250m" reads as no event at all.
 * The set's values nearest the key, written as the key is; [] when the key is of such a unit but
 * no value of the set (only the article's own figures are honest then); null for any other key.
 * Metres and kilometres count as such only in a story of races (see `fixedDistance`).
 */
export function setSizeVariants(doc: Doc, text: string, sentence = ''): string[] | null {
	const t = text.trim();
	// "10,500m course": the word after the unit goes with every option.
	const m = /^(\d[\d,]*(?:\.\d+)?)(\s*)(-?[a-z]+)((?:\s+\p{Ll}+)?)$/iu.exec(t);
	if (!m) return null;
	const [, digits, gap, unit, tail] = m as unknown as [string, string, string, string, string];
	const set = SET_SIZES.find((x) => x.unit.test(unit) && (!x.needs || x.needs.test(sentence)));
	if (!set) return null;
	const n = Number(digits.replace(/,/g, ''));
	if (/^(?:m|metres?|meters?|km|kilometres?|kilometers?)$/i.test(unit)) {
		// "10.9m viewers", "£4m": millions, or a length no race is run over.
		if (!Number.isInteger(n) || (/^m/i.test(unit) && n < 50)) return null;
		// "508m tall", "200 metres away": a length measured, not raced; and races only in a story of them.
		if (/^\s*(?:tall|high|long|wide|deep|away|across|square|below|above)$/.test(tail)) return null;
		if (!sportyDoc(doc) && !RACED.test(doc.text)) return null;
	}
	if (!set.values.includes(n)) return [];
	const commas = digits.includes(',');
	const write = (v: number) => (commas && v >= 1000 ? v.toLocaleString('en-GB') : String(v));
	return set.values
		.filter((v) => v !== n && (!set.only?.[v] || set.only[v].test(doc.text)))
		.sort((x, y) => Math.abs(Math.log(x / n)) - Math.abs(Math.log(y / n)) || x - y)
		.map((v) => `${write(v)}${gap}${unit}${tail}`);
}

/** The figures a sentence shows outside one span, as numbers ("(149 euros)" gives 149). */
export function figuresShown(doc: Doc, span: { start: number; end: number }): Set<number> {
	const values = new Set<number>();
	for (const m of (blankedSentence(doc, span) ?? '').matchAll(/\d+(?:[.,]\d+)*/g)) {
		const n = Number(m[0].replace(/,(?=\d{3}\b)/g, ''));
		if (Number.isFinite(n)) values.add(n);
	}
	return values;
}

/** The sentence a span stands in, with the span left out ("… the price of _ (149 euros)"). */
function blankedSentence(doc: Doc, span: { start: number; end: number }): string | undefined {
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return undefined;
	return `${doc.text.slice(s.start, span.start)} _ ${doc.text.slice(span.end, Math.max(span.end, s.end))}`;
}

/**
 * Rule "key figure shown": the key's own figure stands elsewhere in its sentence ("the US price of
 * _____" keyed to "$149" beside "(149 euros)"), so the blank shows its answer. Figures of two
 * digits or more only: a "2" recurs without giving anything away.
 */
export function keyFigureShown(
	doc: Doc,
	span: { start: number; end: number },
	key: string
): boolean {
	const f = /\d+(?:[.,]\d+)*/.exec(key)?.[0];
	if (!f || f.replace(/\D/g, '').length < 2) return false;
	return figuresShown(doc, span).has(Number(f.replace(/,(?=\d{3}\b)/g, '')));
}

/** Words right before a figure that make it the size of a change: "rose 15%", "up by $2m". */
const CHANGE_BEFORE =
	/(?:[,–-]\s*or|\b(?:sank|sinks?|sinking|sunk|rose|rises?|rising|risen|fell|falls?|falling|fallen|up|down|increas\w*|decreas\w*|drop\w*|jump\w*|climb\w*|grew|grows?|growing|grown|gain\w*|slump\w*|declin\w*|cut|cuts|lower\w*|rais\w*|boost\w*|surg\w*|soar\w*|plung\w*|slid\w*|slip\w*|dip\w*|tumbl\w*|shed|lost|lose|loses|add\w*))\s+(?:by\s+)?(?:(?:about|nearly|almost|some|around|roughly|more than|over|just|only|a further|another)\s+)?$/i;
/** Nouns right after a figure that make it the size of a change: "a 15% rise", "8% higher". */
const CHANGE_AFTER =
	/^\s*(?:rise|fall|increase|decrease|drop|jump|climb|gain|slump|decline|cut|growth|higher|lower|more|less|improvement|reduction|surge|leap|slide|dip)\b/i;
/** Words right before a figure that make it the level a change starts from: "from $66m". */
const BASE_BEFORE =
	/\b(?:from|against|compared (?:with|to)|versus|vs\.?)\s+(?:(?:a|an|the|its|their|his|her)\s+)?(?:[\p{Ll}-]+\s+){0,2}(?:of\s+)?$/iu;
/** A change given as a ratio: "doubled to", "halved from". */
const RATIO_WORD = /\b(?:doubl|halv|tripl|trebl|quadrupl)\w*/i;

/** The unit a figure is written in, singular: "euros" and "euro" agree, "pence" is "p". */
function unitKey(m: { kind: string; text: string }): string {
	const t = m.text.trim().toLowerCase();
	if (m.kind === 'percent' || /^[$£€¥₹]/.test(t)) return unitOf(m);
	return t
		.replace(/^[^\d]*[\d.,]+\s*(?:(?:million|billion|thousand|trillion|bn|m|k)\b)?\s*/, '')
		.replace(/^pence$/, 'p')
		.replace(/^(?:cents?)$/, 'c')
		.replace(/s$/, '');
}

/**
 * Rule "change fixed": a change is fixed by any two of its starting level, its end level, its
 * size and its rate (a percentage or "doubled"). Where the key's sentence shows three of them and
 * the key is one ("profits fell 15% to $56m, against $66m a year earlier"), the key can be worked
 * out from the others, and most wrong figures are impossible: no multiple choice on it.
 */
export function changeFixed(doc: Doc, span: { start: number; end: number }): boolean {
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return false;
	const text = doc.text;
	const figures = (doc.bySentence[s.index] ?? [])
		.map((i) => doc.mentions[i] as Mention)
		.filter((m) => NUMERIC_KINDS.has(m.kind) && m.value !== undefined)
		// "(£600m)": a conversion restates a figure beside it.
		.filter((m) => !/\([^()]*$/.test(text.slice(Math.max(s.start, m.start - 20), m.start)));
	const key = figures.find((m) => m.start === span.start && m.end === span.end);
	if (!key) return false;
	type Part = { m: Mention; part: 'rate' | 'size' | 'base' | 'level'; unit: string };
	const parts: Part[] = figures.map((m) => {
		const lead = text.slice(Math.max(s.start, m.start - 40), m.start);
		const change = CHANGE_BEFORE.test(lead) || CHANGE_AFTER.test(text.slice(m.end, m.end + 14));
		const unit = unitKey(m);
		if (change) return { m, part: m.kind === 'percent' ? 'rate' : 'size', unit };
		return { m, part: BASE_BEFORE.test(lead) ? 'base' : 'level', unit };
	});
	const ratio = RATIO_WORD.test(text.slice(s.start, s.end));
	const mine = parts.find((p) => p.m === key) as Part;
	// The levels and sizes of one unit, with the rate of any: the key must be one of them.
	const unit = mine.part === 'rate' ? undefined : mine.unit;
	const units = unit
		? [unit]
		: [...new Set(parts.filter((p) => p.part !== 'rate').map((p) => p.unit))];
	const rate = ratio || parts.some((p) => p.part === 'rate');
	return units.some((u) => {
		const of = (part: Part['part']) => parts.some((p) => p.part === part && p.unit === u);
		const known = [rate, of('size'), of('base'), of('level')].filter(Boolean).length;
		return known >= 3;
	});
}

/** Whether "an" stands before the option as read aloud: "an $11bn fraud", "an 18-year-old", "an MP". */
export function takesAn(option: string): boolean {
	const t = option.trim().replace(/^[$£€¥₹]/, '');
	if (/^\d/.test(t)) {
		// "11,000" and "18.5" are read "eleven …", "eighteen …"; "110" is "a hundred and ten".
		const lead = (/^\d+/.exec(t) as RegExpExecArray)[0];
		return lead.startsWith('8') || lead === '11' || lead === '18';
	}
	if (/^[A-Z]{2,}\b/.test(t)) return /^[AEFHILMNORSX]/.test(t);
	if (/^(?:uni|use|usu|uti|eu|one|once|ewe)/i.test(t)) return false;
	if (/^(?:hour|honou?r|honest|heir)/i.test(t)) return true;
	return /^[aeiou]/i.test(t);
}

/**
 * Rule "same article": figures read with "an" like the key ("an 85%" beside "an 81%", "an 88%",
 * "an 18%"), on the key's own grid, for a key after "an" that few invented figures share.
 */
export function anVariants(a: AnswerInfo, lo: number, hi: number): string[] {
	const digits = /\d+(?:[.,]\d+)*/.exec(a.text)?.[0];
	if (!digits || !takesAn(a.text)) return [];
	const whole = (digits.split('.')[0] as string).replace(/,/g, '');
	const decimals = /\.(\d+)/.exec(digits)?.[1]?.length ?? 0;
	const base = Number(digits.replace(/,/g, ''));
	const order = Math.pow(10, whole.length - 1);
	const step = decimals ? Math.pow(10, -decimals) : Math.max(1, order / 10);
	const out: number[] = [];
	for (let j = 0; j < 10; j++) out.push(8 * order + j * step);
	if (whole.length === 2) out.push(11, 18);
	const h = fnv1a(a.text);
	return out
		.map((n) => Number(n.toFixed(decimals)))
		.filter((n) => n !== base && n > lo && n < hi && n > 0)
		.sort((x, y) => (fnv1a(`${h}|${x}`) % 97) - (fnv1a(`${h}|${y}`) % 97))
		.map((n) => withNumber(a.text, n))
		.filter((x): x is string => !!x && takesAn(x));
}

/** Whether one figure is a small whole multiple of the other (half, double, triple, tenfold). */
export function multipleOf(x: number, y: number): boolean {
	if (!(x > 0) || !(y > 0) || x === y) return false;
	const r = x > y ? x / y : y / x;
	return [2, 3, 4, 10].some((k) => Math.abs(r - k) < 1e-9);
}

/** The currency or unit a figure is written in: "$", "£", "euros", "%", "barrels". */
function unitOf(m: { kind: string; text: string }): string {
	const t = m.text.trim().toLowerCase();
	if (m.kind === 'percent') return '%';
	const sym = /^[$£€¥₹]/.exec(t)?.[0];
	if (sym) return sym;
	return t.replace(/^[^\d]*[\d.,]+\s*(?:million|billion|thousand|bn|m|k|trillion)?\b/, '').trim();
}

/** Words right before a figure that make it someone's age. */
const AGE_BEFORE = /\b(?:aged|age of|ages of)\s+$/i;
/** "He was _____, had been ill …", "who is _____ and …": a bare figure after a person's "was" is an age. */
const AGE_COPULA = /\b(?:he|she|who)\s+(?:was|is)\s+$/i;
const AGE_AFTER = /^\s*(?:,|\.|;|when\b|and\b)/;

/** Words before a count of years that make it the length of a marriage: "his wife of". */
const MARRIAGE =
	/\b(?:wife|husband|partner|widow|widower|marriage|married|wed|together)\b[^.,;]{0,20}$/i;

/** The oldest age the article gives anyone ("aged 87", "the 87-year-old"); 90 when it gives none. */
function oldestAge(doc: Doc): number {
	let out = 0;
	for (const m of doc.text.matchAll(/\b(?:aged|age of)\s+(\d{1,3})\b|\b(\d{1,3})-year-old\b/g)) {
		const n = Number(m[1] ?? m[2]);
		if (n < 110) out = Math.max(out, n);
	}
	return out || 90;
}

/**
 * Whether a figure is someone's age: "aged 87", "the 87-year-old", "87 years old", "Tom Reid,
 * 87,". An age is never offered for another figure, nor another figure for an age.
 */
export function isAge(doc: Doc, m: { start: number; end: number; value?: number }): boolean {
	if ((m.value ?? 0) >= 110) return false;
	const lead = doc.text.slice(Math.max(0, m.start - 24), m.start);
	const after = doc.text.slice(m.end, m.end + 14);
	return (
		AGE_BEFORE.test(lead) ||
		/^(?:-year-old|\s+years?\s+old\b|\s+years of age\b)/.test(after) ||
		(/\p{Lu}[\p{L}'’-]+,\s*$/u.test(lead) && /^\s*,/.test(after))
	);
}

/** Words right before a level that is a new high or a new low ("rise above the", "fall below"). */
const NEW_HIGH =
	/\b(?:ris\w*|rose|climb\w*|go|goes|went|mov\w*|break\w*|broke|top\w*|pass\w*|exceed\w*|cross\w*|surg\w*|push\w*|soar\w*)\s+(?:above|through|past|beyond|over)?\s*(?:the\s+)?$/i;
const NEW_LOW =
	/\b(?:fall\w*|fell|drop\w*|dip\w*|sink\w*|sank|slip\w*|slid\w*|plung\w*|tumbl\w*)\s+(?:below|under|beneath|through)\s+(?:the\s+)?$/i;

/** Words that open a further share of a whole already divided ("another", "the remaining"). */
const FURTHER_SHARE =
	/\b(?:another|a further|the remaining|the other|the rest,?)\s+(?:\p{L}+\s+)?$/iu;

/** Words of a rise. */
const RISE =
	/\b(?:rise|rises|rose|risen|increase[sd]?|growth|gain(?:s|ed)?|jump(?:s|ed)?|grew|up)\b/i;
/** "at least a doubling", "more than doubled", "over treble": a rise stated as at least a ratio. */
const RATIO_BOUND =
	/\b(?:at least|more than|over)\s+(?:a\s+)?(doubl|tripl|trebl|quadrupl)\w*|\b(doubled|tripled|trebled)\s+or\s+more\b/i;

/**
 * The least rise in per cent that the key's sentence or the one before it allows: 100 after "at
 * least a doubling", 200 after "more than tripled"; 0 when neither says so.
 */
export function riseFloor(doc: Doc, sentence: number): number {
	for (const k of [sentence, sentence - 1]) {
		const s = doc.sentences[k];
		if (!s) continue;
		const m = RATIO_BOUND.exec(doc.text.slice(s.start, s.end));
		if (!m) continue;
		const w = (m[1] ?? m[2] ?? '').toLowerCase();
		return w.startsWith('doubl') ? 100 : w.startsWith('quadrupl') ? 300 : 200;
	}
	return 0;
}

/**
 * The range every option must stay in: the key's side of each other figure of the same unit in its
 * sentence ("fell from _____ to 81" keeps options above 81; "Of the _____ approved, less than $2bn
 * has been spent" keeps them above $2bn), and a share on the key's side of a half ("used by about
 * 95%" gets no 45%). In the key's own value scale; open ends are infinite.
 */
export function numberBounds(
	doc: Doc,
	a: AnswerInfo
): { min: number; max: number; partnerMin: number; partnerMax: number } {
	let min = -Infinity;
	let max = Infinity;
	const v = a.value;
	const done = () => ({
		min: Math.max(min, half.min),
		max: Math.min(max, half.max),
		partnerMin: min,
		partnerMax: max
	});
	const half = { min: -Infinity, max: Infinity };
	if (v === undefined || !Number.isFinite(v)) return done();
	if (a.kind === 'percent') {
		if (v >= 60) half.min = 50;
		else if (v <= 40) half.max = 50;
		// A share of something is never all or none of it ("the unit, which produces 100% of ...").
		if (v > 0 && v < 100) {
			min = Math.max(min, 0);
			max = Math.min(max, 100);
		}
	}
	// "died aged _____", "Tom Reid, _____,": an age stays a human age.
	if (
		a.span &&
		(AGE_BEFORE.test(doc.text.slice(Math.max(0, a.span.start - 12), a.span.start)) ||
			(a.kind === 'number' &&
				AGE_COPULA.test(doc.text.slice(Math.max(0, a.span.start - 12), a.span.start)) &&
				AGE_AFTER.test(doc.text.slice(a.span.end, a.span.end + 6)))) &&
		v < 110
	) {
		min = Math.max(min, 0);
		max = Math.min(max, 106);
	}
	// Rule "span of a life": "his wife of _____" keyed to "56 years" is no longer than a grown
	// life, by the oldest age the article gives.
	if (a.span && /^\d+\s+years?$/i.test(a.text.trim()) && v < 110) {
		const lead = doc.text.slice(Math.max(0, a.span.start - 30), a.span.start);
		if (MARRIAGE.test(lead)) max = Math.min(max, Math.max(v + 1, oldestAge(doc) - 15));
	}
	const span = a.span;
	if (!span) return done();
	const s = doc.sentences.find((x) => x.start <= span.start && span.end <= x.end);
	if (!s) return done();
	// "will rise above the _____ for the first time": a new high lies above every level of the
	// same kind the article says was reached ("closed at 24,997 points"); a new low below them.
	const first = /^[^.;]{0,50}\bfor the first time\b/i.test(doc.text.slice(span.end, s.end));
	const lead = doc.text.slice(Math.max(s.start, span.start - 40), span.start);
	const dir = !first ? 0 : NEW_HIGH.test(lead) ? 1 : NEW_LOW.test(lead) ? -1 : 0;
	if (dir)
		for (const m of doc.mentions) {
			if (m.kind !== a.kind || m.value === undefined || m.start === span.start) continue;
			if (m.value < v / 1.5 || m.value > v * 1.5) continue;
			if (dir > 0 && m.value < v) min = Math.max(min, m.value);
			if (dir < 0 && m.value > v) max = Math.min(max, m.value);
		}
	const mine = unitKey(a);
	let shares = 0;
	for (const i of doc.bySentence[s.index] ?? []) {
		const m = doc.mentions[i] as Mention;
		if (m.start === span.start || m.kind !== a.kind || m.value === undefined) continue;
		if (m.start < span.end && m.end > span.start) continue;
		if (unitKey(m) !== mine && !countsNoun(doc.text, m, mine)) continue;
		if (m.value < v) min = Math.max(min, m.value);
		else if (m.value > v) max = Math.min(max, m.value);
		if (m.start < span.start) shares += m.value;
	}
	// "70% were no worse off, and another _____": a further share of the same whole cannot take
	// the shares before it past 100%.
	if (
		a.kind === 'percent' &&
		shares > 0 &&
		shares + v <= 100 &&
		FURTHER_SHARE.test(doc.text.slice(Math.max(0, span.start - 30), span.start))
	)
		max = Math.min(max, 100 - shares + (shares + v === 100 ? 1 : 0));
	const total = totalOf(doc.text, span);
	if (total !== undefined && total >= v) max = Math.min(max, total + (total === v ? 1 : 0));
	// Rule "stated bound": "All regions saw at least a doubling … Scotland saw the smallest
	// increase of just _____" keyed to 112%: every rise offered is above 100%.
	const floor = a.kind === 'percent' ? riseFloor(doc, s.index) : 0;
	if (floor && v > floor && RISE.test(doc.text.slice(s.start, s.end))) min = Math.max(min, floor);
	const change = changeFrom(doc, span, a.kind);
	if (change !== undefined && change !== v) {
		// Rule "meaningful change": "cut from 70% to _____" keyed to 49% gets no 68%: every option
		// moves from the first figure by a third of the key's move at least, the way the key goes.
		const gap = Math.abs(change - v) / 3;
		if (v < change) max = Math.min(max, change - gap);
		else min = Math.max(min, change + gap);
	}
	return done();
}

/**
 * Rule "sentence anchor": whether a figure counts the noun `noun` a few words on ("200 league and
 * cup goals" counts goals), so that it bounds a key written "187 goals" in the same sentence.
 */
export function countsNoun(text: string, m: { start: number; end: number }, noun: string): boolean {
	if (!/^\p{L}{3,}$/u.test(noun)) return false;
	const after = text.slice(m.end, m.end + 40);
	return cachedRe(`^(?:\\s+[\\p{L}-]+){0,3}?\\s+${escapeRe(noun)}s?\\b`, 'iu').test(after);
}

/**
 * The figure a change starts from, when the blank is where it ends: "cut from 70% to _____" gives
 * 70 (the value of the figure of the key's kind right before "to").
 */
export function changeFrom(
	doc: Doc,
	span: { start: number; end: number },
	kind: string
): number | undefined {
	const lead = doc.text.slice(Math.max(0, span.start - 60), span.start);
	const m = /\bfrom\s+(\S+(?:\s+\S+)?)\s+to\s+$/i.exec(lead);
	if (!m) return undefined;
	const at = span.start - (lead.length - m.index);
	const to = span.start - (/\s+to\s+$/i.exec(lead) as RegExpExecArray)[0].length;
	const f = doc.mentions.find(
		(x) =>
			x.kind === kind && x.value !== undefined && x.start >= at && x.end <= to && x.end >= to - 1
	);
	return f?.value;
}

/** A count written in digits or words: "15", "1,200", "twenty". */
function countValue(s: string): number | undefined {
	const w = NUMBER_WORDS[s.toLowerCase()];
	if (w !== undefined) return w;
	const n = Number(s.replace(/,/g, ''));
	return /^\d[\d,]*$/.test(s) && Number.isFinite(n) ? n : undefined;
}

const COUNT = '(\\d[\\d,]*|[a-z]+)';
/** Outcomes that cannot outnumber the games they are counted in: "13 wins in 15 league games". */
const OUTCOME = /^(?:wins|victories|defeats|losses|draws|starts|clean sheets)$/i;
const GAMES =
	/^(?:\p{L}+\s+){0,2}(?:games|matches|fixtures|outings|races|tests|events|tournaments|appearances|ties|bouts|fights)\b/iu;
const PARTITIVE_AFTER = new RegExp(
	`^\\s+(?:(?:of|out of)\\s+(?:the|its|their|his|her)|out of)\\s+${COUNT}\\b`,
	'i'
);
const IN_AFTER = new RegExp(
	`^\\s+(?:in|from)\\s+(?:(?:the|its|their|his|her|last|first|past|only)\\s+){0,2}${COUNT}\\s+(.*)$`,
	'i'
);
const PARTITIVE_BEFORE = new RegExp(
	`\\b(?:of|out of)\\s+(?:the|its|their)\\s+${COUNT}\\s+[^,.;:]{1,80},\\s*$`,
	'i'
);

/**
 * The whole a count is part of, when the sentence gives it: "13 wins in 15 league games" (wins
 * cannot outnumber the games), "_____ of the 20 sectors", "Of the 20 sectors surveyed, _____".
 */
export function totalOf(text: string, span: { start: number; end: number }): number | undefined {
	const key = text.slice(span.start, span.end).trim();
	let after = text.slice(span.end, span.end + 80);
	const before = text.slice(Math.max(0, span.start - 120), span.start);
	const p = PARTITIVE_AFTER.exec(after);
	const pv = p && countValue(p[1] as string);
	if (pv) return pv;
	// The counted noun: in the key ("13 wins") or right after it ("13 wins" with "13" blanked).
	let noun = /\s(\p{L}+(?:\s+sheets)?)$/u.exec(key)?.[1];
	if (!noun) {
		const w = /^\s+(\p{L}+(?:\s+sheets)?)/u.exec(after);
		noun = w?.[1];
		if (w) after = after.slice(w[0].length);
	}
	const i = IN_AFTER.exec(after);
	if (i && noun && OUTCOME.test(noun) && GAMES.test(i[2] as string)) {
		const v = countValue(i[1] as string);
		if (v) return v;
	}
	const b = PARTITIVE_BEFORE.exec(before);
	const bv = b && countValue(b[1] as string);
	return bv || undefined;
}

const CHILD_NOUN = '(?:boy|girl|schoolboy|schoolgirl|teenager|pupil|toddler|baby)';
const CHILD_BEFORE = new RegExp(`(?:\\b(?:[1-9]|1[0-7])-year-old|\\b${CHILD_NOUN})\\s+$`, 'i');
const CHILD_HEAD = new RegExp(`^${CHILD_NOUN}\\s`, 'i');
const CHILD_AFTER =
	/^,\s*(?:(?:[1-9]|1[0-7]),|(?:his|her|their)\s+(?:(?:[1-9]|1[0-7])-year-old|baby|infant)\b)/;

/**
 * Whether the article shows the person to be a child: "14-year-old Tom Reid", "Tom Reid, 14,",
 * "Schoolboy Tom Reid" (a mention that ends with the person's name counts as theirs).
 */
export function isChild(doc: Doc, e: Entity): boolean {
	return doc.mentions.some(
		(m) =>
			(m.entity === e.id || (m.kind === 'person' && m.text.endsWith(` ${e.name}`))) &&
			(CHILD_HEAD.test(m.text) ||
				CHILD_BEFORE.test(doc.text.slice(Math.max(0, m.start - 24), m.start)) ||
				CHILD_AFTER.test(doc.text.slice(m.end, m.end + 40)))
	);
}

/** Events held on a fixed cycle: a year offered beside theirs must be one they could fall in. */
const CYCLES: [RegExp, number][] = [
	[
		/\b(?:elections?|elected|presidential|mid-?terms?|Olympics?|Olympic Games|Paralympics?|World Cup|Commonwealth Games)\b/i,
		4
	],
	[/\bcensus\b/i, 10]
];

/** The cycle in years of an event the sentence ties the answer to ("the 2004 election": 4), or 0. */
export function yearCycle(doc: Doc, span: { start: number } | undefined): number {
	if (!span) return 0;
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return 0;
	return CYCLES.find(([re]) => re.test(s.text))?.[1] ?? 0;
}

/** A year inside a date's text, 1000 to 2099: "in 1337", "March 2003". */
const YEAR_IN = /\b(1\d\d\d|20\d\d)\b/;
const YEARS_IN = new RegExp(YEAR_IN.source, 'g');
const BARE_YEAR = new RegExp(`^${YEAR_IN.source}$`);

/** A date that is a year and nothing more: "2004", "in 1998". */
export function bareYear(text: string): boolean {
	return BARE_YEAR.test(text.trim());
}

/** "16 years after", "three years earlier": an interval that ties two years of one story. */
const INTERVAL = /\b(\d{1,3}|[a-z]+)(?:-|\s+)years?\s+(?:after|before|later|earlier|on)\b/gi;

/**
 * Rule "year from interval": "Den's death came 16 years after he was shot in _____", with the
 * year of his death in the article: the key is the other year plus or minus the interval, so a
 * learner counts instead of recalling. True when the key's sentence gives an interval in years
 * and the article shows a year that far from the key.
 */
export function yearFromInterval(doc: Doc, span: { start: number }, key: string): boolean {
	if (!bareYear(key)) return false;
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return false;
	const y = Number(key.trim());
	const years = new Set([...doc.text.matchAll(YEARS_IN)].map((m) => Number(m[1])));
	for (const m of s.text.matchAll(INTERVAL)) {
		const w = (m[1] as string).toLowerCase();
		const n = /^\d/.test(w) ? Number(w) : NUMBER_WORDS[w];
		if (n && (years.has(y + n) || years.has(y - n))) return true;
	}
	return false;
}

/**
 * Rule "near date": a date with a month is offered dates a few months either side at most (the
 * same season: no "18 July" beside an indoor meeting of "18 February"), and a date with a day gets
 * another day in each option, not the key's day in other months ("18 May", "18 July"). The moves
 * come from the key's own text, so no fixed pattern shows which option is the key; a year moves
 * with a month that crosses it.
 */
export function nearDates(text: string, month: number): string[] {
	const h = fnv1a(text);
	const dayRe = /(^|\s)(\d{1,2})(st|nd|rd|th)?(?=\s|,|$)/;
	const dm = dayRe.exec(text);
	const day = dm ? Number(dm[2]) : 0;
	const hasDay = day >= 1 && day <= 31;
	// Another day of the same month, or one or two months away; three only to fill in.
	const moves = hasDay ? [0, 1, -1, 2, -2] : cycleMoves(text, 3);
	// Shuffled by the key, so the nearest month is not always the first option.
	if (hasDay) moves.sort((x, y) => (fnv1a(`${h}|${x}`) % 97) - (fnv1a(`${h}|${y}`) % 97));
	for (const d of [3, -3]) if (!moves.includes(d)) moves.push(d);
	// Other days of the key's own month last, for keys kept to a named period.
	if (hasDay) moves.push(0, 0);
	const out: string[] = [];
	const days = new Set<number>([day]);
	const monthRe = MONTH_RES[month] as RegExp;
	for (const [i, d] of moves.entries()) {
		const m = month + d;
		let t = text.replace(monthRe, capitalise(MONTHS[(m + 12) % 12] as string));
		const y = YEAR_IN.exec(t);
		if (y && (m < 0 || m > 11))
			t = t.replace(y[1] as string, String(Number(y[1]) + (m < 0 ? -1 : 1)));
		if (hasDay) {
			// A day of every month (1 to 28), none twice among the options, none the key's.
			let nd = 0;
			for (let k = 0; k < 28 && (!nd || days.has(nd)); k++)
				nd = ((day - 1 + 3 + ((fnv1a(`${h}|d${i}|${k}`) % 22) + k)) % 28) + 1;
			if (days.has(nd)) continue;
			days.add(nd);
			t = t.replace(
				dayRe,
				(_, sp: string, _n: string, suf?: string) => `${sp}${nd}${suf ? ordinal(nd) : ''}`
			);
		}
		out.push(t);
	}
	return out;
}

/** Each month's name, in any case. */
const MONTH_RES = MONTHS.map((m) => new RegExp(m, 'i'));

/** The month a date names (0 for January), -1 for none. */
export function monthIn(text: string): number {
	const lower = text.toLowerCase();
	return MONTHS.findIndex((m) => lower.includes(m));
}

const DAY_MONTH =
	/^(?:\d{1,2}(?:st|nd|rd|th)?\s+\p{L}+|\p{L}+\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?$/u;

/**
 * Rule "named period": the months a made-up day of a month may fall in. The months the key's
 * sentence names besides the key ("tour in June and July, including Tests on _____") where it
 * names any; else the key's month and the next and previous ones ("begins on 17 January" gets
 * no "2 March"). Null for a key that is not a day of a month.
 */
export function dayPeriod(doc: Doc, a: AnswerInfo): Set<number> | null {
	const t = a.text.trim();
	if (!DAY_MONTH.test(t)) return null;
	const m = monthIn(t);
	if (m < 0) return null;
	const named = new Set<number>([m]);
	const span = a.span;
	const s = span && doc.sentences.find((x) => x.start <= span.start && span.end <= x.end);
	if (s && span) {
		const rest = doc.text.slice(s.start, span.start) + ' ' + doc.text.slice(span.end, s.end);
		for (const [i, name] of MONTHS.entries())
			if (new RegExp(`\\b${capitalise(name)}\\b`).test(rest)) named.add(i);
	}
	if (named.size > 1) return named;
	return new Set([m, (m + 11) % 12, (m + 1) % 12]);
}

/** The ordinal ending of a day: 1st, 2nd, 3rd, 11th, 22nd. */
function ordinal(n: number): string {
	if (n % 100 >= 11 && n % 100 <= 13) return 'th';
	return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Words before a blank that put its year in the future: "will win gold in", "determined to ... in". */
const FUTURE_BEFORE =
	/\b(?:will|shall|'ll|going to|determined to|aims? to|aiming to|hopes? to|hoping to|plans? to|planning to|expected to|due to|set to|intends? to|wants? to|bid to|ambition)\b[^.;]*$/i;

/**
 * Rule "year tense": the range of years that can stand in the blank by the sentence's tense and
 * the article's latest year. "since _____" is before the latest year the article names (a report
 * of January 2005 figures does not say "since 2005"); a year after a future verb ("will defend
 * the title in _____", "determined to win gold in _____") is at or after it. Undefined when the
 * sentence says neither, or the key itself does not fit the reading.
 */
export function yearTense(
	doc: Doc,
	span: { start: number; end: number },
	key: number
): { min: number; max: number } | undefined {
	const latest = latestYear(doc);
	if (!Number.isFinite(latest)) return undefined;
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	const lead = doc.text.slice(s ? s.start : Math.max(0, span.start - 120), span.start);
	if (/\bsince\s+(?:early\s+|late\s+|mid-?)?$/i.test(lead) && key < latest)
		return { min: -Infinity, max: latest - 1 };
	if (FUTURE_BEFORE.test(lead) && key >= latest) return { min: latest, max: Infinity };
	return undefined;
}

/** A past verb of a sentence: "was", "had", "said", "scored". */
const PAST_VERB =
	/\b(?:was|were|had|did|said|came|went|began|became|made|took|saw|won|lost|fell|rose|\p{Ll}{3,}ed)\b/u;
/** Words of a sentence that look ahead, whatever its verbs. */
const AHEAD =
	/\b(?:will|shall|would|could|may|might|next|until|due|plans?|planned|expected|set to|going to|aims?|hopes?)\b|'ll\b/i;

/**
 * Rule "past year": the latest year a year told in the past can be ("Shearer scored in _____"):
 * the article's latest year, when the key's sentence has a past verb, no word that looks ahead
 * and the key is earlier (a key that is the latest year says nothing of the article's own time);
 * Infinity otherwise.
 */
export function pastCeiling(doc: Doc, span: { start: number; end: number }, key: number): number {
	const latest = latestYear(doc);
	if (!Number.isFinite(latest) || key >= latest) return Infinity;
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s || !PAST_VERB.test(s.text) || AHEAD.test(s.text)) return Infinity;
	return latest;
}

const latestCache = new WeakMap<Doc, number>();
/** The latest year the article's dates name, -Infinity for none; once per document. */
function latestYear(doc: Doc): number {
	let latest = latestCache.get(doc);
	if (latest === undefined) {
		latest = -Infinity;
		for (const m of doc.mentions)
			if (m.kind === 'date')
				for (const y of m.text.matchAll(YEARS_IN)) latest = Math.max(latest, Number(y[1]));
		latestCache.set(doc, latest);
	}
	return latest;
}

function dateVariants(text: string, value: number | undefined, cycle = 0, wide = false): string[] {
	const out: string[] = [];
	const lower = text.toLowerCase();
	const wd = WEEKDAYS.findIndex((d) => lower.startsWith(d));
	if (wd >= 0 && text.length <= 10) {
		for (const d of cycleMoves(text, 3)) out.push(capitalise(WEEKDAYS[(wd + d + 7) % 7] as string));
		return out;
	}
	const year = YEAR_IN.exec(text);
	const month = MONTHS.findIndex((m) => lower.includes(m));
	if (month >= 0) return nearDates(text, month);
	if (year) {
		const y = Number(year[1]);
		const steps = wide
			? [-4, 4, 2, -3, 5, -6, 7, -7, 8, -8]
			: cycle
				? [-1, 1, -2, 2, -3, 3]
				: yearMoves(text);
		const unit = cycle || (/s$/.test(text) ? 10 : 1);
		for (const d of steps) out.push(text.replace(year[1] as string, String(y + d * unit)));
		return out;
	}
	void value;
	return out;
}

/** The field a walk of life belongs to: a coach and a player are both of sport. */
const FIELD: Record<Walk, string> = {
	player: 'sport',
	coach: 'sport',
	referee: 'sport',
	politics: 'politics',
	business: 'business',
	analyst: 'business',
	media: 'arts',
	arts: 'arts',
	law: 'law',
	science: 'science',
	private: 'private'
};

/** The key's sentence with the blank left out, lower case, or the words the learner is shown. */
function shownAround(doc: Doc, a: AnswerInfo): string | undefined {
	if (a.shown) return a.shown.toLowerCase();
	return a.span && blankedSentence(doc, a.span)?.toLowerCase();
}

/**
 * Rule "named elsewhere": a person the shown words already name, by a part of their name
 * ("Gavin" for Gavin Henson) or by their role ("asked the prime minister" for the prime
 * minister), is no wrong option: the sentence says where they stand.
 */
export function shownElsewhere(e: Entity, shown: string, key: string): boolean {
	const keyWords = new Set(norm(key).split(' '));
	const words = new Set(shown.split(/[^\p{L}'’-]+/u).filter(Boolean));
	for (const part of e.name.split(/\s+/)) {
		const w = part.toLowerCase();
		if (w.length >= 3 && /^\p{Lu}/u.test(part) && words.has(w) && !keyWords.has(w)) return true;
	}
	for (const r of e.roles ?? (e.role ? [e.role] : [])) {
		const role = r
			.toLowerCase()
			.replace(/^(?:the|a|an)\s+/, '')
			.trim();
		if (role.includes(' ') && cachedRe(`\\bthe ${escapeRe(role)}\\b`).test(shown)) return true;
	}
	return false;
}

/** Words that describe a person before their name, beside the role nouns of the lexicon. */
const DESCRIBING = new Set([
	'international',
	'substitute',
	'team-mate',
	'teammate',
	'club-mate',
	'compatriot',
	'countryman',
	'fellow',
	'former',
	'ex',
	'new',
	'veteran',
	'and'
]);
/** Words of a description that say who the person is, not only how the text labels them. */
const TELLING = /^(?:international|substitute|team-?mate|club-mate|compatriot|countryman)$/;

/**
 * What the words right before a name say of the person there: "Arsenal team-mate and Spanish
 * international _____" asks for a Spanish Arsenal player, "substitute _____" for a substitute.
 * Roles (lower-case role nouns), countries (from demonyms) and names of the article (a club, a
 * party), each of which a wrong option must share by the article; empty when nothing is said.
 */
export function describedAs(
	doc: Doc,
	span: { start: number; end: number }
): { roles: string[]; countries: string[]; names: string[] } {
	const out = { roles: [] as string[], countries: [] as string[], names: [] as string[] };
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return out;
	const after = nationAfter(doc.text, span);
	if (after) out.countries.push(after);
	const words = doc.text.slice(s.start, span.start).trimEnd().split(/\s+/);
	for (let i = words.length - 1; i >= 0; i--) {
		const w = (words[i] as string).replace(/['’]s?$/, '');
		const lower = w.toLowerCase();
		if (!w || /[,;:.!?()"“”]/.test(w)) break;
		const parts = lower.split('-');
		const last = parts[parts.length - 1] as string;
		const nation = nationOfWord(lower);
		if (nation) out.countries.push(nation);
		else if (ROLE_NOUNS.has(lower) || ROLE_NOUNS.has(last) || TELLING.test(lower))
			out.roles.push(lower);
		else if (DESCRIBING.has(lower)) continue;
		else if (/^\p{Lu}/u.test(w)) {
			// A capitalised word is a name of the article only when it stands for one ("Arsenal").
			const known = doc.entities.some(
				(e) => e.kind !== 'person' && e.keys.some((k) => k === lower)
			);
			if (!known) break;
			out.names.push(lower);
		} else break;
	}
	return out;
}

/** Whether the article describes person `e` as `d` asks: each role, country and name, by its roles. */
function fitsDescription(
	e: Entity,
	d: { roles: string[]; countries: string[]; names: string[] }
): boolean {
	const said = (e.roles ?? (e.role ? [e.role] : [])).join(' | ').toLowerCase();
	for (const r of d.roles) if (!said.includes(r)) return false;
	for (const c of d.countries) {
		const info = COUNTRY_BY_ALIAS.get(c.toLowerCase());
		const forms = info ? [info.name, ...info.aliases, ...info.demonyms] : [c];
		if (e.nationality !== c && !forms.some((x) => said.includes(x.toLowerCase()))) return false;
	}
	for (const n of d.names) if (!said.includes(n)) return false;
	return true;
}

/**
 * An entity's name as the article writes it: "Liberal Democrats" for a text that only says "Lib
 * Dems" is a name the learner never read, and a tell. The form it uses most, the longest on a tie.
 */
export function asWritten(doc: Doc, e: Entity): string {
	if (doc.text.includes(e.name)) return e.name;
	const counts = new Map<string, number>();
	for (const i of e.mentions) {
		const t = (doc.mentions[i] as Mention).text.trim();
		if (/^\p{Lu}/u.test(t)) counts.set(t, (counts.get(t) ?? 0) + 1);
	}
	let best = e.name;
	let n = 0;
	for (const [t, c] of counts)
		if (c > n || (c === n && t.length > best.length)) {
			best = t;
			n = c;
		}
	return best;
}

/** Words in the name of a bank, a broker or a research house. */
export const FINANCE =
	/\b(?:securities|capital|bank|banque|bancorp|investments?|investors|asset|brokers?|brokerage|stockbrokers?|partners|research|economics|consult\w*|advis[eo]rs|markets|financial|finance|insight|associates|equities|trading|funds?|management|analytics|ratings)\b/i;

/** "an analyst at _____", "said a strategist with Moscow's _____": the blank is a finance house. */
export function financeSlot(text: string, start: number): boolean {
	return /\b(?:analysts?|economists?|strategists?|brokers?|dealers?|traders?|fund managers?)\s+(?:at|with|from|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*['’]s\s+)?$/iu.test(
		text.slice(Math.max(0, start - 60), start)
	);
}

/** "Nicole Vaidisova of the Czech Republic": a place name that opens on a person's first name. */
export function personInside(name: string): boolean {
	const ws = name.split(/\s+/);
	return ws.length >= 3 && / of /.test(name) && FIRST_NAMES.has((ws[0] as string).toLowerCase());
}

/** Words near a blank that make its person a team's manager rather than a player. */
const COACHING =
	/\b(?:manager|coach|boss|gaffer|his (?:side|team|players|squad)|my (?:side|team|players|squad)|managed|in charge)\b/i;

/**
 * The walk of life of the person in the blank: what the words before or after the blank call
 * them ("Arsenal winger _____", "_____, chief economist at ..."), else the roles the article gives
 * them, else, in a sports report, a player unless the sentence speaks of managing.
 */
export function keyWalk(
	doc: Doc,
	a: AnswerInfo,
	me: Entity | undefined
): { walk: Walk; sure: boolean } | undefined {
	const sporty = sportyDoc(doc);
	if (a.span) {
		const said = [...describedAs(doc, a.span).roles];
		// "referee _____", "Amanda's uncle, _____": the word right before the blank, when it names
		// a walk of life.
		const prev = /([\p{L}-]+),?\s+$/u.exec(
			doc.text.slice(Math.max(0, a.span.start - 30), a.span.start)
		);
		if (prev && /^\p{Ll}/u.test(prev[1] as string)) said.push(prev[1] as string);
		const after = roleAfter(doc.text, a.span);
		if (after) said.push(after);
		for (const r of said) {
			const walk = walkOfRole(r, sporty);
			if (walk) return { walk, sure: true };
		}
	}
	const own = me && walkOf(doc, me);
	if (own) return { walk: own, sure: true };
	const at = a.span?.start;
	if (!sporty || at === undefined) return undefined;
	const s = doc.sentences.find((x) => x.start <= at && at < x.end);
	// "Arsenal boss Arsene Wenger said Henry …": a title before another name is that one's.
	const rest = s?.text.replace(/\b(?:manager|coach|boss)\s+\p{Lu}/gu, ' ');
	return rest !== undefined && !COACHING.test(rest) ? { walk: 'player', sure: false } : undefined;
}

/** The figure of a written amount and its shape without it: "$9.37bn" gives 9.37 and "$#bn". */
function figureOf(s: string): { n: number; decimals: number; shape: string } | undefined {
	const m = /\d+(?:[.,]\d+)*/.exec(s);
	if (!m) return undefined;
	const digits = m[0].replace(/,(?=\d{3}\b)/g, '');
	const n = Number(digits);
	if (!Number.isFinite(n)) return undefined;
	const decimals = /\.(\d+)/.exec(digits)?.[1]?.length ?? 0;
	return {
		n,
		decimals,
		shape: s
			.replace(/\d+(?:[.,]\d+)*/, '#')
			.trim()
			.toLowerCase()
	};
}

/**
 * Rule "even spacing": whether figures, sorted, stand at nearly equal distances ("23, 45, 63, 81"):
 * a made-up set on a ruler, which shows how it was made. Gaps within a quarter of each other count.
 */
export function evenlySpaced(values: number[]): boolean {
	if (values.length < 4) return false;
	const v = [...values].sort((x, y) => x - y);
	const gaps = v.slice(1).map((x, i) => x - (v[i] as number));
	const lo = Math.min(...gaps);
	return lo > 0 && Math.max(...gaps) <= lo * 1.25;
}

/** Units of computer memory and storage, which come in powers of two ("512 megabytes", "256MB"). */
const MEMORY_UNIT =
	/^\s*(?:[kmgt]b|[kmgt]bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?|kbits?|mbits?|bits?)\b/i;

/**
 * Rule "powers of two": a memory or storage size that is a power of two ("512 megabytes") is
 * offered only other powers of two, the sizes such parts are made in; its other figures for it.
 * Null for any other key.
 */
export function powerOfTwoVariants(text: string): string[] | null {
	const m = /(\d+)(?![\d.,])/.exec(text);
	if (!m || !MEMORY_UNIT.test(text.slice(m.index + m[0].length))) return null;
	const n = Number(m[1]);
	if (n < 2 || (n & (n - 1)) !== 0) return null;
	const h = fnv1a(text);
	const below = h % 4;
	const order: number[] = [];
	for (let i = 1; i <= below; i++) order.push(n / 2 ** i);
	for (let i = 1; order.length < 6; i++) order.push(n * 2 ** i);
	for (let i = below + 1; i <= 3; i++) order.push(n / 2 ** i);
	return order
		.filter((x) => Number.isInteger(x) && x >= 1)
		.map((x) => text.slice(0, m.index) + String(x) + text.slice(m.index + m[0].length));
}

/**
 * Whether an option is nearly the key: the same figure at the coarser precision of the two
 * ("$9bn" beside "$9.37bn"), or one step of the last digit away and within 2% ("$2.57tn" beside
 * "$2.58tn"). Such an option is arguably right too, or another reading of the same thing; figures
 * further apart ("53.3" beside "53.7") stay, as the article's own figures make honest options.
 */
export function nearFigure(key: string, option: string): boolean {
	const k = figureOf(key);
	const o = figureOf(option);
	if (!k || !o || k.shape !== o.shape || k.n === o.n || k.n <= 0) return false;
	const d = Math.min(k.decimals, o.decimals);
	if (k.decimals !== o.decimals && k.n.toFixed(d) === o.n.toFixed(d)) return true;
	const step = Math.pow(10, -Math.max(k.decimals, o.decimals));
	return Math.abs(k.n - o.n) <= step * 1.000001 && Math.abs(k.n - o.n) / k.n < 0.02;
}

/**
 * A person's gender from the text as well as the name: besides what `genderOf` reads (Mr, Mrs, a
 * woman's first name), a "he" or "she" later in a sentence that names them before any other
 * person first, before any quotation ("Penny Little, who monitored the hunt, said she ..."). Undefined
 * when the text shows both or neither.
 */
export function genderShown(doc: Doc, e: Entity): 'm' | 'f' | undefined {
	const g = genderOf(doc, e);
	if (g) return g;
	// Rule "spelling of a woman's name": "Carole" is "Carol" with an "e"; only a woman's name
	// counts so ("Louise" is no "Louis").
	const [first, ...rest] = e.name.split(/\s+/);
	if (rest.length && first && /\p{Ll}e$/u.test(first)) {
		const v = genderOf(doc, { ...e, name: [first.slice(0, -1), ...rest].join(' '), mentions: [] });
		if (v === 'f') return v;
	}
	const seen = new Set<'m' | 'f'>();
	for (const i of e.mentions) {
		const m = doc.mentions[i] as Mention;
		const s = doc.sentences[m.sentence];
		if (!s) continue;
		// Only the sentence's first person, and up to the next person it names: either of the
		// others could be the one the pronoun means.
		let end = s.end;
		let first = true;
		for (const j of doc.bySentence[s.index] ?? []) {
			const o = doc.mentions[j] as Mention;
			if ((o.kind !== 'person' && o.kind !== 'name') || o.entity === m.entity) continue;
			// Before it, any name the analysis may not have typed as a person ("Cyril Fletcher").
			if (o.start < m.start) first = false;
			else if (o.kind !== 'person') continue;
			else if (o.start >= m.end && o.start < end) end = o.start;
		}
		if (!first) continue;
		// A "she" inside a quotation is someone the speaker talks about, not the speaker.
		const after = doc.text.slice(m.end, end).split(/["“”]/)[0] as string;
		const p = /\b(she|he)\b/i.exec(after);
		if (p) seen.add((p[1] as string).toLowerCase() === 'she' ? 'f' : 'm');
	}
	return seen.size === 1 ? [...seen][0] : undefined;
}

/**
 * The words of a person key's names, as the text and the analysis give them ("sir", "john",
 * "bourn" for "John"), with every fuller name of the article that holds the key's words. Empty for
 * other kinds.
 */
export function keyNameWords(doc: Doc, a: AnswerInfo): Set<string> {
	const out = new Set<string>();
	if (a.kind !== 'person') return out;
	const mine = norm(a.text).split(' ').filter(Boolean);
	const me = a.entity !== undefined && a.entity >= 0 ? doc.entities[a.entity] : undefined;
	for (const p of namesHolding(doc, mine, me)) for (const w of p.words) out.add(w);
	for (const w of mine) out.add(w);
	return out;
}

/** A person of the article with the words of their name in `norm` form. */
export interface PersonName {
	e: Entity;
	words: readonly string[];
}

const personNamesCache = new WeakMap<Doc, PersonName[]>();
/** The article's people with the words of their names, in the article's order; once per document. */
function personNames(doc: Doc): PersonName[] {
	let out = personNamesCache.get(doc);
	if (!out) {
		out = doc.entities
			.filter((e) => e.kind === 'person')
			.map((e) => ({ e, words: norm(e.name).split(' ') }));
		personNamesCache.set(doc, out);
	}
	return out;
}

/**
 * The people of the article whose names hold every one of `words` (in `norm` form), and `me`
 * whatever its name: the key's own and fuller names ("Sir John Bourn" for "John").
 */
export function namesHolding(doc: Doc, words: string[], me?: Entity): PersonName[] {
	return personNames(doc).filter((p) => p.e === me || words.every((w) => p.words.includes(w)));
}

/** "his side held off Grand Slam winners _____": a side named by a pronoun plays the blank. */
const OWN_SIDE_BEFORE =
	/\b(?:his|her|their|its)\s+(?:side|team|squad|men|club|country|nation)\s+(?:\p{Ll}+\s+){0,2}(?:beat|beats|held off|holds off|defeated|defeats|overcame|overcome|edged|edges|saw off|sees off|thrashed|drew with|lost to|outplayed|upset|stunned|knocked out|eliminated|played|faces|faced|meet|met)\s+(?:[\p{L}-]+\s+){0,4}$/iu;

/**
 * Rule "own side": where the sentence sets "his side" (or "their team") against the blank, the
 * side that is the story's own is no wrong option: the nationality or side the article gives the
 * sentence's people, and the place or body the article's first sentence names first (the one its
 * report is about). Keys in `norm` form; empty for any other blank.
 */
export function ownSide(doc: Doc, span: { start: number; end: number }): Set<string> {
	const out = new Set<string>();
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s || !OWN_SIDE_BEFORE.test(doc.text.slice(s.start, span.start))) return out;
	for (const j of doc.bySentence[s.index] ?? []) {
		const m = doc.mentions[j] as Mention;
		const e = m.entity !== undefined && m.entity >= 0 ? doc.entities[m.entity] : undefined;
		if (e?.kind === 'person' && e.nationality) out.add(norm(e.nationality));
	}
	const lead = doc.sentences[0];
	if (lead) {
		const first = (doc.bySentence[lead.index] ?? [])
			.map((j) => doc.mentions[j] as Mention)
			.find((m) => m.kind === 'place' || m.kind === 'organisation');
		if (first) out.add(norm(first.text.replace(/['’]s$/, '')));
	}
	return out;
}

/**
 * Rule "sentence gender": the gender the key's own sentence gives the person in the blank: the
 * first "he", "his", "him", "she" or "her" after it, before any other person it names and outside
 * quotation ("_____ has spoken of his love for ..."). Only for a blank that is the first person
 * of its sentence; undefined when nothing is said.
 */
export function genderAfterBlank(
	doc: Doc,
	span: { start: number; end: number }
): 'm' | 'f' | undefined {
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return undefined;
	let end = s.end;
	for (const j of doc.bySentence[s.index] ?? []) {
		const o = doc.mentions[j] as Mention;
		if (o.kind !== 'person' && o.kind !== 'name') continue;
		if (o.end <= span.start) return undefined;
		if (o.start >= span.end && o.start < end) end = o.start;
	}
	if (/["“”]/.test(doc.text.slice(s.start, span.start))) return undefined;
	const after = doc.text.slice(span.end, end).split(/["“”]/)[0] as string;
	const p = /\b(he|his|him|himself|she|her|hers|herself)\b/i.exec(after);
	if (!p) return undefined;
	return /^(?:he|his|him|himself)$/i.test(p[1] as string) ? 'm' : 'f';
}

/** Words that make a body's name beyond the lexicon's: "Vivendi Universal", "Siemens AG". */
const BODY_MARK =
	/^(?:universal|international|entertainment|incorporated|limited|ag|sa|nv|gmbh|llc|bancorp)$/;

/** Whether a name carries a word that makes it a body's ("Inc", "Group", "Bank", "Universal"). */
export function bodyMarked(name: string): boolean {
	return name.split(/\s+/).some((w) => {
		const l = w.toLowerCase().replace(/[.,]$/, '');
		return ORG_WORDS.has(l) || ORG_END_WORDS.has(l) || BODY_MARK.test(l);
	});
}

/**
 * Whether a name reads as a person's: two or three capitalised words with no body's word, opening
 * on a given name the lexicon knows or written in the article with a person's role after it
 * ("Julian Smith, an analyst with …") or an honorific before it.
 */
export function readsAsPerson(doc: Doc, name: string): boolean {
	const words = name.trim().split(/\s+/);
	if (words.length < 2 || words.length > 3 || bodyMarked(name)) return false;
	if (!words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w))) return false;
	if (FIRST_NAMES.has((words[0] as string).toLowerCase())) return true;
	const at = escapeRe(name);
	const role = cachedRe(
		`\\b(?:${[...HONORIFICS].join('|')})\\.?\\s+${at}\\b|\\b${at},\\s+(?:an?|the|its|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(\\p{Ll}+)\\b`,
		'giu'
	);
	for (const m of doc.text.matchAll(role))
		if (!m[1] || ROLE_NOUNS.has(m[1].toLowerCase())) return true;
	return false;
}

/**
 * Rule "kind mix": a set of options that mixes people and bodies ("Vivendi Universal" beside three
 * of its executives, "Julian Smith" beside Microsoft, Yahoo and Google): the odd one out is picked
 * by its form, whichever the key is.
 */
export function kindMix(doc: Doc, kind: AnswerKind, options: string[]): boolean {
	if (kind === 'person') return options.some(bodyMarked);
	if (kind === 'organisation') return options.some((o) => readsAsPerson(doc, o));
	return false;
}

/** Nouns of a match official right before a name: "referee Jonathan Kaplan". */
const OFFICIAL_BEFORE =
	/\b(?:referee|umpire|linesman|touch judge|video referee|fourth official)\s+$/i;

/** Whether the article makes a person a match official, by a role or the word before a mention. */
export function official(doc: Doc, e: Entity): boolean {
	if (walkOf(doc, e) === 'referee') return true;
	return e.mentions.some((i) => {
		const m = doc.mentions[i];
		return !!m && OFFICIAL_BEFORE.test(doc.text.slice(Math.max(0, m.start - 20), m.start));
	});
}

/**
 * Up to `count` wrong options for an answer, best first. `exclude` holds texts that must not appear
 * (everything the evidence sentence names, so no distractor is also true).
 */
export function distractors(
	doc: Doc,
	a: AnswerInfo,
	exclude: Iterable<string>,
	count = 3
): string[] {
	const same = sameThingKeys(doc, a);
	const keyWords = keyNameWords(doc, a);
	const bannedRaw = [...exclude];
	const banned = bannedRaw.map(norm);
	const out: string[] = [];
	const ok = (c: string): boolean => {
		const n = norm(c);
		if (!n || same.has(n)) return false;
		// A name starts with a capital or a digit ("of the World" is a fragment, not a name).
		if (!/^[\p{Lu}\d$£€]/u.test(c)) return false;
		if (overlaps(c, a.text)) return false;
		// Rule "part of the key's name": "Bourn" beside "John" for Sir John Bourn is the same man.
		if (
			keyWords.size &&
			norm(c)
				.split(' ')
				.every((w) => keyWords.has(w))
		)
			return false;
		// "FT" for "Financial Times": initials are another name of the same thing. Figures have no
		// initials ("6.1%" is no "61").
		const figure = NUMERIC_KINDS.has(a.kind);
		if (
			!figure &&
			(initials(c) === n.replace(/ /g, '') || initials(a.text) === n.replace(/ /g, ''))
		)
			return false;
		if (!figure && initials(c) === norm(a.text).replace(/ /g, '')) return false;
		// England, Britain and the United Kingdom are too close to be told apart as options.
		const uk = (x: string) =>
			/^(england|scotland|wales|britain|great britain|united kingdom|uk)$/.test(norm(x));
		if (uk(c) && (uk(a.text) || out.some(uk))) return false;
		const cc = COUNTRY_BY_ALIAS.get(c.toLowerCase());
		if (cc && [...cc.aliases, ...cc.demonyms].some((x) => same.has(norm(x)))) return false;
		if (banned.some((b) => b === n || b.includes(n) || (n.includes(b) && b.length > 3)))
			return false;
		if (out.some((o) => overlaps(o, c))) return false;
		// One body twice ("BNP" and "British National Party"), or the body the sentence names.
		if (!figure && [a.text, ...out, ...bannedRaw].some((o) => initialsMatch(o, c))) return false;
		// One name spelt two ways ("Barrionuevo", "Barrioneuvo"): a slip of the text, not two people.
		if ([a.text, ...out].some((o) => misspelt(o, c))) return false;
		if (NUMERIC_KINDS.has(a.kind) && completesHalfDouble(a.text, out, c)) return false;
		if (NUMERIC_KINDS.has(a.kind) && nearFigure(a.text, c)) return false;
		// Rule "even spacing": a third wrong figure that puts all four on a ruler is passed over.
		if (NUMERIC_KINDS.has(a.kind) && out.length === 2 && !monthGrid(a.text, a.value ?? 0)) {
			const ns = [a.text, ...out, c].map((x) => figureOf(x)?.n);
			if (ns.every((x) => x !== undefined && x >= 10) && evenlySpaced(ns as number[])) return false;
		}
		if (!fitsBefore(c)) return false;
		// Rule "figure shown": an option equal to another figure of the key's sentence ("the top
		// _____" beside "Number 42") reads as that figure, not as a wrong one.
		if (NUMERIC_KINDS.has(a.kind) && shown.size) {
			const f = figureOf(c);
			if (f && shown.has(f.n)) return false;
		}
		return true;
	};
	const shown = NUMERIC_KINDS.has(a.kind) && a.span ? figuresShown(doc, a.span) : new Set<number>();
	// "the _____": an option the article never writes after "the" does not fit ("the France"); and
	// without "the" before the blank, an option only ever written after "the" does not either.
	const named = a.kind === 'place' || a.kind === 'organisation';
	const theBefore = /\bthe\s*$/i.test(a.before ?? '');
	const bareSlot =
		!theBefore && /\b(?:a|an|of|in|by|from|for|with|to|at|on|and)\s*$/i.test(a.before ?? '');
	const fitsBefore = (c: string): boolean => {
		if (!named || a.before === undefined) return true;
		const use = articleUse(doc.text, c);
		const isCountry = COUNTRY_BY_ALIAS.has(c.toLowerCase());
		if (theBefore) {
			if (use.the > 0) return true;
			if (use.bare > 0) return false;
			return isCountry ? /^(United |Netherlands|Philippines|Czech Republic)/.test(c) : true;
		}
		if (bareSlot && use.the > 0 && use.bare === 0) return false;
		return true;
	};
	// Rule "same article": after "a" or "an", figures read with the key's article come first, so
	// the article stays in the sentence; others only fill what is missing.
	const article =
		NUMERIC_KINDS.has(a.kind) && /\b(?:a|an)\s*$/i.test(a.before ?? '')
			? takesAn(a.text)
			: undefined;
	const later: string[] = [];
	const push = (c: string) => {
		if (article !== undefined && takesAn(c) !== article) {
			later.push(c);
			return;
		}
		if (out.length < count && ok(c)) out.push(c);
	};
	const fromDoc = (kind: string, filter?: (e: Entity) => boolean) =>
		doc.entities
			.filter((e) => e.kind === kind && e.id !== a.entity && (!filter || filter(e)))
			.sort((x, y) => y.mentions.length - x.mentions.length || x.id - y.id)
			.map((e) => asWritten(doc, e));
	switch (a.kind) {
		case 'person': {
			// People come from the article only: famous names beside a local story read as a joke, so
			// an article with too few people gets no multiple choice about a person. Only names the
			// text shows to be people ("Le Figaro" and "BBC Radio" are not), and of the answer's form:
			// full names beside a full name, surnames beside a surname.
			// Setting first: people with a role of the same head ("President" for a president), then people
			// of the same country, then anyone the article gives a role, then the rest.
			const me = a.entity !== undefined && a.entity >= 0 ? doc.entities[a.entity] : undefined;
			const myHead = roleHead(me?.role);
			const myNation = me?.nationality;
			// The key's walk of life: a player is offered players, never the coach.
			const myWalk = keyWalk(doc, a, me);
			const sporty = sportyDoc(doc);
			const fit = (e: Entity) =>
				(a.prefer?.has(e.id) ? 8 : 0) +
				(myWalk && walkOf(doc, e) === myWalk.walk ? 4 : 0) +
				(myHead && roleHead(e.role) === myHead ? 4 : 0) +
				(myNation && e.nationality === myNation ? 2 : 0) +
				(e.role ? 1 : 0);
			const full = a.text.trim().includes(' ');
			// "_____ said she ...": a man among the options for a woman gives the key away.
			const myGender = (me && genderShown(doc, me)) || (a.span && genderAfterBlank(doc, a.span));
			const people = doc.entities
				.filter((e) => e.kind === 'person' && e.id !== a.entity && surePerson(doc, e))
				.sort((x, y) => fit(y) - fit(x) || y.mentions.length - x.mentions.length || x.id - y.id);
			// "Spanish international _____": only people the article describes so.
			const slot = a.span ? describedAs(doc, a.span) : undefined;
			const described = !!slot && slot.roles.length + slot.countries.length + slot.names.length > 0;
			// "Tom Reid, 14,": a child is offered only other children of the article, never adults.
			const child = !!me && isChild(doc, me);
			// What the learner reads beside the options: the key's sentence without the blank.
			const seen = shownAround(doc, a);
			// "The Tories demand that _____ …": no one the article puts on the demanding side.
			const against = a.span && opposedSide(doc, a.span);
			const opposed = !!against && (!me || sideOf(doc, me) !== against);
			const keyOfficial = myWalk?.walk === 'referee' || (!!me && official(doc, me));
			for (const e of people) {
				if (described && !fitsDescription(e, slot)) continue;
				if (seen && shownElsewhere(e, seen, a.text)) continue;
				// Rule "private person": a relative or a friend is offered only others the article
				// places so, never its public figures.
				if (myWalk?.walk === 'private' && walkOf(doc, e) !== 'private') continue;
				// Rule "speaker's setting": for a quotation, someone the article does not quote is not
				// offered from another field than the speaker's (a film star beside a politician).
				if (a.prefer && !a.prefer.has(e.id) && myWalk) {
					const w = walkOf(doc, e);
					if (w && FIELD[w] !== FIELD[myWalk.walk]) continue;
				}
				if (child && !isChild(doc, e)) continue;
				// Rule "match official": a referee is offered only beside a referee, never for a player
				// whose walk the article leaves unsaid ("I think _____ scored a legal try").
				if (official(doc, e) && !keyOfficial && !a.prefer?.has(e.id)) continue;
				if (opposed && sideOf(doc, e) === against) continue;
				// Of a known walk of life, no one the article places in another; and no one named once
				// in passing whose walk it does not say ("Adolf Hitler" beside film-makers).
				// In a sports report, someone the article gives no role is one of the players.
				// For a quotation ("Who said …?") anyone of the article may have spoken: the walk of
				// life only orders the options there.
				const said = walkOf(doc, e);
				const walk = said ?? (sporty && myWalk?.sure ? 'player' : undefined);
				if (myWalk && !a.prefer && walk !== myWalk.walk) {
					const passing = !e.role && !e.roles?.length && e.mentions.length < 2;
					if (walk || (myWalk.sure && passing)) continue;
				}
				if (NOT_A_SURNAME.test(e.name.split(' ').pop() ?? '')) continue;
				// Rule "a person's name": "Hustle & Flow" (a film) or a name with figures is no one's.
				if (!personLike(e.name)) continue;
				// "in Rolling Stone magazine": a publication, not a person.
				if (namesOutlet(doc, e)) continue;
				// "Windows XP Home", "Wars DVD": letters in capitals after the first word are no person's.
				if (/\s(?!(?:MP|QC|MEP|MSP|OBE|MBE|CBE|II|III|IV)\b)\p{Lu}{2,}\b/u.test(e.name)) continue;
				// "Tory Dominic Grieve", "Australian Lynton Crosby": a label inside the name gives it away.
				const w0 = e.name.split(' ')[0]?.toLowerCase() ?? '';
				if (LABEL.test(w0) || DEMONYMS.has(w0)) continue;
				const g = myGender && genderShown(doc, e);
				if (g && g !== myGender) continue;
				const multi = e.name.includes(' ');
				if (full && multi) {
					const written = asWritten(doc, e);
					push(written.includes(' ') ? written : e.name);
				} else if (!full) push(multi ? (e.name.split(' ').pop() as string) : e.name);
			}
			break;
		}
		case 'organisation': {
			// Only organisations of the same sort: a police force is offered other public bodies, a club
			// other clubs; one of unknown sort only beside others of unknown sort.
			const sortOf = (e: Entity) => (e as { orgType?: string }).orgType ?? orgSort(e.name);
			const me = a.entity !== undefined && a.entity >= 0 ? doc.entities[a.entity] : undefined;
			const mine = me ? sortOf(me) : orgSort(a.text);
			const near = (x: string) =>
				x === mine ||
				(mine === 'police' && x === 'public') ||
				(mine === 'public' && x === 'police');
			// "an analyst at _____": a bank or a broker, not the firms it writes about.
			const house = a.span && financeSlot(doc.text, a.span.start);
			const fits = (e: Entity) => !house || FINANCE.test(e.name);
			const own = a.span ? ownSide(doc, a.span) : new Set<string>();
			// Rule "index is no body": "the FTSE 100" says nothing and is no option beside firms.
			const index = !!me && namesIndex(doc, me);
			const notOwn = (e: Entity) =>
				!own.has(norm(asWritten(doc, e))) && (index || !namesIndex(doc, e)) && sameTrade(e);
			// Rule "trade": "security firm _____" is offered no body the article calls a "handset maker";
			// where the stem itself shows the trade, only bodies the article gives that trade.
			const stemTrade = a.span ? tradeWords(doc.text, a.span.start) : [];
			const trade = new Set([...(me ? tradeOf(doc, me) : []), ...stemTrade]);
			const sameTrade = (e: Entity) => {
				if (!trade.size) return true;
				const t = tradeOf(doc, e);
				if (!t.size) return !stemTrade.length;
				return [...t].some((w) => trade.has(w));
			};
			const cands = [
				...fromDoc('organisation', (e) => sortOf(e) === mine && fits(e) && notOwn(e)),
				...fromDoc('organisation', (e) => near(sortOf(e)) && fits(e) && notOwn(e)),
				...(house ? fromDoc('organisation', (e) => FINANCE.test(e.name)) : [])
			];
			// Rule "name head": names of the key's head noun first ("… Group" beside "… Group"), so
			// that no "Bank" in every wrong option tells the key from them.
			const head = nameHead(a.text);
			const rank = (n: string) => (head && nameHead(n) !== head ? 1 : 0);
			for (const n of cands
				.map((n, i) => ({ n, i }))
				.sort((x, y) => rank(x.n) - rank(y.n) || x.i - y.i))
				push(n.n);
			break;
		}
		case 'place': {
			// Places of the article only, and of the answer's sort: a country beside countries, a city
			// beside cities. A stock list of capitals beside a local story gives the key away.
			const sortOf = (name: string, e?: Entity): PlaceKind =>
				COUNTRY_BY_ALIAS.has(name.toLowerCase()) ? 'country' : (e?.placeKind ?? placeKind(name));
			const me = a.entity !== undefined && a.entity >= 0 ? doc.entities[a.entity] : undefined;
			const mine = sortOf(a.text, me);
			const like = (k: PlaceKind) =>
				k === mine || (mine === 'city' && k === 'other') || (mine === 'other' && k === 'city');
			const own = a.span ? ownSide(doc, a.span) : new Set<string>();
			for (const n of fromDoc('place', (e) => like(sortOf(e.name, e)) && !personInside(e.name)))
				if (!own.has(norm(n))) push(n);
			break;
		}
		case 'role': {
			const roles = [...new Set(doc.roles.map((r) => r.role))];
			for (const r of roles) push(capitalise(r));
			break;
		}
		case 'date': {
			// The article's own dates of the same shape first ("March 2003" beside "June 2001"), then the
			// key moved by months or years; a year far from the key's ("1973" beside a deal "from 2009")
			// is no plausible choice.
			const docDates = doc.mentions.filter((m) => m.kind === 'date').map((m) => m.text);
			const shape = (s: string) => {
				const l = s.toLowerCase().trim();
				if (WEEKDAYS.some((d) => l === d)) return 'weekday';
				return s.replace(/\d/g, '0').replace(/\p{L}+/gu, 'w');
			};
			const yearOf = (s: string) => Number(YEAR_IN.exec(s)?.[1] ?? NaN);
			const y0 = yearOf(a.text);
			const near = (d: string) => !Number.isFinite(y0) || Math.abs(yearOf(d) - y0) <= 12;
			// "the 2004 election": every year offered is one such an election could fall in.
			const cycle = Number.isFinite(y0) ? yearCycle(doc, a.span) : 0;
			const onCycle = (d: string) => !cycle || (yearOf(d) - y0) % cycle === 0;
			const tense = Number.isFinite(y0) && a.span ? yearTense(doc, a.span, y0) : undefined;
			// Rule "past year": a year told in the past tense is no later than the article's latest.
			const past =
				!tense && Number.isFinite(y0) && a.span ? pastCeiling(doc, a.span, y0) : Infinity;
			const inTense = (d: string) =>
				!Number.isFinite(yearOf(d)) ||
				(yearOf(d) <= past && (!tense || (yearOf(d) >= tense.min && yearOf(d) <= tense.max)));
			const year = bareYear(a.text);
			// Rule "near years": the article's years nearest the key first.
			const own = docDates.filter(
				(d) => shape(d) === shape(a.text) && near(d) && onCycle(d) && inTense(d)
			);
			if (year) own.sort((x, y) => Math.abs(yearOf(x) - y0) - Math.abs(yearOf(y) - y0));
			// Rule "named period": a day of a month ("25 June") gets days of the months the sentence
			// names beside it ("tour in June and July"), else of the key's month and its neighbours,
			// one of the key's own month first, so that the key is not the only day of its period.
			const period = dayPeriod(doc, a);
			if (period) {
				const inPeriod = (d: string) => period.has(monthIn(d));
				const variants = dateVariants(a.text, a.value, cycle).filter(inPeriod);
				const mine = monthIn(a.text);
				const own1 = variants.find((d) => monthIn(d) === mine);
				if (own1) push(own1);
				for (const d of own) if (inPeriod(d)) push(d);
				for (const d of variants) push(d);
				break;
			}
			const pool: string[] = [...own];
			for (const d of own) push(d);
			for (const d of dateVariants(a.text, a.value, cycle))
				if (inTense(d)) {
					pool.push(d);
					push(d);
				}
			// Where the tense rules out one side, years on the other side fill in.
			if ((tense || Number.isFinite(past)) && out.length < count)
				for (const d of dateVariants(a.text, a.value, cycle, true))
					if (inTense(d)) {
						pool.push(d);
						push(d);
					}
			// Rule "key position": made-up years all on one side of the key are mended.
			if (year && figureTell(a.text, out, ownFigures(doc), true))
				mendFigures(a.text, out, pool, ownFigures(doc), ok, true);
			// Rule "key rank": the key's place among the years is drawn from the key, not fixed.
			if (year) placeKey(a.text, out, pool, ownFigures(doc), ok, keyRank(a), true);
			break;
		}
		case 'number':
		case 'money':
		case 'percent':
		case 'quantity': {
			const v = a.value ?? 0;
			const { min, max, partnerMin, partnerMax } = numberBounds(doc, a);
			const clock = a.span && clockVariants(doc.text, a.span, a.text, min, max);
			if (clock) {
				for (const d of clock) push(d);
				break;
			}
			const measure = isMeasure(a);
			const unit = (s: string) => s.replace(/[\d.,]+/g, '#').replace(/^(?:several|a|few)\s+/i, '');
			const docNums = doc.mentions
				.filter((m) => m.kind === a.kind && m.value !== undefined && m.value !== v)
				.filter((m) => {
					const r = (m.value as number) / (v || 1);
					// The same unit in the same words: "82,000 new jobs" beside "157,000 new jobs", never
					// "200,000 jobs"; of the key's scale ("12.4%" is far from a "2.9%" rise).
					if (measure && (r < MEASURE_BAND[0] || r > MEASURE_BAND[1])) return false;
					return r > 0.3 && r < 3.5 && unit(m.text).toLowerCase() === unit(a.text).toLowerCase();
				})
				// A count among counts: "56.4" (an index) is no choice beside "13" sectors.
				.filter(
					(m) => a.kind === 'money' || a.kind === 'percent' || decimal(m.text) === decimal(a.text)
				)
				.filter((m) => (m.value as number) > min && (m.value as number) < max)
				// Rule "same role": an age beside ages only ("87" is no length of a marriage).
				.filter((m) => !a.span || isAge(doc, m) === isAge(doc, { ...a.span, value: v }))
				.map((m) => m.text);
			// Every figure offered, best first: the repair of a telling set draws on it.
			const pool: string[] = [];
			const offer = (d: string) => {
				pool.push(d);
				push(d);
			};
			for (const d of docNums) offer(d);
			// The bounds in the key's written digits ("$18.4bn" is 18.4 there, 1.84e10 as a value).
			const digits = Number((/\d+(?:[.,]\d+)*/.exec(a.text)?.[0] ?? '').replace(/,/g, ''));
			const scale = digits && v ? v / digits : 1;
			// Rule "real sizes only": after the article's own figures, only sizes of the set.
			const sentence = a.span ? (blankedSentence(doc, a.span) ?? '') : '';
			const sizes = setSizeVariants(doc, a.text, sentence);
			if (sizes) {
				for (const d of sizes) push(d);
				break;
			}
			if (fixedDistance(doc, a.text)) break;
			// Rule "plausible scale": made-up figures stay within a band around the key ("£10,000"
			// is no price beside "under £80,000"); small whole counts keep their neighbours.
			// Rule "close measure": a time, a distance, a weight or a speed ("12.37" seconds, "85kg")
			// is offered figures near it only: a halved or doubled one is plainly not the record.
			const band = monthGrid(a.text, digits)
				? [0, Infinity]
				: measure
					? [MEASURE_BAND[0] * digits, MEASURE_BAND[1] * digits]
					: digits >= 10 || /\.\d/.test(a.text)
						? [0.4 * digits, 2.5 * digits]
						: [0, 25];
			const lo = Math.max(min / scale, band[0] as number);
			// Rule "whole share": a share of the whole or less gets no made-up figure above 100%
			// ("150%" beside "70%"), unless the article itself has one.
			const whole = a.kind === 'percent' && digits <= 100 && !aboveWhole(doc) ? 100.5 : Infinity;
			const hi = Math.min(max / scale, band[1] as number, whole);
			const powers = powerOfTwoVariants(a.text);
			if (powers) {
				for (const d of powers) push(d);
				break;
			}
			if (article) for (const d of anVariants(a, lo, hi)) offer(d);
			for (const d of numericVariants(a, lo, hi, {
				lo: partnerMin / scale,
				hi: partnerMax / scale
			}))
				offer(d);
			// Rules "key position", "roundness", "near duplicate": a made-up set that tells the key is
			// mended from the figures offered, and from figures as round as the key.
			const own = ownFigures(doc);
			const more = [...pool, ...roundVariants(a.text, lo, hi)];
			if (figureTell(a.text, out, own)) mendFigures(a.text, out, more, own, ok);
			// Rule "key rank": the key's place among the sorted figures is drawn from the key.
			// After "a" or "an", only figures read with the key's article.
			const read = more.filter((c) => article === undefined || takesAn(c) === article);
			// Rule "sentence anchor": a figure the sentence sets beside the key ("fell from _____ to
			// 64") has an option between the two, so the key is not the option nearest to it.
			const near = (x: number) => x > digits / 2.5 && x < digits * 2.5;
			const floor = near(partnerMin / scale) && partnerMin / scale < digits ? 1 : 0;
			const top = near(partnerMax / scale) && partnerMax / scale > digits ? 2 : 3;
			const rank = Math.min(Math.max(keyRank(a), floor), top);
			placeKey(a.text, out, read, own, ok, rank, false, [floor, top]);
			break;
		}
		default: {
			for (const n of fromDoc('name')) push(n);
			for (const n of fromDoc('organisation')) push(n);
		}
	}
	for (const c of later) if (out.length < count && ok(c)) out.push(c);
	return out;
}

/** How far made-up measures stay from the key, as ratios of it (see `isMeasure`). */
export const MEASURE_BAND = [0.75, 1.3] as const;

const MEASURE_UNIT =
	/^\d[\d,]*(?:\.\d+)?\s*(?:km|cm|mm|kg|g|lbs?|tonnes?|tons|metres?|meters?|kilometres?|kilometers?|miles?|yards?|feet|ft|inches|seconds?|secs?|minutes?|mins?|mph|km\/h|kph|knots|m)$/i;

/**
 * Rule "close measure": a key that measures (a time, a distance, a weight or a speed): a figure
 * with a unit of measure, or a bare figure with decimals ("12.37" for a race). Whole counts under
 * ten keep their plain neighbours.
 */
export function isMeasure(a: AnswerInfo): boolean {
	const t = a.text.trim();
	if (a.kind === 'number') return /^\d+\.\d+$/.test(t);
	if (a.kind !== 'quantity' || !MEASURE_UNIT.test(t)) return false;
	return /\.\d/.test(t) || (a.value ?? 0) >= 10;
}

const aboveWholeCache = new WeakMap<Doc, boolean>();

/** Whether the article has a percentage above 100 of its own ("a 112% rise"). */
export function aboveWhole(doc: Doc): boolean {
	let v = aboveWholeCache.get(doc);
	if (v === undefined) {
		v = doc.mentions.some((m) => m.kind === 'percent' && (m.value ?? 0) > 100);
		aboveWholeCache.set(doc, v);
	}
	return v;
}

/** Why a set of figure options gives its key away (see `figureTell`). */
export type FigureTell = 'one-sided-options' | 'round-key-stands-out' | 'near-duplicate-options';

/**
 * How round a whole figure is written: 0 for "187", 1 for "185", 2 for "180", 3 for "150", 4 for
 * "1,200", 5 for "1,500", 6 for "1,000": one step for each of 5, 10, 50, 100, 500, … it divides by.
 */
export function roundness(n: number): number {
	if (!Number.isInteger(n) || n <= 0) return 0;
	let level = 0;
	for (let g = 5; level < 16 && n % g === 0; g *= level % 2 ? 2 : 5) level++;
	return level;
}

const ownFiguresCache = new WeakMap<Doc, Set<string>>();
/** The texts of the article's own figures and dates, trimmed; once per document. */
export function ownFigures(doc: Doc): Set<string> {
	let out = ownFiguresCache.get(doc);
	if (!out) {
		out = new Set();
		for (const m of doc.mentions)
			if (m.kind === 'date' || NUMERIC_KINDS.has(m.kind)) out.add(m.text.trim());
		ownFiguresCache.set(doc, out);
	}
	return out;
}

/**
 * Rules "key position", "roundness" and "near duplicate": whether the made-up options among a set
 * of figures give the key away. Options the article itself writes are honest whatever they are;
 * the rules read only sets with two made-up options or more.
 * - 'one-sided-options': every option stands on one side of the key and apart from it ("1941"
 *   beside 1945, 1946 and 1948): the key is the end of a set it does not belong to. At the end of
 *   a close cluster (1941 beside 1942, 1944, 1945) it is a fair place for a key.
 * - 'round-key-stands-out': the key alone is round ("1,000" beside "1,200", "1,400", "1,800"), or
 *   alone not round ("187" beside 160, 190, 250), on whole figures of the key's form.
 * - 'near-duplicate-options': a made-up option within 2% of the key or another option, and at
 *   least one step of the key's precision ("13.1%" beside "13.0%"); never for years.
 * Undefined when the set tells nothing.
 */
export function figureTell(
	key: string,
	options: string[],
	own: ReadonlySet<string>,
	years = false
): FigureTell | undefined {
	const k = figureOf(key);
	if (!k || options.length < 3) return undefined;
	const figs = options.map((o) => ({ o, f: figureOf(o), own: own.has(o.trim()) }));
	const made = figs.filter((x) => !x.own);
	if (made.length < 2 || figs.some((x) => !x.f || x.f.shape !== k.shape)) return undefined;
	const ns = figs.map((x) => (x.f as { n: number }).n);
	// A key of one or two steps of its precision ("1%", "$2bn") has no honest figure below it.
	const floor = k.n <= 2 * Math.pow(10, -k.decimals);
	if ((!floor && ns.every((n) => n > k.n)) || ns.every((n) => n < k.n)) {
		// The key at an end is fair where the options cluster beside it (1941 beside 1942, 1944,
		// 1945); it tells where it stands apart (beside 1945, 1946, 1948): its gap to the nearest
		// option wider than half again the widest gap between the options themselves.
		const v = [...ns, k.n].sort((x, y) => x - y);
		const gaps = v.slice(1).map((x, i) => x - (v[i] as number));
		const end = v[0] === k.n ? 0 : gaps.length - 1;
		const inner = Math.max(...gaps.filter((_, i) => i !== end));
		if ((gaps[end] as number) > inner * 1.5) return 'one-sided-options';
	}
	if (years) return undefined;
	const whole = k.decimals === 0 && figs.every((x) => x.f?.decimals === 0);
	if (whole) {
		const lk = roundness(k.n);
		const levels = ns.map(roundness);
		if (lk >= 2 && Math.max(...levels) < lk - 1) return 'round-key-stands-out';
		if (lk <= 1 && Math.min(...levels) >= lk + 2) return 'round-key-stands-out';
	}
	const gap = Math.max(Math.pow(10, -k.decimals), 0.02 * k.n) - 1e-9;
	for (const x of made) {
		const n = (x.f as { n: number }).n;
		if (Math.abs(n - k.n) < gap) return 'near-duplicate-options';
		for (const y of figs)
			if (y !== x && Math.abs((y.f as { n: number }).n - n) < gap) return 'near-duplicate-options';
	}
	return undefined;
}

/**
 * Mends a set of figure options that gives its key away (see `figureTell`): a made-up option is
 * traded for another of `pool` (the figures offered, best first) that `fits` the set, while one
 * does; the set is left as it is otherwise, for the builder to refuse.
 */
export function mendFigures(
	key: string,
	out: string[],
	pool: readonly string[],
	own: ReadonlySet<string>,
	fits: (c: string) => boolean,
	years = false
): void {
	const k = figureOf(key);
	if (!k) return;
	const n = (s: string) => figureOf(s)?.n ?? NaN;
	const picked = new Set<string>();
	for (let round = 0; round < 3; round++) {
		const tell = figureTell(key, out, own, years);
		if (!tell) return;
		// An option brought in to mend one tell stays while another is mended.
		const all = out.filter((o) => !own.has(o.trim()));
		const made = all.some((o) => !picked.has(o)) ? all.filter((o) => !picked.has(o)) : all;
		// The option to trade: the made-up one farthest from the key, or the least fitting one.
		const lk = roundness(k.n);
		const badness = (o: string): number => {
			if (tell === 'round-key-stands-out') return lk >= 2 ? -roundness(n(o)) : roundness(n(o));
			if (tell === 'near-duplicate-options')
				return -Math.min(...[key, ...out].filter((x) => x !== o).map((x) => Math.abs(n(x) - n(o))));
			return Math.abs(n(o) - k.n);
		};
		const drop = made.reduce((x, y) => (badness(y) > badness(x) ? y : x));
		const at = out.indexOf(drop);
		out.splice(at, 1);
		// A candidate that leaves no tell, else the first that mends this one.
		let pick: string | undefined;
		let fallback: string | undefined;
		for (const c of pool) {
			if (c === drop || out.includes(c) || !fits(c)) continue;
			const next = figureTell(key, [...out, c], own, years);
			if (!next) {
				pick = c;
				break;
			}
			if (fallback === undefined && next !== tell) fallback = c;
		}
		pick ??= fallback;
		if (pick === undefined) {
			out.splice(at, 0, drop);
			return;
		}
		picked.add(pick);
		out.splice(at, 0, pick);
	}
}

/**
 * Rule "key rank": where the key's place among the sorted options should be, 0 (lowest) to 3
 * (highest), drawn from the key's text and where it stands, so that over many questions each place
 * holds the key about as often and no fixed pattern (never an end, always second) shows it.
 */
export function keyRank(a: { text: string; span?: { start: number } }): number {
	// The top a little more often (6 in 20) and the rank below it less (4 in 20): a bound of the
	// sentence or a round key stops the top more often than any other place, and its nearest
	// place is the one below; so drawn, each place holds the key about as often over an article set.
	const h = fnv1a(`${a.text}|${a.span?.start ?? 0}|rank`) % 20;
	return h < 5 ? 0 : h < 10 ? 1 : h < 14 ? 2 : 3;
}

/**
 * Rule "key rank": trades the made-up options of a set of figures (two or more) for others of
 * `pool` (best first) so that `target` options stand below the key, or the nearest number that
 * the pool and the bounds allow; the article's own figures stay. A set that would tell its key
 * (`figureTell`) or that `fits` refuses is never made, and a set that tells is mended at the
 * nearest rank that allows it, within the `allowed` ranks; failing all, the set stays as it is.
 */
export function placeKey(
	key: string,
	out: string[],
	pool: readonly string[],
	own: ReadonlySet<string>,
	fits: (c: string) => boolean,
	target: number,
	years = false,
	allowed: [number, number] = [0, 3]
): void {
	const k = figureOf(key);
	const made = out.filter((o) => !own.has(o.trim()));
	if (!k || out.length < 3 || made.length < 2) return;
	const n = (s: string) => figureOf(s)?.n ?? NaN;
	if (out.some((o) => figureOf(o)?.shape !== k.shape)) return;
	const rank = (set: readonly string[]) => set.filter((o) => n(o) < k.n).length;
	const now = rank(out);
	const told = figureTell(key, out, own, years);
	if (now === target && !told) return;
	const fixed = out.filter((o) => own.has(o.trim()));
	const low = rank(fixed);
	const cands = [...new Set(pool)].filter(
		(c) =>
			!own.has(c.trim()) && figureOf(c)?.shape === k.shape && Number.isFinite(n(c)) && n(c) !== k.n
	);
	// The best six of each side, and the best three as round as the key (for "10%": "15%").
	const lk = roundness(k.n);
	const side = (xs: string[]) => [
		...new Set([
			...xs.slice(0, 6),
			...xs.filter((c) => Math.abs(roundness(n(c)) - lk) <= 1).slice(0, 3)
		])
	];
	const below = side(cands.filter((c) => n(c) < k.n));
	const above = side(cands.filter((c) => n(c) > k.n));
	const m = made.length;
	const was = [...out];
	// Ranks nearest the drawn one first, the higher of two as near (bounds and the floor of a
	// small key stop the top more often); reaching the present rank keeps a set that tells nothing.
	const ranks = [0, 1, 2, 3].sort((x, y) => Math.abs(x - target) - Math.abs(y - target) || y - x);
	for (const t of ranks) {
		if (t < allowed[0] || t > allowed[1]) continue;
		if (t === now && !told) return;
		const b = t - low;
		if (b < 0 || b > m || b > below.length || m - b > above.length) continue;
		for (const lows of choose(below, b))
			for (const highs of choose(above, m - b)) {
				out.length = 0;
				out.push(...fixed);
				if ([...lows, ...highs].every((c) => fits(c) && out.push(c) > 0))
					if (!figureTell(key, out, own, years)) return;
			}
	}
	out.length = 0;
	out.push(...was);
}

/** Every choice of `k` items of `xs`, in order, earlier items first. */
function choose<T>(xs: readonly T[], k: number): T[][] {
	if (k === 0) return [[]];
	const res: T[][] = [];
	for (let i = 0; i + k <= xs.length; i++)
		for (const rest of choose(xs.slice(i + 1), k - 1)) res.push([xs[i] as T, ...rest]);
	return res;
}

/**
 * Figures nearly as round as a round key, a few grid steps either side inside (lo, hi): "1,500"
 * and "2,500" beside "1,000", so that a round key is not the only round option. Never a half or
 * a multiple of the key. Empty for a key that is not round or not whole.
 */
export function roundVariants(key: string, lo: number, hi: number): string[] {
	const k = figureOf(key);
	if (!k || k.decimals) return [];
	const level = roundness(k.n);
	if (level < 2) return [];
	const g = (level % 2 ? 1 : 5) * Math.pow(10, Math.floor((level - 1) / 2));
	const out: string[] = [];
	for (const d of [1, -1, 2, -2, 3, -3, 4]) {
		const v = k.n + d * g;
		if (v <= 0 || v <= lo || v >= hi || multipleOf(v, k.n) || roundness(v) < level - 1) continue;
		const s = withNumber(key, v);
		if (s) out.push(s);
	}
	return out;
}

/**
 * Rule "no run": moves of a month or a weekday away from the key, up to `most` either way, for
 * three options on both sides of it that are never a run of four in a row ("September, October,
 * November, December" around "October"), the choice and order drawn from the key's own text.
 */
export function cycleMoves(text: string, most: number): number[] {
	const h = fnv1a(text);
	const all: number[] = [];
	for (let d = 1; d <= most; d++) all.push(d, -d);
	const sets: number[][] = [];
	for (let i = 0; i < all.length; i++)
		for (let j = i + 1; j < all.length; j++)
			for (let k = j + 1; k < all.length; k++) {
				const set = [all[i], all[j], all[k]] as number[];
				if (!set.some((x) => x < 0) || !set.some((x) => x > 0)) continue;
				const span = Math.max(...set, 0) - Math.min(...set, 0);
				if (span === 3) continue;
				// Near ones only: no set reaching as far as `most` on both sides.
				if (Math.max(...set) === most && Math.min(...set) === -most) continue;
				sets.push(set);
			}
	const pick = (sets[h % sets.length] as number[]).sort(
		(x, y) => (fnv1a(`${h}|${x}`) % 97) - (fnv1a(`${h}|${y}`) % 97)
	);
	return [...pick, ...all.filter((d) => !pick.includes(d))];
}

/**
 * Rule "near years": moves of a bare year away from the key, near ones first, their sides and
 * sizes drawn from the key's own text so that no fixed pattern (always 2 before, 3 after, 5
 * before) shows which option is the key.
 */
export function yearMoves(text: string): number[] {
	const h = fnv1a(text);
	const all = [-1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6];
	const weight = (d: number) => Math.abs(d) + (fnv1a(`${h}|${d}`) % 5) * 0.75;
	return all.sort((x, y) => weight(x) - weight(y) || x - y);
}

/**
 * The rules of `figureTell` on a question's options, for the figures the generator makes up by a
 * rule of spacing: years and counts, sums and shares; not sizes made in set values, times of day
 * or memory sizes, whose options are the real ones.
 */
export function optionsTell(
	doc: Doc,
	ans: { kind: AnswerKind; text: string; span?: { start: number; end: number } },
	options: string[]
): FigureTell | undefined {
	if (ans.kind === 'date')
		return bareYear(ans.text) ? figureTell(ans.text, options, ownFigures(doc), true) : undefined;
	if (!NUMERIC_KINDS.has(ans.kind) || powerOfTwoVariants(ans.text)) return undefined;
	if (ans.span && clockVariants(doc.text, ans.span, ans.text)) return undefined;
	const sentence = ans.span ? (blankedSentence(doc, ans.span) ?? '') : '';
	if (setSizeVariants(doc, ans.text, sentence) !== null || fixedDistance(doc, ans.text))
		return undefined;
	return figureTell(ans.text, options, ownFigures(doc));
}
