import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

const PROMPT = 'Which city hosted the summit?';

/** Axe in light and dark. */
async function axeBoth(page: Page, what: string) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await expectNoAxeViolations(page, `${what} (${scheme})`);
	}
}

/** The results stored with the teacher's saved quizzes, read straight from IndexedDB. */
async function storedAnswers(page: Page): Promise<(number | null)[][]> {
	return page.evaluate(
		() =>
			new Promise<(number | null)[][]>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const req = db.transaction('classroom').objectStore('classroom').getAll();
					req.onsuccess = () => {
						db.close();
						const rows = req.result as { results: { answers: (number | null)[] }[] }[];
						resolve(rows.flatMap((r) => r.results.map((x) => x.answers)));
					};
					req.onerror = () => reject(req.error);
				};
			})
	);
}

test('classroom: "I was right" on a typed answer graded wrong counts, and the teacher sees it was the student’s call', async ({
	page,
	browser
}) => {
	const errors = watchErrors(page);
	await waitForSeed(page);
	await page.goto('/classroom');
	await page.getByRole('link', { name: 'New quiz' }).click();
	await page.getByLabel('Title', { exact: true }).fill('Cities');
	await page.getByRole('button', { name: 'Write a short-answer question' }).click();
	const q1 = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('group', { name: 'Question 1' }) });
	await q1.getByLabel('Question', { exact: true }).fill(PROMPT);
	await q1.getByLabel('Answer').fill('Paris');
	await q1.getByRole('button', { name: /Done/ }).click();
	await page.getByRole('button', { name: 'Save quiz' }).click();
	await expect(page).toHaveURL(/\/classroom\/edit\?id=/);
	const id = new URL(page.url()).searchParams.get('id') ?? '';
	await page.goto(`/classroom/share?id=${id}`);
	const link = await page.getByRole('textbox', { name: 'Quiz link' }).inputValue();

	// The student, on a phone of their own.
	const context = await browser.newContext({ viewport: { width: 360, height: 640 } });
	const student = await context.newPage();
	const studentErrors = watchErrors(student);
	await student.goto(link);
	await student.getByLabel('Your name').fill('Noor');
	await student.getByRole('button', { name: 'Start' }).click();
	// Graded by the practice quiz's grader: "Pariss" would pass as a slip, "the capital" does not.
	await student.getByLabel('Your answer').fill('the French capital');
	await student.getByRole('button', { name: 'Finish' }).click();
	await expect(
		student.getByRole('heading', { name: 'Well done, Noor: 0 of 1 right' })
	).toBeVisible();
	const answer = student.getByRole('listitem').filter({ hasText: PROMPT });
	await expect(answer).toContainText('✗ Wrong');
	const before = (await student.locator('#result-code').textContent())?.trim();

	const iWasRight = answer.getByRole('button', { name: `I was right: ${PROMPT}` });
	await iWasRight.focus();
	await student.keyboard.press('Enter');
	await expect(answer).toContainText('✓ Right, your call');
	await expect(iWasRight).toHaveCount(0);
	await expect(answer).toBeFocused();
	await expect(student.getByRole('status').filter({ hasText: 'counted as right' })).toHaveCount(1);
	await expect(
		student.getByRole('heading', { name: 'Well done, Noor: 1 of 1 right' })
	).toBeVisible();
	const after = (await student.locator('#result-code').textContent())?.trim() ?? '';
	expect(after).not.toBe(before);
	await axeBoth(student, 'student summary after "I was right"');
	expect(studentErrors).toEqual([]);
	await context.close();

	// The teacher reads the code: right, marked as the student's own call, and so stored.
	await page.goto(`/classroom/results?id=${id}`);
	await page.getByLabel('Result codes, one per line').fill(after);
	await page.getByRole('button', { name: 'Add codes' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Added 1 result (Noor)' })).toBeVisible();
	const students = page.getByRole('region', { name: 'By student' });
	const mark = students.getByTestId('mark-1');
	await expect(mark).toContainText('✓*');
	await expect(mark).toContainText('Right by the student’s own call');
	await expect(students.getByRole('row', { name: /Noor/ })).toContainText('1/1');
	await expect(page.getByTestId('override-note')).toContainText('I was right');
	await expect(
		page.getByRole('region', { name: 'By question, hardest first' }).getByRole('row', {
			name: new RegExp(PROMPT.replace('?', '\\?'))
		})
	).toContainText('1 by the student’s call');
	expect(await storedAnswers(page)).toEqual([[2]]);
	await axeBoth(page, 'results with an overridden answer');
	expect(errors).toEqual([]);
});
