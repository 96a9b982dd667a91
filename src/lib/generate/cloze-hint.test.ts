import { describe, expect, it } from 'vitest';
import { readForTest } from './fixtures/read';
import { clozeHint } from './builders/cloze';
import type { FactX } from './facts';
import { generateDeck } from './index';
import { toMarkdown } from '../../cli/markdown';
import { isLinked } from '../decks/link';
import type { Question } from './types';

/** The hint of the fact answered by `answer`, read as `kind` when given. */
function hintOf(text: string, answer: string, kind?: string): string {
	const { doc, facts } = readForTest(text);
	const f = facts.find((x) => x.answer?.text === answer) as FactX;
	expect(f, `a fact answered by ${answer}`).toBeTruthy();
	const g = kind ? { ...f, answer: { ...f.answer!, kind: kind as never } } : f;
	return clozeHint(doc, g);
}

describe('rule sure-hint: a hint only when the kind is sure', () => {
	it('never calls a body after "rival" a person', () => {
		const text =
			'Dunmore Air has ordered ten jets. The carrier joins its Japanese rival Kestrel Wings as one of the first to order the plane. Kestrel Wings ordered five.';
		expect(hintOf(text, 'Kestrel Wings', 'thing')).toBe('');
		expect(hintOf(text, 'Kestrel Wings', 'person')).toBe('');
	});

	it('says "a company" when the sentence calls the name a firm', () => {
		const text =
			'The deal was struck with the engineering firm Harlow Dynamics on Monday. Shares rose 4%.';
		expect(hintOf(text, 'Harlow Dynamics', 'organisation')).toBe('a company');
	});

	it('says "a film" where the article calls the title a film', () => {
		const text =
			'Mara Quinn won best actress for her role in The Lantern Keeper. The film The Lantern Keeper opened in March.';
		expect(hintOf(text, 'The Lantern Keeper', 'thing')).toBe('a film');
	});

	it('says "a political party" for a party, not "an organisation"', () => {
		const text =
			'The minister said the Tories had voted against the plan. Labour backed it on Tuesday.';
		expect(hintOf(text, 'Tories', 'organisation')).toBe('a political party');
	});

	it('calls a city in a sports report a club after "beat", and gives no place hint otherwise', () => {
		const text =
			'Madrid beat Valencia 2-0 in the league on Sunday. The manager praised his striker after the match. "It was expected of Madrid to win," the coach said of the season.';
		expect(hintOf(text, 'Valencia', 'place')).toBe('a club');
		expect(hintOf(text, 'Valencia', 'place')).not.toBe('a place');
	});

	it('says "a city" for a known city after "in" in a news report', () => {
		const text = 'The summit was held in Madrid on Friday. Ministers from ten countries attended.';
		expect(hintOf(text, 'Madrid', 'place')).toBe('a city');
	});

	it('calls a region "a place", never "a city"', () => {
		const text =
			'The aid will not be taken from Africa, the minister said. Ministers met on Friday.';
		expect(hintOf(text, 'Africa', 'place')).toBe('a place');
	});

	it('never calls a player beaten in a sports report a club', () => {
		const text =
			'Ljubicic, who beat Tim Henman in the last eight, won the final. The coach praised his season, and the league title race goes on after the match.';
		expect(hintOf(text, 'Tim Henman')).not.toBe('a club');
	});

	it('never calls a tennis player beaten a club, nor a city that acts a city', () => {
		const text =
			'Spain lead 1-0 after Carlos Moya beat Mardy Fish in the opening match. The coach praised the squad before the league season.';
		expect(hintOf(text, 'Mardy Fish', 'thing')).toBe('');
		const news =
			'A decision on whether to allow Madrid to legislate on casinos is due. Ministers met in Madrid on Friday.';
		expect(hintOf(news, 'Madrid', 'place')).toBe('');
	});

	it('gives no company hint for a lobby group', () => {
		const text = 'Costs are rising, business lobby group Velcor said on Monday. Output rose 2%.';
		expect(hintOf(text, 'Velcor', 'organisation')).toBe('');
	});

	it('calls a body "a political party" only when its name says so', () => {
		const text =
			'The party chairman urged the men to step down from the GLA in a letter. The party met on Friday.';
		expect(hintOf(text, 'GLA', 'organisation')).not.toBe('a political party');
	});

	it('gives no company hint for a product named with a weak word', () => {
		const text =
			'A patch fixes a hole in Media Player, which an attacker could use. Users were told to update.';
		expect(hintOf(text, 'Media Player', 'organisation')).toBe('');
	});

	it('gives no hint for an unknown name of unsure kind', () => {
		const text = 'The plan was drawn up by Velmora last spring. Velmora said it would cost little.';
		expect(hintOf(text, 'Velmora', 'thing')).toBe('');
	});

	it('says "a year" for a year', () => {
		const text = 'The bridge was opened in 1998 by the council. It cost £45m to build.';
		expect(hintOf(text, '1998')).toBe('a year');
	});
});

describe('an empty hint shows nothing', () => {
	const q: Question = {
		id: 'q1',
		factId: 'f1',
		evidence: { start: 0, end: 10 },
		type: 'cloze',
		prompt: 'The plan was drawn up by _____ last spring.',
		answer: 'Velmora',
		kind: 'thing',
		hint: '',
		score: 0.5
	};

	it('links a card whose front is the bare prompt', () => {
		expect(isLinked({ factId: 'f1', front: q.prompt }, q)).toBe(true);
		expect(
			isLinked({ factId: 'f1', front: `${q.prompt} (a city)` }, { ...q, hint: 'a city' })
		).toBe(true);
	});

	it('writes no hint line in markdown', () => {
		const deck = generateDeck(
			'The plan was drawn up by Velmora last spring. Velmora said it would cost £4m.'
		);
		const withEmpty = { ...deck, questions: [q] };
		const md = toMarkdown(withEmpty, 'The plan was drawn up by Velmora last spring.');
		expect(md).not.toMatch(/hint:/);
		expect(toMarkdown({ ...deck, questions: [{ ...q, hint: 'a city' }] }, '')).toMatch(
			/hint: a city/
		);
	});

	it('puts no empty brackets on a card front', () => {
		const deck = generateDeck(
			'The plan was drawn up by Velmora last spring. Velmora said it would cost £4m. Analysts at Velmora expect 300 jobs.'
		);
		for (const c of deck.cards) expect(c.front).not.toMatch(/\(\s*\)$/);
	});
});
