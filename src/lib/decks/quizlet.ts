/**
 * Quizlet's set format: one card per line, the term and its definition separated by a tab. A field
 * can hold neither a tab nor a line break, so both become spaces (a card's source sentence follows
 * its answer after a dash); a cloze front loses the kind hint in brackets this app adds, which
 * would read as part of the term. The same format is what Quizlet exports, so it imports back.
 * Pure.
 */
import { HINTS, NAME_HINTS } from '$lib/generate/questions';

const EXTRA_HINTS = ['two or more people', 'two or more places', 'two or more organisations'];
const HINT_SUFFIXES = [...Object.values(HINTS), ...NAME_HINTS, ...EXTRA_HINTS, 'several names'].map(
	(h) => ` (${h})`
);

/** A front without the cloze hint this app appends: "____ hosted it. (a person)" → "____ hosted it.". */
export function withoutHint(front: string): string {
	const suffix = HINT_SUFFIXES.find((s) => front.endsWith(s));
	return suffix ? front.slice(0, -suffix.length) : front;
}

/** One line of text: tabs and line breaks folded into single spaces. */
function oneLine(text: string): string {
	return text
		.replace(/[\t\r\n\u2028\u2029]+/g, ' ')
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** A card's back as one field: the answer, then " — " and the source sentence when there is one. */
function definitionOf(back: string): string {
	const parts = back
		.split(/\r?\n\s*\r?\n/)
		.map(oneLine)
		.filter(Boolean);
	return parts.join(' — ');
}

/** Cards as a Quizlet set: "term<TAB>definition" lines, joined by line breaks. */
export function cardsToQuizlet(cards: readonly { front: string; back: string }[]): string {
	return cards
		.map((c) => `${oneLine(withoutHint(c.front))}\t${definitionOf(c.back)}`)
		.filter((line) => !line.startsWith('\t') && !line.endsWith('\t'))
		.join('\n');
}

export interface QuizletRow {
	line: number;
	front: string;
	back: string;
}

export interface QuizletProblem {
	line: number;
	message: string;
}

export class QuizletError extends Error {
	override name = 'QuizletError';
	constructor(
		message: string,
		readonly problems: QuizletProblem[] = []
	) {
		super(message);
	}
}

export interface QuizletLimits {
	maxChars: number;
	maxRows: number;
	maxField: number;
}

/**
 * Reads a Quizlet set (tab between term and definition, one card per line; blank lines skipped).
 * Throws a QuizletError naming each bad line; nothing is returned unless every line reads.
 */
export function parseQuizlet(text: string, limits: QuizletLimits): QuizletRow[] {
	if (text.length > limits.maxChars) {
		throw new QuizletError(
			`The text is too long; a set can be at most ${Math.round(limits.maxChars / 1048576)} MB.`
		);
	}
	const rows: QuizletRow[] = [];
	const problems: QuizletProblem[] = [];
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	lines.forEach((raw, i) => {
		if (!raw.trim()) return;
		const line = i + 1;
		const tab = raw.indexOf('\t');
		if (tab < 0) {
			problems.push({ line, message: 'no tab between the term and the definition.' });
			return;
		}
		const front = raw.slice(0, tab).trim();
		const back = raw.slice(tab + 1).trim();
		if (!front || !back) {
			problems.push({ line, message: `the ${front ? 'definition' : 'term'} is empty.` });
		} else if (front.length > limits.maxField || back.length > limits.maxField) {
			problems.push({ line, message: `a field is longer than ${limits.maxField} characters.` });
		} else rows.push({ line, front, back });
	});
	if (problems.length) {
		const count = `${problems.length} line${problems.length === 1 ? '' : 's'}`;
		throw new QuizletError(
			`${count} could not be read${problems.length > 20 ? ' (first 20 shown)' : ''}; nothing was imported.`,
			problems.slice(0, 20)
		);
	}
	if (rows.length === 0)
		throw new QuizletError('There are no cards: expected term<tab>definition lines.');
	if (rows.length > limits.maxRows) {
		throw new QuizletError(`The set has ${rows.length} cards; the limit is ${limits.maxRows}.`);
	}
	return rows;
}
