/** Cloze rules: give-aways, figures of speech, common-word blanks, context and hints. */
import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import { clozeHint, clozeProblem, figureOfSpeech, nameWordShown } from './builders/cloze';
import { shownSentence } from './builders/common';
import { generateDeck } from './index';
import { anchorlessComparison, lostDemonstrative, thereReference } from './context';
import { commonBlank } from './quality';
import type { Question } from './types';
import type { FactX } from './facts';

function factFor(text: string, answer: string) {
	const { doc, facts } = readForTest(text);
	const f = facts.find((x) => x.answer?.text === answer);
	expect(f, `a fact answered by ${answer}`).toBeTruthy();
	return { doc, f: f as FactX };
}

describe('rule name-word-shown: a word of the name stands alone in the stem', () => {
	it('refuses a stem that shows the first name on its own', () => {
		expect(
			nameWordShown('_____ hosts the late show Petra and Ivo on Radio Nine.', 'Ivo Marsh')
		).toBe(true);
		expect(
			nameWordShown('Critics praised the _____ biopic Ola at the festival.', 'Ola Brandt')
		).toBe(true);
	});

	it('keeps a stem where the word is part of another name', () => {
		expect(nameWordShown('Dorset Rovers beat _____ in the cup.', 'Dorset Wanderers')).toBe(false);
		expect(nameWordShown('The comedy Tea For Two was a sequel to _____.', 'Tea For Ten')).toBe(
			false
		);
		expect(nameWordShown('_____ beat Leeds in the cup.', 'Ivo Marsh')).toBe(false);
	});
});

describe('rules class-noun and likened-name: a name standing for a kind', () => {
	it('refuses "be a _____" and "this year\'s _____"', () => {
		const a = factFor(
			'Players get the chance to be a Jedi in the new game from Lumasoft. Critics in Paris liked it.',
			'Jedi'
		);
		expect(figureOfSpeech(a.doc, a.f)).toBe('class-noun');
		const b = factFor(
			'"The Zing phone is likely to be this year\'s Furby," said Tom Harper of Gadget Weekly.',
			'Furby'
		);
		expect(figureOfSpeech(b.doc, b.f)).toBe('likened-name');
	});

	it('keeps a name that is a fact of the sentence', () => {
		const a = factFor('The game was made by Lumasoft in Paris last year.', 'Lumasoft');
		expect(figureOfSpeech(a.doc, a.f)).toBeNull();
	});
});

describe('rule common-blank: in an article, a lower-case blank that is no key term', () => {
	const text =
		'The singer told fans he would leave the band after the tour.\n\nCarbon trading rules were agreed on Monday. Critics say carbon trading favours large firms.';
	const q = (answer: string): Question => {
		const start = text.indexOf(answer);
		return {
			type: 'cloze',
			prompt: '',
			answer,
			answerSpan: { start, end: start + answer.length },
			kind: 'thing',
			hint: '',
			score: 1
		} as unknown as Question;
	};

	it('marks a single common noun and keeps a repeated term', () => {
		const { doc } = readForTest(text);
		expect(commonBlank(doc, q('band'))).toBe(true);
		expect(commonBlank(doc, q('carbon trading'))).toBe(false);
	});
});

describe('context: comparisons, "there" and a lost demonstrative', () => {
	it('flags "X, too," and "equally quick" with nothing compared in the sentence', () => {
		expect(anchorlessComparison('Lena, too, was full of praise for _____.')).toBe(true);
		expect(anchorlessComparison('The _____ is equally quick to condemn the plan.')).toBe(true);
		expect(anchorlessComparison('Rail and bus fares are equally high in _____.')).toBe(false);
		expect(anchorlessComparison('Lena works with the equally bold director _____.')).toBe(false);
	});

	it('flags a locative "there" but not "there is"', () => {
		expect(thereReference('She recorded her first album _____ there.')).toBe(true);
		expect(thereReference('There is a chance to win _____.')).toBe(false);
		expect(thereReference('Fans in Spain make up _____ of the visits from there.')).toBe(false);
	});

	it('flags "These steps" shown as "The steps"', () => {
		expect(
			lostDemonstrative(
				'These steps helped Brix cut costs by 20%.',
				'The steps helped Brix cut costs by _____.'
			)
		).toBe(true);
		expect(
			lostDemonstrative('Brix cut costs by 20% in 2003.', 'Brix cut costs by _____ in 2003.')
		).toBe(false);
	});
});

describe('rule person-hint', () => {
	it('hints "a person" after an office, whatever the name was read as', () => {
		const text =
			'Leaders at the summit in Oslo include South African President Thabu Ngema, whose plane was delayed by talks.';
		const { doc, facts } = readForTest(text);
		const f = facts.find((x) => x.answer?.text.endsWith('Thabu Ngema')) as FactX;
		const start = text.indexOf('Thabu');
		const a = f.answer as NonNullable<FactX['answer']>;
		const narrow = {
			...f,
			answer: {
				...a,
				kind: 'thing',
				text: 'Thabu Ngema',
				span: { start, end: start + 11 },
				a: a.b - 2
			}
		} as FactX;
		expect(clozeHint(doc, narrow)).toBe('a person');
	});
});

describe('a one-word name after a capitalised plural possessive', () => {
	it('is the end of a title, never a blank of its own', () => {
		const { doc, f } = factFor(
			"She played Matron in the drama Nurses' Ward for three years. Critics in Dunmore praised her.",
			'Ward'
		);
		expect(clozeProblem({ doc, lowerSeen: new Set() }, f)).toBe('blank-cuts-name');
	});
});

describe('an opening "As well as"', () => {
	it('is kept whole: it is no discourse word', () => {
		expect(shownSentence('As well as being fast, Dune Rally sells.')).toBe(
			'As well as being fast, Dune Rally sells.'
		);
		expect(shownSentence('As well, Dune Rally sells.')).toBe('Dune Rally sells.');
	});
});

describe('a cloze on a common word in an article', () => {
	it('is made a filler, named common-blank, behind every named cloze', () => {
		const text = [
			'Lantern Choir announced on Monday that bassist Ivo Brandt has left after nine years. The group, formed in Dunmore in 1994, sold 400,000 copies of its album Harbour Lights last year.',
			'Brandt told the Kelso Herald that he wanted to spend more time with his family. Singer Petra Lund said the band would tour Norway in March with a new bassist, Tomas Berg.',
			'The tour opens in Bergen on 4 March and ends in Oslo on 20 March. Tickets cost £35 and went on sale on Friday, the promoter Nordlys Live said.'
		].join('\n\n');
		const why: string[] = [];
		const deck = generateDeck(text, {
			onReject: (r) => {
				if (r.type === 'cloze' && r.reason === 'blank-on-common-word') why.push(r.detail ?? '');
			}
		});
		expect(why.some((d) => d.includes('group') && d.includes('common-blank'))).toBe(true);
		const at = deck.questions.findIndex((q) => q.type === 'cloze' && q.answer === 'group');
		const named = deck.questions.filter((q) => q.type === 'cloze' && /^\p{Lu}|\d/u.test(q.answer));
		expect(named.length).toBeGreaterThan(0);
		if (at >= 0) for (const q of named) expect(deck.questions.indexOf(q)).toBeLessThan(at);
	});
});
