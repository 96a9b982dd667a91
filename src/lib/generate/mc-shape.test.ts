/**
 * Wrong options that keep the key's shape and setting: invented figures as round as the key, valid
 * times of day beside a time, no invented race distances, no figure the sentence already shows, the
 * key's own article ("an 85%" beside "an 81%"); people of the key's setting, never one the sentence
 * already names by a part of the name or by a role. Each rule on a short text of its own.
 */
import { describe, expect, it } from 'vitest';
import { num, optionsFor } from './fixtures/options';
import { expectRefused } from './fixtures/read';
import { spanOf } from './fixtures/locate';
import { multipleChoiceBuilder, aliasSlot } from './builders/multiple-choice';
import {
	anVariants,
	clockVariants,
	distractors,
	figuresShown,
	fixedDistance,
	keyWalk,
	keyFigureShown,
	monthGrid,
	shownElsewhere,
	takesAn
} from './distractors';
import { analyze } from '../nlp';
import { walkOfRole } from './setting';

describe('invented figures keep the key round', () => {
	it('offers round distances beside a round one', () => {
		const { ds } = optionsFor(
			'The new ferry will carry about 300 passengers across the bay from next spring.',
			'300 passengers'
		);
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(num(d) % 50, d).toBe(0);
		// A key of a leading one keeps the finer grid: its halves are far or a multiple.
		const prize = optionsFor(
			'The writer won the £100,000 prize for the novel on Monday.',
			'£100,000'
		);
		expect(prize.ds).toHaveLength(3);
		for (const d of prize.ds) expect(num(d), d).toBeLessThan(200000);
	});

	it('offers months on the key grid of quarters and halves of a year', () => {
		expect(monthGrid('18 months', 18)).toBe(6);
		expect(monthGrid('9 months', 9)).toBe(3);
		expect(monthGrid('7 months', 7)).toBe(0);
		expect(monthGrid('18 days', 18)).toBe(0);
		const { ds } = optionsFor(
			'Building a new bridge of that size takes at least 18 months, the engineers said.',
			'18 months'
		);
		expect(ds.length).toBeGreaterThan(0);
		for (const d of ds) expect(num(d) % 6, d).toBe(0);
		const year = optionsFor(
			'The three players have all retired from international rugby over the last 12 months.',
			'12 months'
		);
		expect(year.ds).toHaveLength(3);
		for (const d of year.ds) {
			expect(num(d) % 6, d).toBe(0);
			expect(num(d), d).toBeLessThanOrEqual(30);
		}
	});
});

describe('a time of day', () => {
	it('is offered valid times on its own grid of minutes', () => {
		const t =
			'The kick-off has been brought forward from 2115 GMT to 1945 GMT because of the police.';
		const ds = clockVariants(t, spanOf(t, '2115'), '2115') as string[];
		expect(ds.length).toBeGreaterThanOrEqual(3);
		for (const d of ds) {
			expect(d).toMatch(/^([01]\d|2[0-3])[0-5]\d$/);
			expect(Number(d.slice(2)) % 15).toBe(0);
		}
		// Not a time without a zone or a clock word after it.
		const u = 'The club sold 2115 season tickets this year.';
		expect(clockVariants(u, spanOf(u, '2115'), '2115')).toBeUndefined();
		const w = 'The talks start at 19.30 local time on Monday.';
		for (const d of clockVariants(w, spanOf(w, '19.30'), '19.30') as string[])
			expect(d).toMatch(/^\d{1,2}\.(00|30)$/);
	});

	it('keeps the bounds the sentence sets', () => {
		const t = 'The kick-off has been brought forward from 2115 GMT to 1945 GMT.';
		for (const d of clockVariants(t, spanOf(t, '2115'), '2115', 1945) ?? [])
			expect(Number(d)).toBeGreaterThan(1945);
	});
});

describe('a distance raced', () => {
	it('gets no invented distances, only real ones', () => {
		const sport = analyze(
			'The striker scored twice and the midfielder once as the league leaders won the cup tie.'
		);
		expect(fixedDistance(sport, '10,000m')).toBe(true);
		expect(fixedDistance(sport, '300m stage')).toBe(true);
		const business = analyze('The firm raised $300m from investors in its first year.');
		expect(fixedDistance(business, '300m')).toBe(false);
		expect(fixedDistance(business, '300 passengers')).toBe(false);
		const { ds } = optionsFor(
			'Radcliffe, who won the league and cup double in 2003, ran the 10,000m in Helsinki on Friday.',
			'10,000m'
		);
		// Only distances races are run over ("5,000m"), never a made-up "14,000m".
		for (const d of ds) expect(['1,500m', '3,000m', '5,000m', '800m']).toContain(d);
		const meeting = analyze(
			'Kluft won the sprint hurdles, the long jump and the 400m in Stockholm.'
		);
		expect(fixedDistance(meeting, '400m')).toBe(true);
	});
});

describe('figures the sentence shows', () => {
	it('offers none equal to another figure of the sentence', () => {
		const t =
			'The Number 80 firm was among production companies in the top 50 of the list this year.';
		expect(figuresShown(analyze(t), spanOf(t, '50')).has(80)).toBe(true);
		const { ds } = optionsFor(t, '50');
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(num(d)).not.toBe(80);
	});

	it('makes no multiple choice on a figure the sentence shows in another unit', () => {
		const t = 'The launch price of £99 (149 euros) compares well with the US price of $149.';
		expect(keyFigureShown(analyze(t), spanOf(t, '$149'), '$149')).toBe(true);
		const u = 'The launch price of £99 compares well with the US price of $149.';
		expect(keyFigureShown(analyze(u), spanOf(u, '$149'), '$149')).toBe(false);
		expectRefused({
			text: [
				'The games console goes on sale in Britain in March.',
				'The launch price of £99 (149 euros) compares well with the US price of $149, the firm said.',
				'It sold 500,000 units in its first week in Japan, at a price of $180, and 2m in the US.'
			],
			builder: multipleChoiceBuilder,
			answer: '$149',
			reason: 'key-figure-shown'
		});
	});
});

describe('the article before the blank', () => {
	it('offers figures read with the key article first', () => {
		for (const d of anVariants({ text: '85%', kind: 'percent', value: 85 }, -Infinity, Infinity))
			expect(takesAn(d), d).toBe(true);
		const { ds } = optionsFor(
			'Complaints are settled at the first call in about 70% of cases, but that is an 85% rate in the best call centres.',
			'85%'
		);
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(takesAn(d), d).toBe(true);
		const plain = optionsFor('Sales at the firm rose by a 40% margin in the year to March.', '40%');
		for (const d of plain.ds) expect(takesAn(d), d).toBe(false);
	});
});

describe('people of the key setting', () => {
	it('reads a party role as politics', () => {
		expect(walkOfRole('Lib Dem spokesman', false)).toBe('politics');
		expect(walkOfRole('William Hill spokesman', false)).toBeUndefined();
		expect(walkOfRole('uncle', false)).toBe('private');
	});

	it('offers no one the sentence names by a part of the name or by a role', () => {
		const doc = analyze(
			'Gavin Henson and Stephen Jones trained on Monday. Prime Minister Tony Blair spoke later.'
		);
		const henson = doc.entities.find((e) => e.name === 'Gavin Henson');
		expect(henson).toBeTruthy();
		expect(shownElsewhere(henson!, '"gavin is ridiculously talented," warned _', 'Jones')).toBe(
			true
		);
		expect(shownElsewhere(henson!, 'he is ridiculously talented, warned _', 'Jones')).toBe(false);
		const blair = { ...henson!, name: 'Tony Blair', roles: ['Prime Minister'], role: undefined };
		expect(shownElsewhere(blair, 'the first question to the prime minister from _', 'Bob')).toBe(
			true
		);
	});

	it('offers a relative only other private people', () => {
		const { ds } = optionsFor(
			[
				'Home Secretary David Blunkett and shadow home secretary David Davis debated the case.',
				'Minister John Denham said the law would change, and Blunkett agreed with Davis.',
				"Amanda's uncle, Lewis Champion, told the BBC the killer did not deserve any credit.",
				'Mr Champion said he was angry.',
				'Tom Reed was jailed in 2001 and Reed is due for release this year.'
			].join(' '),
			'Lewis Champion'
		);
		expect(ds).toEqual([]);
		const o = optionsFor("Amanda's uncle, Lewis Champion, was angry.", 'Lewis Champion');
		expect(keyWalk(o.doc, o.a, o.doc.entities[o.a.entity as number])?.walk).toBe('private');
	});

	it('offers a quoted politician no film star the article does not quote', () => {
		const doc = analyze(
			[
				'Culture Secretary Tessa Jowell praised the film at the London premiere on Monday.',
				'Actress Kate Winslet and actor Jude Law were at the premiere with Winslet leading the cast.',
				'Shadow culture secretary Julie Kirkbride said the industry needed more help.',
				'Jowell said: "We will back British film with new money."'
			].join(' ')
		);
		const id = (name: string) => doc.entities.find((e) => e.name === name)?.id as number;
		const speakers = new Set([id('Julie Kirkbride')]);
		const key = { text: 'Tessa Jowell', kind: 'person' as const, entity: id('Tessa Jowell') };
		const ds = distractors(doc, { ...key, prefer: speakers }, [], 3);
		expect(ds).toContain('Julie Kirkbride');
		expect(ds).not.toContain('Kate Winslet');
		expect(ds).not.toContain('Jude Law');
	});

	it('makes no multiple choice on a person other name', () => {
		const t = 'The rapper, whose real name is David Brown, is due in court.';
		expect(aliasSlot(t, t.indexOf('David'))).toBe(true);
		expect(aliasSlot(t, t.indexOf('court'))).toBe(false);
	});
});
