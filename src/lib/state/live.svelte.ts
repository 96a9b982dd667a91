/**
 * Keeps a value in step with the database: the query runs again whenever a table it read
 * changes, in this tab or another one. Create it while a component initialises; it stops
 * listening when the component goes away.
 */
import { liveQuery } from 'dexie';

export class Live<T> {
	#value = $state<T | undefined>(undefined);
	#error = $state<Error | null>(null);
	#loaded = $state(false);

	constructor(query: () => Promise<T>) {
		$effect(() => {
			const subscription = liveQuery(query).subscribe({
				next: (value) => {
					this.#value = value;
					this.#error = null;
					this.#loaded = true;
				},
				error: (error: unknown) => {
					this.#error = error instanceof Error ? error : new Error(String(error));
					this.#loaded = true;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	get value(): T | undefined {
		return this.#value;
	}

	get error(): Error | null {
		return this.#error;
	}

	get loaded(): boolean {
		return this.#loaded;
	}
}
