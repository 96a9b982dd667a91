/**
 * The card browser's list: one flat row per card, and the search, filter and sort over them.
 * Pure: rows in, an ordered list of row positions out, so the page can keep 20,000 rows in memory
 * once and re-filter on every keystroke without copying them.
 */

/** What a card is doing now, as the browser's state filter names it. */
export type BrowseState = 'new' | 'learning' | 'review' | 'relearning';

/** One card as the browser lists it. Instants are epoch milliseconds. */
export interface BrowseRow {
	cardId: string;
	articleId: string;
	articleTitle: string;
	front: string;
	back: string;
	state: BrowseState;
	due: number;
	reps: number;
	lapses: number;
	/** Probability of recall at load time; 0 for new cards. */
	stability: number;
	leech: boolean;
	suspended: boolean;
	buried: boolean;
	/** A question made from the same fact was flagged as bad. */
	flagged: boolean;
	edited: boolean;
	/** Lower-cased front, back and article title: what the search box matches. */
	haystack: string;
}

/** A choice of a select: its value and the words shown for it. */
export interface Choice<T extends string> {
	value: T;
	label: string;
}

/** The choices of a select in the order of `labels`, which must name every value of `T`. */
function choices<T extends string>(labels: Record<T, string>): readonly Choice<T>[] {
	return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

export type BrowseFilter =
	'all' | 'due' | 'new' | 'learning' | 'review' | 'suspended' | 'leech' | 'flagged' | 'buried';

export const BROWSE_FILTERS = choices<BrowseFilter>({
	all: 'All cards',
	due: 'Due now',
	new: 'New',
	learning: 'Learning',
	review: 'Review',
	suspended: 'Suspended',
	leech: 'Leeches',
	flagged: 'Flagged',
	buried: 'Buried'
});

export type SortKey = 'due' | 'front' | 'article' | 'lapses' | 'reps' | 'stability';

export const SORT_KEYS = choices<SortKey>({
	due: 'Due date',
	front: 'Front',
	article: 'Article',
	lapses: 'Lapses',
	reps: 'Reviews',
	stability: 'Stability'
});

export interface BrowseQuery {
	/** Words that must all appear (in any order) in the front, back or article title. */
	text: string;
	/** One article's cards, or every article's when empty. */
	articleId: string;
	filter: BrowseFilter;
	sort: SortKey;
	descending: boolean;
}

export const DEFAULT_QUERY: Readonly<BrowseQuery> = Object.freeze({
	text: '',
	articleId: '',
	filter: 'all',
	sort: 'due',
	descending: false
});

/** The text the search box matches, lower-cased once when the rows load. */
export function haystackOf(front: string, back: string, articleTitle: string): string {
	return `${front}\n${back}\n${articleTitle}`.toLowerCase();
}

function passes(row: BrowseRow, filter: BrowseFilter, now: number): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'due':
			return !row.suspended && !row.buried && row.state !== 'new' && row.due <= now;
		case 'new':
		case 'review':
			return row.state === filter;
		case 'learning':
			return row.state === 'learning' || row.state === 'relearning';
		case 'suspended':
			return row.suspended;
		case 'leech':
			return row.leech;
		case 'flagged':
			return row.flagged;
		case 'buried':
			return row.buried;
	}
}

function compare(a: BrowseRow, b: BrowseRow, key: SortKey): number {
	switch (key) {
		case 'due':
			return a.due - b.due;
		case 'front':
			return a.front.localeCompare(b.front);
		case 'article':
			return a.articleTitle.localeCompare(b.articleTitle) || a.due - b.due;
		case 'lapses':
			return a.lapses - b.lapses;
		case 'reps':
			return a.reps - b.reps;
		case 'stability':
			return a.stability - b.stability;
	}
}

/**
 * The positions in `rows` that match `query`, in the order asked for. Ties keep the rows' own
 * order, so the list does not shuffle when a sort key is equal.
 */
export function queryRows(rows: readonly BrowseRow[], query: BrowseQuery, now: number): number[] {
	const words = query.text.toLowerCase().split(/\s+/).filter(Boolean);
	const out: number[] = [];
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (query.articleId && row.articleId !== query.articleId) continue;
		if (!passes(row, query.filter, now)) continue;
		if (words.length > 0 && !words.every((w) => row.haystack.includes(w))) continue;
		out.push(i);
	}
	const sign = query.descending ? -1 : 1;
	// Front and article comparisons go through a collator once per distinct pair; numbers are cheap.
	out.sort((x, y) => sign * compare(rows[x]!, rows[y]!, query.sort) || x - y);
	return out;
}

/** The window of rows a virtual list draws: what is visible plus `overscan` rows either side. */
export function visibleWindow(
	scrollTop: number,
	viewportHeight: number,
	rowHeight: number,
	count: number,
	overscan = 8
): { start: number; end: number } {
	const shown = Math.ceil(Math.max(0, viewportHeight) / rowHeight);
	const first = Math.min(
		Math.floor(Math.max(0, scrollTop) / rowHeight),
		Math.max(0, count - shown)
	);
	const start = Math.max(0, first - overscan);
	const end = Math.min(count, first + shown + overscan);
	return { start, end: Math.max(start, end) };
}

/** "in 3 days", "2 days ago", "today": a due date relative to now, in whole days. */
export function relativeDue(due: number, now: number): string {
	const days = Math.round((due - now) / 86_400_000);
	if (days === 0) return due <= now ? 'due now' : 'today';
	if (days === 1) return 'tomorrow';
	if (days === -1) return 'yesterday';
	return days > 0 ? `in ${days} days` : `${-days} days ago`;
}
