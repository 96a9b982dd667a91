/**
 * How large each piece of the learner's data may be, defined once. Every way data comes in (paste,
 * file, share, CSV, .apkg, backup, sync) stays within these, every write to the database is checked
 * against them, and the backup schema accepts up to them, so what the app accepts it can always
 * back up and restore. Pure.
 */
import { MAX_CSV_CHARS, MAX_CSV_FIELD, MAX_CSV_ROWS } from './limits-csv';

const MB = 1024 * 1024;

export const LIMITS = {
	/** An article's title; a longer one (an HTML page's <title>) is cut to this. */
	title: 2000,
	/** Where an article came from (a link or a file name); a longer one is cut to this. */
	source: 5000,
	/**
	 * An article's text: the largest a CSV deck makes (its file, plus ": " and a line end per
	 * row); pasted text is far smaller (the generator's own limit).
	 */
	articleText: MAX_CSV_CHARS + MAX_CSV_ROWS * 3,
	/**
	 * One question's or card's text (prompt, answer, front, back, choice): a generated prompt
	 * quotes a whole sentence, and a sentence can be as long as a pasted article.
	 */
	itemText: 250_000,
	/** Text typed by hand into a new card or question, or added to a field by an edit. */
	handText: 2000,
	/** Sections (headings) of one article. */
	sections: 10_000,
	/** Facts of one article. */
	facts: 100_000,
	/** Names one fact mentions. */
	entities: 1000,
	/** Options of one choice question, and pairs of one match question. */
	choices: 100,
	/** Tags on one card, and the length of each. */
	tags: 100,
	tagText: 100,
	/** A CSV field, as imported. */
	csvField: MAX_CSV_FIELD,
	/** Rows of one CSV deck (and notes of one .apkg or Quizlet set). */
	csvRows: MAX_CSV_ROWS,
	/** Characters of one CSV or Quizlet text. */
	csvChars: MAX_CSV_CHARS,
	/** A text, Markdown or HTML file opened on the Add page, read before it is opened. */
	articleFileBytes: 5 * MB,
	/** An .apkg package or a Quizlet export. */
	deckFileBytes: 50 * MB,
	/**
	 * A backup file: a sanity bound only, far above any library a phone holds. A backup is written
	 * and read as a stream of lines, so its size costs time and storage, not memory; restoring
	 * also needs room on the device (checked against the browser's storage estimate).
	 */
	backupBytes: 4096 * MB,
	/**
	 * One line of a backup: a batch of records, or one record larger than a batch (an article's
	 * text of up to 10.5 million characters, up to three bytes each, with its facts).
	 */
	backupLineBytes: 64 * MB,
	/** A backup in the single-JSON format of earlier versions, which is read whole. */
	legacyBackupBytes: 50 * MB
} as const;

/** Cuts a text to `max` characters, at a character boundary (never half of a surrogate pair). */
export function clipText(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max);
	return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Cuts a title to the limit, at a character boundary. */
export function clipTitle(title: string): string {
	return clipText(title, LIMITS.title);
}

/** "5 MB" (or "4 GB") for a byte limit. */
export function megabytes(bytes: number): string {
	if (bytes >= 1024 * MB && Number.isInteger(bytes / (1024 * MB)))
		return `${bytes / (1024 * MB)} GB`;
	const mb = bytes / MB;
	return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/** The message for a file over a byte limit, or null when it is within it. */
export function fileSizeProblem(file: { name: string; size: number }, max: number): string | null {
	if (file.size <= max) return null;
	return `“${file.name}” is ${(file.size / MB).toFixed(1)} MB; the limit is ${megabytes(max)}.`;
}

/** The message for a text over a character limit, or null when it is within it. */
export function lengthProblem(what: string, text: string, max: number): string | null {
	if (text.length <= max) return null;
	return `The ${what} is ${text.length.toLocaleString('en-GB')} characters long; the limit is ${max.toLocaleString('en-GB')}.`;
}

/**
 * The most characters a hand edit may leave in a field that held `old`: what was there plus the
 * hand limit (a long generated sentence stays editable), never beyond the item limit.
 */
export function editLimit(old: string): number {
	return Math.min(LIMITS.itemText, old.length + LIMITS.handText);
}

/** The text fields of a question or card, as stored. */
export interface ItemTexts {
	front?: string;
	back?: string;
	prompt?: string;
	answer?: string;
	hint?: string;
	choices?: readonly string[];
	pairs?: readonly (readonly [string, string])[];
	tags?: readonly string[];
}

/** The first way a question or card is larger than a backup accepts, or null. */
export function itemLimitProblem(item: ItemTexts, what = 'item'): string | null {
	const fields: [string, string | undefined][] = [
		['front', item.front],
		['back', item.back],
		['prompt', item.prompt],
		['answer', item.answer],
		['hint', item.hint]
	];
	for (const [name, value] of fields) {
		const problem =
			value === undefined ? null : lengthProblem(`${what}’s ${name}`, value, LIMITS.itemText);
		if (problem) return problem;
	}
	if ((item.choices?.length ?? 0) > LIMITS.choices || (item.pairs?.length ?? 0) > LIMITS.choices) {
		return `The ${what} has more than ${LIMITS.choices} options.`;
	}
	const parts = [...(item.choices ?? []), ...(item.pairs ?? []).flat()];
	const long = parts.find((p) => p.length > LIMITS.itemText);
	if (long !== undefined) return lengthProblem(`${what}’s option`, long, LIMITS.itemText);
	const tags = item.tags ?? [];
	if (tags.length > LIMITS.tags || tags.some((t) => t.length === 0 || t.length > LIMITS.tagText)) {
		return `The ${what}’s tags are too many or too long (at most ${LIMITS.tags} of ${LIMITS.tagText} characters).`;
	}
	return null;
}

/** An article with its generated deck, as far as the limits see them. */
export interface DeckTexts {
	title: string;
	text: string;
	source?: string;
	sections: readonly { title: string }[];
	facts: readonly { entities: readonly string[] }[];
	questions: readonly ItemTexts[];
	cards: readonly ItemTexts[];
}

/**
 * The first ways an article and its deck are larger than a backup accepts (at most a few), or an
 * empty list. Checked before any write, so the library never holds what it could not restore.
 */
export function deckLimitProblems(deck: DeckTexts): string[] {
	const out: string[] = [];
	const push = (problem: string | null) => {
		if (problem && out.length < 5) out.push(problem);
	};
	push(lengthProblem('title', deck.title, LIMITS.title));
	push(lengthProblem('text', deck.text, LIMITS.articleText));
	if (deck.source !== undefined) push(lengthProblem('source', deck.source, LIMITS.source));
	if (deck.sections.length > LIMITS.sections) {
		push(`The article has ${deck.sections.length} sections; the limit is ${LIMITS.sections}.`);
	}
	push(
		deck.sections
			.map((s) => lengthProblem('section title', s.title, LIMITS.itemText))
			.find(Boolean) ?? null
	);
	if (deck.facts.length > LIMITS.facts) {
		push(`The article has ${deck.facts.length} facts; the limit is ${LIMITS.facts}.`);
	}
	for (const fact of deck.facts) {
		if (fact.entities.length > LIMITS.entities) {
			push(`A fact names ${fact.entities.length} things; the limit is ${LIMITS.entities}.`);
			break;
		}
		const long = fact.entities.find((e) => e.length > LIMITS.itemText);
		if (long !== undefined) {
			push(lengthProblem('name in a fact', long, LIMITS.itemText));
			break;
		}
	}
	push(deck.questions.map((q) => itemLimitProblem(q, 'question')).find(Boolean) ?? null);
	push(deck.cards.map((c) => itemLimitProblem(c, 'card')).find(Boolean) ?? null);
	return out;
}
