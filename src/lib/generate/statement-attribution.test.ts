import { describe, expect, it } from 'vitest';
import { generateDeck } from '.';
import { KEY_MARK, cutFrame, reword } from './statement';

const K = KEY_MARK;

const DEBT_TALKS = `Talks on debt resume

Argentina has offered creditors new bonds worth 30% of the debt it defaulted on in 2001.

Economy minister Roberto Lavagna said the talks would restart in Buenos Aires in the spring.

Creditors holding $20bn of the bonds rejected the offer in December.

The Finance Ministry expects results of the swap by late March, officials said.`;

describe('true/false statements keep who said a claim', () => {
	it.each([
		[
			'a closing attribution with "has said" is not cut as an aside',
			`The Conservatives have been "a lot smarter" in the way they ran ${K} campaigns, a Labour backbencher has said.`,
			`The Conservatives have been "a lot smarter" in the way they ran ${K} campaigns, a Labour backbencher has said.`
		],
		[
			'a closing "has said" without quotation comes to the front',
			`The party ran ${K} campaigns across the country last year, a Labour backbencher has said.`,
			`A Labour backbencher has said that the party ran ${K} campaigns across the country last year.`
		],
		[
			'"According to …" opens the claim and stays',
			`According to Robert Walsh, next generation games will cost ${K} to make.`,
			`According to Robert Walsh, next generation games will cost ${K} to make.`
		]
	])('%s', (_, sentence, statement) => {
		const cut = cutFrame(sentence);
		expect(typeof cut).toBe('string');
		expect(reword(cut as string)).toBe(statement);
	});
});

describe('true/false statements cut cleanly', () => {
	it('leaves no ",." where a closing clause went', () => {
		const cut = cutFrame(
			`Ninth seed ${K} had never come back from two sets down to win a match, and is now waiting for the draw.`
		);
		expect(cut).toBe(`Ninth seed ${K} had never come back from two sets down to win a match.`);
	});

	it('drops a weekday with its preposition, never leaving "around." behind', () => {
		const cut = cutFrame(
			`Economy minister ${K} said the results of the restructuring were sent out around last Thursday.`
		);
		expect(cut).toBe(`Economy minister ${K} said the results of the restructuring were sent out.`);
		// Where the weekday was when something will happen, nothing would be left to say when.
		expect(
			cutFrame(
				`Economy minister ${K} said the results of the restructuring would be ready around next Thursday.`
			)
		).toBe('relative-time');
	});

	it('makes no statement that ends on a preposition or an article', () => {
		const prompts = generateDeck(DEBT_TALKS)
			.questions.filter((q) => q.type === 'true-false')
			.map((q) => q.prompt);
		expect(prompts.length).toBeGreaterThan(0);
		expect(prompts.filter((p) => /\b(?:around|by|of|to|in|on|at|the|a|an)\.$|,\./.test(p))).toEqual(
			[]
		);
	});
});
