/**
 * Fits FSRS parameters to the learner's review log off the main thread, with the FSRS optimiser
 * compiled to WebAssembly (one thread; the module loads on the first request).
 */
import init, { Fsrs } from 'fsrs-browser';
import wasmUrl from 'fsrs-browser/fsrs_browser_bg.wasm?url';
import { histories, optimise, reviewCount } from '../decks/optimise';
import type { OptimiseReply, OptimiseRequest } from './optimise-protocol';

const scope = self as unknown as {
	postMessage(m: OptimiseReply): void;
	addEventListener(type: 'message', fn: (ev: MessageEvent<OptimiseRequest>) => void): void;
};

let ready: Promise<unknown> | null = null;

async function run(req: OptimiseRequest): Promise<void> {
	const list = histories(req.logs);
	const reviews = reviewCount(list);
	scope.postMessage({ type: 'progress', id: req.id, stage: 'loading', reviews });
	ready ??= init({ module_or_path: wasmUrl });
	await ready;
	scope.postMessage({ type: 'progress', id: req.id, stage: 'fitting', reviews });
	// The optimiser prints every epoch's loss; nobody reads a worker's console.
	const { log, info } = console;
	console.log = console.info = () => {};
	const trainer = new Fsrs();
	try {
		const result = optimise(trainer, list, req.current, () => performance.now());
		scope.postMessage({ type: 'result', id: req.id, result });
	} finally {
		console.log = log;
		console.info = info;
		trainer.free();
	}
}

scope.addEventListener('message', (ev) => {
	if (ev.data?.type !== 'optimise') return;
	const req = ev.data;
	run(req).catch((e: unknown) => {
		const message = e instanceof Error ? e.message : String(e);
		scope.postMessage({ type: 'error', id: req.id, message });
	});
});
