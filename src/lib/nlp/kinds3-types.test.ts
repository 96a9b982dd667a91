import { describe, expect, it } from 'vitest';
import { analyze } from './index';

const entity = (text: string, name: string) => analyze(text).entities.find((e) => e.name === name);
const kindOf = (text: string, name: string) => entity(text, name)?.kind;

describe('a person the text shows by the words around the name', () => {
	it('reads a noun only a person is, right before the name or set off before it', () => {
		expect(kindOf('Later schoolboy Tavish Orrin scored twice.', 'Tavish Orrin')).toBe('person');
		expect(kindOf('The woman, Ysolde Marchetti, said it was over.', 'Ysolde Marchetti')).toBe(
			'person'
		);
		// "what a great man X was" and "the billionaire X owner" use the noun otherwise.
		expect(kindOf('Ann Lee said what a great man Corlan was.', 'Corlan')).not.toBe('person');
		expect(kindOf('It came from the billionaire Zentor owner.', 'Zentor')).not.toBe('person');
	});

	it('reads an age after a full name', () => {
		expect(kindOf('The case of Tavish Orrin (34) was heard.', 'Tavish Orrin')).toBe('person');
	});

	it("reads a country's possessive before a full name in a race or a match of sets", () => {
		expect(
			kindOf("Ann Lee won the race ahead of Spain's Ysolde Marchetti.", 'Ysolde Marchetti')
		).toBe('person');
		expect(kindOf("Ann Lee beat Chile's Tavish Orrin 7-5 6-4.", 'Tavish Orrin')).toBe('person');
		// A club: one score between sides.
		expect(kindOf("Hearts won 3-2 over Chile's Cobreloa Vantes.", 'Cobreloa Vantes')).not.toBe(
			'person'
		);
	});

	it('does not make a firm of an analyst "with research firm X"', () => {
		const text = 'It is fine, said Ulric Vanterpool, an analyst with research firm Kestrada.';
		expect(kindOf(text, 'Ulric Vanterpool')).toBe('person');
	});

	it('does not make a party of "X, the party\'s spokesman"', () => {
		const text = "Ulric Vanterpool, the party's health spokesman, said the plan was wrong.";
		expect(kindOf(text, 'Ulric Vanterpool')).toBe('person');
		expect(kindOf('Ulric Respa, the party of the left, won seats.', 'Ulric Respa')).toBe(
			'organisation'
		);
	});

	it('gives no role from a list of others ("its boss and another executive")', () => {
		const text = 'The regulator sued Quorvant Halden, its boss and another top executive.';
		expect(kindOf(text, 'Quorvant Halden')).not.toBe('person');
		const two = 'Ysolde Marchetti, a Labour peer and a human rights lawyer, said it was wrong.';
		expect(entity(two, 'Ysolde Marchetti')?.role).toContain('human rights lawyer');
	});
});

describe('a body the text shows by the words around the name', () => {
	it('reads "media giant X", "auditors X" and "research consultancy X"', () => {
		expect(kindOf('It sued media giant Quorvant Halden last week.', 'Quorvant Halden')).toBe(
			'organisation'
		);
		const audit = entity('UBS has gone after auditors Brack Halloway.', 'Brack Halloway');
		expect(audit?.kind).toBe('organisation');
		expect(audit?.orgType).toBe('company');
		expect(kindOf('A study by research consultancy Brellin found it.', 'Brellin')).toBe(
			'organisation'
		);
		// "the KLM consultancy X": the consultancy has its name already.
		expect(
			kindOf('The founder of the KLM consultancy Ysolde Marchetti agreed.', 'Ysolde Marchetti')
		).not.toBe('organisation');
	});

	it('reads "X boosted its profits" as a business', () => {
		const text = 'Dravelle said the year was good. In Asia, Dravelle boosted its profits by 40%.';
		expect(kindOf(text, 'Dravelle')).toBe('organisation');
	});

	it('reads a side by an age group, a post in a squad or a move between clubs', () => {
		const u21 = entity('He played in a Corvinia Under-21 match.', 'Corvinia Under-21');
		expect(u21?.kind).toBe('organisation');
		expect(u21?.orgType).toBe('team');
		expect(entity('Later Vellmar midfielder Tavish Orrin scored.', 'Vellmar')?.orgType).toBe(
			'team'
		);
		expect(kindOf('He was managed by Ruiz at Rovigo for years.', 'Rovigo')).toBe('organisation');
		expect(entity('He spent a year on loan from Rovigo.', 'Rovigo')?.orgType).toBe('team');
	});

	it('takes no name from letters glued to a figure ("3GSM")', () => {
		expect(kindOf('At 3GSM, Siemens showed off a system.', 'GSM')).toBeUndefined();
	});
});
