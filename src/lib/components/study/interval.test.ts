import { describe, expect, it } from 'vitest';
import { answerOf, spokenInterval } from './interval';

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

describe('answerOf', () => {
	it('drops the source sentence the back ends with', () => {
		expect(answerOf('Special Envoy\n\nHe met them in Paris.', 'He met them in Paris.')).toBe(
			'Special Envoy'
		);
	});

	it('keeps a back that is only the sentence, or that was written by hand', () => {
		expect(answerOf('He met them in Paris.', 'He met them in Paris.')).toBe(
			'He met them in Paris.'
		);
		expect(answerOf('Paris, on Tuesday', 'He met them in Paris.')).toBe('Paris, on Tuesday');
	});
});
