import { describe, expect, it } from 'vitest';
import { itGives } from '$lib/testing/cases';
import { answerOf, spokenInterval } from './interval';

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

describe('spokenInterval', () => {
	// Each unit spelled out, singular and plural; anything else left as it is.
	itGives(spokenInterval, [
		['1m', '1 minute'],
		['10m', '10 minutes'],
		['3h', '3 hours'],
		['1d', '1 day'],
		['1.5mo', '1.5 months'],
		['2y', '2 years'],
		['soon', 'soon']
	]);
});
