import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { default_w } from 'ts-fsrs';
import { Rating, replay, State, type Grade } from '$lib/srs';
import { cardsOfArticle } from './articles';
import type { FactdeckDB } from './database';
import { addTestArticle, freshDatabases } from './fixtures/databases';
import { countReviews } from './log';
import { QUEUE_SUSPENDED } from './records';
import { updateSrsSettings } from './settings';
import {
	buryCard,
	getStudyQueue,
	LEECH_TAG,
	previewIntervals,
	rateCard,
	rebuildCards,
	resetCard,
	reviewLogOf,
	scheduleFromLog,
	scheduleOf,
	setSuspended,
	undoLastRating,
	undoReview
} from './study';

// Paris in winter: UTC+1. The learner's day starts at 04:00 local, 03:00 UTC.
const OFFSET = 60;
const T0 = new Date('2026-01-12T09:00:00Z');
const minutes = (d: Date, m: number) => new Date(d.getTime() + m * 60_000);

const fresh = freshDatabases('study');
let db: FactdeckDB;

async function seeded(ids = ['a', 'b', 'c']) {
	db = fresh();
	return addTestArticle(db, ids, T0);
}

describe('study queue and ratings', () => {
	it('introduces new cards in deck order and moves a rated card into learning', async () => {
		await seeded();
		const q = await getStudyQueue(db, T0, OFFSET);
		expect(q.cards.map((c) => c.id)).toEqual(['c-a', 'c-b', 'c-c']);
		expect(q.counts).toEqual({ learning: 0, review: 0, new: 3 });

		const { card, log } = await rateCard(db, 'c-a', Rating.Good, T0, OFFSET);
		expect(card.state).toBe(State.Learning);
		expect(card.due - T0.getTime()).toBe(10 * 60_000);
		expect(log.state).toBe(State.New);
		expect(await reviewLogOf(db, 'c-a')).toHaveLength(1);

		// Ten minutes later the learning card comes first.
		const later = await getStudyQueue(db, minutes(T0, 10), OFFSET);
		expect(later.cards[0]?.id).toBe('c-a');
		expect(later.done).toEqual({ newCards: 1, reviews: 0 });
		expect(later.counts.new).toBe(2);
	});

	it('respects the daily new-card limit and resets it when the learner day turns at 04:00', async () => {
		await seeded(['a', 'b', 'c', 'd']);
		await updateSrsSettings(db, { newPerDay: 2 });
		expect((await getStudyQueue(db, T0, OFFSET)).counts.new).toBe(2);
		await rateCard(db, 'c-a', Rating.Easy, T0, OFFSET);
		await rateCard(db, 'c-b', Rating.Easy, T0, OFFSET);
		// 03:59 local the next night is still the same learner day.
		const stillToday = new Date('2026-01-13T02:59:00Z');
		expect((await getStudyQueue(db, stillToday, OFFSET)).counts.new).toBe(0);
		const tomorrow = new Date('2026-01-13T03:00:00Z');
		expect((await getStudyQueue(db, tomorrow, OFFSET)).counts.new).toBe(2);
	});

	it('shows a review from the start of the learner day it falls due', async () => {
		await seeded(['a']);
		const first = await rateCard(db, 'c-a', Rating.Easy, T0, OFFSET);
		expect(first.card.state).toBe(State.Review);
		const dueDay = new Date(first.card.due);
		// 04:00 local on the due day (03:00 UTC), hours before the exact due instant.
		const dayStart = new Date(
			Date.UTC(dueDay.getUTCFullYear(), dueDay.getUTCMonth(), dueDay.getUTCDate(), 3)
		);
		expect(dayStart.getTime()).toBeLessThan(first.card.due);
		const before = new Date(dayStart.getTime() - 60_000);
		expect((await getStudyQueue(db, before, OFFSET)).counts.review).toBe(0);
		expect((await getStudyQueue(db, dayStart, OFFSET)).counts.review).toBe(1);
	});

	it('previews the four buttons with labels', async () => {
		await seeded(['a']);
		const labels = (await previewIntervals(db, 'c-a', T0, OFFSET)).map((p) => p.label);
		// Easy would be 8 days without fuzz; fuzz seeded by this card's id makes it 9.
		expect(labels).toEqual(['1m', '6m', '10m', '9d']);
	});

	it('undoes the last ten ratings one by one, each equal to the log replay', async () => {
		await seeded(['a', 'b']);
		const grades = [3, 3, 1, 3, 4, 2, 3, 1, 3, 3, 3] as const;
		const snapshots: ReturnType<typeof scheduleOf>[] = [];
		let t = T0;
		for (const [i, g] of grades.entries()) {
			const id = i % 2 ? 'c-b' : 'c-a';
			const before = await db.cards.get(id);
			snapshots.push(scheduleOf(before!));
			await rateCard(db, id, g, t, OFFSET);
			t = minutes(t, 60 * 24 * (i + 1));
		}
		for (let i = grades.length - 1; i >= grades.length - 10; i--) {
			const card = await undoLastRating(db);
			expect(card?.id).toBe(i % 2 ? 'c-b' : 'c-a');
			expect(scheduleOf(card!)).toEqual(snapshots[i]);
			const fromLog = await scheduleFromLog(db, card!.id);
			if (fromLog) expect(fromLog).toEqual(scheduleOf(card!));
		}
		expect(await countReviews(db)).toBe(1);
	});

	it('rebuilds every card from its review log alone', async () => {
		await seeded(['a', 'b', 'c']);
		let t = T0;
		const plan: [string, 1 | 2 | 3 | 4][] = [
			['c-a', 3],
			['c-b', 1],
			['c-a', 3],
			['c-b', 3],
			['c-c', 4],
			['c-a', 1],
			['c-b', 3],
			['c-a', 3],
			['c-c', 2],
			['c-a', 4]
		];
		for (const [id, g] of plan) {
			t = minutes(t, 60 * 24 * 3 + 7);
			await rateCard(db, id, g, t, OFFSET);
		}
		await resetCard(db, 'c-b', minutes(t, 5), OFFSET);
		await rateCard(db, 'c-b', 3, minutes(t, 10), OFFSET);
		for (const id of ['c-a', 'c-b', 'c-c']) {
			const stored = await db.cards.get(id);
			expect(await scheduleFromLog(db, id)).toEqual(scheduleOf(stored!));
		}
		// Damage a card, then repair it from the log.
		const good = scheduleOf((await db.cards.get('c-a'))!);
		await db.cards.update('c-a', { stability: 999, due: 0 });
		await rebuildCards(db, ['c-a']);
		expect(scheduleOf((await db.cards.get('c-a'))!)).toEqual(good);
	});

	it('rebuilds a card scheduled before and after Apply with the parameters of each review', async () => {
		await seeded(['a', 'b']);
		// A learner who forgets faster than the defaults expect: lower initial stabilities, and a
		// steeper forgetting curve (what "Optimise my schedule" might fit and the learner apply).
		const fitted = [...default_w];
		fitted.splice(0, 4, 0.1, 0.6, 1.2, 4.5);
		fitted[20] = 0.4;
		let t = T0;
		const rateAll = async (grades: Grade[]) => {
			for (const g of grades) {
				t = minutes(t, 60 * 24 * 2 + 13);
				await rateCard(db, 'c-a', g, t, OFFSET);
				await rateCard(db, 'c-b', g === Rating.Again ? Rating.Good : Rating.Again, t, OFFSET);
			}
		};
		await rateAll([Rating.Good, Rating.Good, Rating.Again]);
		await updateSrsSettings(db, { weights: fitted });
		await rateAll([Rating.Good, Rating.Hard, Rating.Good, Rating.Easy]);

		const rows = await reviewLogOf(db, 'c-a');
		expect(rows.map((r) => r.weights !== undefined)).toEqual([
			...[false, false, false],
			...[true, true, true, true]
		]);
		expect(rows[3]!.weights).toEqual(fitted);
		// Stored once per card's log: the rows share one array.
		expect(rows[6]!.weights).toBe(rows[3]!.weights);

		for (const id of ['c-a', 'c-b']) {
			const live = scheduleOf((await db.cards.get(id))!);
			// Without the parameters in the rows, the replay gives another card.
			const stripped = (await reviewLogOf(db, id)).map(({ weights: _, ...row }) => row);
			expect(replay(id, stripped)).not.toEqual(live);
			await db.cards.update(id, { stability: 999, due: 0 });
			await rebuildCards(db, [id]);
			expect(scheduleOf((await db.cards.get(id))!)).toEqual(live);
		}
	});

	it('suspends a leech at its eighth lapse, and undo restores it', async () => {
		await seeded(['a']);
		let t = T0;
		let card = (await rateCard(db, 'c-a', Rating.Easy, t, OFFSET)).card;
		for (let lapse = 1; lapse <= 8; lapse++) {
			t = new Date(card.due);
			card = (await rateCard(db, 'c-a', Rating.Again, t, OFFSET)).card;
			expect(card.lapses).toBe(lapse);
			expect(card.queue === QUEUE_SUSPENDED).toBe(lapse === 8);
			if (lapse === 8) break;
			t = new Date(card.due);
			card = (await rateCard(db, 'c-a', Rating.Easy, t, OFFSET)).card;
		}
		expect(card.tags).toEqual([LEECH_TAG]);
		expect((await getStudyQueue(db, new Date(card.due), OFFSET)).cards).toHaveLength(0);
		const restored = await undoLastRating(db);
		expect(restored?.tags).toEqual([]);
		expect(restored?.queue).toBe(State.Review);
		expect(restored?.lapses).toBe(7);
	});

	it('buries a card until tomorrow and suspends on request', async () => {
		await seeded(['a', 'b']);
		const until = await buryCard(db, 'c-a', T0, OFFSET);
		expect(new Date(until).toISOString()).toBe('2026-01-13T03:00:00.000Z');
		expect((await getStudyQueue(db, T0, OFFSET)).cards.map((c) => c.id)).toEqual(['c-b']);
		expect(await setSuspended(db, ['c-b'], true, T0)).toBe(1);
		expect((await getStudyQueue(db, T0, OFFSET)).cards).toHaveLength(0);
		const tomorrow = await getStudyQueue(db, new Date(until), OFFSET);
		expect(tomorrow.cards.map((c) => c.id)).toEqual(['c-a']);
		await setSuspended(db, ['c-b'], false, T0);
		expect((await getStudyQueue(db, new Date(until), OFFSET)).cards.map((c) => c.id)).toEqual([
			'c-a',
			'c-b'
		]);
	});

	it('resets a card to new and logs the reset', async () => {
		const articleId = await seeded(['a']);
		await rateCard(db, 'c-a', Rating.Easy, T0, OFFSET);
		const card = await resetCard(db, 'c-a', minutes(T0, 1), OFFSET);
		expect(card.state).toBe(State.New);
		expect(card.reps).toBe(0);
		expect(card.queue).toBe(0);
		const log = await reviewLogOf(db, 'c-a');
		expect(log.map((r) => r.rating)).toEqual([Rating.Easy, Rating.Manual]);
		expect(await undoLastRating(db)).toBeNull();
		expect((await cardsOfArticle(db, articleId)).length).toBe(1);
	});

	it('refuses an unknown card without writing anything', async () => {
		await seeded(['a']);
		await expect(rateCard(db, 'nope', Rating.Good, T0, OFFSET)).rejects.toThrow(/does not exist/);
		expect(await countReviews(db)).toBe(0);
	});
});

describe('undo by the rating a session made', () => {
	it('takes back this tab’s rating, never the newer one another tab made', async () => {
		await seeded();
		const mine = await rateCard(db, 'c-a', Rating.Good, T0, OFFSET);
		// Another tab rates another card a minute later: the newest row of the whole log.
		await rateCard(db, 'c-b', Rating.Again, minutes(T0, 1), OFFSET);
		const card = await undoReview(db, mine.log);
		expect(card?.id).toBe('c-a');
		expect(card?.state).toBe(State.New);
		expect(await reviewLogOf(db, 'c-a')).toEqual([]);
		expect(await reviewLogOf(db, 'c-b')).toHaveLength(1);
		expect(await countReviews(db)).toBe(1);
	});

	it('keeps a rating once the same card was rated again elsewhere, and changes nothing', async () => {
		await seeded();
		const mine = await rateCard(db, 'c-a', Rating.Good, T0, OFFSET);
		await rateCard(db, 'c-a', Rating.Good, minutes(T0, 10), OFFSET);
		const before = await db.cards.get('c-a');
		expect(await undoReview(db, mine.log)).toBeNull();
		expect(await db.cards.get('c-a')).toEqual(before);
		expect(await reviewLogOf(db, 'c-a')).toHaveLength(2);
		// Already taken back (by another tab): nothing to do.
		expect(await undoReview(db, { cardId: 'c-b', review: T0.getTime() })).toBeNull();
	});
});
