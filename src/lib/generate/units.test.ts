import { describe, expect, it } from 'vitest';
import { broadcastDetail, clozeProblem, derivedFormShown, figurePhrase } from './builders/cloze';
import { countKey, whoGroup } from './builders/short-answer';
import type { FactX } from './facts';
import { readForTest } from './fixtures/read';
import { blanked, cutsUnit, personOfBody, takesTitle, wordsBeforeName } from './builders/common';

/** Blanks [answer] where it first stands in `text`, and asks cutsUnit why it may not be blanked. */
function cut(text: string, answer: string, at = text.indexOf(answer)) {
	return cutsUnit(text, at, at + answer.length, answer);
}

describe('blanks that are whole units', () => {
	it('never blanks a possessive, with or without its s', () => {
		expect(
			cut("The Hollow, Pia Landers's biopic of a pilot, leads the field.", 'Pia Landers')
		).toBe('blank-possessive');
		expect(cut("Brooks' 800m gold medal victory beat every other moment.", 'Brooks')).toBe(
			'blank-possessive'
		);
		expect(cut("After two wins, Ed O'Hara' side can look forward to the final.", "Ed O'Hara")).toBe(
			'blank-possessive'
		);
		expect(cut('Pia Landers directed the biopic of a pilot.', 'Pia Landers')).toBeNull();
	});

	it('never blanks one end of a range or pair whose other end borrows its unit', () => {
		expect(cut('The fair runs officially from 6 to 9 January.', '9 January')).toBe(
			'blank-splits-unit'
		);
		expect(cut('Smaller works go under the hammer on 22 and 23 June.', '23 June')).toBe(
			'blank-splits-unit'
		);
		expect(cut('The fair runs officially from 6 to 9 January.', '6')).toBe('blank-splits-unit');
		expect(cut('Takings rose from £70 to £36 million.', '£36 million')).toBeNull();
		expect(cut('The fair opens on 9 January in the city.', '9 January')).toBeNull();
		expect(cut('Of 15 games, 13 wins came at home.', '13 wins')).toBeNull();
	});

	it('never blanks a title with the name, nor half a title', () => {
		expect(cut('Chief Supt Marlow went on to warn the public.', 'Supt Marlow')).toBe(
			'blank-on-title'
		);
		expect(
			cut(
				'But Radio Political Correspondent James Tolland said the plan was late.',
				'Radio Political Correspondent James Tolland'
			)
		).toBe('blank-on-title');
		expect(takesTitle('Culture Secretary Tessa Orme')).toBe(true);
		for (const text of ['Tessa Orme', 'General Motors', 'Foreign Office'])
			expect(takesTitle(text), text).toBe(false);
		expect(cut('Culture Secretary Tessa Orme said it was not her job.', 'Tessa Orme')).toBeNull();
	});

	it('never blanks a title without its subtitle', () => {
		expect(cut('Sophie Marr - The Final Days portrays a student.', 'Sophie Marr')).toBe(
			'blank-splits-unit'
		);
		expect(cut('Sophie Marr - the student - was arrested in 1943.', 'Sophie Marr')).toBeNull();
	});

	it('never puts a person and a body under one blank', () => {
		expect(personOfBody('Ray Rae Marsh of the James Marsh Heritage Foundation')).toBe(true);
		for (const text of ['Bank of England', 'University of Leeds', 'Duke of Kent'])
			expect(personOfBody(text), text).toBe(false);
	});
});

describe('words dragged in with a name', () => {
	it('flags words before a first name and surname, not a name alone or a building', () => {
		expect(wordsBeforeName('Fellow Lib Dem James Baker')).toBe(true);
		expect(wordsBeforeName('Fellow Lib Dem Norman Baker', new Set(['Norman Baker']))).toBe(true);
		for (const text of ['Norman Baker', 'Mary Anne Baker', 'Royal Albert Hall'])
			expect(wordsBeforeName(text), text).toBe(false);
		expect(wordsBeforeName('Russian Igor Andreev', new Set(), true)).toBe(true);
		expect(wordsBeforeName('Spanish Grand Prix', new Set(), true)).toBe(false);
		expect(wordsBeforeName('Russian Igor Andreev')).toBe(false);
	});
});

describe('derived forms that give the blank away', () => {
	it('sees the singular of a plural name beside its blank', () => {
		expect(
			derivedFormShown('Team GB went to the 2004 _____ and 20 other Olympic bodies.', 'Olympics')
		).toBe(true);
		expect(derivedFormShown('Team GB went to the 2004 _____ in Athens.', 'Olympics')).toBe(false);
	});
});

describe('more blanks that are no whole unit', () => {
	it('takes a title joined to its rank with the name', () => {
		expect(takesTitle('US Treasury Under-Secretary John Taylor')).toBe(true);
	});

	it('never blanks a pronoun that opens a quotation, and ranks low a name that modifies a noun', () => {
		const { ctx, facts } = readForTest(
			'Ana Ruiz of Tarrow Bank spoke on Monday. She said: "Everyone who looks at the economy says it is weak."\n\nAna Ruiz added: "Although the IDN problem is well known, firms are unaware of it." There is growing evidence that the previously booming UK housing market is now cooling.'
		);
		const f = (answer: string) => facts.find((x) => x.answer?.text === answer);
		const every = f('Everyone');
		expect(every).toBeTruthy();
		expect(clozeProblem(ctx, every as FactX)).toBe('blank-on-common-word');
		const idn = f('IDN');
		expect(idn).toBeTruthy();
		expect(clozeProblem(ctx, idn as FactX)).toBe('blank-modifier');
		const uk = f('UK');
		expect(uk).toBeTruthy();
		expect(clozeProblem(ctx, uk as FactX)).toBe('blank-modifier');
	});
});

describe('who-questions answered by a role', () => {
	it('takes a group named by its role, not a single office standing for a person', () => {
		expect(whoGroup('Who agreed to send troops?', 'coalition leaders')).toBe(true);
		expect(
			whoGroup('Who has told a party gathering that the plans would fail?', 'prime minister')
		).toBe(false);
	});
});

describe('a possessive blank repeated', () => {
	it('never shows the answer blanked again as a possessive', () => {
		const { doc, sureFact } = readForTest(
			"Ana Ruiz's decision to ban cash in Cuba in May has turned the spotlight on Cuba's ailing economy.\n\nThe ban starts in June 2025."
		);
		const f = sureFact('Cuba');
		expect(blanked(doc, f as FactX)).toBe('blank-possessive');
	});
});

describe('the first name of a list, a figure-led phrase', () => {
	it('takes a figure leading a phrase of three words or more for a phrase', () => {
		expect(figurePhrase('eight mile journey', 'quantity')).toBe(true);
		expect(figurePhrase('three main parties say', 'quantity')).toBe(true);
		expect(figurePhrase('seven years', 'quantity')).toBe(false);
		expect(figurePhrase('£3.5 million pounds', 'money')).toBe(false);
	});
});

describe('broadcast details', () => {
	it('sees a channel or a clock time of broadcast, not a place of publication', () => {
		expect(broadcastDetail('The show will be shown on ', ' at 2000 GMT on Wednesday.')).toBe(true);
		expect(broadcastDetail('The show will be shown on BBC One at ', ' on Wednesday.')).toBe(false);
		expect(broadcastDetail('The show will be shown on BBC One at ', ' GMT on Wednesday.')).toBe(
			true
		);
		expect(broadcastDetail('The report was published by ', ' on Monday.')).toBe(false);
	});
});

describe('a how-many key', () => {
	it('is the figure alone when the question names what it counts', () => {
		const { doc, sureFact } = readForTest(
			'The UK has two contenders in the best short film category.\n\nThe awards are in Dunmore in May 2025.'
		);
		const f = sureFact('two contenders');
		expect(
			countKey(doc, f, 'How many contenders does the UK have in the best short film category?')
				?.text
		).toBe('two');
		expect(countKey(doc, f, 'What does the UK have in the best short film category?')).toBeNull();
	});
});
