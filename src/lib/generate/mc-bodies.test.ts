/**
 * Organisations and places offered beside a key: one body never twice under two names, names as
 * the article writes them, a finance house beside a finance house, and no blank on a place that
 * qualifies a noun, stands in a list or names the country of the city before it.
 */
import { describe, expect, it } from 'vitest';
import { spanOf } from './fixtures/locate';
import { expectOffered, type Offered } from './fixtures/options';
import { analyze } from '../nlp';
import { expectRefused } from './fixtures/read';
import {
	afterItsCity,
	inList,
	multipleChoiceBuilder,
	placeQualifies
} from './builders/multiple-choice';
import { acronym, financeSlot, initialsMatch, misspelt, personInside } from './distractors';

/** Bodies and places offered beside a key (its last mention). */
const offered: Offered[] = [
	{
		it: 'never offers a party twice, nor the body the sentence names by its initials',
		text: [
			'The British National Party (BNP) said the plans were a move onto its turf.',
			'The BNP leader attacked the Conservatives, and the UK Independence Party (UKIP) agreed.',
			'The Liberal Democrats and the Greens warned both parties, and the Tories said the Greens were wrong.',
			'A UKIP spokesman said the Tories had copied the British National Party and the Liberal Democrats.'
		],
		key: 'Tories',
		last: true,
		exclude: ['BNP'],
		size: 'some',
		never: ['British National Party'],
		also: ({ ds }) => {
			const parties = ds.filter((d) => /BNP|British National|UKIP|UK Independence/.test(d));
			expect(parties.length).toBeLessThanOrEqual(1);
		}
	},
	{
		it: 'offers "US" where the text never writes "United States"',
		text: [
			'India will allow domestic airlines to fly long-haul routes, the minister said.',
			'Airlines from the US, Kuwait and Saudi Arabia already fly to Delhi, and the US wants more routes.',
			'Kuwait and Saudi Arabia have asked for more flights, and India said it would decide soon.'
		],
		key: 'India',
		last: true,
		also: ({ ds, text }) => {
			for (const d of ds) expect(text).toContain(d);
		}
	},
	{
		it: 'offers finance houses beside the house an analyst works at',
		text: [
			'Sony launched the PSP in the US on Thursday, a month after Nintendo launched its rival.',
			'Apple and Microsoft are also watching the market closely, and Sony expects strong sales.',
			'Analysts at Merrill Lynch Securities and at Baird Capital Markets expect the PSP to sell well.',
			'Research firm DFC Research Partners agreed, and so did Piper Jaffray Securities.',
			'"The PSP is a portable entertainment device," said Michael Pachter, an analyst at Wedbush Morgan Securities.'
		],
		key: 'Wedbush Morgan Securities',
		last: true,
		size: 'some',
		also: ({ ds }) => {
			const slot = "said Eric Kraus, a strategist at Moscow's ";
			expect(financeSlot(slot, slot.length)).toBe(true);
			for (const d of ds) expect(d).not.toMatch(/^(?:Sony|Nintendo|Apple|Microsoft)$/);
		}
	}
];

describe('bodies and places offered beside a key', () => {
	it.each(offered)('$it', expectOffered);
});

describe('one body, one option', () => {
	it('knows a body by its initials', () => {
		expect(acronym('British National Party')).toBe('bnp');
		expect(acronym('UK Independence Party')).toBe('ukip');
		expect(acronym('Muslim Association of Britain')).toBe('mab');
		expect(initialsMatch('BNP', 'British National Party')).toBe(true);
		expect(initialsMatch('UKIP', 'UK Independence Party')).toBe(true);
		expect(initialsMatch('Labour', 'British National Party')).toBe(false);
	});

	it('knows one name spelt two ways from two names', () => {
		expect(misspelt('Barrionuevo', 'Barrioneuvo')).toBe(true);
		expect(misspelt('Robinson', 'Robson')).toBe(false);
		expect(misspelt('Morgan', 'Horgan')).toBe(false);
	});
});

describe('places that are no whole answer', () => {
	it('sees a place that qualifies a noun, a place in a list, and the country of a city', () => {
		const t1 = 'Doing so would remove the exposure to the weak US dollar.';
		expect(placeQualifies(t1, { end: t1.indexOf('US') + 2 })).toBe(true);
		const t2 = 'Only the UK, Finland, Belgium and Denmark have followed the advice.';
		expect(inList(t2, spanOf(t2, 'Finland'))).toBe(true);
		const t3 = 'The contest will be held in Kiev, Ukraine, in May. Kiev is ready, Ukraine says.';
		const doc = analyze(t3);
		expect(afterItsCity(doc, spanOf(t3, 'Ukraine'))).toBe(true);
	});

	it('makes no multiple choice on the country of a city named before it', () => {
		expectRefused({
			text: [
				'The 50th annual contest will be held in Kiev, Ukraine, in May, after a local singer won last year.',
				'Previous hosts include Ireland, Denmark and France, and Turkey hosted the contest in 2004.',
				'Sweden and Norway have also staged the show, and Denmark will stage a gala in October.'
			],
			builder: multipleChoiceBuilder,
			answer: 'Ukraine',
			reason: 'trivial-detail',
			detail: 'Ukraine'
		});
	});
});

describe('a person inside a place name', () => {
	it('sees a first name opening a place name', () => {
		expect(personInside('Nicole Vaidisova of the Czech Republic')).toBe(true);
		expect(personInside('Isle of Man')).toBe(false);
		expect(personInside('Republic of Ireland')).toBe(false);
	});
});
