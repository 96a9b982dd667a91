import { afterEach, describe, expect, it, vi } from 'vitest';
import { handleGenerate } from '../generate/handler';
import type { GenerateRequest, WorkerReply } from '../generate/protocol';

/** A stand-in for the browser Worker that runs the real handler in this thread. */
class FakeWorker {
	static created = 0;
	private listeners: ((ev: MessageEvent<WorkerReply>) => void)[] = [];
	constructor(url: URL, opts: { type: string }) {
		FakeWorker.created++;
		expect(String(url)).toMatch(/generate\.worker\.ts$/);
		expect(opts.type).toBe('module');
	}
	addEventListener(type: string, fn: (ev: MessageEvent<WorkerReply>) => void) {
		if (type === 'message') this.listeners.push(fn);
	}
	postMessage(req: GenerateRequest) {
		void handleGenerate(req, (m) => {
			for (const l of this.listeners) l({ data: m } as MessageEvent<WorkerReply>);
		});
	}
	terminate() {}
}

const TEXT =
	'Mayor Ana Ruiz opened the bridge in Dunmore on Friday. "It joins the city," Ms Ruiz said. The builder spent $40m and hired 300 workers. France and Spain sent delegations.';

describe('generate client', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
		vi.resetModules();
	});

	it('creates one worker lazily, reports progress and resolves each request by id', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		FakeWorker.created = 0;
		const client = await import('./generate-client');
		expect(FakeWorker.created).toBe(0);
		const stages: string[] = [];
		const [a, b] = await Promise.all([
			client.generateDeck(TEXT, { seed: 1 }, (stage) => stages.push(stage)),
			client.generateDeck(TEXT + ' Traffic fell 12% in March.', { seed: 1 })
		]);
		expect(FakeWorker.created).toBe(1);
		expect(stages).toEqual(['loading', 'reading', 'asking', 'done']);
		expect(a.questions.length).toBeGreaterThan(0);
		expect(b.questions.some((q) => q.answer === '12%')).toBe(true);
		client.disposeGenerator();
	});

	it('rejects bad input with a typed error', async () => {
		vi.stubGlobal('Worker', FakeWorker);
		const client = await import('./generate-client');
		const err = await client.generateDeck('   ').catch((e: unknown) => e);
		expect(err).toBeInstanceOf(client.GenerateError);
		expect((err as InstanceType<typeof client.GenerateError>).kind).toBe('input');
		expect((err as InstanceType<typeof client.GenerateError>).code).toBe('empty');
		client.disposeGenerator();
	});
});
