/**
 * Sync between two devices, each a Chromium context with its own IndexedDB, through a real
 * sync server on a loopback port:
 *   - converge: both devices hold a 400-card deck and were in sync; offline, A rates 200 cards
 *     and B rates 200 (100 of them the same cards), then both connect. Time until both show the
 *     same cards and the same log (target <= 5 s, median), and the log must hold exactly 400
 *     rows (none lost, none doubled);
 *   - first sync: A holds 10,000 cards and 50,000 reviews and creates a space; B, empty, joins.
 *     Time for A's upload and for B to hold everything (target <= 30 s for the two together,
 *     median). Baseline in the same run: the time to write the same deck into one device's
 *     IndexedDB (the fill before each first sync), and the ratio of the first sync to it.
 *
 * npx tsx scripts/bench/sync.ts [--runs N] [--big-runs N] [--cards N] [--reviews N] [--json-only]
 *   [--profile DIR]  (CPU profiles of both devices' first sync, for Chromium's DevTools)
 * Prints a table, then one line of JSON. Exits 1 when a target is missed.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, executablePath } from '../chromium.mjs';
import { startTestServer } from '../../src/lib/sync/testing';
import { bundle } from './db';

const TARGETS = { convergeMs: 5000, firstSyncMs: 30_000 };
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

function option(argv: string[], name: string, fallback: number): number {
	const i = argv.indexOf(name);
	const value = i >= 0 ? Number(argv[i + 1]) : fallback;
	return Number.isFinite(value) && value > 0 ? value : fallback;
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Starts Chromium's CPU profiler on `page`; the returned function stops it and gives the profile. */
async function startProfile(page: Page): Promise<() => Promise<string>> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Profiler.enable');
	await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
	await cdp.send('Profiler.start');
	return async () => JSON.stringify((await cdp.send('Profiler.stop')).profile);
}

type Fingerprint = { hash: string; cards: number; reviews: number; unique: number };

async function idle(page: Page, name: string): Promise<boolean> {
	const s = await page.evaluate((n) => window.factdeckSync.state(n), name);
	return s !== null && s.status === 'synced' && !s.busy;
}

/**
 * Polls until every device is synced and all fingerprints agree. Returns the fingerprint and
 * when the devices were seen idle in the state that matched (the check itself reads every card
 * and review of each device, which is verification, not sync).
 */
async function converged(
	devices: [Page, string][],
	timeoutMs: number
): Promise<Fingerprint & { at: number }> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const ok = (await Promise.all(devices.map(([p, n]) => idle(p, n)))).every(Boolean);
		const at = performance.now();
		if (ok) {
			const prints = await Promise.all(
				devices.map(([p, n]) => p.evaluate((x) => window.factdeckSync.fingerprint(x), n))
			);
			// Still idle after reading: nothing arrived between the first look and the prints.
			const still = (await Promise.all(devices.map(([p, n]) => idle(p, n)))).every(Boolean);
			if (still && prints.every((f) => f.hash === prints[0]!.hash)) return { ...prints[0]!, at };
		}
		if (Date.now() > until) throw new Error(`devices did not converge in ${timeoutMs} ms`);
		await new Promise((r) => setTimeout(r, 25));
	}
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
	const runs = option(argv, '--runs', 5);
	const bigRuns = option(argv, '--big-runs', 3);
	const bigCards = option(argv, '--cards', 10_000);
	const bigReviews = option(argv, '--reviews', 50_000);
	const jsonOnly = argv.includes('--json-only');
	const profileAt = argv.indexOf('--profile');
	const profileDir = profileAt >= 0 ? argv[profileAt + 1] : undefined;
	const log = (line: string) => {
		if (!jsonOnly) console.log(line);
	};

	const script = await bundle(join(here, 'sync', 'page.ts'));
	const html =
		'<!doctype html><meta charset="utf-8"><title>sync bench</title><script type="module" src="/bench.js"></script>';
	const web = createServer((req, res) => {
		const js = req.url === '/bench.js';
		res.writeHead(200, { 'content-type': `text/${js ? 'javascript' : 'html'}; charset=utf-8` });
		res.end(js ? script : html);
	});
	await new Promise<void>((ok) => web.listen(0, '127.0.0.1', ok));
	const origin = `http://127.0.0.1:${(web.address() as AddressInfo).port}/`;
	const dir = mkdtempSync(join(tmpdir(), 'factdeck-sync-bench-'));
	const server = await startTestServer(dir);
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
	const device = async () => {
		const page = await (await browser.newContext()).newPage();
		page.on('pageerror', (e) => console.error('page error:', e.message));
		await page.goto(origin);
		await page.waitForFunction(() => 'factdeckSync' in window);
		return page;
	};
	const now = Date.parse('2026-06-01T09:00:00Z');
	try {
		const [a, b] = [await device(), await device()];
		const convergeMs: number[] = [];
		let convergeCheck: Fingerprint | null = null;
		for (let run = 0; run < runs; run++) {
			const name = `converge-${run}`;
			const key = randomBytes(16).toString('hex');
			for (const p of [a, b]) {
				await p.evaluate(([n, t]) => window.factdeckSync.fill(n, 400, 0, t), [name, now] as const);
				await p.evaluate(([n, u, k]) => window.factdeckSync.connect(n, u, k), [
					name,
					server.url,
					key
				] as const);
			}
			await converged(
				[
					[a, name],
					[b, name]
				],
				60_000
			);
			for (const p of [a, b]) await p.evaluate((n) => window.factdeckSync.close(n), name);
			// Offline: 200 ratings each, 100 cards rated on both devices.
			await a.evaluate(([n, t]) => window.factdeckSync.rateRange(n, 0, 200, t), [
				name,
				now
			] as const);
			await b.evaluate(([n, t]) => window.factdeckSync.rateRange(n, 100, 300, t + 500), [
				name,
				now
			] as const);
			const t0 = performance.now();
			await Promise.all(
				[a, b].map((p) =>
					p.evaluate(([n, u, k]) => window.factdeckSync.connect(n, u, k), [
						name,
						server.url,
						key
					] as const)
				)
			);
			const print = await converged(
				[
					[a, name],
					[b, name]
				],
				60_000
			);
			convergeMs.push(print.at - t0);
			convergeCheck = print;
			if (print.reviews !== 400 || print.unique !== 400) {
				throw new Error(`expected 400 distinct reviews after merging, found ${print.reviews}`);
			}
			for (const p of [a, b]) await p.evaluate((n) => window.factdeckSync.close(n), name);
			log(`converge run ${run + 1}: ${Math.round(convergeMs[run]!)} ms`);
		}

		const uploadMs: number[] = [];
		/** The baseline, in the same run: writing the same deck into one device's IndexedDB. */
		const fillMs: number[] = [];
		const downloadMs: number[] = [];
		let big: Fingerprint | null = null;
		for (let run = 0; run < bigRuns; run++) {
			const name = `big-${run}`;
			const key = randomBytes(16).toString('hex');
			const f0 = performance.now();
			const filled = await a.evaluate(([n, c, r, t]) => window.factdeckSync.fill(n, c, r, t), [
				name,
				bigCards,
				bigReviews,
				now
			] as const);
			fillMs.push(performance.now() - f0);
			const profilers = profileDir ? await Promise.all([a, b].map(startProfile)) : [];
			const t0 = performance.now();
			await a.evaluate(([n, u, k]) => window.factdeckSync.connect(n, u, k), [
				name,
				server.url,
				key
			] as const);
			const t1 = (await converged([[a, name]], 120_000)).at;
			const t1b = performance.now();
			await b.evaluate(([n, u, k]) => window.factdeckSync.connect(n, u, k), [
				name,
				server.url,
				key
			] as const);
			const done = await converged(
				[
					[a, name],
					[b, name]
				],
				120_000
			);
			big = done;
			const t2 = done.at;
			if (big.cards !== filled.cards || big.reviews !== filled.reviews) {
				throw new Error(
					`B holds ${big.cards} cards and ${big.reviews} reviews, A had ${filled.cards}/${filled.reviews}`
				);
			}
			for (const [i, stop] of profilers.entries()) {
				mkdirSync(profileDir!, { recursive: true });
				writeFileSync(join(profileDir!, `first-sync-${run}-${'ab'[i]}.cpuprofile`), await stop());
			}
			uploadMs.push(t1 - t0);
			downloadMs.push(t2 - t1b);
			for (const p of [a, b]) await p.evaluate((n) => window.factdeckSync.close(n), name);
			log(
				`first sync run ${run + 1}: upload ${Math.round(t1 - t0)} ms, download ${Math.round(t2 - t1b)} ms (baseline: local fill ${Math.round(fillMs[run]!)} ms)`
			);
		}

		const firstSync = median(uploadMs.map((u, i) => u + downloadMs[i]!));
		const summary = {
			bench: 'sync',
			browser: browser.version(),
			machine: { cpus: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
			converge: {
				runs,
				ratingsPerDevice: 200,
				medianMs: Math.round(median(convergeMs)),
				reviews: convergeCheck?.reviews
			},
			firstSync: {
				runs: bigRuns,
				cards: big?.cards,
				reviews: big?.reviews,
				uploadMedianMs: Math.round(median(uploadMs)),
				downloadMedianMs: Math.round(median(downloadMs)),
				totalMedianMs: Math.round(firstSync),
				baselineFillMedianMs: Math.round(median(fillMs)),
				ratioToBaseline: Math.round((firstSync / median(fillMs)) * 100) / 100
			},
			targets: TARGETS,
			pass: {
				converge: median(convergeMs) <= TARGETS.convergeMs,
				firstSync: firstSync <= TARGETS.firstSyncMs
			}
		};
		log('');
		log(
			`two devices, 200 offline ratings each, converge (median of ${runs}): ${summary.converge.medianMs} ms  (target <= ${TARGETS.convergeMs} ms)`
		);
		log(
			`${bigCards} cards + ${bigReviews} reviews, first sync (median of ${bigRuns}): upload ${summary.firstSync.uploadMedianMs} ms + second device ${summary.firstSync.downloadMedianMs} ms = ${summary.firstSync.totalMedianMs} ms  (target <= ${TARGETS.firstSyncMs} ms); baseline, writing the same deck into one device's IndexedDB: ${summary.firstSync.baselineFillMedianMs} ms (first sync ${summary.firstSync.ratioToBaseline}x)`
		);
		console.log(JSON.stringify(summary));
		const out = join(root, 'bench-results');
		mkdirSync(out, { recursive: true });
		writeFileSync(join(out, 'sync.json'), JSON.stringify(summary, null, '\t') + '\n');
		return Object.values(summary.pass).every(Boolean) ? 0 : 1;
	} finally {
		await browser.close();
		await server.stop();
		web.close();
		rmSync(dir, { recursive: true, force: true });
	}
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
