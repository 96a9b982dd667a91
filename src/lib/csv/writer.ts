/**
 * The one CSV writer: every CSV file the app writes (cards for other flashcard apps, a class's
 * results) is made of these fields. Pure (no storage), so the classroom and the database both use it.
 *
 * RFC 4180: comma separated, CRLF line ends, a field with a comma, quote, line break, outer
 * space or leading # quoted, quotes doubled. A text field that a spreadsheet would run as a formula (its first
 * character one of = + - @, tab or CR) gets a leading apostrophe, which spreadsheets read as "this
 * is text" and do not show; a field already starting with apostrophes before such a character
 * gets one more, so {@link unguardCsvField} gives back exactly the text that was written.
 */

const FORMULA = /^'*[=+\-@\t\r]/;

/** One field, guarded and quoted as needed. Numbers are written as they are. */
export function csvField(value: string | number): string {
	if (typeof value === 'number') return String(value);
	const text = FORMULA.test(value) ? `'${value}` : value;
	// A leading # is quoted too: an unquoted one before the first card reads as a header line.
	return /[",\r\n]|^\s|\s$|^#/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Undoes the formula guard on a field read back from a file this app wrote. */
export function unguardCsvField(field: string): string {
	return field.startsWith("'") && FORMULA.test(field) ? field.slice(1) : field;
}

export interface CsvFileOptions {
	/** Lines written before the rows as they are (Anki's `#separator:Comma` headers). */
	preamble?: readonly string[];
	/** Start with a byte order mark, which some spreadsheet programs need to read UTF-8. */
	bom?: boolean;
}

/** A whole file: the rows' fields joined by commas, every line ended by CRLF. */
export function toCsv(
	rows: readonly (readonly (string | number)[])[],
	options: CsvFileOptions = {}
): string {
	const lines = [...(options.preamble ?? []), ...rows.map((row) => row.map(csvField).join(','))];
	return (options.bom ? '\uFEFF' : '') + lines.map((line) => `${line}\r\n`).join('');
}
