import 'fake-indexeddb/auto';
import type { Observable } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Rating } from '$lib/srs';
import { addArticle } from './articles';
import { openDatabase, type FactdeckDB } from './database';
import { StorageFullError } from './errors';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import { liveCardCounts, liveStudyQueue } from './live';
import { attemptsOfQuiz, createQuiz, finishQuiz, recordAttempt } from './quizzes';
import { formatBytes, persistOnFirstUse, requestPersistence, storageUse } from './storage';
import { rateCard, setSuspended } from './study';
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

describe('live queries', () => {
	it('update after a rating made through another connection', async () => {
		const name = freshName('live');
		db = openDatabase(name);
		await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		const queue = liveStudyQueue(db, T0, 60);
		expect((await next(queue, () => true)).counts.new).toBe(2);
		const updated = next(queue, (q) => q.counts.new === 1);
		const otherTab = openDatabase(name);
		await rateCard(otherTab, 'c-a', Rating.Hard, T0, 60);
		otherTab.close();
		expect((await updated).done.newCards).toBe(1);

		const counts = liveCardCounts(db);
		expect(await next(counts, () => true)).toMatchObject({ new: 1, learning: 1, suspended: 0 });
		const suspended = next(counts, (c) => c.suspended === 1);
		await setSuspended(db, ['c-b'], true, T0);
		expect(await suspended).toMatchObject({ new: 0, learning: 1, suspended: 1 });
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

describe('quizzes', () => {
	it('records attempts and refuses one for an unknown quiz', async () => {
		db = openDatabase(freshName('quiz'));
		const { articleId } = await addArticle(db, { text: ARTICLE_TEXT }, deck(['a', 'b']), T0);
		const quiz = await createQuiz(db, articleId, ['q-a', 'q-b'], T0);
		await recordAttempt(db, {
			quizId: quiz.id,
			questionId: 'q-b',
			answer: 'x',
			correct: false,
			at: 2
		});
		await recordAttempt(db, {
			quizId: quiz.id,
			questionId: 'q-a',
			answer: 'y',
			correct: true,
			at: 1
		});
		await finishQuiz(db, quiz.id, T0);
		expect((await attemptsOfQuiz(db, quiz.id)).map((a) => a.questionId)).toEqual(['q-a', 'q-b']);
		await expect(
			recordAttempt(db, { quizId: 'nope', questionId: 'q-a', answer: '', correct: false, at: 3 })
		).rejects.toThrow(/does not exist/);
		expect(await db.attempts.count()).toBe(2);
	});
});
