import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { allRows, countRows, waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

interface StoredArticle {
	id: string;
	title: string;
	text: string;
	builtIn?: boolean;
}

/** The built-in article as stored: its id, title and text. */
async function builtInArticle(page: Page): Promise<StoredArticle> {
	const seed = (await allRows<StoredArticle>(page, 'articles')).find((a) => a.builtIn);
	if (!seed) throw new Error('no built-in article');
	return seed;
}

/**
 * Adds an article through the Add page and returns the id in the URL of the page it opens. With
 * `offer`, the page must first ask whether the text is a new version of that article, and `choice`
 * answers it.
 */
async function addArticle(
	page: Page,
	title: string,
	text: string,
	offer?: { of: string; choice: 'update' | 'new' }
): Promise<string> {
	await page.goto('/library/add');
	await page.getByLabel('Title').fill(title);
	await page.getByLabel('Article text').fill(text);
	await page.getByRole('button', { name: 'Make quiz and cards' }).click();
	if (offer) {
		const ask = page.getByRole('region', { name: `A new version of “${offer.of}”?` });
		await expect(ask).toBeVisible({ timeout: 15_000 });
		await expect(ask).toBeFocused();
		await expectNoAxeViolations(page, 'add: new-version offer');
		await ask
			.getByRole('button', {
				name: offer.choice === 'update' ? `Update “${offer.of}”` : 'Add as a new article'
			})
			.click();
	}
	await expect(
		page.getByRole('heading', { level: 1, name: offer?.choice === 'update' ? offer.of : title })
	).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('alert')).toHaveCount(0);
	await expect(page.getByText(/[1-9]\d* questions · [1-9]\d* cards/)).toBeVisible();
	return new URL(page.url()).pathname.split('/').pop()!;
}

test.describe('articles that share sentences with one already in the library', () => {
	test('the built-in text plus one sentence is offered as an update, and both choices work; an article quoting one sentence saves', async ({
		page
	}) => {
		test.setTimeout(150_000);
		const errors = watchErrors(page);
		await waitForSeed(page);
		const seed = await builtInArticle(page);
		const seedCards = await countRows(page, 'cards');
		const of = seed.title;

		// A second version, kept as a new article: the whole built-in text and one sentence more.
		const plusOne = `${seed.text.trimEnd()}\nThe chair said the next summit would meet in Lisbon in March.`;
		const second = await addArticle(page, 'Paris summit, updated', plusOne, { of, choice: 'new' });
		expect(second).not.toBe(seed.id);
		expect(await countRows(page, 'articles')).toBe(2);
		// Its cards are its own: the built-in article's are all still there, next to new ones.
		const afterSecond = await countRows(page, 'cards');
		expect(afterSecond).toBeGreaterThan(seedCards);

		// Another version, this time as an update of the built-in article: no new article, the
		// built-in one now holds the new text and still has its deck.
		const added = 'Delegates from forty countries will report on the fund in June.';
		const plusOther = `${seed.text.trimEnd()}\n${added}`;
		const updated = await addArticle(page, '', plusOther, { of, choice: 'update' });
		expect(updated).toBe(seed.id);
		expect(await countRows(page, 'articles')).toBe(2);
		const stored = await builtInArticle(page);
		expect(stored.text).toContain(added);
		expect(await countRows(page, 'cards')).toBeGreaterThanOrEqual(afterSecond);
		await expect(
			page.getByRole('status').filter({ hasText: 'Updated to the new text' })
		).toBeVisible();

		// Another article that quotes one sentence of the built-in one word for word: not a new
		// version, so it is saved with no question asked.
		const firstSentence = /^[^\n]*?[.!?](?=\s)/.exec(seed.text)![0];
		const quoting = `${firstSentence}\nA week later, the port of Marseille opened a new terminal for ferries to Corsica. The terminal cost 40 million euros and will handle two million passengers a year.`;
		const third = await addArticle(page, 'Ports and summits', quoting);
		expect(new Set([seed.id, second, third]).size).toBe(3);
		expect(await countRows(page, 'articles')).toBe(3);

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
