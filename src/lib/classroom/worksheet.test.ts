import { describe, expect, it } from 'vitest';
import type { ClassroomQuestion } from './schema';
import { choiceLetter, keyAnswer, matchRight } from './worksheet';

const match = {
	type: 'match',
	prompt: 'Match each city to its country.',
	evidence: '',
	points: 100,
	pairs: [
		['Paris', 'France'],
		['Rome', 'Italy'],
		['Lima', 'Peru']
	]
} as Extract<ClassroomQuestion, { type: 'match' }>;

describe('worksheet', () => {
	it('letters choices from A', () => {
		expect([0, 1, 25].map(choiceLetter)).toEqual(['A', 'B', 'Z']);
	});

	it('mixes a match in a fixed order: reversed, then rotated by one', () => {
		expect(matchRight(match)).toEqual(['Italy', 'France', 'Peru']);
		expect(matchRight({ ...match, pairs: match.pairs.slice(0, 2) })).toEqual(['Italy', 'France']);
	});

	it('keys a match by the letters printed beside the right-hand items', () => {
		expect(keyAnswer(match)).toBe(
			'1 → B (Paris → France); 2 → A (Rome → Italy); 3 → C (Lima → Peru)'
		);
	});

	it('keys a choice by letter and text, and true/false by word', () => {
		const mc = {
			type: 'multiple-choice',
			prompt: 'Which?',
			evidence: '',
			points: 100,
			choices: ['one', 'two', 'three'],
			answer: 2
		} as ClassroomQuestion;
		expect(keyAnswer(mc)).toBe('C. three');
		expect(keyAnswer({ ...mc, type: 'true-false', answer: false } as ClassroomQuestion)).toBe(
			'False'
		);
	});
});
