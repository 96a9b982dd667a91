/**
 * The scheduling settings as form fields: what each one is called, its bounds, and how typed text
 * becomes a settings patch or a message saying what to fix. Pure.
 */
import { SRS_SETTING_BOUNDS, type SrsSettings } from '$lib/srs';

export type FieldKey =
	'desiredRetention' | 'newPerDay' | 'reviewsPerDay' | 'maximumInterval' | 'leechThreshold';

export interface FieldSpec {
	key: FieldKey;
	label: string;
	hint: string;
	/** Shown after the input ("%", "days"). */
	suffix?: string;
	min: number;
	max: number;
	/** Whole numbers only. */
	integer: boolean;
}

const [RET_MIN, RET_MAX] = SRS_SETTING_BOUNDS.desiredRetention;

type CountKey = Exclude<FieldKey, 'desiredRetention'>;

/** A setting typed as a whole number, within the bounds the stored setting is kept to. */
function countField(key: CountKey, text: Pick<FieldSpec, 'label' | 'hint' | 'suffix'>): FieldSpec {
	const [min, max] = SRS_SETTING_BOUNDS[key];
	return { key, ...text, min, max, integer: true };
}

/** Retention is typed as a percentage; the others as they are stored. */
export const FIELDS: readonly FieldSpec[] = [
	{
		key: 'desiredRetention',
		label: 'Desired retention',
		hint: 'The chance of remembering a card that the schedule aims for when it comes back: higher means more frequent reviews.',
		suffix: '%',
		min: Math.round(RET_MIN * 100),
		max: Math.round(RET_MAX * 100),
		integer: false
	},
	countField('newPerDay', {
		label: 'New cards per day',
		hint: 'How many cards you have not seen before are introduced each day.'
	}),
	countField('reviewsPerDay', {
		label: 'Reviews per day',
		hint: 'The most cards due for review shown in one day.'
	}),
	countField('maximumInterval', {
		label: 'Maximum interval',
		hint: 'The longest a card can wait before it comes back.',
		suffix: 'days'
	}),
	countField('leechThreshold', {
		label: 'Leech threshold',
		hint: 'After this many lapses a card is suspended and tagged “leech”, so you can rewrite it.',
		suffix: 'lapses'
	})
];

export type FormValues = Record<FieldKey, string>;
export type FormErrors = Partial<Record<FieldKey, string>>;

/** The stored settings as the text of each input. */
export function toFormValues(settings: SrsSettings): FormValues {
	return {
		desiredRetention: String(Math.round(settings.desiredRetention * 1000) / 10),
		newPerDay: String(settings.newPerDay),
		reviewsPerDay: String(settings.reviewsPerDay),
		maximumInterval: String(settings.maximumInterval),
		leechThreshold: String(settings.leechThreshold)
	};
}

/** One field's problem, or null when its text is a valid value. */
export function fieldError(spec: FieldSpec, text: string): string | null {
	const range = `from ${spec.min.toLocaleString('en')} to ${spec.max.toLocaleString('en')}`;
	const trimmed = text.trim();
	if (trimmed === '') return `Enter a number ${range}.`;
	const n = Number(trimmed);
	if (!Number.isFinite(n)) return `“${trimmed}” is not a number. Enter a number ${range}.`;
	if (spec.integer && !Number.isInteger(n)) return `Enter a whole number ${range}.`;
	if (n < spec.min || n > spec.max) return `Enter a number ${range}.`;
	return null;
}

/** Checks every field; returns the patch to save, or the message for each field to fix. */
export function readForm(
	values: FormValues
): { ok: true; patch: Partial<SrsSettings> } | { ok: false; errors: FormErrors } {
	const errors: FormErrors = {};
	const patch: Partial<SrsSettings> = {};
	for (const spec of FIELDS) {
		const text = values[spec.key];
		const error = fieldError(spec, text);
		if (error) {
			errors[spec.key] = error;
			continue;
		}
		const n = Number(text.trim());
		patch[spec.key] = spec.key === 'desiredRetention' ? Math.round(n * 10) / 1000 : n;
	}
	return Object.keys(errors).length ? { ok: false, errors } : { ok: true, patch };
}

/** "04:00" for the day-start choice. */
export function hourLabel(hour: number): string {
	return `${String(hour).padStart(2, '0')}:00`;
}
