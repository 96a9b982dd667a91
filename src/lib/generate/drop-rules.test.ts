import { describe, expect, it } from 'vitest';
import type { Rejection } from './explain';
import { generateDeck } from './index';
import { contextRisk, weakOpener } from './context';
import { readForTest } from './fixtures/read';
import { questionsForFact, type Built } from './questions';
import { weakLast } from './screen';
import type { Question } from './types';
import { conversionBlank, speakerlessQuote, weakForm } from './weak';

/** A question with only what the checks read: type, prompt, answer, kind, where the answer is. */
function asked(
	type: Question['type'],
	prompt: string,
	answer: string,
	kind = 'thing',
	text = ''
): Built {
	const at = text.indexOf(answer);
	const answerSpan = at < 0 ? undefined : { start: at, end: at + answer.length };
	return { q: { type, prompt, answer, kind, answerSpan }, fact: {}, form: 1 } as unknown as Built;
}

/** Whether the money blank `answer` in `text` is a currency conversion. */
function conversion(text: string, answer: string): boolean {
	return conversionBlank(
		text,
		asked('cloze', text.replace(answer, '_____'), answer, 'money', text)
	);
}

describe('conversion blanks', () => {
	it('finds a money figure in brackets after another money figure', () => {
		expect(conversion('Profit was 4.1bn kronor (£310m; $590m) in the quarter.', '$590m')).toBe(
			true
		);
		expect(conversion('Profit was 4.1bn kronor (£310m; $590m) in the quarter.', '£310m')).toBe(
			true
		);
		expect(conversion('The bank held 3bn euros ($3.9bn; £2.1bn) offshore.', '£2.1bn')).toBe(true);
		expect(conversion('Dalton will pay $2m (£1.05m) to its former chief.', '£1.05m')).toBe(true);
	});

	it('leaves the figure before the brackets and brackets that are no conversion', () => {
		expect(
			conversion('Profit was 4.1bn kronor (£310m; $590m) in the quarter.', '4.1bn kronor')
		).toBe(false);
		expect(conversion('The firm (which lost $40m last year) was sold.', '$40m')).toBe(false);
		expect(conversion('Sales rose to $80m (up from $60m) last year.', '$60m')).toBe(false);
		expect(conversion('The club paid a record fee (£12m) for the striker.', '£12m')).toBe(false);
	});

	it('rejects a conversion blank in a deck, naming the rule', () => {
		const text = [
			'Nordvik Telecom made a profit of 9.5bn kronor (£722m; $1.3bn) in the three months to December.',
			'The Swedish firm said sales of mobile networks had risen in Asia and in Eastern Europe.',
			'Chief executive Lena Holm said the firm would hire 2,000 engineers in 2005.'
		].join(' ');
		const rejected: Rejection[] = [];
		const deck = generateDeck(text, { onReject: (r) => rejected.push(r) });
		expect(deck.questions.some((q) => q.answer === '$1.3bn' || q.answer === '£722m')).toBe(false);
		expect(rejected.some((r) => r.reason === 'conversion-blank')).toBe(true);
	});
});

describe('speakerless quotations', () => {
	it('finds a shown sentence that is a quotation and nothing else', () => {
		for (const prompt of [
			'"The quiet voters are paying the price of slow _____."',
			'“I tried for _____ to make the shop work.”',
			'Which period completes the sentence? "I tried for _____ to make the shop work."'
		])
			expect(speakerlessQuote(asked('cloze', prompt, 'x')), prompt).toBe(true);
	});

	it('leaves a quotation with its speaker and a sentence that only holds one', () => {
		for (const prompt of [
			'"The quiet voters are paying the price of slow _____," said Ann Hale.',
			'"I tried for years to make it work," said _____.',
			'Ann Hale said: "The quiet voters are paying the price of slow _____."',
			'The quiet voters are paying the price of slow _____.'
		])
			expect(speakerlessQuote(asked('cloze', prompt, 'x')), prompt).toBe(false);
		expect(
			speakerlessQuote(asked('true-false', 'True or false? "The shop made a loss."', 'True'))
		).toBe(false);
	});
});

/** An article (three paragraphs) with roles, and a single paragraph of the same lines. */
const LINES = [
	'Liberal Democrat leader Charles Kennedy visited the new hospital in Tarrow on Monday.',
	'Mayor Ana Ruiz opened the Dunmore bridge in March 2004.',
	'Kellan Works spent $40m on the bridge and hired 300 workers.',
	'Engineer Tomas Berg designed the deck of the Dunmore bridge.',
	'Priya Shah won the council vote by 212 votes.',
	'Greenvale Mining cut 450 jobs at its Tarrow plant in 2003.',
	'Olaf Brandt scored 17 goals for Harwick Rovers last season.',
	'Selma Ortiz chairs the Tarrow Arts Trust.'
];

describe('role look-ups', () => {
	const lookup = (q: Question) =>
		(q.type === 'short-answer' || q.type === 'multiple-choice') &&
		q.prompt.startsWith('Who is described in the article as');

	it('leaves them out of an article, naming the rule, and keeps the match question', () => {
		const text = [LINES.slice(0, 3), LINES.slice(3, 6), LINES.slice(6)]
			.map((p) => p.join(' '))
			.join('\n\n');
		const rejected: Rejection[] = [];
		const deck = generateDeck(text, { onReject: (r) => rejected.push(r) });
		expect(deck.questions.some(lookup)).toBe(false);
		expect(deck.questions.some((q) => q.type === 'match')).toBe(true);
		expect(rejected.some((r) => r.reason === 'role-lookup')).toBe(true);
		const single = generateDeck(LINES.join(' '));
		expect(single.questions.some(lookup)).toBe(true);
	});
});

describe('a deck short of strong questions', () => {
	it('shows its weak forms before the questions leaning on context', () => {
		const text = [
			'Norland signs boot deal with Harwick United',
			'Harwick United has agreed a new deal with Norland to supply its players with boots for five years.',
			'The Dutch-based firm equipped the Harwick side at the 2002 Cup and has deals with 14 other clubs.',
			'Tom Varga played for Harwick for eight years.',
			'Harwick United chairman Ian Pell said the deal was worth £3m.'
		].join('\n\n');
		const { doc, facts, ctx } = readForTest(text);
		const all: Built[] = [];
		for (const f of facts) all.push(...questionsForFact(ctx, f));
		const leaning = all.find((b) => contextRisk(doc, b) && !weakOpener(b, doc)) as Built;
		const tf = all.find((b) => b.q.type === 'true-false' && !contextRisk(doc, b)) as Built;
		const strong = all.filter((b) => !contextRisk(doc, b) && !weakOpener(b, doc) && !weakForm(b));
		expect(leaning).toBeTruthy();
		expect(tf).toBeTruthy();
		expect(strong.length).toBeGreaterThan(2);
		const deck = [leaning, tf, ...strong.slice(0, 5)];
		const out = weakLast(doc, deck);
		expect(out.slice(-2)).toEqual([tf, leaning]);
	});
});
