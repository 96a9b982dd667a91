/**
 * Review screen speed, as the learner feels it: from pressing a rating key to the next card
 * painted, in the built app in Chromium with real IndexedDB, with 20,000 cards in the database
 * (budget: 50 ms median). The baseline, measured in the same run, is the same step with only the
 * built-in deck. Run: `npm run bench -- review-ui` (builds the app first).
 */
import { chromium, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { serve } from '../serve.mjs';
import { CHROMIUM_ARGS, executablePath } from '../../tests/chromium';

const CARDS = Number(process.env.BENCH_CARDS ?? 20_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const BUDGET_MS = 50;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * In the page: press 3 (Good) and resolve with the milliseconds until the next card is on screen
 * and a frame has been painted. A string, so the bundler adds nothing to it.
 */
const TIME_ONE_RATING = `new Promise((resolve, reject) => {
	const before = document.querySelector('#card-front')?.textContent;
	const t0 = performance.now();
	document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '3', bubbles: true }));
	const check = () => {
		const front = document.querySelector('#card-front');
		const revealed = document.querySelector('[aria-label="Answer"]');
		if (front && front.textContent !== before && !revealed) {
			requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
		} else if (performance.now() - t0 > 5000) {
			reject(new Error('the next card never came'));
		} else {
			requestAnimationFrame(check);
		}
	};
	requestAnimationFrame(check);
})`;

/** Reveals the card, then times one rating (key 3) until the next card has been painted. */
async function timeRatings(page: Page, runs: number): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('group', { name: 'How well did you remember?' }).waitFor();
		const ms = (await page.evaluate(TIME_ONE_RATING)) as number;
		times.push(ms);
	}
	return times;
}

/** Adds `count` due review cards to the app's database, cloned from a seeded card. */
async function addCards(page: Page, count: number): Promise<void> {
	await page.evaluate(
		(n) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('cards', 'readwrite');
					const store = tx.objectStore('cards');
					const first = store.openCursor();
					first.onsuccess = () => {
						const template = first.result?.value as Record<string, unknown> | undefined;
						if (!template) return reject(new Error('no seeded card to copy'));
						const now = Date.now();
						for (let i = 0; i < n; i++) {
							const due = now - (i % 2 === 0 ? 86_400_000 : -30 * 86_400_000);
							store.put({
								...template,
								id: `bench-${i}`,
								front: `Bench card ${i}: what does the article say?`,
								state: 2,
								queue: 2,
								due,
								stability: 10 + (i % 50),
								difficulty: 5,
								reps: 3,
								lapses: 0,
								elapsedDays: 10,
								scheduledDays: 10,
								learningSteps: 0,
								lastReview: due - 10 * 86_400_000,
								order: 1000 + i
							});
						}
					};
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		count
	);
}

execSync('npx vite build', { stdio: 'ignore' });
const server = await serve({ dir: 'build', port: 0 });
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
try {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	const page = await context.newPage();
	await page.goto(server.url + '/library');
	await page.getByRole('heading', { name: /Paris summit/ }).waitFor({ timeout: 30_000 });

	await page.goto(server.url + '/review');
	const baseline = await timeRatings(page, Math.min(RUNS, 15));

	await addCards(page, CARDS);
	await page.goto(server.url + '/review');
	const loaded = await timeRatings(page, RUNS);

	const rows = [
		{ case: 'built-in deck only (baseline)', runs: baseline.length, medianMs: median(baseline) },
		{
			case: `with ${CARDS.toLocaleString('en')} more cards`,
			runs: loaded.length,
			medianMs: median(loaded)
		}
	].map((r) => ({ ...r, medianMs: Math.round(r.medianMs * 10) / 10 }));
	console.table(rows);
	const ratio = median(loaded) / median(baseline);
	console.log(
		`Rating to next card painted, ${CARDS} cards: ${median(loaded).toFixed(1)} ms median (budget ${BUDGET_MS} ms), ${ratio.toFixed(2)}x the baseline`
	);
	console.log(
		JSON.stringify({
			bench: 'review-ui',
			cards: CARDS,
			baselineMedianMs: median(baseline),
			medianMs: median(loaded),
			ratio,
			withinBudget: median(loaded) <= BUDGET_MS
		})
	);
} finally {
	await browser.close();
	await server.close();
}
