import { expect, type Page } from '@playwright/test';

export const SECTIONS = [
	{ path: '/', heading: 'Today' },
	{ path: '/library', heading: 'Library' },
	{ path: '/review', heading: 'Review' },
	{ path: '/browse', heading: 'Browse cards' },
	{ path: '/classroom', heading: 'Classroom' },
	{ path: '/stats', heading: 'Stats' },
	{ path: '/settings', heading: 'Settings' }
] as const;

/** Collects console errors and uncaught page errors for the life of the page. */
export function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

/** Waits until the service worker is active and controls the page. */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	}
	expect(await page.evaluate(() => navigator.serviceWorker.controller?.state)).toBe('activated');
}
