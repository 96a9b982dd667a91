/**
 * The Factdeck server: Hocuspocus (Yjs over WebSocket) behind one HTTP port, with a store on
 * disk or in PostgreSQL, optional Redis between instances, health, limits and graceful shutdown.
 * It can serve the built app too, so one process is a complete install.
 *
 * Every document belongs to a module (./access.ts): names no module owns are refused, and each
 * module checks tokens and updates for its own documents.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { Database } from '@hocuspocus/extension-database';
import {
	Hocuspocus,
	type Extension,
	type beforeHandleMessagePayload,
	type onAuthenticatePayload
} from '@hocuspocus/server';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import {
	clientAddress,
	registeredModules,
	type DocumentAccess,
	type DocumentModule,
	type ServerContext
} from './access';
import './broadcast';
import { Bucket, decodeUpdateSafely, parseMessage } from './guard';
import { createLiveModule, type LiveOptions } from './live';
import { createLogger, type Logger } from './log';
import { RedisSync } from './redis-sync';
import {
	isEmptyUpdate,
	logEntry,
	openPostgresStore,
	openSqliteStore,
	stateOf,
	type Store
} from './store';

export interface ServerLimits {
	/** Largest WebSocket message (larger frames close the connection). */
	maxMessageBytes: number;
	/** Largest document, unless its module sets its own. */
	maxDocumentBytes: number;
	/** Messages a connection may send per second, and at once. */
	messagesPerSecond: number;
	messageBurst: number;
	/** Bytes a connection may send per second (a burst of one largest message is allowed). */
	bytesPerSecond: number;
	/** Documents one connection may open. */
	maxDocumentsPerConnection: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
	maxMessageBytes: 32 * 2 ** 20,
	maxDocumentBytes: 128 * 2 ** 20,
	messagesPerSecond: 200,
	messageBurst: 1000,
	bytesPerSecond: 4 * 2 ** 20,
	maxDocumentsPerConnection: 2000
};

export interface ServerOptions {
	port?: number;
	host?: string;
	/** Where the SQLite store lives (when no databaseUrl). */
	dataDir?: string;
	/** PostgreSQL, shared by several instances. */
	databaseUrl?: string;
	/** Redis, joining several instances. */
	redisUrl?: string;
	/** The built app to serve (e.g. `build`), or none. */
	staticDir?: string;
	log?: Logger;
	limits?: Partial<ServerLimits>;
	/** Extra document modules (the registered ones and the live classroom are always there). */
	modules?: DocumentModule[];
	/** Trust X-Forwarded-For (only behind a proxy you run). */
	trustProxy?: boolean;
	/** Milliseconds to wait after a change before storing (default 2000). */
	storeDebounceMs?: number;
	/** Name of this instance in logs and in Redis. */
	instanceName?: string;
	/** Milliseconds without changes before a document's state vector goes to the other instances. */
	redisRepairMs?: number;
	/** The live classroom's limits (join attempts, sessions per address). */
	live?: LiveOptions;
}

export interface FactdeckServer {
	readonly port: number;
	/** http://host:port */
	readonly url: string;
	readonly hocuspocus: Hocuspocus;
	readonly context: ServerContext;
	/** Stores every document, closes every connection, then the store. */
	stop(): Promise<void>;
}

const MAX_NAME_LENGTH = 200;

/** CPU time this process has used (user and system), in seconds. */
function cpuSeconds(): number {
	const { user, system } = process.cpuUsage();
	return Math.round((user + system) / 1000) / 1000;
}

function closeWith(code: number, reason: string) {
	return Object.assign(new Error(reason), { code, reason });
}

function jsonResponse(response: ServerResponse, status: number, body: unknown): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store',
		'content-length': Buffer.byteLength(text)
	});
	response.end(text);
}

async function loadStaticHandler(dir: string) {
	// The same file server as `npm run preview`.
	const { staticHandler } = (await import('../scripts/serve.mjs')) as {
		staticHandler: (dir: string) => (req: IncomingMessage, res: ServerResponse) => void;
	};
	return staticHandler(dir);
}

export async function startServer(options: ServerOptions = {}): Promise<FactdeckServer> {
	const instanceName = options.instanceName ?? `factdeck-${randomBytes(4).toString('hex')}`;
	const log = options.log ?? createLogger({ base: { instance: instanceName } });
	const limits = { ...DEFAULT_LIMITS, ...options.limits };
	const store: Store = options.databaseUrl
		? await openPostgresStore(options.databaseUrl)
		: openSqliteStore(options.dataDir ?? 'data');
	const secret = await store.claim('server-secret', randomBytes(32).toString('hex'));

	// Assigned below, once the extensions exist; `change` only runs after that.
	// eslint-disable-next-line prefer-const
	let hocuspocus!: Hocuspocus;
	const serverHeld = new Map<string, NodeJS.Timeout>();
	const context: ServerContext = {
		store,
		secret,
		log,
		async change(documentName, edit) {
			// Not a direct connection: its store hooks wait a second each under Redis. The document
			// stays loaded (so Redis carries the change to other instances at once), is stored
			// before this returns, and is unloaded after a quiet minute without connections.
			const document =
				hocuspocus.documents.get(documentName) ??
				(await hocuspocus.createDocument(
					documentName,
					{},
					'server',
					{ isAuthenticated: true, readOnly: false },
					{ server: true }
				));
			document.transact(() => edit(document), 'server');
			await store.store(documentName, stateOf(document));
			clearTimeout(serverHeld.get(documentName));
			serverHeld.set(
				documentName,
				setTimeout(() => {
					serverHeld.delete(documentName);
					if (document.getConnectionsCount() === 0) void hocuspocus.unloadDocument(document);
				}, 60_000).unref()
			);
		}
	};
	const modules: DocumentAccess[] = [
		createLiveModule({ trustProxy: options.trustProxy, ...options.live }),
		...registeredModules(),
		...(options.modules ?? [])
	].map((make) => make(context));
	const moduleOf = (name: string) =>
		name.length <= MAX_NAME_LENGTH ? modules.find((m) => m.owns(name)) : undefined;
	const documentBytes = new Map<string, number>();

	const core: Extension = {
		extensionName: 'factdeck-core',
		async onAuthenticate(payload: onAuthenticatePayload) {
			const module = moduleOf(payload.documentName);
			if (!module) {
				log.warn('refused document name', {
					client: clientAddress(payload.request, options.trustProxy),
					length: payload.documentName.length
				});
				throw closeWith(4404, 'No such document');
			}
			const grant = await module.authenticate(payload);
			if (grant?.readOnly) payload.connectionConfig.readOnly = true;
			return { ...grant?.context, module: module.name };
		},
		async afterLoadDocument({ documentName, document }) {
			const state = Y.encodeStateAsUpdate(document);
			documentBytes.set(documentName, state.length);
			// Loaded with logged updates (the last run stopped before storing them): fold them in.
			if (store.hasLog(documentName)) await store.store(documentName, stateOf(document, state));
		},
		async afterUnloadDocument({ documentName }) {
			documentBytes.delete(documentName);
		},
		async beforeHandleMessage(payload: beforeHandleMessagePayload) {
			const message = parseMessage(payload.update);
			if (!message.update || payload.connection.readOnly) return;
			const { documentName } = payload;
			const module = moduleOf(documentName);
			if (!module) throw closeWith(4404, 'No such document');
			const maxUpdate = module.limits?.maxUpdateBytes ?? limits.maxMessageBytes;
			const maxDocument = module.limits?.maxDocumentBytes ?? limits.maxDocumentBytes;
			const refuse = (reason: string) => {
				log.warn('refused update', {
					document: documentName,
					bytes: message.update?.length,
					reason
				});
				// The whole socket goes: a client that sends a hostile update gets nothing more.
				payload.connection.webSocket.close(4400, reason.slice(0, 100));
				return closeWith(4400, reason);
			};
			if (message.update.length > maxUpdate) throw refuse('Update too large');
			let size = (documentBytes.get(documentName) ?? 0) + message.update.length;
			if (size > maxDocument) {
				// The running total only grows; measure once before refusing.
				size = Y.encodeStateAsUpdate(payload.document).length + message.update.length;
				if (size > maxDocument) throw refuse('Document too large');
			}
			const decoded = decodeUpdateSafely(message.update);
			if (!decoded) throw refuse('Malformed update');
			const reason = module.checkUpdate?.({
				documentName,
				update: message.update,
				context: payload.context ?? {},
				document: payload.document,
				loaded: (name) => hocuspocus.documents.get(name)
			});
			if (reason) throw refuse(reason);
			documentBytes.set(documentName, size);
			// Hocuspocus applies the update and acknowledges it once this resolves: log it first,
			// so a kill before the debounced store loses nothing the client was told is kept.
			if (!isEmptyUpdate(decoded)) {
				try {
					await store.append(documentName, logEntry(message.update, decoded));
				} catch (error) {
					// Not applied, not acknowledged: the client reconnects and sends it again.
					log.error('could not log an update', { document: documentName, error });
					payload.connection.webSocket.close(1011, 'Store unavailable');
					throw closeWith(1011, 'Store unavailable');
				}
			}
		}
	};

	const database = new Database({
		fetch: ({ documentName }) => store.fetch(documentName),
		store: ({ documentName, state, document }) =>
			store.store(documentName, stateOf(document, state))
	});
	const extensions: Extension[] = [core, database];
	let redis: RedisSync | undefined;
	if (options.redisUrl) {
		const url = new URL(options.redisUrl);
		redis = new RedisSync({
			host: url.hostname,
			port: Number(url.port || 6379),
			identifier: instanceName,
			prefix: 'factdeck',
			repairDelayMs: options.redisRepairMs,
			options: {
				// ioredis 5.8.2+ sends CLIENT SETINFO, which a subscriber connection refuses.
				disableClientInfo: true,
				password: url.password || undefined,
				db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined
			}
		});
		extensions.push(redis);
	}
	hocuspocus = new Hocuspocus({
		quiet: true,
		name: instanceName,
		debounce: options.storeDebounceMs ?? 2000,
		maxDebounce: 10_000,
		extensions
	});

	const serveStatic = options.staticDir ? await loadStaticHandler(options.staticDir) : undefined;
	let stopping = false;

	async function health(): Promise<{ ok: boolean; problems: string[] }> {
		const problems: string[] = [];
		if (stopping) problems.push('stopping');
		try {
			await store.ping();
		} catch {
			problems.push('store');
		}
		if (redis && (redis.pub.status !== 'ready' || redis.sub.status !== 'ready')) {
			problems.push('redis');
		}
		return { ok: problems.length === 0, problems };
	}

	const server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://localhost');
		void (async () => {
			if (url.pathname === '/health') {
				const state = await health();
				jsonResponse(response, state.ok ? 200 : 503, {
					status: state.ok ? 'ok' : 'unavailable',
					problems: state.problems,
					instance: instanceName,
					store: store.kind,
					redis: Boolean(redis),
					documents: hocuspocus.getDocumentsCount(),
					connections: hocuspocus.getConnectionsCount(),
					rssBytes: process.memoryUsage().rss,
					cpuSeconds: cpuSeconds()
				});
				return;
			}
			for (const module of modules) {
				if (module.handleRequest && (await module.handleRequest(request, response, url))) return;
			}
			if (serveStatic && (request.method === 'GET' || request.method === 'HEAD')) {
				serveStatic(request, response);
				return;
			}
			jsonResponse(response, 404, { error: 'Not found' });
		})().catch((error: unknown) => {
			log.error('request failed', { path: url.pathname, error });
			if (!response.headersSent) jsonResponse(response, 500, { error: 'Server error' });
			else response.destroy();
		});
	});

	const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
	const open = new Set<WebSocket>();
	server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
		if (stopping) {
			socket.destroy();
			return;
		}
		sockets.handleUpgrade(request, socket, head, (ws) => {
			open.add(ws);
			ws.on('close', () => open.delete(ws));
			ws.on('error', (error) => log.warn('socket error', { error }));
			guardSocket(ws, request);
			hocuspocus.handleConnection(ws, request);
		});
	});

	/** Rate and document limits per connection, before any message reaches Hocuspocus. */
	function guardSocket(ws: WebSocket, request: IncomingMessage): void {
		const messages = new Bucket(limits.messagesPerSecond, limits.messageBurst);
		const bytes = new Bucket(
			limits.bytesPerSecond,
			Math.max(limits.bytesPerSecond, limits.maxMessageBytes)
		);
		const documents = new Set<string>();
		const emit = ws.emit.bind(ws);
		let closed = false;
		const close = (code: number, reason: string) => {
			if (closed) return;
			closed = true;
			log.warn('closing connection', {
				client: clientAddress(request, options.trustProxy),
				reason
			});
			ws.close(code, reason);
		};
		ws.emit = ((event: string | symbol, ...args: unknown[]) => {
			if (event === 'message') {
				if (closed) return false;
				const data = args[0];
				const length = data instanceof Uint8Array ? data.length : 0;
				if (!messages.take() || !bytes.take(length)) {
					close(4429, 'Too many messages');
					return false;
				}
				try {
					const { documentName } = parseMessage(data as Uint8Array);
					// Names no module owns are refused when they authenticate, so the client hears why.
					if (!documents.has(documentName)) {
						if (documents.size >= limits.maxDocumentsPerConnection) {
							close(4400, 'Too many documents');
							return false;
						}
						documents.add(documentName);
					}
				} catch {
					close(4400, 'Malformed message');
					return false;
				}
			}
			return emit(event, ...args);
		}) as typeof ws.emit;
	}

	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve());
	});
	const address = server.address() as AddressInfo;
	const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
	const url = `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`;
	log.info('listening', {
		url,
		store: store.kind,
		redis: Boolean(redis),
		static: options.staticDir ?? null
	});

	async function storeAll(): Promise<number> {
		let stored = 0;
		for (const [name, document] of hocuspocus.documents) {
			try {
				await store.store(name, stateOf(document));
				stored++;
			} catch (error) {
				log.error('store failed during shutdown', { document: name, error });
			}
		}
		return stored;
	}

	return {
		port: address.port,
		url,
		hocuspocus,
		context,
		async stop() {
			if (stopping) return;
			stopping = true;
			log.info('stopping', { documents: hocuspocus.getDocumentsCount() });
			server.close();
			for (const timer of serverHeld.values()) clearTimeout(timer);
			const stored = await storeAll();
			hocuspocus.closeConnections();
			for (const ws of open) ws.terminate();
			const deadline = Date.now() + 3000;
			while (hocuspocus.getDocumentsCount() > 0 && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 25));
			}
			await hocuspocus.hooks('onDestroy', { instance: hocuspocus }).catch(() => {});
			for (const module of modules) await module.close?.();
			sockets.close();
			server.closeAllConnections();
			await store.close();
			log.info('stopped', { stored });
		}
	};
}

/** Options from the environment, as `npm run server` reads them. */
export function optionsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerOptions {
	const number = (name: string) => {
		const value = env[name];
		if (value === undefined || value === '') return undefined;
		const parsed = Number(value);
		if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} must be a number`);
		return parsed;
	};
	const limits: Partial<ServerLimits> = {};
	const max = number('MAX_MESSAGE_BYTES');
	if (max !== undefined) limits.maxMessageBytes = max;
	const doc = number('MAX_DOCUMENT_BYTES');
	if (doc !== undefined) limits.maxDocumentBytes = doc;
	const rate = number('MESSAGES_PER_SECOND');
	if (rate !== undefined) limits.messagesPerSecond = rate;
	return {
		port: number('PORT') ?? 8787,
		host: env.HOST || '0.0.0.0',
		dataDir: env.DATA_DIR || 'data',
		databaseUrl: env.DATABASE_URL || undefined,
		redisUrl: env.REDIS_URL || undefined,
		staticDir: env.STATIC_DIR === '' ? undefined : (env.STATIC_DIR ?? 'build'),
		trustProxy: env.TRUST_PROXY === '1',
		instanceName: env.INSTANCE_NAME || undefined,
		limits
	};
}
