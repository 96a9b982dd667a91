import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { mkdir } from 'node:fs/promises';
import { watchErrors } from './helpers';

/** Rates `count` cards Good on the Review page, as a learner would. */
async function reviewCards(page: Page, count: number): Promise<void> {
	await page.goto('/review');
	for (let i = 0; i < count; i++) {
		await page.getByRole('button', { name: /^Show answer/ }).click();
		await page.getByRole('button', { name: /^Good \S+, next in/ }).click();
		await expect(page.getByRole('status').filter({ hasText: /^Good\./ })).toBeAttached();
	}
}

/** The number the cards-by-state chart gives for one state. */
async function stateCount(page: Page, state: string): Promise<number> {
	const desc = (await page.locator('#states-desc').textContent()) ?? '';
	const match = new RegExp(`${state}: (\\d+)`).exec(desc);
	expect(match, `${state} in "${desc}"`).not.toBeNull();
	return Number(match![1]);
}

async function openStats(page: Page): Promise<void> {
	await page.goto('/stats');
	await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
	// The built-in deck is written on first run; wait until its cards are counted.
	await expect(page.locator('#states-desc')).toContainText(/New: [1-9]/);
}

test.describe('stats', () => {
	test('before any review: an honest empty state, and the seeded cards are still counted', async ({
		page
	}) => {
		const errors = watchErrors(page);
		await openStats(page);
		await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'Start reviewing' })).toHaveAttribute(
			'href',
			'/review'
		);
		await expect(page.getByRole('img', { name: /Reviews per day/ })).toHaveCount(0);
		expect(await stateCount(page, 'Learning')).toBe(0);
		const chart = page.getByRole('img', { name: 'Cards by state' });
		await expect(chart).toBeVisible();

		// The numbers are in a table too.
		const figure = page.getByRole('figure', { name: 'Cards by state' });
		await figure.getByText('Show as table').click();
		const table = figure.getByRole('table', { name: 'Cards by state' });
		await expect(table.getByRole('row', { name: /^New/ })).toBeVisible();

		// Mastery per article links to the article and says the percentage in words.
		const mastery = page.getByRole('region', { name: 'Mastery by article' });
		await expect(mastery.getByRole('link')).toHaveAttribute('href', /^\/library\/a-/);
		await expect(mastery.getByText('0% mastered')).toBeVisible();
		expect(errors).toEqual([]);
	});

	test('reviews made on the Review page show on the calendar, the counts and the forecast', async ({
		page
	}) => {
		const errors = watchErrors(page);
		await openStats(page);
		const newBefore = await stateCount(page, 'New');

		await reviewCards(page, 3);
		await openStats(page);

		await expect(page.getByTestId('total-reviews')).toHaveText('3');
		await expect(page.getByTestId('reviews-today')).toHaveText('3 reviews');
		const heatmap = page.getByRole('img', { name: /Reviews per day, last 13 weeks/ });
		await expect(heatmap).toBeVisible();
		await expect(heatmap.locator('rect.today')).toHaveAttribute('data-reviews', '3');
		expect(await heatmap.locator('rect.cell').count()).toBeGreaterThan(84);
		// The shapes are drawn: SVG elements with a size, on the calendar and on every chart.
		const drawn = await page.evaluate(() =>
			[...document.querySelectorAll('figure.chart > svg')].map((svg) => {
				const shape = svg.querySelector('rect, line, text');
				const box = shape instanceof SVGGraphicsElement ? shape.getBBox() : null;
				return box !== null && box.width + box.height > 0;
			})
		);
		expect(drawn.length).toBeGreaterThan(2);
		expect(drawn.every(Boolean)).toBe(true);

		expect(await stateCount(page, 'Learning')).toBe(3);
		expect(await stateCount(page, 'New')).toBe(newBefore - 3);

		// Learning cards come back today; the forecast counts them on the first bar.
		const forecast = page.getByRole('figure', { name: 'Cards due over the next 30 days' });
		await forecast.getByText('Show as table').click();
		await expect(forecast.getByRole('row', { name: 'Today (and overdue) 3' })).toBeVisible();

		await expect(page.getByTestId('retention-none')).toContainText('Not enough mature reviews yet');
		expect(errors).toEqual([]);
	});

	test('the page follows the database: a review in another tab updates it', async ({
		page,
		context
	}) => {
		await openStats(page);
		await expect(page.getByRole('heading', { name: 'No reviews yet' })).toBeVisible();
		const other = await context.newPage();
		await reviewCards(other, 1);
		await expect(page.getByTestId('reviews-today')).toHaveText('1 review');
		await other.close();
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const viewport of [
			{ name: 'phone', width: 360, height: 740 },
			{ name: 'desktop', width: 1280, height: 800 }
		]) {
			test(`no accessibility violations, ${scheme}, ${viewport.name}, empty and with reviews`, async ({
				page
			}) => {
				await page.setViewportSize({ width: viewport.width, height: viewport.height });
				await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
				const check = async (label: string) => {
					expect(await axeViolations(page, label)).toEqual([]);
					const overflow = await page.evaluate(
						() => document.documentElement.scrollWidth - document.documentElement.clientWidth
					);
					expect(overflow).toBeLessThanOrEqual(0);
				};
				await openStats(page);
				await check('empty');
				await reviewCards(page, 2);
				await openStats(page);
				await expect(page.getByTestId('total-reviews')).toHaveText('2');
				for (const summary of await page.getByText('Show as table').all()) await summary.click();
				await check('with reviews, tables open');
				if (viewport.width === 360) {
					await mkdir('/tmp/shots', { recursive: true });
					await page.screenshot({ path: `/tmp/shots/stats-360-${scheme}.png`, fullPage: true });
					const figures = await page.getByRole('figure').all();
					for (const [i, figure] of figures.entries()) {
						await figure.screenshot({ path: `/tmp/shots/stats-360-${scheme}-figure${i}.png` });
					}
				}
			});
		}
	}
});
