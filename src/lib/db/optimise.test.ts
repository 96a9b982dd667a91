import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { Rating } from '$lib/srs';
import { histories } from '$lib/decks/optimise';
import { addArticle } from './articles';
import { openDatabase, type FactdeckDB } from './database';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import { optimiseReadiness, optimiserLog } from './optimise';
import { exportBackup, importBackup } from './backup';
import { getSrsSettings, updateSrsSettings } from './settings';
import { rateCard, resetCard } from './study';

const OFFSET = 60;
const T0 = new Date('2026-01-12T09:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

let db: FactdeckDB;
afterEach(async () => {
	await db?.delete();
});

describe('the review log as the optimiser reads it', () => {
	it('counts reviews on a later day than the one before, and gives each card its rows', async () => {
		db = openDatabase(freshName('optimise'));
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		expect(await optimiseReadiness(db)).toEqual({ laterDayReviews: 0, cards: 0, ready: false });
		await rateCard(db, 'c-a', Rating.Good, at(0), OFFSET);
		await rateCard(db, 'c-a', Rating.Again, at(3), OFFSET);
		await rateCard(db, 'c-b', Rating.Easy, at(0), OFFSET);
		await resetCard(db, 'c-b', at(1), OFFSET);
		await rateCard(db, 'c-b', Rating.Good, at(2), OFFSET);

		// Card a's Again three days on; card b's history starts again at its reset.
		expect(await optimiseReadiness(db)).toEqual({ laterDayReviews: 1, cards: 1, ready: false });
		const log = await optimiserLog(db);
		expect(log.map((rows) => rows.map((r) => r.rating)).sort()).toEqual([
			[Rating.Good, Rating.Again],
			[Rating.Easy, Rating.Manual, Rating.Good]
		]);
		expect(log.flat().every((r) => r.shift === log[0]![0]!.shift)).toBe(true);
		// The history before a reset is left out: card b starts again at its last Good.
		const list = histories(log);
		expect(list.map((h) => h.ratings).sort()).toEqual([[3], [3, 1]]);
		expect(list.find((h) => h.ratings.length === 2)!.deltas).toEqual([0, 3]);
	});

	it('applied parameters are kept with the settings and schedule the next rating', async () => {
		db = openDatabase(freshName('optimise'));
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		const steady = [...default_w];
		steady[3] = 60; // a first Easy lasts 60 days instead of about 8
		await updateSrsSettings(db, { weights: steady });
		// Another change to the settings keeps them.
		await updateSrsSettings(db, { leechThreshold: 5 });
		expect((await getSrsSettings(db)).weights).toEqual(steady);

		const own = await rateCard(db, 'c-a', Rating.Easy, T0, OFFSET);
		await updateSrsSettings(db, { weights: undefined });
		expect((await getSrsSettings(db)).weights).toBeUndefined();
		const standard = await rateCard(db, 'c-b', Rating.Easy, T0, OFFSET);
		expect(own.card.stability).toBeCloseTo(60, 3);
		expect(standard.card.stability).toBeCloseTo(default_w[3]!, 3);
		expect(own.card.due - T0.getTime()).toBeGreaterThan(3 * (standard.card.due - T0.getTime()));
	});

	it('a backup made after applying parameters restores them', async () => {
		db = openDatabase(freshName('optimise'));
		const weights = default_w.map((w) => w * 1.01);
		await updateSrsSettings(db, { weights });
		const backup = await exportBackup(db, T0);
		const target = openDatabase(freshName('optimise-restored'));
		const report = await importBackup(target, backup.json, 'replace');
		expect(report.counts.settings).toBe(1);
		expect((await getSrsSettings(target)).weights).toEqual(weights);
		target.close();
	});
});
