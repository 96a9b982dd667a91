import { describe, expect, it } from 'vitest';
import { analyze } from './index';

const kindOf = (text: string, name: string) =>
	analyze(text).entities.find((e) => e.name === name)?.kind;

describe('company cue', () => {
	it('makes a name after a business noun an organisation', () => {
		const t =
			'The carmaker will recall cars fitted with a pump supplied by parts maker Robert Bosch. Shares in Bosch fell on the news.';
		expect(kindOf(t, 'Robert Bosch')).toBe('organisation');
		expect(kindOf('Shares in retailer Marvelo rose on Monday after the results.', 'Marvelo')).toBe(
			'organisation'
		);
	});

	it('leaves a maker of works and a named person alone', () => {
		const t = 'The award went to games maker Peter Molyneux. Molyneux said he was delighted.';
		expect(kindOf(t, 'Peter Molyneux')).toBe('person');
		const u = 'Parts maker Robert Bosch was praised. Robert Bosch said he was proud of his staff.';
		expect(kindOf(u, 'Robert Bosch')).toBe('person');
	});
});

describe('place by preposition', () => {
	it('makes a name only used after "in" a place', () => {
		const t =
			'The runners were found training in Qatar rather than in Brevandia, where they had said they would be.';
		expect(kindOf(t, 'Brevandia')).toBe('place');
		const doc = analyze(t);
		const m = doc.mentions.find((x) => x.text === 'Brevandia');
		expect(m?.kind).toBe('place');
	});

	it('keeps titles, bodies and names used otherwise', () => {
		expect(kindOf('Foxx won praise for his role in Brevandia last year.', 'Brevandia')).not.toBe(
			'place'
		);
		expect(kindOf('The film Lost in Brevandia won the award.', 'Brevandia')).not.toBe('place');
		expect(kindOf('The airline is in Chapter 11 protection.', 'Chapter')).not.toBe('place');
		const t = 'Fans met in Brevandia on Monday. Brevandia said the fans were welcome.';
		expect(kindOf(t, 'Brevandia')).not.toBe('place');
		expect(kindOf('Banks grew in Brevandic finance last year.', 'Brevandic')).not.toBe('place');
	});
});

describe('glued name', () => {
	it('drops a place name glued before a person the text names alone', () => {
		const t =
			'Conductor Marcello Brevi led the Casa Lumen orchestra. Brevi was born in Bern. He returned to Casa Lumen in 2002. At Casa Lumen Brevi was widely praised. Brevi’s debut in New York came in 2000.';
		const doc = analyze(t);
		expect(doc.entities.some((e) => e.name === 'Casa Lumen Brevi')).toBe(false);
		expect(doc.mentions.some((m) => m.text === 'Casa Lumen Brevi')).toBe(false);
		expect(
			doc.mentions.some((m) => m.text === 'Brevi' && m.start === t.indexOf('Brevi was widely'))
		).toBe(true);
	});

	it('keeps a full name that opens on a place name', () => {
		const t = 'Paris Hilton flew to Paris on Monday. Hilton said she loved Paris.';
		expect(analyze(t).entities.some((e) => e.name === 'Paris Hilton')).toBe(true);
		const u =
			'Jackson sang first. Fans feared a Janet Jackson-style row. Last year, Janet Jackson said sorry.';
		expect(analyze(u).entities.some((e) => e.name === 'Janet Jackson')).toBe(true);
	});
});
