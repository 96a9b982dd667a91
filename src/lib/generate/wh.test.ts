import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { locate } from './fixtures/locate';
import { lemma, substitutions, whQuestion, whQuestionOrReason, type WhTarget } from './wh';

function ask(text: string, answer: string, kind: WhTarget['kind'], items = 1): string | undefined {
	const { s, a, b } = locate(text, answer);
	return whQuestion(s, { kind, a, b, items, text: answer }, text, new Set(['the']))?.prompt;
}

/** A test of `ask`: its title and cases, each the question expected (none: undefined) and the call. */
type Asked = { it: string; cases: [string | undefined, ...Parameters<typeof ask>][] };

const asked = ({ cases }: Asked) => {
	for (const [want, ...call] of cases) expect(ask(...call)).toBe(want);
};

describe('lemma', () => {
	it('gives the base form of regular and irregular verbs', () => {
		expect(
			['declared', 'stopped', 'tried', 'agreed', 'called', 'told', 'made', 'says', 'watches'].map(
				lemma
			)
		).toEqual(['declare', 'stop', 'try', 'agree', 'call', 'tell', 'make', 'say', 'watch']);
	});
});

const whQuestions: Asked[] = [
	{
		it: 'replaces a subject list with "Which two countries"',
		cases: [
			[
				'Which two countries declared their readiness to deploy troops to Ukraine following a peace agreement?',
				'Both Britain and France declared their readiness to deploy troops to Ukraine following a peace agreement, a major new pledge.',
				'Britain and France',
				'place',
				2
			]
		]
	},
	{
		it: 'moves the auxiliary before the subject for "when"',
		cases: [
			[
				'When was the pledge made during a summit in Paris?',
				'The pledge was made during a summit in Paris on Tuesday.',
				'Tuesday',
				'date'
			]
		]
	},
	{
		it: 'uses "did" and the base form when there is no auxiliary',
		cases: [
			[
				'When did Shell tell investors that its reserves were smaller?',
				'In January 2004, Shell told investors that its reserves were smaller.',
				'January 2004',
				'date'
			]
		]
	},
	{
		it: 'asks "how many" with the counted noun',
		cases: [
			[
				'How many times did Shell restate its reserves during 2003?',
				'Shell restated its reserves four times during 2003.',
				'four times',
				'quantity'
			]
		]
	},
	{
		it: 'asks "who" for a person subject, past an apposition',
		cases: [
			[
				'Who stated that the deal was close?',
				'Envoy Witkoff, who led the talks, stated that the deal was close.',
				'Witkoff',
				'person'
			]
		]
	},
	{
		it: 'skips a relative clause between the subject and its verb',
		cases: [
			[
				'When did Kestrel Radio pay fines of $2m?',
				'Kestrel Radio, which is owned by Marlow Media, paid fines of $2m in 1995.',
				'1995',
				'date'
			]
		]
	},
	{
		it: 'refuses when a relative clause owns the answer',
		cases: [
			[undefined, 'Dana is promoting her book Owls which is released in March.', 'March', 'date']
		]
	},
	{
		it: 'refuses when the answer sits in a reported clause',
		cases: [[undefined, 'Shah warned that costs had risen since January.', 'January', 'date']]
	},
	{
		it: 'asks nothing back from speech in the first person',
		cases: [[undefined, '"We lost the vote in Dunmore last week," Shah said.', 'Dunmore', 'place']]
	},
	{
		it: 'never ends inside a quotation the sentence goes on with',
		cases: [
			[
				undefined,
				'Mr Blair said Mr Jackson was a "decent, fair-minded and dedicated public servant".',
				'Mr Blair',
				'person'
			]
		]
	},
	{
		it: 'asks nothing too short to be worth asking, and no place used as a modifier',
		cases: [
			[undefined, 'IBM, according to the analysts, has 30%.', 'IBM', 'organisation'],
			[undefined, 'Ireland can indeed succeed.', 'Ireland', 'place'],
			[undefined, 'Shares in the drug firm closed down 8% in UK trade on the news.', 'UK', 'place']
		]
	},
	{
		it: 'asks "who" of a title and a name, and never lets a place speak',
		cases: [
			[
				'Who said the plans mimicked the strategy of the government?',
				'Housing Minister Keith Hill said the plans mimicked the strategy of the government.',
				'Housing Minister Keith Hill',
				'place'
			],
			[
				undefined,
				'Dunmore said the plans mimicked the strategy of the government.',
				'Dunmore',
				'place'
			]
		]
	},
	{
		it: 'stops at a second verb of the subject and at "according to"',
		cases: [
			[
				'When was the profit share scheme introduced?',
				'The profit share scheme was introduced in 1997 and has paid out more than £370m.',
				'1997',
				'date'
			],
			[
				'When did House prices in Dunmore fall 0.4%?',
				'House prices in Dunmore fell 0.4% in October, according to the Nationwide.',
				'October',
				'date'
			]
		]
	},
	{
		it: 'asks no count that sits inside a phrase',
		cases: [
			[
				undefined,
				'Staff have started working an extra four hours a week for no extra pay.',
				'four hours',
				'quantity'
			],
			[
				undefined,
				'The site will be closed all next week instead of for just two days.',
				'two days',
				'quantity'
			]
		]
	},
	{
		it: 'keeps "has now obtained" a perfect, and a plural possessive a noun',
		cases: [
			[
				'How many guilty pleas has the inquiry now obtained from brokers?',
				'The inquiry has now obtained nine guilty pleas from brokers.',
				'nine guilty pleas',
				'quantity'
			],
			[
				'How much has China already pumped into two of its largest banks?',
				'China has already pumped $45bn into two of its largest banks.',
				'$45bn',
				'money'
			]
		]
	},
	{
		it: 'stops at "and now has"',
		cases: [
			[
				'When did Jet begin flying?',
				'Jet began flying in 1993 and now has rivals including Air Deccan.',
				'1993',
				'date'
			]
		]
	}
];

describe('wh-questions', () => {
	it.each(whQuestions)('$it', asked);
});

/** Asks about `answer` in sentence `index` of `text`, with the reader's references. */
function askIn(text: string, index: number, answer: string, kind: WhTarget['kind']) {
	const { doc, s, a, b } = locate(text, answer, index);
	const out = whQuestionOrReason(
		s,
		{ kind, a, b, items: 1, text: answer },
		text,
		new Set(['the']),
		{
			subs: substitutions(doc, index)
		}
	);
	return 'prompt' in out ? out.prompt : out.reason;
}

/** A test of `askIn`: its title and cases, each the question or the reason expected and the call. */
type AskedIn = { it: string; cases: [string, ...Parameters<typeof askIn>][] };

const askedIn = ({ cases }: AskedIn) => {
	for (const [want, ...call] of cases) expect(askIn(...call)).toBe(want);
};

const contextQuestions: AskedIn[] = [
	{
		it: 'writes out a pronoun subject the reader resolved',
		cases: [
			[
				'When did Ana Ruiz deny the claims?',
				'Mayor Ana Ruiz spoke first. She denied the claims in March.',
				1,
				'March',
				'date'
			]
		]
	},
	{
		it: 'names why it refuses a subject nobody resolved',
		cases: [
			[
				'unresolved-subject',
				'Talks between Tom Berg and Ian Hale ended. He denied the claims in March.',
				1,
				'March',
				'date'
			]
		]
	},
	{
		it: 'refuses a possessive with nothing before it',
		cases: [['needs-context', 'Its profits rose in 2004 after the merger.', 0, '2004', 'date']]
	},
	{
		it: 'drops a bare weekday from the question',
		cases: [
			[
				'Which organisation said that it cut 300 jobs in Leeds?',
				'Kellan Group said on Tuesday that it cut 300 jobs in Leeds.',
				0,
				'Kellan Group',
				'organisation'
			]
		]
	},
	{
		it: 'leaves out a dashed aside and keeps the clause that goes on after it',
		cases: [
			[
				'Who opened the new bridge in May?',
				'Ana Ruiz opened the new bridge - the longest in the region - in May.',
				0,
				'Ana Ruiz',
				'person'
			]
		]
	},
	{
		it: 'asks "who" of a person the reader could not type',
		cases: [
			[
				'Who has defended her decision to play on?',
				'Martina Navratilova has defended her decision to play on.',
				0,
				'Martina Navratilova',
				'thing'
			]
		]
	}
];

describe('wh-questions that carry their own context', () => {
	it('asks "how many" only of the verb\'s own object', () => {
		expect(askIn('Kellan Group has sold 600 cars this year.', 0, '600 cars', 'quantity')).toBe(
			'How many cars has Kellan Group sold this year?'
		);
		// A count after "its" sits inside a phrase: no question word for it at all.
		expect(
			askIn('Kellan Group lost nine of its 14 stores in Leeds.', 0, '14 stores', 'quantity')
		).toMatch(/^(?:answer-not-object-of-verb|no-question-word)$/);
	});
	it.each(contextQuestions)('$it', askedIn);
});

describe('answers inside a relative clause', () => {
	it('asks no "When did which begin ..." question', () => {
		const text =
			'Under Mr Hale, whose term at the firm began in May 2003, plans to cut 900 jobs were announced.';
		const { s, a } = locate(text, 'May 2003');
		const b = a + 2;
		const r = whQuestionOrReason(
			s,
			{ kind: 'date', a, b, items: 1, text: 'May 2003' },
			text,
			new Set()
		);
		expect('reason' in r ? r.reason : r.prompt).not.toMatch(/^When did (which|whose|who)\b/);
		expect(
			ask(
				'Under Mr Tellier, which began in January 2003, plans to cut 900 jobs were announced.',
				'January 2003',
				'date'
			)
		).toBeUndefined();
	});
});

describe('wh-questions that would be garbled', () => {
	function reasonOrPrompt(text: string, answer: string, kind: WhTarget['kind'], common = false) {
		const { s, a, b } = locate(text, answer);
		const out = whQuestionOrReason(s, { kind, a, b, items: 1, text: answer }, text, new Set(), {
			commonOpener: common
		});
		return 'prompt' in out ? out.prompt : out.reason;
	}

	it('leaves no punctuation before the question mark and lower-cases a common opener', () => {
		const text = 'Renovation started on the old mill in 2011, but a flood halted the project.';
		expect(reasonOrPrompt(text, '2011', 'date', true)).toBe(
			'When did renovation start on the old mill?'
		);
		expect(reasonOrPrompt(text, '2011', 'date')).not.toMatch(/[,;:]\s*\?$/);
	});

	it('skips "when" if another time of the same kind stays in the question', () => {
		expect(
			reasonOrPrompt(
				'Okafor first won the prize in 2002 with The Salt Road and in 2009 with Tin Roofs.',
				'2002',
				'date'
			)
		).toBe('second-answer-in-question');
	});

	it('skips "how many" if another count stays in the question', () => {
		expect(
			reasonOrPrompt(
				'The ferry carried 40 passengers and 12 cars across the bay.',
				'40 passengers',
				'quantity'
			)
		).toBe('second-answer-in-question');
	});
});

describe('wh-questions that end where a clause ends', () => {
	it('keeps a list whole and stops at ", then"', () => {
		expect(
			ask(
				'Royer was convicted of racketeering, securities fraud and obstruction.',
				'Royer',
				'person'
			)
		).toBe('Who was convicted of racketeering, securities fraud and obstruction?');
		expect(
			ask(
				'The champions only just saw off the Scots in Paris, then needed a late try to win.',
				'Paris',
				'place'
			)
		).toBe('Where did the champions only just see off the Scots?');
		// A participle clause after a comma ends the question too.
		const q = 'Burren Energy already has a presence in Egypt, having been awarded a contract.';
		expect(ask(q, 'Egypt', 'place')).toBe('Where does Burren Energy already have a presence?');
	});

	it('drops a weekday with its part of the day', () => {
		const text =
			'Tony Blair will seek to reassure Labour MPs on Monday evening at their first meeting.';
		const doc = analyze(text);
		const s = doc.sentences[0] as (typeof doc.sentences)[number];
		const a = s.tokens.findIndex((t) => t.text === 'Tony');
		const q = whQuestion(
			s,
			{ kind: 'person', a, b: a + 2, items: 1, text: 'Tony Blair' },
			text,
			new Set(['the']),
			{ subs: substitutions(doc, 0) }
		);
		expect(q?.prompt).toBe('Who will seek to reassure Labour MPs at their first meeting?');
	});
});

describe('who for people only', () => {
	it('asks no "who" of a body whose name ends in a role word', () => {
		const q = ask(
			'The Scottish Executive said ministers would be told of the change.',
			'Scottish Executive',
			'thing'
		);
		expect(q ?? '').not.toMatch(/^Who\b/);
	});
});
