import { describe, expect, it } from 'vitest';
import { sentenceInContext } from './coref';
import { analyze } from './index';

/** Sentence `index` of `text` as a question shows it on its own (null: not at all). */
function alone(text: string, index: number): string | null {
	const doc = analyze(text);
	return sentenceInContext(doc, index);
}

/** Each row: a text, one of its sentences and how it is shown alone. */
const rows: { it: string; text: string; at: number; want: string | null }[] = [
	{
		it: 'subject-first: "the company" means the subject, not a company named as an object',
		text: 'Nordic retailer Varsa Group has bought a stake in Kelmo Group and Kelmo Group shops. Profits rose 3%, the company said.',
		at: 1,
		want: 'Profits rose 3%, Varsa Group said.'
	},
	{
		it: 'apposition: "its own business, X," makes X the subject an "It" continues',
		text: 'Varsa Group said it owns 8% of Lumo Group. But its own web business, Kelmo Group, had a bad year. It lost 2,000 customers.',
		at: 2,
		want: 'Kelmo Group lost 2,000 customers.'
	},
	{
		it: 'rival-clause: two companies opening clauses leave "It" unresolved',
		text: 'Varsa Group rose 2% and Kelmo Group fell 1%. It said demand was weak.',
		at: 1,
		want: null
	},
	{
		it: 'rival-clause: two companies opening clauses leave "the company" as it is',
		text: 'Varsa Group rose 2% and Kelmo Group fell 1%. Sales fell, the company said.',
		at: 1,
		want: 'Sales fell, the company said.'
	},
	{
		it: 'a titled person is the subject: "It" goes to the body named before the title',
		text: 'Varsa Group chief executive Tom Reed said sales rose. It plans to open ten shops.',
		at: 1,
		want: 'Varsa Group plans to open ten shops.'
	},
	{
		it: 'a titled person is the subject: "He" still goes to the person',
		text: 'Varsa Group chief executive Tom Reed said sales rose. He plans to retire.',
		at: 1,
		want: 'Tom Reed plans to retire.'
	}
];

describe('subject-first references to organisations', () => {
	it.each(rows)('$it', ({ text, at, want }) => expect(alone(text, at)).toBe(want));
});

describe('descriptions that are not references', () => {
	it('named-description: "The airline, Name," names what it describes', () =>
		expect(
			alone('Varsa Group sold jets to a new airline. The airline, Skyro, will fly in May.', 1)
		).toBe('The airline, Skyro, will fly in May.'));
	it('named-description: "the airline, car-making and steel industries" is a list', () =>
		expect(
			alone(
				'Varsa Group lobbied hard. Firms in the airline, car-making and steel industries agreed.',
				1
			)
		).toBe('Firms in the airline, car-making and steel industries agreed.'));
	it('same-description: a firm left unresolved before stays unresolved after', () =>
		expect(
			alone(
				"Varsa Group, like Lumo Group, is one of the firm's two owners. The deal is the second in the firm's history.",
				1
			)
		).toBe("The deal is the second in the firm's history."));
	it('an "its" in an opening phrase before a "the ..." subject is not written out', () =>
		expect(
			alone('Varsa Group sells the Zed car. Since its launch, the car has sold well.', 1)
		).toBe(null));
});
