/**
 * Several instances behind one address: Redis carries changes between them, PostgreSQL keeps
 * the documents. Needs the machine's Redis and PostgreSQL (see ./services.ts).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type FactdeckServer } from './app';
import { rosterDocument, sessionDocument, studentDocument } from './live';
import { silentLogger } from './log';
import { DATABASE_URL, REDIS_URL, missingServices, servicesRequired } from './services';
import { clientPool, postJson, waitFor } from './testing';

const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

const missing = await missingServices();
if (missing && !servicesRequired) {
	console.warn(`Skipped the multi-instance server tests: no ${missing} (CI requires them).`);
}

const servers: FactdeckServer[] = [];
const pool = clientPool();

async function instance(name: string, redisRepairMs?: number): Promise<FactdeckServer> {
	const server = await startServer({
		redisRepairMs,
		port: 0,
		databaseUrl: DATABASE_URL,
		redisUrl: REDIS_URL,
		log: silentLogger,
		instanceName: name,
		storeDebounceMs: 100
	});
	servers.push(server);
	return server;
}

const client = pool.connect;

afterEach(async () => {
	pool.closeAll();
	for (const s of servers.splice(0)) await s.stop();
});

describe.skipIf(missing !== null && !servicesRequired)('several instances', () => {
	it('has its services', () => {
		expect(missing, `CI needs ${missing}`).toBeNull();
	});

	it('carries joins and answers from one instance to a teacher on another', async () => {
		const a = await instance('a');
		const b = await instance('b');
		for (const s of [a, b]) {
			const health = await (await fetch(`${s.url}/health`)).json();
			expect(health).toMatchObject({ status: 'ok', store: 'postgres', redis: true });
		}
		const created = (await postJson(`${a.url}/api/live/sessions`, {})).body as {
			session: string;
			code: string;
			teacherToken: string;
		};
		const roster = client(a.url, rosterDocument(created.session), created.teacherToken);
		await roster.ready;
		// The join code, claimed in PostgreSQL by instance a, works on instance b.
		const joined = await postJson(`${b.url}/api/live/join`, { code: created.code, name: 'Ana' });
		expect(joined.status).toBe(200);
		const ana = joined.body as { student: string; token: string };
		await waitFor(() => roster.doc.getArray('students').length === 1, 5000, 'roster');

		const teacher = client(a.url, sessionDocument(created.session), created.teacherToken);
		await teacher.ready;
		teacher.doc.getMap('live').set('phase', 'question');
		const anaSession = client(b.url, sessionDocument(created.session), ana.token);
		await anaSession.ready;
		await waitFor(() => anaSession.doc.getMap('live').get('phase') === 'question', 5000, 'phase');

		const own = client(b.url, studentDocument(created.session, ana.student), ana.token);
		await own.ready;
		const seen = client(a.url, studentDocument(created.session, ana.student), created.teacherToken);
		await seen.ready;
		own.doc.getMap('answers').set('0', { a: 1, ms: 900 });
		await waitFor(() => seen.doc.getMap('answers').has('0'), 5000, 'answer on a');

		// b stops gracefully: what it held is in PostgreSQL, and a third instance serves it.
		own.close();
		anaSession.close();
		await b.stop();
		servers.splice(servers.indexOf(b), 1);
		const c = await instance('c');
		const later = client(
			c.url,
			studentDocument(created.session, ana.student),
			created.teacherToken
		);
		await later.ready;
		expect(later.doc.getMap('answers').get('0')).toEqual({ a: 1, ms: 900 });
	}, 20_000);
	it('repairs, from state vectors, a change that an instance missed on Redis', async () => {
		const a = await instance('a', 4000);
		const b = await instance('b', 4000);
		const created = (await postJson(`${a.url}/api/live/sessions`, {})).body as {
			session: string;
			teacherToken: string;
		};
		const name = sessionDocument(created.session);
		const onA = client(a.url, name, created.teacherToken);
		const onB = client(b.url, name, created.teacherToken);
		await Promise.all([onA.ready, onB.ready]);
		// Once a change goes across, the instances' first exchange is over.
		onA.doc.getMap('live').set('total', 3);
		await waitFor(() => onB.doc.getMap('live').get('total') === 3, 2000, 'the first change');
		await new Promise((r) => setTimeout(r, 200));
		// A change on a that never went out (as if b's subscription had dropped it) ...
		const document = a.hocuspocus.documents.get(name)!;
		document.transact(() => document.getMap('live').set('title', 'missed'), REDIS_ORIGIN);
		// ... is not in the next change, which goes across by itself ...
		onA.doc.getMap('live').set('phase', 'lobby');
		await waitFor(() => onB.doc.getMap('live').get('phase') === 'lobby', 2000, 'the next change');
		expect(onB.doc.getMap('live').get('title')).toBeUndefined();
		// ... but reaches b with the state vectors that follow a quiet moment.
		await waitFor(() => onB.doc.getMap('live').get('title') === 'missed', 10_000, 'the repair');
	}, 20_000);
});
