import { describe, expect, it } from 'vitest';
import { findReferences } from './coref';
import { analyze } from './index';

const speakerOf = (text: string, quote: string) => {
	const doc = analyze(text);
	const q = doc.quotes.find((x) => x.text.includes(quote));
	return q && q.speaker >= 0 ? doc.entities[q.speaker]?.name : undefined;
};

describe('a pronoun after a sentence naming several people', () => {
	const lead = 'Tory leader Michael Howard spoke first. Prime Minister Tony Blair replied later. ';
	it('is the one a speech verb belongs to ("argued Mr Howard")', () => {
		const text = `${lead}It was no good Mr Blair blaming the council, argued Mr Howard. Turning to schools, he added: "Every parent knows the truth about this."`;
		expect(speakerOf(text, 'Every parent')).toBe('Michael Howard');
	});
	it('is the one who speaks before the verb ("Mr Blair said")', () => {
		const text = `${lead}Mr Blair said Mr Howard was wrong about the council. Turning to schools, he added: "Every parent knows the truth about this."`;
		expect(speakerOf(text, 'Every parent')).toBe('Tony Blair');
	});
	it('is nobody when neither speaks nor opens the sentence', () => {
		const text = `${lead}It was no good Mr Blair blaming Mr Howard for the council. Turning to schools, he added: "Every parent knows the truth about this."`;
		expect(speakerOf(text, 'Every parent')).toBeUndefined();
	});
	it('is the one the sentence opens on, whoever its clause names before the verb', () => {
		const text = `${lead}Lawyer Ann Ray, who acts for Mr Blair and Mr Howard, said the town had waited. She said: "Every parent knows the truth about this."`;
		expect(speakerOf(text, 'Every parent')).toBe('Ann Ray');
	});
	it('is the one before a speech verb when the sentence opens on others', () => {
		const text = `${lead}Others named include Mr Blair and Ann Ray, party chief Tom Cole said. He said: "Every parent knows the truth about this."`;
		expect(speakerOf(text, 'Every parent')).toBe('Tom Cole');
	});
	it('keeps the speaker who acts again with an adverb before the verb', () => {
		const text = `${lead}Mr Howard said: "The council has failed the town." Mr Blair instead praised the new schools. "Every parent knows the truth about this," he said.`;
		expect(speakerOf(text, 'Every parent')).toBe('Tony Blair');
	});
});

describe('a news agency', () => {
	it('told the story is an organisation, never the "he" of the next sentence', () => {
		const doc = analyze(
			'The bank has withdrawn its funds from the fund. The first sum was small, the bank told Reuters. However, the move did not mean it had cut its ties, he added.'
		);
		const reuters = doc.entities.find((e) => e.name === 'Reuters');
		expect(reuters?.kind).toBe('organisation');
		expect(findReferences(doc).some((r) => r.replacement === 'Reuters')).toBe(false);
	});
	it('a lone name told something is no person by that alone', () => {
		const doc = analyze('The minister told Newsround the plan was dead. Ministers met on Monday.');
		expect(doc.entities.find((e) => e.name === 'Newsround')?.kind).not.toBe('person');
	});
});

describe('"the club"', () => {
	it('never stands for a competition', () => {
		const doc = analyze(
			'Striker Tom Reid wants to leave the Rovers in search of Champions League football. Reid, 25, fears his career will stall if he stays at the club.'
		);
		expect(findReferences(doc).some((r) => r.replacement === 'Champions League')).toBe(false);
	});
});
