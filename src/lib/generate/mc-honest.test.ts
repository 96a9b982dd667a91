/**
 * Honest options and statements: every wrong choice fits what the sentence says around the blank,
 * every true statement is reworded, every false one is contradicted by the text. Each rule on a
 * short text written for the test.
 */
import { describe, expect, it } from 'vitest';
import { spanOf } from './fixtures/locate';
import { expectOffered, num, optionsFor, type Offered } from './fixtures/options';
import { expectRefused, readForTest } from './fixtures/read';
import { analyze } from '../nlp';
import { fitPair } from './builders/match';
import {
	inventedYears,
	leansOnContext,
	multipleChoiceBuilder,
	neutralArticle,
	ownsNamedThing
} from './builders/multiple-choice';
import { quoteBuilder } from './builders/quote';
import { cutRole } from './builders/role';
import { contradicts, restate, sameWords, trueFalseBuilder } from './builders/true-false';
import { describedAs, distractors, numberBounds, takesAn } from './distractors';
import { type FactX } from './facts';

/** Figures offered beside a key: three each time. */
const offered: Offered[] = [
	{
		it: 'keeps every option of "fell from _____ to 64" above 64',
		text: ['Visitors to the museum fell from 93 in 2019 to 64 last year, the trust said.'],
		key: '93',
		size: 3,
		also: ({ ds, doc, a }) => {
			expect(numberBounds(doc, a).min).toBe(64);
			for (const d of ds) expect(num(d)).toBeGreaterThan(64);
			// Not all on one side of the key: the room between 64 and 93 is used too.
			expect(ds.some((d) => num(d) < 93)).toBe(true);
		}
	},
	{
		it: 'offers only years an election could fall in',
		text: [
			'Mayor Ana Ruiz first won the Dunmore mayoral election in 2008 and has led the city since.'
		],
		key: '2008',
		size: 3,
		also: ({ ds }) => {
			for (const d of ds) expect(Math.abs(num(d) - 2008) % 4).toBe(0);
		}
	},
	{
		it: 'varies the low digits of "10,227 firms" so no shared ending marks the moved digits',
		text: ['The index is based on a survey of 10,227 firms across Japan.'],
		key: '10,227 firms',
		size: 3,
		also: ({ ds }) => {
			for (const d of ds) expect(d).toMatch(/^\d{1,2},\d{3} firms$/);
			expect(ds.filter((d) => d.endsWith('227 firms')).length).toBeLessThan(2);
		}
	}
];

describe('figures the sentence bounds', () => {
	it.each(offered)('$it', expectOffered);

	it.each([
		{
			it: 'keeps the whole above its part: "Of the _____ raised, less than £3m has been spent"',
			text: 'Of the £12.5m raised by the flood appeal, less than £3m has been spent so far.',
			key: '£12.5m',
			above: 3
		},
		{
			it: 'keeps a share on the key side of a half: "about 91%" gets no 40%',
			text: 'The council said about 91% of households now recycle their glass and paper.',
			key: '91%',
			above: 50
		}
	])('$it', ({ text, key, above }) => {
		const { ds } = optionsFor(text, key);
		expect(ds.length).toBeGreaterThanOrEqual(3);
		for (const d of ds) expect(num(d)).toBeGreaterThan(above);
	});

	it('reads "81 last year" as a figure, not a count of years', () => {
		const doc = analyze('Membership of the club rose from 40 in 2001 to 81 last year.');
		const m = doc.mentions.find((x) => x.text.startsWith('81'));
		expect(m?.text).toBe('81');
		expect(m?.kind).toBe('number');
	});
});

describe('the words around the blank', () => {
	it('writes "a/an" where the options read with different articles', () => {
		for (const text of ['$8m', '$11bn', '18%']) expect(takesAn(text), text).toBe(true);
		expect(takesAn('$5m')).toBe(false);
		expect(takesAn('110 tonnes')).toBe(false);
		expect(takesAn('MP')).toBe(true);
		expect(neutralArticle('The court imposed an _____ fine.', ['$8m', '$5m', '$6m'])).toBe(
			'The court imposed a/an _____ fine.'
		);
		expect(neutralArticle('The court imposed a _____ fine.', ['$5m', '$6m', '$9m'])).toBe(
			'The court imposed a _____ fine.'
		);
		expect(neutralArticle('An _____ rise was seen.', ['8%', '18%', '11%'])).toBe(
			'An _____ rise was seen.'
		);
	});

	it('offers a described person only people the article describes the same way', () => {
		const text = `Leeds striker Marco Bell was sent off on Saturday. Leeds team-mate and Irish international Sean Doyle scored twice. Leeds manager Karl Weiss praised the side. Referee Tom Hale booked five players. Chelsea striker Joe Mensah missed a penalty.`;
		const { doc } = readForTest(text);
		const m = doc.mentions.find((x) => x.text === 'Sean Doyle');
		expect(m).toBeDefined();
		if (!m) return;
		const slot = describedAs(doc, m);
		expect(slot.countries).toEqual(['Ireland']);
		expect(slot.roles).toEqual(expect.arrayContaining(['international', 'team-mate']));
		const ds = distractors(
			doc,
			{ text: 'Sean Doyle', kind: 'person', entity: m.entity, span: m },
			[],
			3
		);
		// No one else is an Irish international Leeds team-mate: no honest options at all.
		expect(ds).toEqual([]);
		// "said Karl Weiss" describes no one: the people of the article are fair options.
		const free = describedAs(doc, { start: text.indexOf('Karl Weiss'), end: 0 });
		expect(free.roles).toEqual(['manager']);
	});

	it('asks no person whose name owns a named work: "in _____\'s Bleak House"', () => {
		const text =
			"The play borrows a scene from Charles Dickens's Bleak House and one of his letters.";
		expect(ownsNamedThing(text, spanOf(text, 'Charles Dickens'))).toBe(true);
		const t2 = "Ana Lopez's late goal sealed the win.";
		expect(ownsNamedThing(t2, spanOf(t2, 'Ana Lopez'))).toBe(false);
	});
});

describe('stems that carry their own context', () => {
	const people = new Set(['dan', 'price', 'mark', 'cole']);
	it('refuses a sentence that is all quotation, or whose marks do not pair', () => {
		expect(leansOnContext('"It is no surprise _____ lost the vote."', people)).toBe(true);
		expect(leansOnContext('"But the _____ should be ready to act.', people)).toBe(true);
		expect(
			leansOnContext('"Nobody doubts _____ told her: \'You will never be picked again.\'"', people)
		).toBe(true);
	});

	it("refuses an object pronoun whose only name is its own verb's subject", () => {
		expect(leansOnContext('Dan Price told him the offer of _____ was final.', people)).toBe(true);
		expect(
			leansOnContext(
				'After Mark Cole lost, Dan Price told him the offer of _____ was final.',
				people
			)
		).toBe(false);
	});

	it('does not let a person carry "it" or "the firm"', () => {
		expect(
			leansOnContext('Dan Price wanted to try it out and it was good to see _____ play.', people)
		).toBe(true);
		expect(
			leansOnContext('Mark Cole said the firm had lost _____ in the year to March.', people)
		).toBe(true);
		expect(
			leansOnContext('Harbour Foods said the firm had lost _____ in the year to March.', people)
		).toBe(false);
	});
});

describe('who said it', () => {
	it('never offers people for a quotation a body is said to have made', () => {
		const { facts, rejected, build } = readForTest(
			`"The new drives suit people who want their machines to look good," said Vexa. Designer Lily Tran agreed. Analyst Omar Reid said prices would fall. Tom Burke, a retailer, said sales were slow.`
		);
		const f = facts.find((x) => x.kind === 'quote' && x.answer?.text === 'Vexa');
		expect(f).toBeDefined();
		if (!f) return;
		const built = build(quoteBuilder, f);
		for (const b of built) if (b.q.type === 'quote') expect(b.q.choices).not.toContain('Lily Tran');
		expect(built.length === 0 ? rejected.map((r) => r.reason) : ['unsure-kind']).toContain(
			'unsure-kind'
		);
	});
});

describe('people of the same setting', () => {
	it('offers a child only other children of the article', () => {
		const adults =
			'Schoolboy Tom Reid, 14, found the gold coin in a field near Dunmore. Museum curator Ana Ruiz said the coin was rare. Singer Ava Moss visited the site. Mayor Paul Shefrin praised Tom Reid.';
		const { ds } = optionsFor(adults, 'Tom Reid');
		expect(ds).toEqual([]);
		const { ds: kids } = optionsFor(
			adults +
				' His friends Sam Holt, 13, and Ian Ross, 12, and 14-year-old Rosa Vidal helped him dig.',
			'Tom Reid'
		);
		expect(kids.length).toBeGreaterThan(0);
		for (const d of kids) expect(['Sam Holt', 'Ian Ross', 'Rosa Vidal']).toContain(d);
	});
});

describe('year options', () => {
	it('leaves a year with made-up options to a filler in an article', () => {
		const text =
			'The Dunmore bridge opened in 1998.\n\nEngineer Tomas Berg said the deck would last a century.';
		const doc = analyze(text);
		const span = { start: text.indexOf('1998') };
		expect(inventedYears(doc, '1998', span, ['1996', '2001', '1993'])).toBe(true);
		const named = analyze(
			'The Dunmore bridge opened in 1998.\n\nA second bridge followed in 2004, and a tunnel in 2011.'
		);
		expect(inventedYears(named, '1998', span, ['2004', '2011', '1993'])).toBe(false);
	});
});

describe('true or false', () => {
	it('rewords the true statement: brackets dropped, attribution and setting moved', () => {
		expect(restate('Fenwick Mills has bought 3.2bn euros ($4.1bn) of rival plants.')).toBe(
			'Fenwick Mills has bought 3.2bn euros of rival plants.'
		);
		expect(
			restate(
				'Rail fares in the north will rise by 4% in January, the operator said.',
				new Set(['january'])
			)
		).toBe('The operator said that rail fares in the north will rise by 4% in January.');
		// Moved after "agreed to close …" the year would belong to the closing: it is dropped instead.
		expect(
			restate('In 1998, city leaders agreed to close the old docks by 2005.', new Set(['city']))
		).toBe('City leaders agreed to close the old docks by 2005.');
		expect(
			restate('In 1998, city leaders met in the old docks at Dunmore.', new Set(['city']))
		).toBe('City leaders met in the old docks at Dunmore in 1998.');
		expect(sameWords('A b c.', 'a  b c')).toBe(true);
	});

	it('asks a sentence it cannot reword only in its false form', () => {
		const { ctx, facts, rejected, build } = readForTest(
			`Coach Ella Grant praised her Dunmore side after they came from 12-3 down to beat Kelso 20-15 in the cup final. Kelso coach Ian Ross said his players were tired. Dunmore captain Rosa Vidal lifted the trophy.`
		);
		for (const f of facts as FactX[]) {
			for (const b of build(trueFalseBuilder, f)) {
				const statement = b.q.prompt.replace(/^True or false\? /, '');
				const sentence = ctx.doc.sentences[f.sentence]?.text ?? '';
				if (b.q.answer === 'True') expect(sameWords(statement, sentence)).toBe(false);
				else expect(b.falsePrompt).toBeUndefined();
			}
		}
		expect(rejected.some((r) => r.reason === 'copied-statement')).toBe(true);
	});

	it('changes no figure under "more than" or a rough figure by a little', () => {
		expect(
			contradicts('supplies more than ', { kind: 'quantity', text: '150 teams' }, '100 teams')
		).toBe(false);
		expect(contradicts('used by about ', { kind: 'percent', text: '95%' }, '92%')).toBe(false);
		expect(contradicts('used by about ', { kind: 'percent', text: '95%' }, '60%')).toBe(true);
		expect(contradicts('fell to ', { kind: 'percent', text: '12%' }, '15%')).toBe(true);
	});

	it('never changes a time that is a bound ("not before", "by", "until")', () => {
		const date = { kind: 'date', text: 'June 2031' };
		for (const before of [
			'is not expected before ',
			'must close by ',
			'will run until the end of '
		])
			expect(contradicts(before, date, 'March 2031')).toBe(false);
		expect(contradicts('opened in ', date, 'March 2031')).toBe(true);
		const { facts, build } = readForTest(
			'The new tram line in Dunmore is not expected to open before June 2031, city planners said in a report on the scheme.'
		);
		const f = (facts as FactX[]).find((x) => x.answer?.text === 'June 2031');
		expect(f).toBeDefined();
		for (const b of build(trueFalseBuilder, f as FactX))
			expect(b.falsePrompt ?? '').not.toMatch(/before (?!June 2031)/);
	});
});

describe('roles and match pairs', () => {
	it('sees a role cut from a longer name', () => {
		const text =
			'Guests included Songs of Praise host Ellen Marsh and BBC Radio 2 DJ Sam Holt. Singer Ava Moss sang.';
		expect(cutRole(text, text.indexOf('Praise host'))).toBe(true);
		expect(cutRole(text, text.indexOf('DJ Sam'))).toBe(true);
		expect(cutRole(text, text.indexOf('Singer'))).toBe(false);
		const h = 'Plans Approved\nMayor Ana Ruiz opened the bridge.';
		expect(cutRole(h, h.indexOf('Mayor'))).toBe(false);
	});

	it('pairs only people written as names with roles that say what they do', () => {
		const { doc } = readForTest(
			'Singer Ava Moss and her friend Jo Hart met drummer Tim Lake. Ava Moss said the tour would start in May. Tim Lake agreed.'
		);
		const e = (n: string) => doc.entities.find((x) => x.name === n);
		const ava = e('Ava Moss');
		expect(ava).toBeDefined();
		if (!ava) return;
		expect(fitPair(doc, ava, 'Singer')).toBe(true);
		expect(fitPair(doc, ava, 'Friend')).toBe(false);
		expect(fitPair(doc, { ...ava, name: 'Ava Moss The' }, 'Singer')).toBe(false);
	});
});

describe('a bank named before its name', () => {
	it('is an organisation even when it "said" something', () => {
		const doc = analyze('The bank Harlow Mutual said it would cut 300 jobs in the spring.');
		expect(doc.entities.find((x) => x.name === 'Harlow Mutual')?.kind).toBe('organisation');
	});
});

describe('multiple choice end to end', () => {
	it('asks no figure that only restates another in brackets', () => {
		expectRefused({
			text: `The lender was saved by a 900bn won ($850m; £450m) rescue. Its rival paid $300m last year. A third bank raised $120m in May. Shares rose 4% on the news.`,
			builder: multipleChoiceBuilder,
			answer: '£450m',
			reason: 'trivial-detail',
			detail: '£450m'
		});
	});

	it('offers only options above the figure a fall ended on', () => {
		const { sureFact, build } = readForTest(
			`Cinema admissions in the region fell from 210 in 2002 to 150 last year. The trust blamed a cold summer. Attendance at the arts centre rose to 95 this spring. A new screen cost £400,000 to build.`
		);
		const f = sureFact('210');
		const built = build(multipleChoiceBuilder, f);
		expect(built.length).toBe(1);
		for (const b of built)
			if (b.q.type === 'multiple-choice')
				for (const c of b.q.choices) expect(num(c)).toBeGreaterThan(150);
	});
});

describe('figures with more digits than their step', () => {
	it('keeps a round key round: "20,000 fans" gets round neighbours', () => {
		const { ds } = optionsFor('The stadium holds 20,000 fans on match days.', '20,000 fans');
		for (const d of ds) expect(num(d) % 1000).toBe(0);
	});
});

describe('true statements reworded without breaking them', () => {
	it('keeps an opening phrase in place when a list goes on after its comma', () => {
		const s =
			'On the new port, road tolls, school fees and the council tax, there was nothing between the two parties.';
		expect(restate(s)).toBe(s);
	});
});
