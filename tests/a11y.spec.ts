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
		await page.getByRole('button', { name: /Both Britain and France declared/ }).click();
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

/** Every page past the sections, and the dialogs and menus on them, at 360 px. */
for (const scheme of ['light', 'dark'] as const) {
	test(`no accessibility violations on every other page, ${scheme}, 360 px`, async ({ page }) => {
		test.setTimeout(120_000);
		await page.setViewportSize({ width: 360, height: 740 });
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		const found: string[] = [];
		const check = async (what: string) => {
			await expect(page.locator('h1').first()).toBeVisible();
			found.push(...(await axeViolations(page, what)));
		};
		await page.goto('/library');
		await expect(page.getByRole('heading', { name: /Paris summit/ })).toBeVisible({
			timeout: 20_000
		});

		// Review's "More" menu, open.
		await page.goto('/review');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.locator('summary', { hasText: 'More' }).click();
		await check('review with More open');

		// The card editor, from the browser.
		await page.goto('/browse');
		await page.locator('li.row a.open').first().click();
		await expect(page).toHaveURL(/\/browse\/edit\?id=/);
		await check('card editor');

		// Settings: the optimiser's panel and the leave-without-saving dialog.
		await page.goto('/settings');
		await expect(page.getByTestId('optimise-needs')).toBeVisible();
		await page.getByLabel('Leech threshold').fill('5');
		await page.getByRole('link', { name: 'Stats', exact: true }).click();
		await expect(page.getByRole('dialog', { name: 'Leave without saving?' })).toBeVisible();
		await check('settings, leave without saving');
		await page.getByRole('button', { name: 'Leave without saving' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();

		// The classroom: a quiz built, then every page that shows it.
		await page.goto('/classroom/edit');
		await check('classroom builder, empty');
		await page.getByLabel('Title', { exact: true }).fill('Every page');
		const picker = page.getByRole('region', { name: 'Add questions from articles' });
		await picker.getByRole('button', { name: 'Select all shown' }).click();
		await picker.getByRole('button', { name: /^Add \d+ selected$/ }).click();
		await expect(page.getByRole('heading', { name: /^Questions \(\d+\)$/ })).toBeVisible();
		await page.getByRole('button', { name: 'Save quiz' }).click();
		await expect(page).toHaveURL(/\/classroom\/edit\?id=/);
		const id = new URL(page.url()).searchParams.get('id') ?? '';
		await page.goto(`/classroom/share?id=${id}`);
		await expect(page.getByRole('textbox', { name: 'Quiz link' })).toBeVisible();
		await check('classroom share');
		const link = await page.getByRole('textbox', { name: 'Quiz link' }).inputValue();
		for (const path of ['present', 'print', 'results', 'live']) {
			await page.goto(`/classroom/${path}?id=${id}`);
			await check(`classroom ${path}`);
		}
		await page.goto(link);
		await check('classroom join');
		await page.goto('/classroom/join/live');
		await check('classroom join live');
		expect(found).toEqual([]);
	});
}

/** The classroom builder once every shown question is in the quiz: its scrolling list stays reachable by keyboard. */
for (const scheme of ['light', 'dark'] as const) {
	test(`the classroom builder with every question added, ${scheme}, 360 px`, async ({ page }) => {
		await page.setViewportSize({ width: 360, height: 740 });
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await page.goto('/library');
		await expect(page.getByRole('heading', { name: /Paris summit/ })).toBeVisible({
			timeout: 20_000
		});
		await page.goto('/classroom/edit');
		const picker = page.getByRole('region', { name: 'Add questions from articles' });
		await picker.getByRole('button', { name: 'Select all shown' }).click();
		await picker.getByRole('button', { name: /^Add \d+ selected$/ }).click();
		await expect(page.getByRole('heading', { name: /^Questions \(\d+\)$/ })).toBeVisible();
		expect(await axeViolations(page, 'classroom builder, every question added')).toEqual([]);
	});
}
