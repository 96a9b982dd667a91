import Database from 'better-sqlite3';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApkg, fromField, mediaMapOf, readApkg, toField, type ApkgCard } from './apkg';

const LIMITS = { maxBytes: 50 * 1048576, maxNotes: 20_000, maxField: 20_000 };
const NOW = Date.UTC(2026, 10, 30, 12);

let SQL: SqlJsStatic;
beforeAll(async () => {
	SQL = await initSqlJs();
});

const CARDS: ApkgCard[] = [
	{
		id: 'c1',
		front: 'Who hosted the summit?',
		back: 'Emmanuel Macron',
		source: 'Emmanuel Macron hosted the summit in Paris.',
		tags: ['Paris summit']
	},
	{
		id: 'c2',
		front: 'What is 3 < 4 & 5 > 2 called?',
		back: 'Two "comparisons"\nover two lines',
		source: '',
		tags: []
	}
];

describe('apkg export', () => {
	it('is read back by the import path with fronts, backs and sources', async () => {
		const bytes = await buildApkg(SQL, 'Paris summit', CARDS, NOW);
		expect(mediaMapOf(bytes)).toBe('{}');
		const read = readApkg(SQL, bytes, LIMITS);
		expect(read.deckName).toBe('Paris summit');
		expect(read.skipped).toBe(0);
		expect(read.notes.map((n) => [n.front, n.back, n.source])).toEqual(
			CARDS.map((c) => [c.front, c.back, c.source])
		);
		expect(read.notes[0]!.tags).toEqual(['Paris_summit']);
	});

	it('is a valid Anki collection to an independent SQLite reader', async () => {
		const bytes = await buildApkg(SQL, 'Paris summit', CARDS, NOW);
		const files = unzipSync(bytes);
		expect(Object.keys(files).sort()).toEqual(['collection.anki2', 'media']);
		const db = new Database(Buffer.from(files['collection.anki2']!), { readonly: true });
		try {
			expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
			const col = db.prepare('SELECT ver, models, decks, dconf FROM col').get() as {
				ver: number;
				models: string;
				decks: string;
				dconf: string;
			};
			expect(col.ver).toBe(11);
			const models = Object.values(JSON.parse(col.models)) as {
				id: number;
				flds: { name: string }[];
				tmpls: { qfmt: string; afmt: string }[];
			}[];
			expect(models).toHaveLength(1);
			expect(models[0]!.flds.map((f) => f.name)).toEqual(['Front', 'Back', 'Source']);
			expect(models[0]!.tmpls[0]!.afmt).toContain('{{Source}}');
			const decks = Object.values(JSON.parse(col.decks)) as { id: number; name: string }[];
			const deck = decks.find((d) => d.name === 'Paris summit');
			expect(deck).toBeDefined();
			expect(JSON.parse(col.dconf)['1']).toBeDefined();
			const notes = db
				.prepare('SELECT id, guid, mid, flds, sfld, csum FROM notes ORDER BY id')
				.all() as {
				id: number;
				guid: string;
				mid: number;
				flds: string;
				sfld: string;
				csum: number;
			}[];
			expect(notes).toHaveLength(2);
			expect(notes[0]!.mid).toBe(models[0]!.id);
			expect(notes[0]!.flds.split('\x1f')).toEqual([
				'Who hosted the summit?',
				'Emmanuel Macron',
				'Emmanuel Macron hosted the summit in Paris.'
			]);
			expect(notes[1]!.flds.split('\x1f')[0]).toBe('What is 3 &lt; 4 &amp; 5 &gt; 2 called?');
			expect(notes[1]!.flds.split('\x1f')[1]).toBe('Two &quot;comparisons&quot;<br>over two lines');
			// Anki's checksum: SHA-1 of the first field's text, first 8 hex digits.
			const { createHash } = await import('node:crypto');
			const sha = createHash('sha1').update('Who hosted the summit?').digest('hex');
			expect(notes[0]!.csum).toBe(parseInt(sha.slice(0, 8), 16));
			expect(new Set(notes.map((n) => n.guid)).size).toBe(2);
			const cards = db
				.prepare('SELECT nid, did, ord, type, queue, due FROM cards ORDER BY id')
				.all() as {
				nid: number;
				did: number;
				ord: number;
				type: number;
				queue: number;
				due: number;
			}[];
			expect(cards.map((c) => c.nid)).toEqual(notes.map((n) => n.id));
			expect(
				cards.every((c) => c.did === deck!.id && c.ord === 0 && c.type === 0 && c.queue === 0)
			).toBe(true);
			expect(cards.map((c) => c.due)).toEqual([1, 2]);
		} finally {
			db.close();
		}
	});

	it('gives the same note guids on every export, so Anki updates instead of duplicating', async () => {
		const guids = async (now: number) => {
			const files = unzipSync(await buildApkg(SQL, 'Deck', CARDS, now));
			const db = new Database(Buffer.from(files['collection.anki2']!), { readonly: true });
			const rows = db.prepare('SELECT guid FROM notes ORDER BY id').all() as { guid: string }[];
			db.close();
			return rows.map((r) => r.guid);
		};
		expect(await guids(NOW)).toEqual(await guids(NOW + 86_400_000));
	});
});

describe('apkg import', () => {
	/** A package as Anki writes one: a Basic note type, a cloze note type, HTML fields. */
	function ankiPackage(extra: Record<string, Uint8Array> = {}): Uint8Array {
		const db = new Database(':memory:');
		db.exec(`CREATE TABLE col (id integer primary key, crt integer, mod integer, scm integer, ver integer,
			dty integer, usn integer, ls integer, conf text, models text, decks text, dconf text, tags text);
			CREATE TABLE notes (id integer primary key, guid text, mid integer, mod integer, usn integer,
			tags text, flds text, sfld integer, csum integer, flags integer, data text);
			CREATE TABLE cards (id integer primary key, nid integer, did integer, ord integer, mod integer,
			usn integer, type integer, queue integer, due integer, ivl integer, factor integer, reps integer,
			lapses integer, left integer, odue integer, odid integer, flags integer, data text);`);
		const models = {
			'11': { type: 0, flds: [{ name: 'Front' }, { name: 'Back' }, { name: 'Extra' }] },
			'12': { type: 1, flds: [{ name: 'Text' }, { name: 'Back Extra' }] }
		};
		const decks = { '1': { name: 'Default' }, '77': { name: 'Languages::French verbs' } };
		db.prepare('INSERT INTO col VALUES (1,0,0,0,11,0,0,0,?,?,?,?,?)').run(
			'{}',
			JSON.stringify(models),
			JSON.stringify(decks),
			'{}',
			'{}'
		);
		const note = db.prepare('INSERT INTO notes VALUES (?,?,?,0,0,?,?,?,0,0,?)');
		const card = db.prepare('INSERT INTO cards VALUES (?,?,77,0,0,0,0,0,0,0,0,0,0,0,0,0,0,?)');
		const rows: [number, string, string][] = [
			[11, '<b>être</b>', 'to be<br>(irregular)\x1f<i>Je suis</i> &amp; tu es'],
			[11, 'avoir&nbsp;', '<div>to have</div>\x1f'],
			[12, '{{c1::Paris}} is in France', ''],
			[11, '<img src="x.png">', 'picture only']
		];
		rows.forEach(([mid, a, rest], i) => {
			note.run(i + 1, `g${i}`, mid, ' verbs ', `${a}\x1f${rest}`, a, '');
			card.run(i + 1, i + 1, '');
		});
		const bytes = db.serialize();
		db.close();
		return zipSync({ 'collection.anki2': new Uint8Array(bytes), media: strToU8('{}'), ...extra });
	}

	it('reads basic notes as plain text and skips cloze and empty ones', () => {
		const read = readApkg(SQL, ankiPackage(), LIMITS);
		expect(read.deckName).toBe('French verbs');
		expect(read.notes).toEqual([
			{ front: 'être', back: 'to be\n(irregular)', source: 'Je suis & tu es', tags: ['verbs'] },
			{ front: 'avoir', back: 'to have', source: '', tags: ['verbs'] }
		]);
		expect(read.skipped).toBe(2);
	});

	it('says clearly when a file is not a package, or only in the newest format', () => {
		expect(() => readApkg(SQL, strToU8('hello'), LIMITS)).toThrow(/could not be unzipped/);
		expect(() => readApkg(SQL, zipSync({ 'collection.anki21b': strToU8('x') }), LIMITS)).toThrow(
			/Support older Anki versions/
		);
		expect(() =>
			readApkg(SQL, zipSync({ 'collection.anki2': strToU8('not sqlite') }), LIMITS)
		).toThrow(/not a readable SQLite database/);
		expect(() => readApkg(SQL, ankiPackage(), { ...LIMITS, maxBytes: 100 })).toThrow(/limit/);
		expect(() => readApkg(SQL, ankiPackage(), { ...LIMITS, maxNotes: 1 })).toThrow(/more than 1/);
	});

	it('keeps markup out: script and tags never reach the text', () => {
		expect(fromField('<script>alert(1)</script>Hi <a href="javascript:x">there</a>')).toBe(
			'Hi there'
		);
		expect(fromField(toField('a < b & "c"\nd'))).toBe('a < b & "c"\nd');
	});
});
