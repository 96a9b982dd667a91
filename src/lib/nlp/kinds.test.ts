import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { nationalityOf, orgType, placeKind } from './kinds';

describe('entity kinds', () => {
	it('gives people the country their title names', () => {
		const doc = analyze(
			'French President Emmanuel Macron met Ukraine’s foreign minister, Dmytro Kuleba, in Paris.'
		);
		const macron = doc.entities.find((e) => e.name === 'Emmanuel Macron');
		expect(macron?.nationality).toBe('France');
		expect(macron?.roles).toEqual(['French President']);
		expect(nationalityOf("Ukraine's foreign minister")).toBe('Ukraine');
		expect(nationalityOf('chief executive')).toBeUndefined();
	});

	it('types organisations by name and by the words around them', () => {
		for (const [name, around, type] of [
			['Metropolitan Police', '', 'police'],
			['Labour Party', '', 'party'],
			['Ministry of Defence', '', 'public'],
			['Kellan Works', 'the firm said its shares', 'company'],
			['Zorblat', '', 'other']
		] as const)
			expect(orgType(name, around), name).toBe(type);
		const doc = analyze('Shares in Kellan Group fell after the firm cut its forecast.');
		expect(doc.entities.find((e) => e.name === 'Kellan Group')?.orgType).toBe('company');
	});

	it('tells countries, regions and cities apart', () => {
		expect(['France', 'Paris', 'Texas', 'Baker Street', 'Lake Geneva'].map(placeKind)).toEqual([
			'country',
			'city',
			'region',
			'street',
			'nature'
		]);
	});
});
