/**
 * "I was right" in a live class: a student on a 360x640 phone, by keyboard only, types an answer in
 * other words than the key; it is graded wrong, they say they were right on the reveal, and the
 * teacher's screen and saved results count it right, marked as the student's call.
 */
import { expect, test, type Page } from '@playwright/test';
import { sampleQuiz } from '../src/lib/classroom/fixtures/quizzes';
import type { ClassroomQuiz } from '../src/lib/classroom';
import type { FactdeckServer } from '../server/app';
import { expectNoAxeViolations } from './axe';
import { goLive, liveServer, openPage, saveQuiz } from './live-helpers';

let server: FactdeckServer;
let stop: () => Promise<void> = async () => {};

test.beforeAll(async () => {
	({ server, stop } = await liveServer());
});

test.afterAll(() => stop());

const PROMPT = 'Which river does the new barrier hold back in winter?';

const QUIZ: ClassroomQuiz = {
	...sampleQuiz(),
	id: 'live-override-e2e',
	title: 'Barrier live',
	secondsPerQuestion: 60,
	speedPoints: false,
	questions: [
		{
			type: 'short-answer',
			prompt: PROMPT,
			answer: 'The Wye',
			evidence: 'The barrier protects the town centre from the Wye.',
			points: 100
		}
	]
};

async function axeBoth(page: Page, what: string) {
	for (const scheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
		await expectNoAxeViolations(page, `${what} (${scheme})`);
	}
}

/** Moves the focus forward with Tab until `name` has it (a bounded number of presses). */
async function tabTo(page: Page, name: string) {
	for (let i = 0; i < 30; i++) {
		await page.keyboard.press('Tab');
		const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
		if (focused === name) return;
	}
	throw new Error(`Tab never reached ${name}`);
}

test('live class: a student calls a typed answer right by keyboard, and the teacher sees it', async ({
	browser
}) => {
	test.setTimeout(90_000);
	const { page: teacher, errors: teacherErrors } = await openPage(browser, server, 1366, 768);
	await saveQuiz(teacher, QUIZ);
	const code = await goLive(teacher, server);

	const { page: student, errors: studentErrors } = await openPage(browser, server, 360, 640);
	await student.goto(`/J/${code}`);
	// The code comes with the link; the name is typed, and Enter joins.
	await student.getByLabel('Your name').focus();
	await student.keyboard.type('Ana');
	await student.keyboard.press('Enter');
	await expect(student.getByRole('heading', { name: "You're in" })).toBeVisible();
	await expect(teacher.getByText('1 student')).toBeVisible();

	await teacher.getByRole('button', { name: 'Start the quiz' }).click();
	await expect(student.getByRole('heading', { name: PROMPT })).toBeVisible();
	await tabTo(student, '');
	await expect(student.getByLabel('Your answer')).toBeFocused();
	// Right in other words than the key: the grader marks it wrong.
	await student.keyboard.type('the river Wye in Wales');
	await student.keyboard.press('Enter');

	// The only student answered, so the question closes and the reveal comes at once.
	const spread = teacher.getByRole('list', { name: 'Answers given' });
	await expect(spread).toContainText('Wrong');
	await expect(spread.getByRole('listitem').filter({ hasText: 'Wrong' })).toContainText('1');
	await expect(student.getByRole('heading', { name: 'Not quite' })).toBeVisible();
	await axeBoth(student, 'live reveal, graded wrong');

	await tabTo(student, 'I was right');
	await student.keyboard.press('Enter');
	await expect(student.getByRole('heading', { name: 'Right, your call' })).toBeVisible();
	// The focus goes to the line that replaced the button, which says what happened.
	await expect(student.getByText('Counted as right, as you said.')).toBeFocused();
	await expect(student.getByText('+100 points')).toBeVisible();
	await expect(student.getByRole('button', { name: 'I was right' })).toHaveCount(0);
	await axeBoth(student, 'live reveal, counted right by the student');

	// The teacher's screen counts it right, as the student's own call.
	const own = spread.getByRole('listitem').filter({ hasText: 'Right by their own call' });
	await expect(own).toContainText('✓ right');
	await expect(own).toContainText('1');
	await expect(spread.getByRole('listitem').filter({ hasText: 'Wrong' })).toContainText('0');

	await teacher.getByRole('button', { name: 'Leaderboard' }).click();
	await expect(teacher.getByRole('listitem').filter({ hasText: 'Ana' })).toContainText('100');
	await teacher.getByRole('button', { name: 'End and save results' }).click();
	await teacher.getByRole('link', { name: 'See the results tables' }).click();
	// The saved results mark it as the shared-link results do: right, by the student's call.
	const mark = teacher.getByRole('row', { name: /Ana/ }).getByTestId('mark-1');
	await expect(mark).toContainText('✓*');
	await expect(mark).toContainText('Right by the student’s own call');
	expect(teacherErrors).toEqual([]);
	expect(studentErrors).toEqual([]);
});
