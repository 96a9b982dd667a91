import { describe, expect, it } from 'vitest';
import { locate } from './fixtures/locate';
import { readForTest } from './fixtures/read';
import { whQuestionOrReason, type WhTarget } from './wh';
import {
	roleKeyName,
	roleLikeKey,
	shortAnswerBuilder,
	topiclessJudgement,
	withQualifier
} from './builders/short-answer';
import { movedCopy, trueFalseBuilder } from './builders/true-false';
import { demonstrativeReference, KEY_MARK, passiveVoice, withoutAsides } from './statement';

/** The question on `answer` in the first sentence of `text`, or the reason there is none. */
function ask(text: string, answer: string, kind: WhTarget['kind']): string {
	const { s, a, b } = locate(text, answer);
	const out = whQuestionOrReason(s, { kind, a, b, items: 1, text: answer }, text, new Set(['the']));
	return 'prompt' in out ? out.prompt : out.reason;
}

describe('rule and-bare-subject: a second clause with a bare plural subject', () => {
	it('cuts the question before "and guest hosts will …"', () => {
		expect(
			ask(
				'Mara Quill will present her final programme on 9 June and guest hosts will fill in until a successor is chosen.',
				'9 June',
				'date'
			)
		).toBe('When will Mara Quill present her final programme?');
	});
	it('keeps two nouns that share one verb after a verb of saying', () => {
		const q = ask(
			'Tom Vale said in March that profits and sales would rise next year.',
			'March',
			'date'
		);
		expect(q).not.toMatch(/sales\?$/);
	});
});

describe('rule comma-splice: a second clause after a bare comma', () => {
	it('cuts "…, Ann Rook played the queen" out of the question', () => {
		expect(
			ask(
				'Ben Hollis is the old king, Ann Rook played the young queen with grace.',
				'Ben Hollis',
				'person'
			)
		).toBe('Who is the old king?');
	});
});

describe('rule role-key: a who-question answered by a post', () => {
	const TEXT = [
		'The campaign opened in Leeds on Monday.',
		'The bid chairman, Lord Pellow, admitted he would never dream of swimming the Channel.',
		'The veteran striker scored twice in the second half at Elm Park.'
	];
	it('knows a post from a group and a name', () => {
		expect(roleLikeKey('bid chairman')).toBe(true);
		expect(roleLikeKey('world number three')).toBe(true);
		expect(roleLikeKey('finance ministers')).toBe(false);
		expect(roleLikeKey('Harbour Trust')).toBe(false);
	});
	it('takes the name written after the post for the key', () => {
		const { doc, sureFact, build } = readForTest(TEXT);
		const f = sureFact('bid chairman');
		expect(roleKeyName(doc, f.answer!)?.text).toBe('Lord Pellow');
		const built = build(shortAnswerBuilder, f);
		for (const b of built) expect(b.q.answer).toBe('Lord Pellow');
	});
	it('refuses a post with no name after it (role-not-name)', () => {
		const { sureFact, build, rejected } = readForTest(TEXT);
		const f = sureFact('veteran striker');
		expect(build(shortAnswerBuilder, f)).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('role-not-name');
	});
});

describe('rule key-qualifier: a proper-noun modifier belongs to the key', () => {
	it('keeps "G9" before "trade ministers"', () => {
		const { doc, sureFact } = readForTest([
			'The summit opened in Oslo on a wet morning.',
			'At their meeting in Oslo, G9 trade ministers backed plans to cut tariffs on grain.'
		]);
		const f = sureFact('trade ministers');
		expect(withQualifier(doc, f, f.answer!).text).toBe('G9 trade ministers');
	});
});

describe('rule topicless-judgement', () => {
	it('refuses a judgement of a person with no topic', () => {
		expect(topiclessJudgement('Who has a rather partisan viewpoint?')).toBe(true);
		expect(topiclessJudgement('Who was far from content?')).toBe(true);
		expect(topiclessJudgement('Who is a class act?')).toBe(true);
	});
	it('keeps a question that says what the view is of, or names something', () => {
		expect(topiclessJudgement('Who has a partisan view of the new console?')).toBe(false);
		expect(topiclessJudgement('Who is originally from Peru?')).toBe(false);
		expect(topiclessJudgement('Who has taken early retirement?')).toBe(false);
	});
});

describe('true-false statements', () => {
	it('finds a demonstrative whose referent is not named (demonstrative-reference)', () => {
		expect(demonstrativeReference('Only a third of clubs in 2009 met that target.')).toBe(true);
		expect(demonstrativeReference('The band split up at that point in 1999.')).toBe(true);
		expect(demonstrativeReference('Ann Lee said that prices would rise in 2009.')).toBe(false);
		expect(demonstrativeReference('Sales rose this year by 5%.')).toBe(false);
	});
	it('refuses a true-false statement on "that target"', () => {
		const { facts, build, rejected } = readForTest([
			'Ministers set a goal of two hours of sport a week for every pupil.',
			'Official figures show that in Wales in 2009 only a quarter of the county schools met that target.'
		]);
		const f = facts.find((x) => x.answer?.text === '2009');
		expect(f).toBeTruthy();
		if (!f) return;
		expect(build(trueFalseBuilder, f)).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('demonstrative-reference');
	});
	it('rewords a one-clause statement in the passive', () => {
		expect(
			passiveVoice(
				`Ardmore signed a ${KEY_MARK} agreement to buy Chilean copper in March.`,
				new Set(['ardmore'])
			)
		).toBe(`A ${KEY_MARK} agreement to buy Chilean copper was signed by Ardmore in March.`);
		expect(passiveVoice('Ardmore acquired the Brannock mills in 2001.', new Set(['ardmore']))).toBe(
			'The Brannock mills were acquired by Ardmore in 2001.'
		);
		// "Shares" is no name: no passive.
		expect(passiveVoice('Shares denied the claims in May.', new Set())).toBeNull();
	});
	it('drops an aside said of a name in passing', () => {
		expect(
			withoutAsides(
				`Moon Hill, the first episode of which was shown on 4 May, drew an audience of ${KEY_MARK}, the ratings firm said.`
			)
		).toBe(`Moon Hill drew an audience of ${KEY_MARK}, the ratings firm said.`);
	});
	it('knows a statement with only its speaker moved to the front (moved-copy)', () => {
		const s =
			'Moon Hill, the first episode of which was shown on 4 May, drew an audience of 5.1 million, according to the ratings firm.';
		expect(
			movedCopy(
				'According to the ratings firm, Moon Hill, the first episode of which was shown on 4 May, drew an audience of 5.1 million.',
				s
			)
		).toBe(true);
		expect(movedCopy('An audience of 5.1 million watched Moon Hill.', s)).toBe(false);
	});
});

describe('rule detail-in-long-statement', () => {
	it('makes no false form of a long sentence copied (trivial-detail)', () => {
		const { facts, build, rejected } = readForTest([
			'Runner Dan Corrib broke the national record in Cork in May.',
			"Dan Corrib's shattering of Paul Erne's national 10,000m record at the old Mardyke track in Cork in May had already set tongues wagging among the coaches, athletes and fans of the sport in almost every running club of the whole country.",
			'Paul Erne had set the old record in Dublin in August.'
		]);
		const f = facts.find((x) => x.answer?.text === 'May' && x.sentence === 1 && x.kind !== 'quote');
		expect(f).toBeTruthy();
		if (!f) return;
		expect(build(trueFalseBuilder, f)).toEqual([]);
		expect(rejected.map((r) => r.reason)).toContain('trivial-detail');
	});
});

describe('rule verbless-statement', () => {
	it('makes no true-false statement that a cut left without a verb', () => {
		const { facts, build } = readForTest([
			'The pound rose against the yen on Monday in quiet trade.',
			'In late trading in Paris, the pound reached $1.9871 against the dollar, from $1.9974 on Thursday.',
			'Traders said the pound could reach $2.1050 by the summer.'
		]);
		const f = facts.find((x) => x.answer?.text === '$1.9974');
		expect(f).toBeTruthy();
		if (!f) return;
		for (const b of build(trueFalseBuilder, f)) expect(b.q.prompt).toMatch(/reached/);
	});
});
