import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

const SHOTS = '/tmp/shots';

async function axe(page: Page, what: string) {
	const results = await new AxeBuilder({ page }).analyze();
	expect(
		results.violations.map((v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`)
	).toEqual([]);
}

/** Axe in light and dark. */
async function axeBoth(page: Page, what: string) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await axe(page, `${what} (${scheme})`);
	}
	await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
}

/** Counts the rows of the classroom database's quizzes and the results they hold. */
async function classroomCounts(page: Page): Promise<{ quizzes: number; results: number }> {
	return page.evaluate(
		() =>
			new Promise<{ quizzes: number; results: number }>((resolve, reject) => {
				const open = indexedDB.open('factdeck-classroom');
				open.onerror = () => reject(open.error);
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('quizzes')) {
						db.close();
						resolve({ quizzes: 0, results: 0 });
						return;
					}
					const req = db.transaction('quizzes', 'readonly').objectStore('quizzes').getAll();
					req.onsuccess = () => {
						const rows = req.result as { results: unknown[] }[];
						resolve({
							quizzes: rows.length,
							results: rows.reduce((sum, row) => sum + row.results.length, 0)
						});
						db.close();
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

const HAND_PROMPT = 'Which city hosted the summit?';

/** Builds a small quiz from the built-in article: 3 multiple-choice, 1 true-false, 1 by hand. */
async function buildQuiz(page: Page, title: string): Promise<string> {
	await waitForSeed(page);
	await page.goto('/classroom');
	await page.getByRole('link', { name: 'New quiz' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'New quiz' })).toBeVisible();
	await page.getByLabel('Title', { exact: true }).fill(title);
	await page.getByLabel('Seconds per question', { exact: true }).fill('20');

	const picker = page.getByRole('region', { name: 'Add questions from articles' });
	await expect(
		picker.getByRole('group', { name: 'Articles' }).getByRole('checkbox', { name: /Paris summit/ })
	).toBeChecked();
	await picker.getByLabel('Show').selectOption('multiple-choice');
	const generated = picker
		.getByRole('group', { name: 'Generated questions' })
		.getByRole('checkbox');
	await expect(generated.first()).toBeVisible();
	for (let i = 0; i < 3; i++) await generated.nth(i).check();
	await picker.getByLabel('Show').selectOption('true-false');
	await generated.first().check();
	await picker.getByRole('button', { name: 'Add 4 selected' }).click();
	await expect(page.getByRole('heading', { name: 'Questions (4)' })).toBeVisible();

	// A question written by hand.
	await page.getByRole('button', { name: 'Write a short-answer question' }).click();
	await expect(page.getByRole('heading', { name: 'Questions (5)' })).toBeVisible();
	const q5 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('group', { name: 'Question 5' }) });
	await expect(q5.getByLabel('Question', { exact: true })).toBeFocused();
	await q5.getByLabel('Question', { exact: true }).fill(HAND_PROMPT);
	await q5.getByLabel('Answer').fill('Paris');
	await q5.getByLabel(/Source sentence/).fill('The summit took place in Paris.');
	await q5.getByRole('button', { name: /Done/ }).click();

	// Reorder by keyboard: the hand-made question moves up, focus stays on its button.
	await page.getByRole('button', { name: 'Move question 5 up' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('button', { name: 'Move question 4 up' })).toBeFocused();
	await expect(page.getByRole('group', { name: 'Question 4' }).locator('..')).toContainText(
		HAND_PROMPT
	);
	// Edit a generated question's prompt inline.
	await page.getByRole('button', { name: 'Edit question 1' }).click();
	const q1 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('group', { name: 'Question 1' }) });
	const prompt1 = q1.getByLabel('Question', { exact: true });
	await prompt1.fill(`${await prompt1.inputValue()} (edited)`);
	await page.getByRole('button', { name: 'Done question 1' }).click();

	await page.getByRole('button', { name: 'Save quiz' }).click();
	await expect(page.getByText('Saved.', { exact: false }).first()).toBeVisible();
	await expect(page).toHaveURL(/\/classroom\/edit\?id=/);
	return new URL(page.url()).searchParams.get('id') ?? '';
}

/** The text-form share link, from the share page. */
async function shareLink(page: Page, id: string): Promise<string> {
	await page.goto(`/classroom/share?id=${id}`);
	await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toBeVisible();
	return page.getByRole('textbox', { name: 'Quiz link' }).inputValue();
}

/** A student opens the link in a browser of their own, answers everything, returns the code. */
async function takeQuiz(
	browser: Browser,
	link: string,
	name: string,
	shot?: string
): Promise<{ code: string; student: Page; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const student = await context.newPage();
	await student.goto(link);
	await student.getByLabel('Your name').fill(name);
	if (shot) await student.screenshot({ path: shot, fullPage: true });
	await student.getByRole('button', { name: 'Start' }).click();
	for (let i = 0; i < 5; i++) {
		await expect(student.getByText(new RegExp(`^Question ${i + 1} of 5 ·`))).toBeVisible();
		const typed = student.getByLabel('Your answer');
		if (await typed.isVisible()) {
			await typed.fill('paris');
		} else {
			await student.getByRole('radio').first().check();
		}
		await student.getByRole('button', { name: i === 4 ? 'Finish' : 'Next' }).click();
	}
	await expect(
		student.getByRole('heading', { name: new RegExp(`Well done, ${name}`) })
	).toBeVisible();
	const code = (await student.locator('#result-code').textContent())?.trim() ?? '';
	expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4})+$/);
	return { code, student, close: () => context.close() };
}

test.describe('classroom', () => {
	test('build a quiz, share it, a student joins in another browser and gets a code', async ({
		page,
		browser
	}) => {
		const errors = watchErrors(page);
		await page.setViewportSize({ width: 360, height: 740 });
		const id = await buildQuiz(page, 'Summit check');
		expect(await classroomCounts(page)).toEqual({ quizzes: 1, results: 0 });
		await page.screenshot({ path: `${SHOTS}/class-builder.png`, fullPage: false });
		await axeBoth(page, 'builder');

		await page.goto('/classroom');
		await expect(page.getByRole('heading', { level: 2, name: 'Summit check' })).toBeVisible();
		await axeBoth(page, 'list');

		const link = await shareLink(page, id);
		expect(link).toMatch(/\/classroom\/join#q=[A-Za-z0-9_-]+$/);
		await expect(page.getByText(/bytes, QR version \d+ of 40: fits one QR code/)).toBeVisible();
		await axeBoth(page, 'share');

		const { code, student, close } = await takeQuiz(
			browser,
			link,
			'Ana',
			`${SHOTS}/class-join.png`
		);
		await expect(student.getByText(HAND_PROMPT)).toBeVisible();
		await axeBoth(student, 'join result');
		expect(code.length).toBeGreaterThan(10);
		await close();
		expect(errors).toEqual([]);
	});
});
