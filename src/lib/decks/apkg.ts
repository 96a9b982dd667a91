/**
 * Anki packages (.apkg): a zip holding an SQLite collection (`collection.anki2`, Anki's schema 11,
 * which every Anki version since 2.1 imports) and a media map. Export writes one note per card
 * with three fields (Front, Back, Source: the sentence the card came from); import reads the
 * basic notes of any package made with "Support older Anki versions", first field as the front,
 * second as the back, a third as the source.
 *
 * SQLite comes in as an argument (sql.js, loaded by the caller only when the learner asks), so the
 * same code runs in the browser and in Node tests.
 */
import type { Database, SqlJsStatic } from 'sql.js';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';

export interface ApkgCard {
	/** Stable id of the card in this app; the note's guid is derived from it. */
	id: string;
	front: string;
	back: string;
	/** The sentence the card was made from. */
	source: string;
	tags: readonly string[];
}

export interface ApkgNote {
	front: string;
	back: string;
	source: string;
	tags: string[];
}

export interface ApkgContents {
	/** The deck name of the first note's card, or the package's only deck. */
	deckName: string;
	notes: ApkgNote[];
	/** Notes left out: cloze notes, notes with an empty front or back. */
	skipped: number;
}

export class ApkgError extends Error {
	override name = 'ApkgError';
}

/** Anki's own field separator inside `notes.flds`. */
const FIELD_SEP = '\x1f';

const SCHEMA = `
CREATE TABLE col (id integer primary key, crt integer not null, mod integer not null,
  scm integer not null, ver integer not null, dty integer not null, usn integer not null,
  ls integer not null, conf text not null, models text not null, decks text not null,
  dconf text not null, tags text not null);
CREATE TABLE notes (id integer primary key, guid text not null, mid integer not null,
  mod integer not null, usn integer not null, tags text not null, flds text not null,
  sfld integer not null, csum integer not null, flags integer not null, data text not null);
CREATE TABLE cards (id integer primary key, nid integer not null, did integer not null,
  ord integer not null, mod integer not null, usn integer not null, type integer not null,
  queue integer not null, due integer not null, ivl integer not null, factor integer not null,
  reps integer not null, lapses integer not null, left integer not null, odue integer not null,
  odid integer not null, flags integer not null, data text not null);
CREATE TABLE revlog (id integer primary key, cid integer not null, usn integer not null,
  ease integer not null, ivl integer not null, lastIvl integer not null, factor integer not null,
  time integer not null, type integer not null);
CREATE TABLE graves (usn integer not null, oid integer not null, type integer not null);
CREATE INDEX ix_notes_usn on notes (usn);
CREATE INDEX ix_cards_usn on cards (usn);
CREATE INDEX ix_revlog_usn on revlog (usn);
CREATE INDEX ix_cards_nid on cards (nid);
CREATE INDEX ix_cards_sched on cards (did, queue, due);
CREATE INDEX ix_revlog_cid on revlog (cid);
CREATE INDEX ix_notes_csum on notes (csum);
`;

const CSS = `.card { font-family: system-ui, sans-serif; font-size: 20px; text-align: center; }
.source { margin-top: 1em; font-size: 16px; color: #555; font-style: italic; }`;

// Control characters have no place in an Anki field: U+001F separates fields, and SQLite's text
// binding ends a string at U+0000, so either would split or cut a note.
// eslint-disable-next-line no-control-regex
const FIELD_CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text to an Anki field: HTML-escaped, line breaks as <br>, control characters dropped and a lone
 * surrogate (no UTF-8 for it, so SQLite would garble its neighbour) replaced by U+FFFD.
 */
export function toField(text: string): string {
	return text
		.toWellFormed()
		.replace(FIELD_CONTROLS, '')
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replace(/\r?\n/g, '<br>');
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	apos: "'",
	nbsp: ' '
};

/** An Anki field to plain text: tags dropped, breaks kept as line breaks, entities decoded. */
export function fromField(html: string): string {
	return html
		.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(div|p|li|h[1-6])\s*>/gi, '\n')
		.replace(/<[^>]*>/g, '')
		.replace(/\[sound:[^\]]*\]/g, '')
		.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
			if (name[0] === '#') {
				const code =
					name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
				return Number.isFinite(code) && code > 0 && code <= 0x10ffff
					? String.fromCodePoint(code)
					: '';
			}
			return ENTITIES[name.toLowerCase()] ?? whole;
		})
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Anki's note checksum: the first 8 hex digits of the SHA-1 of the first field's text. */
async function checksum(text: string): Promise<number> {
	const digest = await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text));
	const bytes = new Uint8Array(digest);
	return ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
}

const GUID_CHARS =
	'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~';

/** A note guid derived from the card id, so exporting again updates the notes Anki already has. */
async function guidFor(cardId: string): Promise<string> {
	const digest = new Uint8Array(
		await crypto.subtle.digest('SHA-1', new TextEncoder().encode(`factdeck:${cardId}`))
	);
	let out = '';
	for (let i = 0; i < 10; i++) out += GUID_CHARS[digest[i]! % GUID_CHARS.length];
	return out;
}

/** A positive 13-digit id from a name, stable across exports (Anki keys models and decks by id). */
function stableId(name: string): number {
	let h = 2166136261;
	for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 16777619);
	return 1_500_000_000_000 + ((h >>> 0) % 100_000_000_000);
}

function tagsField(tags: readonly string[]): string {
	const clean = tags.map((t) => t.trim().replace(/\s+/g, '_')).filter(Boolean);
	return clean.length ? ` ${clean.join(' ')} ` : '';
}

/**
 * Builds an .apkg holding `cards` as new cards in one deck named `deckName`. `now` (epoch ms)
 * stamps the collection and numbers the notes and cards.
 */
export async function buildApkg(
	SQL: SqlJsStatic,
	deckName: string,
	cards: readonly ApkgCard[],
	now: number
): Promise<Uint8Array> {
	const db = new SQL.Database();
	try {
		db.run(SCHEMA);
		const secs = Math.floor(now / 1000);
		const modelId = stableId('Factdeck card');
		const deckId = stableId(`deck:${deckName}`);
		const model = {
			id: modelId,
			name: 'Factdeck card',
			type: 0,
			mod: secs,
			usn: -1,
			sortf: 0,
			did: deckId,
			tmpls: [
				{
					name: 'Card 1',
					ord: 0,
					qfmt: '{{Front}}',
					afmt: '{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}\n{{#Source}}<div class="source">{{Source}}</div>{{/Source}}',
					bqfmt: '',
					bafmt: '',
					did: null
				}
			],
			flds: ['Front', 'Back', 'Source'].map((name, ord) => ({
				name,
				ord,
				sticky: false,
				rtl: false,
				font: 'Arial',
				size: 20,
				media: []
			})),
			css: CSS,
			latexPre:
				'\\documentclass[12pt]{article}\n\\special{papersize=3in,5in}\n\\usepackage[utf8]{inputenc}\n\\usepackage{amssymb,amsmath}\n\\pagestyle{empty}\n\\setlength{\\parindent}{0in}\n\\begin{document}\n',
			latexPost: '\\end{document}',
			latexsvg: false,
			req: [[0, 'any', [0]]],
			tags: [],
			vers: []
		};
		const deck = (id: number, name: string) => ({
			id,
			name,
			desc: '',
			mod: secs,
			usn: -1,
			collapsed: false,
			browserCollapsed: false,
			dyn: 0,
			conf: 1,
			extendNew: 0,
			extendRev: 0,
			newToday: [0, 0],
			revToday: [0, 0],
			lrnToday: [0, 0],
			timeToday: [0, 0]
		});
		const dconf = {
			1: {
				id: 1,
				name: 'Default',
				mod: 0,
				usn: 0,
				maxTaken: 60,
				autoplay: true,
				timer: 0,
				replayq: true,
				dyn: false,
				new: {
					bury: false,
					delays: [1, 10],
					initialFactor: 2500,
					ints: [1, 4, 0],
					order: 1,
					perDay: 20
				},
				rev: { bury: false, ease4: 1.3, ivlFct: 1, maxIvl: 36500, perDay: 200, hardFactor: 1.2 },
				lapse: { delays: [10], leechAction: 1, leechFails: 8, minInt: 1, mult: 0 }
			}
		};
		const conf = {
			activeDecks: [1],
			curDeck: 1,
			newSpread: 0,
			collapseTime: 1200,
			timeLim: 0,
			estTimes: true,
			dueCounts: true,
			curModel: String(modelId),
			nextPos: cards.length + 1,
			sortType: 'noteFld',
			sortBackwards: false,
			addToCur: true
		};
		db.run('INSERT INTO col VALUES (1, ?, ?, ?, 11, 0, 0, 0, ?, ?, ?, ?, ?)', [
			secs,
			now,
			now,
			JSON.stringify(conf),
			JSON.stringify({ [modelId]: model }),
			JSON.stringify({ 1: deck(1, 'Default'), [deckId]: deck(deckId, deckName) }),
			JSON.stringify(dconf),
			'{}'
		]);
		const note = db.prepare('INSERT INTO notes VALUES (?, ?, ?, ?, -1, ?, ?, ?, ?, 0, ?)');
		const card = db.prepare(
			'INSERT INTO cards VALUES (?, ?, ?, 0, ?, -1, 0, 0, ?, 0, 0, 0, 0, 0, 0, 0, 0, ?)'
		);
		try {
			db.run('BEGIN');
			for (let i = 0; i < cards.length; i++) {
				const c = cards[i]!;
				const id = now + i;
				const front = toField(c.front);
				const flds = [front, toField(c.back), toField(c.source)].join(FIELD_SEP);
				note.run([
					id,
					await guidFor(c.id),
					modelId,
					secs,
					tagsField(c.tags),
					flds,
					c.front,
					await checksum(c.front),
					''
				]);
				card.run([id, id, deckId, secs, i + 1, '']);
			}
			db.run('COMMIT');
		} finally {
			note.free();
			card.free();
		}
		const collection = db.export();
		return zipSync({
			'collection.anki2': collection,
			media: strToU8('{}')
		});
	} finally {
		db.close();
	}
}

interface ModelInfo {
	type: number;
	fields: string[];
}

function parseJson(text: unknown): Record<string, unknown> {
	if (typeof text !== 'string') return {};
	try {
		const value: unknown = JSON.parse(text);
		return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

function modelsOf(db: Database): Map<string, ModelInfo> {
	const out = new Map<string, ModelInfo>();
	const row = db.exec('SELECT models FROM col LIMIT 1')[0]?.values[0];
	for (const [id, raw] of Object.entries(parseJson(row?.[0]))) {
		const m = raw as { type?: unknown; flds?: { name?: unknown }[] };
		out.set(id, {
			type: typeof m.type === 'number' ? m.type : 0,
			fields: Array.isArray(m.flds) ? m.flds.map((f) => String(f?.name ?? '')) : []
		});
	}
	return out;
}

function deckNames(db: Database): Map<string, string> {
	const out = new Map<string, string>();
	const row = db.exec('SELECT decks FROM col LIMIT 1')[0]?.values[0];
	for (const [id, raw] of Object.entries(parseJson(row?.[0]))) {
		const name = (raw as { name?: unknown })?.name;
		if (typeof name === 'string') out.set(id, name);
	}
	return out;
}

/** Limits on what an import reads, so a hostile package cannot exhaust memory. */
export interface ApkgLimits {
	maxBytes: number;
	maxNotes: number;
	maxField: number;
}

const SOURCE_FIELDS = /^(source|sentence|context|extra|example)/i;

/**
 * Reads the basic notes of an .apkg. Throws ApkgError with a message for the learner when the
 * file is not a package this can read (not a zip, Anki's newest format only, no notes).
 */
export function readApkg(SQL: SqlJsStatic, bytes: Uint8Array, limits: ApkgLimits): ApkgContents {
	if (bytes.length > limits.maxBytes) {
		throw new ApkgError(
			`The package is ${(bytes.length / 1048576).toFixed(1)} MB; the limit is ${limits.maxBytes / 1048576} MB.`
		);
	}
	let files: Record<string, Uint8Array>;
	try {
		let total = 0;
		files = unzipSync(bytes, {
			filter: (file) => {
				if (!/^collection\.anki2(1b?)?$/.test(file.name)) return false;
				total += file.originalSize;
				return total <= limits.maxBytes * 8;
			}
		});
	} catch {
		throw new ApkgError('This is not an Anki package (.apkg): it could not be unzipped.');
	}
	const collection = files['collection.anki21'] ?? files['collection.anki2'];
	const onlyNewFormat = 'collection.anki21b' in files;
	if (!collection) {
		throw new ApkgError(
			onlyNewFormat
				? 'This package uses only Anki’s newest format. In Anki, export it again with “Support older Anki versions” ticked.'
				: 'This zip holds no Anki collection.'
		);
	}
	let db: Database;
	try {
		db = new SQL.Database(collection);
		db.exec('SELECT count(*) FROM notes');
	} catch {
		throw new ApkgError('The collection inside this package is not a readable SQLite database.');
	}
	try {
		return readNotes(db, limits, files, onlyNewFormat);
	} catch (error) {
		if (error instanceof ApkgError) throw error;
		// A table or column Anki's format has is missing: the SQLite engine says which.
		const detail = error instanceof Error ? ` (${error.message})` : '';
		throw new ApkgError(`The collection inside this package is not in Anki’s format${detail}.`);
	} finally {
		db.close();
	}
}

function readNotes(
	db: Database,
	limits: ApkgLimits,
	files: Record<string, Uint8Array>,
	onlyNewFormat: boolean
): ApkgContents {
	const models = modelsOf(db);
	const decks = deckNames(db);
	const counts = new Map<string, number>();
	for (const row of db.exec('SELECT did, count(*) FROM cards GROUP BY did')[0]?.values ?? []) {
		counts.set(String(row[0]), Number(row[1]));
	}
	const mainDeck = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
	const notes: ApkgNote[] = [];
	let skipped = 0;
	const stmt = db.prepare('SELECT mid, flds, tags FROM notes ORDER BY id');
	try {
		while (stmt.step()) {
			const [mid, flds, tags] = stmt.get() as [number, string, string];
			const model = models.get(String(mid));
			if (notes.length >= limits.maxNotes) {
				throw new ApkgError(
					`The package has more than ${limits.maxNotes} notes; the limit is ${limits.maxNotes}.`
				);
			}
			const fields = String(flds).split(FIELD_SEP);
			if (model?.type === 1 || fields.length < 2) {
				skipped++;
				continue;
			}
			const sourceAt = model?.fields.findIndex((n, i) => i >= 2 && SOURCE_FIELDS.test(n)) ?? -1;
			const front = fromField(fields[0]!);
			const back = fromField(fields[1]!);
			const source = sourceAt >= 0 ? fromField(fields[sourceAt] ?? '') : '';
			if (!front || !back || front.length > limits.maxField || back.length > limits.maxField) {
				skipped++;
				continue;
			}
			notes.push({
				front,
				back,
				source: source.slice(0, limits.maxField),
				tags: String(tags ?? '')
					.split(/\s+/)
					.filter(Boolean)
			});
		}
	} finally {
		stmt.free();
	}
	// A package in Anki's newest format carries an old-format collection holding only a note that
	// asks to update Anki.
	if (onlyNewFormat && !files['collection.anki21'] && notes.length <= 1) {
		throw new ApkgError(
			'This package uses only Anki’s newest format. In Anki, export it again with “Support older Anki versions” ticked.'
		);
	}
	const deckName =
		(mainDeck && decks.get(mainDeck)) || [...decks.values()].find((n) => n !== 'Default') || '';
	return { deckName: deckName.split('::').pop() ?? deckName, notes, skipped };
}

/** The text of the package's media map, for tests and for a check that a file is a package. */
export function mediaMapOf(bytes: Uint8Array): string | null {
	try {
		const files = unzipSync(bytes, { filter: (f) => f.name === 'media' });
		return files['media'] ? strFromU8(files['media']) : null;
	} catch {
		return null;
	}
}
