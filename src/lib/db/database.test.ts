import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { newSchedule, Rating, replay, State } from '$lib/srs';
import {
	openDatabase,
	type FactdeckDB,
	SCHEMA_V1,
	SCHEMA_V2,
	SCHEMA_V3,
	SCHEMA_VERSION
} from './database';
import { countReviews } from './log';
import { freshName } from './fixtures/deck';
import { QUEUE_RETIRED, QUEUE_SUSPENDED } from './records';
import { getStudyQueue, rateCard, reviewLogOf } from './study';

const T0 = new Date('2026-01-12T09:00:00Z');

/** A card as version 1 stored it: flags instead of a queue field, no tags. */
function v1Card(id: string, flags: { suspended?: number; retired?: number }, state = State.New) {
	return {
		id,
		factId: `f-${id}`,
		front: `Front ${id}`,
		back: `Back ${id}`,
		evidence: { start: 0, end: 5 },
		...newSchedule(T0),
		state,
		articleId: 'a-1',
		order: 0,
		suspended: flags.suspended ?? 0,
		retired: flags.retired ?? 0,
		createdAt: T0.getTime(),
		updatedAt: T0.getTime() + 1
	};
}

/**
 * A database an earlier version wrote: created under `schema` (version `version`), filled by
 * `fill`, closed, then opened by the current code, which upgrades it to the current version.
 */
async function upgraded(
	prefix: string,
	version: number,
	schema: Record<string, string>,
	fill: (old: Dexie) => Promise<void>
): Promise<FactdeckDB> {
	const old = new Dexie(freshName(prefix));
	old.version(version).stores(schema);
	await old.open();
	await fill(old);
	old.close();
	const db = openDatabase(old.name);
	await db.open();
	expect(db.verno).toBe(SCHEMA_VERSION);
	return db;
}

describe('schema migrations', () => {
	it('upgrades a version 1 database to the current version with nothing lost', async () => {
		const db = await upgraded('migrate', 1, SCHEMA_V1, async (old) => {
			await old.table('articles').add({
				id: 'a-1',
				title: 'Old article',
				text: 'Some text.',
				sections: [],
				facts: [],
				addedAt: 1,
				generatedAt: 1
			});
			await old.table('questions').add({
				id: 'q-1',
				factId: 'f-1',
				type: 'short-answer',
				prompt: 'Who?',
				answer: 'Them',
				evidence: { start: 0, end: 1 },
				kind: 'person',
				score: 1,
				articleId: 'a-1',
				order: 0,
				updatedAt: 1
			});
			await old
				.table('cards')
				.bulkAdd([
					v1Card('c-new', {}),
					v1Card('c-sus', { suspended: 1 }, State.Review),
					v1Card('c-ret', { retired: 1 }, State.Review)
				]);
			await old.table('reviews').add({ cardId: 'c-sus', review: 5, rating: 3, state: 0 });
			await old
				.table('quizzes')
				.add({ id: 'z-1', articleId: 'a-1', questionIds: ['q-1'], createdAt: 2 });
			await old
				.table('attempts')
				.add({ quizId: 'z-1', questionId: 'q-1', answer: 'Them', correct: true, at: 3 });
			await old.table('settings').add({ key: 'srs', value: { newPerDay: 7 } });
		});
		const cards = await db.cards.toArray();
		expect(cards.map((c) => [c.id, c.queue, c.tags])).toEqual([
			['c-new', State.New, []],
			['c-ret', QUEUE_RETIRED, []],
			['c-sus', QUEUE_SUSPENDED, []]
		]);
		expect(cards.every((c) => !('suspended' in c) && !('retired' in c))).toBe(true);
		expect(cards.find((c) => c.id === 'c-ret')?.retiredAt).toBe(T0.getTime() + 1);
		expect(cards.find((c) => c.id === 'c-new')?.front).toBe('Front c-new');
		expect(await db.articles.get('a-1')).toMatchObject({ title: 'Old article' });
		expect(await db.questions.get('q-1')).toMatchObject({ prompt: 'Who?' });
		expect(await countReviews(db)).toBe(1);
		expect(await db.quizzes.count()).toBe(1);
		expect(await db.attempts.where('at').equals(3).count()).toBe(1);
		expect(await db.settings.get('srs')).toEqual({ key: 'srs', value: { newPerDay: 7 } });
		// The new index answers queries: the upgraded new card is in today's queue.
		expect((await getStudyQueue(db, T0, 0)).cards.map((c) => c.id)).toEqual(['c-new']);
		// Version 3's classroom table is there and empty.
		expect(await db.classroom.count()).toBe(0);
		await db.delete();
	});
});

describe('version 3', () => {
	it('opens a version 2 database with its rows as they were and an empty classroom table', async () => {
		const db = await upgraded('migrate-v3', 2, SCHEMA_V2, async (old) => {
			await old.table('settings').add({ key: 'srs', value: { newPerDay: 9 } });
			await old.table('cards').add({ ...v1Card('c-1', {}), queue: 0, tags: ['leech'] });
		});
		expect(await db.settings.get('srs')).toEqual({ key: 'srs', value: { newPerDay: 9 } });
		expect((await db.cards.get('c-1'))?.tags).toEqual(['leech']);
		expect(await db.classroom.count()).toBe(0);
		await db.delete();
	});
});

describe('version 4 and 5', () => {
	it('moves a one-row-per-review log into one record per card, rows in time order', async () => {
		const db = await upgraded('migrate-v5', 3, SCHEMA_V3, async (old) => {
			await old.table('reviews').bulkAdd([
				{ cardId: 'c-1', review: 30, rating: 3, state: 1 },
				{ cardId: 'c-2', review: 20, rating: 1, state: 0 },
				{ cardId: 'c-1', review: 10, rating: 3, state: 0 }
			]);
		});
		expect(db.backendDB().objectStoreNames.contains('reviews')).toBe(false);
		const logs = await db.logs.orderBy('cardId').toArray();
		expect(logs.map((l) => [l.cardId, l.last, l.rows.map((r) => r.review)])).toEqual([
			['c-1', 30, [10, 30]],
			['c-2', 20, [20]]
		]);
		expect(await countReviews(db)).toBe(3);
		await db.delete();
	});
});

describe('several tabs', () => {
	it('closes and tells the UI when another tab opens a newer schema', async () => {
		const name = freshName('tabs');
		const db = openDatabase(name);
		await db.open();
		const events: (number | null)[] = [];
		const stop = db.onVersionChange((e) => events.push(e.newVersion));

		const newer = new Dexie(name);
		newer.version(SCHEMA_VERSION + 1).stores({ extra: 'id' });
		await newer.open();

		expect(events).toHaveLength(1);
		expect(db.closedByUpgrade).toBe(true);
		expect(db.isOpen()).toBe(false);
		// No silent reopen on the old schema.
		await expect(db.cards.count()).rejects.toThrow();
		stop();
		newer.close();
		await Dexie.delete(name);
	});

	it('replays a card identically in another connection', async () => {
		const name = freshName('tabs');
		const tabA = openDatabase(name);
		const tabB = openDatabase(name);
		await tabA.cards.add({
			id: 'c-1',
			factId: 'f',
			front: 'F',
			back: 'B',
			evidence: { start: 0, end: 1 },
			...newSchedule(T0),
			articleId: 'a',
			order: 0,
			queue: 0,
			tags: [],
			createdAt: 0,
			updatedAt: 0
		});
		await rateCard(tabA, 'c-1', Rating.Good, T0, 0);
		await rateCard(tabB, 'c-1', Rating.Good, new Date(T0.getTime() + 600_000), 0);
		const stored = await tabA.cards.get('c-1');
		expect(stored?.reps).toBe(2);
		expect(replay('c-1', await reviewLogOf(tabB, 'c-1'))?.due).toBe(stored?.due);
		tabA.close();
		await tabB.delete();
	});
});
