import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { allRows, countRows, waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

test.use({ viewport: { width: 360, height: 640 } });

/** The practice-quiz answers stored in the app's database. */
function attempts(page: Page): Promise<{ correct: boolean; overridden?: boolean }[]> {
	return allRows(page, 'attempts');
}

const CAPITALS: Record<string, string> = {
	'Capital of France': 'Paris',
	'Capital of Spain': 'Madrid',
	'Capital of Italy': 'Rome',
	'Capital of Peru': 'Lima',
	'Capital of Norway': 'Oslo'
};

async function importCapitals(page: Page) {
	await page.goto('/settings');
	const csv = ['front,back', ...Object.entries(CAPITALS).map(([f, b]) => `${f},${b}`)].join('\r\n');
	await page.getByLabel('CSV file').setInputFiles({
		name: 'capitals.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(`${csv}\r\n`)
	});
	await page.getByRole('button', { name: 'Import deck' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Imported “capitals”' })).toBeVisible();
}

test('one tap answers a choice question, and the feedback shows only its evidence sentence', async ({
	page
}) => {
	const errors = watchErrors(page);
	await waitForSeed(page);
	await page.goto('/quiz');
	for (const t of ['Fill the gap', 'Short answer', 'Match']) {
		await page.getByRole('checkbox', { name: new RegExp(t) }).uncheck();
	}
	await page.getByLabel('How many questions').selectOption('5');
	await page.getByRole('button', { name: /^Start \(5 questions\)/ }).click();
	const article = await page.evaluate(
		() =>
			new Promise<string>((resolve) => {
				const open = indexedDB.open('factdeck');
				open.onsuccess = () => {
					const req = open.result.transaction('articles').objectStore('articles').getAll();
					req.onsuccess = () => resolve((req.result as { text: string }[])[0]!.text);
				};
			})
	);
	for (let i = 0; i < 5; i++) {
		await expect(page.locator('.top')).toContainText(`Question ${i + 1} of 5`);
		const options = page.getByRole('list', { name: 'Options' }).getByRole('button');
		await expect(options.first()).toBeInViewport();
		await options.first().click();
		// One tap: the answer is stored and the feedback is there, with no "Check" step.
		await expect(page.locator('.feedback')).toBeFocused();
		expect(await countRows(page, 'attempts')).toBe(i + 1);
		const evidence = (await page.locator('.feedback blockquote').innerText()).trim();
		expect(evidence.length).toBeGreaterThan(10);
		expect(evidence.length).toBeLessThan(article.length / 3);
		expect(article).toContain(evidence.replace(/ …$/, ''));
		if (i === 0) await expectNoAxeViolations(page, 'one-tap feedback');
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Quiz results' })).toBeFocused();
	await expectNoAxeViolations(page, 'quiz results');
	expect(errors).toEqual([]);
});

test('every question type, feedback with evidence, and the attempts are saved', async ({
	page
}) => {
	await waitForSeed(page);
	await page.goto('/quiz');
	await page.getByLabel('How many questions').selectOption('10');
	await page.getByRole('button', { name: /^Start/ }).click();
	const seen = new Set<string>();
	for (let i = 0; i < 10; i++) {
		await expect(page.locator('.top')).toContainText(`Question ${i + 1} of 10`);
		const type = (await page.locator('.quiz-type').first().textContent())!.trim().toLowerCase();
		seen.add(type);
		if (type === 'match') {
			const lefts = page.getByRole('list', { name: 'Items' }).getByRole('button');
			const rights = page.getByRole('list', { name: 'Partners' }).getByRole('button');
			const n = await lefts.count();
			for (let k = 0; k < n; k++) {
				await lefts.nth(k).click();
				await rights.nth(k).click();
			}
			await page.getByRole('button', { name: 'Check' }).click();
		} else if (await page.getByLabel('Your answer').count()) {
			await page.getByLabel('Your answer').fill('Paris');
			await page.getByRole('button', { name: 'Check' }).click();
		} else {
			await page.getByRole('list', { name: 'Options' }).getByRole('button').first().click();
		}
		await expect(page.locator('.feedback')).toBeFocused();
		await expect(page.locator('.feedback blockquote')).not.toBeEmpty();
		await page.getByRole('button', { name: /Next question|See results/ }).click();
	}
	await expect(page.getByRole('heading', { name: 'Quiz results' })).toBeFocused();
	await expect(page.locator('.score')).toContainText('/ 10');
	expect(seen.size).toBeGreaterThanOrEqual(3);
	expect(await countRows(page, 'attempts')).toBe(10);
	expect(await countRows(page, 'quizzes')).toBe(1);
	const shown = (await page.locator('.score').innerText()).split('/')[0]!.trim();

	// Stats lists the quiz with its score.
	await page.goto('/stats');
	const history = page.getByRole('region', { name: 'Practice quizzes' });
	await expect(history).toContainText('1 practice quiz,');
	await expect(history.getByRole('row')).toHaveCount(2);
	await expect(history.getByRole('row').nth(1)).toContainText('Paris summit');
	if (Number.isInteger(Number(shown))) {
		await expect(history.getByRole('row').nth(1)).toContainText(`${shown} / 10`);
	}
	await expectNoAxeViolations(page, 'stats with quiz history');
});

test('a quiz from an imported deck and the built-in article together; missed cards due now; "I was right"', async ({
	page
}) => {
	// A long flow: an import, a quiz of some twenty questions, then review.
	test.setTimeout(180_000);
	await waitForSeed(page);
	await importCapitals(page);
	await page.goto('/quiz');
	// The newest article is chosen at first.
	await expect(page.getByRole('checkbox', { name: 'capitals' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /Paris summit/ })).not.toBeChecked();
	// The deck had no questions: its cards become short-answer and multiple-choice ones.
	await expect(page.getByRole('checkbox', { name: /Short answer \(5\)/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /Multiple choice \(5\)/ })).toBeVisible();
	await expectNoAxeViolations(page, 'quiz setup with a deck');
	await page.getByRole('checkbox', { name: /Paris summit/ }).check();
	await page.getByLabel('How many questions').selectOption('40');
	await page.getByRole('button', { name: /^Start \(\d+ questions\)/ }).click();

	let typedWrong = false;
	for (let i = 0; ; i++) {
		const prompt = (await page.locator('h1.prompt').innerText()).trim();
		const capital = CAPITALS[prompt];
		const options = page.getByRole('list', { name: 'Options' }).getByRole('button');
		if (await page.getByLabel('Your answer').count()) {
			await page.getByLabel('Your answer').fill('Atlantis');
			await page.getByRole('button', { name: 'Check' }).click();
			if (capital && !typedWrong) {
				typedWrong = true;
				await page.getByRole('button', { name: 'I was right' }).click();
				await expect(page.locator('.feedback .verdict')).toContainText('Counted as right');
			}
		} else if (await options.count()) {
			const wrong = capital ? options.filter({ hasNotText: capital }) : options;
			await wrong.first().click();
		} else {
			const lefts = page.getByRole('list', { name: 'Items' }).getByRole('button');
			const rights = page.getByRole('list', { name: 'Partners' }).getByRole('button');
			for (let k = 0; k < (await lefts.count()); k++) {
				await lefts.nth(k).click();
				await rights.nth(k).click();
			}
			await page.getByRole('button', { name: 'Check' }).click();
		}
		await expect(page.locator('.feedback')).toBeFocused();
		const next = page.getByRole('button', { name: /Next question|See results/ });
		const last = (await next.innerText()).includes('See results');
		await next.click();
		if (last) break;
	}
	expect(typedWrong).toBe(true);
	const rows = await attempts(page);
	const overridden = rows.filter((r) => r.overridden);
	expect(overridden).toHaveLength(1);
	expect(overridden[0]!.correct).toBe(true);

	await page.getByRole('button', { name: /Add missed to review/ }).click();
	await expect(page.getByRole('status').filter({ hasText: /due now/ })).toBeVisible();
	await expectNoAxeViolations(page, 'quiz results after adding missed');
	await page.goto('/review');
	await expect(page.locator('#card-front')).toBeVisible();
});

test('a quiz of everything due says so when nothing is', async ({ page }) => {
	await waitForSeed(page);
	await page.goto('/quiz?due');
	await expect(page.getByRole('radio', { name: /Everything due/ })).toBeChecked();
	await expect(page.getByRole('status').filter({ hasText: 'Nothing is due' })).toBeVisible();
	await expect(page.getByRole('button', { name: /^Start/ })).toBeDisabled();
	await expectNoAxeViolations(page, 'quiz setup, nothing due');
});
