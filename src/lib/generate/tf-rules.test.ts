import { describe, expect, it } from 'vitest';
import {
	describedAfter,
	inventable,
	labelFigure,
	pairedKey,
	sameUnitInArticle,
	trueFalseBuilder
} from './builders/true-false';
import type { FactX } from './facts';
import { readForTest } from './fixtures/read';
import { spanOf } from './fixtures/locate';
import {
	accordingTo,
	boundWords,
	contextGap,
	copiedFrom,
	cutFrame,
	dropWeekdays,
	frontSetting,
	garbled,
	KEY_MARK as K,
	lowerStart,
	reword
} from './statement';

/** Every true-false question built for the facts of `text`, with the rejections on the way. */
function statements(text: string, title?: string) {
	const { facts, rejected, build } = readForTest(text, title);
	const out: { key: string; prompt: string; answer: string; falsePrompt?: string }[] = [];
	for (const f of facts as FactX[])
		for (const b of build(trueFalseBuilder, f))
			out.push({
				key: f.answer?.text ?? '',
				prompt: b.q.prompt.replace(/^True or false\? /, ''),
				answer: b.q.answer,
				falsePrompt: b.falsePrompt?.replace(/^True or false\? /, '')
			});
	const tf = rejected.filter((r) => r.type === 'true-false');
	return { out, rejected: tf };
}

describe('rule copied-statement: only deletions is a copy', () => {
	it('sees a sentence with an opening, an aside or a closing clause dropped as copied', () => {
		const sentence =
			'In a statement, Dunmore Mills, the town’s oldest firm, also said it would shut two plants, though talks go on.';
		expect(copiedFrom('Dunmore Mills said it would shut two plants.', sentence)).toBe(true);
		// A name written out for a reference is still the sentence's words.
		expect(
			copiedFrom('Dunmore Mills would shut two plants.', 'The firm would shut two plants.')
		).toBe(true);
		// Words moved or added: a real rewording.
		expect(
			copiedFrom(
				'According to Dunmore Mills, it would shut two plants.',
				'Dunmore Mills said it would shut two plants.'
			)
		).toBe(false);
		expect(copiedFrom('In 1998, Kelso Town won the cup.', 'Kelso Town won the cup in 1998.')).toBe(
			false
		);
		expect(
			copiedFrom('Kelso Town sold over 500 tickets.', 'Kelso Town sold more than 500 tickets.')
		).toBe(false);
	});

	it('asks a sentence that only a copy could state in its false form only', () => {
		const { out } = statements(
			'Kelso Town signed striker Tom Reid from Dunmore Rovers for a fee of £2m. Dunmore Rovers had bought Reid from Arbroath United for £1m. Kelso Town play at the Braid Park ground in the north of the city.'
		);
		const signed = out.filter((q) => /signed striker/.test(q.prompt));
		expect(signed.length).toBeGreaterThan(0);
		for (const q of signed) {
			expect(q.answer).toBe('False');
			expect(q.falsePrompt).toBeUndefined();
		}
	});

	it('offers a true form where a rewording applied, with its false twin', () => {
		const { out } = statements(
			'Tom Reid said the Kelso council had run out of money for the new bridge. Ana Ruiz said the Kelso bridge would cost more than planned. Rob Moor said the Kelso bridge would be the longest in Scotland.'
		);
		const said = out.find((q) => q.key === 'Tom Reid');
		expect(said?.answer).toBe('True');
		expect(said?.prompt).toBe(
			'According to Tom Reid, the Kelso council had run out of money for the new bridge.'
		);
		expect(said?.falsePrompt).toBe(
			'According to Rob Moor, the Kelso council had run out of money for the new bridge.'
		);
	});
});

/** Rewordings and cuts that keep the meaning: [rule, input, what it gives (null: none)]. */
const SAME_MEANING: [string, (x: string) => string | null, string, string | null][] = [
	// A bound in other words, never one that is no plain bound.
	[
		'bound',
		boundWords,
		'Kelso Town sold more than 500 tickets.',
		'Kelso Town sold over 500 tickets.'
	],
	['bound', boundWords, 'Fewer than 20 fans came to the game.', 'Under 20 fans came to the game.'],
	[
		'bound',
		boundWords,
		'Ana Ruiz died at the age of 85 in Kelso.',
		'Ana Ruiz died aged 85 in Kelso.'
	],
	['bound', boundWords, 'The club spent no more than £5m on the new stand.', null],
	['bound', boundWords, 'Sales were more than double the forecast this year.', null],
	// A weekday before a date goes alone: the date stays with its preposition.
	[
		'weekday',
		(x) => dropWeekdays(x),
		'The court sits on Monday 6 December.',
		'The court sits on 6 December.'
	],
	[
		'weekday',
		(x) => dropWeekdays(x),
		'The court sits on Monday, 6 December.',
		'The court sits on 6 December.'
	],
	[
		'weekday',
		(x) => dropWeekdays(x, true),
		`The court sits on Thursday ${K}.`,
		`The court sits on ${K}.`
	]
];

describe('rewordings and cuts of the same meaning', () => {
	it('gives each its other wording, or none', () => {
		for (const [rule, fn, input, out] of SAME_MEANING)
			expect(fn(input), `${rule}: ${input}`).toBe(out);
	});
});

describe('safe rewordings', () => {
	it('brings a closing "according to" or an inverted "said X" to the front', () => {
		expect(reword('Sales at Dunmore Mills rose 5% last year, according to the Kelso Herald.')).toBe(
			'According to the Kelso Herald, Sales at Dunmore Mills rose 5% last year.'
		);
		expect(
			reword('Sales at the mill rose 5% last year, said Tom Reid.', new Set(['tom', 'reid']))
		).toBe('According to Tom Reid, sales at the mill rose 5% last year.');
		// An inner attribution with a description of its speaker at the close goes to the front whole.
		expect(
			cutFrame(
				'The mill will shut in May, said Tom Reid, director of Kelso Bank.',
				false,
				new Set()
			)
		).toBe('According to Tom Reid, the mill will shut in May.');
	});

	it('writes "X said Y" as "According to X, Y" only where Y is a clause of its own', () => {
		expect(accordingTo('Ms Ruiz said the council had run out of money for the bridge.')).toBe(
			'According to Ms Ruiz, the council had run out of money for the bridge.'
		);
		// "reported a fall", "estimated 5 million": a thing, not a clause, follows the verb.
		expect(accordingTo('Dunmore Mills reported a 22% fall in profits in the first half.')).toBe(
			null
		);
		expect(accordingTo('An estimated 5.2 million adults read less than they did before.')).toBe(
			null
		);
		expect(
			accordingTo('Tom Reid said the council would act and attacked the plans of the mayor.')
		).toBe(null);
		// No speaker ("At a press conference Intel"), or no subject to the clause.
		expect(accordingTo('At a press conference Kelso Bank said two groups had merged.')).toBe(null);
		expect(accordingTo('Actress Ana Ruiz said was impressed by the new bridge in Kelso.')).toBe(
			null
		);
	});

	it('brings a time inside a simple clause to the front, not one of an event or a perfect', () => {
		expect(frontSetting(`Dunmore Mills was founded in ${K} by Ada Marlow in Leeds.`)).toBe(
			`In ${K}, Dunmore Mills was founded by Ada Marlow in Leeds.`
		);
		expect(
			frontSetting(`Tom Reid has been dropped for the match with Kelso in Dunmore on ${K}.`)
		).toBe(null);
		// A second clause or a second verb form may be what the time belongs to.
		expect(frontSetting(`The Kelso theatre began 50 years ago but moved to Dunmore in ${K}.`)).toBe(
			null
		);
		expect(frontSetting(`The case involved a Kelso banker jailed for 12 years in ${K}.`)).toBe(
			null
		);
	});

	it('keeps a name, a title or a country capitalised when it moves inside the sentence', () => {
		expect(lowerStart("O'Brien will lead the team.", new Set())).toBe(
			"O'Brien will lead the team."
		);
		expect(lowerStart('Ms Ruiz will lead the team.', new Set())).toBe(
			'Ms Ruiz will lead the team.'
		);
		expect(lowerStart('Britain will lead the team.', new Set())).toBe(
			'Britain will lead the team.'
		);
		expect(lowerStart('Sales will rise again.', new Set())).toBe('sales will rise again.');
		// Two capitalised words the article writes as a name inside a sentence stay so.
		expect(lowerStart('New York lawyers will appeal.', new Set(['new york']))).toBe(
			'New York lawyers will appeal.'
		);
		expect(lowerStart('Organiser Tom Reid will appeal.', new Set(['tom', 'reid']))).toBe(
			'organiser Tom Reid will appeal.'
		);
	});
});

describe('false statements read as well as true ones', () => {
	it('puts "a" or "an" before a false value as it takes it', () => {
		const { out } = statements(
			'Tom Reid had appealed against a High Court ruling on the Kelso bridge in May. Ana Ruiz had won an Appeal Court ruling on the Dunmore road. The High Court in Kelso sat again in June.'
		);
		const texts = out.flatMap((q) => [q.falsePrompt ?? '', q.answer === 'False' ? q.prompt : '']);
		expect(texts).toContain(
			'In May, Tom Reid had appealed against an Appeal Court ruling on the Kelso bridge.'
		);
		expect(texts).toContain('Ana Ruiz had won a High Court ruling on the Dunmore road.');
	});
});

describe('rule invented-figure', () => {
	const text =
		'Tom Reid was jailed for 18 years for the robbery in Dunmore. His partner Ana Ruiz was jailed for 6 years for her part. The gang stole 300 paintings from the Kelso gallery.';
	const { doc } = readForTest(text);
	it('takes only a figure the article writes with the key’s unit', () => {
		const key = { kind: 'quantity', text: '18 years', span: spanOf(text, '18 years') };
		expect(sameUnitInArticle(doc, key, '6 years')).toBe(true);
		expect(sameUnitInArticle(doc, key, '3 years')).toBe(false);
		expect(sameUnitInArticle(doc, key, '300 paintings')).toBe(false);
	});

	it('makes no false statement with a made-up figure, and names why', () => {
		const { out, rejected } = statements(
			'Kelso Town reached the last 16 of the Dunmore Cup after a win at Braid Park. Tom Reid scored twice for Kelso Town in the game at Braid Park.'
		);
		for (const q of out) {
			expect(q.falsePrompt ?? '').not.toMatch(/last (?!16)\d+/);
			if (q.answer === 'False') expect(q.prompt).not.toMatch(/last (?!16)\d+/);
		}
		expect(rejected.some((r) => r.reason === 'invented-figure' && r.detail === '16')).toBe(true);
	});
});

describe('keys a false statement never changes', () => {
	it('rule label-number: never a number of a name, an address or a model', () => {
		const text =
			'Ana Ruiz met officials at 10 Downing Street in May. The firm sold 40,000 units of its 7610 phone last year. It sold Windows 2000 to 12 firms.';
		const { doc } = readForTest(text);
		const label = (w: string) => labelFigure(doc, spanOf(text, w), 'number');
		expect(['10', '7610', '2000', '12'].map(label)).toEqual([true, true, true, false]);
	});

	it('rule pair-swap: never one of two joined by "and", "or" or a comma', () => {
		const text =
			'Dunmore Search and Kelso Finder lost users to Braid in 2004. Tom Reid ran the 100m and 200m at the games. The works will shut in December and early January. The plan runs to the end of 2008, start of 2009.';
		const { doc } = readForTest(text);
		const paired = (kind: string) => (w: string) => pairedKey(doc, spanOf(text, w), kind);
		expect(['Kelso Finder', 'Braid'].map(paired('organisation'))).toEqual([true, false]);
		expect(paired('quantity')('200m')).toBe(true);
		expect(['January', '2009'].map(paired('date'))).toEqual([true, true]);
	});
});

/** Statements and what `contextGap` finds them leaning on (with the article's title, if any). */
const LEANING: [string, ReturnType<typeof contextGap>, string?][] = [
	// "they", "them", "their" with nothing plural before them; quoted words stay as spoken.
	['A late goal by Tom Reid earned them a 2-1 win at Braid Park.', 'unresolved-reference'],
	['Investors sold their shares in Dunmore Mills last year.', null],
	['Kelso and Dunmore said their talks had failed.', null],
	['Tom Reid said "they will pay" for the new bridge.', null],
	// An opening "The <noun>" or a bare plural the statement does not name, unless the title does.
	['The blaze has left the town of Kelso in shock.', 'unnamed-subject'],
	['Details are contained in a report for the Kelso council.', 'unnamed-subject'],
	['The 32-year-old will race in Dunmore in March.', 'unnamed-subject'],
	['The blaze has left the town of Kelso in shock.', null, 'Kelso blaze: town mourns'],
	['The number of fans at Braid Park rose to 9,000.', null],
	['The government will spend £40m on the Kelso bridge.', null],
	['The film Kelso Nights opened in Dunmore in May.', null],
	['According to the paper, Kelso Town will sell Tom Reid.', 'unnamed-subject'],
	// "the idea", "the plan", "the move", "the deal" unless named right after.
	['Tom Reid said he would embrace the idea in Kelso.', 'unresolved-reference'],
	['Kelso council backed the plan to build a bridge in May.', null],
	['Kelso Town agreed the deal with Dunmore Rovers in May.', null]
];

describe('statements that lean on context (unresolved-reference, unnamed-subject)', () => {
	it('refuses what the statement does not name, and only that', () => {
		for (const [statement, gap, title] of LEANING)
			expect(contextGap(statement, title), statement).toBe(gap);
	});
});

describe('weekdays (relative-time)', () => {
	it('refuses a statement whose only time was the weekday of something to come', () => {
		expect(
			cutFrame('The hearing would continue on Thursday when arguments in the case would be heard.')
		).toBe('relative-time');
		// Weekdays that told figures apart leave a bare list.
		expect(
			cutFrame('Kelso Air cancelled 65 flights on Thursday, 180 on Friday and 40 in all last week.')
		).toBe('relative-time');
		// When it was said: the weekday goes and the statement stands.
		expect(cutFrame('Kelso council said on Monday it would shut the Braid Park pool.')).toBe(
			'Kelso council said it would shut the Braid Park pool.'
		);
		expect(cutFrame('The Kelso bridge will open on Friday in May 2006 after years of work.')).toBe(
			'The Kelso bridge will open in May 2006 after years of work.'
		);
	});
});

describe('wording a cut must not break', () => {
	it('drops an age with the aside after it, leaving no lost comma', () => {
		expect(
			cutFrame('Tom Reid, 25, sacked by Kelso Town last year, is now managed by Ana Ruiz.')
		).toBe('Tom Reid is now managed by Ana Ruiz.');
		expect(
			cutFrame('Tom Reid, 25, who left Kelso Town last year, is now managed by Ana Ruiz.')
		).toBe('Tom Reid is now managed by Ana Ruiz.');
		expect(
			cutFrame('Hazel Gilbert, 40, a nurse from Dunmore, gave up ballet at the age of ten.')
		).toBe('Hazel Gilbert gave up ballet at the age of ten.');
	});

	it('keeps the comma before a clause an inner attribution cut away, so it is cut too', () => {
		expect(
			cutFrame(
				'Some shops in Kelso can be the cheapest for small prints, said Tom Reid, but large prints cost less at home.',
				false,
				new Set(['kelso', 'tom', 'reid'])
			)
		).toBe('According to Tom Reid, some shops in Kelso can be the cheapest for small prints.');
	});

	it('never takes the names of a list for a description', () => {
		const list =
			'Car makers in Kelso, including Dunmore Motors, Braid Cars, Reid Vans and Moor Trucks, have seen demand rise.';
		expect(cutFrame(list)).toBe(list);
	});

	it('never cuts the last item of a list of verbs or of a pair', () => {
		const list =
			'The Kelso scanner will clean out old files, check what happens on a PC and will be updated every week.';
		expect(cutFrame(list)).toBe(list);
		const both =
			'Personal websites in Dunmore can be hazardous for both employers and their employees.';
		expect(cutFrame(both)).toBe(both);
	});

	it('refuses a slip of the article repeated, and a labelled list', () => {
		expect(garbled('Tom Reid was delighted following after the win at Braid Park.')).toBe(true);
		expect(garbled('Tom Reid said the the club would move to Kelso.')).toBe(true);
		expect(garbled('Replacements: Reid for Ruiz, Moor for Hale, Shah for Berg.')).toBe(true);
		expect(garbled('Tom Reid said he had had enough of the club.')).toBe(false);
	});
});

describe('a person described right after the name', () => {
	it('is never the key of a false statement that keeps the description', () => {
		expect(describedAfter(', the news editor of a trade magazine.', 'person')).toBe(true);
		expect(describedAfter(', who edits a magazine, liked the film.', 'person')).toBe(false);
		expect(describedAfter(' said repairs would cost more.', 'person')).toBe(false);
		expect(describedAfter(', the news editor of a trade magazine.', 'organisation')).toBe(false);
	});
});

describe('rule invented-figure: which figures a false statement may change by itself', () => {
	const at = (t: string, key: string, kind: string) =>
		inventable(readForTest(t).doc, { kind, text: key, span: spanOf(t, key) });

	it('changes a share, a sum, a figure in millions or a count of things', () => {
		expect(at('Tube workers demanded a 53% pay rise.', '53%', 'percent')).toBe(true);
		expect(at('The firm paid £40m for the site.', '£40m', 'money')).toBe(true);
		expect(at('The final drew 86 million viewers.', '86 million', 'number')).toBe(true);
		expect(at('The film leads the race with 11 nominations.', '11', 'number')).toBe(true);
	});

	it('never a rank, a list’s length, an age, a time or a bare figure', () => {
		expect(at('The side reached the last 16 of the cup.', '16', 'number')).toBe(false);
		expect(at('The magazine listed the top 10 gadgets.', '10', 'number')).toBe(false);
		expect(at('The actor died at 85 in his home.', '85', 'number')).toBe(false);
		expect(at('The killer was jailed for 18 years in 2003.', '18', 'number')).toBe(false);
		expect(at('The ban takes effect from 0001 GMT on Friday.', '0001', 'number')).toBe(false);
		expect(at('3 is looking to music to sell video phones.', '3', 'number')).toBe(false);
	});
});

describe('rule label-number and plurals without an s', () => {
	it('reads "40 people" and "8 children" as counts', () => {
		const t = 'The blast killed 40 people and hurt 8 children in the town.';
		const { doc } = readForTest(t);
		expect(labelFigure(doc, spanOf(t, '40'), 'number')).toBe(false);
		expect(labelFigure(doc, spanOf(t, '8'), 'number')).toBe(false);
	});
});
