import { describe, expect, it } from 'vitest';
import { spokenInterval } from './interval';

describe('spokenInterval', () => {
	it('spells out each unit, singular and plural', () => {
		expect(spokenInterval('1m')).toBe('1 minute');
		expect(spokenInterval('10m')).toBe('10 minutes');
		expect(spokenInterval('3h')).toBe('3 hours');
		expect(spokenInterval('1d')).toBe('1 day');
		expect(spokenInterval('1.5mo')).toBe('1.5 months');
		expect(spokenInterval('2y')).toBe('2 years');
	});

	it('leaves anything else as it is', () => {
		expect(spokenInterval('soon')).toBe('soon');
	});
});
