import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import {
	anaphoricOpener,
	anchorlessComparison,
	definiteReference,
	demoteRisky,
	homeCountry,
	possessiveWithoutName,
	sharedSurnameShown,
	shownText,
	unnamedBody,
	unnamedWork
} from './context';
import { expectFlags, type Flagging } from './fixtures/flags';
import { generateDeck } from './index';
import type { Built } from './questions';

describe('shown text', () => {
	it('drops the lead-in of a completed sentence and of a true-or-false statement', () => {
		expect(shownText('Which year completes the sentence? The mill shut in _____.')).toBe(
			'The mill shut in _____.'
		);
		expect(shownText('True or false? The mill shut in 1990.')).toBe('The mill shut in 1990.');
	});
});

/**
 * Each row: a test of one check on shown text, with the texts it must flag and those it must
 * leave.
 */
const leaning: Flagging[] = [
	{
		it: 'flags "their" or "its" in the subject with nothing named before it',
		check: possessiveWithoutName,
		flags: [
			'Their case was heard in _____ last year.',
			'More than 20% of their income comes from wool.',
			'Who is described as its most successful boss?'
		],
		leaves: []
	},
	{
		it: 'lets a name, a blank or the asked subject carry it',
		check: possessiveWithoutName,
		flags: [],
		leaves: [
			'Greenvale said its profits rose 5%.',
			'_____ said its profits rose 5%.',
			'Which firm is to close its mill in Tarrow?',
			'The US market was on its way down by 2001.',
			// Quoted words stay as spoken.
			'"Their plan is bold," said Ann Ridley.'
		]
	},
	{
		it: 'leaves a possessive late in a long sentence to its own subject',
		check: possessiveWithoutName,
		flags: [],
		leaves: ['The richest countries have said they want to raise aid to 0.7% of their income.']
	},
	{
		it: 'flags openings that point back',
		check: anaphoricOpener,
		flags: [
			'The same goes for _____.',
			'This is the third time in a year.',
			'Such a move would cost £2m.',
			'Both men denied the charge.',
			'Neither side has made an offer.',
			'Another 18% came from fraud.'
		],
		leaves: []
	},
	{
		it: 'leaves openings that name who they mean',
		check: anaphoricOpener,
		flags: [],
		leaves: [
			'Both Britain and France sent troops.',
			'Neither Rover nor Nanjing commented.',
			'The same day, the mill shut.',
			'This year the mill shut.'
		]
	},
	{
		it: 'flags a share of something said before',
		check: anaphoricOpener,
		flags: [
			'Of that, £23bn would go on spending plans.',
			'Of those, _____ were sold abroad.',
			'The remaining two will stand trial in _____.'
		],
		leaves: [
			'Of all the firms in Tarrow, Greenvale grew fastest.',
			'The remainder of the loan was paid in 2001.'
		]
	},
	{
		it: 'flags a work named only by its common noun, not one named beside it',
		check: unnamedWork,
		flags: [
			'Ana Falk has been a recluse since the band split up in _____.',
			"The High Court postponed the film's launch until _____.",
			'The resulting song became her first hit in _____.'
		],
		leaves: [
			'The film Red Harbour opened in _____.',
			'Ana Falk said: "I loved the song."',
			'Ana Falk joined the Tarrow band in _____.'
		]
	},
	{
		it: 'flags a body left as its common noun',
		check: unnamedBody,
		flags: ["Ann Voss resigned after being questioned by the party's leadership."],
		leaves: ['The firm Kellan Energy cut its forecast.', 'Ann Voss said: "The party is united."']
	},
	{
		it: 'flags a comparison whose other side is elsewhere',
		check: anchorlessComparison,
		flags: [
			'Ward said Hale may be able to return sooner.',
			'More than _____ followed suit, including Frontline.'
		],
		leaves: ['Hale returned to the track in _____.']
	}
];

describe('definite reference', () => {
	const doc = analyze(
		'The Hollis report was published on Monday. Ann Ridley, who wrote it, spoke to reporters. The report said the mill should close. The weather was mild.'
	);
	const at = (i: number) => doc.sentences[i]?.start ?? 0;

	it('flags a generic subject and a noun the article named before', () => {
		expect(definiteReference(doc, 'The website said sales rose by _____.', at(3))).toBe(true);
		expect(definiteReference(doc, 'The report said the mill should close.', at(2))).toBe(true);
		expect(definiteReference(doc, 'In May, the firm said it would close.', at(3))).toBe(true);
		expect(definiteReference(doc, 'When did the club sign Ann Ridley?', at(3))).toBe(true);
	});

	it('leaves a name, an appositive and a noun never named before', () => {
		expect(definiteReference(doc, 'The weather was mild.', at(3))).toBe(false);
		expect(definiteReference(doc, 'The Hollis report was published on Monday.', at(0))).toBe(false);
		expect(definiteReference(doc, 'Ann Ridley, the firm said, left.', at(3))).toBe(false);
		expect(definiteReference(doc, 'Where was the biggest fall seen?', at(3))).toBe(false);
	});
});

describe('shared surname', () => {
	const doc = analyze(
		'Jack Robinson and Paul Robinson both played for Tarrow. Robinson scored twice on Saturday. Ann Ridley was the referee.'
	);

	it('flags a surname two people share when shown alone', () => {
		expect(sharedSurnameShown(doc, ['_____ scored twice on Saturday.', 'Robinson'])).toBe(true);
	});

	it('leaves the full name and other people', () => {
		expect(sharedSurnameShown(doc, ['Paul Robinson played for _____.'])).toBe(false);
		expect(sharedSurnameShown(doc, ['Ann Ridley was the _____.'])).toBe(false);
	});
});

describe('demoting questions at risk', () => {
	const item = (id: string) => ({ q: { id } }) as unknown as Built;

	it('keeps them below the first clean questions, each group in order, dropping none', () => {
		const xs = ['a', 'b', 'c', 'd', 'e', 'f'].map(item);
		const risky = new Set([xs[0], xs[2]] as Built[]);
		const out = demoteRisky(xs, risky, 3);
		expect(out.map((b) => b.q.id)).toEqual(['b', 'd', 'e', 'a', 'c', 'f']);
	});

	it('leaves a deck with too few clean questions in its order of score, risky last', () => {
		const xs = ['a', 'b', 'c'].map(item);
		const out = demoteRisky(xs, new Set([xs[0]] as Built[]), 10);
		expect(out.map((b) => b.q.id)).toEqual(['b', 'c', 'a']);
	});
});

describe('context a sentence does not carry', () => {
	it.each(leaning)('$it', expectFlags);

	it('ranks below clean questions a sentence opening on a description of someone named elsewhere', () => {
		const text = [
			'Adova signs kit deal with Tarrow Athletics',
			'Tarrow Athletics has agreed a new deal with Adova to supply its squads with kit for four years.',
			'The German-based firm kitted out the Tarrow team at the 2004 Games and has deals with 20 other bodies.',
			'Marcel Dubois played for Tarrow for six years. The French star was part of the side beaten 5-1 in 2000.',
			'Tarrow Athletics chief Dana Moor said the Adova deal was worth £4m.'
		].join('\n\n');
		const deck = generateDeck(text);
		const at = (answer: string, word: string) =>
			deck.questions.findIndex((q) => q.answer === answer && q.prompt.includes(word));
		const risky = deck.questions.filter((q) =>
			/The (?:German-based firm|French star)/.test(q.prompt)
		);
		const clean = deck.questions.filter(
			(q) => !/The (?:German-based firm|French star)/.test(q.prompt)
		);
		expect(clean.length).toBeGreaterThan(0);
		for (const r of risky) {
			const ri = deck.questions.indexOf(r);
			expect(ri, r.prompt).toBeGreaterThan(Math.min(9, clean.length - 1));
		}
		expect(
			at('2000', 'French star') === -1 || at('2000', 'French star') >= Math.min(10, clean.length)
		).toBe(true);
	});
});

describe('the article’s own country', () => {
	const text = [
		'UK rates on hold',
		'UK interest rates are set to remain at 4.75% after a meeting of the Bank of England.',
		'House prices in the UK fell 0.4% in October, according to the Nationwide.',
		'Mortgage lending rose by £7.1bn in December, up from £6.4bn in November.',
		'British shoppers spent less in December than in any month since 2001.',
		'Economist Ana Ruiz said the slowdown in Britain was temporary, and France agreed.'
	].join('\n\n');
	const doc = analyze(text);
	const at = (word: string, type = 'cloze') => {
		const start = text.lastIndexOf(word);
		return {
			fact: {
				sentence: doc.sentences.findIndex((s) => s.start <= start && start < s.end),
				answer: { kind: 'place', items: 1, text: word, span: { start, end: start + word.length } }
			},
			q: { type }
		} as unknown as Built;
	};

	it('flags the country the article keeps naming, as the place things happen', () => {
		expect(homeCountry(doc, at('Britain'))).toBe(true);
	});

	it('leaves a country named once, one that acts, and a statement to judge', () => {
		expect(homeCountry(doc, at('France'))).toBe(false);
		expect(homeCountry(doc, at('Britain', 'true-false'))).toBe(false);
		const acts = analyze(text.replace('the slowdown in Britain was', 'Britain was'));
		const start = acts.text.lastIndexOf('Britain');
		const b = {
			fact: {
				sentence: acts.sentences.length - 1,
				answer: { kind: 'place', items: 1, text: 'Britain', span: { start, end: start + 7 } }
			},
			q: { type: 'cloze' }
		} as unknown as Built;
		expect(homeCountry(acts, b)).toBe(false);
	});
});

describe('weak openers', () => {
	const text = [
		'Marlow Foods agrees takeover by Kellan',
		'Marlow Foods has agreed to be bought by the US group Kellan Brands for £420m, ending months of talks.',
		'Kellan chief executive Dana Moor said the deal would create the largest snack maker in Europe.',
		'Marlow Foods employs 3,000 people at six factories in the UK and sells to 40 countries.',
		'Shares in Marlow Foods rose 12% to 310p after the announcement on Monday.',
		'The offer values each share at 320p, a premium of 25% on the price before talks began.',
		'Analyst Peter Hale of Tarrow Securities said the price was fair but not generous.',
		'Marlow Foods was founded in 1921 by Ada Marlow in Leeds, where it still has its head office.',
		'Kellan Brands bought the Irish crisp maker Lanigan in 2003 for £150m.',
		'The takeover needs the approval of competition regulators in Brussels.',
		'Union leader Rob Ayres said members wanted guarantees that no factory would close.',
		'Marlow Foods made a profit of £38m last year on sales of £510m.',
		'Kellan Brands said it would keep the Marlow name and its factory in Leeds.',
		'The deal is expected to be completed by the end of June, Dana Moor said.',
		'Marlow Foods sales grew by 8% last year, led by its range of oven chips.',
		'Peter Hale said other bidders were unlikely to come forward.'
	].join('\n\n');

	it('opens an article on its strongest forms: true/false, settings and phrases come after, true/false last', () => {
		const deck = generateDeck(text, { keepUnlikely: true });
		const form = (q: (typeof deck.questions)[number]) =>
			q.type === 'true-false'
				? q.answer === 'True'
					? 3
					: 1
				: q.type !== 'match' &&
					  q.type !== 'quote' &&
					  q.kind === 'place' &&
					  !/^_____ /.test(q.prompt)
					? 2
					: (q.type === 'cloze' && /^[a-z]/.test(q.answer)) ||
						  q.prompt.startsWith('Who is described in the article as')
						? 0.5
						: 0;
		const strong = deck.questions.filter((q) => !form(q)).length;
		expect(deck.questions.some((q) => form(q) === 3)).toBe(true);
		expect(deck.questions.some((q) => form(q) === 2)).toBe(true);
		for (const [i, q] of deck.questions.slice(0, 10).entries())
			if (form(q)) expect(i, q.prompt).toBeGreaterThanOrEqual(Math.min(10, strong));
		// After the top ten, true/false statements, chosen last, come after the other weak forms.
		const weak = deck.questions.filter((q) => form(q)).map((q) => q.type === 'true-false');
		expect(weak).toEqual([...weak].sort((a, b) => Number(a) - Number(b)));
		// A count with its noun is no weak form: it may open the deck.
		expect(deck.questions.findIndex((q) => q.kind === 'quantity')).toBeLessThan(10);
	});
});
