/** Who-said-it rules: quotation marks paired, "he said" resolved, honest wrong choices. */
import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import {
	continuedQuote,
	honestChoice,
	honestChoices,
	mendGluedI,
	mispairedQuote,
	pastPeople,
	pronounSpeaker,
	quoteBuilder,
	withParticles
} from './builders/quote';
import { analyze } from '../nlp';
import type { Entity } from '../nlp/types';

const quoteOpening = (doc: ReturnType<typeof analyze>, start: string) => {
	const q = doc.quotes.find((x) => x.text.trimStart().startsWith(start));
	expect(q, `a quotation opening on ${start}`).toBeTruthy();
	return q as NonNullable<typeof q>;
};

describe('rule quote-mispaired: narration between two quotations is no quotation', () => {
	// The marks as an article may leave them: each sentence of the speech opened, only some closed.
	const text =
		'"I met the leader on a ferry. "I had written a piece he liked". But what draws him to the party? Many think it is the game. "I think the real threat is red tape".';
	const span = (from: string, to: string) => {
		const start = text.indexOf(from);
		const end = text.indexOf(to, start);
		return { start, end, text: text.slice(start, end) };
	};

	it('refuses the words between a closing mark and the next opening one', () => {
		expect(mispairedQuote(text, span('. But what', '"I think'))).toBe(true);
	});

	it('refuses words opening on a straight mark glued to the word before', () => {
		const t = 'It all ended there" and we went home" he said.';
		const start = t.indexOf('" and') + 1;
		expect(
			mispairedQuote(t, { start, end: t.indexOf('" he'), text: t.slice(start, t.indexOf('" he')) })
		).toBe(true);
	});

	it('keeps a quotation opened and closed in its place', () => {
		expect(mispairedQuote(text, span('I think the real', '".'))).toBe(false);
		expect(mispairedQuote(text, span('I had written', '".'))).toBe(false);
	});

	it('refuses an unclosed quotation that runs on past an attribution', () => {
		const t = '"We will win the vote, he said. Then he left the hall "before the count".';
		const q = { start: 1, end: t.indexOf('"before'), text: t.slice(1, t.indexOf('"before')) };
		expect(mispairedQuote(t, q)).toBe(true);
	});
});

describe('rule quote-continuation: the second half of a sentence is no statement', () => {
	it('refuses "and …" after an attribution to earlier words', () => {
		const doc = analyze(
			'"We will fight on in every seat," said union leader Tom Vickers, "and we will win the vote in the end."'
		);
		expect(continuedQuote(doc, quoteOpening(doc, 'and we will win'))).toBe(true);
	});

	it('keeps direct speech that opens on a small "we"', () => {
		const doc = analyze(
			'Asked about the cost, chief executive Helga Marten said: "we will first solve the problem before talking about who pays".'
		);
		expect(continuedQuote(doc, quoteOpening(doc, 'we will first'))).toBe(false);
	});
});

describe('rule ambiguous-speaker: "he said" after another man spoke', () => {
	const bell = [
		'The schools body has told ministers not to drop the plan.',
		'"Any partial change would harm the whole scheme," said its chairman, Sir Alan Gredley.',
		'Its advice went to ministers in December.',
		'The chief inspector of schools, David Bolt, also said recently that the old exams should go.',
		'"One of the reasons I want these terms to go is that change must be seen right across the system," he said.'
	].join(' ');

	it('gives the words to the man who last spoke, not the last one quoted', () => {
		const { doc, facts } = readForTest(bell);
		const f = facts.find((x) => x.kind === 'quote' && x.quote?.text.startsWith('One of'));
		expect(f, 'the quote fact').toBeTruthy();
		const other = pronounSpeaker(doc, f as NonNullable<typeof f>);
		expect(other && doc.entities[other.entity]?.name).toBe('David Bolt');
	});

	it('refuses when two other men stand between', () => {
		const text = bell.replace(
			'also said recently',
			'met Tom Harlow and Sam Pike, who said recently'
		);
		const { doc, facts } = readForTest(text);
		const f = facts.find((x) => x.kind === 'quote' && x.quote?.text.startsWith('One of'));
		expect(f, 'the quote fact').toBeTruthy();
		expect(pronounSpeaker(doc, f as NonNullable<typeof f>)).toBe(null);
	});

	it('refuses "he said:" whose only earlier name stands after a preposition', () => {
		const text = [
			'Party leader David Moray has quit his post at a law firm.',
			'He had said his legal work with Dean Tallis did not sway him.',
			'But on Friday he said: "I have tendered my resignation as a partner."'
		].join(' ');
		const { doc, facts } = readForTest(text);
		const f = facts.find((x) => x.kind === 'quote' && x.answer?.text === 'Dean Tallis');
		expect(f, 'the quote fact').toBeTruthy();
		expect(pronounSpeaker(doc, f as NonNullable<typeof f>)).toBe(null);
	});

	it('keeps the key when no one else is named since', () => {
		const text = [
			'"Any partial change would harm the whole scheme," said its chairman, Sir Alan Gredley.',
			'"We want the whole reform," he said.'
		].join(' ');
		const { doc, facts } = readForTest(text);
		const f = facts.find((x) => x.kind === 'quote' && x.quote?.text.startsWith('We want'));
		expect(f, 'the quote fact').toBeTruthy();
		expect(pronounSpeaker(doc, f as NonNullable<typeof f>)).toBe(undefined);
	});
});

describe('quoted words mended and names kept whole', () => {
	it('mends "asI" to "as I"', () => {
		expect(mendGluedI('I was not worried asI knew I was fit')).toBe(
			'I was not worried as I knew I was fit'
		);
		expect(mendGluedI('I knew I was fit')).toBe('I knew I was fit');
	});

	it('keeps "van" with the surname', () => {
		const doc = analyze(
			'Coach Rui Mendes once assisted Louis van Gaal at the club. Mendes said the team was ready.'
		);
		expect(withParticles(doc, 'Gaal')).toBe('van Gaal');
		expect(withParticles(doc, 'Mendes')).toBe('Mendes');
	});
});

describe('rule speaker-choices (honest choices)', () => {
	it('finds a figure of the past', () => {
		const doc = analyze(
			'Actor Kevin Stroud starred in the film, inspired by the life of 1950s crooner Bobby Dallin. "Bobby Dallin was the greatest, and because he died young he is forgotten," said Stroud.'
		);
		const dallin = doc.entities.find((e) => e.name === 'Bobby Dallin') as Entity;
		expect(pastPeople(doc).has(dallin.id)).toBe(true);
		const stroud = doc.entities.find((e) => e.name === 'Kevin Stroud') as Entity;
		expect(pastPeople(doc).has(stroud.id)).toBe(false);
	});

	it('finds the characters of a story', () => {
		const doc = analyze(
			'Actor Tom Wyatt will play cult leader Humma Kelso in the film. "It is a dream role," said Wyatt.'
		);
		const kelso = doc.entities.find((e) => e.name === 'Humma Kelso') as Entity;
		expect(pastPeople(doc).has(kelso.id)).toBe(true);
	});

	it('leaves out a firm named only after "with" or "of", and a name with an age glued on', () => {
		const doc = analyze(
			'Mr Hale said his legal work with Dean Tallis did not sway him. A partner of Dean Tallis declined to comment. Critic Ann Lowe said he had erred. Rival Tom Birt agreed. "It is a shame," said Hale.'
		);
		expect(honestChoice(doc, 'Dean Tallis', undefined, new Set(), [])).toBe(false);
		expect(honestChoice(doc, 'Ann Lowe', undefined, new Set(), [])).toBe(true);
		expect(honestChoice(doc, 'Seventeen-year-old Birt', undefined, new Set(), [])).toBe(false);
	});

	it('leaves out a person of the club the words speak of from outside', () => {
		const doc = analyze(
			'Rovers manager Dan Colley expects a hard game. Colley said his side was ready. Athletic star Rafa Lemos said: "Rovers have a good team full of big stars." Lemos added that he was fit.'
		);
		const lemos = doc.entities.find((e) => e.name === 'Rafa Lemos') as Entity;
		expect(honestChoice(doc, 'Dan Colley', lemos, new Set(), ['Rovers'])).toBe(false);
		expect(honestChoice(doc, 'Dan Colley', lemos, new Set(), [])).toBe(true);
	});

	it('leaves out a correspondent beside a union leader', () => {
		const doc = analyze(
			'Talks will resume, said labour correspondent Steve Capel. Union leader Mark Serrano warned of strikes. "It is ironic," said Serrano.'
		);
		const key = doc.entities.find((e) => e.name === 'Mark Serrano') as Entity;
		expect(honestChoice(doc, 'Steve Capel', key, new Set(), [])).toBe(false);
	});

	it('refuses a who-said-it with fewer than three honest wrong choices', () => {
		const text = [
			'Union leader Mark Serrano met minister Joan Pratt on Monday.',
			'"For a government that lectures everyone on choice, it is ironic," said Serrano.',
			'Talks will resume next week, said labour correspondent Steve Capel.'
		].join(' ');
		const { facts, build, rejected } = readForTest(text);
		const f = facts.find((x) => x.kind === 'quote' && x.answer?.text === 'Mark Serrano');
		expect(f, 'the quote fact').toBeTruthy();
		expect(build(quoteBuilder, f as NonNullable<typeof f>)).toEqual([]);
		expect(rejected.some((r) => r.reason === 'weak-speaker-choices')).toBe(true);
	});

	it('adds a speaker the list left out and asks with four choices', () => {
		const doc = analyze(
			[
				'Analyst Tom Fogarty said sales would rise.',
				'Analyst Nina Brack said the price was right.',
				'Analyst Paul Gamage said rivals would follow.',
				'"It is the bravest move they have made," said Analyst Joe Rees.'
			].join(' ')
		);
		const ids = new Set(doc.entities.filter((e) => e.kind === 'person').map((e) => e.id as number));
		const out = honestChoices(
			doc,
			['Tom Fogarty', 'Paul Gamage'],
			{ text: 'Joe Rees', entity: doc.entities.find((e) => e.name.endsWith('Joe Rees'))?.id },
			ids,
			'It is the bravest move they have made',
			[]
		);
		expect(out?.length).toBe(3);
		expect(out).toContain('Nina Brack');
	});
});
