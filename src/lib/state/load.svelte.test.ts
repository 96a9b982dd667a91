import { describe, expect, it } from 'vitest';
import { Load } from './load.svelte';

/** A promise the test settles by hand. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

/**
 * A Load as a page makes it. Unit tests run Svelte's server build, where effects do not run, so
 * the test starts the first attempt itself, as the mounted component would.
 */
function mount<T>(load: () => Promise<T>): Load<T> {
	const data = new Load(load);
	data.retry();
	return data;
}

describe('Load', () => {
	it('goes from loading to the value, or to the error, and Retry loads again', async () => {
		const attempts = [deferred<number>(), deferred<number>()];
		let calls = 0;
		const data = mount(() => attempts[calls++]!.promise);
		expect(data.state).toEqual({ status: 'loading' });
		attempts[0]!.reject(new DOMException('Storage is blocked here.', 'SecurityError'));
		await settle();
		// Blocked storage is marked, so the page can say that Factdeck cannot save here.
		expect(data.state).toEqual({
			status: 'error',
			message: 'Storage is blocked here.',
			storage: true
		});
		data.retry();
		expect(data.state).toEqual({ status: 'loading' });
		attempts[1]!.resolve(42);
		await settle();
		expect(data.state).toEqual({ status: 'ready', value: 42 });
		expect(data.value).toBe(42);
		expect(calls).toBe(2);
	});

	it('keeps the newest attempt, and nothing older than a value the page set', async () => {
		const attempts = [deferred<string>(), deferred<string>(), deferred<string>()];
		let calls = 0;
		const data = mount(() => attempts[calls++]!.promise);
		data.retry();
		attempts[1]!.resolve('newer');
		attempts[0]!.resolve('older');
		await settle();
		expect(data.value).toBe('newer');
		// A value set by the page wins over an attempt still on its way.
		data.retry();
		data.set('set by the page');
		attempts[2]!.resolve('too late');
		await settle();
		expect(data.value).toBe('set by the page');
	});

	it('takes a thrown error as a failure, and set() replaces the value', async () => {
		const data = mount<string[]>(() => {
			throw new Error('No such quiz.');
		});
		await settle();
		expect(data.state).toEqual({ status: 'error', message: 'No such quiz.', storage: false });
		data.set(['saved']);
		expect(data.value).toEqual(['saved']);
	});
});
