/**
 * The card browser's state: every card as a row (held once, raw), the query, the selection, and
 * the bulk actions. When the page opens, the first screen of the default view (by due date) comes
 * from one small indexed read and is shown at once; every card is then read in pieces, with the
 * page answering input between them, and replaces it. The rows are read again after each change
 * the browser itself makes; a search or filter only re-orders positions into them.
 */
import { DEFAULT_QUERY, queryRows, type BrowseQuery, type BrowseRow } from '$lib/decks/browse';
import type { CardDetail, CardEdit } from '$lib/db/browse';
import { appDatabase } from './app-database.svelte';
import { messageOf } from '$lib/message';
import type { Loadable, LoadState } from './load.svelte';

export type { CardDetail };

export type BulkAction = 'suspend' | 'unsuspend' | 'reset' | 'review-now' | 'reschedule' | 'delete';

const DONE: Record<BulkAction, string> = {
	suspend: 'Suspended',
	unsuspend: 'Restored',
	reset: 'Reset',
	'review-now': 'Moved to review now:',
	reschedule: 'Rescheduled',
	delete: 'Deleted'
};

const db = () => Promise.all([appDatabase(), import('$lib/db/browse'), import('$lib/db/study')]);

/** Rows read for the first screen: more than a tall phone or a desktop window shows. */
export const FIRST_ROWS = 40;
/** Cards per piece of the full read: each piece is a short task. */
const CHUNK = 500;
/** Gives the page a turn (input, paint) between two pieces of the full read. */
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class CardBrowser implements Loadable<readonly BrowseRow[]> {
	#rows = $state.raw<BrowseRow[]>([]);
	#loaded = $state(false);
	#error = $state<string | null>(null);
	#busy = $state(false);
	/** Only the first screen is read so far; `total` is how many cards there are in all. */
	#partial = $state(false);
	#total = $state(0);
	#now = $state(Date.now());
	#selected = $state.raw<ReadonlySet<string>>(new Set());
	query = $state<BrowseQuery>({ ...DEFAULT_QUERY });
	/** What the last action did, for a polite live region. */
	status = $state('');

	/** Positions into `rows` of the cards the query shows, in order. */
	readonly shown: number[] = $derived(queryRows(this.#rows, this.query, this.#now));

	get rows(): readonly BrowseRow[] {
		return this.#rows;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get error(): string | null {
		return this.#error;
	}
	/** Where the rows stand, for `<Loaded>`. */
	get state(): LoadState<readonly BrowseRow[]> {
		if (this.#error !== null) return { status: 'error', message: this.#error };
		return this.#loaded ? { status: 'ready', value: this.#rows } : { status: 'loading' };
	}
	retry(): void {
		this.#loaded = false;
		this.#error = null;
		void this.load();
	}
	get busy(): boolean {
		return this.#busy;
	}
	/** Only the first screen of the default view is read yet; searching waits for the rest. */
	get partial(): boolean {
		return this.#partial;
	}
	/** How many cards the browser lists (known before they are all read). */
	get total(): number {
		return this.#partial ? this.#total : this.#rows.length;
	}
	get now(): number {
		return this.#now;
	}
	get selected(): ReadonlySet<string> {
		return this.#selected;
	}

	/** Articles that have cards, by title, for the article filter. */
	get articles(): { id: string; title: string }[] {
		const seen = new Map<string, string>();
		for (const r of this.#rows) if (!seen.has(r.articleId)) seen.set(r.articleId, r.articleTitle);
		return [...seen]
			.map(([id, title]) => ({ id, title }))
			.sort((a, b) => a.title.localeCompare(b.title));
	}

	async load(): Promise<void> {
		try {
			const [database, browse] = await db();
			const now = new Date();
			if (!this.#loaded) {
				const first = await browse.loadFirstBrowseRows(database, now, FIRST_ROWS);
				this.#now = now.getTime();
				this.#rows = first.rows;
				this.#total = first.total;
				this.#partial = first.rows.length < first.total;
				this.#loaded = true;
			}
			const rows = await browse.loadBrowseRows(database, now, { size: CHUNK, pause });
			this.#now = now.getTime();
			this.#rows = rows;
			const present = new Set(rows.map((r) => r.cardId));
			this.#selected = new Set([...this.#selected].filter((id) => present.has(id)));
			this.#error = null;
		} catch (e) {
			this.#error = messageOf(e);
		} finally {
			this.#partial = false;
			this.#loaded = true;
		}
	}

	toggle(cardId: string, on: boolean): void {
		const next = new Set(this.#selected);
		if (on) next.add(cardId);
		else next.delete(cardId);
		this.#selected = next;
	}

	/** Selects every card the query shows (or clears the selection). */
	selectShown(on: boolean): void {
		this.#selected = on ? new Set(this.shown.map((i) => this.#rows[i]!.cardId)) : new Set();
	}

	get allShownSelected(): boolean {
		return (
			this.shown.length > 0 && this.shown.every((i) => this.#selected.has(this.#rows[i]!.cardId))
		);
	}

	/** Runs a bulk action on the selected cards; `days` is for rescheduling. */
	async run(action: BulkAction, days = 0): Promise<void> {
		const ids = [...this.#selected];
		if (ids.length === 0 || this.#busy) return;
		this.#busy = true;
		try {
			const [database, browse, study] = await db();
			const now = new Date();
			let n: number;
			switch (action) {
				case 'suspend':
				case 'unsuspend':
					n = await study.setSuspended(database, ids, action === 'suspend', now);
					break;
				case 'reset':
					n = await browse.resetCards(database, ids, now);
					break;
				case 'review-now':
					n = await browse.reviewNow(database, ids, now);
					break;
				case 'reschedule':
					n = await browse.rescheduleCards(database, ids, days, now);
					break;
				case 'delete':
					n = await browse.removeCards(database, ids, now);
					break;
			}
			this.status = `${DONE[action]} ${n} card${n === 1 ? '' : 's'}.`;
			if (action === 'delete') this.#selected = new Set();
			await this.load();
		} catch (e) {
			this.status = `Nothing was changed: ${messageOf(e)}`;
		} finally {
			this.#busy = false;
		}
	}
}

/** One card with its question and sentence, for the editor. */
export async function loadCardDetail(cardId: string): Promise<CardDetail> {
	const [database, browse] = await db();
	return browse.getCardDetail(database, cardId);
}

export async function saveCardDetail(cardId: string, edit: CardEdit): Promise<CardDetail> {
	const [database, browse] = await db();
	return browse.saveCardAndQuestion(database, cardId, edit, new Date());
}

/** Flags a card or a question as bad (or clears it); the other items of its fact follow. */
export async function setItemFlag(
	target: { cardId: string } | { questionId: string },
	flagged: boolean
): Promise<void> {
	const [database, browse] = await db();
	await browse.flagItem(database, target, flagged, new Date());
}
