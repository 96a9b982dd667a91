import { expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer } from '../src/lib/sync/testing';
import { expectNoAxeViolations } from './axe';
import { countReviewRows, waitForSeed } from './fixtures';

/** Every card's schedule and queue, as the screens read them, in id order. */
function cardStates(page: Page): Promise<string> {
	return page.evaluate(
		() =>
			new Promise<string>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('cards', 'readonly').objectStore('cards').getAll();
					req.onsuccess = () => {
						const rows = (req.result as Record<string, unknown>[])
							.map((c) => [c.id, c.due, c.stability, c.difficulty, c.reps, c.state, c.queue])
							.sort((x, y) => String(x[0]).localeCompare(String(y[0])));
						resolve(JSON.stringify(rows));
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

async function rate(page: Page, keys: string[]): Promise<void> {
	await page.goto('/review');
	const front = page.locator('#card-front');
	for (const key of keys) {
		await expect(front).toBeVisible();
		const before = await front.textContent();
		await page.keyboard.press('Space');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
		await page.keyboard.press(key);
		await expect(front).not.toHaveText(before!);
	}
}

const status = (page: Page) => page.getByTestId('sync-status');

test('two devices each rate offline, then converge through a real sync server', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const dir = await mkdtemp(join(tmpdir(), 'factdeck-e2e-sync-'));
	let server = await startTestServer(dir);
	const [ca, cb] = [await browser.newContext(), await browser.newContext()];
	try {
		const [a, b] = [await ca.newPage(), await cb.newPage()];
		await waitForSeed(a);
		await waitForSeed(b);

		// Device A creates a space.
		await a.goto('/settings');
		await expect(status(a)).toContainText('Off');
		await a.getByLabel('Sync server').fill(server.url);
		await a.getByRole('button', { name: 'Create a sync space' }).click();
		await expect(status(a)).toContainText('Synced', { timeout: 30_000 });
		await expect(a.getByRole('img', { name: 'QR code to join this sync space' })).toBeVisible();
		await a.getByRole('button', { name: 'Show the code' }).click();
		const code = (await a.getByTestId('sync-code').textContent())!.trim();
		expect(code).toMatch(/^([0-9A-Z]{4}-){6}[0-9A-Z]{4}$/);
		await expectNoAxeViolations(a, 'settings with a sync space');

		// Device B joins it by typing the code; a typo is caught first.
		await b.goto('/settings');
		await b.getByLabel('Sync server').fill(server.url);
		await b
			.getByLabel('Code from the other device')
			.fill(code.slice(0, -1) + (code.endsWith('A') ? 'B' : 'A'));
		await b.getByRole('button', { name: 'Join' }).click();
		await expect(b.getByRole('alert')).toContainText('typing mistake');
		await b.getByLabel('Code from the other device').fill(code.toLowerCase());
		await b.getByRole('button', { name: 'Join' }).click();
		await expect(status(b)).toContainText('Synced', { timeout: 30_000 });

		// The server goes away: both devices keep studying, offline.
		const port = server.port;
		await server.stop();
		await a.goto('/settings');
		await expect(status(a)).toContainText('Offline', { timeout: 20_000 });
		await rate(a, ['3', '1', '4']);
		await rate(b, ['2', '3']);
		expect(await countReviewRows(a)).toBe(3);
		expect(await countReviewRows(b)).toBe(2);

		// It comes back (same address, same store): both reconnect and merge.
		server = await startTestServer(dir, port);
		await a.goto('/settings');
		await b.goto('/settings');
		await expect(status(a)).toContainText('Synced', { timeout: 30_000 });
		await expect(status(b)).toContainText('Synced', { timeout: 30_000 });
		await expect.poll(() => countReviewRows(b), { timeout: 20_000 }).toBe(5);
		await expect.poll(() => countReviewRows(a), { timeout: 20_000 }).toBe(5);
		await expect.poll(async () => (await cardStates(a)) === (await cardStates(b))).toBe(true);

		// Leaving keeps this device's data.
		await b.getByRole('button', { name: 'Stop syncing on this device' }).click();
		await expect(status(b)).toContainText('Off');
		expect(await countReviewRows(b)).toBe(5);
	} finally {
		await ca.close();
		await cb.close();
		await server.stop();
		await rm(dir, { recursive: true, force: true });
	}
});

test('one tab syncs for every tab of the browser, and another takes over when it closes', async ({
	browser
}) => {
	test.setTimeout(150_000);
	const dir = await mkdtemp(join(tmpdir(), 'factdeck-e2e-sync-tabs-'));
	const server = await startTestServer(dir);
	const [ca, cb] = [await browser.newContext(), await browser.newContext()];
	const sockets = new Map<Page, number>();
	const watch = (page: Page) => {
		sockets.set(page, 0);
		page.on('websocket', (ws) => {
			if (ws.url().includes(`:${server.port}`)) sockets.set(page, sockets.get(page)! + 1);
		});
		return page;
	};
	try {
		const [first, second, other] = [
			watch(await ca.newPage()),
			watch(await ca.newPage()),
			watch(await cb.newPage())
		];
		await waitForSeed(first);
		await waitForSeed(other);

		// The first tab creates a space and syncs.
		await first.goto('/settings');
		await first.getByLabel('Sync server').fill(server.url);
		await first.getByRole('button', { name: 'Create a sync space' }).click();
		await expect(status(first)).toContainText('Synced', { timeout: 30_000 });
		await first.getByRole('button', { name: 'Show the code' }).click();
		const code = (await first.getByTestId('sync-code').textContent())!.trim();
		await other.goto('/settings');
		await other.getByLabel('Sync server').fill(server.url);
		await other.getByLabel('Code from the other device').fill(code);
		await other.getByRole('button', { name: 'Join' }).click();
		await expect(status(other)).toContainText('Synced', { timeout: 30_000 });

		// A second tab of the same browser shows the first tab's status and opens no connection.
		await second.goto('/settings');
		await expect(status(second)).toContainText('Synced', { timeout: 20_000 });
		await expect(status(second)).toContainText('another tab');
		// Its ratings are sent once, by the first tab.
		await rate(second, ['3', '4']);
		await expect.poll(() => countReviewRows(other), { timeout: 20_000 }).toBe(2);
		expect(await countReviewRows(first)).toBe(2);
		expect(sockets.get(second)).toBe(0);

		// The first tab closes: the second takes over the connection.
		await first.close();
		await second.goto('/settings');
		await expect(status(second)).toContainText('Synced', { timeout: 30_000 });
		await expect(status(second)).not.toContainText('another tab');
		expect(sockets.get(second)).toBeGreaterThan(0);
		await rate(second, ['2']);
		await expect.poll(() => countReviewRows(other), { timeout: 20_000 }).toBe(3);
	} finally {
		await ca.close();
		await cb.close();
		await server.stop();
		await rm(dir, { recursive: true, force: true });
	}
});
