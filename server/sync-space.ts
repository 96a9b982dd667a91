/**
 * Who may open a sync space's documents. A device derives, from its 128-bit space key, a token
 * (SHA-256 of the key) and the document name (`sync.` + the first 128 bits of SHA-256 of the
 * token); see src/lib/sync/key.ts. This module checks that relation, so a connection opens only
 * the documents of the space whose key it holds, and the name alone (in logs, in the store)
 * opens nothing. Failed attempts are counted per client address: after `maxFailures` in
 * `windowMs` that address is refused until the window has passed, so guessing gains nothing.
 *
 * The server loads it as a document module (`syncSpaceModule`, registered in ./modules.ts); it
 * answers only for documents whose name starts with `sync.`. `syncSpaces()` is the same check as
 * a plain Hocuspocus extension.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import { clientAddress, type DocumentModule } from './access';

export const SYNC_DOCUMENT_PREFIX = 'sync.';
const NAME = /^sync\.[0-9a-f]{32}$/;
const TOKEN = /^[0-9a-f]{64}$/;

/** Whether a document belongs to a sync space (and so to this module). */
export function isSyncDocument(documentName: string): boolean {
	return documentName.startsWith(SYNC_DOCUMENT_PREFIX);
}

/** The document name a token opens; the same derivation as the app's. */
export function syncDocumentName(token: string): string {
	const digest = createHash('sha256').update(`factdeck-sync-doc:${token}`).digest('hex');
	return SYNC_DOCUMENT_PREFIX + digest.slice(0, 32);
}

export type SyncAccess =
	| { ok: true }
	| { ok: false; reason: 'malformed' | 'wrong-key' | 'rate-limited'; retryAfterMs?: number };

export interface SyncGuardOptions {
	/** Failed attempts allowed per client in one window (default 20). */
	maxFailures?: number;
	/** Length of the window in milliseconds (default one minute). */
	windowMs?: number;
	/** The clock, for tests. */
	now?: () => number;
	/** Clients tracked at most; the oldest are forgotten first (default 10,000). */
	maxClients?: number;
}

/** Checks sync-space access and counts failures per client. */
export class SyncGuard {
	readonly #maxFailures: number;
	readonly #windowMs: number;
	readonly #now: () => number;
	readonly #maxClients: number;
	readonly #failures = new Map<string, { since: number; count: number }>();

	constructor(options: SyncGuardOptions = {}) {
		this.#maxFailures = options.maxFailures ?? 20;
		this.#windowMs = options.windowMs ?? 60_000;
		this.#now = options.now ?? Date.now;
		this.#maxClients = options.maxClients ?? 10_000;
	}

	/** Whether `client` (an address) may open `documentName` with `token`. */
	check(documentName: string, token: unknown, client: string): SyncAccess {
		const now = this.#now();
		const entry = this.#failures.get(client);
		if (entry && now - entry.since >= this.#windowMs) this.#failures.delete(client);
		const current = this.#failures.get(client);
		if (current && current.count >= this.#maxFailures) {
			return {
				ok: false,
				reason: 'rate-limited',
				retryAfterMs: current.since + this.#windowMs - now
			};
		}
		const valid = NAME.test(documentName) && typeof token === 'string' && TOKEN.test(token);
		if (valid && syncDocumentName(token) === documentName) return { ok: true };
		this.#fail(client, now);
		return { ok: false, reason: valid ? 'wrong-key' : 'malformed' };
	}

	#fail(client: string, now: number): void {
		const entry = this.#failures.get(client);
		if (entry) {
			entry.count++;
			return;
		}
		if (this.#failures.size >= this.#maxClients) {
			const oldest = this.#failures.keys().next().value;
			if (oldest !== undefined) this.#failures.delete(oldest);
		}
		this.#failures.set(client, { since: now, count: 1 });
	}
}

export interface SyncSpacesOptions extends SyncGuardOptions {
	/** How to name the client for rate limiting (default: the socket's peer address). */
	clientOf?: (request: IncomingMessage | undefined) => string;
}

/** Throws (refusing the connection) unless the token opens the document. */
function authenticator(options: SyncSpacesOptions) {
	const guard = new SyncGuard(options);
	const clientOf = options.clientOf ?? ((request) => clientAddress(request));
	return ({ documentName, token, request }: onAuthenticatePayload): void => {
		const access = guard.check(documentName, token, clientOf(request));
		if (!access.ok) {
			throw new Error(
				access.reason === 'rate-limited'
					? 'Too many attempts: try again in a minute.'
					: 'This device does not hold the key of that sync space.'
			);
		}
	};
}

/**
 * Sync spaces hold a learner's whole collection: 10,000 cards with 50,000 reviews make a
 * document of about 10 MB, so they may grow to 128 MiB.
 */
export const SYNC_DOCUMENT_LIMITS = { maxDocumentBytes: 128 * 2 ** 20 };

/** The server's document module for sync spaces. */
export function syncSpaceModule(options: SyncSpacesOptions = {}): DocumentModule {
	return () => ({
		name: 'sync',
		owns: isSyncDocument,
		authenticate: authenticator(options),
		limits: SYNC_DOCUMENT_LIMITS
	});
}

/** The same check as a Hocuspocus extension, for a server built without the module registry. */
export function syncSpaces(options: SyncSpacesOptions = {}): Extension {
	const authenticate = authenticator(options);
	return {
		extensionName: 'sync-spaces',
		async onAuthenticate(payload: onAuthenticatePayload) {
			if (isSyncDocument(payload.documentName)) authenticate(payload);
		}
	};
}
