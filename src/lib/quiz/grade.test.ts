import { describe, expect, it } from 'vitest';
import { editDistance, gradeTyped, normaliseAnswer } from './grade';

describe('normaliseAnswer', () => {
	it('ignores case, punctuation, accents, possessives and a leading article', () => {
		expect(normaliseAnswer('  The  Élysée Palace! ')).toBe('elysee palace');
		expect(normaliseAnswer("Britain's")).toBe('britain');
		expect(normaliseAnswer('A coalition')).toBe('coalition');
	});

	it('reads number words and thousands separators as digits, and keeps decimals', () => {
		expect(normaliseAnswer('two countries')).toBe('2 countries');
		expect(normaliseAnswer('1,500 troops')).toBe('1500 troops');
		expect(normaliseAnswer('3.5%')).toBe('3.5%');
	});

	it('keeps a lone article that is the whole answer', () => {
		expect(normaliseAnswer('A')).toBe('a');
	});
});

describe('editDistance', () => {
	it('counts substitutions, insertions, deletions and swaps', () => {
		expect(editDistance('paris', 'paris')).toBe(0);
		expect(editDistance('paris', 'pairs')).toBe(1);
		expect(editDistance('paris', 'pari')).toBe(1);
		expect(editDistance('kitten', 'sitting')).toBe(3);
	});

	it('stops early past the limit', () => {
		expect(editDistance('abcdefgh', 'zzzzzzzz', 1)).toBe(2);
	});
});

describe('gradeTyped', () => {
	it('accepts the exact answer however it is typed', () => {
		expect(gradeTyped('united states', 'the United States').verdict).toBe('correct');
	});

	it('accepts a surname for a full name', () => {
		expect(gradeTyped('Macron', 'Emmanuel Macron').verdict).toBe('correct');
		expect(gradeTyped('Emmanuel', 'Emmanuel Macron').verdict).toBe('wrong');
	});

	it('accepts a small typo as close, and says how it is spelled', () => {
		const grade = gradeTyped('Zelensky', 'Zelenskyy');
		expect(grade).toMatchObject({ verdict: 'close', correct: true });
		expect(grade.message).toContain('Zelenskyy');
		expect(gradeTyped('Witkof', 'Witkoff').verdict).toBe('close');
	});

	it('does not forgive a typo in a short answer or a wrong number', () => {
		expect(gradeTyped('UL', 'UK').verdict).toBe('wrong');
		expect(gradeTyped('2019', '2018').verdict).toBe('wrong');
		expect(gradeTyped('3 thousand', 'several thousand').verdict).toBe('wrong');
	});

	it('takes number words for digits and the bare number for a quantity', () => {
		expect(gradeTyped('two', '2').verdict).toBe('correct');
		expect(gradeTyped('1500', '1,500 troops').verdict).toBe('correct');
	});

	it('accepts any listed alternative', () => {
		expect(gradeTyped('USA', 'United States', ['USA', 'US']).verdict).toBe('correct');
	});

	it('marks an empty answer wrong with a message', () => {
		expect(gradeTyped('   ', 'Paris')).toMatchObject({
			verdict: 'wrong',
			message: 'No answer given.'
		});
	});
});
