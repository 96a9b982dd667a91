import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { mkdir, readFile } from 'node:fs/promises';
import { openSettings, tableCounts } from './fixtures';
import { watchErrors } from './helpers';

async function reviewOne(page: Page): Promise<void> {
	await page.goto('/review');
	await page.getByRole('button', { name: /^Show answer/ }).click();
	await page.getByRole('button', { name: /^Good \S+, next in/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /^Good\./ })).toBeAttached();
}

test.describe('settings', () => {
	test('scheduling settings are checked, saved and kept after a reload', async ({ page }) => {
		const errors = watchErrors(page);
		await openSettings(page);
		const retention = page.getByLabel('Desired retention');
		await expect(retention).toHaveValue('90');
		await expect(page.getByText(/chance of remembering/)).toBeVisible();

		// Out of bounds: a message tied to the field, focus on it, nothing saved.
		await retention.fill('150');
		await page.getByLabel('New cards per day').fill('ten');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(retention).toBeFocused();
		await expect(retention).toHaveAttribute('aria-invalid', 'true');
		await expect(retention).toHaveAccessibleDescription(/Enter a number from 70 to 99\./);
		await expect(page.getByLabel('New cards per day')).toHaveAccessibleDescription(
			/“ten” is not a number/
		);
		await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toHaveCount(0);

		await retention.fill('85');
		await page.getByLabel('New cards per day').fill('7');
		await page.getByLabel('Reviews per day').fill('150');
		await page.getByLabel('Maximum interval').fill('365');
		await page.getByLabel('Leech threshold').fill('5');
		await page.getByLabel('Next day starts at').selectOption('06:00');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
		await expect(retention).not.toHaveAttribute('aria-invalid');

		await page.reload();
		await expect(page.getByLabel('Desired retention')).toHaveValue('85');
		await expect(page.getByLabel('New cards per day')).toHaveValue('7');
		await expect(page.getByLabel('Reviews per day')).toHaveValue('150');
		await expect(page.getByLabel('Maximum interval')).toHaveValue('365');
		await expect(page.getByLabel('Leech threshold')).toHaveValue('5');
		await expect(page.getByLabel('Next day starts at')).toHaveValue('6');
		expect(errors).toEqual([]);
	});

	test('leaving with unsaved scheduling changes asks first, at 360x640; saved changes leave freely', async ({
		page
	}) => {
		const errors = watchErrors(page);
		await page.setViewportSize({ width: 360, height: 640 });
		await openSettings(page);
		const leech = page.getByLabel('Leech threshold');
		await expect(leech).toHaveValue('8');
		await leech.fill('5');
		await expect(page.getByRole('status').filter({ hasText: 'not stored yet' })).toBeVisible();

		// An in-app link: the app's own dialog. Cancel stays, with the change still there.
		const stats = page.getByRole('link', { name: 'Stats', exact: true });
		await stats.click();
		const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
		expect(await axeViolations(page, 'leave without saving dialog')).toEqual([]);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog).toBeHidden();
		await expect(page).toHaveURL(/\/settings$/);
		await expect(leech).toHaveValue('5');

		// Closing the tab: the browser's own prompt.
		const prompted = page.waitForEvent('dialog');
		await page.close({ runBeforeUnload: true });
		const prompt = await prompted;
		expect(prompt.type()).toBe('beforeunload');
		await prompt.dismiss();
		await expect(leech).toHaveValue('5');

		// Leaving anyway drops the change.
		await stats.click();
		await dialog.getByRole('button', { name: 'Leave without saving' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
		await page.getByRole('link', { name: 'Settings', exact: true }).click();
		await expect(leech).toBeEnabled();
		await expect(leech).toHaveValue('8');

		// Saved changes leave without a question, in the app and on a reload.
		await leech.fill('6');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
		await stats.click();
		await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
		await page.goBack();
		await expect(leech).toHaveValue('6');
		await page.reload();
		await expect(leech).toHaveValue('6');
		await expect(dialog).toHaveCount(0);
		expect(errors).toEqual([]);
	});

	test('a backup exported here restores into a fresh browser with identical contents', async ({
		page,
		browser
	}) => {
		await openSettings(page);
		await reviewOne(page);
		await openSettings(page);
		await page.getByLabel('Leech threshold').fill('4');
		await page.getByRole('button', { name: 'Save settings' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
		const before = await tableCounts(page);
		expect(before.logs).toBe(1);

		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export backup' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^factdeck-backup-\d{4}-\d{2}-\d{2}\.json$/);
		const path = await download.path();
		const json = await readFile(path);
		await expect(page.getByRole('status').filter({ hasText: 'Backup saved' })).toBeVisible();

		const fresh = await browser.newContext();
		const other = await fresh.newPage();
		const errors = watchErrors(other);
		await openSettings(other);
		expect((await tableCounts(other)).logs).toBe(0);

		await other.getByLabel('Backup file').setInputFiles({
			name: download.suggestedFilename(),
			mimeType: 'application/json',
			buffer: json
		});
		await other.getByRole('radio', { name: /^Replace/ }).check();
		await other.getByRole('button', { name: 'Restore from backup' }).click();
		const dialog = other.getByRole('dialog', { name: 'Replace everything on this device?' });
		await expect(dialog).toBeVisible();
		await expect(dialog).toContainText('1 review');
		// Cancel first: nothing changes.
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(dialog).toBeHidden();
		expect((await tableCounts(other)).logs).toBe(0);

		await other.getByRole('button', { name: 'Restore from backup' }).click();
		await dialog.getByRole('button', { name: 'Replace my data' }).click();
		await expect(other.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible();
		expect(await tableCounts(other)).toEqual(before);
		// The restored settings are shown at once.
		await expect(other.getByLabel('Leech threshold')).toHaveValue('4');
		expect(errors).toEqual([]);
		await fresh.close();
	});

	test('a malformed backup is refused with an alert and changes nothing', async ({ page }) => {
		await openSettings(page);
		const before = await tableCounts(page);
		for (const [name, content, message] of [
			['cut.json', '{"format":"factdeck-backup","vers', /not valid JSON/],
			['other.json', '{"hello":1}', /not a Factdeck backup/]
		] as const) {
			await page.getByLabel('Backup file').setInputFiles({
				name,
				mimeType: 'application/json',
				buffer: Buffer.from(content)
			});
			await page.getByRole('radio', { name: /^Replace/ }).check();
			await page.getByRole('button', { name: 'Restore from backup' }).click();
			const alert = page.getByRole('alert');
			await expect(alert).toContainText('Nothing was restored.');
			await expect(alert).toContainText(message);
			await expect(page.getByRole('dialog')).toHaveCount(0);
		}
		expect(await tableCounts(page)).toEqual(before);
	});

	test('cards export as CSV with a header row, and a CSV deck imports', async ({ page }) => {
		await openSettings(page);
		const downloading = page.waitForEvent('download');
		await page.getByRole('button', { name: 'Export cards as CSV' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toMatch(/^factdeck-cards-\d{4}-\d{2}-\d{2}\.csv$/);
		const text = (await readFile(await download.path())).toString('utf8').replace(/^\uFEFF/, '');
		const lines = text.split('\r\n').filter(Boolean);
		expect(lines[0]).toBe('front,back,article,due');
		expect(lines.length).toBeGreaterThan(5);

		const before = await tableCounts(page);
		await page.getByLabel('CSV file').setInputFiles({
			name: 'capitals.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'front,back\r\nCapital of France,Paris\r\n"Capital of Italy, the",Rome\r\n'
			)
		});
		await expect(
			page.getByRole('region', { name: 'Cards as CSV' }).getByLabel('Deck title')
		).toHaveValue('capitals');
		await page.getByRole('button', { name: 'Import deck' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Imported “capitals”: 2 new cards' })
		).toBeVisible();
		expect((await tableCounts(page)).cards).toBe((before.cards ?? 0) + 2);

		// A bad line is named, and nothing is added.
		await page.getByLabel('CSV file').setInputFiles({
			name: 'bad.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from('Question one,Answer one\nonly a front\n')
		});
		await page.getByRole('button', { name: 'Import deck' }).click();
		await expect(page.getByRole('alert')).toContainText('line 2');
		expect((await tableCounts(page)).cards).toBe((before.cards ?? 0) + 2);
	});

	test('storage use and whether the data is kept are shown', async ({ page }) => {
		await openSettings(page);
		await expect(page.getByTestId('storage-use')).toContainText(/Factdeck uses .+ of the .+/);
		const kept = page.getByTestId('persisted');
		await expect(kept).toBeVisible();
		const button = page.getByRole('button', { name: 'Keep my data' });
		if (await button.isVisible()) {
			await button.click();
			await expect(page.getByRole('status').filter({ hasText: /browser/ })).toBeVisible();
		}
	});

	for (const scheme of ['light', 'dark'] as const) {
		for (const viewport of [
			{ name: 'phone', width: 360, height: 740 },
			{ name: 'desktop', width: 1280, height: 800 }
		]) {
			test(`no accessibility violations, ${scheme}, ${viewport.name}, with errors and the confirm dialog`, async ({
				page
			}) => {
				await page.setViewportSize({ width: viewport.width, height: viewport.height });
				await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
				const check = async (label: string) => {
					expect(await axeViolations(page, label)).toEqual([]);
					// Nothing is wider than the screen.
					const wide = await page.evaluate(() => {
						const limit = document.documentElement.clientWidth;
						return Array.from(document.querySelectorAll('main *'))
							.filter((el) => el.getBoundingClientRect().right > limit + 0.5)
							.filter((el) => el.children.length === 0)
							.map(
								(el) =>
									`${el.tagName.toLowerCase()}.${el.className} ${el.textContent?.slice(0, 40)}`
							);
					});
					expect(wide, label).toEqual([]);
				};
				await openSettings(page);
				await expect(page.getByTestId('persisted')).toBeVisible();
				await check('page');

				await page.getByLabel('Desired retention').fill('5');
				await page.getByRole('button', { name: 'Save settings' }).click();
				await page.getByLabel('Backup file').setInputFiles({
					name: 'bad.json',
					mimeType: 'application/json',
					buffer: Buffer.from('not json')
				});
				await page.getByRole('button', { name: 'Restore from backup' }).click();
				await expect(page.getByRole('alert')).toBeVisible();
				// The restore is over (its buttons are back) before the colours are measured.
				await expect(page.getByRole('button', { name: 'Restore from backup' })).toBeEnabled();
				await check('errors');
				if (viewport.width === 360) {
					await mkdir('/tmp/shots', { recursive: true });
					await page.screenshot({ path: `/tmp/shots/settings-360-${scheme}.png`, fullPage: true });
				}

				const downloading = page.waitForEvent('download');
				await page.getByRole('button', { name: 'Export backup' }).click();
				const json = await readFile(await (await downloading).path());
				await page.getByLabel('Backup file').setInputFiles({
					name: 'good.json',
					mimeType: 'application/json',
					buffer: json
				});
				await page.getByRole('radio', { name: /^Replace/ }).check();
				await page.getByRole('button', { name: 'Restore from backup' }).click();
				await expect(page.getByRole('dialog')).toBeVisible();
				await check('dialog');
				if (viewport.width === 360) {
					await page.screenshot({ path: `/tmp/shots/settings-360-${scheme}-dialog.png` });
				}
				await page.keyboard.press('Escape');
				await expect(page.getByRole('dialog')).toBeHidden();
			});
		}
	}
});
