import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import type { Entity } from '../nlp/types';
import { clozeProblem } from './builders/cloze';
import { blanked, shownSentence, unfinishedSentence } from './builders/common';
import { fitPair } from './builders/match';
import {
	ownerlessRole,
	personBeyondRole,
	roleBuilder,
	roleInQuestion,
	verbRole
} from './builders/role';
import { modifierKey, rivalOfSubject, trueFalseBuilder } from './builders/true-false';
import { locate } from './fixtures/locate';
import { readForTest } from './fixtures/read';
import { cutFrame, KEY_MARK } from './statement';
import { undouble } from './util';
import { reflexiveInClause, whQuestionOrReason, type WhTarget } from './wh';

function askOrWhy(text: string, answer: string, kind: WhTarget['kind']): string {
	const { s, a, b } = locate(text, answer);
	const out = whQuestionOrReason(s, { kind, a, b, items: 1, text: answer }, text, new Set(['the']));
	return 'prompt' in out ? out.prompt : out.reason;
}

describe('wh: clauses and times that are not the main verb’s', () => {
	it('stops at "and" when a name with its own verb follows (and-clause-own-subject)', () => {
		const text =
			'Wales were beaten 20-12 by Fiji in the bowl final and Kenya lost 14-7 to Spain in the cup.';
		const q = askOrWhy(text, 'Wales', 'place');
		expect(q).not.toMatch(/Kenya/);
		expect(q).toMatch(/beaten 20-12 by Fiji/);
		// Names sharing one verb are one subject, not a second clause.
		const shared =
			'The Vexa Group said that games makers Corlin Arts and Dunmore would both support its format.';
		expect(askOrWhy(shared, 'The Vexa Group', 'organisation')).toMatch(
			/Dunmore would both support/
		);
		const two =
			'Lena Okafor is the brooding queen, Ava Moss rises above her costume and Tim Lake gives it all some grit.';
		expect(askOrWhy(two, 'Lena Okafor', 'person')).not.toMatch(/Tim Lake/);
		// Two names joined as one phrase keep the whole.
		const pair = 'Talks between Vexa and Corlin Group resumed in March 2019 in Geneva.';
		expect(askOrWhy(pair, 'March 2019', 'date')).toMatch(/Vexa and Corlin Group/);
	});

	it('asks no "when" of a verb reporting a figure (time-of-figure)', () => {
		const text = 'Figures from the Trade Council showed a 3% fall in toy sales during March 2018.';
		expect(askOrWhy(text, 'March 2018', 'date')).toBe('time-of-figure');
		// A plain act keeps its time.
		const act = 'The Trade Council opened a new office in Leeds during March 2018.';
		expect(askOrWhy(act, 'March 2018', 'date')).toMatch(/^When did/);
	});

	it('asks nothing whose reflexive would bind inside a clause (reflexive-on-answer)', () => {
		expect(
			reflexiveInClause(
				'Who has criticised a union leader who said conflict between himself and the mayor was harmful?'
			)
		).toBe(true);
		expect(reflexiveInClause('Who described himself as a reluctant leader?')).toBe(false);
		const text =
			'Dora Kent has criticised a farmer who said a feud between himself and Ivo Marsh was harmful.';
		expect(askOrWhy(text, 'Dora Kent', 'person')).toBe('reflexive-on-answer');
	});

	it('shows a doubled word once (doubled-word)', () => {
		expect(undouble('during the the 1980s and of of it')).toBe('during the 1980s and of it');
		expect(undouble('he had had enough; that that is')).toBe('he had had enough; that that is');
		expect(shownSentence('Clubs had plastic pitches during the the 1980s.')).toBe(
			'Clubs had plastic pitches during the 1980s.'
		);
	});
});

describe('roles: real role noun phrases held by people', () => {
	it('takes no verb or adverb for a role (role-not-noun-phrase)', () => {
		const t = 'Coach Ray Hill also praised winger Tom Bell and striker Sam Cole.';
		expect(verbRole(t, 'praised winger', t.indexOf('praised'))).toBe(true);
		const u = 'The sale ruined Vexa, said founder Ivan Petrov.';
		expect(verbRole(u, 'said founder', u.indexOf('said founder'))).toBe(true);
		const v = 'Vexa, once the owner of Corlin, was sold.';
		expect(verbRole(v, 'once the owner of Corlin', v.indexOf('once'))).toBe(true);
		const w = 'The jailed businessman Ivan Petrov appealed. Retired judge Ann Lee agreed.';
		expect(verbRole(w, 'jailed businessman', w.indexOf('jailed'))).toBe(false);
		expect(verbRole(w, 'Retired judge', w.indexOf('Retired'))).toBe(false);
	});

	it('lower-cases a common word that only opens the sentence', () => {
		const t =
			'Senior business manager Jon Reid said: "It was busy." French President Anne Roy agreed.';
		expect(roleInQuestion('Senior business manager', t)).toBe('senior business manager');
		expect(roleInQuestion('French President', t)).toBe('French President');
		expect(roleInQuestion('Senior business manager')).toBe('Senior business manager');
		expect(roleInQuestion('Health Secretary', 'Health Secretary Ann Roy spoke.')).toBe(
			'Health Secretary'
		);
	});

	it('wants a body for a post that belongs to one (ownerless-role)', () => {
		expect(ownerlessRole('senior business manager')).toBe(true);
		expect(ownerlessRole('Vexa business manager')).toBe(false);
		expect(ownerlessRole('manager of the Enoch Centre')).toBe(false);
		expect(ownerlessRole('Labour chairman')).toBe(false);
		expect(ownerlessRole('senior singer')).toBe(false);
		expect(ownerlessRole('chief government spokesman')).toBe(false);
	});

	it('does not ask the ownerless or verb role', () => {
		const { doc, ctx, facts } = readForTest(
			'Shops were busy. Senior business manager Jon Reid said crowds came early. Jon Reid said sales rose.'
		);
		const f = facts.find((x) => x.kind === 'role' && x.role?.role.includes('manager'));
		expect(f).toBeTruthy();
		if (f) expect(roleBuilder.build(ctx, f, {} as never)).toEqual([]);
		expect(doc.text).toContain('Jon Reid');
	});

	it('pairs only a person with a role, and a single word only on a cue beyond its role', () => {
		const { doc } = readForTest(
			'The sale ruined Vexa, once the owner of Corlin, said founder Ivan Petrov. Singer Ava Moss sang. Ava Moss left.'
		);
		const ava = doc.entities.find((x) => x.name === 'Ava Moss') as Entity;
		expect(fitPair(doc, ava, 'Singer')).toBe(true);
		const fake: Entity = { ...ava, name: 'Vexa', keys: ['vexa'], role: 'owner', roles: ['owner'] };
		expect(personBeyondRole(doc, fake)).toBe(false);
	});
});

describe('cloze: whole units and single answers', () => {
	const problem = (text: string, answer: string) => {
		const { ctx, sureFact } = readForTest(text);
		return clozeProblem(ctx, sureFact(answer));
	};

	it('keeps a title’s "The" with it (title-the)', () => {
		const text =
			'The Navigator leads the shortlist with nine nominations this year. Critics said The Navigator was long.';
		expect(problem(text, 'Navigator')).toBe('title-the');
	});

	it('never blanks one end of a range (half-range)', () => {
		const text =
			'The club has played in Europe for the last three or four years, said its chairman.';
		expect(problem(text, 'four years')).toBe('half-range');
		expect(
			problem(
				'The library receives between three and four million requests from readers each year.',
				'four million requests'
			)
		).toBe('half-range');
		expect(
			problem(
				'The show peaked on Monday at 11.9m viewers and 49.2% of the audience share.',
				'49.2%'
			)
		).not.toBe('half-range');
		// A change from one figure to another is no range.
		expect(
			problem(
				'The trade union expanded from 15 to 25 member branches in May 2019.',
				'25 member branches'
			)
		).not.toBe('half-range');
	});

	it('never blanks one end of a period or one of a pair told apart by "respectively"', () => {
		const tapes =
			'The studio tapes of the quartet date from March 1961 to October 1962, the archive said.';
		expect(problem(tapes, 'March 1961')).toBe('half-range');
		expect(problem(tapes, 'October 1962')).toBe('half-range');
		expect(
			problem(
				'Northfield and Eastvale have 14 and 9 players in the squad respectively, the coach said.',
				'9 players'
			)
		).toBe('half-range');
		// A date after "from" with no other end, and a date moved to another, are facts of their own.
		expect(
			problem(
				'The ferry has run from March 1961 and carries 300 cars a day, the council said.',
				'March 1961'
			)
		).not.toBe('half-range');
		expect(
			problem(
				'The final was postponed from March 2019 to June 2019 after the floods, the league said.',
				'June 2019'
			)
		).not.toBe('half-range');
		expect(
			problem(
				'The museum opens from May 2019 to the end of the summer season, its director said.',
				'May 2019'
			)
		).not.toBe('half-range');
	});

	it('asks a bare year only after a time preposition (year-in-phrase)', () => {
		expect(
			problem('Dictionary editors named "vlog" word of 2019 after a public vote.', '2019')
		).toBe('year-in-phrase');
		expect(
			problem('Runner Ada Moss will start 2019 with a series of races in Leeds.', '2019')
		).toBe('year-in-phrase');
		expect(problem('Runner Ada Moss won a series of races in Leeds in 2019.', '2019')).not.toBe(
			'year-in-phrase'
		);
	});

	it('asks nothing from a sentence cut off (unfinished-sentence)', () => {
		const text =
			'Ivo Marsh beat Tim Lake in three long sets on Monday. Marsh will now play 2002 champion Ken Ross and';
		const doc = analyze(text);
		expect(unfinishedSentence(doc, 0)).toBe(false);
		expect(unfinishedSentence(doc, doc.sentences.length - 1)).toBe(true);
		// A paragraph that only lacks its full stop, before a new one, is whole.
		const typo = analyze(
			'Ivo Marsh won the title again in a second final\n\nThe club said it would appeal on Monday.'
		);
		expect(unfinishedSentence(typo, 0)).toBe(false);
		const cut = analyze(
			'Dunmore Open\n\nIvo Marsh won in four long sets on Monday after a tense battle from the baseline in the heat of the afternoon. Marsh will now play 2002 champion\n\n, who beat Tim Lake.'
		);
		expect(unfinishedSentence(cut, 1)).toBe(true);
		expect(unfinishedSentence(cut, 0)).toBe(false);
		const { sureFact } = readForTest(text);
		expect(blanked(doc, sureFact('Tim Lake'))).not.toBe('unfinished-sentence');
		expect(blanked(doc, sureFact('Ken Ross'))).toBe('unfinished-sentence');
	});
});

describe('true or false: natural and not self-contradicting false twins', () => {
	it('never swaps a name that only qualifies a noun (modifier-swap)', () => {
		const text =
			'The game’s arenas are the war’s Pacific battles, including Midway and Okinawa, said the makers of Vexa.';
		const { doc, sureFact } = readForTest(text);
		expect(modifierKey(doc, sureFact('Pacific'))).toBe(true);
		const plain = readForTest('Ivo Marsh flew to Paris on Monday to meet the French team.');
		const g = plain.sureFact('Paris');
		expect(modifierKey(plain.doc, g)).toBe(false);
	});

	it('never puts the article’s subject among its own rivals (self-contradiction)', () => {
		const { doc } = readForTest(
			'Vexa has launched a blog tool. Vexa said the tool is free. Vexa hopes to win users. Competitors like Corlin already offer free blogs.'
		);
		expect(rivalOfSubject(doc, 'Competitors like ', 'Vexa')).toBe(true);
		expect(rivalOfSubject(doc, 'Competitors like ', 'Dunmore', 'Vexa gets the blog bug')).toBe(
			false
		);
		expect(rivalOfSubject(doc, 'Users of ', 'Vexa')).toBe(false);
		expect(trueFalseBuilder.type).toBe('true-false');
	});
});

describe('true or false: a cut statement ends on its clause', () => {
	it('keeps what completes the main verb after a relative clause (relative-clause-resumes)', () => {
		const K = KEY_MARK;
		expect(
			cutFrame(
				`The Dunmore boss is looking forward to having skipper ${K}, who was suspended for the first leg, back for the return in Spain.`
			)
		).toBe(
			`The Dunmore boss is looking forward to having skipper ${K} back for the return in Spain.`
		);
	});

	it('drops a conjunction the cut left at the end (cut-conjunction)', () => {
		const K = KEY_MARK;
		expect(
			cutFrame(
				`Clubs such as Luton and Preston used to have plastic pitches during ${K} but, after a long study, Uefa insists the surfaces have moved on.`
			)
		).toBe(`Clubs such as Luton and Preston used to have plastic pitches during ${K}.`);
	});
});
