/**
 * Figures whose multiple choice would be a sum or a guess: a change the sentence already fixes,
 * a price of a thing the sentence never names, and options of another role or scale than the key.
 * Each rule on a short text of its own.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import {
	insideName,
	leansOnContext,
	pronounOption,
	thingsOf,
	unnamedHolder
} from './builders/multiple-choice';
import { changeFixed, namesIndex, personLike } from './distractors';
import { spanOf } from './fixtures/locate';
import { num, optionsFor } from './fixtures/options';

const fixed = (text: string, figure: string) => {
	const doc = analyze(text);
	const m = doc.mentions.find((x) => x.text === figure);
	if (!m) throw new Error(`no ${figure}`);
	return changeFixed(doc, m);
};

describe('a change the sentence fixes', () => {
	const fall =
		'Harbour Foods saw its yearly profits fall 15% to $56m, against $66m a year earlier.';

	it('makes no multiple choice on any of a rate, an end and a start shown together', () => {
		for (const f of ['15%', '$56m', '$66m']) expect(fixed(fall, f), f).toBe(true);
		const shares = 'Shares in Tilbury Mills closed up 64 pence, or 6%, at 1130p on Friday.';
		expect(fixed(shares, '6%')).toBe(true);
		const dash = 'Shares in Lindow sank 14.87% - or $1.83 - to close at $10.48 on Friday.';
		expect(fixed(dash, '14.87%')).toBe(true);
		const ratio = 'Sales at the Lindow chain doubled to $40m from $20m over the year.';
		expect(fixed(ratio, '$20m')).toBe(true);
	});

	it('keeps a change of which the sentence shows only two parts', () => {
		expect(fixed('Spending on roads is set to rise by 4.8%, to reach $41.3bn.', '4.8%')).toBe(
			false
		);
		expect(fixed('Net income fell to 537m euros from 798m euros a year ago.', '798m euros')).toBe(
			false
		);
		const two = 'Sales rose 20% to £3.8bn in 2003, and profits would rise 18% to £4.5bn in 2004.';
		expect(fixed(two, '20%')).toBe(false);
	});

	it('keeps the start of a fall above its end when units differ only in number', () => {
		const { ds } = optionsFor(
			'Net income at Ostra Foods fell to 537m euros during 2004, from 798m euro a year ago.',
			'798m euro'
		);
		expect(ds.length).toBeGreaterThan(0);
		for (const d of ds) expect(num(d), d).toBeGreaterThan(537);
	});
});

describe('a figure of a thing the sentence never names', () => {
	it('finds "The <figure> <plural noun>" opening a sentence', () => {
		const at = (text: string, figure: string) => {
			const doc = analyze(text);
			return unnamedHolder(doc, spanOf(text, figure));
		};
		expect(at('The £200 pocket radios can be used as a torch.', '£200')).toBe(true);
		expect(at('The £3bn settlement includes money from the council.', '£3bn')).toBe(true);
		expect(at('The £200 radios of Tilbury Mills are sold out.', '£200')).toBe(false);
		expect(at('Tilbury Mills sells £200 pocket radios to schools.', '£200')).toBe(false);
	});
});

describe('a pronoun after the name of a place', () => {
	it('needs its person when only a place stands before "he"', () => {
		const doc = analyze(
			'Dan Price was elected for Westbury in 1983. Entering Westminster, he came to share an office with Tom Reid.'
		);
		expect(thingsOf(doc).has('dan')).toBe(false);
		const words = new Set(['westminster', 'westbury']);
		expect(
			leansOnContext(
				'Entering Westminster, he came to share an office with _____.',
				undefined,
				words
			)
		).toBe(true);
		expect(
			leansOnContext('Dan Price said he would pay _____ for the farm.', undefined, words)
		).toBe(false);
	});
});

describe('a pronoun that may stand for an option', () => {
	it('makes no question on a person after "he" with the article subject offered', () => {
		const doc = analyze(
			'Dan Price is a Labour MP. Dan Price grew up in Leeds. Mr Price met Tom Reid and Ann Cole in 1990. Dan Price later became a minister.'
		);
		const shown = 'After the vote he stood aside, giving _____ a clear run.';
		expect(pronounOption(doc, shown, 'Tom Reid', ['Dan Price', 'Ann Cole', 'Joe Bell'])).toBe(true);
		expect(pronounOption(doc, shown, 'Tom Reid', ['Ann Cole', 'Joe Bell', 'Sam Ode'])).toBe(false);
		const after = 'After the vote _____ said he would stand aside.';
		expect(pronounOption(doc, after, 'Tom Reid', ['Dan Price', 'Ann Cole', 'Joe Bell'])).toBe(
			false
		);
		const plain = 'After the vote the party gave _____ a clear run.';
		expect(pronounOption(doc, plain, 'Tom Reid', ['Dan Price', 'Ann Cole', 'Joe Bell'])).toBe(
			false
		);
	});
});

describe('options of the key role and scale', () => {
	/** Three options for `key` in `text`, each inside [lo, hi]. */
	const within = (text: string, key: string, lo: number, hi: number) => {
		const { ds } = optionsFor(text, key);
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(num(d) >= lo && num(d) <= hi, d).toBe(true);
		return ds;
	};

	it('offers no age and no length longer than a grown life for a marriage', () => {
		const text =
			'The actor Sam Ode died in Miami at the age of 87 on Friday. Friends, including his wife of 56 years, met at the church on Sunday. He had made 40 films in 60 years.';
		expect(within(text, '56 years', 1, 72)).not.toContain('87 years');
	});

	it('keeps made-up prices within a band around the key', () => {
		const text =
			'With a price tag under £80,000, the new Ryle coupe is far cheaper than the old models. The firm hopes to sell 3,000 cars a year.';
		within(text, '£80,000', 32000, 200000);
	});

	it('offers no figure of the article four times the key', () => {
		const text =
			'Store sales at Ryle were up 2.9% on a year earlier. Online sales rose 12.4% and catalogue sales 13.4%.';
		const ds = within(text, '2.9%', 1.1, 7.3);
		expect(ds).not.toContain('12.4%');
	});

	it('offers the article figures of one decimal beside a key of one decimal', () => {
		const text =
			'Road spending is set to rise by 4.8% next year. Spending on schools will grow by 5.6% and on the police by 6.1%.';
		const { ds } = optionsFor(text, '4.8%');
		expect(ds).toContain('5.6%');
		expect(ds).toContain('6.1%');
	});
});

describe('a market index among bodies', () => {
	it('offers no index beside a body that speaks', () => {
		const text =
			'Cairnmore said its gas reserves were smaller than hoped. Shares in Cairnmore fell 5%, dragging the FTSE 100 lower. Ostrava said it would bid for the field. The FTSE 100 closed down 20 points. Analysts at Lindow said the news was bad, and Tilbury agreed.';
		const { ds, doc } = optionsFor(text, 'Cairnmore');
		const ftse = doc.entities.find((e) => e.name === 'FTSE');
		const cairn = doc.entities.find((e) => e.name === 'Cairnmore');
		expect(ftse && namesIndex(doc, ftse)).toBe(true);
		expect(cairn && namesIndex(doc, cairn)).toBe(false);
		expect(ds).not.toContain('FTSE');
	});
});

describe('names that are no figure and no person', () => {
	it('makes no figure question inside a name', () => {
		const text =
			'Rock band Keane won in 2004 while US rapper 50 Cent topped the list with 300 Britons.';
		const doc = analyze(text);
		expect(insideName(doc, spanOf(text, '50'))).toBe(true);
		expect(insideName(doc, spanOf(text, '300'))).toBe(false);
		const time = 'The match will be shown on BBC One at 1400 GMT on Saturday.';
		expect(insideName(analyze(time), spanOf(time, '1400'))).toBe(false);
		const mps = 'In the vote, 12 Labour MPs rebelled against the government.';
		expect(insideName(analyze(mps), spanOf(mps, '12'))).toBe(false);
	});

	it('offers no film title or label as a person', () => {
		expect(personLike('Hustle & Flow')).toBe(false);
		expect(personLike('Ludwig van Beethoven')).toBe(true);
		expect(personLike('Windows 2000')).toBe(false);
	});
});
