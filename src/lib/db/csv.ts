/**
 * CSV for other flashcard apps: export cards (front, back, article, due) in a form Anki and
 * Quizlet import, and import a deck of front,back rows with errors that name the line.
 * RFC 4180: comma separated, CRLF line ends, fields with commas, quotes or line breaks quoted,
 * quotes doubled. Text is UTF-8.
 */
import type { Deck } from '$lib/generate/types';
import { MAX_CSV_CHARS, MAX_CSV_FIELD, MAX_CSV_ROWS } from '$lib/limits-csv';
import { DAY_MS, dayContext, learnerDayNumber, localUtcOffset, State } from '$lib/srs';
import { addArticle, articleIdFor, type DeckWriteReport } from './articles';
import type { FactdeckDB } from './database';
import { toCsv, unguardCsvField } from '$lib/csv/writer';
import { CsvError, type CsvProblem } from './errors';
import { ro } from './tx';

export { MAX_CSV_CHARS, MAX_CSV_FIELD, MAX_CSV_ROWS };

export interface CsvCardRow {
	front: string;
	back: string;
	article: string;
	/** Local date the card is due (YYYY-MM-DD), empty for a card not studied yet. */
	due: string;
}

export interface CsvWriteOptions {
	/**
	 * 'row' (default): a plain header row, for Quizlet and spreadsheets.
	 * 'anki': Anki's file headers instead, so Anki maps the columns and imports no header card.
	 */
	header?: 'row' | 'anki' | 'none';
	/** Start with a byte order mark, which some spreadsheet programs need to read UTF-8. */
	bom?: boolean;
}

export function cardsToCsv(rows: readonly CsvCardRow[], options: CsvWriteOptions = {}): string {
	const header = options.header ?? 'row';
	const fields = rows.map((r) => [r.front, r.back, r.article, r.due]);
	if (header === 'row') fields.unshift(['front', 'back', 'article', 'due']);
	const preamble =
		header === 'anki' ? ['#separator:Comma', '#html:false', '#columns:Front,Back,Article,Due'] : [];
	return toCsv(fields, { preamble, bom: options.bom });
}

/** The learner-local calendar date of an instant, as YYYY-MM-DD. */
function localDate(ms: number, utcOffsetMinutes: number): string {
	// A day starting at local midnight: the calendar date, not the learner day.
	const day = learnerDayNumber(new Date(ms), dayContext(utcOffsetMinutes, 0));
	return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The active cards (of one article, or all) as CSV. Retired cards are left out. */
export async function exportCardsCsv(
	db: FactdeckDB,
	options: CsvWriteOptions & { articleId?: string; utcOffsetMinutes?: number } = {}
): Promise<string> {
	const offset = options.utcOffsetMinutes ?? localUtcOffset(new Date());
	const [cards, articles] = await ro(db, [db.cards, db.articles], () =>
		Promise.all([
			options.articleId
				? db.cards.where('articleId').equals(options.articleId).toArray()
				: db.cards.toArray(),
			db.articles.toArray()
		])
	);
	const titles = new Map(articles.map((a) => [a.id, a.title]));
	const rows = cards
		.filter((c) => c.retiredAt === undefined)
		.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.order - b.order)
		.map((c) => ({
			front: c.front,
			back: c.back,
			article: titles.get(c.articleId) ?? '',
			due: c.state === State.New ? '' : localDate(c.due, offset)
		}));
	return cardsToCsv(rows, options);
}

export interface CsvRecord {
	/** 1-based line where the record starts. */
	line: number;
	fields: string[];
	/** The first field was in quotes (so a leading # is text, not a header line). */
	quoted?: boolean;
}

function unreadable(line: number, message: string): CsvError {
	return new CsvError('The file could not be read; nothing was imported.', [{ line, message }]);
}

/** Splits CSV text into records. Accepts CRLF or LF, a leading byte order mark, quoted fields. */
export function parseCsv(text: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	while (i < text.length) {
		const start = line;
		const fields: string[] = [];
		const quoted = text[i] === '"';
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				i++;
				for (;;) {
					if (i >= text.length)
						throw unreadable(start, 'a quoted field is never closed (a missing ").');
					const ch = text[i];
					if (ch === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (ch === '\n') line++;
					field += ch;
					i++;
				}
				const next = text[i];
				if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
					throw unreadable(
						line,
						'text follows a closing quote; double any " inside a quoted field.'
					);
				}
			} else {
				while (i < text.length && text[i] !== ',' && text[i] !== '\n' && text[i] !== '\r') {
					if (text[i] === '"') {
						throw unreadable(line, 'a " inside an unquoted field; put the whole field in quotes.');
					}
					field += text[i];
					i++;
				}
			}
			fields.push(field);
			if (text[i] === ',') {
				i++;
				continue;
			}
			if (text[i] === '\r') i++;
			if (text[i] === '\n') i++;
			line++;
			break;
		}
		const blank = fields.length === 1 && fields[0] === '';
		if (!blank) records.push(quoted ? { line: start, fields, quoted } : { line: start, fields });
	}
	return records;
}

const HEADER_NAMES = {
	front: ['front', 'term', 'question', 'word'],
	back: ['back', 'definition', 'answer', 'meaning']
};

export interface CsvDeckRow {
	line: number;
	front: string;
	back: string;
}

/**
 * Reads a deck from CSV: two columns, front and back, with an optional header row naming them
 * (front/back, term/definition or question/answer; a header may name more columns, which are
 * then ignored). Lines starting with # before the first card (Anki's headers) are skipped.
 * Throws a CsvError listing each bad line.
 */
export function parseDeckCsv(text: string): CsvDeckRow[] {
	if (text.length > MAX_CSV_CHARS) {
		throw new CsvError(
			`The file is too large; a deck file can be at most ${MAX_CSV_CHARS / 1048576} MB.`
		);
	}
	let records = parseCsv(text);
	// Anki's header lines (#separator:Comma …) are never quoted; a quoted "#1 hit" is a card.
	const firstCard = records.findIndex((r) => r.quoted || !r.fields[0]?.startsWith('#'));
	records = firstCard < 0 ? [] : records.slice(firstCard);
	let frontCol = 0;
	let backCol = 1;
	let width = 2;
	const head = records[0]?.fields.map((f) => f.trim().toLowerCase());
	if (head) {
		const f = head.findIndex((h) => HEADER_NAMES.front.includes(h));
		const b = head.findIndex((h) => HEADER_NAMES.back.includes(h));
		if (f >= 0 && b >= 0) {
			frontCol = f;
			backCol = b;
			width = head.length;
			records = records.slice(1);
		}
	}
	if (records.length === 0) {
		throw new CsvError('The file has no cards: expected rows of front,back.');
	}
	if (records.length > MAX_CSV_ROWS) {
		throw new CsvError(
			`The file has ${records.length} cards; a deck can have at most ${MAX_CSV_ROWS}.`
		);
	}
	const problems: CsvProblem[] = [];
	const rows: CsvDeckRow[] = [];
	for (const r of records) {
		if (r.fields.length !== width) {
			problems.push({
				line: r.line,
				message: `expected ${width} columns${width === 2 ? ' (front,back)' : ''}, found ${r.fields.length}; put text containing commas in double quotes.`
			});
			continue;
		}
		const front = unguardCsvField(r.fields[frontCol] ?? '').trim();
		const back = unguardCsvField(r.fields[backCol] ?? '').trim();
		if (!front || !back) {
			problems.push({ line: r.line, message: `the ${front ? 'back' : 'front'} is empty.` });
			continue;
		}
		if (front.length > MAX_CSV_FIELD || back.length > MAX_CSV_FIELD) {
			problems.push({
				line: r.line,
				message: `a field is longer than ${MAX_CSV_FIELD} characters.`
			});
			continue;
		}
		rows.push({ line: r.line, front, back });
	}
	if (problems.length) {
		const shown = problems.slice(0, 20);
		const count = `${problems.length} line${problems.length === 1 ? '' : 's'}`;
		throw new CsvError(
			`${count} could not be read${problems.length > 20 ? ' (first 20 shown)' : ''}; nothing was imported.`,
			shown
		);
	}
	return rows;
}

/** The article a CSV deck of this title is stored as: importing it again updates that article. */
export function csvArticleId(title: string): string {
	return articleIdFor(`csv\u0000${title}`);
}

/**
 * Turns CSV rows into a deck over a small article text ("front: back" per line), so cards have
 * evidence like generated ones. Card ids come from the deck's title and the row's text, so
 * importing an updated file keeps the history of unchanged cards and retires removed ones.
 */
export function deckFromRows(
	title: string,
	rows: readonly CsvDeckRow[]
): { articleId: string; text: string; deck: Deck } {
	const articleId = csvArticleId(title);
	const unique = new Map<string, CsvDeckRow>();
	for (const row of rows) unique.set(`${row.front}\u0000${row.back}`, row);
	const deck: Deck = { title, sections: [], facts: [], questions: [], cards: [] };
	const lines: string[] = [];
	let offset = 0;
	for (const [key, row] of unique) {
		const line = `${row.front}: ${row.back}`.replace(/\r?\n/g, ' ');
		const evidence = { start: offset, end: offset + line.length };
		lines.push(line);
		offset += line.length + 1;
		const hash = articleIdFor(key).slice(2);
		const factId = `${articleId}-f${hash}`;
		deck.facts.push({ id: factId, kind: 'definition', evidence, entities: [] });
		deck.cards.push({
			id: `${articleId}-c${hash}`,
			factId,
			front: row.front,
			back: row.back,
			evidence: { ...evidence }
		});
	}
	const text = lines.join('\n');
	deck.sections.push({ title, span: { start: 0, end: text.length } });
	return { articleId, text, deck };
}

/** Imports a front,back CSV as an article with its cards (updating a deck of the same title). */
export async function importCsvDeck(
	db: FactdeckDB,
	csv: string,
	title: string,
	now: Date,
	source?: string
): Promise<DeckWriteReport> {
	const rows = parseDeckCsv(csv);
	const { articleId, text, deck } = deckFromRows(title.trim() || 'Imported cards', rows);
	const input = { id: articleId, title: deck.title, text };
	return addArticle(db, source === undefined ? input : { ...input, source }, deck, now);
}
