import 'fake-indexeddb/auto';
import { liveQuery, type Observable } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '$lib/srs';
import { addArticle } from './articles';
import { openDatabase, type FactdeckDB } from './database';
import { StorageFullError } from './errors';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import { listLibrary } from './library';
import { addMissedToReview, finishQuiz, saveAnswer, startQuiz } from './practice';
import { formatBytes, persistOnFirstUse, requestPersistence, storageUse } from './storage';
import { rateCard, setSuspended } from './study';
import { todaySummary } from './today';
import { isQuotaError, rw } from './tx';

const T0 = new Date('2026-01-12T09:00:00Z');
let db: FactdeckDB;
afterEach(async () => {
	vi.unstubAllGlobals();
	await db?.delete();
});

/** Resolves with the first value the observable emits that passes `test`. */
function next<T>(observable: Observable<T>, test: (v: T) => boolean): Promise<T> {
	return new Promise((resolve, reject) => {
		const sub = observable.subscribe({
			next: (v) => {
				if (test(v)) {
					setTimeout(() => sub.unsubscribe());
					resolve(v);
				}
			},
			error: reject
		});
	});
}

describe('live queries, as the screens run them', () => {
	it('follow a rating made through another connection', async () => {
		const name = freshName('live');
		db = openDatabase(name);
		const { articleId } = await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		const today = liveQuery(() => todaySummary(db, T0));
		expect(await next(today, () => true)).toMatchObject({ newToday: 2, firstRun: true });
		const updated = next(today, (t) => t.reviewedToday === 1);
		const otherTab = openDatabase(name);
		await rateCard(otherTab, 'c-a', Rating.Hard, T0, 60);
		otherTab.close();
		expect(await updated).toMatchObject({ newToday: 1, firstRun: false });

		const library = liveQuery(() => listLibrary(db, T0, 0));
		const [entry] = await next(library, () => true);
		expect(entry).toMatchObject({ id: articleId, lastStudied: T0.getTime(), studiedDaysAgo: 0 });
		expect(entry?.counts).toMatchObject({ new: 1, learning: 1, suspended: 0 });
		const suspended = next(library, (l) => l[0]?.counts.suspended === 1);
		await setSuspended(db, ['c-b'], true, T0);
		expect((await suspended)[0]?.counts).toMatchObject({ new: 0, learning: 1, suspended: 1 });
	});
});

describe('storage', () => {
	it('turns a quota error into StorageFullError and writes nothing', async () => {
		db = openDatabase(freshName('quota'));
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a']), T0);
		const error = await rw(db, [db.cards, db.settings], async () => {
			await db.cards.update('c-a', { front: 'half-written' });
			await db.settings.put({ key: 'persistAsked', value: true });
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		}).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(StorageFullError);
		expect((error as Error).message).toMatch(/nothing was saved/);
		expect((await db.cards.get('c-a'))?.front).toBe('Front c-a');
		expect(await db.settings.count()).toBe(0);
	});

	it('recognises a quota error wrapped by Dexie', () => {
		expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
		expect(isQuotaError(new Error('other'))).toBe(false);
	});

	it('asks for persistent storage once, on first use', async () => {
		db = openDatabase(freshName('persist'));
		expect(await requestPersistence()).toBe('unsupported');
		const persist = vi.fn(async () => true);
		let persisted = false;
		vi.stubGlobal('navigator', {
			storage: {
				persist: async () => (persisted = await persist()),
				persisted: async () => persisted,
				estimate: async () => ({ usage: 5 * 1048576, quota: 100 * 1048576 })
			}
		});
		expect(await persistOnFirstUse(db)).toBe('granted');
		expect(await persistOnFirstUse(db)).toBeNull();
		expect(persist).toHaveBeenCalledTimes(1);
		expect(await storageUse()).toEqual({
			usage: 5242880,
			quota: 104857600,
			fraction: 0.05,
			persisted: true
		});
		expect(formatBytes(5242880)).toBe('5.0 MB');
		expect(formatBytes(512)).toBe('512 B');
	});
});

describe('practice quizzes', () => {
	it('keeps the quiz, one attempt per answer, and puts missed questions into review', async () => {
		db = openDatabase(freshName('quiz'));
		const { articleId } = await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		const questions = await db.questions.where('articleId').equals(articleId).sortBy('order');
		const quizId = await startQuiz(
			db,
			articleId,
			questions.map((q) => q.id),
			T0
		);
		await saveAnswer(db, quizId, questions[1]!.id, 'x', false, 900, T0);
		await saveAnswer(db, quizId, questions[0]!.id, 'y', true, 1200, T0);
		// Answering the same question again replaces the first answer.
		await saveAnswer(db, quizId, questions[1]!.id, 'z', false, 800, T0);
		await finishQuiz(db, quizId, T0);
		expect(await db.quizzes.get(quizId)).toMatchObject({
			articleId,
			questionIds: questions.map((q) => q.id),
			finishedAt: T0.getTime()
		});
		const attempts = await db.attempts.where('quizId').equals(quizId).toArray();
		expect(attempts.map((a) => [a.questionId, a.answer])).toEqual(
			[
				[questions[0]!.id, 'y'],
				[questions[1]!.id, 'z']
			].sort()
		);
		// A missed question whose fact has an active card is covered by it; the other gets a card.
		const covered = { ...questions[0]!, factId: 'f-c-a' };
		const missed = questions[1]!;
		expect(await addMissedToReview(db, [covered, missed], ARTICLE_TEXT, T0)).toEqual({
			added: 1,
			existing: 1
		});
		const hand = await db.cards
			.where('articleId')
			.equals(articleId)
			.filter((c) => c.tags.includes('hand'))
			.toArray();
		expect(hand).toHaveLength(1);
		expect(hand[0]?.front).toBe(missed.prompt);
		expect(hand[0]?.back).toContain(ARTICLE_TEXT.slice(missed.evidence.start, missed.evidence.end));
	});
});
