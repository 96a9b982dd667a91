import { describe, expect, it } from 'vitest';
import { openingEpithet, sentenceInContext } from './coref';
import { analyze } from './index';

describe('an "it" the previous sentence does not settle', () => {
	it('takes no name from a list after an opening phrase', () => {
		const doc = analyze(
			'Dairyco has sued 45 banks in Milan. Among those already targeted are Tarrow Bank, ZBC, Lumo Brothers First Trust, Hale Bank and Citico. It has also gone after auditors Fenwick Hall.'
		);
		expect(sentenceInContext(doc, 2) ?? '').not.toMatch(/ZBC|Lumo|Hale|Citico/);
	});

	it('takes no place from an opening "In the US"', () => {
		const doc = analyze(
			'In the US you cannot sell a one-click shop unless Acme Corp lets you. It is a small invention, but Acme Corp got to the patent office first.'
		);
		expect(sentenceInContext(doc, 1) ?? '').not.toMatch(/United States|the US is/);
	});

	it('takes no place for "It is a small invention"', () => {
		const doc = analyze(
			'Norway backed the plan on Monday. It is a small invention, but nobody else had it first.'
		);
		expect(sentenceInContext(doc, 1) ?? '').not.toMatch(/^Norway/);
	});

	it('writes the name once after "In its …"', () => {
		const doc = analyze(
			'Acme Corp has warned users to update their systems. In its monthly bulletin, it flagged eight serious holes.'
		);
		expect(sentenceInContext(doc, 1)).toBe(
			'In its monthly bulletin, Acme Corp flagged eight serious holes.'
		);
	});
});

describe('an opening "The Scot"', () => {
	it('is written as the previous subject when that is the only person', () => {
		const doc = analyze(
			"Former Rovers manager Jim Tanner has turned down the job at Greenvale. The Scot was the chairman's first choice to replace Bob Hale."
		);
		expect(sentenceInContext(doc, 1)).toMatch(/^Jim Tanner was/);
		expect(openingEpithet(doc, 1)).toBeNull();
	});

	it('stays, and is flagged, when two people could be meant', () => {
		const doc = analyze(
			'Jim Tanner beat Bob Hale in the final at Greenvale. The Scot was the favourite to win the title.'
		);
		expect(sentenceInContext(doc, 1) ?? '').not.toMatch(/Tanner|Hale/);
		expect(openingEpithet(doc, 1)).not.toBeNull();
	});
});
