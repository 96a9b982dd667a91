import { expect, test, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expectNoAxeViolations } from './axe';
import { addWrittenArticles, allRows, waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

const DAY = 86_400_000;
const REVIEWS_PER_CARD = 24;

interface Batch {
	table: string;
	rows: unknown[];
}

/** The checksum of a backup in lines: the SHA-256 of its lines' SHA-256 digests, last line aside. */
function linesChecksum(lines: string[]): string {
	const all = Buffer.concat(lines.map((l) => createHash('sha256').update(l, 'utf8').digest()));
	return `sha256-${createHash('sha256').update(all).digest('hex')}`;
}

/**
 * A review history for every card of an exported backup: a first rating and its learning step ten
 * minutes later (the same day, as the app's learning steps make), then a review every 1 to 13
 * days for 23 more, forgetting far more often after long gaps than the standard parameters
 * expect, so parameters fitted to it predict it better. Deterministic. Written back as the app
 * writes backups (one JSON record per line, a card's reviews together) and resealed with its
 * checksum.
 */
function withHistory(file: string, now: number): { text: string; cards: number } {
	const lines = file.split('\n').filter((l) => l.trim() !== '');
	const head = lines[0]!;
	const end = JSON.parse(lines[lines.length - 1]!) as {
		counts: Record<string, number>;
		checksum: string;
	};
	const batches = lines.slice(1, -1).map((l) => JSON.parse(l) as Batch);
	const cards = batches
		.filter((b) => b.table === 'cards')
		.flatMap((b) => b.rows as { id: string; queue: number }[])
		.filter((c) => c.queue >= 0);
	const reviews: unknown[][] = [];
	let seed = 11;
	const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
	for (const card of cards) {
		// Each card's first rating falls around noon (UTC, the machine's zone in CI), so its learning
		// step ten minutes later never crosses the 4 am day start and every count below is exact.
		let at = now - (now % DAY) - 300 * DAY + 11 * 3_600_000 + Math.floor(random() * 2 * 3_600_000);
		let previous = at;
		let lastElapsed = 0;
		for (let k = 0; k < REVIEWS_PER_CARD; k++) {
			const gap = k === 0 ? 0 : 1 + ((k * 5 + Math.floor(random() * 7)) % 13);
			at += gap * DAY;
			const forgot = k > 0 && random() < 1 - Math.pow(0.5, gap / 4);
			const rating = forgot ? 1 : random() < 0.15 ? 4 : 3;
			// prettier-ignore
			reviews.push([card.id, at, rating, k === 0 ? 0 : 2, previous, previous, k === 0 ? 0 : 2 + gap, k === 0 ? 0 : 5, gap, lastElapsed, gap, 0, 0.9, 36500, true, 0, null, null]);
			lastElapsed = gap;
			previous = at;
			if (k === 0) {
				// The learning step: same day, ten minutes on.
				const step = at + 600_000;
				// prettier-ignore
				reviews.push([card.id, step, 3, 1, at, step, 2, 5, 0, 0, 0, 1, 0.9, 36500, true, 0, null, null]);
				previous = step;
			}
		}
	}
	// The history replaces any reviews; it goes right after the last line of cards.
	const kept = batches.filter((b) => b.table !== 'reviews');
	const after = kept.findLastIndex((b) => b.table === 'cards') + 1;
	const added: Batch[] = [];
	for (let i = 0; i < reviews.length; i += 2000)
		added.push({ table: 'reviews', rows: reviews.slice(i, i + 2000) });
	const body = [
		head,
		...[...kept.slice(0, after), ...added, ...kept.slice(after)].map((b) => JSON.stringify(b))
	];
	end.counts.reviews = reviews.length;
	end.checksum = linesChecksum(body);
	return { text: `${[...body, JSON.stringify(end)].join('\n')}\n`, cards: cards.length };
}

/** The parameters stored with the scheduling settings, read straight from IndexedDB. */
async function storedWeights(page: Page): Promise<number[] | null> {
	return page.evaluate(
		() =>
			new Promise<number[] | null>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('settings').objectStore('settings').get('srs');
					req.onsuccess = () => {
						db.close();
						const value = (req.result as { value?: { weights?: number[] } } | undefined)?.value;
						resolve(value?.weights ?? null);
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

const number = async (page: Page, id: string) => Number(await page.getByTestId(id).textContent());

test('with enough reviews on enough cards the schedule is fitted to them, compared, applied and stored', async ({
	page
}) => {
	test.setTimeout(120_000);
	const errors = watchErrors(page);
	await page.setViewportSize({ width: 360, height: 640 });
	await waitForSeed(page);
	await page.goto('/settings');
	const panel = page.getByRole('region', { name: 'Personal schedule' });
	// A fresh device has no reviews: the panel says how many are missing, and offers nothing.
	await expect(panel.getByTestId('optimise-needs')).toContainText('You have 0 on 0 cards.');
	await expect(panel.getByRole('button', { name: 'Optimise my schedule' })).toHaveCount(0);

	// A long review history arrives through the app's own restore (merge).
	// A second copy of the built-in article, so the history covers twice as many cards.
	const seed = (await allRows<{ text: string; builtIn?: boolean }>(page, 'articles')).find(
		(a) => a.builtIn
	);
	expect(seed).toBeDefined();
	await page.goto('/library/add');
	await page.getByLabel('Title').fill('Second copy');
	await page.getByLabel('Article text').fill(`${seed!.text}\n\nThe talks went on late.`);
	await page.getByRole('button', { name: 'Make quiz and cards' }).click();
	await page.getByRole('button', { name: 'Add as a new article' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Second copy' })).toBeVisible({
		timeout: 30_000
	});
	// And three more articles, so the cards are enough whatever the built-in deck's size.
	await addWrittenArticles(page);
	await page.goto('/settings');

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const exported = await readFile(await (await downloading).path(), 'utf8');
	const { text, cards } = withHistory(exported, Date.now());
	// Enough for the optimiser: 23 reviews a day or more apart on each card.
	expect(cards).toBeGreaterThanOrEqual(40);
	await page.getByLabel('Backup file').setInputFiles({
		name: 'history.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await page.getByRole('radio', { name: /^Merge/ }).check();
	await page.getByRole('button', { name: 'Restore from backup' }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Merged/ })).toBeVisible();

	await expect(panel.getByTestId('parameters-in-use')).toContainText('standard parameters');
	const optimise = panel.getByRole('button', { name: 'Optimise my schedule' });
	await expect(optimise).toBeEnabled();
	await optimise.click();
	// While the worker fits, the page still answers.
	const dark = page.getByRole('radio', { name: 'Dark' });
	await dark.check();
	await expect(dark).toBeChecked();
	await page.getByRole('radio', { name: 'Match the system' }).check();

	await expect(panel.getByRole('table')).toBeVisible({ timeout: 60_000 });
	await expect(panel.getByRole('table')).toContainText(
		`your ${(cards * (REVIEWS_PER_CARD - 1)).toLocaleString('en')} reviews`
	);
	const before = await number(page, 'logloss-before');
	const after = await number(page, 'logloss-after');
	expect(before).toBeGreaterThan(0);
	expect(after).toBeLessThan(before);
	expect(await number(page, 'rmse-after')).toBeGreaterThan(0);
	await expect(panel.getByTestId('optimise-verdict')).toContainText('predict your history better');
	expect(await storedWeights(page)).toBeNull();
	for (const scheme of ['dark', 'light'] as const) {
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await expectNoAxeViolations(page, `optimise result, ${scheme}`);
	}

	await panel.getByRole('button', { name: 'Apply these parameters' }).click();
	await expect(panel.getByRole('status')).toContainText('Applied');
	await expect(panel.getByRole('button', { name: 'Apply these parameters' })).toHaveCount(0);
	const stored = await storedWeights(page);
	expect(stored).toHaveLength(21);
	expect(stored!.every(Number.isFinite)).toBe(true);

	// Kept after a reload, shown, and the scheduling form still saves around them.
	await page.reload();
	await expect(panel.getByTestId('parameters-in-use')).toContainText('your own parameters');
	await panel.getByText('Your parameters').click();
	await expect(panel.getByTestId('weights')).toHaveText(stored!.join(', '));
	await page.getByLabel('Leech threshold').fill('6');
	await page.getByRole('button', { name: 'Save settings' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
	expect(await storedWeights(page)).toEqual(stored);
	await expectNoAxeViolations(page, 'own parameters in use');

	await panel.getByRole('button', { name: 'Go back to the standard parameters' }).click();
	await expect(panel.getByTestId('parameters-in-use')).toContainText('standard parameters');
	expect(await storedWeights(page)).toBeNull();
	expect(errors).toEqual([]);
});
