/** Cloze, short-answer, true/false and who-said-it rules from the teachers' ratings. */
import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import {
	countListed,
	judgedInQuotes,
	nationalLeader,
	parallelFigure,
	withFullName
} from './builders/cloze';
import { clauseChain, frontedSetting } from './builders/short-answer';
import { actsInArticle, falseValue } from './builders/true-false';
import { speakerChoices, unnamedSpeaker } from './builders/quote';
import { KEY_MARK as K } from './statement';
import type { Question } from './types';
import type { Doc } from '../nlp/types';
import type { FactX } from './facts';

/** Whether `rule` holds of the fact answered by `answer` (or by a text that starts with it). */
function ruleOn(rule: (doc: Doc, f: FactX) => boolean, text: string, answer: string): boolean {
	const { doc, facts } = readForTest(text);
	const f =
		facts.find((x) => x.answer?.text === answer) ??
		facts.find((x) => x.answer?.text.startsWith(answer));
	expect(f, `a fact answered by ${answer}`).toBeTruthy();
	return rule(doc, f as FactX);
}

describe('rule count-listed: items told one by one after a count', () => {
	it('refuses a blank on "two" when "one … and another" follows', () => {
		const { doc, sureFact } = readForTest(
			'Norvex is fighting two lawsuits - one accusing it of fraud and another alleging it cheated staff. The firm denies both.'
		);
		expect(countListed(doc, sureFact('two lawsuits'))).toBe(true);
	});

	it('keeps a count with no list after it', () => {
		const { doc, sureFact } = readForTest(
			'Norvex is fighting two lawsuits in the state courts this year. The firm denies both.'
		);
		expect(countListed(doc, sureFact('two lawsuits'))).toBe(false);
	});
});

describe('rule parallel-figure: a near twin of the blank shown in its sentence', () => {
	it('refuses "one in _____" beside "one in six"', () => {
		const text =
			'Only one in six pupils knew the minister, and just one in 10 recognised his deputy.';
		expect(ruleOn(parallelFigure, text, '10')).toBe(true);
	});

	it('refuses "paying _____" beside "which pays 4.25%"', () => {
		const text =
			'The Blue account is paying 4.35% on savings and the Redwood Saver, which pays 4.25%, is close behind.';
		expect(ruleOn(parallelFigure, text, '4.35%')).toBe(true);
	});

	it('keeps a figure whose twin follows other words', () => {
		const text = 'Sales rose by 8% in the spring, while costs were up by 3% over the year.';
		expect(ruleOn(parallelFigure, text, '8%')).toBe(false);
	});
});

describe('rule judged-in-quotes: a judgement in quotation marks after "a"', () => {
	it('marks "an “absolute mess”" and not a term the text names', () => {
		const text =
			'There was an "absolute mess" in the hiring of nurses, the health committee said. The plan is known as the "care pledge" by staff.';
		expect(ruleOn(judgedInQuotes, text, 'absolute mess')).toBe(true);
		const { doc, facts } = readForTest(text);
		const term = facts.find((x) => x.answer?.text === 'care pledge');
		if (term) expect(judgedInQuotes(doc, term)).toBe(false);
	});
});

describe('short answer: full name, fronted setting, chains of clauses', () => {
	it('keys a short answer on a surname to the full name', () => {
		const { doc } = readForTest(
			'Former captain Tom Hadley praised the squad. Hadley insisted the team were entering a new golden era.'
		);
		const q = {
			type: 'short-answer',
			kind: 'person',
			prompt: 'Who insisted the team were entering a new golden era?',
			answer: 'Hadley'
		} as unknown as Question;
		expect(withFullName(doc, q).answer).toBe('Tom Hadley');
	});

	it('finds a place set before the subject', () => {
		const text =
			'In Lisbon, parliament has been debating four bills on housing. The bills face delays.';
		expect(ruleOn(frontedSetting, text, 'Lisbon')).toBe(true);
		expect(
			ruleOn(frontedSetting, 'Parliament met in Lisbon, where it debated bills.', 'Lisbon')
		).toBe(false);
	});

	it('finds a question carrying two further clauses', () => {
		expect(
			clauseChain(
				'Who turned down a move to Leeds after Rovers accepted an offer while Town had made bids for him?'
			)
		).toBe(true);
		expect(clauseChain('Who turned down a move to Leeds after Rovers accepted an offer?')).toBe(
			false
		);
	});
});

describe('rule acting-place: a place that acts is swapped for one that also acts', () => {
	const TEXT =
		'Officials said Norland chairs the summit next year. The war in Estovia has cost billions. Varnia has pledged more aid to the region.';
	const { doc } = readForTest(TEXT);
	const at = TEXT.indexOf('Norland');
	const span = { start: at, end: at + 'Norland'.length };
	const frame = `Officials said ${K} chairs the summit next year.`;

	it('knows which places act', () => {
		expect(actsInArticle(doc, 'Varnia')).toBe(true);
		expect(actsInArticle(doc, 'Estovia')).toBe(false);
	});

	it('never puts a place that only sets a scene in the chair', () => {
		expect(falseValue(doc, { text: 'Norland', kind: 'place', span }, frame, ['Estovia'])).toBe(
			undefined
		);
		expect(
			falseValue(doc, { text: 'Norland', kind: 'place', span }, frame, ['Estovia', 'Varnia'])
		).toBe('Varnia');
	});
});

describe('rule speaker-choices: wrong choices who could have spoken', () => {
	const { doc } = readForTest(
		'Anna Welt, head of Korbel Bank, said rates would rise. "We expect a slow year," said Paul Reyes, an analyst. Mark Dunn, a trader, said prices were high. The Dax index fell 2%.'
	);
	const id = (name: string) => doc.entities.find((e) => e.name === name)?.id ?? -1;

	it('drops a body offered among people, and keeps three people', () => {
		const out = speakerChoices(doc, 'person', new Set(), ['Paul Reyes', 'Korbel Bank', 'Dax']);
		expect(out).toBe(null);
	});

	it('keeps two wrong people, not two bodies nobody quotes', () => {
		const speakers = new Set([id('Paul Reyes'), id('Mark Dunn')]);
		expect(speakerChoices(doc, 'person', speakers, ['Paul Reyes', 'Mark Dunn'])).toEqual([
			'Paul Reyes',
			'Mark Dunn'
		]);
		expect(speakerChoices(doc, 'organisation', new Set(), ['Korbel Bank', 'Dax'])).toBe(null);
	});
});

describe('rule national-leader: a country and its office name the leader', () => {
	it('marks "Italian Prime Minister _____" and not a firm\'s president', () => {
		const text =
			'Italian Prime Minister Marco Ravelli met bankers on Monday. Bank president Lena Voss said rates would stay low.';
		expect(ruleOn(nationalLeader, text, 'Marco Ravelli')).toBe(true);
		expect(ruleOn(nationalLeader, text, 'Lena Voss')).toBe(false);
	});
});

describe('rule unnamed-speaker: words of a statement are not those of a person named in them', () => {
	const TEXT = [
		'Jon Harker wants to buy Dunmore Rovers.',
		'"The board believes Mr Harker\'s plans are far too risky for the club," the statement said.',
		'"We will look at any offer with care," Harker said on Monday.'
	];

	it('finds the statement, and not the person who spoke', () => {
		const { doc, facts } = readForTest(TEXT);
		const quoted = facts.filter((f) => f.kind === 'quote');
		const byStatement = quoted.find((f) => f.sentence === 1);
		const bySpeaker = quoted.find((f) => f.sentence === 2);
		expect(bySpeaker).toBeTruthy();
		expect(unnamedSpeaker(doc, bySpeaker as FactX)).toBe(false);
		// Whoever the reader takes for the statement's speaker, it is not one to ask about.
		const asked = byStatement ?? ({ ...bySpeaker, sentence: 1 } as FactX);
		expect(unnamedSpeaker(doc, asked)).toBe(true);
	});
});

describe('rule parallel-figure: only near twins of one thing', () => {
	it('keeps figures far apart or of different things', () => {
		const far = 'Sales grew to more than 20 million copies, in more than 40 countries.';
		expect(ruleOn(parallelFigure, far, '40')).toBe(false);
		const other = 'The plan puts up to 250 screens in up to 150 cinemas.';
		expect(ruleOn(parallelFigure, other, '150')).toBe(false);
	});
});
