import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { startServer, type FactdeckServer, type ServerOptions } from './app';
import { MESSAGE, parseMessage } from './guard';
import { silentLogger } from './log';
import { CODE_LIFETIME_MS, sessionDocument, studentDocument, rosterDocument } from './live';
import { clientPool, postJson, waitFor, wsUrl } from './testing';

let dir: string;
const servers: FactdeckServer[] = [];
const pool = clientPool();

async function start(options: ServerOptions = {}): Promise<FactdeckServer> {
	const server = await startServer({
		port: 0,
		dataDir: dir,
		log: silentLogger,
		storeDebounceMs: 50,
		...options
	});
	servers.push(server);
	return server;
}

const client = pool.connect;

async function liveSession(server: FactdeckServer) {
	const created = await postJson(`${server.url}/api/live/sessions`, {});
	expect(created.status).toBe(201);
	return created.body as { session: string; code: string; teacherToken: string };
}

async function joinAs(server: FactdeckServer, code: string, name: string) {
	const joined = await postJson(`${server.url}/api/live/join`, { code, name });
	expect(joined.status).toBe(200);
	return joined.body as { session: string; student: string; token: string; attempt: number };
}

/** A raw sync-update frame for `name`, as a provider would send it. */
function updateFrame(name: string, update: Uint8Array): Uint8Array {
	const encoder = encoding.createEncoder();
	encoding.writeVarString(encoder, name);
	encoding.writeVarUint(encoder, 0);
	encoding.writeVarUint(encoder, 2);
	encoding.writeVarUint8Array(encoder, update);
	return encoding.toUint8Array(encoder);
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'factdeck-server-'));
});

afterEach(async () => {
	pool.closeAll();
	for (const s of servers.splice(0)) await s.stop();
	rmSync(dir, { recursive: true, force: true });
});

describe('the server', () => {
	it('answers /health and refuses unknown paths', async () => {
		const server = await start();
		const health = await fetch(`${server.url}/health`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ status: 'ok', store: 'sqlite' });
		expect((await fetch(`${server.url}/nothing`)).status).toBe(404);
	});

	it('refuses document names no module owns', async () => {
		const server = await start();
		const c = client(server.url, 'someone-elses-doc', 'x');
		await expect(c.ready).rejects.toThrow(/refused/);
	});

	it('keeps documents across a restart (graceful stop stores them first)', async () => {
		let server = await start({ storeDebounceMs: 60_000 });
		const { session, teacherToken } = await liveSession(server);
		const teacher = client(server.url, sessionDocument(session), teacherToken);
		await teacher.ready;
		teacher.doc.getMap('live').set('title', 'Volcanoes');
		await waitFor(
			() => server.hocuspocus.documents.get(sessionDocument(session))?.getMap('live').size === 1
		);
		teacher.close();
		pool.closeAll();
		await server.stop();
		servers.length = 0;
		server = await start();
		const again = client(server.url, sessionDocument(session), teacherToken);
		await again.ready;
		expect(again.doc.getMap('live').get('title')).toBe('Volcanoes');
	});
});

describe('the live classroom', () => {
	it('passes a change to the other connections but not back to its sender', async () => {
		const server = await start();
		const created = await liveSession(server);
		const ana = await joinAs(server, created.code, 'Ana');
		const name = studentDocument(created.session, ana.student);
		const own = client(server.url, name, ana.token, { awareness: false });
		const teacher = client(server.url, name, created.teacherToken, { awareness: false });
		await Promise.all([own.ready, teacher.ready]);
		const frames: { type: number; syncType?: number }[] = [];
		own.provider.on('message', ({ event }: { event: MessageEvent }) => {
			frames.push(parseMessage(new Uint8Array(event.data as ArrayBuffer)));
		});
		own.doc.getMap('answers').set('0', { a: 2, ms: 700 });
		// The server acknowledges after it has passed the change on, on the same socket.
		await waitFor(() => frames.some((f) => f.type === MESSAGE.syncStatus), 5000, 'ack');
		await waitFor(() => teacher.doc.getMap('answers').has('0'), 5000, 'teacher');
		expect(frames.filter((f) => f.type === MESSAGE.sync)).toEqual([]);
		// The teacher's reply reaches the student once.
		teacher.doc.getMap('result').set('0', { answer: 2, correct: true, points: 1000, seconds: 1 });
		await waitFor(() => own.doc.getMap('result').has('0'), 5000, 'result');
		expect(frames.filter((f) => f.type === MESSAGE.sync && f.syncType === 2)).toHaveLength(1);
	});

	it('lets a student read the session, write only their own answers, and not read others', async () => {
		const server = await start();
		const { session, code, teacherToken } = await liveSession(server);
		const ana = await joinAs(server, code, 'Ana');
		const ben = await joinAs(server, code, 'Ben');

		const teacher = client(server.url, sessionDocument(session), teacherToken);
		await teacher.ready;
		teacher.doc.getMap('live').set('phase', 'question');

		const anaSession = client(server.url, sessionDocument(session), ana.token);
		await anaSession.ready;
		await waitFor(() => anaSession.doc.getMap('live').get('phase') === 'question');
		// A student's write to the session document never reaches anyone.
		anaSession.doc.getMap('live').set('phase', 'ended');
		const anaOwn = client(server.url, studentDocument(session, ana.student), ana.token);
		await anaOwn.ready;
		anaOwn.doc.getMap('answers').set('0', { a: 2, ms: 1500 });

		const teacherSeesAna = client(server.url, studentDocument(session, ana.student), teacherToken);
		await teacherSeesAna.ready;
		await waitFor(() => teacherSeesAna.doc.getMap('answers').has('0'));
		expect(teacherSeesAna.doc.getMap('answers').get('0')).toEqual({ a: 2, ms: 1500 });
		expect(teacher.doc.getMap('live').get('phase')).toBe('question');

		// Ana's token opens neither Ben's answers nor the roster.
		await expect(
			client(server.url, studentDocument(session, ben.student), ana.token).ready
		).rejects.toThrow(/refused/);
		await expect(client(server.url, rosterDocument(session), ana.token).ready).rejects.toThrow(
			/refused/
		);
		// A forged token opens nothing.
		await expect(
			client(
				server.url,
				studentDocument(session, ben.student),
				`s.${ben.student}.${'A'.repeat(22)}`
			).ready
		).rejects.toThrow(/refused/);
	});

	it('lists joins in the roster and marks a second attempt under the same name', async () => {
		const server = await start();
		const { session, code, teacherToken } = await liveSession(server);
		await joinAs(server, code, 'Ana');
		const again = await joinAs(server, code, '  ana ');
		expect(again.attempt).toBe(2);
		const roster = client(server.url, rosterDocument(session), teacherToken);
		await roster.ready;
		const entries = roster.doc.getArray<{ name: string; attempt: number }>('students').toArray();
		expect(entries.map((e) => [e.name, e.attempt])).toEqual([
			['Ana', 1],
			['ana', 2]
		]);
	});

	it('refuses a student update that touches anything but their answers, leaving the document as it was', async () => {
		const server = await start();
		const { session, code, teacherToken } = await liveSession(server);
		const ana = await joinAs(server, code, 'Ana');
		const name = studentDocument(session, ana.student);
		const teacher = client(server.url, name, teacherToken);
		await teacher.ready;
		teacher.doc.getMap('result').set('score', 100);
		const own = client(server.url, name, ana.token);
		await own.ready;
		await waitFor(() => own.doc.getMap('result').get('score') === 100);
		own.doc.getMap('answers').set('0', { a: 1 });
		await waitFor(() => teacher.doc.getMap('answers').has('0'));
		// Raising one's own score is refused.
		own.doc.getMap('result').set('score', 99999);
		own.doc.getMap('answers').set('1', { a: 3 });
		await new Promise((r) => setTimeout(r, 300));
		const stored = server.hocuspocus.documents.get(name);
		expect(stored?.getMap('result').get('score')).toBe(100);
		expect(stored?.getMap('answers').has('1')).toBe(false);
		expect(stored?.getMap('answers').get('0')).toEqual({ a: 1 });
	});

	it('refuses malformed and oversized updates without changing the document', async () => {
		const server = await start({ limits: { maxMessageBytes: 64 * 1024 } });
		const { session, code, teacherToken } = await liveSession(server);
		const ana = await joinAs(server, code, 'Ana');
		const name = studentDocument(session, ana.student);
		const own = client(server.url, name, ana.token);
		await own.ready;
		own.doc.getMap('answers').set('0', { a: 1 });
		const teacher = client(server.url, name, teacherToken);
		await teacher.ready;
		await waitFor(() => teacher.doc.getMap('answers').has('0'));
		const before = Y.encodeStateAsUpdate(server.hocuspocus.documents.get(name)!);

		for (const payload of [
			new Uint8Array([1, 2, 3, 250, 250, 250, 250, 9]),
			// A well-formed update that is too large for a message.
			(() => {
				const doc = new Y.Doc();
				doc.getMap('answers').set('1', { a: 'x'.repeat(200_000) });
				return Y.encodeStateAsUpdate(doc);
			})()
		]) {
			const ws = new WebSocket(wsUrl(server.url));
			await new Promise((r) => ws.once('open', r));
			// Authenticate as Ana, then send the hostile frame.
			const auth = encoding.createEncoder();
			encoding.writeVarString(auth, name);
			encoding.writeVarUint(auth, 2);
			encoding.writeVarUint(auth, 0);
			encoding.writeVarString(auth, ana.token);
			ws.send(encoding.toUint8Array(auth));
			await new Promise((r) => setTimeout(r, 100));
			const closed = new Promise<number>((r) => ws.once('close', (c) => r(c)));
			ws.send(updateFrame(name, payload));
			expect(await closed).toBeGreaterThanOrEqual(1000);
		}
		const after = Y.encodeStateAsUpdate(server.hocuspocus.documents.get(name)!);
		expect(Buffer.from(after).equals(Buffer.from(before))).toBe(true);
		expect((await fetch(`${server.url}/health`)).status).toBe(200);
	});

	it('stops admitting students with a code once its teacher ends the session', async () => {
		const server = await start();
		const created = await liveSession(server);
		const ana = await joinAs(server, created.code, 'Ana');
		const end = (token: string) =>
			postJson(`${server.url}/api/live/end`, { code: created.code, token });
		// Only the session's teacher can end it: a student's token cannot.
		expect((await end(ana.token)).status).toBe(404);
		expect((await joinAs(server, created.code, 'Ben')).attempt).toBe(1);
		expect((await end(created.teacherToken)).status).toBe(200);
		const late = await postJson(`${server.url}/api/live/join`, { code: created.code, name: 'Cy' });
		expect(late.status).toBe(404);
		expect(await server.context.store.get(`live-code:${created.code}`)).toBeNull();
		// Ana, who joined before the end, still reads the session.
		const session = client(server.url, sessionDocument(created.session), ana.token);
		await session.ready;
	});

	it('expires join codes after their lifetime and removes them from the store', async () => {
		let now = Date.parse('2026-06-01T08:00:00Z');
		const server = await start({ live: { now: () => now } });
		const created = await liveSession(server);
		await joinAs(server, created.code, 'Ana');
		now += CODE_LIFETIME_MS + 1;
		const late = await postJson(`${server.url}/api/live/join`, { code: created.code, name: 'Ben' });
		expect(late.status).toBe(404);
		expect(await server.context.store.get(`live-code:${created.code}`)).not.toBeNull();
		// The next session to start sweeps the expired code away.
		const next = await liveSession(server);
		expect(await server.context.store.get(`live-code:${created.code}`)).toBeNull();
		expect((await joinAs(server, next.code, 'Ben')).attempt).toBe(1);
	});

	it('limits wrong join codes per address', async () => {
		const server = await start({ live: { maxJoinFailures: 3 } });
		const { code } = await liveSession(server);
		const wrong = code === '000000' ? '000001' : '000000';
		for (let i = 0; i < 3; i++) {
			expect(
				(await postJson(`${server.url}/api/live/join`, { code: wrong, name: 'X' })).status
			).toBe(404);
		}
		// Now even the right code waits.
		const blocked = await postJson(`${server.url}/api/live/join`, { code, name: 'X' });
		expect(blocked.status).toBe(429);
	});

	it('closes a connection that floods messages', async () => {
		const server = await start({ limits: { messagesPerSecond: 20, messageBurst: 40 } });
		const { session, teacherToken } = await liveSession(server);
		const teacher = client(server.url, sessionDocument(session), teacherToken);
		await teacher.ready;
		const ws = new WebSocket(wsUrl(server.url));
		await new Promise((r) => ws.once('open', r));
		const closed = new Promise<number>((r) => ws.once('close', (c) => r(c)));
		const doc = new Y.Doc();
		for (let i = 0; i < 200; i++) {
			doc.getMap('live').set('n', i);
			ws.send(updateFrame(sessionDocument(session), Y.encodeStateAsUpdate(doc)));
		}
		expect(await closed).toBe(4429);
		expect(teacher.doc.getMap('live').has('n')).toBe(false);
	});

	it('redirects the short join link to the join page', async () => {
		const server = await start();
		const response = await fetch(`${server.url}/J/123456`, { redirect: 'manual' });
		expect(response.status).toBe(302);
		expect(response.headers.get('location')).toBe('/classroom/join/live#123456');
	});
});

describe('sync spaces through the server', () => {
	it('opens a space document with its key and refuses it without', async () => {
		const { documentModules } = await import('./modules');
		const { syncDocumentName } = await import('./sync-space');
		const server = await start({ modules: documentModules });
		const token = 'ab'.repeat(32);
		const name = syncDocumentName(token);
		const device = client(server.url, name, token);
		await device.ready;
		await expect(client(server.url, name, 'cd'.repeat(32)).ready).rejects.toThrow(/refused/);
	});

	it("changes nothing for another space's frames, malformed updates or oversized ones", async () => {
		const { documentModules } = await import('./modules');
		const { syncDocumentName } = await import('./sync-space');
		const server = await start({
			modules: documentModules,
			limits: { maxMessageBytes: 64 * 1024 }
		});
		const [mine, theirs] = ['ab'.repeat(32), 'cd'.repeat(32)];
		const [myName, theirName] = [syncDocumentName(mine), syncDocumentName(theirs)];
		const owner = client(server.url, theirName, theirs);
		await owner.ready;
		owner.doc.getMap('cards').set('c1', { front: 'theirs' });
		const device = client(server.url, myName, mine);
		await device.ready;
		device.doc.getMap('cards').set('c1', { front: 'mine' });
		await waitFor(
			() => server.hocuspocus.documents.get(myName)?.getMap('cards').has('c1') === true
		);
		await waitFor(
			() => server.hocuspocus.documents.get(theirName)?.getMap('cards').has('c1') === true
		);
		const state = (name: string) =>
			Buffer.from(Y.encodeStateAsUpdate(server.hocuspocus.documents.get(name)!));
		const before = [state(myName), state(theirName)];

		const hostile = new Y.Doc();
		hostile.getMap('cards').set('c1', { front: 'forged' });
		const forged = Y.encodeStateAsUpdate(hostile);
		const auth = (name: string, token: string) => {
			const encoder = encoding.createEncoder();
			encoding.writeVarString(encoder, name);
			encoding.writeVarUint(encoder, MESSAGE.auth);
			encoding.writeVarUint(encoder, 0);
			encoding.writeVarString(encoder, token);
			return encoding.toUint8Array(encoder);
		};
		const attempts: Uint8Array[][] = [
			// Holding one space's key, an update for another space's document.
			[auth(myName, mine), updateFrame(theirName, forged)],
			// That document's name with this space's key.
			[auth(theirName, mine), updateFrame(theirName, forged)],
			// A name no space has, and one no module owns.
			[auth('sync.' + '0'.repeat(32), mine), updateFrame('sync.' + '0'.repeat(32), forged)],
			[auth('../../etc/passwd', mine), updateFrame('../../etc/passwd', forged)],
			// Its own document: bytes that are no update, and an update past the message limit.
			[auth(myName, mine), updateFrame(myName, new Uint8Array([1, 2, 3, 250, 250, 250, 9]))],
			[
				auth(myName, mine),
				updateFrame(
					myName,
					(() => {
						const big = new Y.Doc();
						big.getMap('cards').set('c2', { front: 'x'.repeat(100_000) });
						return Y.encodeStateAsUpdate(big);
					})()
				)
			]
		];
		for (const frames of attempts) {
			const ws = new WebSocket(wsUrl(server.url));
			await new Promise((r) => ws.once('open', r));
			const closed = new Promise<void>((r) => ws.once('close', () => r()));
			ws.send(frames[0]!);
			await new Promise((r) => setTimeout(r, 100));
			for (const frame of frames.slice(1)) ws.send(frame);
			await Promise.race([closed, new Promise((r) => setTimeout(r, 500))]);
			ws.terminate();
		}
		await new Promise((r) => setTimeout(r, 200));
		expect(state(myName).equals(before[0]!)).toBe(true);
		expect(state(theirName).equals(before[1]!)).toBe(true);
		expect(server.hocuspocus.documents.has('sync.' + '0'.repeat(32))).toBe(false);
		expect(owner.doc.getMap('cards').get('c1')).toEqual({ front: 'theirs' });
		expect((await fetch(`${server.url}/health`)).status).toBe(200);
	}, 20_000);
});
