import { describe, expect, it } from 'vitest';
import { relativeDay } from './library';

describe('relativeDay', () => {
	it('names today, yesterday and recent days, and dates older ones', () => {
		const then = Date.UTC(2026, 0, 12, 12);
		expect(relativeDay(then, 0)).toBe('today');
		expect(relativeDay(then, 1)).toBe('yesterday');
		expect(relativeDay(then, 3)).toBe('3 days ago');
		expect(relativeDay(then, 45)).toMatch(/2026/);
	});
});
