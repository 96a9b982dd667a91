import { describe, expect, it } from 'vitest';
import { messageOf } from './message';

describe('messageOf', () => {
	it('reads the message of an error, a string and an error-like object', () => {
		expect(messageOf(new RangeError('Out of range.'))).toBe('Out of range.');
		expect(messageOf(new DOMException('Quota exceeded.', 'QuotaExceededError'))).toBe(
			'Quota exceeded.'
		);
		expect(messageOf('Plain text.')).toBe('Plain text.');
		expect(messageOf({ message: 'From a worker.' })).toBe('From a worker.');
		expect(messageOf(404)).toBe('404');
		expect(messageOf(undefined)).toBe('undefined');
	});
});
