/** The short-answer rules: unnamed things, the reporting outlet, and a key without its description. */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { readForTest } from './fixtures/read';
import {
	reportingOutlet,
	shortAnswerBuilder,
	shortAnswerProblem,
	unnamedThing,
	withoutDescriptor
} from './builders/short-answer';

describe('unnamed-thing', () => {
	it('refuses a definite phrase for something told elsewhere', () => {
		for (const q of [
			'Which firm emerged as the auction winner?',
			'Who announced his plans a day after the vote?',
			'Where has the mayor adapted the idea to her own town?',
			'Who said the new proposals lacked teeth?',
			'Who defended her decision on Monday?',
			'Who will play the character?',
			'Who insisted he and the runners had done nothing wrong?'
		])
			expect(unnamedThing(q), q).toBe(true);
	});

	it('keeps the phrase the question names or says which of', () => {
		for (const q of [
			'Who said the idea for the new bridge came to him in a dream?',
			'Who announced his plans to stand for mayor?',
			'Who won the Davis Cup title in Paris?',
			'Who said the tax plans were unfair?',
			'Who put forward a new plan and said the plan would save money?',
			'Who defended her decision to quit the club?'
		])
			expect(unnamedThing(q), q).toBe(false);
	});
});

describe('reporting-outlet', () => {
	it('refuses the outlet that gathered the story, as the answer of a gathering verb', () => {
		expect(reportingOutlet('Which organisation spoke to a number of traders?', 'BBC News')).toBe(
			true
		);
		expect(
			reportingOutlet(
				'Which organisation reported that the bank had bid for the mill?',
				'Daily Post'
			)
		).toBe(true);
	});

	it('keeps an outlet that acts in the story, and a body that reports', () => {
		expect(reportingOutlet('Which organisation denied it had lost the rights?', 'BBC')).toBe(false);
		expect(reportingOutlet('Which organisation reported a loss for the year?', 'Acme Steel')).toBe(
			false
		);
	});
});

describe('key-descriptor', () => {
	const text =
		'Privately-held Marlow Group bought two soap brands in 2003. Marlow Group also owns a chain of shops.';

	it('drops a hyphened description the article writes the name without', () => {
		const doc = analyze(text);
		const start = text.indexOf('Privately-held');
		const key = { text: 'Privately-held Marlow Group', span: { start, end: start + 27 } };
		const out = withoutDescriptor(doc, key);
		expect(out.text).toBe('Marlow Group');
		expect(text.slice(out.span!.start, out.span!.end)).toBe('Marlow Group');
	});

	it('keeps it when the name never stands alone', () => {
		const doc = analyze('State-owned Rail Co bought two lines in 2003. The firm also runs buses.');
		expect(withoutDescriptor(doc, { text: 'State-owned Rail Co' }).text).toBe(
			'State-owned Rail Co'
		);
	});
});

describe('short-answer problems in an article', () => {
	const lines = [
		'The old mill in Carlow was sold at auction on Friday for £2m.',
		'Bids came from six firms and two local families.',
		'Harlow Estates emerged as the auction winner after an hour.',
		'The firm plans to turn the mill into flats.',
		'Local people had hoped the building would become a museum.',
		'Councillor Mary Byrne said the town would lose part of its past.',
		'She said the council had tried to raise the money itself.',
		'The council had raised £500,000 by the end of the year.',
		'Harlow Estates said work would begin in the spring.',
		'The flats will be sold from next year.',
		'The mill was built in 1820 and closed in 1970.',
		'It has stood empty for more than thirty years.',
		'A survey last year found the roof was close to falling in.',
		'Repairs would have cost the town about £1m.',
		'The sale still needs the approval of the planning board.',
		'The board meets next month.'
	];

	it('refuses the unnamed auction there as needs-context', () => {
		const { ctx, sureFact } = readForTest(lines);
		const f = sureFact('Harlow Estates');
		expect(shortAnswerProblem(ctx, f, 'Which organisation emerged as the auction winner?')).toBe(
			'needs-context'
		);
		expect(
			shortAnswerProblem(ctx, f, 'Which organisation emerged as the winner of the mill sale?')
		).toBe(null);
	});

	it('asks the count with its noun and keys the figure alone', () => {
		const { build, sureFact } = readForTest(['The firm sold two soap brands in 2003.', ...lines]);
		const f = sureFact('two soap brands');
		const [b] = build(shortAnswerBuilder, f);
		expect(b?.q.prompt).toBe('How many soap brands did the firm sell in 2003?');
		expect(b?.q.answer).toBe('two');
	});
});
