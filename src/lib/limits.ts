/**
 * How large each piece of the learner's data may be, defined once. Every way data comes in (paste,
 * file, share, CSV, backup) stays within these, and the backup schema accepts up to them, so what
 * the app accepts it can always back up and restore. Pure.
 */
import { MAX_CSV_CHARS, MAX_CSV_FIELD, MAX_CSV_ROWS } from './limits-csv';

export const LIMITS = {
	/** An article's title; a longer one (an HTML page's <title>) is cut to this. */
	title: 2000,
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
	/** A CSV field, as imported. */
	csvField: MAX_CSV_FIELD
} as const;

/** Cuts a title to the limit, at a character boundary. */
export function clipTitle(title: string): string {
	if (title.length <= LIMITS.title) return title;
	const cut = title.slice(0, LIMITS.title);
	return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}
