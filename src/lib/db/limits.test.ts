import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS } from '$lib/limits';
import { addArticle } from './articles';
import { exportBackup, importBackup, readAllTables } from './backup';
import { openDatabase, type FactdeckDB } from './database';
import { deckFromRows } from './csv';
import { deck, freshName } from './fixtures/deck';

const T0 = new Date('2026-01-12T09:00:00Z');
const dbs: FactdeckDB[] = [];
function fresh(): FactdeckDB {
	const db = openDatabase(freshName('limits'));
	dbs.push(db);
	return db;
}
afterEach(async () => {
	for (const db of dbs.splice(0)) await db.delete();
});

describe('what the app accepts it can back up and restore', () => {
	it('a long title, a sentence-long prompt and the largest CSV deck round-trip', async () => {
		const db = fresh();
		const sentence = `${'word '.repeat(5000)}end.`;
		const d = deck(['a']);
		d.cards[0]!.front = sentence;
		d.questions[0]!.prompt = sentence;
		await addArticle(db, { text: sentence, title: 'T'.repeat(3059) }, d, T0);
		// The largest text a CSV deck makes: rows of the longest fields up to the file limit.
		const field = 'x'.repeat(LIMITS.csvField);
		const rows = Array.from(
			{ length: Math.floor(LIMITS.articleText / (2 * LIMITS.csvField + 3)) },
			(_, i) => ({
				line: i + 1,
				front: `${i}${field}`.slice(0, LIMITS.csvField),
				back: field
			})
		);
		const csv = deckFromRows('big', rows);
		expect(csv.text.length).toBeGreaterThan(5_000_000);
		expect(csv.text.length).toBeLessThanOrEqual(LIMITS.articleText);
		await addArticle(db, { id: csv.articleId, text: csv.text }, csv.deck, T0);

		const before = await readAllTables(db);
		expect(before.articles.find((a) => a.title.startsWith('T'))!.title).toHaveLength(LIMITS.title);
		const { json } = await exportBackup(db, T0);
		const target = fresh();
		await importBackup(target, json, 'replace');
		expect(await readAllTables(target)).toEqual(before);
	}, 120_000);
});
