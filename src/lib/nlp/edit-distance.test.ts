import { describe, expect, it } from 'vitest';
import { editDistance } from './edit-distance';

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
