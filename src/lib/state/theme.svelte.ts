/** The learner's theme choice: follow the system, or always light or dark. Kept across reloads. */
export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'factdeck:theme';

function isChoice(value: unknown): value is ThemeChoice {
	return value === 'system' || value === 'light' || value === 'dark';
}

class ThemeState {
	#choice = $state<ThemeChoice>('system');

	get choice(): ThemeChoice {
		return this.#choice;
	}

	/** Reads the saved choice; call once in the browser. */
	load(): void {
		try {
			const saved = localStorage.getItem(KEY);
			this.#choice = isChoice(saved) ? saved : 'system';
		} catch {
			this.#choice = 'system';
		}
	}

	set(choice: ThemeChoice): void {
		this.#choice = choice;
		const root = document.documentElement;
		if (choice === 'system') delete root.dataset.theme;
		else root.dataset.theme = choice;
		try {
			if (choice === 'system') localStorage.removeItem(KEY);
			else localStorage.setItem(KEY, choice);
		} catch {
			// Storage blocked (private mode): the choice lasts for this visit only.
		}
	}

	reset(): void {
		this.#choice = 'system';
	}
}

export const theme = new ThemeState();
