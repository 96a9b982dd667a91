/**
 * Size bench: JavaScript each section loads before it is usable (gzip bytes over the wire, as
 * the static server sends it), measured in Chromium against a fresh build, beside the whole
 * build's JavaScript as a baseline. Run: `npm run bench -- size`.
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
const rows: { section: string; scripts: number; jsGzip: string; shareOfBuild: string }[] = [];
const summary: Record<string, number> = {};
try {
	for (const section of SECTIONS) {
		// A fresh context each time: nothing cached, no service worker yet.
		const context = await browser.newContext({ serviceWorkers: 'block' });
		const page = await context.newPage();
		const sizes = new Map<string, number>();
		page.on('response', (response) => {
			const url = response.url();
			if (!url.endsWith('.js') || url.endsWith('service-worker.js')) return;
			const length = Number(response.headers()['content-length'] ?? 0);
			sizes.set(url, length);
		});
		await page.goto(server.url + section, { waitUntil: 'networkidle' });
		await context.close();
		const bytes = [...sizes.values()].reduce((a, b) => a + b, 0);
		summary[section] = bytes;
		rows.push({
			section,
			scripts: sizes.size,
			jsGzip: kib(bytes),
			shareOfBuild: `${((bytes / totalGzip) * 100).toFixed(0)}%`
		});
	}
} finally {
	await browser.close();
	await server.close();
}

console.log(
	`All JavaScript in the build (baseline): ${allJs.length} files, ${kib(totalGzip)} gzip`
);
console.table(rows);
const first = summary['/'] ?? 0;
console.log(
	`First page JS: ${kib(first)} gzip (budget 60 KiB): ${first <= 60 * 1024 ? 'ok' : 'OVER'}`
);
console.log(JSON.stringify({ bench: 'size', totalJsGzip: totalGzip, sectionJsGzip: summary }));
