/**
 * Thin message shell around the pure generator: every request is answered by handleGenerate,
 * which loads the reader and generator lazily on first use.
 */
import { handleGenerate } from '../generate/handler';
import type { GenerateRequest, WorkerReply } from '../generate/protocol';

const scope = self as unknown as {
	postMessage(m: WorkerReply): void;
	addEventListener(type: 'message', fn: (ev: MessageEvent<GenerateRequest>) => void): void;
};

scope.addEventListener('message', (ev) => {
	if (ev.data?.type === 'generate') void handleGenerate(ev.data, (m) => scope.postMessage(m));
});
