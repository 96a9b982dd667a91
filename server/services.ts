/**
 * Whether the machine's Redis and PostgreSQL answer, for the tests and the benchmark that need
 * several instances. CI sets REQUIRE_SERVICES=1 so that their absence fails the run; elsewhere the
 * tests that need them are skipped with a message that says so.
 */
import { connect } from 'node:net';
import pg from 'pg';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL =
	process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

function redisAnswers(url: string): Promise<boolean> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve) => {
		const socket = connect({ host: hostname, port: Number(port || 6379) });
		const done = (ok: boolean) => {
			socket.destroy();
			resolve(ok);
		};
		socket.setTimeout(1000, () => done(false));
		socket.once('error', () => done(false));
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
	});
}

async function postgresAnswers(url: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
	client.on('error', () => {});
	try {
		await client.connect();
		await client.query('SELECT 1');
		return true;
	} catch {
		return false;
	} finally {
		await client.end().catch(() => {});
	}
}

/** Null when both answer, else what is missing. */
export async function missingServices(): Promise<string | null> {
	const [redis, postgres] = await Promise.all([
		redisAnswers(REDIS_URL),
		postgresAnswers(DATABASE_URL)
	]);
	const missing = [!redis && `Redis at ${REDIS_URL}`, !postgres && `PostgreSQL at ${DATABASE_URL}`]
		.filter(Boolean)
		.join(' and ');
	return missing || null;
}

export const servicesRequired = process.env.REQUIRE_SERVICES === '1';
