import { expect, test } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Learners who never sync or run a live class download none of that code: `/` (Today), with no
 * sync space set up, loads no Yjs, no Hocuspocus provider and neither Factdeck's sync nor its
 * live-classroom code. Each is recognised by a string its code carries; the build must contain
 * every one of them (else the check would pass for nothing), and no script `/` loads may.
 */
const MARKERS = {
	yjs: 'Yjs was already imported',
	'Hocuspocus provider': 'HocuspocusProvider::connect() is deprecated',
	'sync (src/lib/sync)': 'factdeck-sync-doc:',
	'live classroom (src/lib/live)': 'The live classroom server does not answer'
} as const;

function builtScripts(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) return builtScripts(path);
		return path.endsWith('.js') ? [path] : [];
	});
}

// The service worker's precache fetches every chunk on purpose; this is about what the page runs.
test.use({ serviceWorkers: 'block' });

test('/ loads no Yjs, Hocuspocus, sync or live-classroom code', async ({ page }) => {
	const built = builtScripts(join('build', '_app')).map((path) => readFileSync(path, 'utf8'));
	for (const [what, marker] of Object.entries(MARKERS)) {
		expect(
			built.some((text) => text.includes(marker)),
			`the build holds the ${what} code`
		).toBe(true);
	}

	const scripts = new Map<string, Promise<string>>();
	page.on('response', (response) => {
		const url = response.url();
		if (response.request().resourceType() === 'script' || url.endsWith('.js')) {
			scripts.set(url, response.text());
		}
	});
	await page.goto('/', { waitUntil: 'networkidle' });
	await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
	// A moment for anything loaded lazily after the first paint.
	await page.waitForLoadState('networkidle');
	expect(scripts.size).toBeGreaterThan(0);
	for (const [url, text] of scripts) {
		const body = await text;
		for (const [what, marker] of Object.entries(MARKERS)) {
			expect(body.includes(marker), `${url} carries ${what} code`).toBe(false);
		}
	}
});
