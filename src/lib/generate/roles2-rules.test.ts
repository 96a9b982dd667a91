/**
 * Roles for the match and the role question: a whole phrase that names a post, never a piece of a
 * name or of a clause, and no post every player of a side shares. Each rule on a short text written
 * for the test.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { bareRole, matchQuestion, plainRole } from './builders/match';
import { cutRole, roleBuilder } from './builders/role';
import { descriptionRole, timelessRole, verbInRole, wholeRole } from './facts/roles';
import { readForTest } from './fixtures/read';

const roleOf = (doc: ReturnType<typeof analyze>, name: string) =>
	doc.roles.find((r) => doc.entities[r.entity]?.name === name);

/** The roles of the match made of `text`, and the reasons given on the way. */
function matchOf(text: string[]) {
	const { ctx, facts, rejected, build } = readForTest(text);
	const m = matchQuestion(ctx, facts);
	const pairs = m?.q.type === 'match' ? m.q.pairs : [];
	return { pairs, rejected, facts, build };
}

const SIDE = [
	'Kingsford beat Arden 24-10 at the Dell on Saturday.',
	'Arden centre Owen Bartley scored twice in the first half.',
	'Kingsford flanker Tom Parry was sent off after the break.',
	'Former Kingsford coach Ray Doyle watched from the stand.',
	'Kingsford chairman Jim Kerr said the board backed the coach.'
];

describe('roles: a whole phrase', () => {
	it('takes a hyphened word that opens the name into the role (whole role)', () => {
		const text =
			'The party should not attack ex-Downing Street media chief Peter Wallace, an MP has said.';
		const doc = analyze(text);
		const r = roleOf(doc, 'Peter Wallace');
		expect(r).toBeTruthy();
		if (!r) return;
		expect(wholeRole(doc.text, r).role).toBe('ex-Downing Street media chief');
		// Switched off, the role begins on the second word of a name.
		expect(r.role).toBe('Street media chief');
	});
	it('matches the whole role, not its tail', () => {
		const { pairs } = matchOf([
			...SIDE,
			'Arden will not attack ex-Downing Street media chief Peter Wallace, Kerr said.'
		]);
		const roles = pairs.map((p) => p[1]);
		expect(roles).not.toContain('Street media chief');
		expect(roles).toContain('Ex-Downing Street media chief');
	});
});

describe('roles: never from inside a word (cut-role)', () => {
	it('refuses a role read from the middle of a word', () => {
		const t = "Arden's 18-year-old centre Ed Hayes and 4km champion Jo Kerr and R&B star Al Moss.";
		expect(cutRole(t, t.indexOf('old centre'))).toBe(true);
		expect(cutRole(t, t.indexOf('km champion'))).toBe(true);
		expect(cutRole(t, t.indexOf('B star'))).toBe(true);
		expect(cutRole(t, t.indexOf('18-year-old'))).toBe(false);
	});
});

describe('roles: no verb inside (verb-in-role)', () => {
	it('refuses a plain verb after "to" and a subject with its verb', () => {
		const put = 'They combined to put giant prop Ed Hayes over.';
		expect(verbInRole(put, 'put giant prop', put.indexOf('put'))).toBe(true);
		const t = 'Accepting the prize, Leland described director Martin Cole as a genius.';
		expect(verbInRole(t, 'Leland described director', t.indexOf('Leland'))).toBe(true);
		const at = (t: string, r: string) => verbInRole(t, r, t.indexOf(r));
		expect(at('Arden will discipline striker Ed Hayes.', 'discipline striker')).toBe(true);
		expect(at('Other acts include soul singer Ed Hayes.', 'include soul singer')).toBe(true);
		expect(at('He refused to support prime minister Ed Hayes.', 'support prime minister')).toBe(
			true
		);
		expect(
			at('The jokes were meant to motivate the player.', 'were meant to motivate the player')
		).toBe(true);
		expect(at('She met the lead singer Ed Hayes.', 'lead singer')).toBe(false);
		expect(at('Kerr and lead singer Ed Hayes left.', 'lead singer')).toBe(false);
		expect(verbInRole('She spoke to team captain Ed Hayes.', 'team captain', 12)).toBe(false);
		expect(
			verbInRole('Oscar-nominated director Ed Hayes spoke.', 'Oscar-nominated director', 0)
		).toBe(false);
	});
	it('leaves the verb phrase out of the match and the role question', () => {
		const { pairs, rejected } = matchOf([
			...SIDE,
			'Parry and Bartley combined to put giant prop Ed Hayes over the line.'
		]);
		expect(pairs.map((p) => p[1].toLowerCase())).not.toContain('put giant prop');
		expect(rejected.some((r) => r.reason === 'verb-in-role' && r.detail === 'put giant prop')).toBe(
			true
		);
	});
});

describe('roles: the post, not its date (timeless role)', () => {
	it('drops words that say how new a post is', () => {
		expect(timelessRole('Newly-appointed Metropolitan Police commissioner')).toBe(
			'Metropolitan Police commissioner'
		);
		expect(timelessRole('Newly elected Labour MP')).toBe('Labour MP');
		expect(timelessRole('new Arden coach')).toBe('Arden coach');
		expect(timelessRole('New Zealand captain')).toBe('New Zealand captain');
		expect(timelessRole('New Home Secretary', 'New Home Secretary Jo Kerr spoke.')).toBe(
			'Home Secretary'
		);
		expect(timelessRole('New Arden coach', 'They beat New Arden in May.')).toBe('New Arden coach');
		expect(plainRole('Newly-appointed Metropolitan Police commissioner')).toBe(
			'Metropolitan Police commissioner'
		);
	});
	it('asks the role question on the post', () => {
		const { facts, build } = readForTest([
			'Newly-appointed Metropolitan Police commissioner Ian Haldane said the city was safe.',
			'Haldane said crime had fallen, and Home Secretary Anna Kerr agreed.',
			'Mayor Tom Price, Liberal leader Jo Sands and judge Ed Moss attended.'
		]);
		const f = facts.find((x) => x.kind === 'role' && x.entities[0] === 'Ian Haldane');
		expect(f).toBeTruthy();
		if (!f) return;
		const qs = build(roleBuilder, f);
		expect(qs.length).toBe(1);
		expect(qs[0]?.q.prompt).toContain('as the Metropolitan Police commissioner?');
	});
});

describe('roles: a post, not a description (description-role)', () => {
	it('refuses a bare word for a person or a relation to someone unnamed', () => {
		expect(descriptionRole('striker’s partner')).toBe(true);
		expect(descriptionRole('the man')).toBe(true);
		expect(descriptionRole('Three Degrees star')).toBe(false);
		expect(descriptionRole('best actor')).toBe(true);
		expect(descriptionRole('Best actress winner')).toBe(false);
		expect(descriptionRole('Arden’s manager')).toBe(false);
		expect(descriptionRole('government’s communications minister')).toBe(false);
		expect(descriptionRole('his friend')).toBe(true);
	});
});

describe('match: no bare post beside specific ones (bare-role)', () => {
	it('takes a one-word post many share as bare, not a title the text writes capitalised', () => {
		const text =
			'Scrum-half Dai Price and Arden centre Owen Bartley started. Then Chancellor Gordon Brook said so. Then Prince Carl Ward came.';
		const doc = analyze(text);
		const e = (n: string) => doc.entities.find((x) => x.name === n) as (typeof doc.entities)[0];
		expect(bareRole(text, e('Dai Price'), 'Scrum-half')).toBe(true);
		expect(bareRole(text, e('Owen Bartley'), 'Arden centre')).toBe(false);
		expect(bareRole(text, e('Gordon Brook'), 'Chancellor')).toBe(false);
		expect(bareRole(text, e('Carl Ward'), 'Prince')).toBe(false);
		expect(bareRole(text, { ...e('Carl Ward'), name: 'Prince Carl' }, 'Prince')).toBe(true);
		// A heading's last word on the line before is no sentence the title stands inside.
		expect(bareRole('Bridge Opened\nMayor Ana Ruiz spoke.', e('Owen Bartley'), 'Mayor')).toBe(true);
	});
	it('keeps a line-up of bare posts together', () => {
		const { pairs } = matchOf([
			'The Kestrels played their first gig in Leeds on Friday.',
			'Drummer Paul Hardy said the crowd was loud.',
			'Bassist Bob Thomson said the band had rehearsed for weeks.',
			'Guitarist Nick Carty said the next gig would be in York.'
		]);
		expect(pairs.map((p) => p[1])).toEqual(['Drummer', 'Bassist', 'Guitarist']);
	});
	it('matches the specific roles only', () => {
		const { pairs, rejected } = matchOf([
			...SIDE,
			'Scrum-half Dai Price kicked four penalties.',
			'In-form centre Sam Reed was rested.'
		]);
		const people = pairs.map((p) => p[0]);
		expect(people).not.toContain('Dai Price');
		expect(people).not.toContain('Sam Reed');
		expect(people).toContain('Owen Bartley');
		expect(rejected.filter((r) => r.reason === 'bare-role').map((r) => r.detail)).toContain(
			'Scrum-half'
		);
	});
});
