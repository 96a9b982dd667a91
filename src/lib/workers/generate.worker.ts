/// <reference lib="webworker" />
/**
 * Thin message shell around the pure generator. The reader and generator are imported lazily on
 * the first request, so creating the worker costs nothing until it is used.
 */
import type { GenerateFailure, GenerateRequest, WorkerReply } from './protocol';

type GenerateModule = typeof import('../generate');
let loaded: Promise<GenerateModule> | null = null;

const post = (m: WorkerReply) =>
	(self as unknown as { postMessage(m: WorkerReply): void }).postMessage(m);

async function handle(req: GenerateRequest): Promise<void> {
	try {
		post({ type: 'progress', id: req.id, stage: 'loading', fraction: 0 });
		loaded ??= import('../generate');
		const gen = await loaded;
		post({ type: 'progress', id: req.id, stage: 'reading', fraction: 0.2 });
		gen.checkInput(req.text);
		post({ type: 'progress', id: req.id, stage: 'asking', fraction: 0.4 });
		const deck = gen.generateDeck(req.text, req.options);
		post({ type: 'progress', id: req.id, stage: 'done', fraction: 1 });
		post({ type: 'result', id: req.id, deck });
	} catch (e) {
		const err = e as { name?: string; code?: string; message?: string };
		const failure: GenerateFailure =
			err?.name === 'InputError'
				? { kind: 'input', code: err.code, message: err.message ?? 'Bad input' }
				: { kind: 'internal', message: err?.message ?? String(e) };
		post({ type: 'error', id: req.id, error: failure });
	}
}

self.addEventListener('message', (ev: MessageEvent<GenerateRequest>) => {
	if (ev.data?.type === 'generate') void handle(ev.data);
});
