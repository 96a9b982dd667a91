/**
 * Helpers for tests and benchmarks that talk to a real server over loopback: a Node client with
 * the app's own provider, and a wait for a condition.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface Client {
	provider: HocuspocusProvider;
	doc: Y.Doc;
	/** Resolves once synced; rejects if the server refuses the token. */
	ready: Promise<void>;
	close(): void;
}

/**
 * `ws` with an error listener: a socket closed before it opened (a provider destroyed while it
 * reconnects) reports an error event, which must not end the process.
 */
export class QuietWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
	}
}

export function wsUrl(httpUrl: string): string {
	return httpUrl.replace(/^http/, 'ws');
}

export function openSocket(httpUrl: string): HocuspocusProviderWebsocket {
	return new HocuspocusProviderWebsocket({
		url: wsUrl(httpUrl),
		WebSocketPolyfill: QuietWebSocket as unknown as typeof globalThis.WebSocket,
		// Reconnect quickly in tests and benchmarks.
		delay: 100,
		minDelay: 100,
		maxDelay: 1000,
		factor: 1.5
	});
}

export function connect(
	target: string | HocuspocusProviderWebsocket,
	name: string,
	token: string,
	options: { awareness?: boolean } = {}
): Client {
	const doc = new Y.Doc();
	let resolve!: () => void;
	let reject!: (error: Error) => void;
	const ready = new Promise<void>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	const shared = typeof target !== 'string';
	const provider = new HocuspocusProvider({
		...(shared
			? { websocketProvider: target }
			: { url: wsUrl(target), WebSocketPolyfill: QuietWebSocket as never }),
		name,
		token,
		document: doc,
		awareness: options.awareness === false ? null : undefined,
		onSynced: () => resolve(),
		onAuthenticationFailed: ({ reason }) => reject(new Error(`refused: ${reason}`))
	});
	if (shared) provider.attach();
	ready.catch(() => {});
	return {
		provider,
		doc,
		ready,
		close() {
			provider.destroy();
			doc.destroy();
		}
	};
}

export async function waitFor(
	check: () => boolean,
	timeoutMs = 5000,
	what = 'condition'
): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 10));
	}
}

export async function postJson(
	url: string,
	body: unknown
): Promise<{ status: number; body: Record<string, unknown> }> {
	const response = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Clients that a test opens and closes together at its end. */
export function clientPool() {
	const open: Client[] = [];
	return {
		connect(...args: Parameters<typeof connect>): Client {
			const c = connect(...args);
			open.push(c);
			return c;
		},
		closeAll(): void {
			for (const c of open.splice(0)) c.close();
		}
	};
}
