import { describe, expect, it } from 'vitest';
import { locate } from './fixtures/locate';
import { whQuestionOrReason, type WhTarget } from './wh';

/** The question on `answer` in the first sentence of `text`, or the reason there is none. */
function ask(text: string, answer: string, kind: WhTarget['kind']): string {
	const { s, a, b } = locate(text, answer);
	const out = whQuestionOrReason(s, { kind, a, b, items: 1, text: answer }, text, new Set(['the']));
	return 'prompt' in out ? out.prompt : out.reason;
}

describe('reduced-relative', () => {
	it('takes a participle phrase after the subject for no main verb', () => {
		const q = ask(
			'Three sailors rescued from the island in May were flown home by the navy.',
			'May',
			'date'
		);
		expect(q).not.toMatch(/^When did/);
		expect(q).not.toMatch(/\?$/);
	});
	it('asks the time of the clause verb when it follows the participle phrase', () => {
		expect(
			ask('Three sailors rescued from the island were flown home in May.', 'May', 'date')
		).toMatch(/^When were [Tt]hree sailors rescued from the island flown home\?$/);
	});
	it('does not ask "What" of a noun its own participle phrase follows', () => {
		expect(
			ask('A new panel designed to cut waiting lists should be set up soon.', 'new panel', 'thing')
		).toBe('reduced-relative');
	});
	it('keeps a verb after a name that takes a clause', () => {
		expect(
			ask('Ms Trent made clear interest rates had not been discussed.', 'Ms Trent', 'person')
		).toBe('Who made clear interest rates had not been discussed?');
	});
	it('reads a word in "-s" before a finite verb as a noun', () => {
		const q = ask(
			'The best of the radio shows was an interview in 1983 with a baker.',
			'1983',
			'date'
		);
		expect(q).not.toMatch(/\bdoes\b/);
	});
});

describe('verb-after-answer', () => {
	it('leaves a place that sits in the subject of a reported clause', () => {
		expect(
			ask(
				'The coach said the charity match in Leeds earlier this month had inspired the squad.',
				'Leeds',
				'place'
			)
		).toBe('verb-after-answer');
	});
	it('still asks a place the main verb owns', () => {
		expect(ask('The coach opened a new gym in Leeds.', 'Leeds', 'place')).toBe(
			'Where did the coach open a new gym?'
		);
	});
});

describe('clause after "and"', () => {
	it('cuts a second clause whose subject is long', () => {
		const q = ask(
			'The new limits came into force on 3 March and the first week under the new system has seen many fines.',
			'3 March',
			'date'
		);
		expect(q).toBe('When did the new limits come into force?');
	});
});

describe('"then" in a when-question', () => {
	it('is dropped, since "when" asks for the time it stood for', () => {
		expect(ask('The mayor then changed the plan in June 2004.', 'June 2004', 'date')).toBe(
			'When did the mayor change the plan?'
		);
	});
});

describe('object-pair', () => {
	it('leaves a count that is one of two objects', () => {
		expect(
			ask(
				'The kickers missed four penalty attempts and a drop-goal between them.',
				'four penalty attempts',
				'quantity'
			)
		).toBe('list-answer');
		expect(ask('The bank paid $3m in fines and more than $2m to a fund.', '$3m', 'money')).toBe(
			'list-answer'
		);
	});
	it('still asks a count that is the only object', () => {
		expect(
			ask(
				'The kickers missed four penalty attempts in the first half.',
				'four penalty attempts',
				'quantity'
			)
		).toMatch(/^How many penalty attempts did/);
	});
});

describe('words that weigh a question against another sentence', () => {
	it('drops "already" from a when-question and "however" from any', () => {
		expect(ask('Union members already voted to strike in May.', 'May', 'date')).toMatch(
			/^When did [Uu]nion members vote to strike\?$/
		);
		expect(
			ask(
				'Mr Jon Roe would not confirm however whether the plan would go ahead.',
				'Mr Jon Roe',
				'person'
			)
		).toBe('Who would not confirm whether the plan would go ahead?');
	});
});

describe('a demonym opening the subject', () => {
	it('keeps its capital inside a question', () => {
		const { s, a, b } = locate('French champion Ada Moss won in Bute Park.', 'Bute Park');
		const out = whQuestionOrReason(
			s,
			{ kind: 'place', a, b, items: 1, text: 'Bute Park' },
			'French champion Ada Moss won in Bute Park.',
			new Set(['french'])
		);
		expect('prompt' in out ? out.prompt : out.reason).toBe(
			'Where did French champion Ada Moss win?'
		);
	});
});

describe('a subject question cut at "while"', () => {
	it('leaves out the clause "while" opens', () => {
		expect(
			ask(
				'Mr Ivo Brand rejected a move to Leeds after the club accepted an offer while rivals had made bids.',
				'Mr Ivo Brand',
				'person'
			)
		).toBe('Who rejected a move to Leeds after the club accepted an offer?');
	});
});

describe('"while" after speech', () => {
	it('is not cut there, where it may split the reported clause', () => {
		const q = ask(
			'Mr Ivo Brand said evidence found by the inspectors while the plant was shut could be used in court.',
			'Mr Ivo Brand',
			'person'
		);
		expect(q).not.toBe('Who said evidence found by the inspectors?');
	});
});

describe('an answer that ends on an adverb', () => {
	it('is no subject to ask about', () => {
		expect(ask('The visitors almost took the tie to extra time.', 'visitors almost', 'thing')).toBe(
			'phrase-cut-in-half'
		);
	});
});
