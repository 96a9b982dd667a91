/**
 * Keeps a value in step with the database: the query runs again whenever a table it read
 * changes, in this tab or another one. Create it while a component initialises; it stops
 * listening when the component goes away. A `Loadable` (see ./load.svelte.ts), so `<Loaded>`
 * shows it like any other page data, Retry included.
 *
 * The database library loads on demand, after the page has painted; `prepare` can defer the
 * module that holds the query too, so a page shows its frame before any of it arrives.
 */
import { untrack } from 'svelte';
import { failed, type Loadable, type LoadState } from './load.svelte';

export class Live<T> implements Loadable<T> {
	#state = $state<LoadState<T>>({ status: 'loading' });
	#error = $state<Error | null>(null);
	#stop: (() => void) | undefined;
	readonly #query: () => Promise<T>;
	readonly #prepare: (() => Promise<unknown>) | undefined;

	/**
	 * @param query reads the database; it runs again whenever what it read changes.
	 * @param prepare runs before the first query (and again on retry), e.g. to load its module.
	 */
	constructor(query: () => Promise<T>, prepare?: () => Promise<unknown>) {
		this.#query = query;
		this.#prepare = prepare;
		$effect(() => {
			untrack(() => this.retry());
			return () => this.#stop?.();
		});
	}

	/** Subscribes afresh (after a failure, the database is opened again). */
	retry(): void {
		this.#stop?.();
		let stopped = false;
		let unsubscribe: (() => void) | undefined;
		this.#stop = () => {
			stopped = true;
			unsubscribe?.();
		};
		this.#state = { status: 'loading' };
		this.#error = null;
		Promise.all([import('dexie'), this.#prepare?.()])
			.then(([{ liveQuery }]) => {
				if (stopped) return;
				const subscription = liveQuery(this.#query).subscribe({
					next: (value) => {
						this.#state = { status: 'ready', value };
						this.#error = null;
					},
					error: (error: unknown) => this.#fail(error)
				});
				unsubscribe = () => subscription.unsubscribe();
			})
			.catch((error: unknown) => {
				if (!stopped) this.#fail(error);
			});
	}

	#fail(error: unknown): void {
		this.#error = error instanceof Error ? error : new Error(String(error));
		this.#state = failed(error);
	}

	get state(): LoadState<T> {
		return this.#state;
	}

	get value(): T | undefined {
		return this.#state.status === 'ready' ? this.#state.value : undefined;
	}

	get error(): Error | null {
		return this.#error;
	}

	get loaded(): boolean {
		return this.#state.status !== 'loading';
	}
}
