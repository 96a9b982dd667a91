/**
 * Who may open which document. The server refuses every document that no module owns, so each
 * kind of document (live classroom, sync spaces) brings its own module that names its documents,
 * checks a connection's token and, if it wants, every update before it is applied.
 *
 * Plugging a module in: add a factory to `documentModules` in ./modules.ts (or call
 * `registerDocumentModule` before the server starts). A factory receives the server's context
 * (store, signing secret, logger) and returns a `DocumentAccess`:
 *
 *     registerDocumentModule(() => ({
 *       name: 'sync',
 *       owns: (documentName) => documentName.startsWith('sync.'),
 *       authenticate: (payload) => guard.onAuthenticate(payload), // throw to refuse
 *       limits: { maxDocumentBytes: 128 * 2 ** 20 }
 *     }));
 *
 * `authenticate` gets Hocuspocus's own onAuthenticate payload (documentName, token, request,
 * connectionConfig); it throws to refuse, and may return `{ readOnly, context }`. Whatever it puts
 * in `context` reaches `checkUpdate`, which returns a reason to refuse an update (the connection
 * is closed and the document stays as it was) or null to let it through.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { onAuthenticatePayload } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { Logger } from './log';
import type { Store } from './store';

export interface AccessGrant {
	/** The connection may read but its updates are dropped. */
	readOnly?: boolean;
	/** Merged into the connection's context, passed back to `checkUpdate`. */
	context?: Record<string, unknown>;
}

export interface UpdateCheck {
	documentName: string;
	update: Uint8Array;
	context: Record<string, unknown>;
	/** The document as it is before the update (do not change it). */
	document: Y.Doc;
	/** Another document as this instance holds it, if it is open here (do not change it). */
	loaded(documentName: string): Y.Doc | undefined;
}

export interface DocumentLimits {
	/** Largest stored state, in bytes, before further updates are refused. */
	maxDocumentBytes?: number;
	/** Largest single update, in bytes. */
	maxUpdateBytes?: number;
}

export interface DocumentAccess {
	/** A short name for logs. */
	name: string;
	/** Whether this module answers for the document. */
	owns(documentName: string): boolean;
	/** Throws to refuse the connection. */
	authenticate(payload: onAuthenticatePayload): Promise<AccessGrant | void> | AccessGrant | void;
	/** Returns why an update is refused, or null. Runs before the update touches the document. */
	checkUpdate?(check: UpdateCheck): string | null;
	limits?: DocumentLimits;
	/** Handles an HTTP request of its own (return true) or leaves it to others (false). */
	handleRequest?(request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean>;
	/** Runs when the server stops. */
	close?(): Promise<void>;
}

export interface ServerContext {
	store: Store;
	/** A random secret shared by every instance (kept in the store), for signing tokens. */
	secret: string;
	log: Logger;
	/** Opens a document on this instance and changes it as the server (not as a client). */
	change(documentName: string, edit: (doc: Y.Doc) => void): Promise<void>;
}

export type DocumentModule = (context: ServerContext) => DocumentAccess;

const registered: DocumentModule[] = [];

/** Adds a module to every server created after this call. */
export function registerDocumentModule(module: DocumentModule): void {
	registered.push(module);
}

export function registeredModules(): readonly DocumentModule[] {
	return registered;
}

/** The client's address: the socket's peer. A proxy in front must be trusted explicitly. */
export function clientAddress(request: IncomingMessage | undefined, trustProxy = false): string {
	if (trustProxy) {
		const forwarded = request?.headers['x-forwarded-for'];
		const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
		if (first) return first;
	}
	return request?.socket?.remoteAddress ?? 'unknown';
}
