import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Rating } from '$lib/srs';
import { addArticle } from './articles';
import { openDatabase, type FactdeckDB } from './database';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import { listLibrary } from './library';
import { updateSrsSettings } from './settings';
import { rateCard } from './study';

let db: FactdeckDB;
afterEach(async () => {
	await db.delete();
});

describe('listLibrary', () => {
	it('counts days since study in the learner’s day: local time, from the day-start hour', async () => {
		db = openDatabase(freshName('library'));
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a']), new Date('2026-01-12T00:00:00Z'));
		await updateSrsSettings(db, { dayStartHour: 4 });
		// 01:30 in Paris (UTC+1) on the 13th: still the 12th for a learner whose day starts at 04:00.
		const studied = new Date('2026-01-13T00:30:00Z');
		await rateCard(db, 'c-a', Rating.Good, studied, 60);
		const at = async (iso: string, offset: number) =>
			(await listLibrary(db, new Date(iso), offset))[0]?.studiedDaysAgo;
		// 10:00 in Paris on the 13th: the next learner day, though the same UTC and local date.
		expect(await at('2026-01-13T09:00:00Z', 60)).toBe(1);
		// 03:00 in Paris on the 13th: the same learner day.
		expect(await at('2026-01-13T02:00:00Z', 60)).toBe(0);
		// In New York (UTC-5) it was 19:30 on the 12th; 23:00 there the same evening is still day 0.
		expect(await at('2026-01-13T04:00:00Z', -300)).toBe(0);
		expect(await at('2026-01-16T09:00:00Z', 60)).toBe(4);
	});
});
