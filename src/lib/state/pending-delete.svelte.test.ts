import { describe, expect, it } from 'vitest';
import { PendingDelete } from './pending-delete.svelte';

describe('PendingDelete', () => {
	it('deletes only the item asked about, after confirmation, and announces it', async () => {
		const removed: string[] = [];
		const del = new PendingDelete(async (id: string) => {
			removed.push(id);
			return `Deleted ${id}.`;
		});
		await del.confirm();
		expect(removed).toEqual([]);
		del.ask('a1');
		expect(del.open).toBe(true);
		expect(del.item).toBe('a1');
		await del.confirm();
		expect(removed).toEqual(['a1']);
		expect(del.status).toBe('Deleted a1.');
		expect(del.error).toBe('');
	});

	it('puts a failure in error, or in status when asked to', async () => {
		const fail = async (): Promise<string> => {
			throw new Error('The database is locked.');
		};
		const alerting = new PendingDelete(fail);
		alerting.ask('x');
		await alerting.confirm();
		expect(alerting.error).toBe('The database is locked.');
		expect(alerting.status).toBe('');
		const quiet = new PendingDelete(fail, { errorInStatus: true });
		quiet.ask('x');
		await quiet.confirm();
		expect(quiet.status).toBe('Could not delete: The database is locked.');
		expect(quiet.error).toBe('');
	});
});
