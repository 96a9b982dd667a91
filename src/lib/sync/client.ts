/**
 * A device's connection to its sync space: the engine (Dexie ↔ shared document), this device's
 * stored copy of the document, and a Hocuspocus provider that exchanges updates with the server.
 * Studying never waits on any of it: the app reads and writes Dexie as always, and the engine
 * follows.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { FactdeckDB } from '$lib/db/database';
import { SyncEngine, type EngineOptions } from './engine';
import { spaceNames } from './key';
import { SyncStore } from './store';

export type SyncStatus = 'offline' | 'syncing' | 'synced' | 'error';

export interface SyncState {
	status: SyncStatus;
	/** A sentence for the learner (why it is offline or failing). */
	detail: string;
	/** Entries from the server that failed their check and were left out. */
	rejected: number;
}

export interface ConnectOptions extends EngineOptions {
	db: FactdeckDB;
	/** The server's ws:// or wss:// address. */
	server: string;
	key: Uint8Array;
	/** Node has no WebSocket of its own before 22: tests and benches pass `ws`'s. */
	WebSocketPolyfill?: unknown;
	onState?: (state: SyncState) => void;
}

/** Checks a server address typed by the learner; returns a message, or null when it will do. */
export function serverProblem(server: string): string | null {
	let url: URL;
	try {
		url = new URL(server);
	} catch {
		return 'Type the server address, for example wss://sync.example.org.';
	}
	if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
		return 'A sync server address starts with wss:// (or ws:// on a local network).';
	}
	return null;
}

/** A socket to the sync server and the provider that carries `doc` over it as the space's document. */
export function openProvider(
	url: string,
	space: { documentName: string; token: string },
	doc: Y.Doc,
	WebSocketPolyfill?: ConnectOptions['WebSocketPolyfill']
) {
	const socket = new HocuspocusProviderWebsocket({
		url,
		...(WebSocketPolyfill ? { WebSocketPolyfill } : {})
	} as ConstructorParameters<typeof HocuspocusProviderWebsocket>[0]);
	const provider = new HocuspocusProvider({
		websocketProvider: socket,
		name: space.documentName,
		document: doc,
		token: space.token
	});
	return { socket, provider };
}

export class SyncConnection {
	readonly engine: SyncEngine;
	readonly store: SyncStore;
	readonly #socket: HocuspocusProviderWebsocket;
	readonly #provider: HocuspocusProvider;
	readonly #onState?: (state: SyncState) => void;
	#connected = false;
	#denied: string | null = null;
	#state: SyncState = { status: 'offline', detail: 'Connecting…', rejected: 0 };
	readonly #waiters = new Set<() => void>();
	#closed = false;

	private constructor(
		engine: SyncEngine,
		store: SyncStore,
		socket: HocuspocusProviderWebsocket,
		provider: HocuspocusProvider,
		onState?: (state: SyncState) => void
	) {
		this.engine = engine;
		this.store = store;
		this.#socket = socket;
		this.#provider = provider;
		this.#onState = onState;
		provider.on('status', ({ status }: { status: string }) => {
			this.#connected = status === 'connected';
			this.#update();
		});
		provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
			this.#denied = reason || 'The server refused this sync space.';
			this.#update();
		});
		provider.on('authenticated', () => {
			this.#denied = null;
			this.#update();
		});
		provider.on('synced', () => {
			// The first time the server's state is in, this device merges its own data with it.
			if (!engine.joined) engine.join().catch(() => undefined);
			this.#update();
		});
		provider.on('unsyncedChanges', () => this.#update());
		engine.subscribe(() => this.#update());
	}

	/** Opens the space: loads this device's copy, compares it with Dexie, then connects. */
	static async open(options: ConnectOptions): Promise<SyncConnection> {
		const { token, documentName } = await spaceNames(options.key);
		const store = new SyncStore(options.db.name);
		const doc = new Y.Doc();
		const engine = new SyncEngine(options.db, store, doc, options);
		await engine.start();
		const { socket, provider } = openProvider(
			options.server,
			{ documentName, token },
			doc,
			options.WebSocketPolyfill
		);
		const connection = new SyncConnection(engine, store, socket, provider, options.onState);
		provider.attach();
		connection.#update();
		return connection;
	}

	get state(): SyncState {
		return this.#state;
	}

	#compute(): SyncState {
		const rejected = this.engine.rejected;
		const engineError = this.engine.error;
		if (this.#denied) return { status: 'error', detail: this.#denied, rejected };
		if (engineError) {
			const message = engineError instanceof Error ? engineError.message : String(engineError);
			return { status: 'error', detail: `Could not save synced changes: ${message}`, rejected };
		}
		if (!this.#connected) {
			return {
				status: 'offline',
				detail: 'Not connected: changes are kept on this device and sent when it reconnects.',
				rejected
			};
		}
		if (
			!this.#provider.isSynced ||
			this.#provider.hasUnsyncedChanges ||
			this.engine.busy ||
			!this.engine.joined
		) {
			return { status: 'syncing', detail: 'Exchanging changes with the server…', rejected };
		}
		return { status: 'synced', detail: 'Everything on this device is on the server.', rejected };
	}

	#update(): void {
		if (this.#closed) return;
		const next = this.#compute();
		const changed =
			next.status !== this.#state.status ||
			next.detail !== this.#state.detail ||
			next.rejected !== this.#state.rejected;
		this.#state = next;
		if (changed) this.#onState?.(next);
		if (next.status === 'synced') {
			for (const resolve of this.#waiters) resolve();
			this.#waiters.clear();
		}
	}

	/** Resolves once everything is exchanged and written (rejects after `timeoutMs`). */
	whenSynced(timeoutMs = 30_000): Promise<void> {
		this.#update();
		if (this.#state.status === 'synced') return Promise.resolve();
		return new Promise((resolve, reject) => {
			const done = () => {
				clearTimeout(timer);
				resolve();
			};
			const timer = setTimeout(() => {
				this.#waiters.delete(done);
				reject(new Error(`Not synced after ${timeoutMs} ms: ${this.#state.detail}`));
			}, timeoutMs);
			this.#waiters.add(done);
		});
	}

	/**
	 * Disconnects and stops following changes. This device's data stays; with `forget`, its copy
	 * of the space and the space's code are deleted too (leaving the space).
	 */
	async close({ forget = false } = {}): Promise<void> {
		this.#closed = true;
		this.#provider.destroy();
		this.#socket.destroy();
		await this.engine.stop();
		try {
			if (forget) await this.store.clear();
		} finally {
			this.store.close();
		}
	}
}
