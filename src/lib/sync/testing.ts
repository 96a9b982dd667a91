/**
 * A real sync server for tests and benchmarks: the project's own server (server/app.ts) on a
 * loopback port, with its SQLite store in `dir`, so a restart keeps what it had stored.
 * Node only.
 */
import * as Y from 'yjs';
import { startServer } from '../../../server/app';
import { createLogger } from '../../../server/log';
import { documentModules } from '../../../server/modules';
import type { SyncConnection } from './client';

export interface TestServer {
	/** ws://127.0.0.1:port */
	url: string;
	port: number;
	stop(): Promise<void>;
}

/** Starts a server on `port` (0: any free one) storing documents in `dir`. */
export async function startTestServer(dir: string, port = 0): Promise<TestServer> {
	const server = await startServer({
		port,
		host: '127.0.0.1',
		dataDir: dir,
		storeDebounceMs: 200,
		modules: documentModules,
		log: createLogger({ level: 'error' })
	});
	return {
		url: server.url.replace(/^http/, 'ws'),
		port: server.port,
		stop: () => server.stop()
	};
}

/**
 * Waits until every connection is synced and all hold the same shared document, and have for
 * `quietMs` (Dexie reports a write to listeners a moment after it commits).
 */
export async function settle(
	connections: SyncConnection[],
	timeoutMs = 20_000,
	quietMs = 150
): Promise<void> {
	const until = Date.now() + timeoutMs;
	let since: number | null = null;
	for (;;) {
		const vectors = connections.map((c) =>
			Buffer.from(Y.encodeStateVector(c.engine.doc)).toString('base64')
		);
		const same = vectors.every((v) => v === vectors[0]);
		const idle = connections.every((c) => c.state.status === 'synced' && !c.engine.busy);
		if (same && idle) {
			since ??= Date.now();
			if (Date.now() - since >= quietMs) return;
		} else since = null;
		if (Date.now() > until) {
			throw new Error(
				`Not settled: ${connections.map((c) => `${c.state.status} ${c.state.detail}`).join('; ')}`
			);
		}
		await new Promise((r) => setTimeout(r, 20));
	}
}
