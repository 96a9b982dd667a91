/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
/**
 * Offline first. Everything the build produced (the app shell, every chunk including the ones
 * loaded later such as the generator's worker and its NLP code, static files and prerendered
 * pages) is precached under a cache named after the build version. A new version installs beside
 * the old one and waits until the page asks it to take over; then old caches are removed.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `factdeck-${version}`;
/** The SPA fallback page that adapter-static writes; it renders any route in the browser. */
const FALLBACK = '/200.html';

const PRECACHE = Array.from(new Set([...build, ...files, ...prerendered, FALLBACK]));
const PRECACHED = new Set(PRECACHE);

sw.addEventListener('install', (event) => {
	event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('factdeck-')) await caches.delete(key);
			}
			// The very first install takes control at once, so the first visit already works offline.
			await sw.clients.claim();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (data && typeof data === 'object' && (data as { type?: unknown }).type === 'SKIP_WAITING') {
		void sw.skipWaiting();
	}
});

/** The precached path a same-origin request maps to, if any. */
function precachedPath(url: URL): string | undefined {
	if (PRECACHED.has(url.pathname)) return url.pathname;
	const html = url.pathname === '/' ? '/' : url.pathname.replace(/\/$/, '');
	if (PRECACHED.has(html)) return html;
	return undefined;
}

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);
	const path = precachedPath(url);
	if (path) {
		const hit = await cache.match(path);
		if (hit) return hit;
	}
	try {
		const response = await fetch(request);
		if (response.status === 404 && request.mode === 'navigate') {
			return (await cache.match(FALLBACK)) ?? response;
		}
		return response;
	} catch (error) {
		// Offline: any page of the app renders from the fallback shell.
		if (request.mode === 'navigate') {
			const shell = await cache.match(FALLBACK);
			if (shell) return shell;
		}
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(respond(request));
});
