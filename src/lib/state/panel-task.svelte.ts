import { messageOf } from '$lib/message';

/**
 * One action at a time on a panel (an export, an import): `busy` while it runs, then the line it
 * returns in `status`, or what went wrong in `error`. Each run clears what the last one said.
 */
export class PanelTask {
	busy = $state(false);
	status = $state('');
	error = $state('');

	/** Clears what the last run said; `error`, when given, says what to fix before running. */
	reset(error = ''): void {
		this.status = '';
		this.error = error;
	}

	/** Runs `task`; `failure` words its error for the learner (by default, the error's own message). */
	async run(
		task: () => Promise<string>,
		failure: (message: string) => string = (message) => message
	): Promise<void> {
		this.busy = true;
		this.reset();
		try {
			this.status = await task();
		} catch (e) {
			this.error = failure(messageOf(e));
		} finally {
			this.busy = false;
		}
	}
}
