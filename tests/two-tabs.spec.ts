import { expect, test, type Page } from '@playwright/test';
import { formatInterval } from '../src/lib/srs/scheduler';
import { waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

interface Stored {
	rows: { cardId: string; review: number; rating: number }[];
	cards: Record<string, { front: string; due: number; lastReview: number | null }>;
}

/** Every review-log row, oldest first, and every card's front and schedule. */
function readStore(page: Page): Promise<Stored> {
	return page.evaluate(
		() =>
			new Promise<Stored>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction(['logs', 'cards'], 'readonly');
					const logs = tx.objectStore('logs').getAll();
					const cards = tx.objectStore('cards').getAll();
					tx.oncomplete = () => {
						const rows = (
							logs.result as { rows: { cardId: string; review: number; rating: number }[] }[]
						)
							.flatMap((l) => l.rows)
							.sort((a, b) => a.review - b.review);
						const byId: Stored['cards'] = {};
						for (const c of cards.result as {
							id: string;
							front: string;
							due: number;
							lastReview: number | null;
						}[])
							byId[c.id] = { front: c.front, due: c.due, lastReview: c.lastReview };
						db.close();
						resolve({ rows, cards: byId });
					};
					tx.onerror = () => reject(tx.error);
				};
			})
	);
}

/** The grades pressed in turn: mostly Again and Hard, so 20 new cards last for 100 ratings. */
const GRADES = [1, 2, 1, 3, 2, 1, 2, 4, 1, 2];

test('two tabs rating and undoing one deck: nothing lost, nothing taken by the other tab, every interval as shown', async ({
	context
}) => {
	test.setTimeout(300_000);
	const first = await context.newPage();
	await waitForSeed(first);
	const second = await context.newPage();
	const tabs = [first, second];
	const errors = tabs.map(watchErrors);
	for (const tab of tabs) {
		await tab.goto('/review');
		await expect(tab.getByRole('heading', { level: 2 }).first()).toBeVisible({ timeout: 20_000 });
	}

	/** The ratings each tab saved and has not undone, in order: [review time, card, grade]. */
	const mine: { review: number; cardId: string; grade: number }[][] = [[], []];
	let ratings = 0;
	let undos = 0;
	let stale = 0;
	let otherInterval = 0;
	let undoKept = 0;

	for (let step = 0; ratings < 100 || undos < 10; step++) {
		expect(step, 'steps').toBeLessThan(400);
		const t = step % 2;
		const tab = tabs[t]!;
		const before = await readStore(tab);
		if (step % 10 === 9 && undos < 10 && mine[t]!.length > 0) {
			// Undo in this tab: takes back this tab's last rating, or keeps it if the other tab
			// rated that card since, never the other tab's.
			undos++;
			await tab.keyboard.press('Control+z');
			const last = mine[t]!.at(-1)!;
			const otherRatedSince = before.rows.some(
				(r) => r.cardId === last.cardId && r.review > last.review
			);
			await expect
				.poll(async () => (await readStore(tab)).rows.length)
				.toBe(before.rows.length - (otherRatedSince ? 0 : 1));
			if (otherRatedSince) {
				undoKept++;
				await expect(tab.getByRole('alert')).toContainText('kept');
			} else mine[t]!.pop();
			continue;
		}
		if (ratings >= 100) continue;
		const reveal = tab.getByRole('button', { name: /Show answer/ });
		if (!(await reveal.isVisible())) {
			// This tab has nothing to show right now (the other one took its last due card).
			await tab.reload();
			await expect(tab.getByRole('heading', { level: 2 }).first()).toBeVisible();
			if (!(await reveal.isVisible())) continue;
		}
		await reveal.click();
		const grade = GRADES[ratings % GRADES.length]!;
		const button = tab.locator(`.rate.g${grade}`);
		await expect(button).toBeEnabled();
		const label = (await button.locator('.interval').textContent())!.trim();
		await tab.keyboard.press(String(grade));
		// Saved (one more row) or refused as stale (the card changed in the other tab meanwhile).
		let after = before;
		const saved = await expect
			.poll(
				async () => {
					after = await readStore(tab);
					return after.rows.length > before.rows.length;
				},
				{ timeout: 5_000 }
			)
			.toBe(true)
			.then(
				() => true,
				() => false
			);
		if (!saved) {
			await expect(tab.getByTestId('review-notice')).toBeVisible();
			stale++;
			continue;
		}
		expect(after.rows.length).toBe(before.rows.length + 1);
		const row = after.rows.at(-1)!;
		expect(row.rating).toBe(grade);
		const card = after.cards[row.cardId]!;
		expect(card.lastReview).toBe(row.review);
		if (formatInterval(card.due - row.review) !== label) otherInterval++;
		mine[t]!.push({ review: row.review, cardId: row.cardId, grade });
		ratings++;
	}

	// Every rating a tab saved and did not take back is in the log, and nothing else.
	const end = await readStore(first);
	const expected = [...mine[0]!, ...mine[1]!].sort((a, b) => a.review - b.review);
	expect(end.rows.map((r) => [r.cardId, r.review, r.rating])).toEqual(
		expected.map((r) => [r.cardId, r.review, r.grade])
	);
	console.log(
		`two tabs: ${ratings} ratings saved, ${undos} undos (${undoKept} kept as the other tab rated the card since), ${stale} refused as stale, ${otherInterval} applied with another interval than shown`
	);
	expect(ratings).toBe(100);
	expect(undos).toBe(10);
	expect(otherInterval).toBe(0);
	expect(errors.flat()).toEqual([]);
});
