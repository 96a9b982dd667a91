import { expect, test, type Page } from '@playwright/test';
import { allRows, countRows, waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

/** The built-in article as stored: its id, title and text. */
async function builtInArticle(page: Page): Promise<{ id: string; title: string; text: string }> {
	const all = await allRows<{ id: string; title: string; text: string; builtIn?: boolean }>(
		page,
		'articles'
	);
	const seed = all.find((a) => a.builtIn);
	if (!seed) throw new Error('no built-in article');
	return seed;
}

/** Adds an article through the Add page and returns the id in the URL of the page it opens. */
async function addArticle(page: Page, title: string, text: string): Promise<string> {
	await page.goto('/library/add');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Article text').fill(text);
	await page.getByRole('button', { name: 'Make quiz and cards' }).click();
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
		timeout: 30_000
	});
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByText(/[1-9]\d* questions · [1-9]\d* cards/)).toBeVisible();
	return new URL(page.url()).pathname.split('/').pop()!;
}

test.describe('articles that share sentences with one already in the library', () => {
	test('the built-in text plus one sentence, and another article quoting one of its sentences, both save', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const errors = watchErrors(page);
		await waitForSeed(page);
		const seed = await builtInArticle(page);
		const seedCards = await countRows(page, 'cards');

		// A second version: the whole built-in text and one sentence more.
		const longer = `${seed.text.trimEnd()}\nThe chair said the next summit would meet in Lisbon in March.`;
		const second = await addArticle(page, 'Paris summit, updated', longer);
		expect(second).not.toBe(seed.id);
		expect(await countRows(page, 'articles')).toBe(2);
		// Its cards are its own: the built-in article's are all still there, next to new ones.
		const afterSecond = await countRows(page, 'cards');
		expect(afterSecond).toBeGreaterThan(seedCards);

		// Another article that quotes one sentence of the built-in one word for word.
		const firstSentence = /^[^\n]*?[.!?](?=\s)/.exec(seed.text)![0];
		const quoting = `${firstSentence}\nA week later, the port of Marseille opened a new terminal for ferries to Corsica. The terminal cost 40 million euros and will handle two million passengers a year.`;
		const third = await addArticle(page, 'Ports and summits', quoting);
		expect(new Set([seed.id, second, third]).size).toBe(3);
		expect(await countRows(page, 'articles')).toBe(3);
		expect(await countRows(page, 'cards')).toBeGreaterThan(afterSecond);

		// The library lists all three, and the built-in article still opens with its deck.
		await page.goto('/library');
		for (const title of [seed.title, 'Paris summit, updated', 'Ports and summits']) {
			await expect(page.getByRole('heading', { name: title, exact: true })).toBeVisible();
		}
		await page.goto(`/library/${seed.id}`);
		await expect(page.getByText(/[1-9]\d* questions · [1-9]\d* cards/)).toBeVisible();
		expect(errors).toEqual([]);
	});
});
