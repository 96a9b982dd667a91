/**
 * Cloze rules for blanks that general knowledge or the sentence's own frame fills: an example after
 * "such as", a leader after a bare office, the article's own country, a league after "place in
 * the", a year fixed by its event, the outlet that reported the story, a side detail's name, and a
 * count the names of its clause give away.
 */
import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import type { FactX } from './facts';
import {
	bareLeader,
	countListed,
	eventYear,
	exampleBlank,
	homeCountry,
	leaguePlace,
	namesEnding,
	newsSource,
	sideName,
	triviaBlank
} from './builders/cloze';

/** A few sentences of padding so the text reads as an article, not a single paragraph. */
const PAD = [
	'The plan was first put forward in the spring.',
	'Critics said the cost had not been set out.',
	'A vote is expected before the summer.',
	'Officials declined to give further details.'
].join(' ');

type Rule = (doc: ReturnType<typeof readForTest>['doc'], f: FactX) => boolean;

/** Each rule on a sentence it refuses (true) and one it keeps (false). */
const CASES: [string, Rule, string, string, boolean][] = [
	[
		'example-of',
		exampleBlank,
		'Money saved would go to services like the Halvane Trust and schools.',
		'Halvane Trust',
		true
	],
	[
		'example-of',
		exampleBlank,
		'Search firms such as Zorbly are building new photo tools.',
		'Zorbly',
		true
	],
	[
		'example-of',
		exampleBlank,
		'The new photo tools were built by Zorbly in Oslo.',
		'Zorbly',
		false
	],
	[
		'example-of',
		exampleBlank,
		'The new phone looks like the Zorbly Nine, critics said.',
		'Zorbly Nine',
		false
	],
	[
		'bare-leader',
		bareLeader,
		'President Tomas Verlaine signed the budget bill on Monday.',
		'Tomas Verlaine',
		true
	],
	[
		'bare-leader',
		bareLeader,
		'The plan was backed by Chancellor Edith Marlow and the unions.',
		'Edith Marlow',
		true
	],
	[
		'bare-leader',
		bareLeader,
		"The club's President Tomas Verlaine signed the deal on Monday.",
		'Tomas Verlaine',
		false
	],
	[
		'bare-leader',
		bareLeader,
		'The old government, led by ex-President Tomas Verlaine, was accused of fraud.',
		'Tomas Verlaine',
		false
	],
	[
		'league-place',
		leaguePlace,
		'Dorset Rovers are lying in second place in the Premiership after beating Leeds.',
		'Premiership',
		true
	],
	[
		'league-place',
		leaguePlace,
		'Dorset Rovers won the Premiership in 1998 after beating Leeds.',
		'Premiership',
		false
	],
	[
		'event-year',
		eventYear,
		'The band played a special show to mark the arrival of the millennium in 1999.',
		'1999',
		true
	],
	[
		'event-year',
		eventYear,
		'The band played a special show to mark its tenth album in 1999.',
		'1999',
		false
	],
	[
		'news-source',
		newsSource,
		'The deal was delayed by the regulators, according to the Daily Herald.',
		'Daily Herald',
		true
	],
	[
		'news-source',
		newsSource,
		'Tom Reyes, speaking exclusively to Radio Nine, admitted the club could sell him.',
		'Radio Nine',
		true
	],
	// An outlet that acts in the story is no source: "the broadcaster has said".
	[
		'news-source',
		newsSource,
		'The quiz show will not return next year, Radio Nine has said.',
		'Radio Nine',
		false
	],
	[
		'side-name',
		sideName,
		'A man fitting his description was seen in a bar called Lanterns in the port town.',
		'Lanterns',
		true
	],
	[
		'side-name',
		sideName,
		'A man fitting his description was seen in Lanterns in the port.',
		'Lanterns',
		false
	],
	[
		'count-listed',
		countListed,
		'The firm owns four mills in Norland, in the towns of Arvik, Belmo, Dunn and Corra.',
		'four mills',
		true
	],
	[
		'count-listed',
		countListed,
		'The firm owns six mills in Norland, in the towns of Arvik, Belmo, Dunn and Corra.',
		'six mills',
		false
	]
];

describe('rules that find a blank general knowledge or its own sentence fills', () => {
	it.each(CASES)('rule %s, case %#', (_rule, fn, text, answer, refused) => {
		const { doc, sureFact } = readForTest(text);
		expect(fn(doc, sureFact(answer))).toBe(refused);
	});
});

describe("rule home-country: the article's own country with no other in the sentence", () => {
	const home = [
		'Britain has the lowest jobless rate for a decade, the minister said.',
		'Shops across Britain reported strong sales in December.',
		'Exports to France rose by 4%.',
		PAD
	].join(' ');

	it('refuses the country the article names most', () => {
		const { doc, sureFact } = readForTest(home);
		expect(homeCountry(doc, sureFact('Britain'))).toBe(true);
	});

	it('keeps another country, and the home country beside another', () => {
		const { doc, sureFact } = readForTest(home);
		expect(homeCountry(doc, sureFact('France'))).toBe(false);
		const two = readForTest(
			[
				'Britain and Spain signed the fishing deal on Monday.',
				'Britain has fished the waters for centuries.',
				PAD
			].join(' ')
		);
		const f = two.facts.find((x) => x.answer?.text === 'Britain' && x.sentence === 0);
		expect(f).toBeTruthy();
		expect(homeCountry(two.doc, f as FactX)).toBe(false);
	});
});

describe('rule count-listed, names: the names ending the clause count the same things', () => {
	it('counts the names a clause ends on', () => {
		expect(namesEnding(' mills in Norland, in the towns of Arvik, Belmo and Corra.')).toBe(3);
		expect(namesEnding(' boys will share the role, which needs them to sing, dance and act.')).toBe(
			0
		);
	});
});

describe('the builder keeps a guessed blank only as a filler, naming the rule', () => {
	it('names the rule and marks the cloze a filler in an article', () => {
		// Two paragraphs: an article, not a single paragraph read whole.
		const text = [
			'Search firms such as Zorbly are building new photo tools for home users.',
			PAD,
			'\n\nZorbly was founded in Oslo in 1999.'
		].join(' ');
		const { doc, cloze, rejected, sureFact } = readForTest(text);
		expect(triviaBlank(doc, sureFact('Zorbly'))?.rule).toBe('example-of');
		const built = cloze('Zorbly');
		expect(built[0]?.fallback).toBe(true);
		expect(rejected.some((r) => r.detail === 'Zorbly (example-of)')).toBe(true);
	});
});
