import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { lemma, whQuestion, type WhTarget } from './wh';

function ask(text: string, answer: string, kind: WhTarget['kind'], items = 1): string | undefined {
	const doc = analyze(text);
	const s = doc.sentences[0];
	if (!s) throw new Error('no sentence');
	const start = text.indexOf(answer);
	const a = s.tokens.findIndex((t) => t.start === start);
	const b = s.tokens.findIndex((t) => t.end === start + answer.length) + 1;
	return whQuestion(s, { kind, a, b, items, text: answer }, text, new Set(['the']))?.prompt;
}

describe('lemma', () => {
	it('gives the base form of regular and irregular verbs', () => {
		expect(
			['declared', 'stopped', 'tried', 'agreed', 'called', 'told', 'made', 'says', 'watches'].map(
				lemma
			)
		).toEqual(['declare', 'stop', 'try', 'agree', 'call', 'tell', 'make', 'say', 'watch']);
	});
});

describe('wh-questions', () => {
	it('replaces a subject list with "Which two countries"', () => {
		expect(
			ask(
				'Both Britain and France declared their readiness to deploy troops to Ukraine following a peace agreement, a major new pledge.',
				'Britain and France',
				'place',
				2
			)
		).toBe(
			'Which two countries declared their readiness to deploy troops to Ukraine following a peace agreement?'
		);
	});

	it('moves the auxiliary before the subject for "when"', () => {
		expect(ask('The pledge was made during a summit in Paris on Tuesday.', 'Tuesday', 'date')).toBe(
			'When was the pledge made during a summit in Paris?'
		);
	});

	it('uses "did" and the base form when there is no auxiliary', () => {
		expect(
			ask(
				'In January 2004, Shell told investors that its reserves were smaller.',
				'January 2004',
				'date'
			)
		).toBe('When did Shell tell investors that its reserves were smaller?');
	});

	it('asks "how many" with the counted noun', () => {
		expect(
			ask('Shell restated its reserves four times during 2003.', 'four times', 'quantity')
		).toBe('How many times did Shell restate its reserves during 2003?');
	});

	it('asks "who" for a person subject, past an apposition', () => {
		expect(
			ask('Envoy Witkoff, who led the talks, stated that the deal was close.', 'Witkoff', 'person')
		).toBe('Who stated that the deal was close?');
	});

	it('skips a relative clause between the subject and its verb', () => {
		expect(
			ask(
				'Kestrel Radio, which is owned by Marlow Media, paid fines of $2m in 1995.',
				'1995',
				'date'
			)
		).toBe('When did Kestrel Radio pay fines of $2m?');
	});

	it('refuses when a relative clause owns the answer', () => {
		expect(
			ask('Dana is promoting her book Owls which is released in March.', 'March', 'date')
		).toBeUndefined();
	});

	it('refuses when the answer sits in a reported clause', () => {
		expect(
			ask('Shah warned that costs had risen since January.', 'January', 'date')
		).toBeUndefined();
	});

	it('asks nothing back from speech in the first person', () => {
		expect(
			ask('"We lost the vote in Dunmore last week," Shah said.', 'Dunmore', 'place')
		).toBeUndefined();
	});
});
