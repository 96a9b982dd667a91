import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { generateDeck } from './index';
import { ambiguousRoles, matchQuestion, plainRole } from './builders/match';
import { cutQuote, quoteBuilder } from './builders/quote';
import { nearCopy, trueFalseBuilder, withFullNames } from './builders/true-false';
import { readForTest } from './fixtures/read';

describe('who said it: speaker, phrase and cut', () => {
	const LABEL = [
		'Rapper Shawn Kettle has been named president of a record label in Leeds.',
		'Label chief Antonio Reid said the rapper had a rare gift for finding talent.',
		'Reid said the appointment was a big moment for the firm.',
		'He hoped Kettle would "move the company into its next groundbreaking era", he added.',
		'Producer Rick Rubin said: "He is the best person for the job and we all know it."',
		'Damon Dash, a former partner, said the move was "a great shock to all of us in the business".'
	];
	it('asks no quotation of a name that is the subject of the reported clause (speaker-in-reported-clause)', () => {
		const { facts, build, rejected } = readForTest(LABEL);
		const f = facts.find((x) => x.kind === 'quote' && x.quote?.text.startsWith('move the company'));
		expect(f).toBeTruthy();
		if (!f) return;
		expect(build(quoteBuilder, f)).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('speaker-in-reported-clause');
		// A speaker after the quotation is still the speaker.
		const rubin = facts.find((x) => x.kind === 'quote' && x.answer?.text.endsWith('Rubin'));
		expect(rubin && build(quoteBuilder, rubin).length).toBe(1);
	});
	it('asks no scare-quoted phrase of narration, but keeps a label a speaker gave (scare-quote)', () => {
		const text = [
			'Trade group chief Daniel Glenmore said that the film industry was embracing "digital age technologies", like legal download sites.',
			'Analyst Petra Lund called the campaign a "clumsy gesture" on Monday.',
			'Lawyer Tomas Berg said: "The campaign will do little to stop copying at home."',
			'Critic Ann Vossberg said the plan "needed proper thought" before the vote.'
		];
		const { facts, build, rejected } = readForTest(text);
		const quote = (w: string) => facts.find((x) => x.kind === 'quote' && x.quote?.text === w);
		const scare = quote('digital age technologies');
		expect(scare).toBeTruthy();
		if (scare) expect(build(quoteBuilder, scare)).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('scare-quote');
		const label = quote('clumsy gesture');
		expect(label && build(quoteBuilder, label).length).toBe(1);
	});
	it('cuts a long quotation at a comma or before a name, not inside it', () => {
		const ws =
			'I fell in love with the plan and the team would not go public and things started to go very badly wrong in the summer and then the Morning Star newspaper picked up the story'.split(
				' '
			);
		const cut = cutQuote(ws);
		expect(cut.endsWith('summer …')).toBe(true);
		const commas = (
			'We were told by the owners of the club that the deal for the ground was off, and then we heard nothing at all from them ' +
			'for weeks and weeks until the phone rang late one night'
		).split(' ');
		expect(cutQuote(commas)).toBe(
			'We were told by the owners of the club that the deal for the ground was off …'
		);
	});
});

describe('match: roles that fit one person only', () => {
	it('drops words of judgement from a role (judged-role)', () => {
		expect(plainRole('In-form Lister centre')).toBe('Lister centre');
		expect(plainRole('Fellow Arden prop')).toBe('Arden prop');
		expect(plainRole('Star of Bride and Prejudice')).toBe('Star of Bride and Prejudice');
	});
	const TEAM =
		'England tight-head prop Peter Vance has been ruled out of the rest of the season after breaking his arm.' +
		' ' +
		'Vance was hurt as his club side, Kingsford, beat Arden 17-16 on Saturday.' +
		' ' +
		'He could be joined on the sidelines by Arden centre Owen Bartley, who missed the game with a leg injury.' +
		' ' +
		"Arden prop Mark Stenning is the only other tight-head in England's training squad and could play against Ireland." +
		' ' +
		'Arden boss Jon Conway rates Bartley no better than "50-50" to face Ireland.' +
		' ' +
		'In-form Lister centre Oliver Smythe is the other strong candidate after two tries against Newport.';
	it('leaves out a role another person of the set fits by the article (ambiguous-pair)', () => {
		const { ctx, facts, rejected } = readForTest(TEAM);
		const m = matchQuestion(ctx, facts);
		expect(m).toBeTruthy();
		const roles = (m?.q.type === 'match' ? m.q.pairs : []).map((p) => p[1]);
		expect(roles).not.toContain('England tight-head prop');
		expect(roles).toContain('Lister centre');
		expect(rejected.map((r) => r.reason)).toContain('ambiguous-pair');
	});
	it('takes a bare role beside a fuller one of the same noun as fitting both', () => {
		const doc = analyze(TEAM);
		const f = { id: 'x' } as never;
		const cands = [
			{ f, entity: 0, role: 'Coach' },
			{ f, entity: 1, role: 'Scotland coach' },
			{ f, entity: 2, role: 'Home Secretary' },
			{ f, entity: 3, role: 'shadow home secretary' }
		];
		const out = ambiguousRoles(doc, cands);
		expect([...out].map((c) => c.role)).toEqual(['Coach']);
	});
});

describe('true or false: no copy of the sentence, no person for a work', () => {
	it('counts a statement with a speaker moved to the front as a near copy (near-copy)', () => {
		const s =
			'But the group said Barclays is still waiting for the approval of the banking authorities to make a formal offer.';
		expect(
			nearCopy(
				'According to the group, Barclays is still waiting for the approval of the banking authorities to make a formal offer.',
				s
			)
		).toBe(true);
		expect(nearCopy('Barclays will make an offer once regulators approve.', s)).toBe(false);
	});
	it('asks a near copy false or not at all', () => {
		const text =
			'Talks between the Marlow Bank and the Kestrel Group over a takeover are continuing, the two firms said on Monday.' +
			' ' +
			'The Kestrel Group said Marlow Bank is still waiting for the approval of the Danish banking authorities to make a formal offer.' +
			' ' +
			'Analysts said the bank had set aside £300m to pay for the deal.' +
			' ' +
			'The bank employs 9,000 people in Copenhagen and Oslo.';
		const { facts, build, rejected } = readForTest(text);
		const asked = facts.flatMap((f) => build(trueFalseBuilder, f)).map((b) => b.q);
		const trueCopy = asked.filter(
			(q) => q.answer === 'True' && q.prompt.includes('is still waiting for the approval')
		);
		expect(trueCopy).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('near-copy');
	});
	it('writes no person’s full name for a work named after them (full-name)', () => {
		const doc = analyze(
			'Oscar-nominated film biopic Rune has surpassed its box office takings. The film recounts the life of blues singer Rune Halvorsen, who died in 2004. Rune Halvorsen recorded 40 albums.'
		);
		expect(
			withFullNames(doc, "Rune's success on DVD outstripped its $74m US box office total.")
		).toBe("Rune's success on DVD outstripped its $74m US box office total.");
	});
});

describe('the built-in article keeps its types', () => {
	it('has a who-said-it and a match', async () => {
		const fs = await import('node:fs');
		const text = fs.readFileSync('/work/shared/seed/paris-summit-article.txt', 'utf8');
		const types = new Set(generateDeck(text).questions.map((q) => q.type));
		expect(types.size).toBe(6);
	});
});
