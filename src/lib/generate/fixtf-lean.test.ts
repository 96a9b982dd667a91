import { describe, expect, it } from 'vitest';
import { leaningOpener } from './context';
import { readForTest } from './fixtures/read';

describe('rule leaning-opener: openings that lean on an earlier sentence', () => {
	it('flags "Other + noun" with no "than"', () => {
		expect(leaningOpener('Other projects include a new bridge over the river.')).toBe(
			'other-opener'
		);
		expect(leaningOpener('But other towns have _____ plans.')).toBe(null);
		expect(leaningOpener('Other towns than Leeds have bought the system this year.')).toBe(null);
	});

	it('flags "The term", "The phrase" with no quoted term after it', () => {
		expect(leaningOpener('The term is now used by doctors across Europe.')).toBe('term-opener');
		expect(leaningOpener('The phrase was first heard in 1998.')).toBe('term-opener');
		expect(leaningOpener('The term "road rage" was first used in 1988.')).toBe(null);
		expect(leaningOpener('The term urban in music has grown out of a row.')).toBe(null);
	});

	it('flags "The + adjective + number/amount" and a bare "The figure"', () => {
		expect(leaningOpener('The huge number of visitors forced the museum to close.')).toBe(
			'amount-opener'
		);
		expect(leaningOpener('The figure was up 12% on last year.')).toBe('amount-opener');
		expect(leaningOpener('The number of visitors rose by 12% in 2004.')).toBe(null);
		expect(leaningOpener('The figures for June show a rise of 12%.')).toBe(null);
		expect(leaningOpener('The total number of visitors rose by 12% in 2004.')).toBe(null);
		expect(leaningOpener('The world number one lost in the final in Dubai.')).toBe(null);
		expect(leaningOpener('The annual figure was the best since 2000.')).toBe('amount-opener');
	});

	it('flags "The corporation\'s" with no name for the body', () => {
		expect(leaningOpener("The corporation's chief executive will step down in May.")).toBe(
			'body-possessive'
		);
		const { doc } = readForTest('Acme Corp makes toys. Acme Corp said sales rose in May.');
		expect(leaningOpener("The company's shares fell 5% after Acme Corp warned.", doc)).toBe(null);
		expect(leaningOpener("The company's Media Player is its first try at TV.", doc)).toBe(
			'body-possessive'
		);
		expect(leaningOpener('The corporation was founded in 1922.')).toBe(null);
	});
});
