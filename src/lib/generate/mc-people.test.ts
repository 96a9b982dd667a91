/**
 * People offered beside a person: of the key's walk of life where the article says it (players
 * beside a player, never the coach; economists beside an economist, never the president), and
 * never someone named once in passing whose walk the article does not give.
 */
import { describe, expect, it } from 'vitest';
import { optionsFor } from './fixtures/options';
import { analyze } from '../nlp';
import { isChild, keyWalk } from './distractors';
import { namesOutlet, nationAfter, nationOfWord, roleAfter, walkOfRole } from './setting';
import { readForTest } from './fixtures/read';
import { multipleChoiceBuilder } from './builders/multiple-choice';

describe('walks of life', () => {
	it('reads the walk of a role, with the article deciding a manager or a boss', () => {
		expect(walkOfRole('Arsenal winger', false)).toBe('player');
		expect(walkOfRole('Gunners boss', true)).toBe('coach');
		expect(walkOfRole('BT boss', false)).toBe('business');
		expect(walkOfRole('economist at AG Edwards & Sons', false)).toBe('analyst');
		expect(walkOfRole('Tory leader', false)).toBe('politics');
		expect(walkOfRole('spokesman', false)).toBeUndefined();
		const t = 'Growth is good, said Robert Brusca, chief economist at Fact and Opinion Economics.';
		expect(roleAfter(t, { end: t.indexOf(' Brusca') + 7 })).toBe('chief economist');
	});

	it('offers players, not the coach, beside a player', () => {
		const text = [
			'Arsenal boss Arsene Wenger has confirmed that Thierry Henry is ruled out with an Achilles injury.',
			'Winger Robert Pires and striker Dennis Bergkamp are fit, and defender Ashley Cole returns.',
			'Wenger said Cole had trained well and that Jose Antonio Reyes would start on the bench.',
			'Arsene Wenger expects Henry back before the league game at Anfield.'
		].join(' ');
		const { ds, doc, a } = optionsFor(text, 'Thierry Henry', { last: true });
		expect(keyWalk(doc, a, doc.entities[a.entity as number])?.walk).toBe('player');
		expect(ds).toHaveLength(3);
		expect(ds).not.toContain('Arsene Wenger');
	});

	it('offers no head of state beside an economist the sentence names as one', () => {
		const text = [
			'President George W Bush welcomed the growth figures on Friday.',
			'"It was a little softer than expected," said Gary Thayer, an economist at AG Edwards.',
			'"It is a good rate," said Robert Brusca, chief economist at Fact and Opinion Economics.',
			'Senator John Kerry said the figures hid weak job creation, and Bush replied on Saturday.',
			'Analyst Sarah Mills said the growth was broad, and analyst Tom Reed agreed with her.'
		].join(' ');
		const { ds } = optionsFor(text, 'Robert Brusca', { last: true });
		expect(ds).not.toContain('George W Bush');
		expect(ds).not.toContain('John Kerry');
		expect(ds).toContain('Gary Thayer');
	});

	it('offers no one named once in passing beside a film-maker', () => {
		const text = [
			'Film director Martin Scorsese is the favourite to win this year.',
			'Director Mike Leigh and director Clint Eastwood are also nominated.',
			'One documentary in the running tells the life of Charles Manson.',
			'The jury has praised Martin Scorsese for the pace of his new film.'
		].join(' ');
		const { ds, doc } = optionsFor(text, 'Martin Scorsese', { last: true });
		expect(doc.entities.some((e) => e.name === 'Charles Manson' && e.kind === 'person')).toBe(true);
		expect(ds).toEqual(expect.arrayContaining(['Mike Leigh', 'Clint Eastwood']));
		expect(ds).not.toContain('Charles Manson');
	});
});

describe('a person question without enough people of the setting', () => {
	it('is no multiple choice, and says why', () => {
		const text = [
			'Arsenal manager Arsene Wenger said striker Thierry Henry was ruled out with an Achilles injury.',
			'Chelsea manager Jose Mourinho and Everton manager David Moyes both praised Henry this week.',
			'Henry missed the game against Chelsea on Sunday and will also miss the match against Everton.'
		].join(' ');
		const { rejected, sureFact, build } = readForTest(text);
		const f = sureFact('Thierry Henry');
		expect(build(multipleChoiceBuilder, f)).toEqual([]);
		expect(rejected.some((r) => r.reason === 'too-few-of-setting')).toBe(true);
	});
});

describe('the setting of a sports report', () => {
	it('offers coaches, not players the article gives no role, beside a coach', () => {
		const text = [
			'Spain coach Jordi Arrese said his side were ready for the final against the US.',
			'Juan Carlos Ferrero and Carlos Moya will play the singles for Spain on Friday.',
			'Bob Bryan and Mike Bryan won the doubles for the US, and Ferrero lost to Andy Roddick.',
			'US coach Patrick McEnroe said Moya and Ferrero had been superb all week.',
			'Jordi Arrese praised Moya, and Patrick McEnroe praised Bob Bryan.'
		].join(' ');
		const { ds } = optionsFor(text, 'Jordi Arrese', { last: true });
		for (const p of ['Juan Carlos Ferrero', 'Bob Bryan', 'Mike Bryan', 'Carlos Moya'])
			expect(ds).not.toContain(p);
	});

	it('offers nothing with letters in capitals after the first word as a person', () => {
		const text = [
			'"It will hold its own," said Gavin Cox of the Sun. Reviewer Nick Ross agreed with Gavin Cox.',
			'The rival PC has a DVD player, Windows XP Home and a 40GB hard drive, said writer Tom Hale.',
			'Gavin Cox and Nick Ross both tested it, and Tom Hale and writer Ann Ruiz did too.'
		].join(' ');
		const { ds } = optionsFor(text, 'Gavin Cox', { last: true });
		expect(ds).not.toContain('Windows XP Home');
	});
});

describe('names that are no person', () => {
	it('offers no prison or charity as a person', () => {
		const text = [
			'Home Secretary Charles Clarke said the detainees held at Woodhill Prison would be freed.',
			'"The law lords are simply wrong," said Jack Straw, and David Blunkett agreed with Jack Straw.',
			'Charles Clarke met Mr Straw, and the charity Christian Aid wrote to David Blunkett on Monday.',
			'Woodhill Prison said the men were well, and Christian Aid said Charles Clarke should act.'
		].join(' ');
		const { ds } = optionsFor(text, 'Jack Straw', { last: true });
		expect(ds).not.toContain('Woodhill Prison');
		expect(ds).not.toContain('Christian Aid');
	});
});

describe('a child among children', () => {
	it('reads a child from the words after the name', () => {
		const text = [
			'Singer Courtney Love has won back custody of Frances Bean, her 12-year-old daughter.',
			'Her lawyer Howard Weitzman said Courtney Love was clean, and judge Rand Rubin agreed.',
			'Kristin King, a fan, said Frances Bean and Courtney Love were happy, and Howard Weitzman smiled.'
		].join(' ');
		const doc = analyze(text);
		const fb = doc.entities.find((e) => e.name === 'Frances Bean');
		expect(fb && isChild(doc, fb)).toBe(true);
		const { ds } = optionsFor(text, 'Frances Bean', { last: true });
		expect(ds).not.toContain('Courtney Love');
	});
});

describe('nationality and outlets', () => {
	it('reads "the Swede" as Swedish, and after a blank in apposition', () => {
		expect(nationOfWord('Swede')).toBe('Sweden');
		expect(nationOfWord('Swedish')).toBe('Sweden');
		const t = 'Thomas Johansson, the Swede, beat Andy Roddick.';
		expect(nationAfter(t, { end: t.indexOf(',') })).toBe('Sweden');
	});

	it('offers Swedes only where the words around the blank call the person a Swede', () => {
		const text = [
			'Swedish player Jonas Bjorkman reached the quarter-finals on Tuesday.',
			'US player Andy Roddick and US player Andre Agassi also won, as did US player James Blake.',
			'In the evening Thomas Enqvist, the Swede, beat Mardy Fish in three sets.'
		].join(' ');
		const { ds } = optionsFor(text, 'Thomas Enqvist', { last: true });
		expect(ds).not.toContain('Andy Roddick');
		expect(ds).not.toContain('Andre Agassi');
	});

	it('offers no magazine as a person and asks about none as one', () => {
		const text = [
			'Director Oliver Stone defended his film. Irish actor Colin Farrell plays the king.',
			'The film was panned by a reviewer in Rolling Stone magazine, and writer Gore Vidal liked it.',
			'Oliver Stone said Colin Farrell was superb, and Gore Vidal agreed with Oliver Stone.',
			'Rolling Stone called the film long.'
		].join(' ');
		const { ds, doc } = optionsFor(text, 'Colin Farrell', { last: true });
		expect(ds).not.toContain('Rolling Stone');
		const named = (n: string) => doc.entities.find((e) => e.name === n);
		const rs = named('Rolling Stone');
		const gv = named('Gore Vidal');
		expect(rs && namesOutlet(doc, rs)).toBe(true);
		expect(gv && namesOutlet(doc, gv)).toBe(false);
	});
});

describe('the word before the blank', () => {
	it('offers no player or coach beside a referee', () => {
		const text = [
			'England coach Andy Robinson criticised referee Jonathan Kaplan after the defeat in Cardiff.',
			'Fly-half Charlie Hodgson and centre Jamie Noon both played well, said coach Andy Robinson.',
			'Hodgson missed two kicks and Noon was injured, and Italy coach John Kirwan watched from the stand.',
			'England had two decisions from referee Jonathan Kaplan go against them.'
		].join(' ');
		const { ds } = optionsFor(text, 'Jonathan Kaplan', { last: true });
		for (const p of ['Charlie Hodgson', 'Jamie Noon', 'Andy Robinson', 'John Kirwan'])
			expect(ds).not.toContain(p);
	});
});
