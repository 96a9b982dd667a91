/**
 * The rules that keep a cloze or a short-answer question one a teacher would hand out as it is,
 * each on a short text of the kind it guards against.
 */
import { describe, expect, it } from 'vitest';
import { expectFlags, type Flagging } from './fixtures/flags';
import { expectClozeRefused, readForTest, type ClozeRefused } from './fixtures/read';
import {
	clozeHint,
	clozeProblem,
	derivedFormShown,
	properName,
	unresolvedReference
} from './builders/cloze';
import { shortAnswerProblem } from './builders/short-answer';
import { boilerplate, type FactX } from './facts';
import { trivialTime } from './facts/mentions';
import { generateDeck } from './index';

function setup(text: string | string[], title?: string) {
	const read = readForTest(text, title);
	const problem = (answer: string) => clozeProblem(read.ctx, read.sureFact(answer));
	return { ...read, problem };
}

/** Each row: an article, the answer of the fact to blank, and the rule that keeps the cloze out. */
const refused: ClozeRefused[] = [
	{
		it: 'never blanks a name right before its possessive',
		text: "Norway's krone rose sharply on Friday as oil prices climbed again. Traders in Oslo said demand for the currency was strong.",
		answer: 'Norway',
		reason: 'blank-possessive'
	},
	{
		it: 'never blanks a name ending in s before a bare apostrophe',
		text: "Lukas Andrews' lawyer told the tribunal in Leeds that the charges should be dropped. The hearing resumes next month.",
		answer: 'Lukas Andrews',
		reason: 'blank-possessive'
	},
	{
		it: 'never blanks a role or an office',
		text: 'The debate in Brussels grew heated on Thursday. The host said the MEP had spoken for an hour without notes.',
		answer: 'MEP',
		reason: 'blank-on-title'
	},
	{
		it: 'does not blank a season for a date',
		text: 'The new quiz show will launch in Spring with a longer format. Producers in Cardiff said tickets would be free.',
		answer: 'Spring',
		reason: 'date-without-anchor'
	},
	{
		it: 'does not blank a name that qualifies a common noun after "a"',
		text: 'The two authors met at a Dublin library to launch the new prize for young poets. The prize is worth £5,000 this year.',
		answer: 'Dublin',
		reason: 'blank-generic-modifier'
	},
	{
		it: 'does not blank a place that general knowledge places: "Lyon, _____"',
		text: 'Shooting for the new film will begin in Lyon, France, later this spring. The director hired 40 local extras.',
		answer: 'France',
		reason: 'trivial-detail'
	},
	{
		it: 'does not blank a name inside a quotation nobody in the sentence spoke',
		text: 'Rovers drew 1-1 at home. "Tom Reyes came on and brought calm to the midfield when we needed it most.',
		answer: 'Tom Reyes',
		reason: 'unattributed-quote'
	},
	{
		it: 'does not blank an age beside a name',
		text: 'Veteran Ana Ruiz, 34, beat Mia Holt 6-4 6-2 in the first round in Doha.\n\nRuiz meets the top seed next.',
		answer: '34',
		reason: 'trivial-detail'
	},
	{
		it: 'leaves a common noun or a description to other types',
		text: 'Enron collapsed in 2001. The severance package means she keeps long-term share options, but she fails to collect on a 2003 incentive plan since the firm has failed to meet the targets.',
		answer: 'targets',
		reason: 'blank-on-common-word'
	},
	{
		it: 'never blanks a vague amount or a month without its year',
		text: 'In January, Robert Kilroy-Silk quit his BBC One show for remarks he made about Arabs. French President Emmanuel Macron said several thousand soldiers could be involved in a mission.',
		answer: 'January',
		reason: 'date-without-anchor'
	},
	{
		it: 'skips a sentence that leans on an unresolved "this"',
		text: 'Coalition leaders agreed to a monitoring mechanism. Officials suggested this would likely utilise drones and satellites over Ukraine, rather than American troops.',
		answer: 'Ukraine',
		reason: 'unresolved-reference'
	},
	{
		it: 'never blanks a nationality that stands for someone named elsewhere',
		text: 'Marc Roth beat Ivo Vidal in Dubai on Monday.\n\nRoth reeled off a series of winners to outclass the Spaniard and set up a semi-final against Nikolay Davydenko.',
		answer: 'Spaniard',
		reason: 'blank-on-description'
	},
	{
		it: 'never blanks the first of a list of names',
		text: 'Walter Smith has a fine record.\n\nCharacters like Graeme Souness, Alex Ferguson and current manager Alex McLeish all cite his experience.',
		answer: 'Graeme Souness',
		reason: 'blank-in-list'
	}
];

describe('clozes a rule keeps out', () => {
	it.each(refused)('$it', expectClozeRefused);

	it('does not blank a person and a body in one blank', () => {
		const text =
			'Maria Lopez of the Harbour Workers Union said the plan was unfair to dockers. The union will meet again in June.';
		const { facts, ctx } = setup(text);
		const f = facts.find((x) => x.answer?.text.includes(' of the Harbour')) as FactX;
		expect(clozeProblem(ctx, f)).toBe('blank-two-units');
	});
});

/**
 * Each row: texts whose second sentence opens on a reference, and whether the reference is left
 * unresolved there.
 */
const references: { it: string; texts: [string, boolean][] }[] = [
	{
		it: 'skips "she" when no person is named before it, in an article',
		texts: [
			[
				'The broadband unit is growing fast.\n\nFor Nordtel, she said, the faster service could set the firm apart from its rivals.',
				true
			]
		]
	},
	{
		it: 'keeps "he" after the person it refers to',
		texts: [
			[
				'Shares fell in Tokyo. Chief executive Ken Ito said he expected sales in Japan to recover by March.',
				false
			]
		]
	},
	{
		it: 'skips "me" outside quotation marks and "the pair" with nobody named',
		texts: [
			[
				'The jump record fell again. Sport to me is about breaking limits, and I want to see her try 5m in Paris.',
				true
			],
			[
				'Lena Hart and Joe Park arrived early. The pair were at a gallery in Rome to honour the painter Luca Neri.',
				true
			]
		]
	},
	{
		it: 'skips "do that" whose act is in another sentence',
		texts: [
			[
				'The charity will brief the press nationally. Regional groups in Devon will do that in their own areas next week.',
				true
			]
		]
	},
	{
		it: 'skips "the England skipper" when no person is named before it',
		texts: [
			[
				'Rovers lost again at home.\n\nAfter the 2-0 defeat at Ashford, the England skipper said the season was not over.',
				true
			],
			[
				'Rovers lost again at home.\n\nAfter the 2-0 defeat at Ashford, Tom Reyes, the England skipper, said the season was not over.',
				false
			]
		]
	}
];

describe('references left unresolved', () => {
	it.each(references)('$it', ({ texts }) => {
		for (const [text, unresolved] of texts)
			expect(unresolvedReference(setup(text).doc, 1, 99, 99)).toBe(unresolved);
	});
});

/** Each row: an article (with its title), the answer, and what each wh-question on it is refused for. */
const asked: {
	it: string;
	text: string;
	title?: string;
	answer: string;
	prompts: [string, string | null][];
}[] = [
	{
		it: 'asks only for a name or a figure in an article',
		text: 'An all-party group of MPs said betting rules were too weak.\n\nThe group will report in May.',
		answer: 'all-party group',
		prompts: [['What said betting rules were too weak?', 'phrase-answer']]
	},
	{
		it: 'drops a question cut at a dash or ending on a dangling word',
		text: 'Farmers in Kent will get £20m from the government this year. The money will go to 300 farms.',
		answer: '£20m',
		prompts: [
			['How much will farmers get - the government?', 'no-clean-wh-question'],
			['How much will farmers get every?', 'no-clean-wh-question'],
			['How much will farmers in Kent get this year?', null]
		]
	},
	{
		it: "does not ask for the article's own subject",
		text: 'Finland posted record exports in 2004, helped by paper and phones. Finland sold more to Russia than ever before.',
		title: 'Finland exports hit record',
		answer: 'Finland',
		prompts: [['Which country posted record exports in 2004?', 'trivial-detail']]
	}
];

describe('short-answer questions a rule keeps out', () => {
	it.each(asked)('$it', ({ text, title, answer, prompts }) => {
		const { fact, ctx } = setup(text, title);
		const f = fact(answer);
		for (const [prompt, problem] of prompts)
			expect(shortAnswerProblem(ctx, f, prompt, ctx.title)).toBe(problem);
	});
});

const checked: Flagging[] = [
	{
		it: 'reads "Corporation for Assigned Names" as one name, so its neighbours are not cut off',
		check: properName,
		flags: ['Corporation for Assigned Names'],
		leaves: ['for Assigned Names', 'party leadership']
	},
	{
		it: 'never asks the minute of a chance or a few seconds',
		check: trivialTime,
		flags: ['six minutes', 'the 23rd minute'],
		leaves: ['six months']
	},
	{
		it: 'skips the closing lines every story carries',
		check: boilerplate,
		flags: [
			'You can hear more on this story on the Tech Hour programme.',
			'Click here for the full results.'
		],
		leaves: ['The firm said profits rose by 5%.']
	}
];

describe('blanks on whole units', () => {
	it('keeps a nationality before a name out of the blank', () => {
		const { facts, cloze } = setup(
			'The race in Cork will be tough for Sean Doyle, who faces Kenyan Daniel Kiprop, the winner for the last two years. Doyle won a bronze medal last season.'
		);
		expect(facts.some((f) => f.answer?.text === 'Kenyan Daniel Kiprop')).toBe(false);
		const [b] = cloze('Daniel Kiprop');
		expect(b?.q.prompt).toContain('faces Kenyan _____, the winner');
	});

	it('keeps a word of the next phrase out of a figure', () => {
		const { facts } = setup(
			'The goalkeeper kept 19 clean sheets last season for Rovers in the league. He has since lost his place to a younger rival.'
		);
		const answers = facts.map((f) => f.answer?.text);
		expect(answers).not.toContain('19 clean sheets last');
		expect(answers).toContain('19 clean sheets');
	});
});

describe('blanks with one right answer', () => {
	it('leaves a lower-case description to other types, or to a filler at most', () => {
		const { problem, cloze } = setup(
			'Mining group Tarn Metals said its latest discovery in Chile could hold large copper reserves. Shares in Tarn Metals rose 4% in London.'
		);
		expect(problem('latest discovery')).toBe('blank-on-common-word');
		expect(cloze('latest discovery').every((b) => b.fallback)).toBe(true);
	});

	it('sees a derived form of the answer in the sentence', () => {
		expect(
			derivedFormShown(
				"_____'s currency is pegged to the dollar, which keeps Chinese goods cheap.",
				'China'
			)
		).toBe(true);
		expect(derivedFormShown('Exports from _____ to Iraqi ports resumed.', 'Iraq')).toBe(true);
		expect(derivedFormShown('The _____ fined the club £20,000.', 'Football Association')).toBe(
			false
		);
	});

	it.each(checked)('$it', expectFlags);
});

describe('questions that carry their context', () => {
	it('does not write "the firm" out as an organisation the article barely names', () => {
		const { doc, ctx, sureFact } = setup([
			'Leisure group Harlow could sell its cinema unit, reports say.',
			'Harlow has owned the unit for 40 years.',
			'Harlow said on Monday that talks were at an early stage.',
			'It also owns Pixelbox, which makes discs for film studios.',
			'Analysts said the firm was likely to report a fall in profits.',
			'Formed in the 1950s the firm was a leading producer of films for many years.'
		]);
		const f = sureFact('1950s');
		const p = clozeProblem(ctx, f);
		const refs = doc.references.filter((r) => r.sentence === f.sentence);
		// Either the reader wrote "the firm" out as Harlow (the group the article is about), or the
		// cloze is skipped: never another organisation's name.
		if (p === null) expect(refs.every((r) => r.replacement === 'Harlow')).toBe(true);
		else expect(['unsure-reference', 'unresolved-reference']).toContain(p);
	});
});

describe('hints', () => {
	it('gives no hint when the reader is not sure a name is a person', () => {
		const { fact, doc, ctx } = setup(
			'A spokeswoman for Wexford said the club would wait for the referee. The match ended 2-2.'
		);
		const f = fact('Wexford');
		expect(f.answer?.kind).toBe('person');
		expect(clozeHint(doc, f)).toBe('');
		// "A spokeswoman for _____ said the club ...": the club is the blank itself.
		expect(clozeProblem(ctx, f)).toBeNull();
	});

	it('calls a figure with a unit "a quantity", never "a number"', () => {
		const { facts, doc } = setup(
			'The pole vaulter cleared 5m in Madrid on Sunday. She had failed at the height twice before.'
		);
		const f = facts.find((x) => x.answer?.text === '5m') as FactX;
		expect(clozeHint(doc, f)).toBe('a quantity');
	});
});

describe('short answers', () => {
	it('keeps weaker fillers out of an article of several paragraphs', () => {
		const text = [
			'Harbour bridge opens in Dunmore',
			'',
			'Mayor Ana Ruiz opened the harbour bridge in Dunmore on Friday after three years of work. Engineers said the bridge would carry 12,000 cars a day. The bridge cost £45m, paid by the regional council.',
			'',
			'The ferry company said it would keep one boat running for tourists. Tolls will not be charged for the first year, the council said. A second phase will add a cycle lane in 2026.',
			'',
			'Police closed two roads near the harbour for the afternoon. Visitors came from villages along the coast to see the opening.'
		].join('\n');
		const deck = generateDeck(text);
		// "a cycle lane", "the afternoon": lower-case phrases never reach an article's deck.
		const clozes = deck.questions.filter((q) => q.type === 'cloze');
		expect(clozes.length).toBeGreaterThan(0);
		expect(clozes.filter((q) => q.kind === 'thing' && !/\p{Lu}/u.test(q.answer))).toEqual([]);
		// "two roads near": a figure ends where its phrase ends.
		expect(deck.questions.map((q) => q.answer)).not.toContain('two roads near');
	});
});
