/**
 * Restoring a backup, in Chromium with real IndexedDB: a 20,000-card collection with 100,000
 * review-log rows (target <= 5 s, median), against a baseline of a tenth of it (2,000 cards,
 * 10,000 rows) restored in the same run; then a library above the old 50 MB backup limit, three
 * CSV decks of the largest size the app accepts. All go through the app's own path: the backup is
 * written as the Settings page writes it (a Blob) and read back by importBackup in replace mode
 * (checksum, schema, semantic checks, then the write).
 *
 * Memory: the peak of the page's JS heap (Runtime.getHeapUsage, sampled every few milliseconds
 * over the protocol, after a garbage collection) during one export and one restore, above the heap
 * before it. A sample is taken whenever the page yields, so a peak inside one long synchronous
 * step can be missed: a lower bound, the same way for every version.
 *
 * npx tsx scripts/bench/restore.ts [--cards N] [--runs N] [--decks N] [--personal]
 * (npm run bench -- restore)
 * Prints a table, then one line of JSON. Exits 1 when a target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CDPSession, Page } from '@playwright/test';
import { option, withBenchPage } from './db';

const TARGET_MS = 5000;
const REVIEWS_PER_CARD = 5;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

const MB = 1048576;
/** --personal: every review row carries a learner's own FSRS parameters (the largest rows). */
const personal = process.argv.includes('--personal');

/** Runs `work` and returns its result with the peak JS heap above the heap before it, in bytes. */
async function peakHeap<T>(cdp: CDPSession, work: () => Promise<T>): Promise<[T, number]> {
	await cdp.send('HeapProfiler.collectGarbage');
	const base = (await cdp.send('Runtime.getHeapUsage')).usedSize;
	let peak = base;
	let done = false;
	const sampling = (async () => {
		while (!done) {
			peak = Math.max(peak, (await cdp.send('Runtime.getHeapUsage')).usedSize);
			await new Promise((r) => setTimeout(r, 5));
		}
	})();
	try {
		return [await work(), peak - base];
	} finally {
		done = true;
		await sampling;
	}
}

/** One export and one restore of the collection `name`, each with its peak heap. */
async function memoryOf(page: Page, cdp: CDPSession, name: string, now: number) {
	const [exp, exportHeap] = await peakHeap(cdp, () =>
		page.evaluate(([n, t]) => window.factdeckBench.exportOnce(n, t), [name, now] as const)
	);
	const [imp, restoreHeap] = await peakHeap(cdp, () =>
		page.evaluate((n) => window.factdeckBench.restoreOnce(n), `${name}-memory`)
	);
	return { exportHeap, restoreHeap, exportMs: exp.ms, bytes: exp.bytes, restore: imp };
}

/** Fills a collection, writes its backup, then restores it `runs` times into fresh databases. */
async function restoreOf(page: Page, cdp: CDPSession, cards: number, runs: number, now: number) {
	const name = `restore-${cards}`;
	await page.evaluate(([n, c, r, t, p]) => window.factdeckBench.populate(n, c, r, t, p), [
		name,
		cards,
		cards * REVIEWS_PER_CARD,
		now,
		personal
	] as const);
	const exp = await page.evaluate(([n, t]) => window.factdeckBench.timeExport(n, t, 1), [
		name,
		now
	] as const);
	const imp = await page.evaluate(([n, k]) => window.factdeckBench.timeImport(n, k), [
		`${name}-import`,
		runs
	] as const);
	if (imp.cards !== cards) throw new Error(`restored ${imp.cards} cards, expected ${cards}`);
	const memory = await memoryOf(page, cdp, name, now);
	await page.evaluate(() => window.factdeckBench.forget());
	return {
		cards,
		bytes: exp.bytes,
		median: imp.median,
		validateMedian: imp.parseMedian,
		rawWriteMedian: imp.rawWriteMedian,
		exportMs: exp.median,
		exportHeap: memory.exportHeap,
		restoreHeap: memory.restoreHeap
	};
}

/**
 * A library above the old backup limit (three of the largest CSV decks): one export and `runs`
 * restores, the first with its peak heap. A version that refuses the file says so.
 */
async function largeOf(page: Page, cdp: CDPSession, decks: number, runs: number, now: number) {
	const name = `restore-csv-${decks}`;
	const filled = await page.evaluate(([n, d, t]) => window.factdeckBench.populateCsv(n, d, t), [
		name,
		decks,
		now
	] as const);
	const memory = await memoryOf(page, cdp, name, now);
	const times = [memory.restore.ms];
	for (let i = 1; i < runs && !memory.restore.refused; i++) {
		const r = await page.evaluate((n) => window.factdeckBench.restoreOnce(n), `${name}-${i}`);
		times.push(r.ms);
	}
	await page.evaluate(() => window.factdeckBench.forget());
	if (!memory.restore.refused && memory.restore.cards !== filled.cards) {
		throw new Error(`restored ${memory.restore.cards} cards, expected ${filled.cards}`);
	}
	const sorted = [...times].sort((a, b) => a - b);
	return {
		decks,
		cards: filled.cards,
		bytes: memory.bytes,
		exportMs: memory.exportMs,
		median: sorted[sorted.length >> 1]!,
		exportHeap: memory.exportHeap,
		restoreHeap: memory.restoreHeap,
		refused: memory.restore.refused
	};
}

function rounded<T extends Record<string, number>>(r: T): T {
	return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)])) as T;
}

async function main(argv = process.argv.slice(2)): Promise<number> {
	const cards = option(argv, '--cards', 20_000);
	const runs = option(argv, '--runs', 5);
	const decks = option(argv, '--decks', 3);
	const now = Date.parse('2026-06-01T09:00:00Z');
	return withBenchPage(async (page, browser) => {
		const cdp = await page.context().newCDPSession(page);
		const base = await restoreOf(page, cdp, Math.round(cards / 10), runs, now);
		const full = await restoreOf(page, cdp, cards, runs, now);
		const large = await largeOf(page, cdp, decks, Math.min(runs, 3), now);
		const ratio = full.median / base.median;
		const heap = (r: { exportHeap: number; restoreHeap: number }) =>
			`peak heap export +${(r.exportHeap / MB).toFixed(1)} MB, restore +${(r.restoreHeap / MB).toFixed(1)} MB`;
		const rows = [full, base].map(
			(r) =>
				`restore ${r.cards} cards (${(r.bytes / MB).toFixed(1)} MB), median of ${runs}: ${Math.round(r.median)} ms (reading and checking ${Math.round(r.validateMedian)} ms; baseline: the same rows put by raw IndexedDB ${Math.round(r.rawWriteMedian)} ms); export ${Math.round(r.exportMs)} ms; ${heap(r)}`
		);
		rows.push(
			`${large.decks} largest CSV decks, ${large.cards} cards (${(large.bytes / MB).toFixed(1)} MB): export ${Math.round(large.exportMs)} ms; ${large.refused ? `restore REFUSED: ${large.refused.slice(0, 120)}` : `restore median ${Math.round(large.median)} ms`}; ${heap(large)}`
		);
		for (const row of rows) console.log(row);
		console.log(
			`ratio ${full.cards} / ${base.cards} cards: ${ratio.toFixed(2)} (10 would be linear); target <= ${TARGET_MS} ms`
		);
		const summary = {
			bench: 'restore',
			browser: browser.version(),
			machine: { cpus: cpus().length, loadAverage1m: Math.round((loadavg()[0] ?? 0) * 10) / 10 },
			runs,
			full: rounded(full),
			baseline: rounded(base),
			large: { ...rounded({ ...large, refused: 0 }), refused: large.refused },
			ratio: Math.round(ratio * 100) / 100,
			targetMs: TARGET_MS,
			pass: full.median <= TARGET_MS && !large.refused
		};
		console.log(JSON.stringify(summary));
		mkdirSync(join(root, 'bench-results'), { recursive: true });
		writeFileSync(
			join(root, 'bench-results', 'restore.json'),
			JSON.stringify(summary, null, '\t') + '\n'
		);
		return summary.pass ? 0 : 1;
	});
}

main().then(
	(code) => process.exit(code),
	(e: unknown) => {
		console.error(e);
		process.exit(2);
	}
);
