import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { generateDeck } from '.';
import { dropUnlikely, quality, qualityFeatures, QUALITY_FLOOR, QUALITY_OPENERS } from './quality';
import type { Question } from './types';

const TEXT = [
	'Harbour City council has approved a £40m plan to rebuild its sea wall, the mayor, Lena Park, said on Monday.',
	'The wall, built in 1890, was damaged by storms in February and March.',
	'Engineers from the firm Coastline Works will start the repairs in May.',
	'"We cannot wait for another winter of floods," Lena Park said.',
	'About 1,200 homes were flooded last winter, according to the council.',
	'The plan also includes a new footpath and 300 trees along the front.',
	'Opposition councillor Omar Reyes said the cost had risen by 25% since the plan was first drawn up.',
	'The council will borrow half of the money and take the rest from reserves.',
	'Work is expected to last two years.'
].join('\n\n');

function q(over: Partial<Question> & Pick<Question, 'type' | 'kind'>): Question {
	return {
		id: 'q1',
		factId: 'f1',
		prompt: 'The wall was built by _____ in 1890.',
		answer: 'Ada Stone',
		evidence: { start: 0, end: 40 },
		score: 0.5,
		hint: 'a person',
		...over
	} as Question;
}

describe('question quality estimate', () => {
	const doc = analyze(TEXT);

	it('names numeric features between 0 and 1 (the score as its log)', () => {
		const f = qualityFeatures(doc, q({ type: 'cloze', kind: 'person' }));
		for (const [k, v] of Object.entries(f))
			if (k !== 'score') {
				expect(v, k).toBeGreaterThanOrEqual(0);
				expect(v, k).toBeLessThanOrEqual(1);
			}
		expect(f['type:cloze']).toBe(1);
		expect(f['kind:person']).toBe(1);
	});

	it('rates a named person above a bare month offered among other months', () => {
		const person = quality(doc, q({ type: 'cloze', kind: 'person' }));
		const month = quality(
			doc,
			q({
				type: 'multiple-choice',
				kind: 'date',
				prompt: 'Which month completes the sentence? Engineers will start the repairs in _____.',
				answer: 'May',
				choices: ['April', 'May', 'June', 'July']
			} as Partial<Question> & Pick<Question, 'type' | 'kind'>)
		);
		expect(person).toBeGreaterThan(month);
	});

	it('sees numeric choices spread far apart', () => {
		const spread = (choices: string[]) =>
			qualityFeatures(
				doc,
				q({
					type: 'multiple-choice',
					kind: 'number',
					answer: choices[0],
					choices
				} as Partial<Question> & Pick<Question, 'type' | 'kind'>)
			).choiceSpread as number;
		expect(spread(['80', '70', '90', '800'])).toBeGreaterThan(spread(['27', '22', '32', '25']));
	});
});

describe('dropping unlikely questions from an article deck', () => {
	const doc = analyze(TEXT);
	const weakDate = (i: number) => ({
		q: q({
			id: `d${i}`,
			type: 'multiple-choice',
			kind: 'date',
			prompt: `Which month completes the sentence? Item ${i} happened in _____ last year.`,
			answer: 'May',
			choices: ['April', 'May', 'June', 'July'],
			score: 0.05
		} as Partial<Question> & Pick<Question, 'type' | 'kind'>)
	});
	const strong = (i: number) => ({
		q: q({ id: `p${i}`, type: 'cloze', kind: 'person', score: 1 })
	});

	it('keeps the openers, the order, one of each type and at least `keep`', () => {
		const deck = [
			...Array.from({ length: QUALITY_OPENERS }, (_, i) => weakDate(i)),
			strong(1),
			weakDate(10),
			strong(2),
			weakDate(11),
			weakDate(12),
			strong(3)
		];
		expect(quality(doc, (deck[6] as { q: Question }).q)).toBeLessThan(QUALITY_FLOOR);
		const dropped: string[] = [];
		const out = dropUnlikely(doc, deck, '', (b) => dropped.push(b.q.id), 6);
		expect(out.map((b) => b.q.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'p1', 'p2', 'p3']);
		expect(dropped.sort()).toEqual(['d10', 'd11', 'd12']);
		const kept = dropUnlikely(doc, deck, '', () => {}, 10);
		expect(kept.length).toBe(10);
		// A lone question of its type stays.
		const lone = dropUnlikely(
			doc,
			[...deck.slice(5, 6), strong(4), strong(5), strong(6), strong(7), strong(8), weakDate(20)],
			'',
			() => {},
			1
		);
		expect(lone.map((b) => b.q.id)).toContain('d20');
	});

	it('leaves unlikely questions out of an article deck, named in explain, unless asked to keep them', () => {
		const reasons: string[] = [];
		const deck = generateDeck(TEXT, { onReject: (r) => reasons.push(r.reason) });
		const all = generateDeck(TEXT, { keepUnlikely: true });
		expect(all.questions.length).toBeGreaterThanOrEqual(deck.questions.length);
		expect(reasons.filter((r) => r === 'below-quality-floor').length).toBe(
			all.questions.length - deck.questions.length
		);
		// Deterministic: the same text gives the same deck.
		expect(generateDeck(TEXT).questions.map((x) => x.id)).toEqual(deck.questions.map((x) => x.id));
	});
});
