/**
 * Learner-data speed in Chromium with real IndexedDB, on a collection of 20,000 cards and 100,000
 * review-log rows:
 *   - today's queue built (target <= 50 ms, median);
 *   - from a rating to the next card ready (<= 20 ms);
 *   - backup export (<= 2 s) and import (<= 5 s);
 *   - database size per card (storage usage delta / cards).
 *
 * npx tsx scripts/bench/db.ts [--cards N] [--reviews N] [--runs N] [--json-only]
 * Bundles scripts/bench/db/page.ts with esbuild, serves it on 127.0.0.1 and drives it with
 * Playwright. Chromium: $CHROMIUM_PATH, else /usr/bin/chromium, else Playwright's own.
 * Prints a table, then one line of JSON (the summary). Exits 1 when a target is missed.
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg } from 'node:os';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, executablePath } from '../chromium.mjs';

const TARGETS = { queueMs: 50, ratingMs: 20, exportMs: 2000, importMs: 5000 };

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

export function option(argv: string[], name: string, fallback: number): number {
	const i = argv.indexOf(name);
	const value = i >= 0 ? Number(argv[i + 1]) : fallback;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Bundles a benchmark page (this one's by default) for the browser. */
export async function bundle(entry = join(here, 'db', 'page.ts')): Promise<string> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		format: 'esm',
		platform: 'browser',
		target: 'chrome120',
		write: false,
		minify: true,
		alias: { $lib: join(root, 'src', 'lib') },
		logLevel: 'error'
	});
	const file = result.outputFiles[0];
	if (!file) throw new Error('esbuild produced no output');
	return file.text;
}

/**
 * Serves the bundled benchmark page on 127.0.0.1, opens it in Chromium and runs `run` with it once
 * `window.factdeckBench` is ready; closes both afterwards.
 */
export async function withBenchPage<T>(
	run: (page: Page, browser: Browser) => Promise<T>
): Promise<T> {
	const script = await bundle();
	const html =
		'<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/bench.js"></script>';
	const server = createServer((req, res) => {
		if (req.url === '/bench.js') {
			res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
			res.end(script);
		} else {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(html);
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const { port } = server.address() as AddressInfo;
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	try {
		const page = await browser.newPage();
		page.on('pageerror', (e) => console.error('page error:', e.message));
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.waitForFunction(() => 'factdeckBench' in window);
		return await run(page, browser);
	} finally {
		await browser.close();
		server.close();
	}
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
	const cards = option(argv, '--cards', 20_000);
	const reviews = option(argv, '--reviews', 100_000);
	const runs = option(argv, '--runs', 15);
	const jsonOnly = argv.includes('--json-only');
	const log = (line: string) => {
		if (!jsonOnly) console.log(line);
	};

	return withBenchPage(async (page, browser) => {
		const now = Date.parse('2026-06-01T09:00:00Z');
		const name = 'bench';

		log(`Filling IndexedDB: ${cards} cards, ${reviews} review-log rows...`);
		const filled = await page.evaluate(
			([n, c, r, t]) => window.factdeckBench.populate(n, c, r, t),
			[name, cards, reviews, now] as const
		);
		const queue = await page.evaluate(([n, t, k]) => window.factdeckBench.timeQueue(n, t, k), [
			name,
			now,
			runs
		] as const);
		const rating = await page.evaluate(([n, t, k]) => window.factdeckBench.timeRating(n, t, k), [
			name,
			now,
			runs
		] as const);
		const exp = await page.evaluate(([n, t, k]) => window.factdeckBench.timeExport(n, t, k), [
			name,
			now,
			3
		] as const);
		const imp = await page.evaluate(([n, k]) => window.factdeckBench.timeImport(n, k), [
			`${name}-import`,
			3
		] as const);

		const summary = {
			bench: 'db',
			browser: browser.version(),
			machine: { cpus: cpus().length, loadAverage1m: round(loadavg()[0] ?? 0) },
			collection: { cards: filled.cards, reviews: filled.reviews, fillMs: Math.round(filled.ms) },
			queueMs: round(queue.median),
			queueSize: queue.size,
			ratingToNextCardMs: round(rating.median),
			ratingThenQueueReadMs: round(rating.rereadMedian),
			exportMs: Math.round(exp.median),
			exportBytes: exp.bytes,
			rawIndexedDbReadMs: Math.round(exp.rawReadMedian),
			importMs: Math.round(imp.median),
			importValidateMs: Math.round(imp.parseMedian),
			rawIndexedDbWriteMs: Math.round(imp.rawWriteMedian),
			bytesPerCard: Math.round(filled.bytesPerCard),
			targets: TARGETS,
			pass: {
				queue: queue.median <= TARGETS.queueMs,
				rating: rating.median <= TARGETS.ratingMs,
				export: exp.median <= TARGETS.exportMs,
				import: imp.median <= TARGETS.importMs
			}
		};

		const rows: [string, string, string][] = [
			[
				"today's queue built (median of " + runs + ')',
				`${round(queue.median)} ms`,
				`<= ${TARGETS.queueMs} ms`
			],
			[
				'rating to next card ready (median)',
				`${round(rating.median)} ms`,
				`<= ${TARGETS.ratingMs} ms`
			],
			["  rating, then today's queue read afresh", `${round(rating.rereadMedian)} ms`, '-'],
			[
				'export backup (median of 3)',
				`${Math.round(exp.median)} ms (${(exp.bytes / 1048576).toFixed(1)} MB)`,
				`<= ${TARGETS.exportMs} ms`
			],
			['  baseline: raw IndexedDB read of every store', `${Math.round(exp.rawReadMedian)} ms`, '-'],
			[
				'import backup, replace (median of 3)',
				`${Math.round(imp.median)} ms`,
				`<= ${TARGETS.importMs} ms`
			],
			['  of which reading and validating the file', `${Math.round(imp.parseMedian)} ms`, '-'],
			['  baseline: same rows put by raw IndexedDB', `${Math.round(imp.rawWriteMedian)} ms`, '-'],
			['database size per card', `${Math.round(filled.bytesPerCard)} B`, '-']
		];
		const w0 = Math.max(...rows.map((r) => r[0].length));
		const w1 = Math.max(...rows.map((r) => r[1].length));
		log('');
		log(`${'measure'.padEnd(w0)}  ${'result'.padEnd(w1)}  target`);
		for (const [a, b, c] of rows) log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
		log(
			`queue had ${queue.size} cards (${JSON.stringify(queue.counts)}); collection filled in ${Math.round(filled.ms)} ms`
		);
		console.log(JSON.stringify(summary));
		const out = join(root, 'bench-results');
		mkdirSync(out, { recursive: true });
		writeFileSync(join(out, 'db.json'), JSON.stringify(summary, null, '\t') + '\n');
		return Object.values(summary.pass).every(Boolean) ? 0 : 1;
	});
}

function round(n: number): number {
	return Math.round(n * 10) / 10;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	main().then(
		(code) => process.exit(code),
		(e: unknown) => {
			console.error(e);
			process.exit(2);
		}
	);
}
