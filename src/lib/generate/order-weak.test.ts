import { describe, expect, it } from 'vitest';
import type { Rejection } from './explain';
import { asked } from './fixtures/asked';
import { readForTest } from './fixtures/read';
import { generateDeck } from './index';
import { questionsForFact, type Built } from './questions';
import { weakLast } from './screen';
import { clozeFirst, select } from './select';
import { answerInPrompt, nameList, roleTemplate, runOnPrompt, weakForm } from './weak';

function built(text: string) {
	const r = readForTest(text);
	const out: Built[] = [];
	for (const f of r.facts) out.push(...questionsForFact(r.ctx, f));
	for (const b of out) b.q.score = 1;
	return { ...r, out };
}

const ARTICLE = [
	'Liberal Democrat leader Charles Kennedy visited the new hospital in Tarrow on Monday.',
	'Mayor Ana Ruiz opened the Dunmore bridge in March 2004.',
	'Kellan Works spent $40m on the bridge and hired 300 workers.',
	'Engineer Tomas Berg designed the deck of the Dunmore bridge.',
	'Margaret Hassan was abducted in Baghdad on 19 October.',
	'Britain declared a national day of mourning in November.',
	'\n\nPriya Shah won the council vote by 212 votes.',
	'Greenvale Mining cut 450 jobs at its Tarrow plant in 2003.',
	'Olaf Brandt scored 17 goals for Harwick Rovers last season.',
	'Harwick Rovers paid £3m for Olaf Brandt in 2001.',
	'Selma Ortiz chairs the Tarrow Arts Trust.',
	'The Tarrow Arts Trust raised £2m for the new theatre in 2002.'
].join(' ');

describe('weak forms after the top ten', () => {
	it('names the role template "Who is described in the article as …"', () => {
		const { out } = built(ARTICLE);
		const roles = out.filter((b) => b.fact.kind === 'role' && b.q.type !== 'match');
		const template = roles.filter((b) => b.q.prompt.startsWith('Who is described'));
		expect(template.length).toBeGreaterThan(0);
		for (const b of template) expect(weakForm(b), b.q.prompt).toBe('role-template');
		for (const b of out.filter((x) => x.fact.kind !== 'role'))
			expect(roleTemplate(b), b.q.prompt).toBe(false);
	});

	it('moves a role template below ten clean questions in an article', () => {
		const { doc, out } = built(ARTICLE);
		const role = out.find((b) => roleTemplate(b)) as Built;
		const clean = out.filter(
			(b) => b.q.type === 'cloze' && b.q.kind !== 'place' && /^\p{Lu}|^\d|^[$£]/u.test(b.q.answer)
		);
		const deck = [role, ...clean];
		const order = weakLast(doc, deck);
		expect(order.length).toBe(deck.length);
		if (clean.length >= 10) expect(order.indexOf(role)).toBeGreaterThanOrEqual(10);
		else expect(order.indexOf(role)).toBeGreaterThan(0);
	});
});

describe('answer in prompt', () => {
	it('finds the initials of the answer or of a run of its words', () => {
		expect(
			answerInPrompt(
				asked(
					'short-answer',
					'Which organisation is warning about e-mails that purport to be from the FBI?',
					'US Federal Bureau of Investigation'
				)
			)
		).toBe(true);
		expect(
			answerInPrompt(
				asked('cloze', 'The BNP said _____ would stand in 50 seats.', 'British National Party')
			)
		).toBe(true);
	});

	it('finds another spelling of a name in the answer', () => {
		expect(
			answerInPrompt(
				asked(
					'cloze',
					'The TiVo To Go service lets viewers move what they record on their _____ to a laptop.',
					'TiVos'
				)
			)
		).toBe(true);
	});

	it('leaves a shared word spelt the same, unrelated capitals and true/false', () => {
		for (const [prompt, answer] of [
			['The _____ raised its federal funds rate to 2%.', 'Federal Reserve'],
			['The FAO urged the _____ to conclude trade talks.', 'World Trade Organisation'],
			['Jon Smith said _____ would stay.', 'Jones'],
			['_____ said people near Euro MP Ann Hale had been hit.', 'Greater Manchester Police'],
			['Manchester City boss Kevin Keegan praised _____.', 'Manchester United'],
			['The BBC said _____ had resigned.', 'Greg Dyke'],
			['_____ joined the EU in 2004.', 'Estonia'],
			['Jones said _____ would stay.', 'Jon Walton']
		])
			expect(answerInPrompt(asked('cloze', prompt as string, answer as string)), prompt).toBe(
				false
			);
		expect(
			answerInPrompt(asked('true-false', 'True or false? The FBI opened an inquiry.', 'True'))
		).toBe(false);
	});
});

describe('name lists', () => {
	it('finds a squad list of names with their clubs in brackets', () => {
		expect(
			nameList(
				'Backs: Mike Blair (Edinburgh Rugby), Andy Craig (Glasgow Rugby), Chris Cusiter (The Borders), Simon Danielli (The Borders), Marcus Di Rollo (Edinburgh Rugby).'
			)
		).toBe(true);
	});

	it('finds a team line of names with no verb', () => {
		expect(
			nameList(
				'J Robinson (capt); M Cueto, J Noon, O Barkley, J Lewsey; C Hodgson, H Ellis; G Rowntree.'
			)
		).toBe(true);
		expect(
			nameList('P Montgomery; M Joubert, De Wet Barry, J van der Westhuyzen; F Du Preez.')
		).toBe(true);
	});

	it('leaves a sentence that lists names after its verb', () => {
		expect(
			nameList('The UK, France, Germany, Austria and Sweden want the budget to be capped at 1%.')
		).toBe(false);
		expect(
			nameList('Arrests were made in Argentina, Bulgaria, Canada, Estonia, Poland and Sweden.')
		).toBe(false);
	});

	it('leaves a sentence that names a few people with brackets', () => {
		expect(
			nameList('Mike Blair (Edinburgh) scored twice, and Andy Craig (Glasgow) added a late try.')
		).toBe(false);
		expect(
			nameList(
				'The squad, announced on Monday by coach Matt Williams after a long review of the season, includes Blair (Edinburgh), Craig (Glasgow) and Cusiter (Borders) among others.'
			)
		).toBe(false);
	});

	it('rejects a cloze inside a squad list, naming the rule', () => {
		const text = [
			'Scotland have named their squad for the Six Nations.',
			'Coach Matt Williams picked three new caps for the opening game against France in Paris.',
			'\n\nBacks: Mike Blair (Edinburgh Rugby), Andy Craig (captain, Glasgow Rugby), Chris Cusiter (The Borders), Simon Danielli (The Borders), Marcus Di Rollo (Edinburgh Rugby).',
			'\n\nWilliams said the squad was the strongest he had picked since 2003.'
		].join(' ');
		const rejected: Rejection[] = [];
		const deck = generateDeck(text, { onReject: (r) => rejected.push(r) });
		expect(deck.questions.some((q) => /Backs:/.test(q.prompt))).toBe(false);
		expect(rejected.some((r) => r.reason === 'name-list')).toBe(true);
	});
});

describe('run-on prompts', () => {
	it('finds a shown text that runs into a second quoted sentence', () => {
		expect(
			runOnPrompt(
				asked(
					'multiple-choice',
					'Which number completes the sentence? Lawrence Dallaglio said: "I\'ll be fresh without another _____ Tests on the clock. "From what I saw on Sunday, I did not feel out of place.',
					'10'
				)
			)
		).toBe(true);
		expect(
			runOnPrompt(
				asked(
					'cloze',
					'Ferguson added: "All you got was a diatribe. Gill phoned _____ three times. "The return is on 1 February and they will come out with another.',
					'Dein'
				)
			)
		).toBe(true);
	});

	it('leaves one sentence, however long, and a closed quotation', () => {
		expect(
			runOnPrompt(
				asked(
					'multiple-choice',
					'Which amount of money completes the sentence? The MPs found the _____ system from American IT giant EDS was "nowhere near being fully functional and the number of dissatisfied, disenchanted and angry customers continues to escalate".',
					'£456m'
				)
			)
		).toBe(false);
		expect(
			runOnPrompt(
				asked('cloze', '"We won. It was great," said _____ after the final.', 'Ann Ridley')
			)
		).toBe(false);
		expect(
			runOnPrompt(
				asked(
					'cloze',
					'"The Commission is buckling under the pressure, " spokesman _____ said.',
					'Ann'
				)
			)
		).toBe(false);
		expect(
			runOnPrompt(asked('quote', 'Who said: “I am livid. There were two tries we lost”?', 'Ann'))
		).toBe(false);
	});
});

const MATCH_REPORT = [
	'Harwick Rovers beat Dunmore City 3-1 on Saturday.',
	'Striker Olaf Brandt scored twice in the first half.',
	'Winger Jon Tate crossed for the opening goal.',
	'Dunmore defender Ian Moss was sent off after 40 minutes.',
	'Goalkeeper Sam Reed saved a penalty from Luke Hale.',
	'Midfielder Carl Dean scored the third goal late on.',
	'Manager Rob Kerr praised Olaf Brandt after the game.',
	'Kerr said Brandt would start against Tarrow next week.',
	'Dunmore manager Phil Grant blamed the referee.',
	'Luke Hale later scored for Dunmore from a free kick.'
].join(' ');

describe('a person asked as a cloze before multiple choice', () => {
	it('marks the multiple choice on a person whose fact has a cloze', () => {
		const { out } = built(MATCH_REPORT);
		const marked = clozeFirst(out);
		expect(marked.size).toBeGreaterThan(0);
		for (const b of marked) {
			expect(b.q.type).toBe('multiple-choice');
			expect(b.q.kind).toBe('person');
			expect(out.some((c) => c.q.type === 'cloze' && c.q.factId === b.q.factId)).toBe(true);
		}
		for (const b of out.filter((x) => x.q.type === 'multiple-choice' && x.q.kind !== 'person'))
			expect(marked.has(b)).toBe(false);
	});

	it('chooses the cloze for such a fact and still keeps a multiple choice in the deck', () => {
		const { out } = built(MATCH_REPORT);
		const marked = clozeFirst(out);
		expect(marked.size).toBeGreaterThan(0);
		// Equal scores: only the rule decides between the two forms of one fact.
		// Only the marked facts on their sentences: another fact's key shown there would bar them.
		const ids = new Set([...marked].map((b) => b.q.factId));
		const lines = new Set([...marked].map((b) => b.fact.sentence));
		const pool = out.filter((b) => ids.has(b.q.factId) || !lines.has(b.fact.sentence));
		const deck = select(pool, 30, 20, 2);
		let asked = 0;
		for (const b of marked) {
			const sameFact = deck.filter((c) => c.q.factId === b.q.factId && c.q.type !== 'true-false');
			if (!sameFact.length) continue;
			asked++;
			expect(sameFact[0]?.q.type, b.q.prompt).toBe('cloze');
		}
		expect(asked).toBeGreaterThan(0);
		if (out.some((b) => b.q.type === 'multiple-choice'))
			expect(deck.some((b) => b.q.type === 'multiple-choice')).toBe(true);
	});
});
