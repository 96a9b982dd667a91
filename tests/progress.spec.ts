import { expect, test } from '@playwright/test';
import { waitForSeed } from './fixtures';

interface Row {
	cardId: string;
	rating: number;
	review: number;
}
interface CardRow {
	id: string;
	reps: number;
	lastReview: number | null;
}

test('a page closed in the middle of a burst of ratings keeps each rating whole or not at all', async ({
	context
}) => {
	const page = await context.newPage();
	await waitForSeed(page);
	await page.goto('/review');
	await page.getByRole('button', { name: 'Show answer' }).waitFor();
	// Reveal and rate as fast as keys can be pressed, then close the page without waiting.
	for (let i = 0; i < 12; i++) {
		await page.keyboard.press('Space');
		await page.keyboard.press(String((i % 4) + 1));
	}
	await page.close({ runBeforeUnload: false });

	const again = await context.newPage();
	await again.goto('/stats');
	const { cards, rows } = await again.evaluate(
		() =>
			new Promise<{ cards: CardRow[]; rows: Row[] }>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['cards', 'logs'], 'readonly');
					const c = tx.objectStore('cards').getAll();
					const l = tx.objectStore('logs').getAll();
					tx.oncomplete = () => {
						const logs = l.result as { rows: Row[] }[];
						resolve({ cards: c.result as CardRow[], rows: logs.flatMap((log) => log.rows) });
						db.close();
					};
				};
			})
	);
	expect(rows.length).toBeGreaterThan(0);
	const byCard = new Map<string, Row[]>();
	for (const row of rows) byCard.set(row.cardId, [...(byCard.get(row.cardId) ?? []), row]);
	for (const card of cards) {
		const log = (byCard.get(card.id) ?? []).filter((r) => r.rating > 0);
		// Every log row has its card change, and every card change has its log row.
		expect(card.reps, `card ${card.id}`).toBe(log.length);
		const last = log.length ? Math.max(...log.map((r) => r.review)) : null;
		expect(card.lastReview, `card ${card.id}`).toBe(last);
	}
});

test('a newer version opening the database in another tab asks this tab to reload', async ({
	context
}) => {
	const page = await context.newPage();
	await waitForSeed(page);
	await page.goto('/');
	await expect(page.getByText('Day streak')).toBeVisible();
	const other = await context.newPage();
	await other.goto('/robots.txt');
	// What a newer release does: open the same database at a higher schema version.
	await other.evaluate(
		() =>
			new Promise<void>((resolve, reject) => {
				const probe = indexedDB.open('factdeck');
				probe.onsuccess = () => {
					const version = probe.result.version;
					probe.result.close();
					const next = indexedDB.open('factdeck', version + 10);
					next.onsuccess = () => {
						next.result.close();
						resolve();
					};
					next.onerror = () => reject(next.error);
				};
			})
	);
	await expect(page.getByText('Factdeck was updated in another tab')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Reload' })).toBeVisible();
});
