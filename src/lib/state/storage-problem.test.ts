import { describe, expect, it } from 'vitest';
import { cannotStore } from './storage-problem';

function named(name: string, extra: object = {}): Error {
	return Object.assign(new Error(`${name} happened`), { name, ...extra });
}

describe('cannotStore', () => {
	it('knows the errors of blocked, missing or full storage', () => {
		expect(cannotStore(new DOMException('blocked', 'SecurityError'))).toBe(true);
		expect(cannotStore(new DOMException('full', 'QuotaExceededError'))).toBe(true);
		expect(cannotStore(named('MissingAPIError'))).toBe(true);
	});

	it('looks inside the errors that wrap them', () => {
		const quota = new DOMException('full', 'QuotaExceededError');
		expect(cannotStore(named('OpenFailedError', { inner: quota }))).toBe(true);
		expect(cannotStore(named('AbortError', { failures: [new Error('x'), quota] }))).toBe(true);
		expect(cannotStore(new Error('wrapped', { cause: quota }))).toBe(true);
	});

	it('leaves other failures alone', () => {
		expect(cannotStore(new Error('The article is empty.'))).toBe(false);
		expect(cannotStore(named('ConstraintError'))).toBe(false);
		expect(cannotStore('SecurityError')).toBe(false);
		expect(cannotStore(null)).toBe(false);
	});
});
