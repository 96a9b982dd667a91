/**
 * Table-driven tests of a function of one value: one test a row, each checking that the function
 * gives exactly the expected value for the row's input. Test-only.
 */
import { expect, it } from 'vitest';

/** One test for each `[input, expected]` row: `fn(input)` is `expected` (compared with `toBe`). */
export function itGives<I, O>(fn: (input: I) => O, cases: [input: I, expected: O][]): void {
	it.each<[I, O]>(cases)(`${fn.name}(%j) is %j`, (input, expected) => {
		expect(fn(input)).toBe(expected);
	});
}
