import { expect, type Page } from '@playwright/test';

/** A short news-style article written for these tests. */
export const HARBOUR_TITLE = 'Harbour town approves new ferry link';
export const HARBOUR_TEXT = `The council of Port Elwin voted on Monday to build a ferry link to the island of Carrow, ending a debate that lasted three years.
Mayor Alice Brennan said the link would "bring the island back into the life of the town." The vote passed by nine votes to four.
Costs and Timetable
The project will cost 12 million pounds and the first ferry is due to sail in 2027. Harbour master Tom Okafor said two boats would run every hour in summer.
Opposition councillor Ruth Lang warned that fares could rise. "Islanders should not pay for the town's ambitions," Lang said.
The regional transport agency, Westline, will operate the service under a ten-year contract.`;

/** A second article written for these tests, for quizzes that need many questions. */
export const LIBRARY_TITLE = 'Valden library reopens after flood repairs';
export const LIBRARY_TEXT = `The public library of Valden reopened on Saturday after a flood closed it for eighteen months.
Head librarian Priya Castell said the repairs cost 3 million pounds, paid by the county and a local trust.
New Rooms
The building now has a children's floor, a music room and 40 computers. Architect Jonas Ebbe said the ground floor was raised by one metre.
Councillor Mark Doyle praised the staff. "They kept the service going from a bus for a year and a half," Doyle said.
The Northfield Trust, a charity, gave 800,000 pounds and will fund evening classes until 2029.`;

/** A third article written for these tests, for quizzes that need many questions. */
export const MARKET_TITLE = 'Kelby market hall opens after two-year rebuild';
export const MARKET_TEXT = `The covered market hall of Kelby opened again on Friday after a rebuild that took two years.
The work cost 6 million pounds, of which the town council paid 4 million and the Harrow Foundation paid 2 million.
Traders and Stalls
The hall now holds 64 stalls, up from 48, and a bakery school run by chef Nadia Ferro. Market manager Owen Price said every stall had been let.
Fishmonger Grace Imrie, who has traded in the hall since 1998, said rents had risen by 15%. "We are glad to be back, but the rent is hard," Imrie said.
Architect Lucas Brandt replaced the iron roof with glass panels made in Sheffield.
The council expects 9,000 visitors a week and will open the hall on Sundays from March.
Council leader Helen Marsh said the hall would "give the high street its heart back".`;

/** The articles written for these tests, as title and text, for quizzes and histories that need many. */
export const WRITTEN_ARTICLES: [string, string][] = [
	[HARBOUR_TITLE, HARBOUR_TEXT],
	[LIBRARY_TITLE, LIBRARY_TEXT],
	[MARKET_TITLE, MARKET_TEXT]
];

/** Adds every article of WRITTEN_ARTICLES through the add form, waiting for each one's page. */
export async function addWrittenArticles(page: Page): Promise<void> {
	for (const [title, text] of WRITTEN_ARTICLES) {
		await page.goto('/library/add');
		await page.getByLabel('Title').fill(title);
		await page.getByLabel('Article text').fill(text);
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible({
			timeout: 30_000
		});
	}
}

/** Waits until the first-run seed has written the built-in article. */
export async function waitForSeed(page: Page): Promise<void> {
	await page.goto('/library');
	await expect(page.getByRole('heading', { name: /Paris summit/ })).toBeVisible({
		timeout: 20_000
	});
}

/** Counts the rows of an object store in the app's database. */
export async function countRows(page: Page, store: string): Promise<number> {
	return page.evaluate(
		(name) =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name, 'readonly').objectStore(name).count();
					req.onsuccess = () => {
						resolve(req.result);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Every row of an object store in the app's database. */
export async function allRows<T>(page: Page, store: string): Promise<T[]> {
	return page.evaluate(
		(name) =>
			new Promise<T[]>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction(name, 'readonly').objectStore(name).getAll();
					req.onsuccess = () => {
						resolve(req.result as T[]);
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			}),
		store
	);
}

/** Counts the review-log rows in the app's database (kept one record per card, rows inside). */
export async function countReviewRows(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('logs', 'readonly').objectStore('logs').getAll();
					req.onsuccess = () => {
						const logs = req.result as { rows: unknown[] }[];
						resolve(logs.reduce((sum, log) => sum + log.rows.length, 0));
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

/** New cards the Review page offers on a first run: every built-in card, up to the day's 20. */
export async function firstNewCount(page: Page): Promise<number> {
	return Math.min(20, await countRows(page, 'cards'));
}

/** Waits until the first-run deck is stored, then counts the rows of every table. */
export async function tableCounts(page: Page): Promise<Record<string, number>> {
	await expect
		.poll(() =>
			page.evaluate(async () => {
				const names = await indexedDB.databases();
				return names.some((d) => d.name === 'factdeck' && (d.version ?? 0) > 0);
			})
		)
		.toBe(true);
	return page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('factdeck');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
		const names = Array.from(db.objectStoreNames);
		const tx = db.transaction(names, 'readonly');
		const counts: Record<string, number> = {};
		await Promise.all(
			names.map(
				(name) =>
					new Promise<void>((resolve, reject) => {
						const request = tx.objectStore(name).count();
						request.onsuccess = () => {
							counts[name] = request.result;
							resolve();
						};
						request.onerror = () => reject(request.error);
					})
			)
		);
		db.close();
		return counts;
	});
}

/** Opens Settings once the built-in deck is in the database. */
export async function openSettings(page: Page): Promise<void> {
	await page.goto('/stats');
	await expect(page.locator('#states-desc')).toContainText(/New: [1-9]/);
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByLabel('Desired retention')).toBeVisible();
}
