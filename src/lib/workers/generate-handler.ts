/**
 * What the generation worker does with one request, apart from the worker itself so it can be
 * tested in Node. The generator module is loaded on the first request only.
 */
import type { GenerateFailure, GenerateRequest, WorkerReply } from './protocol';

type GenerateModule = typeof import('../generate');
let loaded: Promise<GenerateModule> | null = null;

export async function handleGenerate(
	req: GenerateRequest,
	post: (m: WorkerReply) => void
): Promise<void> {
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
		const err = e as { name?: string; code?: string; message?: string } | null;
		const failure: GenerateFailure =
			err?.name === 'InputError'
				? { kind: 'input', code: err.code, message: err.message ?? 'Bad input' }
				: { kind: 'internal', message: err?.message ?? String(e) };
		post({ type: 'error', id: req.id, error: failure });
	}
}
