/**
 * Wrong options that keep the key's kind and form: a body's name head ("… Bank" beside "… Bank"),
 * its trade ("security firm"), memory sizes in powers of two, made-up figures off a ruler, a rise
 * bounded by "at least a doubling", no referee beside a player, and no figure keyed with the first
 * of a row of adjectives.
 */
import { describe, expect, it } from 'vitest';
import { multipleChoiceBuilder, adjectiveUnit } from './builders/multiple-choice';
import {
	evenlySpaced,
	headGiveaway,
	nameHead,
	powerOfTwoVariants,
	riseFloor,
	tradeWords
} from './distractors';
import { num, optionsFor } from './fixtures/options';
import { expectRefused, readForTest } from './fixtures/read';

const BANKS = [
	'Oil firms return to the region after years away.',
	'The Delta affiliate Harbor Group has dozens of engineers working for it across the country.',
	'The Coastal Bank of Tarn has opened a branch in Port Elm.',
	'The Credit Bank of Ossia said lending had doubled.',
	'The Export Trade Bank said it would lend to traders.',
	'Harbor Group said it would hire more staff next year.'
];

describe('name head: a body among bodies of another head noun gives itself away', () => {
	it('reads the noun that heads a name', () => {
		expect(nameHead('Coastal Bank of Tarn')).toBe('bank');
		expect(nameHead('Harbor Group')).toBe('group');
		expect(nameHead('Zentrix')).toBe('');
	});
	it('tells a give-away set from an honest one', () => {
		expect(headGiveaway('Harbor Group', ['A Bank', 'B Bank', 'C Bank'])).toBe(true);
		expect(headGiveaway('Zentrix', ['A Bank', 'B Council', 'C University'])).toBe(true);
		expect(headGiveaway('Harbor Group', ['A Bank', 'B Group', 'Zentrix'])).toBe(false);
		expect(headGiveaway('Harbor Group', ['A Bank', 'B Council', 'C University'])).toBe(false);
		expect(headGiveaway('Harbor Group', ['Zentrix', 'Orvo', 'Kestrel'])).toBe(true);
		expect(headGiveaway('Harbor Telecom', ['Zentrix', 'Orvo', 'Kestrel Electronics'])).toBe(false);
	});
	it('makes no multiple choice on a group among three banks', () => {
		expectRefused({
			text: BANKS,
			builder: multipleChoiceBuilder,
			answer: 'Harbor Group',
			reason: 'head-giveaway'
		});
	});
});

const TRADES = [
	'New versions of a phone virus have appeared.',
	'Finnish security firm Kestrel issued a warning about the new strains.',
	'Rival security firm Vantor said the threat was small.',
	'Handset maker Orvo said its phones were safe.',
	'Electronics group Brightline said the same.',
	'The software is licensed by Pellan Corp, and Quintel Corp sells it.',
	'Kestrel said users should not accept files from strangers.'
];

describe('trade: a body of another trade the article names is no option', () => {
	it('reads the words of a trade before a name', () => {
		const text = TRADES.join(' ');
		expect(tradeWords(text, text.indexOf('Kestrel'))).toEqual(['security']);
		expect(tradeWords(text, text.indexOf('Orvo'))).toEqual(['handset']);
	});
	it('offers no handset maker beside a security firm', () => {
		const { ds } = optionsFor(TRADES.join(' '), 'Kestrel');
		expect(ds).not.toContain('Orvo');
		expect(ds).not.toContain('Brightline');
		// The stem shows the trade: bodies the article gives no trade are not offered either.
		expect(ds).not.toContain('Pellan Corp');
		expect(ds).not.toContain('Quintel Corp');
	});
});

describe('powers of two: memory sizes are offered only the sizes parts come in', () => {
	it('offers powers of two beside 512 megabytes', () => {
		const text = 'The best machine tested has 512 megabytes of memory, the review found.';
		const { ds } = optionsFor(text, '512 megabytes');
		expect(ds).toHaveLength(3);
		for (const d of ds) expect(Math.log2(num(d)) % 1).toBe(0);
		expect(powerOfTwoVariants('40 GB')).toBeNull();
		expect(powerOfTwoVariants('256MB')?.[0]).toMatch(/^\d+MB$/);
	});
});

describe('even spacing: made-up figures off a ruler', () => {
	it('tells even gaps from uneven ones', () => {
		expect(evenlySpaced([23, 45, 63, 81])).toBe(true);
		expect(evenlySpaced([20, 40, 60, 80])).toBe(true);
		expect(evenlySpaced([23, 45, 70, 81])).toBe(false);
	});
	it('never offers a set of four on a ruler', () => {
		for (const key of ['45 paintings', '120 jobs', '36 stores', '640 homes', '75 schools']) {
			const text = `The council said ${key} would be affected next year.`;
			const { ds } = optionsFor(text, key);
			expect(evenlySpaced([key, ...ds].map(num))).toBe(false);
		}
	});
});

describe('stated bound: a rise after "at least a doubling" is over 100%', () => {
	const TEXT = [
		'Home values rose sharply over the decade.',
		'All regions saw at least a doubling in their value during the period.',
		'The north led the way with a 262% rise, while the west saw the smallest increase of just 112%.'
	].join(' ');
	it('reads the floor from the sentence before', () => {
		const { doc } = readForTest(TEXT);
		expect(riseFloor(doc, 2)).toBe(100);
		expect(riseFloor(doc, 0)).toBe(0);
	});
	it('offers no rise under 100%', () => {
		const { ds } = optionsFor(TEXT, '112%');
		for (const d of ds) expect(num(d)).toBeGreaterThan(100);
	});
});

describe('match official: no referee beside a player', () => {
	it('offers the referee no more for a try scorer', () => {
		const text = [
			'England coach Andy Marsh criticised the officials after his side lost in Dublin.',
			'"I think Mark Tullo scored a legal try for my side and he should have gone to the video official," said Marsh.',
			'South African referee Jonathan Kapell ruled that Tullo was ahead of Colin Hodge when he kicked.',
			'Kapell then declined to consult the fourth official.',
			'Matt Stone came on as a replacement. Josh Lane went over late on. Tom Rees kicked two penalties.',
			'Tullo said he was sure he had touched the ball down.'
		].join(' ');
		const { ds } = optionsFor(text, 'Mark Tullo');
		expect(ds).not.toContain('Jonathan Kapell');
	});
});

describe('adjective unit: a figure keyed with the first of a row of adjectives', () => {
	it('makes no multiple choice on "45 contemporary"', () => {
		const text =
			'The sale at the auction house will feature 45 contemporary, impressionist and older paintings.';
		const at = text.indexOf('45');
		expect(adjectiveUnit(text, { start: at, end: at + '45 contemporary'.length })).toBe(true);
		expect(adjectiveUnit('It sold 45 paintings, the firm said.', { start: 8, end: 20 })).toBe(
			false
		);
		expectRefused({
			text,
			builder: multipleChoiceBuilder,
			answer: '45 contemporary',
			reason: 'phrase-answer'
		});
	});
});
