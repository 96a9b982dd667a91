import { describe, expect, it } from 'vitest';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed } from '$lib/testing/fuzz';
import { markdownToText, readShare, tidyText } from './markdown';

const SEED = fuzzSeed(0x3d);
const never = () => false;
const MARKS = [
	'# ',
	'## ',
	'> ',
	'- ',
	'1. ',
	'**',
	'__',
	'*',
	'_',
	'`',
	'```\n',
	'[a](b)',
	'![i](x)',
	'<b>',
	'---\n',
	'\n\n\n'
];

describe('imported text under fuzzing', () => {
	it(`turns ${FUZZ_RUNS} markdown files and shares into plain text (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		for (let i = 0; i < FUZZ_RUNS; i++) {
			let md = '';
			for (let n = f.range(1, 30); n > 0; n--) md += f.chance(0.4) ? f.pick(MARKS) : f.text(20);
			// Long runs of one marker: a slow pattern would show here as a timeout.
			if (f.chance(0.05)) md += f.pick(['*a', '_a', '[', '`', '> ']).repeat(f.range(1000, 5000));
			const label = `markdown ${i} (seed ${SEED})`;
			const text = (await attempt(label, () => markdownToText(md), never)) as {
				ok: true;
				value: string;
			};
			expect(text.value.length, label).toBeLessThanOrEqual(md.length);
			expect(text.value, label).not.toMatch(/\r/);
			const tidy = tidyText(md);
			expect(tidy, label).toBe(tidy.trim());
			expect(tidyText(tidy), label).toBe(tidy);
			const share = readShare({
				title: f.chance(0.8) ? f.text(400) : null,
				text: f.chance(0.5)
					? `${f.text(60)} https://example.org/${f.text(10)} ${f.text(20)}`
					: f.text(60),
				url: f.chance(0.3)
					? f.pick(['javascript:alert(1)', 'https://ok.example/a', f.text(30), ''])
					: null
			});
			expect(share.title.length, label).toBeLessThanOrEqual(300);
			expect(share.url === '' || /^https?:\/\//i.test(share.url), label).toBe(true);
			expect(share.url.length, label).toBeLessThanOrEqual(2000);
		}
	}, 120_000);
});
