/**
 * The live classroom end to end: a real Factdeck server (serving the built app, SQLite in a
 * temporary folder) on a loopback port, a teacher and three students in their own browser
 * contexts, through a live quiz to the saved results.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import jsQR from 'jsqr';
import { sampleQuiz } from '../src/lib/classroom/fixtures/quizzes';
import type { FactdeckServer } from '../server/app';
import { goLive, liveServer, openPage, saveQuiz } from './live-helpers';
import { readPng } from './png';

let server: FactdeckServer;
let stop: () => Promise<void> = async () => {};

test.beforeAll(async () => {
	({ server, stop } = await liveServer());
});

test.afterAll(() => stop());

const QUIZ = (() => {
	const base = sampleQuiz();
	return {
		...base,
		id: 'live-e2e',
		title: 'Barrier live',
		shuffleOptions: false,
		secondsPerQuestion: 60,
		questions: base.questions.slice(0, 2)
	};
})();

async function student(browser: Browser, code: string, name: string) {
	const { page, errors } = await openPage(browser, server, 360, 740);
	// The short link of the QR code, as a phone's camera opens it.
	await page.goto(`/J/${code}`);
	await expect(page).toHaveURL(new RegExp(`/classroom/join/live#${code}$`));
	await page.getByLabel('Your name').fill(name);
	await page.getByRole('button', { name: 'Join' }).click();
	await expect(page.getByRole('heading', { name: "You're in" })).toBeVisible();
	return { page, errors };
}

async function answer(page: Page, choice: string, last = false) {
	await page.getByRole('radio', { name: choice }).check();
	await page.getByRole('button', { name: 'Send answer' }).click();
	// The last answer closes the question at once, so its page may go straight to the reveal.
	if (!last) await expect(page.getByRole('heading', { name: 'Answer sent' })).toBeVisible();
}

test('a teacher and three students through a live quiz, results saved', async ({ browser }) => {
	test.setTimeout(120_000);
	const { page: teacher, errors: teacherErrors } = await openPage(browser, server, 1366, 768);
	await saveQuiz(teacher, QUIZ);
	const code = await goLive(teacher, server);

	// The join QR code reads back from a screenshot of the whole present screen.
	const shot = readPng(await teacher.screenshot());
	expect([shot.width, shot.height]).toEqual([1366, 768]);
	const read = jsQR(shot.data, shot.width, shot.height);
	expect(read?.data).toBe(`${server.url}/J/${code}`.toUpperCase());

	const [ana, ben, ana2] = [
		await student(browser, code, 'Ana'),
		await student(browser, code, 'Ben <b>bold</b>'),
		await student(browser, code, 'Ana')
	];
	await expect(teacher.getByText('3 students')).toBeVisible();
	// A second attempt under the same name is shown as such; a typed tag is text, not markup.
	await expect(teacher.getByText('(attempt 2)')).toBeVisible();
	await expect(teacher.getByText('Ben <b>bold</b>')).toBeVisible();
	expect(await teacher.locator('.names b').count()).toBe(0);

	const [q1, q2] = QUIZ.questions as [
		(typeof QUIZ.questions)[number] & { choices: string[]; answer: number },
		(typeof QUIZ.questions)[number] & { choices: string[]; answer: number }
	];
	await teacher.getByRole('button', { name: 'Start the quiz' }).click();
	for (const s of [ana, ben, ana2]) {
		await expect(s.page.getByRole('heading', { name: q1.prompt })).toBeVisible();
		// Before the reveal no student's page carries the answer.
		await expect(s.page.getByText('The answer:')).toHaveCount(0);
	}
	await answer(ana.page, q1.choices[q1.answer]!);
	await expect(teacher.getByText('1 of 3 answered')).toBeVisible();
	await answer(ben.page, q1.choices[(q1.answer + 1) % q1.choices.length]!);
	// Ben loses the page (a reload): he comes back as himself with his answer kept.
	await ben.page.reload();
	await expect(ben.page.getByRole('heading', { name: 'Answer sent' })).toBeVisible();
	await answer(ana2.page, q1.choices[q1.answer]!, true);
	// Everyone answered: the answer and the spread are shown.
	await expect(teacher.getByText(`Answer: ${q1.choices[q1.answer]}`)).toBeVisible();
	await expect(teacher.getByRole('list', { name: 'Answers given' })).toContainText('✓ right');
	await expect(ana.page.getByRole('heading', { name: 'Right!' })).toBeVisible();
	await expect(ben.page.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await expect(ben.page.getByText(`The answer: ${q1.choices[q1.answer]}`)).toBeVisible();

	await teacher.getByRole('button', { name: 'Leaderboard' }).click();
	await expect(teacher.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
	await expect(ana.page.getByRole('heading', { name: 'Leaderboard' })).toBeVisible();
	await teacher.getByRole('button', { name: 'Next question →' }).click();
	await expect(ana.page.getByRole('heading', { name: q2.prompt })).toBeVisible();
	await answer(ana.page, q2.choices[q2.answer]!);
	await answer(ben.page, q2.choices[q2.answer]!);
	await expect(teacher.getByText('2 of 3 answered')).toBeVisible();
	await teacher.getByRole('button', { name: 'Reveal answer' }).click();
	await expect(ana2.page.getByRole('heading', { name: "Time's up" })).toBeVisible();
	await teacher.getByRole('button', { name: 'Leaderboard' }).click();
	await teacher.getByRole('button', { name: 'End and save results' }).click();
	await expect(teacher.getByText('Results saved (3 new)')).toBeVisible();
	await expect(ana.page.getByRole('heading', { name: 'Quiz over' })).toBeVisible();
	// Ending the session frees its join code: nobody else gets in with it.
	await expect
		.poll(
			async () =>
				(
					await fetch(`${server.url}/api/live/join`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ code, name: 'Late' })
					})
				).status
		)
		.toBe(404);

	// The results go into the same tables as result codes.
	await teacher.getByRole('link', { name: 'See the results tables' }).click();
	await expect(teacher.getByRole('cell', { name: 'Ana (attempt 2)' })).toBeVisible();
	await expect(teacher.getByRole('cell', { name: 'Ben <b>bold</b>' })).toBeVisible();
	for (const errors of [teacherErrors, ana.errors, ben.errors, ana2.errors]) {
		expect(errors).toEqual([]);
	}
});
