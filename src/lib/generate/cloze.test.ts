import { describe, expect, it } from 'vitest';
import { expectRefused, readForTest } from './fixtures/read';
import { analyze } from '../nlp';
import {
	clozeBuilder,
	clozeHint,
	clozeProblem,
	countOnly,
	genericName,
	listItem,
	mainSubjectBlank
} from './builders/cloze';
import { factView } from './builders/common';
import { mostlyQuoted } from './builders/true-false';
import { extractFacts, type FactX } from './facts';
import { generateDeck } from './index';
import { salience, sharesWords } from './select';

describe('cloze: what may be blanked', () => {
	it('ranks low a blank on the main name of the title in a sentence with no fact of its own', () => {
		const text =
			'Okafor weighs move to Dunmore\n\nStriker Lena Okafor refused to commit her future to the club.\n\nLena Okafor scored 14 goals for Kelso in 2023.';
		const { ctx, sureFact } = readForTest(text);
		const withTitle = { ...ctx, title: 'Okafor weighs move to Dunmore' };
		const f = sureFact('Lena Okafor');
		const bySentence = (i: number) =>
			extractFacts(withTitle.doc).find((x) => x.answer?.text === 'Lena Okafor' && x.sentence === i);
		const bare = bySentence(0) ?? f;
		expect(mainSubjectBlank(withTitle, bare)).toBe(true);
		const [b] = clozeBuilder.build(withTitle, bare, factView(withTitle, bare));
		expect(b?.fallback).toBe(true);
		// With a figure and a year the sentence carries a fact worth asking.
		const rich = bySentence(1);
		expect(rich).toBeTruthy();
		expect(mainSubjectBlank(withTitle, rich as FactX)).toBe(false);
		// Another name is no trivial blank.
		expect(mainSubjectBlank({ ...withTitle, title: 'Kelso sign new coach' }, bare)).toBe(false);
	});

	it('neither blanks nor hints as a name a group of people or a technology abbreviation', () => {
		const text =
			'Many Paralympians now use MMS to send clips to coaches in Dunmore.\n\nEngineer Tomas Berg built the app for Kellan Works in 2019.';
		const { ctx, fact, doc } = readForTest(text);
		expect(genericName(doc, 'Paralympians')).toBe(true);
		expect(genericName(doc, 'MMS')).toBe(true);
		expect(genericName(doc, 'Dunmore')).toBe(false);
		for (const answer of ['Paralympians', 'MMS']) {
			const f = fact(answer);
			expect(f, answer).toBeTruthy();
			expect(clozeProblem(ctx, f)).toBe('blank-on-generic-name');
			expect(clozeHint(doc, f)).not.toMatch(/name|person|organisation|place/);
		}
		// Spelt out by the article, the abbreviation is a term worth asking.
		expect(genericName(analyze('They use MMS (multimedia messaging) daily.'), 'MMS')).toBe(false);
	});

	it('blanks a named person and shows the rest of the sentence', () => {
		const { cloze } = readForTest(
			'Dick Clark is in hospital in Los Angeles. His publicist Paul Shefrin said the television host was recovering well at home.'
		);
		const [b] = cloze('Paul Shefrin');
		expect(b?.q.prompt).toContain('_____ said the television host was recovering');
		expect(b?.fallback).toBeFalsy();
	});

	it('blanks a lower-case phrase in an article as a filler at most, even when it recurs', () => {
		const text =
			'Old phones can help close the digital divide in poor nations. Charities collect phones in Britain.\n\nThe digital divide is the gap between people with and without access to the internet.';
		const { ctx, fact, cloze } = readForTest(text);
		expect(clozeProblem(ctx, fact('digital divide'))).toBe('blank-on-common-word');
		expect(cloze('digital divide').every((b) => b.fallback)).toBe(true);
		// A single paragraph, short of facts, may still ask for the phrase it repeats.
		const one = readForTest(text.replace('\n\n', ' '));
		expect(clozeProblem(one.ctx, one.fact('digital divide'))).toBeNull();
	});
});

describe('cloze: whole units', () => {
	it('does not blank one item of a list or one name of a pair', () => {
		const text = 'Leicester duo Ollie Smith and Andy Goode have been drafted onto the bench.';
		const doc = analyze(text);
		const s = doc.sentences[0]!;
		const at = text.indexOf('Ollie Smith');
		expect(listItem(text, at, at + 'Ollie Smith'.length, s)).toBe(true);
		const drones =
			'Officials said it would use assets like drones, sensors, and satellites instead.';
		const d2 = analyze(drones);
		const i = drones.indexOf('satellites');
		expect(listItem(drones, i, i + 'satellites'.length, d2.sentences[0]!)).toBe(true);
		const single = 'In May 1960, ABC purchased the radio station WLS and changed its schedule.';
		const d3 = analyze(single);
		const j = single.indexOf('May 1960');
		expect(listItem(single, j, j + 'May 1960'.length, d3.sentences[0]!)).toBe(false);
	});

	it('does not blank the end of a longer name', () => {
		const { ctx, fact, doc } = readForTest(
			'Dick Clark was inducted into the Rock and Roll Hall of Fame in 1993. He has hosted shows such as TV Bloopers for the network ABC for many years.'
		);
		const f = fact('Bloopers');
		if (f) expect(clozeProblem(ctx, f)).toBe('blank-cuts-name');
		expect(doc.sentences.length).toBe(2);
	});

	it('drops an alias in brackets after the blank so it does not give the answer away', () => {
		const { cloze } = readForTest(
			'India and Iran signed a gas deal. Indian firms and the National Iranian Oil Company (NIOC) reached a preliminary deal on the Yadavaran oilfield, officials said.'
		);
		const [b] = cloze('National Iranian Oil Company');
		expect(b?.q.prompt).toBe(
			'Indian firms and the _____ reached a preliminary deal on the Yadavaran oilfield, officials said.'
		);
	});

	it('keeps the words of a quotation out of blanks, as a filler at most', () => {
		const text =
			'Shell is cutting costs. "We will have to cut 500 jobs in Aberdeen over the next two years," chief executive Jo Bloggs told reporters.';
		const { ctx, sureFact, build } = readForTest(text);
		const f = sureFact('500 jobs');
		expect(clozeProblem(ctx, f)).toBe('blank-in-quote');
		const out = build(clozeBuilder, f);
		expect(out.every((b) => b.fallback)).toBe(true);
	});
});

describe('true or false', () => {
	it('does not judge a sentence that is mostly a quotation', () => {
		expect(mostlyQuoted('"It joins two halves of the city," Ana Ruiz said.')).toBe(true);
		expect(mostlyQuoted('Engineer Tomas Berg said the deck "will last a century".')).toBe(false);
	});
});

describe('ranking', () => {
	it('near-duplicate answers share most of their words', () => {
		expect(sharesWords('1973', 'october 1973')).toBe(true);
		expect(sharesWords('britain', 'britain and france')).toBe(true);
		expect(sharesWords('oil', 'gas')).toBe(false);
	});

	it('rates sentences that share words with the title and their heading as central', () => {
		const text = [
			'Harbour bridge opens in Dunmore',
			'Mayor Ana Ruiz opened the new harbour bridge in Dunmore on Friday after three years of work.',
			'The weather was mild and a band played for the crowd in the square.',
			'Engineers said the bridge would carry 12,000 cars a day across the harbour.',
			'Local shops sold flags and the town hall stayed open late for visitors.',
			'Traffic Plans',
			'The council said ferry traffic would fall by half once the bridge opened fully.',
			'A choir sang two songs and the children of the school waved paper flags.',
			'Tolls will not be charged on the bridge for its first year, the council said.',
			'Several residents brought picnics and stayed until the evening fireworks began.',
			'The mayor thanked the workers who built the bridge over three winters.',
			'A second phase will add a cycle lane to the bridge in 2026.',
			'The ferry company said it would keep one boat running for tourists.',
			'Police closed two roads near the harbour for the afternoon.',
			'Visitors came from villages along the coast to see the opening.',
			'The band finished with a song written for the bridge by a local teacher.',
			'Buses were added to the timetable for the evening.',
			"Most visitors left by ten o'clock at night."
		].join('\n');
		const doc = analyze(text);
		const sal = salience(doc, 'Harbour bridge opens in Dunmore');
		const about = (w: string) => doc.sentences.findIndex((s) => s.text.includes(w));
		expect(sal[about('12,000 cars')]).toBeGreaterThan(sal[about('picnics')] as number);
		expect(sal[about('ferry traffic')]).toBeGreaterThan(sal[about('choir')] as number);
	});

	it('opens the built-in article on its news: the US backing, the troops and the monitoring', async () => {
		const { PARIS_SUMMIT_TEXT } = await import('../content/paris-summit');
		const top = generateDeck(PARIS_SUMMIT_TEXT).questions.slice(0, 5);
		const text = top.map((q) => `${q.prompt} ${q.answer}`).join(' | ');
		expect(text).toContain('United States');
		expect(text).toContain('Britain and France');
		expect(text).toMatch(/monitoring/);
	});
});

/** Each row: an article, the fact's answer, and the key its cloze asks for, in view of what. */
const blanks: {
	it: string;
	text: string;
	answer: string;
	key: string;
	shows?: string;
	hint?: string;
}[] = [
	{
		it: 'blanks the figure of a count, not its noun, and hints a number',
		text: "Lena Okafor's film Red Harbour will lead Tarrow's hopes at the awards after getting three nominations.\n\nThe film opens in Dunmore in May 2025.",
		answer: 'three nominations',
		key: 'three',
		shows: 'after getting _____ nominations',
		hint: 'a number'
	},
	{
		it: 'counts the plural head after an adjective',
		text: 'Ana Ruiz was backed by two main shareholders of Tarrow Bank in May.\n\nThe bank was founded in Dunmore in 1901.',
		answer: 'two main shareholders',
		key: 'two',
		shows: 'by _____ main shareholders'
	},
	{
		it: 'keeps a duration whole',
		text: 'Tarrow Athletics has agreed a deal with Adova to supply kit for the next four years.\n\nThe deal starts in May 2025.',
		answer: 'four years',
		key: 'four years'
	}
];

describe('cloze: a count and its hint', () => {
	it.each(blanks)('$it', ({ text, answer, key, shows, hint }) => {
		const [b] = readForTest(text).cloze(answer);
		expect(b?.q.answer).toBe(key);
		if (shows !== undefined) expect(b?.q.prompt).toContain(shows);
		if (hint !== undefined) expect(b?.q.type === 'cloze' && b.q.hint).toBe(hint);
	});

	it('leaves a figure that modifies a singular noun whole', () => {
		const { fact, doc } = readForTest(
			'The problem lies with the nature of modern 24 hour culture, said Ana Ruiz.\n\nShe spoke in Dunmore in May 2025.'
		);
		const f = fact('24 hour culture');
		if (f) expect(countOnly(doc, f)).toBeNull();
	});

	it('never asks a count that the list after it shows', () => {
		expectRefused({
			text: 'The sequel Red Harbour took three prizes - top animated film, top comedy and top sequel.\n\nThe film opens in Dunmore in May 2025.',
			builder: clozeBuilder,
			answer: 'three prizes',
			reason: 'blank-shows-answer'
		});
	});

	it('hints a club named for its town as a club in a sports report', () => {
		const { doc, sureFact } = readForTest(
			'Dunmore have joined the race to sign striker Lena Okafor, according to reports in Tarrow.\n\nOkafor scored twice in the Premier League last season.'
		);
		const f = sureFact('Dunmore');
		expect(clozeHint(doc, f)).toBe('a club');
	});
});
