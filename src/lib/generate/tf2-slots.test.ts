import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { qualifiesName, slotMisfit, titleWords } from './builders/true-false';
import { sameSpelt, speakerChoices, speaksInArticle } from './builders/quote';
import { spanOf } from './fixtures/locate';

/** The key `key` of `text` with its kind, where the text first writes it. */
function keyOf(text: string, key: string, kind: string, from = 0) {
	const start = text.indexOf(key, from);
	return { text: key, kind, span: { start, end: start + key.length } };
}

describe('rule bound-title: a person under a title takes only someone who holds it', () => {
	const text =
		'Members may not use phones in the chamber, Speaker Ann Lee has ruled. Tom Reid, the party leader, said the rule was old. Later Speaker Rob Moor agreed with the ruling of the chair.';
	const doc = analyze(text);
	it('reads the title right before the name', () => {
		expect(titleWords(doc, text.indexOf('Ann Lee'))).toEqual(['speaker']);
		expect(titleWords(doc, text.indexOf('Tom Reid'))).toEqual([]);
		// A word capitalised only for opening the sentence binds nothing.
		const t = 'Yesterday Tom Reid left Kelso for Dunmore after ten years at the club.';
		expect(titleWords(analyze(t), t.indexOf('Tom Reid'))).toEqual([]);
	});
	it('turns away a person the article never gives the title', () => {
		const key = keyOf(text, 'Ann Lee', 'person');
		expect(slotMisfit(doc, key, 'Tom Reid', true)).toBe('bound-title');
		expect(slotMisfit(doc, key, 'Rob Moor', true)).toBeNull();
	});
	it('keeps a side word with the role: "Kelso number eight"', () => {
		const t =
			'Kelso number eight Tom Reid says the squad is ready for the final. Dunmore number eight Ian Bell is out injured, and Kelso centre Ana Ruiz scored twice.';
		const d = analyze(t);
		const key = keyOf(t, 'Tom Reid', 'person');
		expect(titleWords(d, key.span.start)).toEqual(['kelso', 'number', 'eight']);
		expect(slotMisfit(d, key, 'Ian Bell', true)).toBe('bound-title');
		expect(slotMisfit(d, key, 'Ana Ruiz', true)).toBe('bound-title');
	});
});

describe('rule same-person: the key under another name is no wrong value', () => {
	it('turns away a name that shares the surname', () => {
		const text =
			'Betty Moor has said the council needs its own chair. Baroness Moor spoke in Kelso.';
		const doc = analyze(text);
		expect(slotMisfit(doc, keyOf(text, 'Betty Moor', 'person'), 'Baroness Moor', true)).toBe(
			'same-person'
		);
	});
});

describe('rule possessive-slot: a name after an owner takes only what that owner has', () => {
	it('turns away a body the owner does not have', () => {
		const text =
			"Ann Lee, founder of Kelso's Media Lab, is building a cheap laptop. Nokia may make the screens. Kelso's Design School helps.";
		const doc = analyze(text);
		const key = keyOf(text, 'Media Lab', 'organisation');
		expect(slotMisfit(doc, key, 'Nokia', true)).toBe('possessive-slot');
		expect(slotMisfit(doc, key, 'Design School', true)).toBeNull();
	});
});

describe('rule other-measure and implausible-figure: figures of the same measure only', () => {
	const text =
		'Tom Reid set his 100m best of 10.04secs in Kelso in 1998. He ran 20.13secs in the heats of the 200m in Dunmore. The 2.5 billion people who farm face hunger.';
	const doc = analyze(text);
	it('turns away a figure the article gives for another event', () => {
		const key = keyOf(text, '20.13secs', 'quantity');
		expect(slotMisfit(doc, key, '10.04secs', true)).toBe('other-measure');
	});
	it('turns away a made-up figure far from the key or with a bare nought decimal', () => {
		const key = keyOf(text, '2.5 billion', 'quantity');
		expect(slotMisfit(doc, key, '4.0 billion', false)).toBe('implausible-figure');
		expect(slotMisfit(doc, key, '3.0 billion', false)).toBe('implausible-figure');
		expect(slotMisfit(doc, key, '3.2 billion', false)).toBeNull();
		const race = keyOf(text, '200m', 'number');
		expect(slotMisfit(doc, race, '160m', false)).toBe('implausible-figure');
		const t = 'Tom Reid enjoyed a double 60m success in Kelso on his return from injury.';
		expect(slotMisfit(analyze(t), keyOf(t, '60m success', 'quantity'), '40m success', false)).toBe(
			'implausible-figure'
		);
	});
	it('never changes the length of a list', () => {
		const t = 'The only other new entry in the top 10 was Blue Sky, at number eight.';
		expect(slotMisfit(analyze(t), keyOf(t, '10', 'number'), '12', true)).toBe('trivial-detail');
	});
	it('puts no year of the future in a statement of the past', () => {
		const t =
			'In 1995 Ann Lee published the book Blue Sky. She plans to sell the laptops by the end of 2006.';
		const d = analyze(t);
		const key = keyOf(t, '1995', 'date');
		expect(slotMisfit(d, key, '2006', true, `In \uE000 Ann Lee published the book Blue Sky.`)).toBe(
			'implausible-figure'
		);
		expect(
			slotMisfit(d, key, '1993', true, `In \uE000 Ann Lee published the book Blue Sky.`)
		).toBeNull();
	});
});

describe('rule modifier-swap: a body that only says whose another name is', () => {
	it('sees "Kelso TV comedy Tall Tales" and "Kelso number eight Tom Reid"', () => {
		const text =
			'Kelso TV comedy Tall Tales was remade with a US cast. Kelso number eight Tom Reid says the side is ready. France beat Italy in Rome.';
		const doc = analyze(text);
		expect(qualifiesName(doc, spanOf(text, 'Kelso TV'), 'organisation')).toBe(true);
		const at = text.indexOf('Kelso number');
		expect(qualifiesName(doc, { start: at, end: at + 5 }, 'place')).toBe(true);
		expect(qualifiesName(doc, spanOf(text, 'France'), 'place')).toBe(false);
	});
});

describe('rule speaker-choices: speakers first', () => {
	it('offers people who speak in the article before people it only names', () => {
		const text =
			'"We will win the cup," said Tom Reid. Mary Cole said the team had trained hard. Rob Moor told reporters the pitch was poor. Jane Hart said the fans were loud. The referee was Ian Bell, who sent off two players. Ian Bell had a busy game in Kelso.';
		const doc = analyze(text);
		expect(speaksInArticle(doc, 'Mary Cole')).toBe(true);
		expect(speaksInArticle(doc, 'Ian Bell')).toBe(false);
		const ds = speakerChoices(doc, 'person', new Set(), [
			'Ian Bell',
			'Mary Cole',
			'Rob Moor',
			'Jane Hart'
		]);
		expect(ds).toEqual(['Mary Cole', 'Rob Moor', 'Jane Hart']);
	});
	it('offers no speaker spelt another way', () => {
		expect(sameSpelt('Ian McDonald', 'Ian MacDonald QC')).toBe(true);
		expect(sameSpelt('Ian Bell', 'Ian Bull')).toBe(false);
		expect(sameSpelt('Tom Reid', 'Tom Reed')).toBe(false);
		const text =
			'"We will win," said Ian MacDonald QC. Ian McDonald said the case was weak. Rob Moor said the court was full. Jane Hart said the rules were old. Mary Cole told reporters it was late.';
		const doc = analyze(text);
		const ds = speakerChoices(
			doc,
			'person',
			new Set(),
			['Ian McDonald', 'Rob Moor', 'Jane Hart', 'Mary Cole'],
			'Ian MacDonald QC'
		);
		expect(ds).toEqual(['Rob Moor', 'Jane Hart', 'Mary Cole']);
	});
});
