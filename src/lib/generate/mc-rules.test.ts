/**
 * Multiple choice, roles and wh-questions: one rule per case, each on a short text written for the
 * test, with the question (or the named reason it was skipped) it must give.
 */
import { describe, expect, it } from 'vitest';
import { expectFlags, type Flagging } from './fixtures/flags';
import { readForTest } from './fixtures/read';
import { analyze } from '../nlp';
import { surePerson } from '../nlp/kinds';
import {
	leansOnContext,
	modifies,
	multipleChoiceBuilder,
	plainCount,
	stemNoun
} from './builders/multiple-choice';
import { roleBuilder } from './builders/role';
import { type FactX } from './facts';
import { distinctRole } from './facts/roles';
import { distractors } from './distractors';
import { lowerWords } from './select';
import { substitutions, whQuestionOrReason } from './wh';

function setup(text: string) {
	const { doc, ctx, facts, fact, build, rejected } = readForTest(text);
	const mc = (answer: string) => {
		const f = fact(answer);
		return f ? build(multipleChoiceBuilder, f) : [];
	};
	const reasons = (answer: string) =>
		rejected
			.filter((r) => r.detail === answer && r.type === 'multiple-choice')
			.map((r) => r.reason);
	return { doc, ctx, facts, fact, build, mc, reasons };
}

describe('who counts as a person', () => {
	it('a newspaper or a radio station is never asked about or offered as a person', () => {
		const { doc } = setup(
			`Actor Gerard Jugnot topped the list drawn up by Le Figaro, ahead of Jean Reno. Le Figaro said the list was based on tax returns. Sundar Katwala told BBC Radio that the change was overdue. Mr Katwala said it was simple.`
		);
		const names = doc.entities.filter((e) => surePerson(doc, e)).map((e) => e.name);
		expect(names).toContain('Gerard Jugnot');
		expect(names).not.toContain('Le Figaro');
		expect(names).not.toContain('BBC Radio');
		const rugby = setup(
			`Euan Murray has been named in the squad. He plays for Glasgow Rugby, said coach Matt Williams.`
		).doc;
		expect(rugby.entities.filter((e) => surePerson(rugby, e)).map((e) => e.name)).not.toContain(
			'Glasgow Rugby'
		);
	});

	it('a band named after a person is not that person', () => {
		const { doc } = setup(
			`The band took its name from Linda Kasabian, a follower of the cult. Indie dance band Kasabian built up a following throughout 2004. Kasabian played in Leicester.`
		);
		expect(doc.references.some((r) => r.replacement === 'Linda Kasabian')).toBe(false);
	});

	it('a company that shares a surname with its chairman stays a company', () => {
		const { doc } = setup(
			`Ford, the US car company, reported higher profits on Thursday. In the fourth quarter Ford reported net income of $104m. "We gained momentum," said chairman Bill Ford.`
		);
		const ford = doc.entities.find((e) => e.name === 'Ford');
		expect(ford?.kind).toBe('organisation');
		expect(doc.references.some((r) => r.replacement === 'Bill Ford')).toBe(false);
	});
});

describe('pronouns are written out only when one person can be meant', () => {
	it('leaves "He" alone when the sentence before names two people', () => {
		const { doc } = setup(
			`Harry Connick Jr is to star in the revival. Jeffrey Richards, the producer, said Harry Connick Jr was a star. He has recently starred in a comedy.`
		);
		expect(doc.references.filter((r) => r.sentence === 2 && r.kind === 'pronoun')).toEqual([]);
	});

	it('leaves a pronoun inside speech that an earlier sentence opened', () => {
		const { doc } = setup(
			`Nigel Melville said: "Phil has broken his arm. "I feel sorry for him. He really needed a game this weekend."`
		);
		expect(doc.references.some((r) => r.sentence === 2 && r.kind === 'pronoun')).toBe(false);
	});

	it('does not write out "Mr Howard" when two Howards are named', () => {
		const { doc } = setup(
			`Lynton Crosby warned Michael Howard about the election. He once helped John Howard win four elections. Mr Howard appointed Mr Crosby last October.`
		);
		expect(doc.references.some((r) => r.text === 'Mr Howard')).toBe(false);
	});

	it('does not take "the country" for a country named only by its adjective', () => {
		const { doc } = setup(
			`The United States has large reserves. A South Korean report suggested the country had plans to buy euros.`
		);
		expect(doc.references.some((r) => r.text.startsWith('the country'))).toBe(false);
	});
});

describe('wrong options', () => {
	it('offers places of the article only, and of the same sort', () => {
		const { doc } = setup(
			`The sale, at an auction house in New York, will feature instruments. Buyers flew in from Chicago and Boston. The previous sale was held in France.`
		);
		const ds = distractors(doc, { text: 'New York', kind: 'place' }, [], 3);
		expect(ds).not.toContain('Berlin');
		expect(ds).not.toContain('London');
		expect(ds).not.toContain('France');
	});

	it('takes a year near the key, not one decades away', () => {
		const { doc } = setup(
			`Consumption was 474,000 barrels a day in 1973. Iran will supply gas for 25 years from 2009. The deal was first discussed in 2004.`
		);
		const ds = distractors(doc, { text: '2009', kind: 'date', value: 2009 }, [], 3);
		expect(ds).not.toContain('1973');
		expect(ds).toContain('2004');
	});

	it('keeps the unit in the same words', () => {
		const { doc } = setup(
			`Employers added 157,000 new jobs last month. About 200,000 jobs are needed each month. In the spring 82,000 new jobs were added.`
		);
		const ds = distractors(
			doc,
			{ text: '157,000 new jobs', kind: 'quantity', value: 157000 },
			[],
			3
		);
		expect(ds).toContain('82,000 new jobs');
		expect(ds).not.toContain('200,000 jobs');
	});

	it('never offers a name with a party label inside it', () => {
		const { doc } = setup(
			`Tory Dominic Grieve said the events must not be hidden. Tony Blair said he hoped David Blunkett would return. Ian Gibson said Mr Blunkett was missed. Charles Clarke took on the post.`
		);
		const e = doc.entities.find((x) => x.name === 'David Blunkett');
		const ds = distractors(doc, { text: 'David Blunkett', kind: 'person', entity: e?.id }, [], 3);
		expect(ds.some((d) => d.startsWith('Tory'))).toBe(false);
	});
});

const checked: Flagging[] = [
	{
		it: 'rejects a shown sentence that leans on what came before',
		check: leansOnContext,
		flags: [
			'Based on the comics, the film took _____ on its second week.',
			'"We are still disappointed with our last game against _____ in Rome.'
		],
		leaves: [
			'"We played well against _____," said Marco Bortolami.',
			'Scott Sullivan, _____, has pleaded guilty and will give evidence where he is a witness.'
		]
	},
	{
		it: 'asks nothing about a bare title that others could hold',
		check: distinctRole,
		flags: ['Home Secretary', 'Middlesbrough mayor'],
		leaves: ['chairman', 'chief executive', 'he became a personal friend in a way']
	}
];

describe('checks on words of a stem or a role', () => {
	it.each(checked)('$it', expectFlags);
});

describe('multiple choice stems', () => {
	it('skips one name of a list, where the others are often right too', () => {
		const { mc, reasons } = setup(
			`Jamie Foxx has two nominations. Clive Owen, David Carradine and Natalie Portman are also up for awards. Director Sean Penn won last year. Actress Cate Blanchett is also up for a prize.`
		);
		expect(mc('David Carradine')).toEqual([]);
		expect(reasons('David Carradine')).toContain('list-answer');
	});

	it('skips a name in a list the rules could not group, and a name used as a modifier', () => {
		const { mc } = setup(
			`A host of stars, including Cate Blanchett, Keanu Reeves and Richard Gere, are expected. Actor Pierce Brosnan will attend. The Robert de Niro thriller Hide and Seek fell to number four. Director Martin Scorsese and actor Leonardo DiCaprio arrived on Friday. Singer Kate Winslet sang.`
		);
		expect(mc('Richard Gere')).toEqual([]);
		expect(mc('Robert de Niro')).toEqual([]);
	});

	it('offers no man among the options for a woman', () => {
		const { doc } = setup(
			`The trouble began when Maria Hutchings confronted the prime minister. Diane Granger and Marion Brown joined her. Neil Coppendale, a teacher, said nothing. Ms Granger said she was angry. Helen Ward agreed.`
		);
		const e = doc.entities.find((x) => x.name === 'Maria Hutchings');
		const ds = distractors(doc, { text: 'Maria Hutchings', kind: 'person', entity: e?.id }, [], 3);
		expect(ds).not.toContain('Neil Coppendale');
	});

	it('keeps a name given in apposition', () => {
		const { mc } = setup(
			`The new President, Peter Walsh, has said a list of companies is being drawn up. Prime minister Mary Kent said 3,000 firms would be reviewed. Former president James Hurst denied it. Steel magnate Paul Stone bought the mill. The money came from banker Mark Reed.`
		);
		const [b] = mc('Peter Walsh');
		expect(b?.q.type === 'multiple-choice' && b.q.choices).toEqual(
			expect.arrayContaining(['Peter Walsh', 'James Hurst', 'Paul Stone', 'Mark Reed'])
		);
	});

	it('skips a name standing before the noun it qualifies', () => {
		expect(modifies('like almost all GSM operators worldwide', { start: 16, end: 19 })).toBe(true);
		expect(modifies('A Nasa spokesman said', { start: 2, end: 6 })).toBe(true);
		expect(modifies('the United States has endorsed', { start: 4, end: 17 })).toBe(false);
	});

	it('skips a blank under a title ("Mr _____")', () => {
		const { mc, reasons } = setup(
			`Police found the actor in his hotel room in Miami Beach. Mr Hernandez said the cause of death was natural. Officers Ruby Dee, Tom Baker and Ann Lee were called. Ms Lee said the room was locked.`
		);
		expect(mc('Hernandez')).toEqual([]);
		expect(reasons('Hernandez').length).toBeGreaterThan(0);
	});

	it('skips one end of a range', () => {
		const { mc } = setup(
			`The president said only 30 to 40 firms would be reviewed. More than 3,000 firms were sold. Some 90,000 firms changed hands in all. A list of 400 firms was drawn up.`
		);
		expect(mc('40 firms')).toEqual([]);
	});

	it('skips the end of "between the ages of six and _____" and a span of years', () => {
		const { mc } = setup(
			`The policy is aimed at children between the ages of six and 11. It covers 400 adverts. The firm spent 300 hours on it. A ban on 500 adverts was lifted. Under his 1973-90 rule the general was never tried. He was born in 1915. He died in 2006 in 1999.`
		);
		expect(mc('11')).toEqual([]);
		expect(mc('1973-90')).toEqual([]);
	});

	it("skips a person's age and a month counted from the day of writing", () => {
		const { mc, reasons } = setup(
			`"I'm not going to be the Mr Nasty of books," said Simon Cowell, 54, in reference to his brother. The show began in 2001 with 30 singers. It had 12 judges in 2003. Channel 4 has beaten BBC Two for the first month since last July. Its best month was March 2004. Ratings fell in May 2002.`
		);
		expect(mc('54')).toEqual([]);
		expect(reasons('54')).toContain('trivial-detail');
		expect(mc('July')).toEqual([]);
	});

	it('names the year and the month in the stem', () => {
		expect(stemNoun('date', '1997')).toBe('year');
		expect(stemNoun('date', 'August')).toBe('month');
		expect(stemNoun('date', '20 February')).toBe('date');
		expect(stemNoun('quantity', '2,850 jobs')).toBe('figure');
	});

	it('asks only about a plain count', () => {
		for (const text of ['2,850 jobs', '2.9 million viewers', '157,000 new jobs'])
			expect(plainCount(text), text).toBe(true);
		expect(plainCount('40 album charts')).toBe(false);
	});
});

describe('role questions', () => {
	it('keeps the qualifiers of a role', () => {
		const { facts, build } = setup(
			`Former Labour prime minister Jim Callaghan has died aged 92. Chancellor Gordon Brown praised him. Tory leader Michael Howard sent his sympathy. Liberal Democrat leader Charles Kennedy said he was a decent man.`
		);
		const f = facts.find((x) => x.kind === 'role' && x.answer?.text.includes('prime minister'));
		expect(f?.answer?.text).toBe('Former Labour prime minister');
		const [b] = build(roleBuilder, f as FactX);
		expect(b?.q.prompt).toBe(
			'Who is described in the article as the former Labour prime minister?'
		);
	});

	it('asks nothing about a post two people of the article hold', () => {
		const { facts, build } = setup(
			`Former Labour prime minister Jim Callaghan has died aged 92. Prime Minister Tony Blair called him a giant. Tory leader Michael Howard sent his sympathy.`
		);
		const f = facts.find((x) => x.kind === 'role' && x.answer?.text.includes('prime minister'));
		expect(build(roleBuilder, f as FactX)).toEqual([]);
	});
});

/** Each row: a sentence (the last of `text`), its answer, and the question or the reason for none. */
const whRows: {
	it: string;
	text: string;
	answer: string;
	kind: 'money' | 'date' | 'place' | 'person';
	prompt?: string;
	reason?: string;
}[] = [
	{
		it: 'uses "have" as a main verb with do-support',
		text: 'Japan has $850bn in foreign exchange reserves.',
		answer: '$850bn',
		kind: 'money',
		prompt: 'How much does Japan have in foreign exchange reserves?'
	},
	{
		it: 'drops the conversion in brackets after a sum',
		text: 'Jugnot made 5.45m Euros (£3.77m) last year.',
		answer: '5.45m Euros',
		kind: 'money',
		prompt: 'How much did Jugnot make last year?'
	},
	{
		it: 'leaves out an attribution at the end',
		text: 'The musical will open in November, said Mr Richards, who added that no casting had been announced.',
		answer: 'November',
		kind: 'date',
		prompt: 'When will the musical open?'
	},
	{
		it: 'leaves out "new figures show" and a clause with its own subject',
		text: 'More than 5.2 million Germans were out of work in January, new figures show.',
		answer: 'January',
		kind: 'date',
		prompt: 'When were more than 5.2 million Germans out of work?'
	},
	{
		it: 'puts "When did" for a present perfect, past an adverb',
		text: 'The minister has repeatedly denied the claims in March.',
		answer: 'March',
		kind: 'date',
		prompt: 'When did the minister repeatedly deny the claims?'
	},
	{
		it: 'keeps the capital of a name that opens the question',
		text: 'Bank of America lost the tapes in December.',
		answer: 'December',
		kind: 'date',
		prompt: 'When did Bank of America lose the tapes?'
	},
	{
		it: 'does not tie a time to the speech verb when another verb owns it',
		text: 'Bank of America said the tapes went missing in December while being shipped.',
		answer: 'December',
		kind: 'date',
		reason: 'answer-in-other-clause'
	},
	{
		it: 'does not turn speech round',
		text: '"There is no chance of Stevie going in January," said Parry.',
		answer: 'January',
		kind: 'date',
		reason: 'speech-in-question'
	}
];

describe('wh-questions', () => {
	const ask = (text: string, answer: string, kind: 'money' | 'date' | 'place' | 'person') => {
		const doc = analyze(text);
		const s = doc.sentences[doc.sentences.length - 1];
		if (!s) throw new Error('no sentence');
		const m = doc.mentions.find((x) => x.text === answer && x.sentence === s.index);
		if (!m) throw new Error(`no mention ${answer}`);
		return whQuestionOrReason(
			s,
			{ kind, a: m.tokenStart, b: m.tokenEnd, items: 1, text: answer },
			doc.text,
			lowerWords(doc),
			{ subs: substitutions(doc, s.index, m.entity), entity: m.entity }
		);
	};

	it.each(whRows)('$it', ({ text, answer, kind, prompt, reason }) => {
		const out = ask(text, answer, kind);
		if (reason !== undefined) expect(out).toEqual({ reason });
		else expect('prompt' in out && out.prompt).toBe(prompt);
	});

	it('does not ask who said words given after a colon', () => {
		const doc = analyze(
			'Michael Howard said: There does need to be another inquiry into the affair.'
		);
		const s = doc.sentences[0];
		if (!s) throw new Error('no sentence');
		const out = whQuestionOrReason(
			s,
			{ kind: 'person', a: 0, b: 2, items: 1, text: 'Michael Howard' },
			doc.text,
			lowerWords(doc)
		);
		expect(out).toEqual({ reason: 'speech-in-question' });
	});
});
