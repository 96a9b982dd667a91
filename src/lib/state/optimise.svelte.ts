/**
 * "Optimise my schedule": counts the learner's reviews, fits FSRS parameters to them in a worker
 * (the optimiser and its WebAssembly load only when asked), shows the fit before and after, and
 * stores the new parameters with the scheduling settings when the learner applies them.
 */
import {
	DEFAULT_WEIGHTS,
	OPTIMISE_NEEDS,
	type OptimiseResult,
	type Readiness
} from '$lib/decks/optimise';
import { messageOf } from '$lib/message';
import type { OptimiseStage } from '$lib/workers/optimise-client';
import { bound } from './app-database.svelte';
import { loadSrsSettings, saveSrsSettings } from './settings';

export { OPTIMISE_NEEDS };
export type { OptimiseResult, Readiness };

const db = () => import('$lib/db/optimise');
const readReadiness = bound(async () => (await db()).optimiseReadiness);
const readLog = bound(async () => (await db()).optimiserLog);

export type OptimisePhase = 'counting' | 'idle' | 'running' | 'done' | 'failed';

export class ScheduleOptimiser {
	phase = $state<OptimisePhase>('counting');
	/** How much of the review log the optimiser can learn from; null until counted. */
	readiness = $state<Readiness | null>(null);
	/** Whether the scheduler uses the learner's own parameters now. */
	personal = $state(false);
	/** The stored parameters (the FSRS defaults when none are). */
	weights = $state<number[] | null>(null);
	stage = $state<OptimiseStage | null>(null);
	/** Reviews the running fit reads (those since each card's last reset). */
	fitting = $state(0);
	/** Seconds since the run started, for the progress text. */
	seconds = $state(0);
	result = $state<OptimiseResult | null>(null);
	applied = $state(false);
	error = $state('');
	#abort: AbortController | null = null;

	/** Whether the history is enough for the optimiser to move off the standard parameters. */
	get ready(): boolean {
		return this.readiness?.ready ?? false;
	}

	async load(): Promise<void> {
		try {
			const [readiness, settings] = await Promise.all([readReadiness(), loadSrsSettings()]);
			this.readiness = readiness;
			this.personal = settings.weights !== undefined;
			this.weights = settings.weights ?? null;
			this.phase = 'idle';
		} catch (e) {
			this.error = `Could not count your reviews: ${messageOf(e)}`;
			this.phase = 'failed';
		}
	}

	async start(): Promise<void> {
		if (this.phase === 'running' || !this.ready) return;
		this.phase = 'running';
		this.result = null;
		this.applied = false;
		this.error = '';
		this.stage = 'loading';
		this.seconds = 0;
		const started = Date.now();
		const timer = setInterval(
			() => (this.seconds = Math.round((Date.now() - started) / 1000)),
			1000
		);
		const abort = (this.#abort = new AbortController());
		try {
			const [{ optimiseInWorker }, logs, settings] = await Promise.all([
				import('$lib/workers/optimise-client'),
				readLog(),
				loadSrsSettings()
			]);
			const current = settings.weights ?? DEFAULT_WEIGHTS;
			this.result = await optimiseInWorker(
				logs,
				current,
				(stage, reviews) => {
					this.stage = stage;
					this.fitting = reviews;
				},
				abort.signal
			);
			this.phase = 'done';
		} catch (e) {
			if (abort.signal.aborted) {
				this.phase = 'idle';
			} else {
				this.error = `The optimisation failed: ${messageOf(e).replace(/[.!?]?$/, '.')} Your schedule is unchanged.`;
				this.phase = 'failed';
			}
		} finally {
			clearInterval(timer);
			this.stage = null;
			this.#abort = null;
		}
	}

	cancel(): void {
		this.#abort?.abort();
	}

	/** Stores the fitted parameters; the scheduler uses them from the next rating on. */
	async apply(): Promise<void> {
		const fitted = this.result;
		if (!fitted?.better || this.applied) return;
		try {
			const saved = await saveSrsSettings({ weights: fitted.weights });
			this.weights = saved.weights ?? null;
			this.personal = saved.weights !== undefined;
			this.applied = true;
		} catch (e) {
			this.error = `Could not save the parameters: ${messageOf(e)}`;
		}
	}

	/** Back to the FSRS defaults. */
	async reset(): Promise<void> {
		try {
			await saveSrsSettings({ weights: undefined });
			this.weights = null;
			this.personal = false;
			this.applied = false;
		} catch (e) {
			this.error = `Could not reset the parameters: ${messageOf(e)}`;
		}
	}
}
