/**
 * Blocks, headings, sentences and tokens. Every offset is a UTF-16 index into the original text, so
 * spans can be shown and highlighted without re-searching.
 */
import { ABBREVIATIONS, SENTENCE_STARTERS, SOFT_ABBREVIATIONS } from './lexicon';

export interface Token {
	text: string;
	lower: string;
	start: number;
	end: number;
	/** A word (letters, possibly with inner apostrophes, hyphens or dots). */
	word: boolean;
	/** Digits. */
	num: boolean;
	/** Starts with an upper-case letter. */
	cap: boolean;
	/** Whitespace stands between this token and the previous one. */
	space: boolean;
}

export interface SentenceInfo {
	index: number;
	start: number;
	end: number;
	text: string;
	tokens: Token[];
	/** Index of the section (heading) the sentence falls under; -1 before any heading. */
	section: number;
	paragraph: number;
}

export interface Heading {
	title: string;
	start: number;
	end: number;
}

const OPENERS = /["“‘'([]/;
const CLOSERS = /["”’')\]]/;

/** True when a line looks like a heading: short, capitalised, no closing punctuation. */
export function isHeading(line: string, wholeText: boolean): boolean {
	if (wholeText) return false;
	const t = line.trim();
	if (t.length < 3 || t.length > 110) return false;
	if (/[.!?:;,"”’)]$/.test(t)) return false;
	if (!/^[\p{Lu}\d"“]/u.test(t)) return false;
	const w = t.split(/\s+/);
	if (w.length > 14) return false;
	return true;
}

/**
 * Whether the word starting at `at` stands apart from what precedes it: after whitespace, an
 * opening quote or bracket, or a dash. A letter run glued to other characters ("AT&T", "3M")
 * is part of a longer name, never an initial or an abbreviation.
 */
function standsApart(text: string, at: number): boolean {
	if (at <= 0) return true;
	const c = text[at - 1] as string;
	return /\s/.test(c) || OPENERS.test(c) || /[—–/]/.test(c);
}

/**
 * Whether a period after a word that stands apart belongs to the word rather than ending the
 * sentence: an initial ("J. K. Rowling"), a dotted acronym or soft abbreviation before a word that
 * does not usually open a sentence ("U.S. officials"), "No. 10", or a known abbreviation ("Mr.").
 */
function keepsPeriod(word: string, nextWord: string, nextIsDigit: boolean): boolean {
	const lower = word.toLowerCase();
	if (/^\p{Lu}$/u.test(word)) return true;
	if (/^(?:\p{L}\.)+\p{L}$/u.test(word) || SOFT_ABBREVIATIONS.has(lower))
		return !SENTENCE_STARTERS.has(nextWord);
	if (['no', 'nos', 'op', 'fig', 'vol'].includes(lower))
		return nextIsDigit && /^\p{Lu}/u.test(word);
	return ABBREVIATIONS.has(lower);
}

/** Splits a block of text into sentence ranges [start, end) relative to the text. */
export function splitSentences(text: string, from: number, to: number): [number, number][] {
	const out: [number, number][] = [];
	const block = text.slice(from, to);
	// Quotes: track whether we are inside one, but only when the block's straight quotes pair up.
	const straight = (block.match(/"/g) ?? []).length;
	const curlyOpen = (block.match(/“/g) ?? []).length;
	const curlyClose = (block.match(/”/g) ?? []).length;
	const trackQuotes = straight % 2 === 0 && curlyOpen === curlyClose;
	let inQuote = false;
	let quoteStart = 0;
	let sStart = from;
	const n = to;
	for (let i = from; i < n; i++) {
		const ch = text[i] as string;
		if (ch === '"') {
			inQuote = !inQuote;
			quoteStart = i;
			continue;
		}
		if (ch === '“') {
			inQuote = true;
			quoteStart = i;
			continue;
		}
		if (ch === '”') {
			inQuote = false;
			continue;
		}
		if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '…') continue;
		// The run of final punctuation and closing quotes or brackets.
		let j = i + 1;
		while (j < n && /[.!?…]/.test(text[j] as string)) j++;
		let closesQuote = false;
		while (j < n && CLOSERS.test(text[j] as string)) {
			const c = text[j] as string;
			if (c === '"' || c === '”') closesQuote = true;
			j++;
		}
		// Must be followed by whitespace (or the end).
		if (j < n && !/\s/.test(text[j] as string)) {
			continue;
		}
		let k = j;
		while (k < n && /\s/.test(text[k] as string)) k++;
		const next = k < n ? (text[k] as string) : '';
		if (next) {
			const startsLikeSentence = /[\p{Lu}\d]/u.test(next) || OPENERS.test(next);
			if (!startsLikeSentence) continue;
		}
		const quoteOpen = inQuote && !closesQuote;
		if (trackQuotes && quoteOpen && i - quoteStart < 400) continue;
		if (closesQuote && trackQuotes) inQuote = false;
		if (ch === '.' && j === i + 1 && next) {
			// The word before the period.
			let b = i;
			while (b > from && /[\p{L}.\-']/u.test(text[b - 1] as string)) b--;
			const word = text.slice(b, i);
			const nextWord = (/^[\p{L}']+/u.exec(text.slice(k, k + 30)) ?? [''])[0].toLowerCase();
			// Rule "glued name end": "AT&T." or "3M." ends in a letter but the word is longer;
			// it is no initial or abbreviation, so the period ends the sentence.
			const glued = b > from && !standsApart(text, b);
			if (!glued && keepsPeriod(word, nextWord, /\d/.test(next))) continue;
		}
		out.push([sStart, j]);
		sStart = k;
		i = k - 1;
	}
	if (sStart < to) {
		const rest = text.slice(sStart, to);
		if (rest.trim()) out.push([sStart, to]);
	}
	// Trim whitespace at both ends.
	const trimmed: [number, number][] = [];
	for (const [a0, b0] of out) {
		let a = a0;
		let b = b0;
		while (a < b && /\s/.test(text[a] as string)) a++;
		while (b > a && /\s/.test(text[b - 1] as string)) b--;
		if (b > a) trimmed.push([a, b]);
	}
	return trimmed;
}

const TOKEN_RE =
	/(?:\p{L}\.){2,}|\d+(?:[.,]\d+)*|\p{L}(?:[\p{L}\p{M}\p{N}]|&#\d{2,5};)*(?:['’\-.](?=\p{L})(?:[\p{L}\p{M}\p{N}]|&#\d{2,5};)+)*|\S/gu;

/** Tokens of text[from, to), with absolute offsets. */
export function tokenize(text: string, from: number, to: number): Token[] {
	const s = text.slice(from, to);
	const out: Token[] = [];
	let prevEnd = -1;
	for (const m of s.matchAll(TOKEN_RE)) {
		let t = m[0];
		const start = from + (m.index ?? 0);
		// The period already taken by an abbreviation.
		if (start < prevEnd) continue;
		const space = prevEnd < 0 ? true : start > prevEnd;
		const word = /^\p{L}/u.test(t);
		// Possessive or contracted 's: split it off ("Trump's" → "Trump" "'s").
		const poss = word ? /^(.+)(['’]s)$/u.exec(t) : null;
		if (poss && poss[1] && poss[2]) {
			const head = poss[1];
			out.push(mk(head, start, space));
			out.push(mk(poss[2], start + head.length, false));
			prevEnd = start + t.length;
			continue;
		}
		// An abbreviation or an initial keeps its period ("Mr." "St." "J.").
		let end = start + t.length;
		if (
			word &&
			s[end - from] === '.' &&
			(ABBREVIATIONS.has(t.toLowerCase()) || /^\p{Lu}$/u.test(t)) &&
			standsApart(text, start)
		) {
			t += '.';
			end++;
		}
		out.push(mk(t, start, space));
		prevEnd = end;
	}
	return out;
}

function mk(t: string, start: number, space: boolean): Token {
	const c = t.charAt(0);
	return {
		text: t,
		lower: t.toLowerCase(),
		start,
		end: start + t.length,
		word: /^\p{L}/u.test(t),
		num: /^\d/.test(t),
		cap: c !== c.toLowerCase() && c === c.toUpperCase(),
		space
	};
}

/**
 * Bullet marker: a line that opens on a dash, star or bullet and a space ("- Manager Mark Hughes
 * ...") starts its text after the marker, so no sentence or heading carries it.
 */
const BULLET = /^[-*•–—]\s+(?=\S)/u;

/** Where a line's text starts once a bullet marker before it is skipped. */
export function afterBullet(text: string, s: number, e: number): number {
	const m = BULLET.exec(text.slice(s, Math.min(e, s + 8)));
	return m ? s + m[0].length : s;
}

export interface Layout {
	headings: Heading[];
	sentences: SentenceInfo[];
}

/** Headings and sentences of a whole text. */
export function layout(text: string): Layout {
	const headings: Heading[] = [];
	const sentences: SentenceInfo[] = [];
	const lines: [number, number][] = [];
	let pos = 0;
	for (const line of text.split('\n')) {
		const a = pos;
		const b = pos + line.length;
		pos = b + 1;
		let s = a;
		let e = b;
		while (s < e && /\s/.test(text[s] as string)) s++;
		while (e > s && /\s/.test(text[e - 1] as string)) e--;
		s = afterBullet(text, s, e);
		if (e > s) lines.push([s, e]);
	}
	let paragraph = 0;
	for (const [a, b] of lines) {
		const line = text.slice(a, b);
		if (isHeading(line, lines.length === 1)) {
			headings.push({ title: line, start: a, end: b });
			continue;
		}
		for (const [s, e] of splitSentences(text, a, b)) {
			sentences.push({
				index: sentences.length,
				start: s,
				end: e,
				text: text.slice(s, e),
				tokens: tokenize(text, s, e),
				section: headings.length - 1,
				paragraph
			});
		}
		paragraph++;
	}
	return { headings, sentences };
}
