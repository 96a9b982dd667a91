import { describe, expect, it } from 'vitest';
import { PanelTask } from './panel-task.svelte';

describe('PanelTask', () => {
	it('is busy while the task runs, then shows the line it returned', async () => {
		const task = new PanelTask();
		let finish: (line: string) => void = () => {};
		const running = task.run(() => new Promise<string>((resolve) => (finish = resolve)));
		expect(task.busy).toBe(true);
		finish('Saved 3 cards.');
		await running;
		expect(task.busy).toBe(false);
		expect(task.status).toBe('Saved 3 cards.');
		expect(task.error).toBe('');
	});

	it('puts a failure, worded by the caller, in error and clears the last status', async () => {
		const task = new PanelTask();
		await task.run(async () => 'Saved.');
		await task.run(
			async () => {
				throw new Error('The file is empty.');
			},
			(message) => `Nothing was imported. ${message}`
		);
		expect(task.status).toBe('');
		expect(task.error).toBe('Nothing was imported. The file is empty.');
		expect(task.busy).toBe(false);
	});

	it('says what to fix without running, and clears it on the next run', async () => {
		const task = new PanelTask();
		task.reset('Choose a CSV file first.');
		expect(task.error).toBe('Choose a CSV file first.');
		await task.run(async () => 'Imported.');
		expect(task.error).toBe('');
		expect(task.status).toBe('Imported.');
	});
});
