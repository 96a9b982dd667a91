import { describe, expect, it } from 'vitest';
import { locate } from './fixtures/locate';
import { peopleHead, whQuestionOrReason, type WhTarget } from './wh';

function askOrWhy(text: string, answer: string, kind: WhTarget['kind']): string {
	const { s, a, b } = locate(text, answer);
	const out = whQuestionOrReason(s, { kind, a, b, items: 1, text: answer }, text, new Set(['the']));
	return 'prompt' in out ? out.prompt : out.reason;
}

describe('time-of-noun: a time that dates a noun, not the main verb', () => {
	it('asks no "when" of a present perfect whose time follows a phrase of its own', () => {
		expect(
			askOrWhy('The town has slowly recovered from a bad flood in 1998.', '1998', 'date')
		).toBe('time-of-noun');
		expect(
			askOrWhy('Nurses have voted to strike over pay for one day on 4 June.', '4 June', 'date')
		).toBe('time-of-noun');
	});
	it('asks no "when" of a time inside a phrase after "following" or "after"', () => {
		expect(
			askOrWhy('The mayor could gain a boost following local polls in May.', 'May', 'date')
		).toBe('time-of-noun');
	});
	it('still asks a time that belongs to the verb', () => {
		expect(
			askOrWhy('The minister has repeatedly denied the claims in March.', 'March', 'date')
		).toBe('When did the minister repeatedly deny the claims?');
		expect(askOrWhy('The Dunmore bakery opened a second shop in May.', 'May', 'date')).toMatch(
			/^When did/
		);
		expect(askOrWhy('The Dunmore bakery has opened a new shop in May.', 'May', 'date')).toBe(
			'When did the Dunmore bakery open a new shop?'
		);
	});
});

describe('people-head: who is asked of people, not of devices', () => {
	it('takes "players" of a device for a thing', () => {
		expect(peopleHead('Portable players')).toBe(false);
		expect(peopleHead('MP3 players')).toBe(false);
		expect(peopleHead('Young players')).toBe(true);
		expect(
			askOrWhy(
				'Digital music players are now the gadget of choice among teenagers.',
				'Digital music players',
				'thing'
			)
		).not.toMatch(/^Who/);
	});
});
