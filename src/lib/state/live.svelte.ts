/**
 * Keeps a value in step with the database: the query runs again whenever a table it read
 * changes, in this tab or another one. Create it while a component initialises; it stops
 * listening when the component goes away.
 *
 * The database library loads on demand, after the page has painted; `prepare` can defer the
 * module that holds the query too, so a page shows its frame before any of it arrives.
 */
export class Live<T> {
	#value = $state<T | undefined>(undefined);
	#error = $state<Error | null>(null);
	#loaded = $state(false);

	/**
	 * @param query reads the database; it runs again whenever what it read changes.
	 * @param prepare runs once first, e.g. to load the module the query needs.
	 */
	constructor(query: () => Promise<T>, prepare?: () => Promise<unknown>) {
		$effect(() => {
			let stopped = false;
			let unsubscribe: (() => void) | undefined;
			Promise.all([import('dexie'), prepare?.()])
				.then(([{ liveQuery }]) => {
					if (stopped) return;
					const subscription = liveQuery(query).subscribe({
						next: (value) => {
							this.#value = value;
							this.#error = null;
							this.#loaded = true;
						},
						error: (error: unknown) => this.#fail(error)
					});
					unsubscribe = () => subscription.unsubscribe();
				})
				.catch((error: unknown) => this.#fail(error));
			return () => {
				stopped = true;
				unsubscribe?.();
			};
		});
	}

	#fail(error: unknown): void {
		this.#error = error instanceof Error ? error : new Error(String(error));
		this.#loaded = true;
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
