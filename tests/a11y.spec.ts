import { expect, test } from '@playwright/test';
import { axeVersion, axeViolations } from './axe';
import { SECTIONS } from './helpers';

const VIEWPORTS = [
	{ name: 'phone', width: 360, height: 740 },
	{ name: 'desktop', width: 1280, height: 800 }
] as const;

test('the checks run with axe-core 4.14 rules', async ({ page }) => {
	await page.goto('/');
	expect(await axeVersion(page)).toMatch(/^4\.14\./);
});

test('each navigation link is named by the label it shows, on a phone and a desktop', async ({
	page
}) => {
	for (const width of [360, 1280]) {
		await page.setViewportSize({ width, height: 740 });
		await page.goto('/');
		const links = page.getByRole('navigation', { name: 'Sections' }).getByRole('link');
		for (const link of await links.all()) {
			const shown = (await link.innerText()).trim();
			if (!shown) continue;
			await expect(link).toHaveAccessibleName(new RegExp(`\\b${shown}\\b`));
		}
		await expect(
			page.getByRole('link', { name: width < 768 ? 'Class' : 'Classroom' })
		).toBeVisible();
	}
});

for (const scheme of ['light', 'dark'] as const) {
	for (const viewport of VIEWPORTS) {
		test(`no accessibility violations in any section, ${scheme}, ${viewport.name}`, async ({
			page
		}) => {
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			for (const section of SECTIONS) {
				await page.goto(section.path);
				await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
				expect(await axeViolations(page, section.path)).toEqual([]);
				// Nothing is wider than the screen.
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
			}
		});
	}
}

for (const scheme of ['light', 'dark'] as const) {
	test(`no accessibility violations in study states, ${scheme}, phone`, async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		const check = async (what: string) => {
			expect(await axeViolations(page, what)).toEqual([]);
		};
		await page.goto('/library');
		await expect(page.getByRole('heading', { name: /Paris summit/ })).toBeVisible({
			timeout: 20_000
		});
		await check('library');
		await page.getByRole('button', { name: /^Delete Paris summit/ }).click();
		await check('delete dialog');
		await page.keyboard.press('Escape');

		await page
			.getByRole('heading', { name: /Paris summit/ })
			.getByRole('link')
			.click();
		await page.getByRole('button', { name: /Special Envoy Steve Witkoff/ }).click();
		await check('article with a sentence open');
		await page.getByRole('button', { name: 'Add a card' }).click();
		await check('new card dialog');
		await page.keyboard.press('Escape');

		await page.goto('/review');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await check('revealed card');

		await page.goto('/quiz');
		await check('quiz setup');
		await page.getByRole('button', { name: /^Start/ }).click();
		await check('quiz question');

		await page.goto('/library/add');
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByRole('alert')).toBeVisible();
		await check('add article with an error');
	});
}
