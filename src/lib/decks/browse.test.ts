import { describe, expect, it } from 'vitest';
import {
	BROWSE_FILTERS,
	DEFAULT_QUERY,
	haystackOf,
	queryRows,
	relativeDue,
	SORT_KEYS,
	visibleWindow,
	type BrowseRow
} from './browse';

const NOW = Date.UTC(2026, 10, 30, 12);
const DAY = 86_400_000;

function row(over: Partial<BrowseRow> & { cardId: string }): BrowseRow {
	const base = {
		articleId: 'a1',
		articleTitle: 'Paris summit',
		front: `Front ${over.cardId}`,
		back: 'Back',
		state: 'review' as const,
		due: NOW,
		reps: 1,
		lapses: 0,
		stability: 1,
		leech: false,
		suspended: false,
		buried: false,
		flagged: false,
		edited: false,
		...over
	};
	return { ...base, haystack: haystackOf(base.front, base.back, base.articleTitle) };
}

const ROWS = [
	row({ cardId: 'a', state: 'new', due: NOW + DAY }),
	row({ cardId: 'b', due: NOW - DAY, lapses: 9, leech: true, suspended: true }),
	row({ cardId: 'c', due: NOW - 2 * DAY, front: 'Who hosted the summit?', back: 'Macron' }),
	row({ cardId: 'd', due: NOW + 3 * DAY, articleId: 'a2', articleTitle: 'Alps', flagged: true }),
	row({ cardId: 'e', state: 'relearning', due: NOW - 1000, buried: true })
];

const ids = (q: Partial<typeof DEFAULT_QUERY>) =>
	queryRows(ROWS, { ...DEFAULT_QUERY, ...q }, NOW).map((i) => ROWS[i]!.cardId);

describe('card browser query', () => {
	it('sorts by due date by default, and descending when asked', () => {
		expect(ids({})).toEqual(['c', 'b', 'e', 'a', 'd']);
		expect(ids({ descending: true })).toEqual(['d', 'a', 'e', 'b', 'c']);
		expect(ids({ sort: 'lapses', descending: true })[0]).toBe('b');
		expect(ids({ sort: 'article' })[0]).toBe('d');
	});

	it('filters by state, suspension, leech, flag, burial and article', () => {
		expect(ids({ filter: 'new' })).toEqual(['a']);
		expect(ids({ filter: 'learning' })).toEqual(['e']);
		expect(ids({ filter: 'suspended' })).toEqual(['b']);
		expect(ids({ filter: 'leech' })).toEqual(['b']);
		expect(ids({ filter: 'flagged' })).toEqual(['d']);
		expect(ids({ filter: 'buried' })).toEqual(['e']);
		expect(ids({ filter: 'due' })).toEqual(['c']);
		expect(ids({ articleId: 'a2' })).toEqual(['d']);
	});

	it('searches every word, in any order, across front, back and article title', () => {
		expect(ids({ text: 'macron summit' })).toEqual(['c']);
		expect(ids({ text: 'ALPS' })).toEqual(['d']);
		expect(ids({ text: 'nothing-like-this' })).toEqual([]);
	});

	it('draws only the rows in view plus a margin', () => {
		expect(visibleWindow(0, 400, 40, 20_000, 5)).toEqual({ start: 0, end: 15 });
		expect(visibleWindow(40_000, 400, 40, 20_000, 5)).toEqual({ start: 995, end: 1015 });
		expect(visibleWindow(10_000_000, 400, 40, 20_000, 5)).toEqual({ start: 19_985, end: 20_000 });
		expect(visibleWindow(0, 400, 40, 0)).toEqual({ start: 0, end: 0 });
	});

	it('names due dates relative to now', () => {
		expect(relativeDue(NOW - 1, NOW)).toBe('due now');
		expect(relativeDue(NOW + DAY, NOW)).toBe('tomorrow');
		expect(relativeDue(NOW + 5 * DAY, NOW)).toBe('in 5 days');
		expect(relativeDue(NOW - 3 * DAY, NOW)).toBe('3 days ago');
	});

	it('offers every filter and sort key in order, each with its label', () => {
		expect(BROWSE_FILTERS.map((f) => f.value).join(' ')).toBe(
			'all due new learning review suspended leech flagged buried'
		);
		expect(BROWSE_FILTERS[0]).toEqual({ value: 'all', label: 'All cards' });
		expect(BROWSE_FILTERS.find((f) => f.value === 'leech')?.label).toBe('Leeches');
		expect(SORT_KEYS.map((k) => `${k.value}:${k.label}`).join(', ')).toBe(
			'due:Due date, front:Front, article:Article, lapses:Lapses, reps:Reviews, stability:Stability'
		);
	});
});
