import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { waitForSeed } from './fixtures';

/** Reads the cards' queue values from the app's database. */
function cardQueues(page: Page): Promise<Record<string, number>> {
	return page.evaluate(
		() =>
			new Promise<Record<string, number>>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const req = open.result.transaction('cards').objectStore('cards').getAll();
					req.onsuccess = () => {
						const out: Record<string, number> = {};
						for (const c of req.result as { front: string; queue: number }[])
							out[c.front] = c.queue;
						open.result.close();
						resolve(out);
					};
				};
			})
	);
}

test.describe('card browser at 360x640', () => {
	test.use({ viewport: { width: 360, height: 640 } });

	test('search, select, suspend, find among suspended, unsuspend and delete', async ({ page }) => {
		await waitForSeed(page);
		await page.goto('/browse');
		await expect(page.getByRole('heading', { level: 1, name: 'Browse cards' })).toBeVisible();
		const list = page.getByRole('region', { name: /Cards/ });
		await expect(list.getByRole('listitem').first()).toBeVisible();
		const total = Number(
			(await page.getByText(/ of [\d,]+ cards/).textContent())!
				.match(/of ([\d,]+)/)![1]!
				.replace(',', '')
		);
		expect(total).toBeGreaterThan(5);

		// Search narrows the list; every word must match.
		await page.getByRole('searchbox', { name: 'Search' }).fill('summit');
		const shown = list.getByRole('listitem');
		await expect(shown.first()).toContainText(/summit/i);

		// Select the first two, suspend them.
		await page.getByRole('searchbox', { name: 'Search' }).fill('');
		const first = (await shown.nth(0).getByRole('link').textContent())!.trim();
		const second = (await shown.nth(1).getByRole('link').textContent())!.trim();
		await shown.nth(0).getByRole('checkbox').check();
		await shown.nth(1).getByRole('checkbox').check();
		await expect(page.getByText('2 selected')).toBeVisible();
		const actions = page.getByRole('group', { name: 'Change the selected cards' });
		// The bulk actions fit the phone screen.
		const box = await actions.boundingBox();
		expect(box!.x + box!.width).toBeLessThanOrEqual(360);
		await actions.getByRole('button', { name: 'Suspend', exact: true }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Suspended 2 cards.' })).toBeAttached();
		let queues = await cardQueues(page);
		expect(queues[first]).toBe(-1);
		expect(queues[second]).toBe(-1);

		// The suspended filter lists exactly them; unsuspend one.
		await page.getByRole('combobox', { name: 'Show' }).selectOption('suspended');
		await expect(shown).toHaveCount(2);
		await page.getByRole('checkbox', { name: /Select all 2 shown/ }).uncheck();
		await shown.filter({ hasText: first }).getByRole('checkbox').check();
		await page.getByRole('button', { name: 'Unsuspend' }).click();
		await expect(shown).toHaveCount(1);
		queues = await cardQueues(page);
		expect(queues[first]).toBe(0);

		// Delete asks first, then takes the card out of the list.
		await page.getByRole('checkbox', { name: /Select all 1 shown/ }).check();
		await actions.getByRole('button', { name: 'Delete' }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete 1 card?' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Delete' }).click();
		await expect(page.getByText('No cards match.')).toBeVisible();
		await page.getByRole('combobox', { name: 'Show' }).selectOption('all');
		await expect(page.getByText(`of ${(total - 1).toLocaleString()} cards`)).toBeVisible();
		queues = await cardQueues(page);
		expect(queues[second]).toBe(-3);
	});

	test('review now and reschedule many cards; keyboard moves through the list', async ({
		page
	}) => {
		await waitForSeed(page);
		await page.goto('/browse');
		const list = page.getByRole('region', { name: /Cards/ });
		await expect(list.getByRole('listitem').first()).toBeVisible();
		await page.getByRole('checkbox', { name: /Select all/ }).check();
		await page.getByRole('button', { name: 'Reschedule…' }).click();
		await page.getByRole('spinbutton', { name: /Due in how many days/ }).fill('3');
		await page.getByRole('button', { name: 'Set due date' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: /Rescheduled \d+ cards/ })
		).toBeAttached();
		await page.getByRole('button', { name: 'Review now' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: /Moved to review now: \d+ cards/ })
		).toBeAttached();

		// Arrow keys move focus from card to card, scrolling the list.
		await list.getByRole('link').first().focus();
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('ArrowDown');
		await expect(list.locator('[data-index="2"] a')).toBeFocused();
		await page.keyboard.press('End');
		const last = await list.locator('li').last().getAttribute('aria-posinset');
		await expect(list.locator(`[data-index="${Number(last) - 1}"] a`)).toBeFocused();
	});

	test('edit a card with its question and source sentence; flag it', async ({ page }) => {
		await waitForSeed(page);
		await page.goto('/browse');
		const list = page.getByRole('region', { name: /Cards/ });
		await list.getByRole('link').first().click();
		await expect(page.getByRole('heading', { level: 1, name: 'Edit card' })).toBeVisible();
		await expect(page.getByText('Source sentence')).toBeVisible();
		const front = page.getByRole('textbox', { name: 'Front' });
		await front.fill('Edited front for the test?');
		await page.getByRole('button', { name: 'Save' }).click();
		await expect(page.getByText('Saved the card and its question.')).toBeVisible();
		await page.getByRole('button', { name: 'Flag as bad' }).click();
		await expect(page.getByRole('button', { name: 'Clear the flag' })).toBeVisible();
		await expectNoAxeViolations(page, 'card editor');

		await page.getByRole('link', { name: '← All cards' }).click();
		await page.getByRole('combobox', { name: 'Show' }).selectOption('flagged');
		await expect(list.getByRole('listitem')).toHaveCount(1);
		await expect(list.getByRole('link')).toHaveText('Edited front for the test?');
		await page.getByRole('checkbox', { name: /Select all/ }).check();
		await expectNoAxeViolations(page, 'card list with a selection');
	});
});

test('a card flagged in the review is listed under Flagged in the browser', async ({ page }) => {
	await waitForSeed(page);
	await page.goto('/review');
	const front = (await page.locator('#card-front').textContent())!.trim();
	await page.getByRole('button', { name: 'Flag as bad' }).click();
	await expect(page.getByRole('button', { name: 'Flagged as bad' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await page.goto('/browse?filter=flagged');
	const list = page.getByRole('region', { name: /Cards/ });
	await expect(list.getByRole('listitem')).toHaveCount(1);
	await expect(list.getByRole('link')).toHaveText(front);
});
