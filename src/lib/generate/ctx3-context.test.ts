import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import {
	bareReference,
	demonstrativeBlank,
	introducedBefore,
	sameAsBefore,
	unnamedBody
} from './context';

const doc = analyze(
	'Runner Kal Renner denied that he faked a motorbike crash in May. He said he went to hospital after the crash. The government said it would look again.'
);
const second = doc.sentences[1]?.start ?? 0;

/** Each rule with shown texts it flags and texts it leaves. */
const cases: { rule: string; check: (t: string) => boolean; flags: string[]; leaves: string[] }[] =
	[
		{
			rule: 'introduced-before: "the crash" after "a motorbike crash"',
			check: (t) => introducedBefore(doc, t, second),
			flags: ['He said he went to hospital after the crash.'],
			leaves: [
				'The government said it would look again.',
				'He went to hospital after the crash of his car.'
			]
		},
		{
			rule: 'bare-reference: "the document", "the remark", "before the match"',
			check: (t) => bareReference(doc, t, second),
			flags: [
				'Her rival condemned the document, which cost _____.',
				'A spokesman denied Hale made the remark.',
				'Hale wanted to leave the ground before the match.'
			],
			leaves: ['Hale trained hard before the match against Spain.']
		},
		{
			rule: 'demonstrative-reference: a blank after "that" on a common noun, or after "these"',
			check: (t) => demonstrativeBlank(t.replace(/ \[(.*)\]$/, ''), /\[(.*)\]$/.exec(t)?.[1] ?? ''),
			flags: [
				'The new film breaks that _____ in two. [rule]',
				'They sold these _____ abroad. [drugs]'
			],
			leaves: [
				'Hale said that _____ would win. [Acme Corp]',
				'Hale said that _____ people came. [seven]'
			]
		},
		{
			rule: 'same-as-before: "at the same time," inside a sentence',
			check: sameAsBefore,
			flags: ['A study found that at the same time, more discs were copied.'],
			leaves: ['You cannot sing and eat at the same time.']
		},
		{
			rule: 'unnamed-work: "the insurer\'s" with no name',
			check: unnamedBody,
			flags: ["Demand for the insurer's debut shares was strong."],
			leaves: ['Tarrow Power, the operator of the Hale Dam, made a profit.']
		}
	];

describe('what another sentence told', () => {
	for (const c of cases)
		it(c.rule, () => {
			for (const t of c.flags) expect(c.check(t), t).toBe(true);
			for (const t of c.leaves) expect(c.check(t), t).toBe(false);
		});
});
