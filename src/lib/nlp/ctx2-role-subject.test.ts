import { describe, expect, it } from 'vitest';
import { roleSubject } from './coref';
import { analyze } from './index';

const resolved = (text: string) =>
	analyze(text)
		.references.filter((r) => r.kind === 'pronoun')
		.map((r) => r.replacement);

describe('a pronoun after a sentence about a person told of by a role', () => {
	it('is not written out as an earlier name', () => {
		const text =
			'Critics accused Mr Lorne Pickard of dodging the question. At the launch, the prime minister praised his deputy. And he said rivals would cut £20bn.';
		expect(resolved(text)).not.toContain('Lorne Pickard');
	});
	it('is still written out when the sentence before names the person', () => {
		const text =
			'Critics accused Mr Lorne Pickard of dodging the question. Mr Pickard praised his deputy. And he said rivals would cut £20bn.';
		expect(resolved(text)).toContain('Lorne Pickard');
	});
	it('reads the role subject after an opening phrase, not a role with a name after it', () => {
		const toks = (t: string) => analyze(t).sentences[0]?.tokens ?? [];
		expect(roleSubject(toks('At the launch, the prime minister praised the plan.'), 'm')).toBe(
			true
		);
		expect(roleSubject(toks('The chancellor Gordon Blake praised the plan.'), 'm')).toBe(false);
		expect(roleSubject(toks('The actress praised the plan.'), 'm')).toBe(false);
	});
});

describe('a person told of by a nationality', () => {
	it('stands between a pronoun and an earlier name', () => {
		const text =
			'Mr Rhys Tollan praised the new coach. The Welshman scored twice on Sunday. He said the side would improve.';
		expect(resolved(text)).not.toContain('Rhys Tollan');
	});
	it('is no person when a noun follows it', () => {
		const toks = analyze('The American firm said profits rose.').sentences[0]?.tokens ?? [];
		expect(roleSubject(toks, 'm')).toBe(false);
	});
});
