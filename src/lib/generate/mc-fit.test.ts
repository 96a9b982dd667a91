/**
 * Wrong options that the sentence itself rules out: dates far off in season or all on the key's
 * day, years the tense forbids, a change too small to be one, a person of the other gender, the
 * subject's own side, a part of the speaker's own name. Each rule on a short text of its own.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { spanOf } from './fixtures/locate';
import { num, optionsFor } from './fixtures/options';
import {
	changeFrom,
	distractors,
	genderAfterBlank,
	keyNameWords,
	nearDates,
	numberBounds,
	ownSide,
	yearTense
} from './distractors';
import { speakerFullName } from './builders/quote';
import { MONTHS } from '../nlp/lexicon';

const monthOf = (s: string) => MONTHS.findIndex((m) => s.toLowerCase().includes(m));
const dayOf = (s: string) => Number(/\b(\d{1,2})\b/.exec(s)?.[1] ?? NaN);

describe('rule "near date"', () => {
	it('varies the day and keeps the month within two of the key', () => {
		for (const key of ['18 February', '27 January', '2 February', 'March 3', '30 November']) {
			const out = nearDates(key, monthOf(key)).slice(0, 3);
			expect(out).toHaveLength(3);
			const days = out.map(dayOf);
			expect(days).not.toContain(dayOf(key));
			expect(new Set(days).size).toBe(3);
			for (const d of days) expect(d).toBeLessThanOrEqual(28);
			for (const o of out) {
				const gap = Math.abs(monthOf(o) - monthOf(key));
				expect(Math.min(gap, 12 - gap)).toBeLessThanOrEqual(2);
			}
		}
	});

	it('moves the year with a month that crosses it and keeps month-only keys near', () => {
		const out = nearDates('15 January 2005', 0);
		for (const o of out) if (/December|November|October/.test(o)) expect(o).toMatch(/2004/);
		for (const o of nearDates('September', 8)) {
			const gap = Math.abs(monthOf(o) - 8);
			expect(Math.min(gap, 12 - gap)).toBeLessThanOrEqual(3);
		}
	});

	it('offers no key-day pattern for an invented date', () => {
		const { ds } = optionsFor(
			'Jade Moss next competes in the indoor Grand Prix in Leeds on 18 February, her coach said.',
			'18 February'
		);
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(dayOf(d)).not.toBe(18);
	});
});

describe('rule "year tense"', () => {
	const since =
		'Figures for January 2005 showed retail sales in Japan picked up faster than at any time since 2003, the ministry said.';
	it('keeps a "since" year before the latest year the article names', () => {
		const doc = analyze(since);
		expect(yearTense(doc, spanOf(since, '2003'), 2003)).toEqual({ min: -Infinity, max: 2004 });
		const { ds } = optionsFor(since, '2003');
		expect(ds.length).toBe(3);
		for (const d of ds) expect(num(d)).toBeLessThan(2005);
	});

	it('keeps a year after a future verb at or after the latest year named', () => {
		const text =
			'After his relay gold in Athens in 2004, Mark Lees says he is determined to win the world 100m title in 2005.';
		const doc = analyze(text);
		expect(yearTense(doc, spanOf(text, '2005'), 2005)).toEqual({ min: 2005, max: Infinity });
		const { ds } = optionsFor(text, '2005');
		expect(ds.length).toBe(3);
		for (const d of ds) expect(num(d)).toBeGreaterThanOrEqual(2005);
	});

	it('says nothing of a plain past year', () => {
		const text = 'The firm was founded in 1997 and floated in 2004.';
		expect(yearTense(analyze(text), spanOf(text, '1997'), 1997)).toBeUndefined();
	});
});

describe('rule "meaningful change"', () => {
	const text =
		"Conservatives in parliament say the firm's stake in the new network should be cut from 70% to 49%, officials said.";
	it('reads the figure a change starts from', () => {
		expect(changeFrom(analyze(text), spanOf(text, '49%'), 'percent')).toBe(70);
		const plain = 'Its stake is 49%, officials said.';
		expect(changeFrom(analyze(plain), spanOf(plain, '49%'), 'percent')).toBeUndefined();
	});

	it('offers only cuts of some size, below the first figure', () => {
		const { doc, a, ds } = optionsFor(text, '49%');
		expect(numberBounds(doc, a).max).toBeCloseTo(63);
		expect(ds.length).toBe(3);
		for (const d of ds) expect(num(d)).toBeLessThan(63);
	});

	it('offers only rises of some size above it', () => {
		const rise = 'The council plans to raise the charge from 20% to 32% next year, officials said.';
		const { doc, a, ds } = optionsFor(rise, '32%');
		expect(numberBounds(doc, a).min).toBeCloseTo(24);
		for (const d of ds) expect(num(d)).toBeGreaterThan(24);
	});
});

describe('rule "sentence gender"', () => {
	const text = [
		'Former minister Lee Brent has spoken of his love for the publisher Kim Rowe for the first time.',
		'Minister Carole Waters said the talk had been candid.',
		'Minister Alan Budge agreed with the view.',
		'Minister Peter Davis did not speak.'
	].join(' ');
	it('reads "his" after the blank', () => {
		const doc = analyze(text);
		expect(genderAfterBlank(doc, spanOf(text, 'Lee Brent'))).toBe('m');
		const she = 'Ann Wood said she would stand again.';
		expect(genderAfterBlank(analyze(she), spanOf(she, 'Ann Wood'))).toBe('f');
	});

	it('offers no woman for "his"', () => {
		const { ds } = optionsFor(text, 'Lee Brent');
		expect(ds).toEqual(expect.arrayContaining(['Alan Budge', 'Peter Davis']));
		expect(ds).not.toContain('Carole Waters');
	});
});

describe('rule "speaker\'s full name" and "part of the key\'s name"', () => {
	const text = [
		'National Audit Office chief Sir John Bourn said a new scheme was being looked at.',
		'Public accounts committee chairman Edward Leigh said the department was slow.',
		'Sir John said Defra had paid most of its bills, "but has not agreed a final settlement with 57 contractors".',
		'Minister Alan Hart said the report was fair.'
	].join(' ');

	it('asks for the speaker under the full name', () => {
		const doc = analyze(text);
		const m = doc.mentions.find((x) => x.text === 'John' || x.text === 'Sir John');
		const full = speakerFullName(doc, {
			text: 'John',
			kind: 'person',
			entity: m?.entity,
			span: m && { start: m.start, end: m.end }
		} as never);
		expect(full?.text).toMatch(/John Bourn$/);
	});

	it("offers no part of the key's name", () => {
		const doc = analyze(text);
		expect(keyNameWords(doc, { text: 'John', kind: 'person' }).has('bourn')).toBe(true);
		const ds = distractors(doc, { text: 'John', kind: 'person' }, [], 3);
		expect(ds).not.toContain('Bourn');
		expect(ds).not.toContain('Sir John Bourn');
	});
});

describe('rule "own side"', () => {
	const text = [
		"Kenya's Paul Oti was named player of the year as the champions swept the awards.",
		'Coach Jim Bell claimed the coaching award while his side held off Grand Slam winners Wales to take the team award.',
		'Ireland star Tom Dee and England player Sam Ash were also nominated, and Kenya beat Ireland and England.'
	].join(' ');
	it('reads the story\'s side for "his side held off _____"', () => {
		const doc = analyze(text);
		expect([...ownSide(doc, spanOf(text, 'Wales'))]).toContain('kenya');
		const plain = 'Wales held off Kenya in the final. Ireland lost to England.';
		expect(ownSide(analyze(plain), spanOf(plain, 'England')).size).toBe(0);
	});

	it('never offers it', () => {
		const { ds } = optionsFor(text, 'Wales');
		expect(ds).not.toContain('Kenya');
	});
});
