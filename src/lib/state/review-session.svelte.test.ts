import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { addArticle } from '$lib/db/articles';
import { openDatabase, type FactdeckDB } from '$lib/db/database';
import { ARTICLE_TEXT, deck, freshName } from '$lib/db/fixtures/deck';
import { allReviews } from '$lib/db/log';
import { Rating, State } from '$lib/srs';
import { ReviewSession, type OwnRating, type UndoMemory } from './review-session.svelte';

const T0 = new Date('2026-01-12T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

let db: FactdeckDB;
afterEach(async () => {
	await db?.delete();
});

async function session(ids = ['a', 'b', 'c']): Promise<ReviewSession> {
	db = openDatabase(freshName('session'));
	await addArticle(db, { text: ARTICLE_TEXT }, deck(ids), T0);
	const s = new ReviewSession(db);
	await s.load(T0);
	return s;
}

describe('a review session over a real database', () => {
	it('shows the first new card, reveals it with four previews, rates and moves on', async () => {
		const s = await session();
		expect(s.loaded).toBe(true);
		expect(s.current?.id).toBe('c-a');
		expect(s.counts).toEqual({ learning: 0, review: 0, new: 3 });
		expect(s.revealed).toBe(false);
		s.reveal(T0);
		expect(s.previews.map((p) => p.grade)).toEqual([
			Rating.Again,
			Rating.Hard,
			Rating.Good,
			Rating.Easy
		]);
		const good = s.previews[2]!.label;
		// A key pressed while the rating saves is ignored, and says so.
		const [saved, ignored] = await Promise.all([s.rate(Rating.Good, T0), s.rate(Rating.Again, T0)]);
		expect(saved).toEqual({ status: 'saved', grade: Rating.Good, label: good });
		expect(ignored).toEqual({ status: 'ignored' });
		expect(s.current?.id).toBe('c-b');
		expect(s.revealed).toBe(false);
		expect(s.summary.reviewed).toBe(1);
		expect((await db.cards.get('c-a'))?.state).toBe(State.Learning);
		expect((await allReviews(db)).map((r) => [r.cardId, r.rating])).toEqual([['c-a', Rating.Good]]);
	});

	it('ignores a rating before the answer is shown', async () => {
		const s = await session(['a']);
		expect(await s.rate(Rating.Easy, T0)).toEqual({ status: 'ignored' });
		expect(s.current?.id).toBe('c-a');
		expect(await allReviews(db)).toEqual([]);
	});

	it('undoes the last rating: the card comes back as it was, with no log row', async () => {
		const s = await session(['a', 'b']);
		s.reveal(T0);
		await s.rate(Rating.Again, T0);
		expect(s.summary.again).toBe(1);
		expect(s.canUndo).toBe(true);
		expect(await s.undo(later(1000))).toBe(true);
		expect(s.current?.id).toBe('c-a');
		expect(s.revealed).toBe(false);
		expect((await db.cards.get('c-a'))?.state).toBe(State.New);
		expect(await allReviews(db)).toEqual([]);
		expect(s.canUndo).toBe(false);
	});

	it('suspends the card in front, and brings it back on undo', async () => {
		const s = await session(['a', 'b']);
		await s.suspendCurrent(T0);
		expect(s.hidden).toMatchObject({ action: 'suspend', card: { id: 'c-a' } });
		expect(s.current?.id).toBe('c-b');
		await s.undoHide(T0);
		expect(s.hidden).toBeNull();
		expect(s.current?.id).toBe('c-a');
	});

	it('ends with an explanation once nothing is left today', async () => {
		const s = await session(['a']);
		s.reveal(T0);
		await s.rate(Rating.Easy, T0);
		expect(s.current).toBeUndefined();
		expect(s.progress).toBe(1);
		expect(s.empty).not.toBeNull();
	});
});

describe('two tabs reviewing one deck', () => {
	it('undo in one tab takes back only its own rating, not the other tab’s newer one', async () => {
		const first = await session(['a', 'b', 'c']);
		const second = new ReviewSession(db);
		await second.load(T0);
		first.reveal(T0);
		await first.rate(Rating.Good, T0);
		// The other tab shows c-a too, as it was before: its rating is refused, not applied with
		// intervals the card no longer has, and its buttons show the stored card's.
		second.reveal(later(60_000));
		const shownBefore = second.previews.map((p) => p.label);
		expect(await second.rate(Rating.Again, later(60_000))).toEqual({ status: 'stale' });
		expect(second.notice).toMatch(/another tab/);
		expect(await allReviews(db)).toHaveLength(1);
		expect(second.current?.id).toBe('c-a');
		expect(second.current?.state).toBe(State.Learning);
		expect(second.previews.map((p) => p.label)).not.toEqual(shownBefore);
		// Rated again, with the intervals it now shows: the newest row is the other tab's.
		const again = second.previews.find((p) => p.grade === Rating.Again)!.label;
		expect(await second.rate(Rating.Again, later(60_000))).toEqual({
			status: 'saved',
			grade: Rating.Again,
			label: again
		});
		await first.undo(later(120_000));
		expect(first.error).toMatch(/another tab/);
		expect((await allReviews(db)).map((r) => [r.cardId, r.rating])).toEqual([
			['c-a', Rating.Good],
			['c-a', Rating.Again]
		]);
		// Next ratings: each tab's undo removes its own rating only.
		first.reveal(later(180_000));
		await first.rate(Rating.Easy, later(180_000));
		second.reveal(later(240_000));
		expect((await second.rate(Rating.Hard, later(240_000))).status).toBe('saved');
		await first.undo(later(300_000));
		const times = (await allReviews(db)).map((r) => r.review - T0.getTime());
		expect(times).not.toContain(180_000);
		expect(times).toContain(240_000);
		expect(times).toHaveLength(3);
	});
});

describe('undo after leaving Review', () => {
	/** Undo memory as a tab keeps it, here in a plain object. */
	function memory(): UndoMemory & { kept: { day: number; ratings: OwnRating[] } | null } {
		return {
			kept: null,
			read(day) {
				return this.kept?.day === day ? [...this.kept.ratings] : [];
			},
			write(day, ratings) {
				this.kept = { day, ratings: [...ratings] };
			}
		};
	}

	it('a later sitting the same day takes back the ratings made before, newest first', async () => {
		db = openDatabase(freshName('session'));
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b', 'c']), T0);
		const kept = memory();
		const first = new ReviewSession(db, undefined, false, kept);
		await first.load(T0);
		for (const [i, grade] of ([Rating.Good, Rating.Easy] as const).entries()) {
			first.reveal(later(i * 60_000));
			expect((await first.rate(grade, later(i * 60_000))).status).toBe('saved');
		}
		first.stop();
		// The learner leaves Review and comes back an hour later: a new sitting.
		const back = new ReviewSession(db, undefined, false, kept);
		await back.load(later(3_600_000));
		expect(back.canUndo).toBe(true);
		expect(await back.undo(later(3_600_000))).toBe(true);
		expect((await allReviews(db)).map((r) => [r.cardId, r.rating])).toEqual([['c-a', Rating.Good]]);
		expect(back.current?.id).toBe('c-b');
		expect(await back.undo(later(3_600_000))).toBe(true);
		expect(await allReviews(db)).toHaveLength(0);
		expect(back.canUndo).toBe(false);
		expect(kept.kept?.ratings).toEqual([]);
	});

	it('the next learner day offers no undo of yesterday’s ratings', async () => {
		db = openDatabase(freshName('session'));
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		const kept = memory();
		const first = new ReviewSession(db, undefined, false, kept);
		await first.load(T0);
		first.reveal(T0);
		await first.rate(Rating.Good, T0);
		const tomorrow = new ReviewSession(db, undefined, false, kept);
		await tomorrow.load(later(26 * 3_600_000));
		expect(tomorrow.canUndo).toBe(false);
		expect(await tomorrow.undo(later(26 * 3_600_000))).toBe(false);
		expect(await allReviews(db)).toHaveLength(1);
	});
});
