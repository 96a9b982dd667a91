/**
 * People offered beside a person: of the key's walk of life where the article says it (players
 * beside a player, never the coach; economists beside an economist, never the president), and
 * never someone named once in passing whose walk the article does not give.
 */
import { describe, expect, it } from 'vitest';
import { expectOffered, type Offered } from './fixtures/options';
import { isChild, keyWalk } from './distractors';
import { namesOutlet, nationAfter, nationOfWord, roleAfter, walkOfRole } from './setting';
import { expectRefused } from './fixtures/read';
import { multipleChoiceBuilder } from './builders/multiple-choice';

/**
 * Each row: an article, the key (its last mention), people that must not be offered beside it and
 * people that must be, with any further check on what the options were read from.
 */
const offers: Offered[] = [
	{
		it: 'offers players, not the coach, beside a player',
		text: [
			'Arsenal boss Arsene Wenger has confirmed that Thierry Henry is ruled out with an Achilles injury.',
			'Winger Robert Pires and striker Dennis Bergkamp are fit, and defender Ashley Cole returns.',
			'Wenger said Cole had trained well and that Jose Antonio Reyes would start on the bench.',
			'Arsene Wenger expects Henry back before the league game at Anfield.'
		],
		last: true,
		key: 'Thierry Henry',
		never: ['Arsene Wenger'],
		size: 3,
		also: ({ doc, a }) =>
			expect(keyWalk(doc, a, doc.entities[a.entity as number])?.walk).toBe('player')
	},
	{
		it: 'offers no head of state beside an economist the sentence names as one',
		text: [
			'President George W Bush welcomed the growth figures on Friday.',
			'"It was a little softer than expected," said Gary Thayer, an economist at AG Edwards.',
			'"It is a good rate," said Robert Brusca, chief economist at Fact and Opinion Economics.',
			'Senator John Kerry said the figures hid weak job creation, and Bush replied on Saturday.',
			'Analyst Sarah Mills said the growth was broad, and analyst Tom Reed agreed with her.'
		],
		last: true,
		key: 'Robert Brusca',
		never: ['George W Bush', 'John Kerry'],
		among: ['Gary Thayer']
	},
	{
		it: 'offers no one named once in passing beside a film-maker',
		text: [
			'Film director Martin Scorsese is the favourite to win this year.',
			'Director Mike Leigh and director Clint Eastwood are also nominated.',
			'One documentary in the running tells the life of Charles Manson.',
			'The jury has praised Martin Scorsese for the pace of his new film.'
		],
		last: true,
		key: 'Martin Scorsese',
		never: ['Charles Manson'],
		among: ['Mike Leigh', 'Clint Eastwood'],
		also: ({ doc }) =>
			expect(doc.entities.some((e) => e.name === 'Charles Manson' && e.kind === 'person')).toBe(
				true
			)
	},
	{
		it: 'offers coaches, not players the article gives no role, beside a coach',
		text: [
			'Spain coach Jordi Arrese said his side were ready for the final against the US.',
			'Juan Carlos Ferrero and Carlos Moya will play the singles for Spain on Friday.',
			'Bob Bryan and Mike Bryan won the doubles for the US, and Ferrero lost to Andy Roddick.',
			'US coach Patrick McEnroe said Moya and Ferrero had been superb all week.',
			'Jordi Arrese praised Moya, and Patrick McEnroe praised Bob Bryan.'
		],
		last: true,
		key: 'Jordi Arrese',
		never: ['Juan Carlos Ferrero', 'Bob Bryan', 'Mike Bryan', 'Carlos Moya']
	},
	{
		it: 'offers nothing with letters in capitals after the first word as a person',
		text: [
			'"It will hold its own," said Gavin Cox of the Sun. Reviewer Nick Ross agreed with Gavin Cox.',
			'The rival PC has a DVD player, Windows XP Home and a 40GB hard drive, said writer Tom Hale.',
			'Gavin Cox and Nick Ross both tested it, and Tom Hale and writer Ann Ruiz did too.'
		],
		last: true,
		key: 'Gavin Cox',
		never: ['Windows XP Home']
	},
	{
		it: 'offers no prison or charity as a person',
		text: [
			'Home Secretary Charles Clarke said the detainees held at Woodhill Prison would be freed.',
			'"The law lords are simply wrong," said Jack Straw, and David Blunkett agreed with Jack Straw.',
			'Charles Clarke met Mr Straw, and the charity Christian Aid wrote to David Blunkett on Monday.',
			'Woodhill Prison said the men were well, and Christian Aid said Charles Clarke should act.'
		],
		last: true,
		key: 'Jack Straw',
		never: ['Woodhill Prison', 'Christian Aid']
	},
	{
		it: 'reads a child from the words after the name',
		text: [
			'Singer Courtney Love has won back custody of Frances Bean, her 12-year-old daughter.',
			'Her lawyer Howard Weitzman said Courtney Love was clean, and judge Rand Rubin agreed.',
			'Kristin King, a fan, said Frances Bean and Courtney Love were happy, and Howard Weitzman smiled.'
		],
		last: true,
		key: 'Frances Bean',
		never: ['Courtney Love'],
		also: ({ doc }) => {
			const fb = doc.entities.find((e) => e.name === 'Frances Bean');
			expect(fb && isChild(doc, fb)).toBe(true);
		}
	},
	{
		it: 'offers Swedes only where the words around the blank call the person a Swede',
		text: [
			'Swedish player Jonas Bjorkman reached the quarter-finals on Tuesday.',
			'US player Andy Roddick and US player Andre Agassi also won, as did US player James Blake.',
			'In the evening Thomas Enqvist, the Swede, beat Mardy Fish in three sets.'
		],
		last: true,
		key: 'Thomas Enqvist',
		never: ['Andy Roddick', 'Andre Agassi']
	},
	{
		it: 'offers no magazine as a person and asks about none as one',
		text: [
			'Director Oliver Stone defended his film. Irish actor Colin Farrell plays the king.',
			'The film was panned by a reviewer in Rolling Stone magazine, and writer Gore Vidal liked it.',
			'Oliver Stone said Colin Farrell was superb, and Gore Vidal agreed with Oliver Stone.',
			'Rolling Stone called the film long.'
		],
		last: true,
		key: 'Colin Farrell',
		never: ['Rolling Stone'],
		also: ({ doc }) => {
			const named = (n: string) => doc.entities.find((e) => e.name === n);
			const rs = named('Rolling Stone');
			const gv = named('Gore Vidal');
			expect(rs && namesOutlet(doc, rs)).toBe(true);
			expect(gv && namesOutlet(doc, gv)).toBe(false);
		}
	},
	{
		it: 'offers no player or coach beside a referee',
		text: [
			'England coach Andy Robinson criticised referee Jonathan Kaplan after the defeat in Cardiff.',
			'Fly-half Charlie Hodgson and centre Jamie Noon both played well, said coach Andy Robinson.',
			'Hodgson missed two kicks and Noon was injured, and Italy coach John Kirwan watched from the stand.',
			'England had two decisions from referee Jonathan Kaplan go against them.'
		],
		last: true,
		key: 'Jonathan Kaplan',
		never: ['Charlie Hodgson', 'Jamie Noon', 'Andy Robinson', 'John Kirwan']
	}
];

describe('people offered beside a person', () => {
	it.each(offers)('$it', expectOffered);
});

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
});

describe('a person question without enough people of the setting', () => {
	it('is no multiple choice, and says why', () => {
		expectRefused({
			text: [
				'Arsenal manager Arsene Wenger said striker Thierry Henry was ruled out with an Achilles injury.',
				'Chelsea manager Jose Mourinho and Everton manager David Moyes both praised Henry this week.',
				'Henry missed the game against Chelsea on Sunday and will also miss the match against Everton.'
			],
			builder: multipleChoiceBuilder,
			answer: 'Thierry Henry',
			reason: 'too-few-of-setting'
		});
	});
});

describe('nationality', () => {
	it('reads "the Swede" as Swedish, and after a blank in apposition', () => {
		expect(nationOfWord('Swede')).toBe('Sweden');
		expect(nationOfWord('Swedish')).toBe('Sweden');
		const t = 'Thomas Johansson, the Swede, beat Andy Roddick.';
		expect(nationAfter(t, { end: t.indexOf(',') })).toBe('Sweden');
	});
});
