/**
 * `npm run server`: the Factdeck server from the environment. See server/README.md.
 *
 *   PORT (8787), HOST (0.0.0.0), DATA_DIR (./data), STATIC_DIR (./build, '' for none),
 *   DATABASE_URL, REDIS_URL, TRUST_PROXY=1, INSTANCE_NAME, LOG_LEVEL,
 *   MAX_MESSAGE_BYTES, MAX_DOCUMENT_BYTES, MESSAGES_PER_SECOND
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { optionsFromEnv, startServer } from './app';
import { createLogger, type Level } from './log';
import { documentModules } from './modules';

const options = optionsFromEnv();
options.instanceName ??= `factdeck-${process.pid}`;
const log = createLogger({
	level: (process.env.LOG_LEVEL as Level | undefined) ?? 'info',
	base: { instance: options.instanceName }
});
if (options.staticDir && !existsSync(join(options.staticDir, '200.html'))) {
	log.warn('no built app to serve: run `npm run build` first, or set STATIC_DIR', {
		staticDir: options.staticDir
	});
	options.staticDir = undefined;
}

try {
	const server = await startServer({ ...options, log, modules: documentModules });
	let stopping = false;
	const stop = (signal: string) => {
		if (stopping) return;
		stopping = true;
		log.info('signal', { signal });
		server.stop().then(
			() => process.exit(0),
			(error: unknown) => {
				log.error('shutdown failed', { error });
				process.exit(1);
			}
		);
	};
	process.on('SIGINT', () => stop('SIGINT'));
	process.on('SIGTERM', () => stop('SIGTERM'));
	if (process.send) process.send({ ready: true, port: server.port });
} catch (error) {
	log.error('could not start', { error });
	process.exit(1);
}
