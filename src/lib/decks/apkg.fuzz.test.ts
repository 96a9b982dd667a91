import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { ApkgError, buildApkg, fromField, readApkg, toField, type ApkgContents } from './apkg';

const SEED = fuzzSeed(0xa9c6);
const LIMITS = { maxBytes: 2 * 1048576, maxNotes: 30, maxField: 80 };
const NOW = Date.UTC(2026, 10, 30, 12);

let SQL: SqlJsStatic;
beforeAll(async () => {
	SQL = await initSqlJs();
});

const NOTES_COLUMNS = [
	'id',
	'guid',
	'mid',
	'mod',
	'usn',
	'tags',
	'flds',
	'sfld',
	'csum',
	'flags',
	'data'
];

/** A collection built by hand: the tables Anki's format has, with some missing or odd. */
function craftedCollection(f: Fuzz): Uint8Array {
	const db = new SQL.Database();
	try {
		const value = () => {
			const roll = f.int(6);
			if (roll === 0) return null;
			if (roll === 1) return f.number();
			if (roll === 2) return Uint8Array.from([1, 2, 0x1f, 3]);
			return f.text(30);
		};
		if (!f.chance(0.1)) {
			db.run('CREATE TABLE col (id integer, models text, decks text)');
			const models = f.chance(0.6)
				? JSON.stringify({
						'1': {
							type: f.chance(0.2) ? 1 : f.pick([0, '0', null, 2]),
							flds: f.chance(0.8)
								? [
										{ name: 'Front' },
										{ name: 'Back' },
										{ name: f.pick(['Source', 'Extra', 'x', '']) }
									]
								: f.json(2)
						}
					})
				: f.chance(0.5)
					? JSON.stringify(f.json(3))
					: f.text(20);
			const decks = f.chance(0.6)
				? JSON.stringify({ '1': { name: 'Default' }, '7': { name: f.text(30) } })
				: f.chance(0.5)
					? JSON.stringify(f.json(3))
					: f.text(20);
			db.run('INSERT INTO col VALUES (1, ?, ?)', [models, decks]);
		}
		if (!f.chance(0.1)) {
			const columns = f.chance(0.8) ? NOTES_COLUMNS : NOTES_COLUMNS.filter(() => f.chance(0.7));
			if (columns.length) {
				db.run(`CREATE TABLE notes (${columns.join(', ')})`);
				for (let n = f.int(f.chance(0.1) ? 50 : 8); n > 0; n--) {
					const row = columns.map((c) => {
						if (c === 'flds' && f.chance(0.8)) {
							return Array.from({ length: f.range(1, 4) }, () =>
								f.text(f.chance(0.1) ? 200 : 30)
							).join('\x1f');
						}
						if (c === 'mid' && f.chance(0.8)) return 1;
						return value();
					});
					db.run(`INSERT INTO notes VALUES (${columns.map(() => '?').join(', ')})`, row);
				}
			}
		}
		if (!f.chance(0.1)) {
			db.run('CREATE TABLE cards (id integer, nid integer, did integer)');
			for (let n = f.int(6); n > 0; n--)
				db.run('INSERT INTO cards VALUES (?, ?, ?)', [n, n, f.chance(0.7) ? 7 : value()]);
		}
		return db.export();
	} finally {
		db.close();
	}
}

/** A sound package of one plain card, for the cases that damage it. */
function oneCardPackage(): Promise<Uint8Array> {
	return buildApkg(
		SQL,
		'Deck',
		[{ id: 'a', front: 'Front', back: 'Back', source: '', tags: [] }],
		NOW
	);
}

async function packageFor(
	f: Fuzz
): Promise<{ bytes: Uint8Array; cards?: { front: string; back: string; source: string }[] }> {
	const roll = f.next();
	if (roll < 0.3) {
		const cards = Array.from({ length: f.range(1, 6) }, (_, i) => ({
			id: `c${i}`,
			front: f.text(30),
			back: f.text(30),
			source: f.text(30),
			tags: [f.text(8)]
		}));
		const bytes = await buildApkg(SQL, f.text(20) || 'Deck', cards, NOW);
		return { bytes, cards };
	}
	if (roll < 0.5) {
		const bytes = await oneCardPackage();
		return { bytes: f.bytes(0, bytes) };
	}
	if (roll < 0.65) {
		// The collection inside a sound zip is damaged.
		const bytes = await oneCardPackage();
		const collection = unzipSync(bytes)['collection.anki2']!;
		return { bytes: zipSync({ 'collection.anki2': f.bytes(0, collection), media: strToU8('{}') }) };
	}
	if (roll < 0.95) {
		const name = f.pick([
			'collection.anki2',
			'collection.anki21',
			'collection.anki21b',
			'other.db'
		]);
		const files: Record<string, Uint8Array> = {
			[name]: craftedCollection(f),
			media: strToU8('{}')
		};
		if (f.chance(0.2)) files['collection.anki21b'] = f.bytes(20);
		return { bytes: zipSync(files) };
	}
	return { bytes: f.bytes(200) };
}

function checkContents(read: ApkgContents, label: string): void {
	expect(typeof read.deckName, label).toBe('string');
	expect(Number.isInteger(read.skipped) && read.skipped >= 0, label).toBe(true);
	expect(read.notes.length, label).toBeLessThanOrEqual(LIMITS.maxNotes);
	for (const n of read.notes) {
		for (const text of [n.front, n.back, n.source]) expect(typeof text, label).toBe('string');
		expect(n.front.length > 0 && n.back.length > 0, label).toBe(true);
		expect(Math.max(n.front.length, n.back.length, n.source.length), label).toBeLessThanOrEqual(
			LIMITS.maxField
		);
		expect(
			n.tags.every((t) => typeof t === 'string' && t.length > 0),
			label
		).toBe(true);
	}
}

describe('Anki package import under fuzzing', () => {
	it(`reads or refuses ${FUZZ_RUNS} generated, crafted and damaged packages (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		let roundTrips = 0;
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const { bytes, cards } = await packageFor(f);
			const label = `apkg case ${i} (seed ${SEED})`;
			const outcome = await attempt(
				label,
				() => readApkg(SQL, bytes, LIMITS),
				(e) => e instanceof ApkgError
			);
			tally.add(outcome);
			if (!outcome.ok) continue;
			checkContents(outcome.value, label);
			if (cards) {
				// A package this app wrote reads back: each field as its text survives an Anki field.
				const expected = cards
					.map((c) => ({
						front: fromField(toField(c.front)),
						back: fromField(toField(c.back)),
						source: fromField(toField(c.source))
					}))
					.filter((c) => c.front && c.back);
				expect(
					outcome.value.notes.map(({ front, back, source }) => ({ front, back, source })),
					label
				).toEqual(expected);
				roundTrips++;
			}
		}
		tally.report('apkg');
		tally.expectBothPaths();
		expect(roundTrips).toBeGreaterThan(0);
	}, 300_000);
});
