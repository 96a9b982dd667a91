import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import type { Doc } from './types';

const TEXT = `Mayor Ana Ruiz, the former head of the port authority, opened the bridge on Friday. "It joins two halves of the city," Ms Ruiz said. Its builder, Kellan Works, spent $40m and hired 300 workers. Engineer Tomas Berg said the deck "will last a century". France and Spain sent delegations. Traffic fell 12% in March 2024, officials said.`;

const byName = (d: Doc, name: string) => d.entities.find((e) => e.name === name);

describe('entities', () => {
	const doc = analyze(TEXT);

	it('finds people with their roles and ties later mentions to them', () => {
		const ruiz = byName(doc, 'Ana Ruiz');
		expect(ruiz?.kind).toBe('person');
		expect(ruiz?.role).toBe('Mayor');
		expect(ruiz?.mentions.length).toBe(2);
		expect(doc.roles.map((r) => r.role)).toContain('former head of the port authority');
		expect(byName(doc, 'Tomas Berg')?.role).toBe('Engineer');
	});

	it('finds places, dates, money, quantities and percentages', () => {
		const kinds = doc.mentions.map((m) => `${m.kind}:${m.text}`);
		expect(kinds).toEqual(
			expect.arrayContaining([
				'place:France',
				'place:Spain',
				'date:Friday',
				'money:$40m',
				'quantity:300 workers',
				'percent:12%',
				'date:March 2024'
			])
		);
		expect(doc.mentions.find((m) => m.text === '$40m')?.value).toBe(40_000_000);
	});

	it('groups coordinated names of one kind', () => {
		const fr = doc.mentions.find((m) => m.text === 'France');
		const es = doc.mentions.find((m) => m.text === 'Spain');
		expect(fr?.group).toBeDefined();
		expect(fr?.group).toBe(es?.group);
	});

	it('attributes direct and reported quotes to their speakers', () => {
		const speakers = doc.quotes.map((q) => [q.text, doc.entities[q.speaker]?.name]);
		expect(speakers).toEqual([
			['It joins two halves of the city,', 'Ana Ruiz'],
			['will last a century', 'Tomas Berg']
		]);
	});

	it('resolves "he said" to the person last named', () => {
		const d = analyze('Coach Ray Dunn praised the team. "They never gave up," he said.');
		expect(d.entities[d.quotes[0]?.speaker ?? -1]?.name).toBe('Ray Dunn');
	});

	it('knows country aliases are one entity', () => {
		const d = analyze(
			'The United States signed the deal. Officials in the US said America would pay.'
		);
		const places = d.entities.filter((e) => e.kind === 'place');
		expect(places.map((p) => p.name)).toEqual(['United States']);
		expect(places[0]?.mentions.length).toBe(3);
	});
});

describe('name boundaries', () => {
	it('keeps an inner region adjective and an institution\'s "on" inside the name', () => {
		const d = analyze(
			'Delegates of the League of Arab Harbour Towns met the Committee on River Safety in May.'
		);
		const names = d.mentions.map((m) => m.text);
		expect(names).toContain('League of Arab Harbour Towns');
		expect(names).toContain('Committee on River Safety');
	});

	it('reads a model number joined by a hyphen as part of a name', () => {
		const d = analyze('The yard rebuilt its old Kestrel K-40 ferry for the summer crossings.');
		expect(d.mentions.map((m) => `${m.kind}:${m.text}`)).toContain('name:Kestrel K-40');
		expect(d.mentions.some((m) => m.text === '40')).toBe(false);
	});

	it('leaves the verb out of a role: "has praised engineer X"', () => {
		const d = analyze('The mayor has praised engineer Tomas Berg for the quick repairs.');
		expect(d.roles.map((r) => r.role)).toContain('engineer');
		expect(d.roles.map((r) => r.role)).not.toContain('praised engineer');
	});
});

describe('acronyms', () => {
	it('takes an unknown acronym for a body but not "GDP" or "DVD"', () => {
		const doc = analyze(
			'Economists at KPMG expect GDP to grow by 3%, while DVD sales rose by 12%.'
		);
		const kinds = doc.mentions.map((m) => `${m.kind}:${m.text}`);
		expect(kinds).toContain('organisation:KPMG');
		expect(kinds.some((k) => /^organisation:(GDP|DVD)/.test(k))).toBe(false);
	});
});
