/**
 * The one grader of typed answers (short answer and cloze), used by the practice quiz and the
 * classroom alike, so an answer gets the same verdict wherever it is typed. It marks the way a fair
 * teacher does: case, punctuation, accents, spacing and a leading article do not matter; the parts
 * of a list may come in any order ("Britain and France" for "France and Britain"); a surname is
 * enough for a person's full name, and a full name for a surname; number words and digits are the
 * same number ("twenty-five", "25"); a small typo in a long enough word counts, with its spelling
 * shown. A wrong number is never a typo.
 *
 * The verdict depends only on the text typed and the expected answer (plus any accepted
 * alternatives), never on where the question came from.
 */

import { editDistance } from '$lib/nlp/edit-distance';
import { LARGE_SCALE_WORDS, TENS_WORDS, UNIT_WORDS } from '$lib/nlp/number-words';

export type Verdict = 'correct' | 'close' | 'wrong';

export interface Grade {
	verdict: Verdict;
	/** Accepted as right (a close answer with a small typo counts). */
	correct: boolean;
	/** What to tell the learner, for screen readers as much as for the eye. */
	message: string;
}

const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * A word table without a prototype, so `word in table` is true only for its own words: a typed
 * answer of "constructor" is a word, not Object's constructor.
 */
function table<T>(entries: Record<string, T>): Readonly<Record<string, T>> {
	return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}

const UNITS = table<number>({ ...UNIT_WORDS, dozen: 12 });
const TENS = table<number>(TENS_WORDS);
const SCALES = table<number>(LARGE_SCALE_WORDS);

const ORDINALS = table<string>({
	first: '1st',
	second: '2nd',
	third: '3rd',
	fourth: '4th',
	fifth: '5th',
	sixth: '6th',
	seventh: '7th',
	eighth: '8th',
	ninth: '9th',
	tenth: '10th',
	eleventh: '11th',
	twelfth: '12th'
});

const DIGITS = /^\d+(?:\.\d+)?$/;

function isNumberWord(word: string): boolean {
	return word in UNITS || word in TENS || word in SCALES || word === 'hundred' || DIGITS.test(word);
}

/** Rounds away floating-point noise ("1.1 million" is 1100000, not 1100000.0000000002). */
function numberText(value: number): string {
	return String(Number(value.toPrecision(12)));
}

/**
 * Reads runs of number words and digits as one number each: "twenty five" is 25, "two hundred
 * and fifty" is 250, "1.5 million" is 1500000, "a thousand" is 1000. Two numbers side by side
 * that do not combine ("five six") stay two numbers.
 */
function foldNumbers(words: readonly string[]): string[] {
	const out: string[] = [];
	let i = 0;
	while (i < words.length) {
		const word = words[i]!;
		const startsScale = (word === 'a' || word === 'one') && words[i + 1] !== undefined;
		if (!isNumberWord(word) && !(startsScale && isScale(words[i + 1]!))) {
			out.push(ORDINALS[word] ?? word);
			i++;
			continue;
		}
		let total = 0;
		// The part below the last scale word; `small` is what may still be added to it.
		let current = 0;
		let small: 'any' | 'unit' | 'none' = 'any';
		let used = 0;
		for (let j = i; j < words.length; j++) {
			const w = words[j]!;
			if (w === 'a' && j === i) {
				current = 1;
				small = 'none';
			} else if (DIGITS.test(w)) {
				if (small !== 'any' || used > 0) break;
				current = Number(w);
				small = 'none';
			} else if (w in UNITS) {
				const v = UNITS[w]!;
				if (small === 'none' || (small === 'unit' && v >= 10)) break;
				current += v;
				small = 'none';
			} else if (w in TENS) {
				if (small !== 'any') break;
				current += TENS[w]!;
				small = 'unit';
			} else if (w === 'hundred') {
				if (current % 100 !== 0 && current >= 100) break;
				current = (current || 1) * 100;
				small = 'any';
			} else if (isScale(w)) {
				total += (current || 1) * SCALES[w]!;
				current = 0;
				small = 'any';
			} else if (w === 'and' && used > 0 && j + 1 < words.length) {
				// "two hundred and fifty": "and" joins only after "hundred" or a scale word.
				const prev = words[j - 1]!;
				const next = words[j + 1]!;
				if (!(prev === 'hundred' || isScale(prev)) || !(next in UNITS || next in TENS)) break;
			} else break;
			used = j - i + 1;
		}
		if (used === 0) {
			out.push(word);
			i++;
			continue;
		}
		out.push(numberText(total + current));
		i += used;
	}
	return out;
}

function isScale(word: string): boolean {
	return word in SCALES;
}

/** Lower case, no accents, punctuation as space, possessives and thousands separators dropped. */
function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/(\d),(?=\d{3}\b)/g, '$1')
		.replace(/['’]s\b/g, '')
		.replace(/%/g, ' percent ')
		.replace(/\bper cent\b/g, 'percent')
		.replace(/&/g, ' and ');
}

function words(folded: string): string[] {
	return folded
		.replace(/[^\p{L}\p{N}.]+/gu, ' ')
		.replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
		.split(/\s+/)
		.filter(Boolean);
}

/**
 * The comparable form of an answer: folded, number words read as digits, no leading article.
 * @example normaliseAnswer('The twenty-five Élysée guards') // '25 elysee guards'
 */
export function normaliseAnswer(text: string): string {
	const out = foldNumbers(words(fold(text)));
	while (out.length > 1 && ARTICLES.has(out[0]!)) out.shift();
	return out.join(' ');
}

/** How many typos an answer of this length may have and still count. */
function typoAllowance(length: number): number {
	if (length < 4) return 0;
	if (length < 9) return 1;
	return 2;
}

/** Words that may stand lower-case inside a name ("Charles de Gaulle", "Ursula von der Leyen"). */
const NAME_PARTICLES = new Set([
	'de',
	'da',
	'del',
	'der',
	'di',
	'du',
	'la',
	'le',
	'van',
	'von',
	'al',
	'bin',
	'ibn'
]);

/**
 * Whether an expected answer reads as a name: two to five words, no digits, each word capitalised
 * apart from particles. Only names get the surname rule, so "summit" does not pass for "Paris
 * summit" when the answer was written in lower case.
 */
function looksLikeName(raw: string): boolean {
	const parts = raw
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/['’]s\b/g, '')
		.split(/[\s-]+/)
		.filter(Boolean);
	if (parts.length < 2 || parts.length > 5 || /\d/.test(raw)) return false;
	return parts.every((p) => /^\p{Lu}/u.test(p) || NAME_PARTICLES.has(p.toLowerCase()));
}

const NUMBER_TOKEN = /^\d[\d.]*(?:st|nd|rd|th)?$/;

/** How one typed item compares with one expected item (both as given, not normalised). */
function compareItem(given: string, expected: string): Verdict {
	const answer = normaliseAnswer(given);
	const target = normaliseAnswer(expected);
	if (!answer || !target) return 'wrong';
	if (answer === target) return 'correct';
	const a = answer.split(' ');
	const t = target.split(' ');
	const hasNumber = t.some((w) => NUMBER_TOKEN.test(w));
	if (hasNumber) {
		// The same numbers, and no words the expected answer does not have: "1500" for "1,500
		// troops", "5 March 2024" for "March 5, 2024". A wrong digit is a wrong answer.
		const numbers = (ws: string[]) => ws.filter((w) => NUMBER_TOKEN.test(w)).join(' ');
		if (numbers(a) !== numbers(t)) return 'wrong';
		const rest = new Set(t);
		return a.every((w) => rest.has(w)) ? 'correct' : 'wrong';
	}
	if (looksLikeName(expected)) {
		// The end of a name ("Macron", "Emmanuel Macron" for "President Emmanuel Macron").
		for (let k = 1; k < t.length; k++) {
			const tail = t.slice(k).join(' ');
			if (!/\p{L}{3,}/u.test(t[t.length - 1]!)) break;
			if (answer === tail) return 'correct';
			if (k === t.length - 1 && withinTypo(answer, tail)) return 'close';
		}
	}
	// More of a name than asked: "Emmanuel Macron" for "Macron".
	if (
		t.length === 1 &&
		a.length > 1 &&
		a.length <= 4 &&
		a[a.length - 1] === target &&
		/^\p{Lu}/u.test(expected.trim())
	) {
		return 'correct';
	}
	return withinTypo(answer, target) ? 'close' : 'wrong';
}

function withinTypo(answer: string, target: string): boolean {
	const allowed = typoAllowance(target.length);
	return allowed > 0 && editDistance(answer, target, allowed) <= allowed;
}

/** Splits an answer into the items of a list: commas, semicolons, slashes, "and", "&", "or". */
export function listItems(text: string): string[] {
	return text
		.replace(/(\d),(?=\d)/g, '$1')
		.replace(/&/g, ' and ')
		.split(/\s*(?:[,;/+]|\band\b|\bor\b|\bas well as\b)\s*/i)
		.map((s) => s.trim())
		.filter((s) => normaliseAnswer(s) !== '');
}

/** Whether each row can take its own column where `ok(row, column)`, one to one (lists are short). */
function matchesAll(rows: number, ok: (row: number, column: number) => boolean): boolean {
	const used = new Set<number>();
	const walk = (row: number): boolean => {
		if (row === rows) return true;
		for (let column = 0; column < rows; column++) {
			if (used.has(column) || !ok(row, column)) continue;
			used.add(column);
			if (walk(row + 1)) return true;
			used.delete(column);
		}
		return false;
	};
	return walk(0);
}

/** Compares two lists item by item, in any order. */
function compareList(given: string[], expected: string[]): Verdict {
	if (given.length !== expected.length || expected.length < 2) return 'wrong';
	const verdicts = given.map((g) => expected.map((e) => compareItem(g, e)));
	if (matchesAll(given.length, (i, j) => verdicts[i]![j] === 'correct')) return 'correct';
	if (matchesAll(given.length, (i, j) => verdicts[i]![j] !== 'wrong')) return 'close';
	return 'wrong';
}

/**
 * Grades a typed answer against the expected one and any accepted alternatives.
 * @example gradeTyped('macron', 'Emmanuel Macron') // { verdict: 'correct', ... }
 * @example gradeTyped('Britain and France', 'France and Britain') // { verdict: 'correct', ... }
 * @example gradeTyped('the Untied States', 'United States') // { verdict: 'close', correct: true }
 */
export function gradeTyped(
	given: string,
	expected: string,
	accepted: readonly string[] = []
): Grade {
	if (!normaliseAnswer(given))
		return { verdict: 'wrong', correct: false, message: 'No answer given.' };
	const targets = [expected, ...accepted].filter((t) => normaliseAnswer(t) !== '');
	let verdict: Verdict = 'wrong';
	for (const target of targets) {
		let v = compareItem(given, target);
		if (v !== 'correct') {
			const list = compareList(listItems(given), listItems(target));
			if (list === 'correct' || (list === 'close' && v === 'wrong')) v = list;
		}
		if (v === 'correct') {
			verdict = v;
			break;
		}
		if (v === 'close') verdict = 'close';
	}
	if (verdict === 'correct') return { verdict, correct: true, message: 'Correct.' };
	if (verdict === 'close') {
		return {
			verdict,
			correct: true,
			message: `Correct, with a small slip: the answer is spelled “${expected}”.`
		};
	}
	return { verdict, correct: false, message: `Not quite: the answer is “${expected}”.` };
}

/**
 * The learner's own call on a typed answer the grader marked wrong ("I was right"): the verdict
 * becomes correct, and the record keeps that it was overridden.
 */
export function overrideGrade(grade: Grade): Grade & { overridden: boolean } {
	if (grade.correct) return { ...grade, overridden: false };
	return {
		verdict: 'correct',
		correct: true,
		message: 'Counted as right, as you said.',
		overridden: true
	};
}
