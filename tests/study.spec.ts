import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import {
	countReviewRows,
	countRows,
	firstNewCount,
	HARBOUR_TEXT,
	HARBOUR_TITLE,
	waitForSeed
} from './fixtures';
import { waitForServiceWorkerControl, watchErrors } from './helpers';

async function axe(page: Page, what: string) {
	await expectNoAxeViolations(page, what);
}

test.describe('first run', () => {
	test('the built-in article and its deck are ready, with a welcome', async ({ page }) => {
		const errors = watchErrors(page);
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Welcome to Factdeck' })).toBeVisible();
		const study = page.getByRole('link', { name: /Study now \(\d+ cards\)/ });
		await expect(study).toBeVisible({ timeout: 20_000 });
		// Every card of the built-in deck, up to the day's limit of 20 new cards.
		const offered = Number(/\((\d+) cards\)/.exec(await study.innerText())?.[1]);
		expect(offered).toBe(Math.min(20, await countRows(page, 'cards')));
		expect(offered).toBeGreaterThan(10);
		await page.getByRole('link', { name: 'Library', exact: true }).click();
		const entry = page.getByRole('listitem').filter({ hasText: 'Paris summit' });
		await expect(entry).toContainText('built in');
		await expect(entry).toContainText(/\d+ questions · \d+ cards/);
		await expect(entry).toContainText('Not studied yet');
		expect(await countRows(page, 'articles')).toBe(1);
		expect(errors).toEqual([]);
	});
});

test.describe('review', () => {
	test('reveal by keyboard, rate with keys, undo, and the progress survives a reload', async ({
		page
	}) => {
		await waitForSeed(page);
		await page.goto('/review');
		const front = page.locator('#card-front');
		await expect(front).toBeVisible();
		const first = await front.textContent();
		const fresh = await firstNewCount(page);
		await expect(page.getByText(`${fresh} new`)).toBeVisible();

		await page.keyboard.press('Space');
		await expect(page.getByRole('region', { name: 'Answer' })).toBeVisible();
		await expect(page.getByRole('region', { name: 'Answer' })).toBeFocused();
		await expect(page.locator('blockquote.source')).toContainText('Paris summit');
		const good = page.getByRole('button', { name: /^Good \S+, next in/ });
		await expect(good).toBeVisible();
		await axe(page, 'revealed card');

		await page.keyboard.press('3');
		await expect(front).not.toHaveText(first!);
		await expect(page.getByText(`${fresh - 1} new`)).toBeVisible();
		expect(await countReviewRows(page)).toBe(1);

		await page.keyboard.press('Control+z');
		await expect(front).toHaveText(first!);
		await expect(
			page.getByRole('status').filter({ hasText: 'Last rating undone.' })
		).toBeAttached();
		expect(await countReviewRows(page)).toBe(0);

		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Good \S+, next in/ }).click();
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Again \S+, next in/ }).click();
		expect(await countReviewRows(page)).toBe(2);

		await page.reload();
		await expect(page.getByText(`${fresh - 2} new`)).toBeVisible();
		await page.goto('/');
		await expect(page.getByRole('heading', { name: 'Welcome to Factdeck' })).toHaveCount(0);
		await expect(page.getByText('Day streak')).toBeVisible();
		await expect(page.locator('dd').nth(3)).toHaveText('1');
	});

	test('undo still takes back the last ratings after leaving Review and coming back', async ({
		page
	}) => {
		await waitForSeed(page);
		await page.goto('/review');
		const front = page.locator('#card-front');
		const fronts: string[] = [];
		for (const grade of ['Good', 'Easy']) {
			fronts.push((await front.textContent())!);
			await page.getByRole('button', { name: 'Show answer' }).click();
			await page.getByRole('button', { name: new RegExp(`^${grade} \\S+, next in`) }).click();
			await expect(front).not.toHaveText(fronts.at(-1)!);
		}
		expect(await countReviewRows(page)).toBe(2);

		// Away to Today and Library, then back to Review through the app's own links.
		await page.getByRole('link', { name: 'End session' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
		await page.getByRole('link', { name: 'Library', exact: true }).click();
		await page.getByRole('link', { name: 'Review', exact: true }).click();
		const undo = page.getByRole('button', { name: /^Undo/ });
		await expect(undo).toBeEnabled();
		await undo.click();
		await expect(front).toHaveText(fronts[1]!);
		expect(await countReviewRows(page)).toBe(1);

		// A reload in the same tab keeps the one before it.
		await page.reload();
		await expect(undo).toBeEnabled();
		await page.keyboard.press('Control+z');
		await expect(front).toHaveText(fronts[0]!);
		expect(await countReviewRows(page)).toBe(0);
		await expect(undo).toBeDisabled();
	});

	test('review works offline', async ({ page, context }) => {
		await waitForSeed(page);
		await waitForServiceWorkerControl(page);
		const fresh = await firstNewCount(page);
		await context.setOffline(true);
		await page.goto('/review');
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /^Easy \S+, next in/ }).click();
		await expect(page.getByText(`${fresh - 1} new`)).toBeVisible();
		expect(await countReviewRows(page)).toBe(1);
		await context.setOffline(false);
	});

	test('a database that will not open shows why, and Retry loads the cards', async ({ page }) => {
		await waitForSeed(page);
		// Refuse every IndexedDB open until the test lifts the switch, as a browser with its storage
		// blocked would.
		await page.addInitScript(() => {
			const w = window as unknown as { refuseOpen: boolean };
			w.refuseOpen = true;
			const open = IDBFactory.prototype.open;
			IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
				if (w.refuseOpen) throw new DOMException('Storage is blocked here.', 'SecurityError');
				return open.apply(this, args);
			};
		});
		await page.goto('/review');
		const alert = page
			.getByRole('alert')
			.filter({ hasText: 'Factdeck cannot save on this device' });
		await expect(alert).toBeVisible();
		await expect(page.getByText('Loading your cards…')).toBeHidden();
		await page.evaluate(() => ((window as unknown as { refuseOpen: boolean }).refuseOpen = false));
		await alert.getByRole('button', { name: 'Retry' }).click();
		await expect(page.locator('#card-front')).toBeVisible();
		await expect(alert).toBeHidden();
	});
});

test.describe('storage out of reach on a first run', () => {
	/** Today and Review say that nothing can be saved, and never that a deck is ready or done. */
	async function expectCannotSave(page: Page) {
		for (const path of ['/', '/review']) {
			await page.goto(path);
			const alert = page.getByRole('alert').filter({
				hasText: 'Factdeck cannot save on this device'
			});
			await expect(alert).toBeVisible({ timeout: 20_000 });
			await expect(alert).toContainText('What still works');
			await expect(alert.getByRole('button', { name: 'Retry' })).toBeVisible();
			await expect(page.getByText('Your first deck is ready')).toHaveCount(0);
			await expect(page.getByText('You are done for today')).toHaveCount(0);
			await expect(page.getByText('Nothing to review right now')).toHaveCount(0);
			await axe(page, `${path} without storage`);
		}
	}

	test('IndexedDB refused: Today and Review say Factdeck cannot save here', async ({ page }) => {
		await page.addInitScript(() => {
			IDBFactory.prototype.open = function () {
				throw new DOMException(
					'The user denied permission to access the database.',
					'SecurityError'
				);
			};
		});
		await expectCannotSave(page);
	});

	test('no space left: the first deck cannot be written, and the pages say so', async ({
		page
	}) => {
		await page.addInitScript(() => {
			const full = () => {
				throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
			};
			IDBObjectStore.prototype.put = full;
			IDBObjectStore.prototype.add = full;
		});
		await expectCannotSave(page);
	});
});

test.describe('offline', () => {
	test('an article added offline gets its deck: the worker and its language code are cached', async ({
		page,
		context
	}) => {
		await page.goto('/');
		await waitForServiceWorkerControl(page);
		const cached = await page.evaluate(async () => {
			const keys = await caches.keys();
			const cache = await caches.open(keys.find((k) => k.startsWith('factdeck-'))!);
			return (await cache.keys()).map((r) => new URL(r.url).pathname);
		});
		expect(cached.some((p) => p.includes('/_app/immutable/workers/'))).toBe(true);
		await waitForSeed(page);
		await context.setOffline(true);
		await page.goto('/library/add');
		await page.getByLabel('Title').fill(HARBOUR_TITLE);
		await page.getByLabel('Article text').fill(HARBOUR_TEXT);
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByRole('heading', { level: 1, name: HARBOUR_TITLE })).toBeVisible({
			timeout: 20_000
		});
		expect(await countRows(page, 'articles')).toBe(2);
		await context.setOffline(false);
	});
});

test.describe('adding articles', () => {
	test('paste an article: the deck is made in the worker and opens', async ({ page }) => {
		await waitForSeed(page);
		await page.goto('/library/add');
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByRole('alert')).toContainText('empty');
		await axe(page, 'add with error');

		await page.getByLabel('Title').fill(HARBOUR_TITLE);
		await page.getByLabel('Article text').fill(HARBOUR_TEXT);
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByRole('heading', { level: 1, name: HARBOUR_TITLE })).toBeVisible({
			timeout: 20_000
		});
		await expect(page).toHaveURL(/\/library\/a-/);
		await expect(page.getByText(/\d+ questions · \d+ cards/)).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 2, name: 'Costs and Timetable' })
		).toBeVisible();
		expect(await countRows(page, 'articles')).toBe(2);
		expect(await countRows(page, 'cards')).toBeGreaterThan(5);
	});

	test('text with HTML or script in it stays text', async ({ page }) => {
		await waitForSeed(page);
		let dialogs = 0;
		page.on('dialog', (d) => {
			dialogs++;
			void d.dismiss();
		});
		await page.goto('/library/add');
		const hostile = `${HARBOUR_TEXT}\nThe mayor wrote <b>bold</b> words <img src=x onerror="alert(1)"> and <script>alert(2)</script> online.`;
		await page.getByLabel('Article text').fill(hostile);
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByText('<img src=x onerror="alert(1)">', { exact: false })).toBeVisible({
			timeout: 20_000
		});
		expect(await page.locator('main img').count()).toBe(0);
		expect(await page.locator('main b').count()).toBe(0);
		expect(dialogs).toBe(0);
	});

	test('open an HTML file: its readable text is kept, its scripts are not', async ({ page }) => {
		await waitForSeed(page);
		await page.goto('/library/add');
		const paragraphs = HARBOUR_TEXT.split('\n')
			.map((line) => (line.length < 40 ? `<h2>${line}</h2>` : `<p>${line}</p>`))
			.join('\n');
		const html = `<!doctype html><html><head><title>${HARBOUR_TITLE}</title><script>window.bad = 1</script></head>
			<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><h1>${HARBOUR_TITLE}</h1>${paragraphs}</article>
			<footer>Copyright notice</footer></body></html>`;
		await page.locator('input[type=file]').setInputFiles({
			name: 'ferry.html',
			mimeType: 'text/html',
			buffer: Buffer.from(html)
		});
		await expect(page.getByRole('status').filter({ hasText: 'Opened' })).toContainText(
			'Opened “ferry.html”'
		);
		await expect(page.getByLabel('Title')).toHaveValue(HARBOUR_TITLE);
		const text = await page.getByLabel('Article text').inputValue();
		expect(text).toContain('Mayor Alice Brennan said');
		expect(text).toContain('Costs and Timetable');
		expect(text).not.toContain('window.bad');
		expect(await page.evaluate(() => (window as unknown as { bad?: number }).bad)).toBeUndefined();
	});

	test('a shared link without text explains what to do', async ({ page }) => {
		await page.goto(
			'/library/add?title=Ferry&text=' + encodeURIComponent('https://news.example/ferry')
		);
		await expect(page.getByText('received a link but no article text')).toBeVisible();
		await expect(page.getByLabel('Title')).toHaveValue('Ferry');
		await page.goto('/library/add?title=Ferry&text=' + encodeURIComponent(HARBOUR_TEXT));
		await expect(page.getByLabel('Article text')).toHaveValue(HARBOUR_TEXT);
	});
});

test.describe('article page', () => {
	test('tap a sentence, edit its question, and regeneration keeps the edit', async ({ page }) => {
		await waitForSeed(page);
		await page
			.getByRole('heading', { name: /Paris summit/ })
			.getByRole('link')
			.click();
		const sentence = page.locator('.sentence', { hasText: 'Both Britain and France declared' });
		await sentence.click();
		await expect(sentence).toHaveAttribute('aria-expanded', 'true');
		const panel = page.getByRole('region', { name: 'From this sentence' });
		await expect(panel).toBeFocused();
		await panel
			.getByRole('button', { name: /^Edit question/ })
			.first()
			.click();
		const dialog = page.getByRole('dialog', { name: 'Edit question' });
		await expect(dialog).toBeVisible();
		await axe(page, 'edit dialog');
		await dialog.getByLabel('Question').fill('Which two countries are ready to send troops?');
		await dialog.getByRole('button', { name: 'Save' }).click();
		await expect(dialog).toBeHidden();
		await expect(
			panel.locator('.prompt', { hasText: 'Which two countries are ready to send troops?' })
		).toBeVisible();
		await expect(panel.getByText('edited').first()).toBeVisible();

		await page.getByRole('button', { name: 'Regenerate' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Deck updated' })).toContainText(
			'Your own edits are kept'
		);
		await page.reload();
		await page.locator('.sentence', { hasText: 'Both Britain and France declared' }).click();
		await expect(
			page.locator('.prompt', { hasText: 'Which two countries are ready to send troops?' })
		).toBeVisible();
	});

	test('delete asks first, then removes the article', async ({ page }) => {
		await waitForSeed(page);
		await page.getByRole('button', { name: /^Delete Paris summit/ }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete this article?' });
		await expect(dialog).toBeVisible();
		await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
		await axe(page, 'delete dialog');
		await page.keyboard.press('Escape');
		await expect(dialog).toBeHidden();
		expect(await countRows(page, 'articles')).toBe(1);
		await page.getByRole('button', { name: /^Delete Paris summit/ }).click();
		await dialog.getByRole('button', { name: 'Delete' }).click();
		await expect(page.getByRole('heading', { name: 'No articles yet' })).toBeVisible();
		expect(await countRows(page, 'articles')).toBe(0);
		expect(await countRows(page, 'cards')).toBe(0);
	});
});

test.describe('phone', () => {
	test.use({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });

	test('tap to reveal and tap a large rating button', async ({ page }) => {
		await waitForSeed(page);
		const fresh = await firstNewCount(page);
		await page.goto('/review');
		const reveal = page.getByRole('button', { name: 'Show answer' });
		await reveal.tap();
		const good = page.getByRole('button', { name: /^Good \S+, next in/ });
		const box = await good.boundingBox();
		expect(box!.height).toBeGreaterThanOrEqual(44);
		await good.tap();
		await expect(page.getByText(`${fresh - 1} new`)).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow).toBeLessThanOrEqual(0);
	});
});
