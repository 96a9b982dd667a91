import { messageOf } from '$lib/message';

/**
 * A delete that waits for the learner's confirmation: `ask` names the item and opens the dialog,
 * `confirm` deletes it and says so in `status`. A failure goes to `error`, or into `status` as
 * "Could not delete: …" when the page has no alert of its own.
 */
export class PendingDelete<T> {
	item = $state<T | null>(null);
	open = $state(false);
	status = $state('');
	error = $state('');
	readonly #remove: (item: T) => Promise<string>;
	readonly #errorInStatus: boolean;

	/** `remove` deletes the item and returns the line to announce. */
	constructor(remove: (item: T) => Promise<string>, options: { errorInStatus?: boolean } = {}) {
		this.#remove = remove;
		this.#errorInStatus = options.errorInStatus ?? false;
	}

	ask(item: T): void {
		this.item = item;
		this.open = true;
	}

	confirm = async (): Promise<void> => {
		const item = this.item;
		if (item === null) return;
		try {
			this.status = await this.#remove(item);
		} catch (e) {
			if (this.#errorInStatus) this.status = `Could not delete: ${messageOf(e)}`;
			else this.error = messageOf(e);
		}
	};
}
