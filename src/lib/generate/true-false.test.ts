import { describe, expect, it } from 'vitest';
import { falseValue, trueFalseBuilder } from './builders/true-false';
import type { FactX } from './facts';
import { readForTest } from './fixtures/read';
import { spanOf } from './fixtures/locate';
import {
	accordingTo,
	copiedFrom,
	cutFrame,
	frontSetting,
	KEY_MARK as K,
	pluralAgreement,
	reword,
	statementStandsAlone
} from './statement';

/** Every true-false question built for the facts of `text`, true and false forms. */
function statements(text: string) {
	const { facts, rejected, build } = readForTest(text);
	const out: {
		key: string;
		prompt: string;
		answer: string;
		falsePrompt?: string;
		/** The statement made false, whichever way the builder gave it; empty when none. */
		falseText: string;
	}[] = [];
	for (const f of facts as FactX[])
		for (const b of build(trueFalseBuilder, f))
			out.push({
				key: f.answer?.text ?? '',
				prompt: b.q.prompt,
				answer: b.q.answer,
				falsePrompt: b.falsePrompt,
				falseText: b.falsePrompt ?? (b.q.answer === 'False' ? b.q.prompt : '')
			});
	return { out, rejected };
}

describe('true statements cut to the fact and reworded', () => {
	it('drops asides that hold no fact: brackets, dashes, relative clauses, "they claim", weekdays', () => {
		expect(
			cutFrame(`Mr Holiff, who was also a concert promoter, managed the band until ${K}.`)
		).toBe(`Mr Holiff managed the band until ${K}.`);
		expect(
			cutFrame(`BA will suspend the flights - which it says remain "under review" - from ${K}.`)
		).toBe(`BA will suspend the flights from ${K}.`);
		expect(cutFrame(`The fund lost ${K} (£4m), the report said on Monday.`)).toBe(
			`The fund lost ${K}, the report said.`
		);
		expect(
			cutFrame(`Some £8bn would fill the hole left, they claim, by ${K}, and the rest goes on tax.`)
		).toBe(`Some £8bn would fill the hole left by ${K}, and the rest goes on tax.`);
		expect(
			cutFrame(`Sales at ${K} rose 5% across its stores last year, though profits fell sharply.`)
		).toBe(`Sales at ${K} rose 5% across its stores last year.`);
	});

	it('makes no statement about a key inside an aside', () => {
		for (const frame of [
			`The plan covers Dunmore, which could include ${K} later.`,
			`The firm (now owned by ${K}) cut jobs in Leeds last year.`,
			`The mayor - elected in ${K} - opened the bridge on the river.`,
			`Police said Tom Reid, ${K}, fed the information to the press.`,
			`The worry has fallen since last year, with just ${K} of firms calling it a threat.`,
			`Although ${K} had warned of losses, the bank paid a dividend in March.`
		])
			expect(cutFrame(frame)).toBe('answer-in-aside');
	});

	it('moves an opening time to the end of a simple clause, keeps one that is the fact', () => {
		expect(reword(`In ${K}, EU leaders met in Lisbon to agree a plan.`)).toBe(
			`In ${K}, EU leaders met in Lisbon to agree a plan.`
		);
		expect(reword(`Last year, ${K} made a record loss of £2m on its shops.`)).toBe(
			`${K} made a record loss of £2m on its shops last year.`
		);
		expect(reword(`Last year, ${K} said it would cut 300 jobs at the plant.`)).toBe(
			`${K} said it would cut 300 jobs at the plant.`
		);
		const previously = `Previously, passengers could claim up to ${K} for a delay.`;
		expect(reword(previously)).toBe(previously);
		// "On Tuesday the courts awarded …": no comma after the time, so no opening phrase to move.
		const noComma = `On Tuesday the courts awarded Varig ${K}, after ruling in its favour.`;
		expect(reword(noComma)).toBe(noComma);
	});

	it('writes "X said Y" as "According to X, Y" when nothing else changes', () => {
		expect(
			accordingTo(`Analysts said ${K}'s earnings forecast was better than expected.`, new Set())
		).toBe(`According to analysts, ${K}'s earnings forecast was better than expected.`);
		expect(accordingTo(`The government now believes ${K} is moving towards the centre.`)).toBe(
			null
		);
	});

	it('sees a sentence copied even with a name written out in full', () => {
		expect(
			copiedFrom(
				'Aston Moore said Hansen may be able to return to sprinting sooner.',
				'Moore said Hansen may be able to return to sprinting sooner.'
			)
		).toBe(true);
		// Only deletions: an opening attribution dropped is still the sentence copied.
		expect(
			copiedFrom(
				'Hansen may be able to return in 2006.',
				'Moore said Hansen may be able to return in 2006.'
			)
		).toBe(true);
		expect(
			copiedFrom(
				'According to Moore, Hansen may be able to return in 2006.',
				'Moore said Hansen may be able to return in 2006.'
			)
		).toBe(false);
	});
});

describe('statements that stand alone', () => {
	const { doc } = readForTest('The Dunmore council met in May. It agreed a budget of £40m.');
	it('refuses "Of that", "sooner" and "as a result" without their anchor', () => {
		for (const s of [
			'Of that, £23 billion would go on spending plans.',
			'Hansen may be able to return to long jumping sooner.',
			'As a result, the worry about competition has fallen.',
			'Other members of the band followed suit in 2004.'
		])
			expect(statementStandsAlone(doc, s, 0)).toBe(false);
		expect(statementStandsAlone(doc, 'The Dunmore council agreed a budget of £40m.', 0)).toBe(true);
	});
});

describe('false statements change one central fact for another of the article', () => {
	it('takes a date only from the article, and never beside a named event', () => {
		const { out } = statements(
			"Young won the boys title at January's Dunmore Open in Kelso. He turned professional in March 2004 after winning the title. Young joined the Kelso club in June 2001 as a boy."
		);
		for (const { key, falseText } of out) {
			expect(falseText).not.toMatch(/(?:April|February|December)/);
			if (key === 'January') expect(falseText).toBe('');
		}
	});

	it('never changes half of a season or a range', () => {
		const { out } = statements(
			'Dunmore Rovers will move into a new 60,000-seat stadium in Dunmore for the start of the 2006/07 season. Dunmore Rovers was founded in 1998 in Kelso by local miners. Dunmore Rovers last won the league in 2004 after a long wait.'
		);
		expect(out.length).toBeGreaterThan(0);
		// The season stays whole: "2006/07" and never another year before "/07".
		const season = (x: string) => x.replace(/\b2006\/07\b/g, '');
		for (const q of out) {
			expect(season(q.falsePrompt ?? '')).not.toMatch(/\/07/);
			if (q.answer === 'False') expect(season(q.prompt)).not.toMatch(/\/07/);
		}
	});

	it('offers for "former club X" only a name the article also calls a club', () => {
		const text =
			'Hoddle has been linked with a return to former club Southampton but Wolves won the race. Hoddle lives in London with his family. The former club Tottenham also wanted him back.';
		const { doc } = readForTest(text);
		const frame = `Hoddle has been linked with a return to former club ${K} but Wolves won the race.`;
		const span = spanOf(text, 'Southampton');
		expect(
			falseValue(doc, { text: 'Southampton', kind: 'place', span }, frame, ['London', 'Tottenham'])
		).toBe('Tottenham');
		expect(falseValue(doc, { text: 'Southampton', kind: 'place', span }, frame, ['London'])).toBe(
			undefined
		);
	});

	it('never puts a past year into a future clause', () => {
		const text =
			'The Dunmore bank will be sold sometime in 2005, an official told reporters. Some 190 firms were sold off in 1997.';
		const { doc } = readForTest(text);
		const frame = `The Dunmore bank will be sold sometime in ${K}.`;
		expect(
			falseValue(doc, { text: '2005', kind: 'date', span: spanOf(text, '2005') }, frame, ['1997'])
		).toBe(undefined);
	});
});

describe('false statements that are real changes', () => {
	it('changes neither year of a pair, nor a figure by a hair', () => {
		const { out } = statements(
			'Slumping share prices throughout 2001 and 2002 forced Dunmore Life to trim its bonus rates. Kelso Bank found that 30% of the firms it surveyed saw orders rise over the year. A year earlier, Kelso Bank found that 45% of the firms saw orders fall.'
		);
		expect(out.some((q) => /\b45%.*rise/.test(q.falseText))).toBe(true);
		for (const { falseText } of out) {
			expect(falseText).not.toMatch(/throughout (?!2001 and 2002)/);
			expect(falseText).not.toMatch(/\b(?:29|31|32)%/);
		}
	});
});

describe('more asides and modifiers', () => {
	it('drops an apposition after the key, and sees a key in an opening "after" phrase as a detail', () => {
		expect(
			cutFrame(
				`${K}, the music mogul who founded the influential Dunmore Records in the 1980s, is to launch a new label.`
			)
		).toBe(`${K} is to launch a new label.`);
		expect(
			cutFrame(`Soon after ${K}'s death in 1929, Alicia Markova returned to England to dance.`)
		).toBe('answer-in-aside');
		expect(cutFrame(`Since ${K}, the club has won the league three times.`)).not.toBe(
			'answer-in-aside'
		);
	});

	it('refuses a statement whose pronoun comes before any name', () => {
		const { doc } = readForTest('Alicia Markova danced in Bath.');
		expect(
			statementStandsAlone(
				doc,
				'Back in England, she and Anton Dolin founded the Festival Ballet.',
				0
			)
		).toBe(false);
	});

	it('never swaps a name that only qualifies a noun ("the Michael Winterbottom film")', () => {
		const { out } = statements(
			'The story of Dunmore Records was told in the Michael Winterbottom film Party People in 2002. Ian Curtis sang with the band Joy Division in Kelso. Tony Wilson was played by Steve Coogan in the film.'
		);
		for (const { falseText } of out)
			expect(falseText).not.toMatch(/the (?!Michael Winterbottom)[A-Z]\w+ \w+ film/);
	});
});

describe('fragments and agreement', () => {
	it('refuses a question or a bare "As X said" as a statement, and drops an age after a name', () => {
		const { doc } = readForTest('Oliver Letwin spoke in Dunmore.');
		expect(statementStandsAlone(doc, 'As Tory spokesman Oliver Letwin said.', 0)).toBe(false);
		expect(
			statementStandsAlone(doc, 'Why Britain and why UKIP is not likely to pull off a victory.', 0)
		).toBe(false);
		expect(cutFrame(`${K}, 54, was due to stand in the East Kilbride seat at the election.`)).toBe(
			`${K} was due to stand in the East Kilbride seat at the election.`
		);
	});

	it('makes a party written out for "The party" agree with its verb', () => {
		expect(pluralAgreement('The Liberal Democrats says the plans could save £100.')).toBe(
			'The Liberal Democrats say the plans could save £100.'
		);
	});
});

describe('a closing time or place brought to the front', () => {
	it('rewords a plain sentence, never one whose time may belong to another clause', () => {
		expect(frontSetting(`Bill Conti received an Oscar for the score of the film in ${K}.`)).toBe(
			`In ${K}, Bill Conti received an Oscar for the score of the film.`
		);
		expect(frontSetting('The Dunmore bridge was opened by the mayor in May 2004.', new Set())).toBe(
			'In May 2004, the Dunmore bridge was opened by the mayor.'
		);
		expect(frontSetting(`Mr Wang said the team would look again at prices in ${K}.`)).toBe(null);
	});
});

describe('a time brought to the front only when it is the main verb’s', () => {
	it('leaves a sentence with another date, a second verb or a place', () => {
		expect(
			frontSetting(`The departure comes into effect on 1 February and follows another in ${K}.`)
		).toBe(null);
		expect(
			frontSetting(`Jose Mourinho is relishing the first leg of the tie in ${K}.`, undefined, false)
		).toBe(null);
		expect(
			frontSetting('A pilot scheme based on ceremonies abroad will start in October.', new Set())
		).toBe('In October, a pilot scheme based on ceremonies abroad will start.');
	});

	it('refuses a statement about "these creditors"', () => {
		const { doc } = readForTest('The firm owes money in Dunmore.');
		expect(statementStandsAlone(doc, 'One of these creditors holds its meeting in March.', 0)).toBe(
			false
		);
	});
});

describe('a time after a participle', () => {
	it('stays where it is', () => {
		expect(
			frontSetting(
				'The new search site takes the training wheels off the test version unveiled in November.'
			)
		).toBe(null);
	});
});

describe('one item of a list', () => {
	it('is never the fact a false statement changes', () => {
		const { out, rejected } = statements(
			'Manager Brian Kerr met officials from Switzerland, France, Cyprus, Israel and the Faroe Islands in Dublin to arrange the fixtures. Kerr took charge of the Dunmore side in 2003 after a long search.'
		);
		const list = 'Switzerland, France, Cyprus, Israel and the Faroe Islands';
		for (const { falseText } of out)
			if (/officials from/.test(falseText)) expect(falseText).toContain(list);
		expect(rejected.some((r) => r.type === 'true-false' && r.detail === 'France')).toBe(true);
	});
});
