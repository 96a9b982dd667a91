/**
 * One way for a page to load its data. A page makes a `Loadable` while it initialises, either
 * `new Load(fn)` (read once) or a live query from a state module (kept in step with the database),
 * and hands it to `<Loaded>` ($lib/components/Loaded.svelte), which shows "Loading…", the error
 * with a Retry button, or the page's content with the value:
 *
 * @example
 * const quizzes = new Load(() => loadArticles());
 * <Loaded data={quizzes} what="your articles">{#snippet children(articles)}…{/snippet}</Loaded>
 *
 * To start again for another id, wrap the component that owns the Loadable in `{#key id}`: it is
 * made afresh, rather than an effect reading the id to re-run a load.
 */
import { untrack } from 'svelte';
import { messageOf } from '$lib/message';
import { cannotStore } from './storage-problem';

export type LoadState<T> =
	| { status: 'loading' }
	/** `storage`: the browser will not let Factdeck store anything (see ./storage-problem). */
	| { status: 'error'; message: string; storage?: boolean }
	| { status: 'ready'; value: T };

/** Data on its way to a page: where it stands, and a way to try again after a failure. */
export interface Loadable<T> {
	readonly state: LoadState<T>;
	retry(): void;
}

/**
 * Data read once, when the component that made it mounts (never during the server render).
 * `retry()` reads it again; a result that arrives after a newer attempt, or after the component
 * went away, is dropped.
 */
export class Load<T> implements Loadable<T> {
	#state = $state<LoadState<T>>({ status: 'loading' });
	#attempt = 0;
	readonly #load: () => Promise<T>;

	constructor(load: () => Promise<T>) {
		this.#load = load;
		$effect(() => {
			untrack(() => this.retry());
			return () => void this.#attempt++;
		});
	}

	get state(): LoadState<T> {
		return this.#state;
	}

	/** The value once loaded (undefined while loading or after a failure). */
	get value(): T | undefined {
		return this.#state.status === 'ready' ? this.#state.value : undefined;
	}

	retry(): void {
		const attempt = ++this.#attempt;
		this.#state = { status: 'loading' };
		Promise.resolve()
			.then(() => this.#load())
			.then(
				(value) => {
					if (attempt === this.#attempt) this.#state = { status: 'ready', value };
				},
				(error: unknown) => {
					if (attempt === this.#attempt) this.#state = failed(error);
				}
			);
	}

	/** Replaces the value after the page changed what it shows (a save, an import). */
	set(value: T): void {
		this.#attempt++;
		this.#state = { status: 'ready', value };
	}
}

/** The error state for anything thrown, marked when it means storage is out of reach. */
export function failed(error: unknown): { status: 'error'; message: string; storage: boolean } {
	return { status: 'error', message: messageOf(error), storage: cannotStore(error) };
}
