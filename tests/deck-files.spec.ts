import { expect, test } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { waitForSeed } from './fixtures';

test('an Anki package exported from Settings imports back as a deck; a Quizlet set too', async ({
	page
}) => {
	await waitForSeed(page);
	await page.goto('/settings');
	const panel = page.getByRole('region', { name: 'Anki and Quizlet' });
	const download = page.waitForEvent('download');
	await panel.getByRole('button', { name: 'Export Anki package (.apkg)' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toMatch(/\.apkg$/);
	const bytes = await readFile((await file.path())!);
	// A zip file.
	expect(bytes.subarray(0, 2).toString()).toBe('PK');
	await expect(panel.getByRole('status')).toContainText(/Saved \d+ cards/);

	await panel.getByLabel(/Import an Anki package/).setInputFiles({
		name: 'summit.apkg',
		mimeType: 'application/octet-stream',
		buffer: bytes
	});
	await expect(panel.getByRole('status')).toContainText(/Imported “Factdeck”: \d+ new cards/);

	await panel.getByRole('textbox', { name: /Quizlet set/ }).fill('être\tto be\navoir\tto have');
	await panel.getByRole('textbox', { name: 'Deck title' }).fill('French verbs');
	await panel.getByRole('button', { name: 'Import Quizlet set' }).click();
	await expect(panel.getByRole('status')).toContainText('Imported “French verbs”: 2 new cards');
	await page.goto('/browse');
	await page.getByRole('searchbox', { name: 'Search' }).fill('être');
	await expect(page.getByRole('region', { name: /Cards/ }).getByRole('listitem')).toHaveCount(1);
});
