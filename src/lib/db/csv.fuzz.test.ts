import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { backupDataSchema } from './backup-schema';
import { reviewToTuple, readAllTables } from './backup';
import { checkTables } from './backup-check';
import { deckFromRows, importCsvDeck, MAX_CSV_FIELD, MAX_CSV_ROWS, parseDeckCsv } from './csv';
import { toCsv } from '$lib/csv/writer';
import { openDatabase } from './database';
import { CsvError } from './errors';
import { freshName } from './fixtures/deck';

const SEED = fuzzSeed(0xc5f);
const T0 = new Date('2026-01-12T09:00:00Z');
const db = openDatabase(freshName('csv-fuzz'));
afterAll(() => db.delete());

/** A CSV deck file as people make them: optional header, Anki preamble, awkward fields. */
function deckFile(f: Fuzz): { text: string; rows: [string, string][] } {
	const rows: [string, string][] = Array.from({ length: f.range(1, 12) }, () => [
		f.text(30),
		f.text(30)
	]);
	const preamble = f.chance(0.2) ? ['#separator:Comma', '#html:false'] : [];
	const header = f.chance(0.4)
		? [[f.pick(['front', 'Term', 'question']), f.pick(['back', 'Definition', 'answer'])]]
		: [];
	return { text: toCsv([...header, ...rows], { preamble, bom: f.chance(0.2) }), rows };
}

const refusal = (e: unknown) => e instanceof CsvError;

describe('CSV deck import under fuzzing', () => {
	it(`reads or refuses ${FUZZ_RUNS} generated and damaged files (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		let roundTrips = 0;
		let checked = 0;
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const made = deckFile(f);
			const roll = f.next();
			const text =
				roll < 0.3 ? made.text : roll < 0.85 ? f.mutateTextTimes(made.text, 4) : f.text(400);
			const label = `CSV case ${i} (seed ${SEED})`;
			const outcome = await attempt(label, () => parseDeckCsv(text), refusal);
			tally.add(outcome);
			if (!outcome.ok) {
				expect((outcome.error as Error).message.length, label).toBeGreaterThan(10);
				continue;
			}
			const rows = outcome.value;
			expect(rows.length, label).toBeGreaterThan(0);
			expect(rows.length, label).toBeLessThanOrEqual(MAX_CSV_ROWS);
			for (const r of rows) {
				expect(r.front.trim(), label).toBe(r.front);
				expect(r.front.length > 0 && r.back.length > 0, label).toBe(true);
				expect(Math.max(r.front.length, r.back.length), label).toBeLessThanOrEqual(MAX_CSV_FIELD);
			}
			// A file this app wrote comes back as it was written (trimmed).
			if (text === made.text && made.rows.every(([a, b]) => a.trim() && b.trim())) {
				expect(
					rows.map((r) => [r.front, r.back]),
					label
				).toEqual(made.rows.map(([a, b]) => [a.trim(), b.trim()]));
				roundTrips++;
			}
			// What the parser accepts becomes a deck whose spans lie inside its text.
			const { text: articleText, deck } = deckFromRows('Fuzzed deck', rows);
			for (const c of deck.cards) {
				expect(c.evidence.end, label).toBeLessThanOrEqual(articleText.length);
			}
			// Every accepted file goes all the way in, alone in the database: the stored records
			// pass the database check and the backup schema (0 accepted corrupt states).
			{
				await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((t) => t.clear())));
				await importCsvDeck(db, text, `Fuzz ${i}`, T0);
				const tables = await readAllTables(db);
				expect(checkTables(tables, { limit: 3 }), label).toEqual([]);
				const parsed = backupDataSchema.safeParse({
					...tables,
					reviews: tables.reviews.map(reviewToTuple)
				});
				expect(parsed.error?.issues.slice(0, 3) ?? [], label).toEqual([]);
				checked++;
			}
		}
		tally.report('csv');
		expect(FUZZ_RUNS).toBeGreaterThanOrEqual(1000);
		tally.expectBothPaths();
		expect(checked).toBe(tally.accepted);
		expect(roundTrips).toBeGreaterThan(0);
	}, 120_000);
});
