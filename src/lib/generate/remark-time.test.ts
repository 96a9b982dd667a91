import { describe, expect, it } from 'vitest';
import { generateDeck, type Rejection } from '.';
import { asked } from './fixtures/asked';
import type { Question } from './types';
import { remarkTime, weakForm } from './weak';

function dated(type: Question['type'], prompt: string, answer: string, kind = 'date') {
	const b = asked(type, prompt, answer);
	b.q.kind = kind as Question['kind'];
	return b;
}

describe('remark-time: the key is when someone said something', () => {
	it('flags the time of a remark, before or after its verb of saying', () => {
		for (const [type, prompt, answer] of [
			[
				'cloze',
				'In _____ opposition leader Clara Venn said the mayor would be hiding from voters.',
				'March'
			],
			[
				'multiple-choice',
				'Which month completes the sentence? In _____, Norland Rail quietly announced that fares would rise.',
				'May'
			],
			['cloze', 'Harbour chief Ilse Dorn said in _____ that the port would not reopen.', 'April'],
			['cloze', 'Festival founder Ray Oakes in _____ said he was tired of the delays.', 'July'],
			['cloze', 'The minister told reporters on _____ that the plan was safe.', '4 June'],
			[
				'short-answer',
				'When did Norland Rail say it was close to a deal with the union?',
				'November'
			],
			[
				'cloze',
				'In an interview published in the Weekly Post in _____, Mara Lind criticised the show.',
				'January'
			]
		] as const)
			expect(remarkTime(dated(type, prompt, answer)), prompt).toBe(true);
	});

	it('flags a clock time or a weekday as the key', () => {
		expect(
			remarkTime(dated('cloze', 'The gates opened at _____ on the first day.', '4pm', 'quantity'))
		).toBe(true);
		expect(remarkTime(dated('cloze', 'The vote will be held on _____.', 'Thursday'))).toBe(true);
		expect(weakForm(dated('cloze', 'The vote will be held on _____.', 'Thursday'))).toBe(
			'remark-time'
		);
	});

	it('leaves the date of the news a remark tells, and dates of events', () => {
		for (const [type, prompt, answer] of [
			['cloze', 'Corvane Bank said the files went missing in _____ while being moved.', 'December'],
			['cloze', 'The plan was originally announced in _____, with a smaller budget.', '2001'],
			[
				'cloze',
				'The charter, which confirmed in _____ that the town could hold a market, was lost.',
				'1402'
			],
			[
				'cloze',
				'Writer Paul Ash says the judge warned the council on _____ that the scheme was unlawful.',
				'7 March 2003'
			],
			['cloze', 'The firm said it expected solid growth in _____.', '2006'],
			['short-answer', 'When will Ana Ruiz host her last show?', '5 March'],
			[
				'cloze',
				'Oxford wants the library to scan books originally published in the _____.',
				'19th Century'
			],
			[
				'cloze',
				'Rival Kestrel has said it will launch its tablet before the end of _____.',
				'March'
			]
		] as const)
			expect(remarkTime(dated(type, prompt, answer)), prompt).toBe(false);
		expect(remarkTime(dated('cloze', 'In _____ Clara Venn said it.', 'Venn', 'person'))).toBe(
			false
		);
	});
});

describe('remark-time in an article deck', () => {
	const TEXT = [
		'Millbrook council has approved a £25m scheme to rebuild the town bridge after two years of delays.',
		'The bridge, opened in 1904, was closed by floods in 2019 and has stayed shut since.',
		'Builders from the firm Arcway Civil will begin the work in June, and the bridge should reopen in 2027.',
		'In March 2023 council leader Rosa Quint said the town could not survive another winter without the bridge.',
		'About 900 firms lost trade while the bridge was shut, according to the chamber of commerce.',
		'The scheme also adds a cycle lane and 150 lamps along the river Wend.',
		'Opposition councillor Tomas Berg said the bill had grown by 30% since the scheme was first costed.',
		'The council will borrow £8m and take the rest from a government grant of £17m.',
		'Engineers from Halden University found cracks in 14 of the bridge piers in 2018.',
		'The old stone arches will be kept, and the new deck will be made of steel from Sheffield.',
		'The chamber of commerce chair, Ines Marlow, welcomed the decision on behalf of the traders.',
		'A temporary ferry carried 40,000 passengers across the Wend during the closure.',
		'Work is expected to take about 30 months, with one lane kept open for buses.',
		'Residents in Lowport have asked for the same flood barrier that now protects the harbour.',
		'The government grant was confirmed by transport minister Carl Heden after a visit in 2021.',
		'Quint said the new bridge would carry 12,000 vehicles a day when it opens.'
	].join('\n\n');

	it('leaves out the month of a remark from a deck of more than five, with a named reason', () => {
		const rejected: Rejection[] = [];
		const deck = generateDeck(TEXT, { onReject: (r) => rejected.push(r) });
		expect(deck.questions.length).toBeGreaterThan(5);
		expect(deck.questions.filter((q) => q.kind === 'date' && q.answer.startsWith('March'))).toEqual(
			[]
		);
		expect(
			rejected.some((r) => r.reason === 'remark-time' && /^March\b/.test(r.detail ?? ''))
		).toBe(true);
	});
});
