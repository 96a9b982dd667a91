/**
 * Registers the service worker and tracks whether an updated version is waiting.
 * The waiting worker only takes over when the learner says so, so a review in progress is never
 * swapped out from under them.
 */
class ServiceWorkerState {
	#updateReady = $state(false);
	#databaseUpgraded = $state(false);
	#waiting: ServiceWorker | null = null;
	#reloading = false;

	get updateReady(): boolean {
		return this.#updateReady;
	}

	/** A newer version of the app, open in another tab, upgraded the database: this tab must reload. */
	get databaseUpgraded(): boolean {
		return this.#databaseUpgraded;
	}

	noteDatabaseUpgraded(): void {
		this.#databaseUpgraded = true;
	}

	reload(): void {
		location.reload();
	}

	async register(): Promise<void> {
		if (!('serviceWorker' in navigator)) return;
		const registration = await navigator.serviceWorker.register('/service-worker.js', {
			type: import.meta.env.DEV ? 'module' : 'classic'
		});
		const consider = (worker: ServiceWorker | null) => {
			// A waiting worker while another controls the page is an update, not a first install.
			if (worker && navigator.serviceWorker.controller) {
				this.#waiting = worker;
				this.#updateReady = true;
			}
		};
		consider(registration.waiting);
		registration.addEventListener('updatefound', () => {
			const installing = registration.installing;
			installing?.addEventListener('statechange', () => {
				if (installing.state === 'installed') consider(installing);
			});
		});
		navigator.serviceWorker.addEventListener('controllerchange', () => {
			if (this.#reloading) location.reload();
		});
	}

	/** Asks the waiting worker to take over; the page reloads when it has. */
	applyUpdate(): void {
		if (!this.#waiting) return;
		this.#reloading = true;
		this.#waiting.postMessage({ type: 'SKIP_WAITING' });
	}

	dismiss(): void {
		this.#updateReady = false;
	}

	reset(): void {
		this.#updateReady = false;
		this.#databaseUpgraded = false;
		this.#waiting = null;
		this.#reloading = false;
	}
}

export const serviceWorker = new ServiceWorkerState();
