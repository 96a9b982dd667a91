import { describe, expect, it } from 'vitest';
import { generateDeck } from './index';
import { analyze } from '../nlp';
import { referentNames } from './context';

const UNIT = `Oil firm sells its main unit

Russian oil giant Yukos will auction Yuganskneftegas, Yukos' main production unit, next month to pay a tax bill of $27bn.

The government says the sale is legal. Lawyers for the company argued in a Moscow court on Monday that the auction should be stopped.

Many observers believe that the unit, which produces 60% of Yukos' oil output, could fall into the hands of Surgutneftegas or even Gazprom.

Shares in Yukos fell 12% on Tuesday after the announcement was made in Moscow by the justice ministry.

Analysts at Renaissance Capital said the firm would struggle to survive without the unit, which pumps about one million barrels a day.`;

describe('a description the article named before is written as its name', () => {
	it('finds the name an apposition gives the noun, before the sentence only', () => {
		const doc = analyze(UNIT);
		const at = UNIT.indexOf('Many observers');
		expect(referentNames(doc, 'unit', at)).toEqual(['Yuganskneftegas']);
		expect(referentNames(doc, 'unit', UNIT.indexOf('Yuganskneftegas'))).toEqual([]);
	});

	it('rewrites "the unit" in cloze and sentence-completion questions', () => {
		const deck = generateDeck(UNIT, { seed: 1 });
		const about = deck.questions.filter((q) => q.prompt.includes('which produces'));
		expect(about.length).toBeGreaterThan(0);
		for (const q of about) {
			expect(q.prompt).toContain('that Yuganskneftegas, which produces');
			expect(q.prompt).not.toContain('the unit');
		}
	});

	it('finds two names when two things were called so: then nothing is written in', () => {
		const text = `Games maker Alpha Soft bought Redwood, its Canadian studio, in 2003 for $40m.

Rival Beta Games owns Bluefin, its German studio, which employs 200 people in Berlin.

The studio will release 12 titles in 2006, chief executive John Hale said on Tuesday.`;
		const doc = analyze(text);
		expect(referentNames(doc, 'studio', text.indexOf('The studio')).sort()).toEqual([
			'Bluefin',
			'Redwood'
		]);
	});

	it('reads "the Yuganskneftegas production unit" as naming the unit, not "the BBC film"', () => {
		const text = `Baikal bought the Yuganskneftegas production unit for $9bn on Sunday.

The BBC film about the sale was shown in London on Monday night.

Observers said the unit would be sold on, and the film was praised.`;
		const doc = analyze(text);
		const at = text.indexOf('Observers');
		expect(referentNames(doc, 'unit', at)).toEqual(['Yuganskneftegas']);
		expect(referentNames(doc, 'film', at)).toEqual([]);
	});

	it('never writes in a name from "a member of the band" nor an indefinite "a service"', () => {
		const text = `Band splits after ten years

Singer Joe Bloggs, a member of the band, said on Monday that Tin Lanterns would play one last show in Leeds.

The company launched Skype In, a service which lets users take calls, in March.

Fans said the band played its last concert in Leeds in 2004 before 5,000 people.`;
		const doc = analyze(text);
		expect(referentNames(doc, 'band', text.length)).toEqual([]);
		expect(referentNames(doc, 'service', text.length)).toEqual([]);
	});
});

describe("the article's main subject is never blanked in its own words nor twice", () => {
	const TEXT = `Reeves joins new thriller

Keanu Reeves is to star in a thriller about a hacker, the studio said on Monday.

"When I was 15 years old I asked my mom if it was OK to be an actor," Reeves said.

The film will be shot in Toronto in 2006 and cost about $80m, producers said.

Reeves last appeared in a drama set in Chicago, which earned $120m worldwide.`;

	it('asks neither a cloze nor a multiple choice on the speaker of his own quotation', () => {
		const deck = generateDeck(TEXT, { seed: 1 });
		expect(deck.questions.length).toBeGreaterThan(0);
		const own = deck.questions.filter(
			(q) => q.prompt.includes('asked my mom') && q.prompt.includes('_____ said')
		);
		expect(own).toEqual([]);
	});
});
