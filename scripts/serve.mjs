// A small static server for the built app: prerendered pages, immutable chunks, the SPA fallback
// and gzip. `npm start` and the end-to-end tests use it. Files are read on every request, so a
// test can change a built file (for example a new service worker) while the server runs.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.ico': 'image/x-icon',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.wasm': 'application/wasm'
};
const COMPRESSIBLE = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.webmanifest',
	'.svg',
	'.txt'
]);

/** @param {string} path */
async function isFile(path) {
	try {
		return (await stat(path)).isFile();
	} catch {
		return false;
	}
}

/** Resolves a URL path to a file in `root`, the way a static host would. */
/**
 * @param {string} root
 * @param {string} pathname
 */
async function resolveFile(root, pathname) {
	let decoded;
	try {
		decoded = decodeURIComponent(pathname);
	} catch {
		return { file: join(root, '200.html'), fallback: true };
	}
	const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
	const base = join(root, safe);
	if (!base.startsWith(root)) return { file: join(root, '200.html'), fallback: true };
	for (const candidate of [base, `${base}.html`, join(base, 'index.html')]) {
		if (await isFile(candidate)) return { file: candidate, fallback: false };
	}
	return { file: join(root, '200.html'), fallback: true };
}

/**
 * A request handler that serves the built app in `dir` the way a static host would. The Factdeck
 * server uses it too, so one process can serve the app beside the live classroom and sync.
 * @param {string} dir
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function staticHandler(dir) {
	const root = resolve(dir);
	return (req, res) => {
		const url = new URL(req.url ?? '/', 'http://localhost');
		resolveFile(root, url.pathname)
			.then(async ({ file, fallback }) => {
				const ext = extname(file);
				if (fallback && ext !== '.html') throw Object.assign(new Error('missing'), { code: 404 });
				const isAsset = /\.[a-z0-9]+$/i.test(url.pathname) && !url.pathname.endsWith('.html');
				if (fallback && isAsset) throw Object.assign(new Error('missing'), { code: 404 });
				let body = await readFile(file);
				/** @type {Record<string, string>} */
				const headers = {
					'content-type': TYPES[ext] ?? 'application/octet-stream',
					'cache-control': url.pathname.startsWith('/_app/immutable/')
						? 'public, max-age=31536000, immutable'
						: 'no-cache',
					'x-content-type-options': 'nosniff',
					vary: 'accept-encoding'
				};
				if (COMPRESSIBLE.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
					body = gzipSync(body);
					headers['content-encoding'] = 'gzip';
				}
				headers['content-length'] = String(body.length);
				res.writeHead(200, headers);
				res.end(req.method === 'HEAD' ? undefined : body);
			})
			.catch((error) => {
				res.writeHead(error?.code === 404 ? 404 : 500, { 'content-type': 'text/plain' });
				res.end(error?.code === 404 ? 'Not found' : 'Server error');
			});
	};
}

/**
 * Starts serving `dir` on `port` (0 picks a free one).
 * @param {{ dir: string; port?: number; host?: string }} options
 * @returns {Promise<{ url: string; close: () => Promise<void> }>}
 */
export function serve({ dir, port = 4173, host = '127.0.0.1' }) {
	const server = createServer(staticHandler(dir));
	return new Promise((ready) => {
		server.listen(port, host, () => {
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			ready({
				url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${actual}`,
				close: () => new Promise((done) => server.close(() => done()))
			});
		});
	});
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const dir = process.argv[2] ?? 'build';
	const port = Number(process.env.PORT ?? 4173);
	const { url } = await serve({ dir, port, host: process.env.HOST ?? '127.0.0.1' });
	console.log(`Factdeck is running at ${url}/  (Ctrl+C to stop)`);
}
