/**
 * The page's side of the generation worker. The worker is created on first use and kept; each
 * call gets its own request id, progress callbacks, and a promise that settles with the deck or
 * with a GenerateError.
 */
import type { Deck, GenerateOptions } from '../generate/types';
import type { GenerateFailure, GenerateStage, WorkerReply } from '../generate/protocol';

export type { GenerateFailure, GenerateStage } from '../generate/protocol';

/** Rejection reason of generateDeck: `kind` tells bad input from an internal failure. */
export class GenerateError extends Error {
	readonly kind: GenerateFailure['kind'];
	readonly code?: string;
	constructor(f: GenerateFailure) {
		super(f.message);
		this.name = 'GenerateError';
		this.kind = f.kind;
		this.code = f.code;
	}
}

export type ProgressHandler = (stage: GenerateStage, fraction: number) => void;

interface Pending {
	resolve: (d: Deck) => void;
	reject: (e: GenerateError) => void;
	onProgress?: ProgressHandler;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
	if (worker) return worker;
	const w = new Worker(new URL('./generate.worker.ts', import.meta.url), { type: 'module' });
	w.addEventListener('message', (ev: MessageEvent<WorkerReply>) => {
		const m = ev.data;
		const p = pending.get(m.id);
		if (!p) return;
		if (m.type === 'progress') p.onProgress?.(m.stage, m.fraction);
		else if (m.type === 'result') {
			pending.delete(m.id);
			p.resolve(m.deck);
		} else {
			pending.delete(m.id);
			p.reject(new GenerateError(m.error));
		}
	});
	w.addEventListener('error', (ev) => {
		// A crash of the worker fails every request in flight; the next call starts a new worker.
		for (const [id, p] of pending) {
			pending.delete(id);
			p.reject(
				new GenerateError({ kind: 'internal', message: ev.message || 'The generator stopped.' })
			);
		}
		w.terminate();
		worker = null;
	});
	worker = w;
	return w;
}

/** Generates a deck off the main thread. Rejects with GenerateError. */
export function generateDeck(
	text: string,
	options: GenerateOptions = {},
	onProgress?: ProgressHandler
): Promise<Deck> {
	return new Promise<Deck>((resolve, reject) => {
		const id = nextId++;
		pending.set(id, { resolve, reject, onProgress });
		getWorker().postMessage({ type: 'generate', id, text, options });
	});
}

/** Stops the worker (for tests and page teardown); requests in flight are rejected. */
export function disposeGenerator(): void {
	if (!worker) return;
	worker.terminate();
	worker = null;
	for (const [id, p] of pending) {
		pending.delete(id);
		p.reject(new GenerateError({ kind: 'internal', message: 'The generator was stopped.' }));
	}
}
