import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { clozeBuilder } from './builders/cloze';
import { factView, type Ctx } from './builders/common';
import { multipleChoiceBuilder } from './builders/multiple-choice';
import { quoteBuilder } from './builders/quote';
import { trueFalseBuilder } from './builders/true-false';
import type { Rejection } from './explain';
import { extractFacts, type FactX } from './facts';
import { relativeTime } from './facts/mentions';
import { generateDeck } from './index';
import { lowerWords } from './select';

const TEXT = `Mayor Ana Ruiz opened the new bridge in Dunmore on Friday. "It joins two halves of the city," Ana Ruiz said. Engineer Tomas Berg said the deck would last a century. Councillor Priya Shah said the builder, Kellan Works, spent $40m on it. Kellan Works hired 300 workers over two years. Traffic on the old ferry fell 12% in March 2024, while ticket sales fell 30%.`;

function setup(text = TEXT) {
	const doc = analyze(text);
	const rejected: Rejection[] = [];
	const ctx: Ctx = { doc, seed: 1, lowerSeen: lowerWords(doc), reject: (r) => rejected.push(r) };
	const facts = extractFacts(doc, undefined, ctx.reject);
	const fact = (answer: string) =>
		facts.find(
			(f) => f.answer?.text === answer && f.kind !== 'quote' && f.kind !== 'role'
		) as FactX;
	return { doc, ctx, facts, fact, rejected };
}

describe('fact extraction', () => {
	it('never makes a bare weekday or a relative time an answer, and says why', () => {
		const { facts, rejected } = setup();
		expect(facts.some((f) => f.answer?.text === 'Friday')).toBe(false);
		expect(rejected).toContainEqual(
			expect.objectContaining({ reason: 'relative-time', detail: 'Friday' })
		);
		expect(relativeTime('last week')).toBe(true);
		expect(relativeTime('Tuesday')).toBe(true);
		expect(relativeTime('March 2024')).toBe(false);
	});

	it('gives one fact per quote with its speaker as the answer', () => {
		const { facts } = setup();
		const q = facts.filter((f) => f.kind === 'quote');
		expect(q.map((f) => f.answer?.text)).toContain('Ana Ruiz');
	});
});

describe('builders', () => {
	it('cloze blanks the answer and hints its kind', () => {
		const { ctx, fact } = setup();
		const f = fact('$40m');
		const [b] = clozeBuilder.build(ctx, f, factView(ctx, f));
		expect(b?.q.prompt).toContain('_____');
		expect(b?.q.prompt).not.toContain('$40m');
		expect(b?.q.type === 'cloze' && b.q.hint).toBe('an amount of money');
	});

	it('multiple choice on a figure offers other figures of the same unit first', () => {
		const { ctx, fact } = setup();
		const f = fact('12%');
		const [b] = multipleChoiceBuilder.build(ctx, f, factView(ctx, f));
		expect(b?.q.type).toBe('multiple-choice');
		if (b?.q.type !== 'multiple-choice') return;
		expect(b.q.choices).toContain('12%');
		expect(b.q.choices).toHaveLength(4);
		for (const c of b.q.choices) expect(c).toMatch(/^\d+%$/);
	});

	it('quote asks who said it, with people of the article as options', () => {
		const { ctx, facts } = setup();
		const f = facts.find((x) => x.kind === 'quote') as FactX;
		const [b] = quoteBuilder.build(ctx, f, factView(ctx, f));
		expect(b?.q.prompt).toBe('Who said: “It joins two halves of the city”?');
		if (b?.q.type === 'quote') expect(b.q.choices).toContain('Ana Ruiz');
	});

	it('true-false refuses a statement that leans on a pronoun, naming the reason', () => {
		const { ctx, rejected } = setup(
			'The council met in Dunmore in May 2024. It approved a budget of $40m for the new bridge and roads.'
		);
		const facts = extractFacts(ctx.doc);
		const f = facts.find((x) => x.answer?.text === '$40m') as FactX;
		expect(trueFalseBuilder.build(ctx, f, factView(ctx, f))).toEqual([]);
		expect(rejected.some((r) => r.reason === 'opens-on-reference')).toBe(true);
	});
});

describe('explain', () => {
	it('reports every left-out candidate with a named reason', () => {
		const rejected: Rejection[] = [];
		generateDeck(TEXT, { onReject: (r) => rejected.push(r) });
		expect(rejected.length).toBeGreaterThan(0);
		for (const r of rejected) expect(r.reason).toMatch(/^[a-z-]+$/);
		expect(new Set(rejected.map((r) => r.reason))).toContain('ranked-out');
	});
});

describe('whole units and honest options', () => {
	it('never blanks half a score, a hyphenated word or an interval without its anchor', () => {
		const text =
			'Hewitt beat the Czech qualifier 7-5 6-0 in Sydney. The 36-page report was published by the Trade Council in Leeds. Three years later, Hewitt won the title in Sydney again.';
		const deck = generateDeck(text);
		for (const q of deck.questions) {
			expect(q.prompt).not.toMatch(/\d\s*[-–]\s*_{3,}|_{3,}\s*[-–]\s*\d|\d-_{3,}/);
			expect(q.prompt).not.toMatch(/_{3,}\s+(later|ago|earlier)/);
		}
	});

	it('offers no stock organisation the article never names', () => {
		const text =
			'The National Football League said the show would go ahead in Florida. A League spokesman said the Florida School for the Deaf would sing. Alicia Keys will open the Super Bowl in Jacksonville on 6 February 2005. The Jacksonville Jaguars host the game.';
		const deck = generateDeck(text);
		const choices = deck.questions.flatMap((q) =>
			q.type === 'multiple-choice' && q.kind === 'organisation' ? q.choices : []
		);
		expect(choices.filter((c) => !text.includes(c))).toEqual([]);
	});

	it('spreads figures around the key without a fixed ratio', () => {
		const { ctx, fact } = setup();
		const f = fact('$40m');
		const opts = factView(ctx, f).options();
		const values = opts.map((o) => Number(o.replace(/[^\d.]/g, '')));
		expect(values).toHaveLength(3);
		// Not the halve-and-double pattern that gives the key away as the middle value.
		expect([...values].sort((a, b) => a - b)).not.toEqual([20, 60, 80]);
		expect(values.filter((v) => v === 20 || v === 80).length).toBeLessThan(2);
		expect(new Set(values).size).toBe(3);
	});
});
