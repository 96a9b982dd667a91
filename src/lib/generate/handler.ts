/**
 * What the generation worker does with one request, apart from the worker itself so it can be
 * tested in Node. The reader and generator are loaded on the first request only, so they form a
 * chunk of their own that the worker fetches lazily.
 */
import type { GenerateFailure, GenerateRequest, WorkerReply } from './protocol';

type GenerateModule = typeof import('./index');
let loaded: Promise<GenerateModule> | null = null;

export async function handleGenerate(
	req: GenerateRequest,
	post: (m: WorkerReply) => void
): Promise<void> {
	try {
		post({ type: 'progress', id: req.id, stage: 'loading', fraction: 0 });
		loaded ??= import('./index');
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
