/**
 * Sync between the learner's devices, as the screens see it: whether a space is set up, its code
 * and server, and the connection's status. The sync code itself (Yjs, the provider, the engine)
 * is imported only when a space exists or is being set up, so a learner who never syncs never
 * downloads it.
 */
import { DEFAULT_DB_NAME } from '$lib/db/database';
import type { SyncConnection, SyncStatus } from '$lib/sync/client';
import { messageOf } from '$lib/message';

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

/**
 * One tab syncs for all the tabs of this browser profile: the one that holds the Web Lock named
 * below. Its engine sees every tab's writes (Dexie reports them across tabs), so the others
 * only show its status, sent over a BroadcastChannel; when it closes, the lock passes to
 * another tab, which connects. A space set up or left in any tab goes through the lock too.
 * Without Web Locks (old browsers) every tab syncs; merging by id keeps that correct.
 */
const LEADER_LOCK = 'factdeck-sync';

type TabMessage =
	| { type: 'state'; view: SyncView; detail: string; rejected: number }
	| { type: 'ask' }
	/** Another tab is about to set up or leave a space: stop, and wait for `changed`. */
	| { type: 'yield' }
	/** The space was set up or left: read it again. */
	| { type: 'changed' };

const hasLocks = () => typeof navigator !== 'undefined' && 'locks' in navigator;

class SyncManager {
	#view = $state<SyncView>('off');
	#detail = $state('');
	#code = $state<string | null>(null);
	#server = $state<string | null>(null);
	#rejected = $state(0);
	#busy = $state(false);
	#connection: SyncConnection | null = null;
	#resumed: Promise<void> | null = null;
	#leader = false;
	#channel: BroadcastChannel | null = null;
	/** Stops waiting for the lock, or gives it up once held. */
	#release: (() => void) | null = null;

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
	/** Whether this tab holds the connection (false while another tab syncs for it). */
	get leader(): boolean {
		return this.#leader;
	}

	#tabs(): BroadcastChannel | null {
		if (this.#channel || typeof BroadcastChannel === 'undefined') return this.#channel;
		this.#channel = new BroadcastChannel(`${LEADER_LOCK}:${DEFAULT_DB_NAME}`);
		this.#channel.onmessage = (event: MessageEvent<TabMessage>) => {
			const message = event.data;
			if (message.type === 'state' && !this.#leader && this.#code) {
				this.#view = message.view;
				this.#detail = `${message.detail} (Synced by another tab of this browser.)`;
				this.#rejected = message.rejected;
			} else if (message.type === 'ask' && this.#leader) {
				this.#tell();
			} else if (message.type === 'yield') {
				void this.#stop(false);
			} else if (message.type === 'changed') {
				void this.#stop(false).then(() => {
					this.#resumed = null;
					return this.resume();
				});
			}
		};
		return this.#channel;
	}

	#tell(): void {
		this.#channel?.postMessage({
			type: 'state',
			view: this.#view,
			detail: this.#detail,
			rejected: this.#rejected
		} satisfies TabMessage);
	}

	/** On start: reconnects to the space set up earlier, if any. Safe to call more than once. */
	resume(): Promise<void> {
		this.#resumed ??= (async () => {
			this.#tabs();
			const { SyncStore } = await import('$lib/sync/store');
			const store = new SyncStore(DEFAULT_DB_NAME);
			const space = await store.space();
			store.close();
			if (!space) {
				this.#code = null;
				this.#server = null;
				this.#view = 'off';
				this.#detail = '';
				return;
			}
			this.#code = space.code;
			this.#server = space.server;
			const { parseSyncCode } = await import('$lib/sync/key');
			await this.#lead(space.server, parseSyncCode(space.code));
		})().catch((e: unknown) => this.#failed(e));
		return this.#resumed;
	}

	#failed(e: unknown): void {
		this.#view = 'error';
		this.#detail = `Sync could not start: ${messageOf(e)}`;
	}

	/**
	 * Connects once this tab holds the lock (at once when no other tab does), and keeps the
	 * connection until #stop. `first` runs under the lock before connecting.
	 */
	#lead(server: string, key: Uint8Array, first?: () => Promise<void>): Promise<void> {
		this.#view = 'syncing';
		this.#detail = 'Starting…';
		if (!hasLocks()) {
			return (first ? first() : Promise.resolve()).then(() => this.#connect(server, key));
		}
		const abort = new AbortController();
		let release!: () => void;
		const released = new Promise<void>((resolve) => (release = resolve));
		this.#release = () => {
			abort.abort();
			release();
		};
		let started!: () => void;
		let failed!: (e: unknown) => void;
		const ready = new Promise<void>((resolve, reject) => {
			started = resolve;
			failed = reject;
		});
		navigator.locks
			.request(LEADER_LOCK, { signal: abort.signal }, async () => {
				if (abort.signal.aborted) return;
				this.#leader = true;
				try {
					await first?.();
					await this.#connect(server, key);
					started();
				} catch (e) {
					this.#leader = false;
					this.#failed(e);
					failed(e);
					return;
				}
				// Held until this tab stops syncing or closes.
				await released;
			})
			.catch(() => started());
		if (!first) {
			// While another tab syncs, show its status.
			this.#channel?.postMessage({ type: 'ask' } satisfies TabMessage);
			started();
		}
		return ready;
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
				this.#tell();
			}
		});
		const s = this.#connection.state;
		this.#view = s.status;
		this.#detail = s.detail;
		this.#tell();
	}

	/** Closes this tab's connection (if it has one) and gives up or stops waiting for the lock. */
	async #stop(forget: boolean): Promise<void> {
		const connection = this.#connection;
		this.#connection = null;
		const release = this.#release;
		this.#release = null;
		try {
			if (connection) await connection.close({ forget });
		} finally {
			this.#leader = false;
			release?.();
		}
	}

	/** Checks a server address; a message for the learner, or null. */
	async serverProblem(server: string): Promise<string | null> {
		const { serverProblem } = await import('$lib/sync/client');
		return serverProblem(server);
	}

	/** Runs `change` with every other tab stopped and this tab holding the lock. */
	async #change(change: () => Promise<void>, thenLead?: [string, Uint8Array]): Promise<void> {
		this.#tabs()?.postMessage({ type: 'yield' } satisfies TabMessage);
		await this.#stop(false);
		try {
			if (thenLead) await this.#lead(thenLead[0], thenLead[1], change);
			else if (hasLocks()) await navigator.locks.request(LEADER_LOCK, change);
			else await change();
		} finally {
			this.#channel?.postMessage({ type: 'changed' } satisfies TabMessage);
		}
	}

	async #clearSpace(): Promise<void> {
		const { SyncStore } = await import('$lib/sync/store');
		const store = new SyncStore(DEFAULT_DB_NAME);
		try {
			await store.clear();
		} finally {
			store.close();
		}
	}

	async #setUp(server: string, key: Uint8Array, code: string): Promise<void> {
		this.#busy = true;
		try {
			this.#resumed = Promise.resolve();
			await this.#change(async () => {
				await this.#clearSpace();
				const { SyncStore } = await import('$lib/sync/store');
				const store = new SyncStore(DEFAULT_DB_NAME);
				await store.setSpace({ server, code, joinedAt: Date.now() });
				store.close();
				this.#code = code;
				this.#server = server;
			}, [server, key]);
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
		this.#resumed = Promise.resolve();
		await this.#change(() => this.#clearSpace());
		this.#code = null;
		this.#server = null;
		this.#view = 'off';
		this.#detail = '';
		this.#rejected = 0;
	}
}

export const sync = new SyncManager();
