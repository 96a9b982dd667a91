/**
 * What the live classroom's end-to-end specs share: a real Factdeck server (serving the built app,
 * SQLite in a temporary folder) on a loopback port, and a quiz put in the teacher's database as the
 * builder would save it.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClassroomQuiz } from '../src/lib/classroom';
import { startServer, type FactdeckServer } from '../server/app';
import { silentLogger } from '../server/log';
import { waitForSeed } from './fixtures';
import { watchErrors } from './helpers';

/** Starts a server for a spec; `stop` ends it and removes its folder. */
export async function liveServer(): Promise<{ server: FactdeckServer; stop: () => Promise<void> }> {
	const dir = mkdtempSync(join(tmpdir(), 'factdeck-live-e2e-'));
	const server = await startServer({
		port: 0,
		host: '127.0.0.1',
		staticDir: 'build',
		dataDir: dir,
		log: silentLogger
	});
	return {
		server,
		async stop() {
			await server.stop();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

/** Puts `quiz` in the teacher's database, as the builder would save it. */
export async function saveQuiz(page: Page, quiz: ClassroomQuiz): Promise<void> {
	// The app creates its database on first run (the built-in article).
	await waitForSeed(page);
	await page.evaluate(
		(quiz) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('factdeck');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const tx = db.transaction('classroom', 'readwrite');
					tx.objectStore('classroom').put({
						id: quiz.id,
						quiz,
						createdAt: Date.now(),
						updatedAt: Date.now(),
						results: []
					});
					tx.oncomplete = () => {
						db.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
			}),
		quiz
	);
}

/** Opens the saved quizzes on the teacher's page and starts a live session; gives its join code. */
export async function goLive(teacher: Page, server: FactdeckServer): Promise<string> {
	await teacher.goto('/classroom');
	await teacher.getByRole('link', { name: 'Go live' }).click();
	await expect(teacher.getByLabel('Live classroom server')).toHaveValue(server.url);
	await teacher.getByRole('button', { name: 'Start live session' }).click();
	const code = ((await teacher.locator('.code').textContent()) ?? '').trim();
	expect(code).toMatch(/^\d{6}$/);
	return code;
}

/** A page of its own browser context on `server`, at the given size, with its errors watched. */
export async function openPage(
	browser: Browser,
	server: FactdeckServer,
	width: number,
	height: number
): Promise<{ page: Page; errors: string[] }> {
	const context = await browser.newContext({ baseURL: server.url, viewport: { width, height } });
	const page = await context.newPage();
	return { page, errors: watchErrors(page) };
}
