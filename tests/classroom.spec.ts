import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './axe';
import { readFile } from 'node:fs/promises';
import { mixedQuiz, sampleQuiz } from '../src/lib/classroom/fixtures/quizzes';
import { encodeQuizLink, quizHash } from '../src/lib/classroom/link';
import { decodeResult, encodeResult } from '../src/lib/classroom/result-code';
import { addWrittenArticles, WRITTEN_ARTICLES, waitForSeed } from './fixtures';

/** One more written article, for a quiz larger than one QR code holds. */
const TOUR_TITLE = 'Orchestra to tour Canada';
const TOUR_TEXT = `Orchestra tour
Brindle Valley Orchestra will tour eight cities in Canada this autumn, its director, Marta Solberg, said on Thursday.
The 62 players will travel to Toronto, Montreal and Vancouver between 4 September and 19 October.
The tour is paid for by a £1.2m grant from the Northlight Trust, which has backed the orchestra since 2011.

Music and Schools
Conductor Ivo Rask will lead 16 concerts, and cellist Amira Haddad will play a new concerto by composer Jonas Pell.
Players will also teach in 30 schools. "Every city gets a free concert for children," Solberg said.
Tickets went on sale on Monday, and 40% had been sold by the evening, the orchestra said.`;
import { waitForServiceWorkerControl, watchErrors } from './helpers';

const SHOTS = '/tmp/shots';

async function axe(page: Page, what: string) {
	await expectNoAxeViolations(page, what);
}

/** Nothing sticks out past the right edge of the screen (the page never scrolls sideways). */
async function noOverflow(page: Page, what: string) {
	const wide = await page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const wide = [...document.querySelectorAll('body *')]
			.filter((el) => el.getBoundingClientRect().right > width + 1)
			.filter((el) => !el.parentElement?.closest('[role="region"]'))
			.slice(0, 5)
			.map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
		const scroll = document.documentElement.scrollWidth - width;
		return scroll > 0 ? [`scrolls by ${scroll}px`, ...wide] : wide;
	});
	expect(wide, what).toEqual([]);
}

/** Axe in light and dark. */
async function axeBoth(page: Page, what: string) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await axe(page, `${what} (${scheme})`);
	}
	await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
}

/** Counts the classroom quizzes in the app's database and the results they hold. */
async function classroomCounts(page: Page): Promise<{ quizzes: number; results: number }> {
	return page.evaluate(
		() =>
			new Promise<{ quizzes: number; results: number }>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onupgradeneeded = () => open.transaction?.abort();
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('classroom')) {
						db.close();
						resolve({ quizzes: 0, results: 0 });
						return;
					}
					const req = db.transaction('classroom', 'readonly').objectStore('classroom').getAll();
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

/**
 * Builds a small quiz from the built-in article: 2 multiple-choice, 1 who-said-it, 1 true-false,
 * 1 by hand.
 */
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
	for (let i = 0; i < 2; i++) await generated.nth(i).check();
	await picker.getByLabel('Show').selectOption('quote');
	await generated.first().check();
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
	{ shot, check }: { shot?: string; check?: boolean } = {}
): Promise<{ code: string; student: Page; close: () => Promise<void> }> {
	const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
	const student = await context.newPage();
	await student.goto(link);
	await student.getByLabel('Your name').fill(name);
	if (shot) await student.screenshot({ path: shot, fullPage: true });
	await student.getByRole('button', { name: 'Start' }).click();
	for (let i = 0; i < 5; i++) {
		await expect(student.getByText(new RegExp(`^Question ${i + 1} of 5 ·`))).toBeVisible();
		if (check && i === 0) {
			await student.screenshot({ path: `${SHOTS}/class-join-question.png` });
			await axeBoth(student, 'join question');
		}
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
	test('build, present, share, two students join, results by code and by QR image, CSV, print', async ({
		page,
		browser
	}) => {
		test.setTimeout(180_000);
		const errors = watchErrors(page);
		await page.setViewportSize({ width: 360, height: 740 });
		const id = await buildQuiz(page, 'Summit check');
		expect(await classroomCounts(page)).toEqual({ quizzes: 1, results: 0 });
		await page.evaluate(() => window.scrollTo(0, 0));
		await noOverflow(page, 'builder');
		await page.screenshot({ path: `${SHOTS}/class-builder.png` });
		await page.getByRole('button', { name: 'Edit question 2' }).click();
		await page.screenshot({ path: `${SHOTS}/class-builder-full.png`, fullPage: true });
		await page.getByRole('button', { name: 'Done question 2' }).click();
		// Leaving with unsaved changes asks first.
		await page.getByLabel('Title', { exact: true }).fill('Summit check, changed');
		const asked = page.waitForEvent('dialog');
		const click = page.getByRole('link', { name: '← Classroom' }).click();
		const leave = await asked;
		expect(leave.message()).toContain('Leave without saving?');
		await leave.dismiss();
		await click;
		await expect(page).toHaveURL(/\/classroom\/edit\?id=/);
		await page.getByLabel('Title', { exact: true }).fill('Summit check');
		await axeBoth(page, 'builder');

		await page.goto('/classroom');
		await expect(page.getByRole('heading', { level: 2, name: 'Summit check' })).toBeVisible();
		await axeBoth(page, 'list');

		// Present on a projector-sized screen.
		await page.setViewportSize({ width: 1280, height: 800 });
		// Time flows as usual, but the test can jump ahead to the announcements.
		await page.clock.install();
		await page.goto(`/classroom/present?id=${id}`);
		await expect(page.getByText('Question 1 of 5', { exact: true })).toBeVisible();
		const timer = page.getByRole('timer', { name: 'Time left' });
		await expect(timer).toBeVisible();
		const first = Number((await timer.textContent())?.replace(/\D/g, ''));
		expect(first).toBeGreaterThan(15);
		await expect
			.poll(async () => Number((await timer.textContent())?.replace(/\D/g, '')), { timeout: 5000 })
			.toBeLessThan(first);
		await expect(page.getByText('Triangle:', { exact: false }).first()).toBeAttached();
		await page.screenshot({ path: `${SHOTS}/class-present.png` });
		await axeBoth(page, 'present');
		// Announced politely at ten seconds and at zero, and at no other second.
		const spoken = page.locator('.countdown [aria-live="polite"]');
		await expect(spoken).toHaveText('');
		const now = Number((await timer.textContent())?.replace(/\D/g, ''));
		// Two seconds of slack before the ten-second mark: real time also flows between the steps.
		await page.clock.fastForward((now - 13) * 1000);
		await expect(spoken).toHaveText('');
		await page.clock.fastForward(3200);
		await expect(timer).toHaveText(/^(10|9)\s*s$/);
		await expect(spoken).toHaveText('10 seconds left.');
		await page.clock.fastForward(5000);
		await expect(spoken).toHaveText('10 seconds left.');
		await page.clock.fastForward(6000);
		await expect(timer).toHaveText('Time’s up');
		await expect(spoken).toHaveText('Time is up.');
		await page.getByRole('button', { name: 'Reveal answer' }).click();
		await expect(page.getByText('Answer:', { exact: true })).toBeVisible();
		await expect(page.getByText('From the article:', { exact: false })).toBeVisible();
		await expect(page.getByText('✓ Right answer')).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/class-present-revealed.png` });
		await axeBoth(page, 'present revealed');
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.screenshot({ path: `${SHOTS}/class-present-dark.png` });
		await page.emulateMedia({ colorScheme: 'light' });
		await page.keyboard.press('ArrowRight');
		await expect(page.getByText('Question 2 of 5', { exact: true })).toBeVisible();
		await expect(page.getByText('From the article:', { exact: false })).toHaveCount(0);
		await page.keyboard.press('PageUp');
		await expect(page.getByText('Question 1 of 5', { exact: true })).toBeVisible();
		await expect(page.getByText('From the article:', { exact: false })).toBeVisible();
		await page.keyboard.press('PageDown');
		await page.keyboard.press('Space');
		await expect(page.getByText('Answer:', { exact: true })).toBeVisible();
		await expect(page.getByText('Question 2 of 5', { exact: true })).toBeVisible();
		await page.keyboard.press('Escape');
		await expect(page).toHaveURL(/\/classroom$/);

		// Share.
		await page.setViewportSize({ width: 360, height: 740 });
		const link = await shareLink(page, id);
		expect(link).toMatch(/\/classroom\/join#q=[A-Za-z0-9_-]+$/);
		await expect(page.getByText(/bytes, QR version \d+ of 40: fits one QR code/)).toBeVisible();
		await page.screenshot({ path: `${SHOTS}/class-share.png`, fullPage: true });
		await axeBoth(page, 'share');

		// Two students, each in a browser of their own.
		const ana = await takeQuiz(browser, link, 'Ana', {
			shot: `${SHOTS}/class-join.png`,
			check: true
		});
		await expect(ana.student.getByText(HAND_PROMPT)).toBeVisible();
		await noOverflow(ana.student, 'join result');
		await ana.student.screenshot({ path: `${SHOTS}/class-join-result.png`, fullPage: true });
		await axeBoth(ana.student, 'join result');
		expect(
			await ana.student.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))
		).not.toContain('factdeck');
		await ana.close();

		const ben = await takeQuiz(browser, link, 'Ben');
		const qr = await ben.student.getByRole('img', { name: 'QR code of your result' }).screenshot();
		await ben.close();

		// The teacher's results: a pasted code, refusals, then a QR image through the file path.
		await page.goto(`/classroom/results?id=${id}`);
		await expect(page.getByText('No results yet.', { exact: false })).toBeVisible();
		await axeBoth(page, 'results empty');
		const codes = page.getByLabel('Result codes, one per line');
		// One wrong character in the middle (the last one may only carry padding bits).
		const at = 6;
		const wrongChar = ana.code[at] === '7' ? '8' : '7';
		await codes.fill(`${ana.code.slice(0, at)}${wrongChar}${ana.code.slice(at + 1)}`);
		await page.getByRole('button', { name: 'Add codes' }).click();
		await expect(page.getByRole('alert')).toContainText('typing mistake');
		const other = sampleQuiz();
		const foreign = encodeResult(
			{
				quizHash: quizHash(other),
				name: 'Mallory',
				answers: other.questions.map(() => null),
				secondsTaken: other.questions.map(() => null)
			},
			other
		);
		await codes.fill(`${foreign}\nhttp://127.0.0.1:4174/classroom/join#q=AQID\n<b>not a code</b>`);
		await page.getByRole('button', { name: 'Add codes' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Line 1');
		await expect(alert).toContainText('belongs to a different quiz');
		await expect(alert).toContainText('This is a quiz link, not a result code');
		await expect(alert).toContainText('characters that result codes never use');
		await expect(page.locator('b')).toHaveCount(0);
		expect(await classroomCounts(page)).toEqual({ quizzes: 1, results: 0 });

		await codes.fill(ana.code.toLowerCase());
		await page.getByRole('button', { name: 'Add codes' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Added 1 result (Ana)' })
		).toBeVisible();
		await page.getByLabel('Read a photo or screenshot of a code').setInputFiles({
			name: 'ben.png',
			mimeType: 'image/png',
			buffer: qr
		});
		await expect(
			page.getByRole('status').filter({ hasText: 'Added 1 result (Ben)' })
		).toBeVisible();
		const students = page.getByRole('region', { name: 'By student' });
		await expect(students.getByRole('rowheader', { name: 'Ana' })).toBeVisible();
		await expect(students.getByRole('rowheader', { name: 'Ben' })).toBeVisible();
		await expect(students.getByRole('row', { name: /Ana/ })).toContainText(/Right|Wrong/);
		const byQuestion = page.getByRole('region', { name: 'By question, hardest first' });
		await expect(byQuestion.getByRole('row')).toHaveCount(6);
		await expect(byQuestion.getByRole('rowheader', { name: HAND_PROMPT })).toBeVisible();
		expect(await classroomCounts(page)).toEqual({ quizzes: 1, results: 2 });
		await noOverflow(page, 'results');
		await page.screenshot({ path: `${SHOTS}/class-results.png`, fullPage: true });
		await axeBoth(page, 'results');

		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export CSV' }).click()
		]);
		expect(download.suggestedFilename()).toBe('summit-check-results.csv');
		const csv = await readFile((await download.path()) ?? '', 'utf8');
		const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
		expect(lines[0]).toBe('Name,Score,Correct,Q1,Q2,Q3,Q4,Q5,Counted right by the student');
		expect(lines.some((line) => /^Ana,\d+,\d,/.test(line))).toBe(true);

		// A reload keeps the results.
		await page.reload();
		await expect(students.getByRole('rowheader', { name: 'Ben' })).toBeVisible();

		// Print: worksheet and answer key.
		await page.goto(`/classroom/print?id=${id}&key=1`);
		await expect(page.getByRole('heading', { name: 'Summit check', exact: true })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Answer key: Summit check' })).toBeVisible();
		const sheet = page.getByRole('article', { name: 'Summit check' });
		await expect(sheet.locator('ol.questions > li')).toHaveCount(5);
		await expect(sheet.getByText(HAND_PROMPT)).toBeVisible();
		await expect(page.getByRole('article', { name: /Answer key/ })).toContainText('Paris');
		await page.getByLabel('Paper').selectOption('letter');
		expect(
			await page.evaluate(() =>
				[...document.querySelectorAll('style')].some((s) => s.textContent?.includes('size: letter'))
			)
		).toBe(true);
		await axeBoth(page, 'print');
		await page.emulateMedia({ media: 'print' });
		await page.screenshot({ path: `${SHOTS}/class-print.png`, fullPage: true });
		await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
		await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
		await page.emulateMedia({ media: 'screen' });

		// Delete, after a confirmation; Cancel keeps the quiz.
		await page.goto('/classroom');
		await page.getByRole('button', { name: 'Delete' }).click();
		const dialog = page.getByRole('dialog', { name: 'Delete this quiz?' });
		await expect(dialog).toBeVisible();
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expect(page.getByRole('heading', { level: 2, name: 'Summit check' })).toBeVisible();
		await page.getByRole('button', { name: 'Delete' }).click();
		await dialog.getByRole('button', { name: 'Delete' }).click();
		await expect(page.getByRole('heading', { name: 'No classroom quizzes yet' })).toBeVisible();
		expect(await classroomCounts(page)).toEqual({ quizzes: 0, results: 0 });
		expect(errors).toEqual([]);
	});

	test('broken, truncated, tampered and oversized links are refused and nothing is stored', async ({
		page,
		baseURL
	}) => {
		const good = encodeQuizLink(sampleQuiz(), baseURL ?? '');
		const payload = good.slice(good.indexOf('#q=') + 3);
		await page.goto(good);
		await expect(page.getByLabel('Your name')).toBeVisible();

		const cases = [
			{
				name: 'truncated',
				hash: `#q=${payload.slice(0, Math.floor(payload.length / 2))}`,
				text: 'incomplete'
			},
			{
				name: 'tampered',
				hash: `#q=${payload.slice(0, 20)}${payload[20] === 'A' ? 'B' : 'A'}${payload.slice(21)}`,
				text: /damaged|valid quiz|incomplete/
			},
			{ name: 'oversized', hash: `#q=${'A'.repeat(20_000)}`, text: 'too long' },
			{ name: 'empty', hash: '#', text: 'incomplete' },
			{ name: 'junk', hash: '#q=<img src=x onerror=alert(1)>', text: 'damaged' }
		];
		for (const c of cases) {
			await page.goto(`/classroom/join${c.hash}`);
			const alert = page.getByRole('alert');
			await expect(alert, c.name).toContainText('This quiz cannot be opened');
			await expect(alert, c.name).toContainText(c.text);
			await expect(alert, c.name).toContainText('What to do');
			await expect(page.getByLabel('Your name')).toHaveCount(0);
			await expect(page.locator('img')).toHaveCount(0);
		}
		await axeBoth(page, 'join refusal');
		expect(await page.evaluate(() => localStorage.getItem('factdeck:classroom-name'))).toBeNull();
		const databases = await page.evaluate(async () =>
			(await indexedDB.databases()).map((d) => d.name)
		);
		// Nothing of the quiz, nor the study deck, is stored on a student's device for opening a link.
		expect(databases).not.toContain('factdeck');
	});

	test('the student page opens cold from a link offline after a first visit', async ({
		browser,
		baseURL
	}) => {
		const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
		const student = await context.newPage();
		await student.goto('/');
		await waitForServiceWorkerControl(student);
		await context.setOffline(true);
		await student.goto(encodeQuizLink(sampleQuiz(), baseURL ?? ''));
		await expect(
			student.getByRole('heading', { level: 1, name: sampleQuiz().title })
		).toBeVisible();
		await student.getByLabel('Your name').fill('Zoë');
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student.getByText(/^Question 1 of \d+ ·/)).toBeVisible();
		await context.close();
	});

	test('a quiz too large for one QR code is shared as a link, which still opens', async ({
		page,
		browser
	}) => {
		await waitForSeed(page);
		// Five articles' questions together: more than one QR code holds, whatever the generator's
		// exact wording of each deck (a short article keeps only its likeliest questions).
		await addWrittenArticles(page);
		await page.goto('/library/add');
		await page.getByLabel('Title').fill(TOUR_TITLE);
		await page.getByLabel('Article text').fill(TOUR_TEXT);
		await page.getByRole('button', { name: 'Make quiz and cards' }).click();
		await expect(page.getByRole('heading', { level: 1, name: TOUR_TITLE })).toBeVisible({
			timeout: 30_000
		});
		await page.goto('/classroom/edit');
		await page.getByLabel('Title', { exact: true }).fill('Everything');
		const picker = page.getByRole('region', { name: 'Add questions from articles' });
		for (const title of [...WRITTEN_ARTICLES.map(([t]) => t), TOUR_TITLE])
			await picker.getByRole('checkbox', { name: title }).check();
		await expect(
			picker.getByRole('option', { name: /^All types \((?:[4-9]\d|\d{3,})\)$/ })
		).toHaveCount(1);
		await picker.getByRole('button', { name: 'Select all shown' }).click();
		await picker.getByRole('button', { name: /^Add \d+ selected$/ }).click();
		const heading = page.getByRole('heading', { name: /^Questions \(\d+\)$/ });
		await expect(heading).toBeVisible();
		const count = Number((await heading.textContent())?.replace(/\D/g, ''));
		expect(count).toBeGreaterThan(40);
		await page.getByRole('button', { name: 'Save quiz' }).click();
		await page.getByRole('link', { name: 'Share' }).click();
		await expect(page.getByRole('alert')).toContainText('too large for one QR code');
		await expect(page.getByRole('img', { name: 'QR code of the quiz link' })).toHaveCount(0);
		await axeBoth(page, 'share without QR');
		const link = await page.getByRole('textbox', { name: 'Quiz link' }).inputValue();
		const context = await browser.newContext();
		const student = await context.newPage();
		await student.goto(link);
		await student.getByLabel('Your name').fill('Kai');
		await student.getByRole('button', { name: 'Start' }).click();
		await expect(student.getByText(new RegExp(`^Question 1 of ${count} ·`))).toBeVisible();
		await context.close();
	});

	test('every question type on the student page: shuffled choices, typed answers and a match come back right in the code', async ({
		page,
		baseURL
	}) => {
		const quiz = { ...mixedQuiz(), shuffleOptions: true };
		await page.setViewportSize({ width: 360, height: 740 });
		await page.goto(encodeQuizLink(quiz, baseURL ?? ''));
		await page.getByLabel('Your name').fill('Noor');
		await page.getByRole('button', { name: 'Start' }).click();
		const next = () => page.getByRole('button', { name: /^(Next|Finish)$/ }).click();
		await page.getByRole('radio', { name: /The Wye/ }).check();
		await next();
		await page.getByRole('radio', { name: /The mayor/ }).check();
		await next();
		await page.getByRole('radio', { name: /True/ }).check();
		await next();
		await page.getByRole('button', { name: 'Next' }).click();
		await expect(page.getByRole('alert')).toHaveText('Type an answer, or skip.');
		await page.getByLabel('Your answer').fill('Alder');
		await next();
		await page.getByLabel('Your answer').fill('Helen Marsch');
		await next();
		await page.getByLabel('Helen Marsh').selectOption({ label: 'engineer' });
		await page.getByLabel('Amara Okafor').selectOption({ label: 'shop owner' });
		await page.getByLabel('Daniel Price').selectOption({ label: 'mayor' });
		await axeBoth(page, 'join match');
		await next();
		await expect(
			page.getByRole('heading', { name: 'Well done, Noor: 4 of 6 right' })
		).toBeVisible();
		const code = (await page.locator('#result-code').textContent())?.trim() ?? '';
		const decoded = decodeResult(code, quiz);
		expect(decoded.ok).toBe(true);
		if (decoded.ok) {
			expect(decoded.result.name).toBe('Noor');
			// Choices in the quiz's own order whatever the screen showed; typed verdicts; match rank.
			expect(decoded.result.answers).toEqual([1, 1, 1, 1, 1, 1]);
			expect(decoded.result.correct).toEqual([true, false, true, true, true, false]);
		}
	});
});
