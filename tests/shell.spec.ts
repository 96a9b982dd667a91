import { chromium, expect, test } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '../scripts/serve.mjs';
import { CHROMIUM_ARGS, executablePath } from './chromium';
import { SECTIONS, waitForServiceWorkerControl, watchErrors } from './helpers';

test.describe('app shell', () => {
	test('every section loads with no console errors and its navigation marks it current', async ({
		page
	}) => {
		const errors = watchErrors(page);
		for (const section of SECTIONS) {
			await page.goto(section.path);
			await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
			await expect(
				page
					.getByRole('navigation', { name: 'Sections' })
					.getByRole('link', { name: section.heading })
			).toHaveAttribute('aria-current', 'page');
		}
		expect(errors).toEqual([]);
	});

	test('the navigation moves between sections by keyboard, and the skip link reaches the content', async ({
		page
	}) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Skip to content' });
		await expect(skip).toBeFocused();
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
		await page.getByRole('link', { name: 'Stats' }).focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/stats$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
	});

	test('the manifest is linked and valid, with icons of the sizes it claims', async ({
		page,
		request
	}) => {
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBeTruthy();
		const response = await request.get(new URL(href!, page.url()).toString());
		expect(response.ok()).toBe(true);
		expect(response.headers()['content-type']).toContain('application/manifest+json');
		const manifest = await response.json();
		expect(manifest).toMatchObject({
			name: 'Factdeck',
			short_name: 'Factdeck',
			start_url: '/',
			scope: '/',
			display: 'standalone'
		});
		expect(manifest.description.length).toBeGreaterThan(10);
		expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
		expect(manifest.background_color).toMatch(/^#[0-9a-f]{6}$/i);
		const purposes = new Set<string>();
		for (const icon of manifest.icons as { src: string; sizes: string; purpose: string }[]) {
			const png = await request.get(new URL(icon.src, page.url()).toString());
			expect(png.ok()).toBe(true);
			const bytes = await png.body();
			const width = bytes.readUInt32BE(16);
			const height = bytes.readUInt32BE(20);
			expect(`${width}x${height}`).toBe(icon.sizes);
			purposes.add(icon.purpose);
		}
		expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(
			expect.arrayContaining(['192x192', '512x512'])
		);
		expect(purposes).toContain('maskable');
		await expect(page.locator('meta[name="theme-color"]').first()).toHaveAttribute('content', /#/);
		await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
	});

	test('Chromium reports the app installable', async ({ baseURL }) => {
		// Installability is judged in a normal profile only, never in an incognito-like context.
		const profile = await mkdtemp(join(tmpdir(), 'factdeck-profile-'));
		const context = await chromium.launchPersistentContext(profile, {
			executablePath,
			args: CHROMIUM_ARGS
		});
		try {
			const page = await context.newPage();
			await page.goto(baseURL + '/');
			await waitForServiceWorkerControl(page);
			const cdp = await context.newCDPSession(page);
			const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
			expect(installabilityErrors).toEqual([]);
		} finally {
			await context.close();
			await rm(profile, { recursive: true, force: true });
		}
	});

	test('the service worker takes control and every section renders offline', async ({
		page,
		context
	}) => {
		const errors = watchErrors(page);
		await page.goto('/');
		await waitForServiceWorkerControl(page);
		await context.setOffline(true);
		for (const section of SECTIONS) {
			await page.goto(section.path);
			await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
		}
		expect(errors).toEqual([]);
		// An address the app does not know renders the not-found page from the fallback shell.
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
		await expect(page.getByRole('navigation', { name: 'Sections' })).toBeVisible();
		await context.setOffline(false);
	});

	test('a chosen theme is kept across reloads', async ({ page }) => {
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto('/settings');
		await page.getByRole('radio', { name: 'Dark' }).check();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await page.reload();
		await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
		await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
		const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
		expect(background).toBe('rgb(15, 23, 36)');
		await page.getByRole('radio', { name: 'Match the system' }).check();
		await page.reload();
		await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
	});
});

test.describe('updates', () => {
	let dir = '';
	let server: { url: string; close: () => Promise<void> } | undefined;

	test.beforeEach(async () => {
		// A private copy of the build, so changing its service worker affects no other test.
		dir = await mkdtemp(join(tmpdir(), 'factdeck-sw-'));
		await cp('build', dir, { recursive: true });
		server = await serve({ dir, port: 0 });
	});

	test.afterEach(async () => {
		await server?.close();
		await rm(dir, { recursive: true, force: true });
	});

	test('a new service worker version shows the reload prompt, and Reload activates it', async ({
		page
	}) => {
		await page.goto(server!.url + '/');
		await waitForServiceWorkerControl(page);
		await expect(page.getByText('A new version is ready')).toHaveCount(0);

		const file = join(dir, 'service-worker.js');
		await writeFile(file, (await readFile(file, 'utf8')) + '\n// next version\n');
		await page.evaluate(async () => {
			const registration = await navigator.serviceWorker.getRegistration();
			await registration?.update();
		});

		await expect(page.getByText('A new version is ready')).toBeVisible();
		const reloaded = page.waitForEvent('load');
		await page.getByRole('button', { name: 'Reload' }).click();
		await reloaded;
		await waitForServiceWorkerControl(page);
		const waiting = await page.evaluate(
			async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null
		);
		expect(waiting).toBeNull();
		await expect(page.getByText('A new version is ready')).toHaveCount(0);
	});
});
