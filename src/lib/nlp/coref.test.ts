import { describe, expect, it } from 'vitest';
import { contextEdits, openingEpithet, sentenceInContext } from './coref';
import { analyze } from './index';

const shown = (text: string) => {
	const doc = analyze(text);
	return doc.sentences.map((s) => sentenceInContext(doc, s.index));
};

/** Each row: an article and how some of its sentences are shown on their own (null: not at all). */
const written: { it: string; text: string; shows: Record<number, string | null> }[] = [
	{
		it: 'writes a pronoun out as the person the previous sentence was about',
		text: 'Mayor Ana Ruiz opened the bridge. She said it would last a century.',
		shows: { 1: 'Ana Ruiz said it would last a century.' }
	},
	{
		it: 'matches the gender an honorific gives',
		text: 'Ms Ruiz thanked Mr Hale. She smiled at the crowd.',
		shows: { 1: 'Ms Ruiz smiled at the crowd.' }
	},
	{
		it: 'resolves "it", "its" and "the firm" to the company being talked about',
		text: 'Kellan Energy cut its forecast. It also said profits fell 5%. However, the company said its shares would recover.',
		shows: {
			1: 'Kellan Energy said profits fell 5%.',
			// Only the subject is written out; the later "its" points back to it.
			2: 'Kellan Energy said its shares would recover.'
		}
	},
	{
		it: 'gives a surname its full name and a coordinated subject back to "They"',
		text: 'Mr Abbas arrived late. Mahmoud Abbas, the Palestinian leader, spoke first. Britain and France sent troops. They arrived two days later.',
		shows: { 0: 'Mahmoud Abbas arrived late.', 3: 'Britain and France arrived two days later.' }
	},
	{
		it: 'drops discourse words and a leading "this year"',
		text: 'Sales rose in May. Meanwhile, costs fell. This year, prices rose. This means more.',
		shows: { 1: 'Costs fell.', 2: 'Prices rose.', 3: null }
	},
	{
		it: 'keeps "this" before a verb in -s as a pronoun, never "The happens"',
		text: 'Some recorders delete shows. This happens because Velo changed its software. This seems odd. This rule was upheld. These changes hurt users.',
		shows: { 1: null, 2: null, 3: 'The rule was upheld.', 4: 'The changes hurt users.' }
	},
	{
		it: 'keeps "those" before a preposition as a pronoun, never "The on low incomes"',
		text: 'Taxes rose in May. Those on low incomes will pay less. Those at risk get help. Those rules apply.',
		shows: { 1: null, 2: null, 3: 'The rules apply.' }
	}
];

describe('references', () => {
	it.each(written)('$it', ({ text, shows }) => {
		const out = shown(text);
		for (const [i, want] of Object.entries(shows))
			expect(out[Number(i)], `sentence ${i}`).toBe(want);
	});

	it('leaves a pronoun with two possible antecedents unresolved', () => {
		const doc = analyze('Talks between Tom Berg and Ian Hale ended. He said they went well.');
		expect(sentenceInContext(doc, 1)).toBeNull();
		expect(contextEdits(doc, 1)).toBe('unresolved-pronoun');
	});

	it('refuses an "it" that points at nothing', () => {
		const doc = analyze(
			'Kellan Energy cut its forecast. It is unclear whether the deal will last.'
		);
		expect(contextEdits(doc, 1)).toBe('expletive-it');
	});

	it('applies the caller’s own edit before the references it covers', () => {
		const doc = analyze('Mayor Ana Ruiz opened the bridge. She spent $40m on it.');
		const s = doc.sentences[1];
		const at = doc.text.indexOf('$40m');
		expect(sentenceInContext(doc, s?.index ?? 1, [{ start: at, end: at + 4, text: '_____' }])).toBe(
			'Ana Ruiz spent _____ on it.'
		);
	});
});

describe('relative times', () => {
	it('marks bare weekdays and intervals from another event, not full dates', () => {
		const doc = analyze(
			'The deal was signed on Tuesday, three years after talks began. It runs from Tuesday, 6 January 2026.'
		);
		const rel = doc.mentions.filter((m) => m.relative).map((m) => m.text);
		expect(rel).toEqual(['Tuesday', 'three years']);
	});
});

describe('descriptions and event references', () => {
	it('writes out a description with neutral modifiers ("the US company")', () => {
		expect(shown('Kellan Energy cut its forecast. The US company said profits fell 5%.')[1]).toBe(
			'Kellan Energy said profits fell 5%.'
		);
	});

	it('writes out a description only near its name when the text names several that fit', () => {
		const text =
			"A candidate for the Green Party (GP) has quit after admitting a link to the National Party (NP). Ann Voss attended a meeting of the National Party. The former teacher said that was the only contact. Ms Voss resigned after being questioned by the party's leadership.";
		expect(shown(text)[3]).toBe(
			"Ann Voss resigned after being questioned by the party's leadership."
		);
		expect(
			shown(
				"Ann Voss joined the Green Party in May. Ms Voss was questioned by the party's leadership."
			)[1]
		).toBe("Ann Voss was questioned by the Green Party's leadership.");
	});

	it('finds a description with an age and a former role before its head', () => {
		const doc = analyze(
			'Alan Smith left Roma. The 31-year-old former England international gave his last press conference on Monday. The star player said no.'
		);
		expect(openingEpithet(doc, 1)).not.toBeNull();
		expect(openingEpithet(doc, 2)).not.toBeNull();
		expect(openingEpithet(doc, 0)).toBeNull();
		const rank = analyze(
			'Marc Roth beat Ivo Vidal. The Swiss world number one reeled off a series of winners.'
		);
		expect(openingEpithet(rank, 1)).not.toBeNull();
	});

	it('leaves "the rival firm" alone: it points at another company', () => {
		expect(shown('Kellan Energy cut its forecast. The rival firm said profits fell 5%.')[1]).toBe(
			'The rival firm said profits fell 5%.'
		);
	});

	it('does not read "It comes after ..." as the place named before', () => {
		const doc = analyze(
			'Britain will hold suspects at home. It comes after judges ruled that detention was unlawful.'
		);
		expect(sentenceInContext(doc, 1)).toBeNull();
	});

	it('finds a sentence that opens on a description of someone named elsewhere', () => {
		const text =
			'Kim Clijsters won the race in Sydney. The Belgian has not lost since May. The 25-year-old joined the club in 2003. The general election was called in May. The Bank of England said rates would rise.';
		const doc = analyze(text);
		const at = (i: number) => {
			const e = openingEpithet(doc, i);
			return e ? text.slice(e.start, e.end) : null;
		};
		expect(at(1)).toBe('The Belgian');
		expect(at(2)).toBe('The 25-year-old');
		expect(at(3)).toBeNull();
		expect(at(4)).toBeNull();
	});
});

describe('a pronoun after an opening description', () => {
	it('refuses "One of the few ..., he was given ..."', () => {
		const doc = analyze(
			'Labour won the vote in 1974. One of the few ministers to serve under Jim Callaghan, he was given the farming brief in 1997.'
		);
		expect(sentenceInContext(doc, 1)).toBeNull();
		expect(contextEdits(doc, 1)).toBe('unresolved-pronoun');
	});

	it('keeps a sentence whose opening phrase is followed by a name', () => {
		const doc = analyze(
			'Labour won the vote in 1974. One of the few ministers to serve under Jim Callaghan, Ian Hale was given the farming brief in 1997.'
		);
		expect(sentenceInContext(doc, 1)).not.toBeNull();
	});
});
