/**
 * Sync between the learner's devices, as the screens see it: whether a space is set up, its code
 * and server, and the connection's status. The sync code itself (Yjs, the provider, the engine)
 * is imported only when a space exists or is being set up, so a learner who never syncs never
 * downloads it.
 */
import { DEFAULT_DB_NAME } from '$lib/db/database';
import type { SyncConnection, SyncStatus } from '$lib/sync/client';

export type SyncView = 'off' | SyncStatus;

/** What a join link or QR code carries, after `#`: never sent to any web server. */
export interface SyncInvite {
	code: string;
	server: string;
}

/** Reads `sync=CODE&server=URL` from a link's fragment; null when it is not a sync invite. */
export function readInvite(hash: string): SyncInvite | null {
	const params = new URLSearchParams(hash.replace(/^#/, ''));
	const code = params.get('sync');
	const server = params.get('server');
	return code && server ? { code: code.slice(0, 100), server: server.slice(0, 500) } : null;
}

/** The link a QR code shows: the app's Settings page with the invite in the fragment. */
export function inviteLink(origin: string, invite: SyncInvite): string {
	const params = new URLSearchParams({ sync: invite.code, server: invite.server });
	return `${origin}/settings#${params.toString()}`;
}

class SyncManager {
	#view = $state<SyncView>('off');
	#detail = $state('');
	#code = $state<string | null>(null);
	#server = $state<string | null>(null);
	#rejected = $state(0);
	#busy = $state(false);
	#connection: SyncConnection | null = null;
	#resumed: Promise<void> | null = null;

	get view(): SyncView {
		return this.#view;
	}
	get detail(): string {
		return this.#detail;
	}
	get code(): string | null {
		return this.#code;
	}
	get server(): string | null {
		return this.#server;
	}
	get rejected(): number {
		return this.#rejected;
	}
	/** True while a space is being created, joined or left. */
	get busy(): boolean {
		return this.#busy;
	}

	/** On start: reconnects to the space set up earlier, if any. Safe to call more than once. */
	resume(): Promise<void> {
		this.#resumed ??= (async () => {
			const { SyncStore } = await import('$lib/sync/store');
			const store = new SyncStore(DEFAULT_DB_NAME);
			const space = await store.space();
			store.close();
			if (!space) return;
			this.#code = space.code;
			this.#server = space.server;
			const { parseSyncCode } = await import('$lib/sync/key');
			await this.#connect(space.server, parseSyncCode(space.code));
		})().catch((e: unknown) => {
			this.#view = 'error';
			this.#detail = `Sync could not start: ${e instanceof Error ? e.message : String(e)}`;
		});
		return this.#resumed;
	}

	async #connect(server: string, key: Uint8Array): Promise<void> {
		const [{ SyncConnection }, { appDatabase }] = await Promise.all([
			import('$lib/sync/client'),
			import('./app-database.svelte')
		]);
		const db = await appDatabase();
		this.#view = 'syncing';
		this.#detail = 'Starting…';
		this.#connection = await SyncConnection.open({
			db,
			server,
			key,
			onState: (s) => {
				this.#view = s.status;
				this.#detail = s.detail;
				this.#rejected = s.rejected;
			}
		});
		const s = this.#connection.state;
		this.#view = s.status;
		this.#detail = s.detail;
	}

	/** Checks a server address; a message for the learner, or null. */
	async serverProblem(server: string): Promise<string | null> {
		const { serverProblem } = await import('$lib/sync/client');
		return serverProblem(server);
	}

	async #setUp(server: string, key: Uint8Array, code: string): Promise<void> {
		this.#busy = true;
		try {
			await this.leave();
			const { SyncStore } = await import('$lib/sync/store');
			const store = new SyncStore(DEFAULT_DB_NAME);
			await store.setSpace({ server, code, joinedAt: Date.now() });
			store.close();
			this.#code = code;
			this.#server = server;
			this.#resumed = Promise.resolve();
			await this.#connect(server, key);
		} finally {
			this.#busy = false;
		}
	}

	/** Creates a new space on `server` with a fresh random key; this device's data goes into it. */
	async create(server: string): Promise<void> {
		const { newSyncKey, formatSyncCode } = await import('$lib/sync/key');
		const key = newSyncKey();
		await this.#setUp(server, key, formatSyncCode(key));
	}

	/** Joins the space of a typed or scanned code (throws SyncCodeError with a message). */
	async join(server: string, codeText: string): Promise<void> {
		const { parseSyncCode, formatSyncCode } = await import('$lib/sync/key');
		const key = parseSyncCode(codeText);
		await this.#setUp(server, key, formatSyncCode(key));
	}

	/** Stops syncing on this device. Its data stays; the space and the other devices are untouched. */
	async leave(): Promise<void> {
		const connection = this.#connection;
		this.#connection = null;
		if (connection) {
			await connection.close({ forget: true });
		} else if (this.#code) {
			const { SyncStore } = await import('$lib/sync/store');
			const store = new SyncStore(DEFAULT_DB_NAME);
			await store.clear();
			store.close();
		}
		this.#code = null;
		this.#server = null;
		this.#view = 'off';
		this.#detail = '';
		this.#rejected = 0;
	}
}

export const sync = new SyncManager();
