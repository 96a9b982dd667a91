/**
 * The page's side of the schedule optimiser. Each run gets a worker of its own, ended when the run
 * settles or is cancelled (the WebAssembly fit cannot be interrupted any other way).
 */
import type { LogRow, OptimiseResult } from '../decks/optimise';
import type { OptimiseReply, OptimiseStage } from './optimise-protocol';

export type { OptimiseStage };

export class OptimiseCancelled extends Error {
	override name = 'OptimiseCancelled';
	constructor() {
		super('The optimisation was cancelled.');
	}
}

/** Fits parameters to `logs` in a worker. Rejects with OptimiseCancelled when `signal` aborts. */
export function optimiseInWorker(
	logs: LogRow[][],
	current: readonly number[],
	onProgress: (stage: OptimiseStage, reviews: number) => void,
	signal?: AbortSignal
): Promise<OptimiseResult> {
	return new Promise((resolve, reject) => {
		if (signal?.aborted) return reject(new OptimiseCancelled());
		const worker = new Worker(new URL('./optimise.worker.ts', import.meta.url), {
			type: 'module'
		});
		const finish = () => {
			worker.terminate();
			signal?.removeEventListener('abort', cancel);
		};
		const cancel = () => {
			finish();
			reject(new OptimiseCancelled());
		};
		signal?.addEventListener('abort', cancel);
		worker.addEventListener('message', (ev: MessageEvent<OptimiseReply>) => {
			const m = ev.data;
			if (m.type === 'progress') return onProgress(m.stage, m.reviews);
			finish();
			if (m.type === 'result') resolve(m.result);
			else reject(new Error(m.message));
		});
		worker.addEventListener('error', (ev) => {
			finish();
			reject(new Error(ev.message || 'The optimiser stopped.'));
		});
		worker.postMessage({ type: 'optimise', id: 1, logs, current: [...current] });
	});
}
