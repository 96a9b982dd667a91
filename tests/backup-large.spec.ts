import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openSettings, tableCounts } from './fixtures';
import { watchErrors } from './helpers';

async function chooseBackup(page: Page, name: string, buffer: Buffer): Promise<void> {
	await page
		.getByLabel('Backup file')
		.setInputFiles({ name, mimeType: 'application/json', buffer });
	await page.getByRole('radio', { name: /^Replace/ }).check();
	await page.getByRole('button', { name: 'Restore from backup' }).click();
}

/** A CSV deck of 2,000 cards with long sides: some 3 MB of text, so a backup of several lines. */
function largeCsv(): Buffer {
	const side = (c: string) => c.repeat(700);
	const rows = Array.from(
		{ length: 2000 },
		(_, i) => `Question ${i} ${side('q')},Answer ${i} ${side('a')}`
	);
	return Buffer.from(`front,back\r\n${rows.join('\r\n')}\r\n`);
}

test('a library of several megabytes backs up in lines and restores through Settings', async ({
	page,
	browser
}) => {
	const errors = watchErrors(page);
	await openSettings(page);
	await page.getByLabel('CSV file').setInputFiles({
		name: 'large.csv',
		mimeType: 'text/csv',
		buffer: largeCsv()
	});
	await page.getByRole('button', { name: 'Import deck' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: 'Imported “large”: 2,000 new cards' })
	).toBeVisible({ timeout: 20_000 });
	const before = await tableCounts(page);

	const downloading = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Export backup' }).click();
	const download = await downloading;
	const file = await readFile(await download.path());
	await expect(page.getByRole('status').filter({ hasText: 'Backup saved' })).toBeVisible();
	// A header line, batches of about a megabyte, and a last line with the checksum.
	const lines = file.toString('utf8').trimEnd().split('\n');
	expect(file.byteLength).toBeGreaterThan(5_000_000);
	expect(lines.length).toBeGreaterThanOrEqual(6);
	expect(JSON.parse(lines[0]!)).toMatchObject({ format: 'factdeck-backup', version: 2 });
	expect(JSON.parse(lines.at(-1)!)).toMatchObject({ end: true, counts: { cards: before.cards } });

	const fresh = await browser.newContext();
	const other = await fresh.newPage();
	const otherErrors = watchErrors(other);
	await openSettings(other);
	const empty = await tableCounts(other);
	expect(empty.cards).toBeLessThan(before.cards!);

	// The file cut short is refused and nothing changes.
	await chooseBackup(other, 'cut.json', file.subarray(0, file.byteLength - 100));
	await expect(other.getByRole('alert')).toContainText('Nothing was restored.');
	await expect(other.getByRole('alert')).toContainText(/cut short|not valid JSON/);
	expect(await tableCounts(other)).toEqual(empty);

	await chooseBackup(other, download.suggestedFilename(), file);
	const dialog = other.getByRole('dialog', { name: 'Replace everything on this device?' });
	await expect(dialog).toContainText(`${before.cards!.toLocaleString('en-GB')} cards`);
	await dialog.getByRole('button', { name: 'Replace my data' }).click();
	await expect(other.getByRole('status').filter({ hasText: 'Restored' })).toBeVisible({
		timeout: 20_000
	});
	expect(await tableCounts(other)).toEqual(before);
	expect(otherErrors).toEqual([]);
	expect(errors).toEqual([]);
	await fresh.close();
});
