import { describe, expect, it } from 'vitest';
import { openingEpithet } from './coref';
import { analyze } from './index';

describe('an opening description followed by a comma', () => {
	it('finds "The rapper, whose …" and "The Briton, running …"', () => {
		const doc = analyze(
			'Jo Kell was arrested in May. The rapper, whose real name is Joseph Kell, is due in court. Ann Voss won in Leeds. The Briton, running for the first time since July, held off Mia Lund.'
		);
		expect(openingEpithet(doc, 1)).not.toBeNull();
		expect(openingEpithet(doc, 3)).not.toBeNull();
	});

	it('finds an age between commas', () => {
		const doc = analyze('Tom Hale left Tarrow. The striker, 25, joined Greenvale in June.');
		expect(openingEpithet(doc, 1)).not.toBeNull();
	});

	it('leaves a description followed by the name or by an aside', () => {
		const doc = analyze(
			'Sales rose in May. The singer, Jo Kell, released a record in June. The team, however, lost in Leeds.'
		);
		expect(openingEpithet(doc, 1)).toBeNull();
		expect(openingEpithet(doc, 2)).toBeNull();
	});
});
