import { describe, expect, it } from 'vitest';
import { DEFAULT_SRS_SETTINGS } from '$lib/srs';
import { FIELDS, fieldError, hourLabel, readForm, toFormValues } from './scheduling-form';

const retention = FIELDS.find((f) => f.key === 'desiredRetention')!;
const newPerDay = FIELDS.find((f) => f.key === 'newPerDay')!;

describe('scheduling form', () => {
	it('shows retention as a percentage and reads it back as a fraction', () => {
		const values = toFormValues({ ...DEFAULT_SRS_SETTINGS, desiredRetention: 0.87 });
		expect(values.desiredRetention).toBe('87');
		const result = readForm({ ...values, desiredRetention: '85.5', newPerDay: ' 12 ' });
		expect(result).toEqual({
			ok: true,
			patch: {
				desiredRetention: 0.855,
				newPerDay: 12,
				reviewsPerDay: 200,
				maximumInterval: 36500,
				leechThreshold: 8
			}
		});
	});

	it('keeps retention within 70 to 99 percent', () => {
		expect(fieldError(retention, '69')).toBe('Enter a number from 70 to 99.');
		expect(fieldError(retention, '99.5')).toBe('Enter a number from 70 to 99.');
		expect(fieldError(retention, '70')).toBeNull();
	});

	it('says what is wrong with empty, non-numeric and fractional counts', () => {
		expect(fieldError(newPerDay, '')).toBe('Enter a number from 0 to 9,999.');
		expect(fieldError(newPerDay, 'ten')).toBe(
			'“ten” is not a number. Enter a number from 0 to 9,999.'
		);
		expect(fieldError(newPerDay, '2.5')).toBe('Enter a whole number from 0 to 9,999.');
		expect(fieldError(newPerDay, '0')).toBeNull();
	});

	it('reports every bad field and saves nothing', () => {
		const result = readForm({
			...toFormValues(DEFAULT_SRS_SETTINGS),
			newPerDay: '-1',
			leechThreshold: '100'
		});
		expect(result.ok).toBe(false);
		expect(!result.ok && Object.keys(result.errors)).toEqual(['newPerDay', 'leechThreshold']);
	});

	it('labels hours on a 24-hour clock', () => {
		expect(hourLabel(4)).toBe('04:00');
		expect(hourLabel(23)).toBe('23:00');
	});
});
