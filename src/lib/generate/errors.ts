/** Input checks with one typed error, so callers can tell bad input from a bug. */
import { STOPWORDS } from '../nlp/lexicon';

/** Above this many characters an article is refused: the deck would be unreadable anyway. */
export const MAX_INPUT_CHARS = 200_000;

export type InputErrorCode = 'empty' | 'binary' | 'not-english' | 'too-long' | 'too-short';

/** Thrown for input that cannot be turned into a deck; `message` is fit to show to a user. */
export class InputError extends Error {
	readonly code: InputErrorCode;
	constructor(code: InputErrorCode, message: string) {
		super(message);
		this.name = 'InputError';
		this.code = code;
	}
}

/**
 * Throws an InputError when the text is empty, binary, too long, too short or does not read as
 * English. Returns the text unchanged otherwise.
 */
export function checkInput(text: unknown): string {
	if (typeof text !== 'string' || !text.trim())
		throw new InputError('empty', 'The text is empty: paste or load an article first.');
	if (text.length > MAX_INPUT_CHARS)
		throw new InputError(
			'too-long',
			`The text has ${text.length.toLocaleString('en-GB')} characters; the limit is ${MAX_INPUT_CHARS.toLocaleString('en-GB')}. Split it into shorter articles.`
		);
	// eslint-disable-next-line no-control-regex
	const control = (text.match(/[\u0000-\u0008\u000e-\u001f\ufffd]/g) ?? []).length;
	if (control > 0 && control / text.length > 0.001)
		throw new InputError('binary', 'This looks like a binary file, not text.');
	const letters = (text.match(/\p{L}/gu) ?? []).length;
	const latin = (text.match(/[A-Za-z\u00c0-\u024f]/g) ?? []).length;
	if (letters === 0 || latin / letters < 0.8)
		throw new InputError('not-english', 'This does not look like English text.');
	const words = text.toLowerCase().match(/[a-z]+(?:'[a-z]+)?/g) ?? [];
	if (words.length < 4)
		throw new InputError('too-short', 'The text is too short: give at least one full sentence.');
	const common = words.filter((w) => STOPWORDS.has(w)).length;
	if (common / words.length < 0.12)
		throw new InputError('not-english', 'This does not look like English prose.');
	return text;
}
