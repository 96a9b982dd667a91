/**
 * Restoring a backup, in Chromium with real IndexedDB: a 20,000-card collection with 100,000
 * review-log rows (target <= 5 s, median), against a baseline of a tenth of it (2,000 cards,
 * 10,000 rows) restored in the same run. Both go through the app's own path: the backup is written
 * by exportBackup and read back by importBackup in replace mode (checksum, schema, semantic checks,
 * then the write).
 *
 * npx tsx scripts/bench/restore.ts [--cards N] [--runs N]   (npm run bench -- restore)
 * Prints a table, then one line of JSON. Exits 1 when the target is missed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { option, withBenchPage } from './db';

const TARGET_MS = 5000;
const REVIEWS_PER_CARD = 5;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Fills a collection, writes its backup, then restores it `runs` times into fresh databases. */
async function restoreOf(page: Page, cards: number, runs: number, now: number) {
	const name = `restore-${cards}`;
	await page.evaluate(([n, c, r, t]) => window.factdeckBench.populate(n, c, r, t), [
		name,
		cards,
		cards * REVIEWS_PER_CARD,
		now
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
	return {
		cards,
		bytes: exp.bytes,
		median: imp.median,
		validateMedian: imp.parseMedian,
		rawWriteMedian: imp.rawWriteMedian
	};
}

function rounded<T extends Record<string, number>>(r: T): T {
	return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v)])) as T;
}

async function main(argv = process.argv.slice(2)): Promise<number> {
	const cards = option(argv, '--cards', 20_000);
	const runs = option(argv, '--runs', 5);
	const now = Date.parse('2026-06-01T09:00:00Z');
	return withBenchPage(async (page, browser) => {
		const base = await restoreOf(page, Math.round(cards / 10), runs, now);
		const full = await restoreOf(page, cards, runs, now);
		const ratio = full.median / base.median;
		const rows = [full, base].map(
			(r) =>
				`restore ${r.cards} cards (${(r.bytes / 1048576).toFixed(1)} MB), median of ${runs}: ${Math.round(r.median)} ms (reading and checking ${Math.round(r.validateMedian)} ms; baseline: the same rows put by raw IndexedDB ${Math.round(r.rawWriteMedian)} ms)`
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
			ratio: Math.round(ratio * 100) / 100,
			targetMs: TARGET_MS,
			pass: full.median <= TARGET_MS
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
