import { describe, expect, it } from 'vitest';
import type { Built } from './builders/common';
import type { FactX } from './facts';
import { balanceTrueFalse } from './questions';

describe('balanceTrueFalse', () => {
	const built = (id: string, answer: 'True' | 'False', twin: boolean): Built =>
		({
			q: { id, type: 'true-false', prompt: `T ${id}`, answer, kind: 'statement', score: 0 },
			form: 1,
			fact: {} as FactX,
			falsePrompt: twin ? `F ${id}` : undefined
		}) as Built;

	it('turns reworded ones false until about half are true', () => {
		for (const seed of [1, 2, 3]) {
			const deck = ['a', 'b', 'c', 'd', 'e'].map((id) => built(id, 'True', true));
			balanceTrueFalse(deck, seed);
			expect(deck.filter((b) => b.q.answer === 'False').length).toBe(2);
			for (const b of deck) if (b.q.answer === 'False') expect(b.q.prompt).toBe(b.falsePrompt);
		}
	});

	it('counts the false-only ones, and keeps every reworded one true where they pass half', () => {
		const deck = [
			built('a', 'False', false),
			built('b', 'False', false),
			built('c', 'False', false),
			built('d', 'True', true)
		];
		balanceTrueFalse(deck, 1);
		expect(deck.map((b) => b.q.answer)).toEqual(['False', 'False', 'False', 'True']);
		const mixed = [
			built('a', 'False', false),
			...['b', 'c', 'd'].map((id) => built(id, 'True', true))
		];
		balanceTrueFalse(mixed, 1);
		expect(mixed.filter((b) => b.q.answer === 'False').length).toBe(2);
	});
});
