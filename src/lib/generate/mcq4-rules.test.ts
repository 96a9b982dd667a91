/**
 * Multiple choice, round four: refusals named for what they are (a name head, a trade, a set of
 * real sizes, a mix of people and bodies), the word after a count or a distance left outside the
 * key, race distances and engine sizes offered only from real values, and no question from a long
 * line of commas with no finite verb.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { multipleChoiceBuilder, keyWithoutWord } from './builders/multiple-choice';
import { verblessFragment } from './builders/common';
import { bodyMarked, kindMix, readsAsPerson, setSizeVariants } from './distractors';
import { expectRefused, readForTest } from './fixtures/read';
import type { Question } from './types';

/** The options of a question, none for a question of another type. */
const choicesOf = (q?: Question): string[] => (q && 'choices' in q ? q.choices : []);

const TRADES = [
	'Shoppers are buying more tablets than ever.',
	'The Danish toy maker Brisk reported record sales over the holidays.',
	'The toy maker Pollo said it had sold out of its robots.',
	'Chip firm Altara said demand for its parts had doubled.',
	'Payment company Quorra handled twice as many orders as last year.',
	'The mall owner Crestline and the lender Harrow Savings both saw a busy month.',
	'Brisk said it would open a factory in the spring.'
];

describe('refusals named for what they are', () => {
	it('names a body of a trade with too few others of it', () => {
		expectRefused({
			text: TRADES,
			builder: multipleChoiceBuilder,
			answer: 'Brisk',
			reason: 'too-few-of-trade'
		});
	});
	it('names a set given away by its head nouns', () => {
		expectRefused({
			text: [
				'Lenders return to the valley after years away.',
				'The Tarn affiliate Corvid Group employs hundreds of people across the valley.',
				'The Upland Bank of Mere has opened an office in Stoke Vale.',
				'The Farmers Bank of Ossory said its loans had risen sharply.',
				'The Merchant Credit Bank said it would lend to growers.',
				'Corvid Group said it would take on more staff next spring.'
			],
			builder: multipleChoiceBuilder,
			answer: 'Corvid Group',
			reason: 'head-giveaway'
		});
	});
});

const TOLL = [
	'Flood toll keeps rising.',
	'Tony Brand was speaking before Britain joins a silence at noon for the estimated 150,000 dead.',
	'The region had 2.5 million jobless in 2004 and will see 3.1 million jobless this year, the agency said.',
	'Aid groups said 40,000 people had lost their homes and 90,000 were still in camps.',
	'Officials said 210,000 had been moved to higher ground by Friday.'
];

describe('word outside the key: "_____ dead" keyed to the figure alone', () => {
	it('leaves the word that says who is counted in the stem', () => {
		const { sureFact, build, doc } = readForTest(TOLL);
		const f = sureFact('150,000 dead');
		expect(keyWithoutWord(doc, f)?.answer?.text).toBe('150,000');
		const [q] = build(multipleChoiceBuilder, f);
		expect(q?.q.answer).toBe('150,000');
		expect(q?.q.prompt).toContain('_____ dead');
		for (const c of choicesOf(q?.q)) expect(c).not.toMatch(/dead/);
		const jobless = keyWithoutWord(doc, sureFact('3.1 million jobless'));
		expect(jobless?.answer?.text).toBe('3.1 million');
	});
	it('keeps a plain count whole', () => {
		const { sureFact, doc } = readForTest(TOLL);
		expect(keyWithoutWord(doc, sureFact('40,000 people'))).toBeNull();
	});
});

const RACE = [
	'Marsh wins again in Birmingham.',
	"Britain's Kelly Marsh won the 1500m race at the grand prix in Birmingham on Saturday.",
	'Marsh, the double Olympic champion, beat Maria Cerny of Slovakia by two seconds.',
	"Scotland's 400m man Ian Dunlop will carry British hopes in the sprint events next month.",
	'Dunlop finished third in the final last year.',
	'Marsh said she would now rest before the outdoor season starts in May.'
];

describe('real sizes only: race distances and engine sizes', () => {
	it('offers a race distance only distances raced', () => {
		const { sureFact, build } = readForTest(RACE);
		const [q] = build(multipleChoiceBuilder, sureFact('400m man'));
		expect(q?.q.answer).toBe('400m');
		expect(q?.q.prompt).toContain('_____ man');
		expect(q?.q.prompt).toMatch(/^Which distance completes the sentence\?/);
		const real = ['100m', '200m', '800m', '1500m', '3000m', '5000m', '10000m'];
		for (const c of choicesOf(q?.q)) if (c !== '400m') expect(real).toContain(c);
	});
	it('writes the real values as the key is written', () => {
		const doc = analyze(RACE.join(' '));
		expect(setSizeVariants(doc, '1,500m')?.slice(0, 2)).toEqual(['800m', '3,000m']);
		// Not a distance of any race: only the article's own figures would do.
		expect(setSizeVariants(doc, '1,300m')).toEqual([]);
		expect(setSizeVariants(doc, '125cc')?.slice(0, 2)).toEqual(['250cc', '50cc']);
		expect(setSizeVariants(doc, '42in', 'a 42in plasma screen')?.[0]).toBe('37in');
		expect(setSizeVariants(doc, '42in', 'a pipe 42in wide')).toBeNull();
		// 60m is run indoors only: offered beside an outdoor race only in a story of indoor races.
		expect(setSizeVariants(doc, '200m')).not.toContain('60m');
		const indoor = analyze(`${RACE.join(' ')} The indoor season ends in March.`);
		expect(setSizeVariants(indoor, '200m')).toContain('60m');
		// A height or a gap measured, not raced.
		const tower = analyze('The tower is 508m tall. Schools must be 200 metres away from cafes.');
		expect(setSizeVariants(tower, '200 metres')).toBeNull();
		expect(setSizeVariants(doc, '508m tall')).toBeNull();
		// A figure in millions in a story of money is no distance.
		expect(setSizeVariants(analyze('The firm raised $300m from investors.'), '300m')).toBeNull();
	});
	it('names the refusal of a distance no race is run over', () => {
		expectRefused({
			text: [
				'Cross-country runners met in Brussels.',
				'Abebe Tola of Ethiopia won the Brussels cross-country race over a 10,500m course on Sunday.',
				'Tola finished ten seconds ahead of the Olympic champion in the sprint finish.'
			],
			builder: multipleChoiceBuilder,
			answer: '10,500m course',
			reason: 'too-few-real-sizes'
		});
	});
});

describe('kind mix: people and bodies are not options of one set', () => {
	const SEARCH = [
		'Search firms race to the desktop.',
		'Yahoo has launched a tool that searches the files on a home computer.',
		'Microsoft and Google released similar tools last year.',
		'Google said its own tool had been downloaded millions of times.',
		'"The real money lies in linking the desktop to the web," said Julian Corbell, an analyst with the firm Verdant.',
		'Microsoft said it would release a new version in the spring.'
	];
	it('tells a person by a given name or a role after the name', () => {
		const doc = analyze(SEARCH.join(' '));
		expect(readsAsPerson(doc, 'Julian Corbell')).toBe(true);
		expect(readsAsPerson(doc, 'Peter Hale')).toBe(true);
		expect(readsAsPerson(doc, 'Microsoft')).toBe(false);
		expect(readsAsPerson(doc, 'Verdant Group')).toBe(false);
		expect(bodyMarked('Vantor Universal')).toBe(true);
		expect(bodyMarked('Jean-Rene Fontaine')).toBe(false);
		expect(kindMix(doc, 'person', ['Jean Delorme', 'Vantor Universal', 'Marvin Doyle'])).toBe(true);
		expect(kindMix(doc, 'person', ['Jean Delorme', 'Marvin Doyle', 'Peter Hale'])).toBe(false);
		expect(kindMix(doc, 'organisation', ['Yahoo', 'Google', 'Julian Corbell'])).toBe(true);
		expect(kindMix(doc, 'organisation', ['Yahoo', 'Google', 'Verdant'])).toBe(false);
	});
	it('makes no multiple choice that offers a person beside bodies', () => {
		const { facts, build } = readForTest(SEARCH);
		const bodies = facts.filter((f) => /^(?:Yahoo|Google)$/.test(f.answer?.text ?? ''));
		expect(bodies.length).toBeGreaterThan(0);
		for (const f of bodies)
			for (const b of build(multipleChoiceBuilder, f))
				expect(choicesOf(b.q)).not.toContain('Julian Corbell');
		// The entity reader now types him a person by ", an analyst with", so he is refused before
		// the kind-mix check; kindMix itself is checked on its own above.
	});
});

describe('verbless fragment: a line of parts is no statement', () => {
	const line = (t: string) => analyze(t).sentences[0] as Parameters<typeof verblessFragment>[0];
	it('catches a list of parts and a line-up, not a sentence with a verb', () => {
		expect(
			verblessFragment(
				line(
					'A surprisingly good PC sporting a fast processor, 512 megabytes of memory, a graphics card with 128 megabytes, a DVD writer and a 160 gigabyte hard drive for just £499.'
				)
			)
		).toBe(true);
		expect(
			verblessFragment(
				line(
					'Hale, Orme, Tandy and Pask, the four from the valley, but above all for us the young Sitwell and Rowe.'
				)
			)
		).toBe(true);
		// A team line is left to the name-list rule, which names it.
		expect(
			verblessFragment(
				line(
					'Reserves: T Hale (Kestrels), B Orme (Pilots), E Tandy (Rovers), O Pask (Rovers), S Sitwell (Pilots), M Rowe (Vale).'
				)
			)
		).toBe(false);
		// A verb after an aside, a verb in its plain form after a plural, speech, a short line.
		for (const t of [
			'The media giant, run by its founder, owns 82% of the shares, a film studio, two papers and a television network in the north.',
			'The packages, priced at £20, £30, £40 and £50, include a modem, a router and a year of free calls to any number.',
			'Orvel, the maker, said a fast processor, a graphics card, a DVD writer and a big hard drive came with it.',
			'A fast processor, a graphics card, a DVD writer and a drive.'
		])
			expect(verblessFragment(line(t)), t).toBe(false);
	});
	it('asks no multiple choice or cloze from such a line', () => {
		const { sureFact, build, rejected } = readForTest([
			'Budget computers tested.',
			'A surprisingly good PC sporting a fast processor, 512 megabytes of memory, a graphics card with 128 megabytes, a DVD writer and a 160 gigabyte hard drive for just £499.',
			'The machine was built by Orvel Computers of Leeds, which sells 20,000 a month.'
		]);
		expect(build(multipleChoiceBuilder, sureFact('£499'))).toEqual([]);
		expect(rejected.some((r) => r.reason === 'verbless-fragment')).toBe(true);
	});
});
