/**
 * Openers that are no names, numbers that are part of a name, holidays as answers, ages kept human,
 * medal distances and quote options of the speaker's kind: each rule on a short text of its own.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { contextEdits } from '../nlp/coref';
import { cutsUnit } from './builders/common';
import { fixedDistance, numberBounds } from './distractors';
import { num, optionsFor } from './fixtures/options';
import { generateDeck } from './index';
import { speakerFullName } from './builders/quote';

const names = (t: string) => analyze(t).entities.map((e) => e.name);
function cut(text: string, answer: string, at = text.indexOf(answer)) {
	return cutsUnit(text, at, at + answer.length, answer);
}

describe('sentence openers that are no names', () => {
	it('never takes an opening adverb set off by a comma for a name', () => {
		const t =
			'Labour is worried. Similarly, some were pointing out that the chancellor refused to deny the claim.';
		expect(names(t)).not.toContain('Similarly');
	});

	it('leaves an opening preposition out of the name after it', () => {
		const t = 'Bar Keith Hollis, who is injured, the whole squad is fit. Hollis trains on Monday.';
		expect(names(t)).toContain('Keith Hollis');
		expect(names(t).some((n) => n.startsWith('Bar '))).toBe(false);
	});

	it('leaves an adverb-built description out of the name after it', () => {
		const t =
			'Privately-held Dunmore Group bought two brands last year. The group is based in Leeds.';
		expect(names(t)).toContain('Dunmore Group');
		expect(names(t).some((n) => n.startsWith('Privately'))).toBe(false);
	});

	it('keeps a character code inside the word it is written in', () => {
		const t = 'The singer Bryn F&#244;n was arrested in 1990. F&#244;n was later released.';
		const doc = analyze(t);
		expect(doc.sentences[0]?.tokens.map((x) => x.text)).toContain('F&#244;n');
		expect(names(t)).not.toContain('Bryn F');
	});
});

describe('"those" before what people do', () => {
	it('stays "those": it names people by what they do, and needs nothing before it', () => {
		const t = 'A rogue program is spreading. Those downloading the file could lose their data.';
		const doc = analyze(t);
		const edits = contextEdits(doc, 1);
		expect(Array.isArray(edits)).toBe(true);
		for (const e of edits as { text: string }[]) expect(e.text).not.toBe('The');
	});
});

describe('numbers that are part of a name', () => {
	it('never blanks a house number, a model or a station number', () => {
		expect(cut('Protesters gathered near 10 Downing Street on Friday.', '10')).toBe(
			'blank-cuts-name'
		);
		expect(cut('The crew of the Apollo 11 mission landed in 1969.', '11')).toBe('blank-cuts-name');
		expect(cut('The singer, 50 Cent’s protégé, signed a deal.', '50')).toBe('blank-cuts-name');
	});

	it('still blanks counts before a name and figures beside a date', () => {
		expect(cut('The vote was lost despite a rebellion by 34 Labour MPs.', '34')).toBeNull();
		expect(cut('The firm is recalling 155,000 Cadillac coupes.', '155,000')).toBeNull();
		expect(cut('Talks resume on 6 December in the capital.', '6')).toBeNull();
		expect(cut('The tour opens in Leeds on Monday 9 March.', '9')).toBeNull();
	});
});

describe('seasons and holidays are no answers', () => {
	it('asks no cloze whose answer is a holiday', () => {
		const t =
			'Before Christmas, Harlow Oil revealed that drilling in the north had failed. Its shares fell 18% in one day. The firm now plans two new wells in Rajasthan, its chief executive Ana Ruiz said.';
		const deck = generateDeck(t, { seed: 1, keepUnlikely: true });
		expect(deck.questions.length).toBeGreaterThan(0);
		expect(deck.questions.map((q) => q.answer)).not.toContain('Christmas');
	});
});

describe('an age stays a human age', () => {
	it('reads "He was _____," after a person as an age', () => {
		const t =
			'Lord Tom Vale, the former MP, has died. He was 84, had been ill for months, and died at his home.';
		const { doc, a, ds } = optionsFor(t, '84');
		expect(numberBounds(doc, a).max).toBeLessThanOrEqual(106);
		for (const d of ds) expect(num(d)).toBeLessThanOrEqual(106);
	});
});

describe('medal distances', () => {
	it('offers only the article’s own distances for a medal race', () => {
		const doc = analyze('Pia Vale won 200m gold at the games, while Ana Ruiz won silver.');
		expect(fixedDistance(doc, '200m gold')).toBe(true);
		expect(fixedDistance(doc, '£200m deal')).toBe(false);
	});
});

describe('a blank never cuts a title', () => {
	it('asks no word of a title joined to the next by a small word', () => {
		const t =
			"The awards went to three films on Sunday. Born into Brothels, about the children of prostitutes in Calcutta, was named best documentary by the critics. The European chart put Led Zeppelin's Stairway to Heaven in second and AC/DC's Highway to Hell in third, the firm said.";
		const answers = generateDeck(t, { seed: 1, keepUnlikely: true }).questions.map((q) => q.answer);
		expect(answers).toContain('Calcutta');
		for (const w of ['Brothels', 'Heaven', 'Highway', 'Hell']) expect(answers).not.toContain(w);
	});
});

describe('a surname in the text is keyed to the full name', () => {
	it('gives the name the article first writes in full', () => {
		const t =
			'Striker Andy Scott joined Leyton from Sheffield United in May. Early in the second half, a cross from Wayne Carlisle was met by Scott and he blasted the ball home.';
		const qs = generateDeck(t, { seed: 1, keepUnlikely: true }).questions;
		const onSurname = qs.filter((q) => q.type === 'cloze' && q.prompt.includes('met by _____'));
		expect(onSurname).toHaveLength(1);
		expect(onSurname[0]?.answer).toBe('Andy Scott');
		expect(t.slice(onSurname[0]?.answerSpan?.start, onSurname[0]?.answerSpan?.end)).toBe(
			'Andy Scott'
		);
	});
});

describe("a speaker's full name", () => {
	it('takes a part of a name for a surname, never for another person’s first name', () => {
		const t =
			'Tory MP Howard Flight quit on Friday. At a news conference, Mr Howard insisted he had played by the rules. He said: "We do not say one thing in private and another in public."';
		const doc = analyze(t);
		const m = doc.mentions.find((x) => x.text === 'Howard');
		const full = speakerFullName(doc, {
			text: 'Howard',
			kind: 'person',
			entity: m?.entity,
			span: m && { start: m.start, end: m.end }
		} as never);
		expect(full?.text).not.toBe('Howard Flight');
	});
});

describe('the second of a pair of one unit, and a part of a time', () => {
	const last = (t: string, a: string) =>
		cutsUnit(t, t.lastIndexOf(a), t.lastIndexOf(a) + a.length, a);
	it('never blanks one of "the 100m and 200m titles", "in 2001 and 2002" or "1:48.32"', () => {
		expect(last('She won the 100m and 200m titles at the games.', '200m')).toBe(
			'blank-splits-unit'
		);
		expect(last('The firm stuck with shares in 2001 and 2002, it said.', '2002')).toBe(
			'blank-splits-unit'
		);
		expect(last('He set a life-time best of 1:48.32 in May.', '48.32')).toBe('blank-splits-unit');
	});

	it('still blanks a figure of its own', () => {
		expect(last('She won 200m gold in 2000.', '200m')).toBeNull();
		expect(last('Sales rose 5% and profits fell.', '5%')).toBeNull();
		expect(last('He scored 3 and made 2 assists.', '2 assists')).toBeNull();
	});
});

describe('counts are no labels', () => {
	it('still blanks a count after a place or before a name and what it counts', () => {
		expect(cut('In Iraq 12 soldiers were killed on Monday.', '12')).toBeNull();
		expect(cut('He has scored 30 Premier League goals this season.', '30')).toBeNull();
	});
});
