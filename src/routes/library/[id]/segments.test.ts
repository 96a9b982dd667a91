import { describe, expect, it } from 'vitest';
import { paragraphs, uniqueSpans } from './segments';

const TEXT = 'Harbour Plan Approved\nThe council voted. The mayor agreed.\nIt costs four million.';

describe('paragraphs', () => {
	it('marks evidence sentences and keeps the rest as plain runs', () => {
		const start = TEXT.indexOf('The mayor');
		const end = TEXT.indexOf('\nIt');
		const [heading, body, last] = paragraphs(TEXT, [{ start, end }]);
		expect(heading).toMatchObject({ heading: true, segments: [{ start: 0, end: 21 }] });
		expect(body!.heading).toBe(false);
		expect(body!.segments.map((s) => [TEXT.slice(s.start, s.end), Boolean(s.evidence)])).toEqual([
			['The council voted. ', false],
			['The mayor agreed.', true]
		]);
		expect(last!.segments).toHaveLength(1);
	});

	it('does not mark a span that runs over several paragraphs', () => {
		const all = paragraphs(TEXT, [{ start: 22, end: TEXT.length }]);
		expect(all.flatMap((p) => p.segments).some((s) => s.evidence)).toBe(false);
	});

	it('skips blank lines', () => {
		expect(paragraphs('One line.\n\n\nTwo lines.', [])).toHaveLength(2);
	});
});

describe('uniqueSpans', () => {
	it('drops repeats and overlaps', () => {
		expect(
			uniqueSpans([
				{ start: 5, end: 10 },
				{ start: 0, end: 4 },
				{ start: 5, end: 10 },
				{ start: 8, end: 12 }
			])
		).toEqual([
			{ start: 0, end: 4 },
			{ start: 5, end: 10 }
		]);
	});
});
