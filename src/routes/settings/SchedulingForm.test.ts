import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { FIELDS } from './scheduling-form';
import SchedulingForm from './SchedulingForm.svelte';

/** The opening tag of the element with this id in the rendered page. */
function tagOf(body: string, id: string): string {
	const tag = new RegExp(`<(input|select)\\b[^>]*\\bid="${id}"[^>]*>`).exec(body)?.[0];
	expect(tag, `#${id}`).toBeDefined();
	return tag!;
}

describe('SchedulingForm before the stored settings arrive', () => {
	// The page is sent as rendered here; the stored values arrive later and replace every field,
	// so a field that took typing before then would lose it, and Save would store the old value.
	it('shows the defaults in fields that cannot be edited yet, and Save cannot be pressed', () => {
		const { body } = render(SchedulingForm);
		const ids = [...FIELDS.map((f) => `setting-${f.key}`), 'setting-dayStartHour'];
		for (const id of ids) expect(tagOf(body, id), id).toMatch(/\sdisabled(=""|\s|\/?>)/);
		expect(tagOf(body, 'setting-newPerDay')).toContain('value="20"');
		expect(body).toMatch(/<button[^>]*type="submit"[^>]*disabled/);
	});
});
