/**
 * A real sync server for tests and benchmarks: Hocuspocus on a loopback port, with the
 * sync-space check and a store on disk (one file per document), so a restart keeps what it had.
 * Node only.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Database } from '@hocuspocus/extension-database';
import { Server } from '@hocuspocus/server';
import * as Y from 'yjs';
import { syncSpaces, type SyncSpacesOptions } from '../../../server/sync-space';
import type { SyncConnection } from './client';

export interface TestServer {
	url: string;
	port: number;
	stop(): Promise<void>;
}

/** Starts a server on `port` (0: any free one) storing documents in `dir`. */
export async function startTestServer(
	dir: string,
	port = 0,
	guard: SyncSpacesOptions = {}
): Promise<TestServer> {
	await mkdir(dir, { recursive: true });
	const file = (name: string) => join(dir, `${name.replace(/[^a-z0-9.]/gi, '_')}.bin`);
	const server = new Server({
		port,
		address: '127.0.0.1',
		quiet: true,
		stopOnSignals: false,
		debounce: 200,
		maxDebounce: 1000,
		extensions: [
			syncSpaces(guard),
			new Database({
				fetch: async ({ documentName }) => {
					try {
						return new Uint8Array(await readFile(file(documentName)));
					} catch {
						return null;
					}
				},
				store: async ({ documentName, state }) => {
					await writeFile(file(documentName), state);
				}
			})
		]
	});
	await server.listen();
	const actual = server.address.port;
	return {
		url: `ws://127.0.0.1:${actual}`,
		port: actual,
		stop: async () => {
			await server.destroy();
		}
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
