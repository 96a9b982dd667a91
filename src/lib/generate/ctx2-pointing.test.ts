import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { bareReference, relationalNoun, thenReference } from './context';

describe('time-back-reference', () => {
	it('flags a "then" of sequence that counts from an earlier sentence', () => {
		expect(thenReference('_____ then won the junior title for Kenya.')).toBe(true);
		expect(thenReference('By then, the shop had closed.')).toBe(true);
		expect(thenReference('Prices have doubled since then, the survey found.')).toBe(true);
	});
	it('leaves a "then" the sentence itself anchors', () => {
		expect(thenReference('She won in Oslo and then took the title in Rome.')).toBe(false);
		expect(thenReference('He joined in 2001, then left for Spain.')).toBe(false);
		expect(thenReference('If the vote fails, then the plan is dead.')).toBe(false);
		expect(thenReference('The then mayor opened the bridge.')).toBe(false);
		expect(thenReference('The then-mayor opened the bridge.')).toBe(false);
		expect(thenReference('A ban imposed by then president _____ in 1986.')).toBe(false);
		expect(thenReference('Then again, critics may not agree.')).toBe(false);
	});
});

describe('relational-noun', () => {
	it('flags a successor or incumbent of nothing named', () => {
		expect(
			relationalNoun('Previous incumbent _____, who clashed with ministers, steps down.')
		).toBe(true);
		expect(relationalNoun('His successor will be named in May.')).toBe(true);
	});
	it('leaves one whose post or person is named', () => {
		expect(relationalNoun("Clare Hobb's successor will be named in May.")).toBe(false);
		expect(relationalNoun('The incumbent of the seat, _____, steps down.')).toBe(false);
		expect(relationalNoun('The _____ took the post in 2001.')).toBe(false);
		expect(relationalNoun('_____ met his German counterpart on Friday.')).toBe(false);
		expect(relationalNoun('Hal Orme said his predecessor, _____, had left debts.')).toBe(false);
	});
});

describe('bare-reference: nation and story', () => {
	const text =
		'The Vale Rovers won 3-1 at home. Dana Pike said the national team would improve. Fans tell an old tale about the club. The story goes that a goat ran the club.';
	const doc = analyze(text);
	const at = (i: number) => doc.sentences[i]?.start ?? 0;
	it('flags "the national team" and "the story" that the sentence does not name', () => {
		expect(bareReference(doc, '_____ said the national team would improve.', at(1))).toBe(true);
		expect(bareReference(doc, 'The story goes that a _____ ran the club.', at(3))).toBe(true);
	});
	it('leaves a national team named by its country or a story of something', () => {
		expect(bareReference(doc, '_____ said the national team of Peru would improve.', at(1))).toBe(
			false
		);
		expect(
			bareReference(doc, 'Peru forward _____ said the national team would improve.', at(1))
		).toBe(false);
		expect(bareReference(doc, 'The story of the club is told in a _____.', at(3))).toBe(false);
	});
});

describe('time-back-reference after a time the sentence gives', () => {
	it('leaves "before then" that counts from a year in the sentence', () => {
		expect(
			thenReference(
				'The law takes effect in autumn 2008 and pupils who start before then will not pay.'
			)
		).toBe(false);
	});
});
