/**
 * A server killed without warning (SIGKILL, no shutdown hook) loses nothing it acknowledged.
 * Runs the real `npm run server` entry as a child process, syncs changes from a client, waits
 * until the server has acknowledged every one, kills the process at once (well inside the
 * store's two-second debounce), starts a new process on the same store and reads everything
 * back. Against the SQLite store in a temporary DATA_DIR, and against PostgreSQL (in a schema of
 * its own) when it answers.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from './app';
import { silentLogger } from './log';
import { documentModules } from './modules';
import { DATABASE_URL, missingServices, servicesRequired } from './services';
import { syncDocumentName } from './sync-space';
import { connect, waitFor } from './testing';

const missing = await missingServices();
const cleanups: (() => Promise<void>)[] = [];

afterAll(async () => {
	for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Running {
	child: ChildProcess;
	url: string;
	exited: Promise<NodeJS.Signals | number | null>;
}

/** Starts `server/index.ts` in its own process with `env`; resolves once it listens. */
async function launch(env: Record<string, string>): Promise<Running> {
	const child = fork(join(import.meta.dirname, 'index.ts'), [], {
		execArgv: ['--import', 'tsx'],
		env: {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			STATIC_DIR: '',
			LOG_LEVEL: 'error',
			...env
		},
		stdio: ['ignore', 'ignore', 'inherit', 'ipc']
	});
	const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
		child.once('exit', (code, signal) => resolve(signal ?? code))
	);
	cleanups.push(async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
		await exited;
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.once('message', (message: { port?: number }) => resolve(message.port ?? 0));
		void exited.then((code) => reject(new Error(`server exited (${code}) before listening`)));
	});
	return { child, url: `http://127.0.0.1:${port}`, exited };
}

/**
 * One space's document: `rounds` rounds of changes, each sent as its own update (new keys, an
 * overwritten key, a deleted key, text typed into a Y.Text), every one acknowledged by the
 * server before the process is killed. Returns what the client saw acknowledged.
 */
async function changeThenKill(
	env: Record<string, string>,
	token: string,
	rounds: number,
	loggedUpdates: () => Promise<number>
) {
	const server = await launch(env);
	const name = syncDocumentName(token);
	const client = connect(server.url, name, token, { awareness: false });
	try {
		await client.ready;
		const map = client.doc.getMap<number>('m');
		const text = client.doc.getText('t');
		for (let i = 0; i < rounds; i++) {
			map.set(`k${i}`, i);
			map.set('last', i);
			if (i % 7 === 3) map.delete(`k${i - 2}`);
			text.insert(text.length, `${i},`);
			// Each round its own message: let the provider send before the next change.
			if (i % 10 === 9) await new Promise((r) => setTimeout(r, 5));
		}
		await waitFor(() => !client.provider.hasUnsyncedChanges, 20_000, 'acknowledgements');
		const acknowledged = { map: map.toJSON(), text: text.toString() };
		server.child.kill('SIGKILL');
		expect(await server.exited).toBe('SIGKILL');
		// The debounced store had not run: the changes were only in the update log.
		expect(await loggedUpdates()).toBeGreaterThan(0);
		return { name, acknowledged };
	} finally {
		client.close();
	}
}

/** Starts the server again on the same store and reads the document back with a new client. */
async function restartAndRead(env: Record<string, string>, name: string, token: string) {
	const server = await launch(env);
	const client = connect(server.url, name, token, { awareness: false });
	try {
		await client.ready;
		return {
			map: client.doc.getMap('m').toJSON(),
			text: client.doc.getText('t').toString(),
			server
		};
	} finally {
		client.close();
	}
}

/** Loading a document folds its logged updates into the stored state: the log empties. */
async function foldedIn(loggedUpdates: () => Promise<number>): Promise<void> {
	const end = Date.now() + 5000;
	while ((await loggedUpdates()) > 0 && Date.now() < end) {
		await new Promise((r) => setTimeout(r, 50));
	}
	expect(await loggedUpdates()).toBe(0);
}

function sqliteLogSize(dir: string): number {
	const db = new Database(join(dir, 'factdeck.sqlite'), { readonly: true });
	try {
		return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM updates').get()!.n;
	} finally {
		db.close();
	}
}

async function stop(server: Running): Promise<void> {
	server.child.kill('SIGTERM');
	expect(await server.exited).toBe(0);
}

describe('a killed server', () => {
	it('keeps every acknowledged change in the SQLite store', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'factdeck-durability-'));
		cleanups.push(() => rm(dir, { recursive: true, force: true }));
		const env = { DATA_DIR: dir };
		const logged = async () => sqliteLogSize(dir);
		const token = randomBytes(32).toString('hex');
		const { name, acknowledged } = await changeThenKill(env, token, 300, logged);
		expect(Object.keys(acknowledged.map).length).toBeGreaterThan(250);

		const read = await restartAndRead(env, name, token);
		expect(read.map).toEqual(acknowledged.map);
		expect(read.text).toBe(acknowledged.text);
		await foldedIn(logged);
		await stop(read.server);

		// Started once more, from the stored document alone.
		const again = await restartAndRead(env, name, token);
		expect(again.map).toEqual(acknowledged.map);
		await stop(again.server);
	}, 60_000);

	it('acknowledges no update it could not log, and takes it when the client sends it again', async () => {
		const dir = await mkdtemp(join(tmpdir(), 'factdeck-durability-'));
		cleanups.push(() => rm(dir, { recursive: true, force: true }));
		const server = await startServer({
			port: 0,
			dataDir: dir,
			log: silentLogger,
			modules: documentModules
		});
		cleanups.push(() => server.stop());
		const token = randomBytes(32).toString('hex');
		const name = syncDocumentName(token);
		const client = connect(server.url, name, token, { awareness: false });
		cleanups.push(async () => client.close());
		await client.ready;
		const onServer = () => server.hocuspocus.documents.get(name)?.getMap('m').get('kept');

		// The log's table is out of reach (as a full or failing disk would be): nothing is taken.
		const side = new Database(join(dir, 'factdeck.sqlite'));
		cleanups.push(async () => void side.close());
		side.exec('ALTER TABLE updates RENAME TO updates_away');
		const closed: number[] = [];
		client.provider.configuration.websocketProvider.on(
			'close',
			({ event }: { event: { code: number } }) => closed.push(event.code)
		);
		client.doc.getMap('m').set('kept', 1);
		await waitFor(() => closed.includes(1011), 5000, 'the socket closed');
		expect(client.provider.hasUnsyncedChanges).toBe(true);
		expect(onServer()).toBeUndefined();

		// Back: the client reconnects, sends it again, and this time it is logged and acknowledged.
		side.exec('ALTER TABLE updates_away RENAME TO updates');
		await waitFor(() => !client.provider.hasUnsyncedChanges, 10_000, 'the acknowledgement');
		expect(onServer()).toBe(1);
		expect(sqliteLogSize(dir)).toBeGreaterThan(0);
	}, 30_000);

	describe.skipIf(missing !== null && !servicesRequired)('with PostgreSQL', () => {
		it('keeps every acknowledged change in the PostgreSQL store', async () => {
			expect(missing, `CI needs ${missing}`).toBeNull();
			const schema = `factdeck_durability_${randomBytes(4).toString('hex')}`;
			const admin = new pg.Client({ connectionString: DATABASE_URL });
			await admin.connect();
			await admin.query(`CREATE SCHEMA ${schema}`);
			cleanups.push(async () => {
				await admin.query(`DROP SCHEMA ${schema} CASCADE`);
				await admin.end();
			});
			const url = new URL(DATABASE_URL);
			url.searchParams.set('options', `-c search_path=${schema}`);
			const env = { DATABASE_URL: url.toString() };
			const logged = async () =>
				Number(
					(await admin.query<{ n: string }>(`SELECT count(*) AS n FROM ${schema}.factdeck_updates`))
						.rows[0]!.n
				);
			const token = randomBytes(32).toString('hex');
			const { name, acknowledged } = await changeThenKill(env, token, 300, logged);

			const read = await restartAndRead(env, name, token);
			expect(read.map).toEqual(acknowledged.map);
			expect(read.text).toBe(acknowledged.text);
			await foldedIn(logged);
			await stop(read.server);
		}, 60_000);
	});
});
