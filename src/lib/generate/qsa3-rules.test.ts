import { describe, expect, it } from 'vitest';
import { quoteBuilder } from './builders/quote';
import { shortAnswerProblem } from './builders/short-answer';
import { readForTest } from './fixtures/read';

describe('who said it: a name the quotation is about', () => {
	const SPEECH = [
		'Leo Dorran has had the chance to fix the railways and has failed, Anna Holt has said.',
		'"Commuters are paying more for less", the Green leader said in her spring message. Mr Dorran\'s cabinet was a "tired, careless cabinet that makes promises it cannot keep," she added.',
		'Transport minister Leo Dorran rejected the claims and said fares had been frozen.'
	].join('\n\n');
	it('asks no quotation of a name in the possessive when "she" spoke (speaker-in-framed-clause)', () => {
		const { doc, facts, build, rejected } = readForTest(SPEECH);
		const f = facts.find((x) => x.kind === 'quote' && x.quote?.text.startsWith('tired, careless'));
		expect(f).toBeTruthy();
		if (!f) return;
		// As a reader that took the nearest name for "she" would key it: on Leo Dorran.
		const dorran = doc.entities.find((e) => e.name.endsWith('Dorran'));
		expect(dorran).toBeTruthy();
		if (!dorran || !f.answer) return;
		const keyed = { ...f, answer: { ...f.answer, text: dorran.name, entity: dorran.id } };
		expect(build(quoteBuilder, keyed)).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('speaker-in-framed-clause');
	});
});

describe('short answers that lean on other sentences', () => {
	const ARTICLE = [
		'Politician Arthur Penn won the Westford seat for the Whigs in 1964 by a few votes.',
		'The Radicals regained the seat two years later with a big majority.',
		'Airline chief Ravi Menon said the firm would buy 20 planes from a maker in Toulouse.',
		'Mr Menon said the planes will connect small southern cities.',
		'Broadband firm Netline has signed up a million homes to high data speeds.',
		'The standard speed is 512kbps, though faster links are available.',
		'Analyst Ian Ford thinks there could be potential for business, but it could take years.',
		'Critic Tom Reed branded the ballet\'s ending\'s "stupid and dull".',
		'Dancer Margot Lane was born Edith Margaret Lanning in Bristol in 1912.'
	].join('\n\n');
	const { ctx, facts } = readForTest(ARTICLE);
	const at = (words: string) => {
		const i = ctx.doc.sentences.findIndex((s) => s.text.includes(words));
		const f = facts.find((x) => x.sentence === i && x.answer);
		expect(f, words).toBeTruthy();
		return f as NonNullable<typeof f>;
	};
	it('refuses "the seat" and "the planes" told before (told-before)', () => {
		expect(
			shortAnswerProblem(
				ctx,
				at('Mr Menon said'),
				'Who said the planes will connect small southern cities?'
			)
		).toBe('told-before');
		expect(
			shortAnswerProblem(ctx, at('standard speed'), 'How many kbps is the standard speed?')
		).toBe('told-before');
		// Nothing earlier told of a "speed" before the first sentence.
		expect(
			shortAnswerProblem(
				ctx,
				at('Arthur Penn'),
				'Who won the Westford seat for the Whigs in 1964 by a few votes?'
			)
		).toBeNull();
	});
	it('refuses a time counted from an unnamed event (anchorless-time)', () => {
		expect(
			shortAnswerProblem(
				ctx,
				at('Radicals regained'),
				'Which organisation regained a majority two years later?'
			)
		).toBe('anchorless-time');
	});
	it('refuses an existential with no topic (vague-question)', () => {
		expect(
			shortAnswerProblem(ctx, at('Ian Ford'), 'Who thinks there could be potential for business?')
		).toBe('vague-question');
	});
	it('refuses a possessive before an adjective (broken-possessive)', () => {
		expect(
			shortAnswerProblem(ctx, at('Tom Reed'), "Who branded the ballet's ending's stupid and dull?")
		).toBe('broken-possessive');
	});
	it('refuses a birth name inside a when-question (birth-name-inside)', () => {
		expect(
			shortAnswerProblem(
				ctx,
				at('Lanning'),
				'When was Margot Lane born Edith Margaret Lanning in Bristol?'
			)
		).toBe('birth-name-inside');
	});
});
