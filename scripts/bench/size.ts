/**
 * Size bench: JavaScript each section loads (gzip bytes over the wire, as the static server sends
 * it): before its first contentful paint, on the main thread by network idle, and in the
 * generator's worker; measured in Chromium against a fresh build, beside the whole build's
 * JavaScript as a baseline. Run: `npm run bench -- size`.
 */
import { chromium } from '@playwright/test';
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../serve.mjs';
import { CHROMIUM_ARGS, executablePath } from '../../tests/chromium';

const SECTIONS = ['/', '/library', '/review', '/classroom', '/stats', '/settings'];

function walk(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? walk(path) : [path];
	});
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

execSync('npx vite build', { stdio: 'ignore' });
const allJs = walk('build/_app').filter((f) => f.endsWith('.js'));
const totalGzip = allJs.reduce((sum, f) => sum + gzipSync(readFileSync(f)).length, 0);

const server = await serve({ dir: 'build', port: 0 });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
interface Row {
	section: string;
	beforePaint: string;
	mainThread: string;
	worker: string;
	shareOfBuild: string;
}
const rows: Row[] = [];
const summary: Record<string, { beforePaint: number; mainThread: number; worker: number }> = {};
/** In the page: JS bytes (as sent, gzip) that finished loading before the first contentful paint, and in all. */
const MEASURE = `(() => {
	const fcp = performance.getEntriesByName('first-contentful-paint')[0];
	const paintAt = fcp ? fcp.startTime : Infinity;
	let before = 0, all = 0;
	for (const e of performance.getEntriesByType('resource')) {
		if (!e.name.endsWith('.js') || e.name.endsWith('service-worker.js')) continue;
		all += e.encodedBodySize;
		if (e.responseEnd <= paintAt) before += e.encodedBodySize;
	}
	return { before, all, paintAt };
})()`;
try {
	for (const section of SECTIONS) {
		// A fresh context each time: nothing cached, no service worker yet.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		let worker = 0;
		page.on('response', (response) => {
			const url = response.url();
			if (url.includes('/_app/immutable/workers/')) {
				worker += Number(response.headers()['content-length'] ?? 0);
			}
		});
		await page.goto(server.url + section, { waitUntil: 'networkidle' });
		const m = (await page.evaluate(MEASURE)) as { before: number; all: number };
		await context.close();
		summary[section] = { beforePaint: m.before, mainThread: m.all, worker };
		rows.push({
			section,
			beforePaint: kib(m.before),
			mainThread: kib(m.all),
			worker: kib(worker),
			shareOfBuild: `${((m.all / totalGzip) * 100).toFixed(0)}%`
		});
	}
} finally {
	await browser.close();
	await server.close();
}

console.log(
	`All JavaScript in the build (baseline): ${allJs.length} files, ${kib(totalGzip)} gzip`
);
console.log(
	'beforePaint: loaded before the first contentful paint; mainThread: everything the page loaded by network idle; worker: the generator worker (first run only)'
);
console.table(rows);
const first = summary['/']?.beforePaint ?? 0;
console.log(
	`First page JS before paint: ${kib(first)} gzip (budget 60 KiB): ${first <= 60 * 1024 ? 'ok' : 'OVER'}`
);
console.log(JSON.stringify({ bench: 'size', totalJsGzip: totalGzip, sections: summary }));
