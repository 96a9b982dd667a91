/**
 * The card browser's state: every card as a row (held once, raw), the query, the selection, and
 * the bulk actions. The rows are read once when the page opens and again after each change the
 * browser itself makes; a search or filter only re-orders positions into them.
 */
import { DEFAULT_QUERY, queryRows, type BrowseQuery, type BrowseRow } from '$lib/decks/browse';
import type { CardDetail, CardEdit } from '$lib/db/browse';
import { appDatabase } from './app-database.svelte';
import { messageOf } from '$lib/message';

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

export class CardBrowser {
	#rows = $state.raw<BrowseRow[]>([]);
	#loaded = $state(false);
	#error = $state<string | null>(null);
	#busy = $state(false);
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
	get busy(): boolean {
		return this.#busy;
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
			const rows = await browse.loadBrowseRows(database, now);
			this.#now = now.getTime();
			this.#rows = rows;
			const present = new Set(rows.map((r) => r.cardId));
			this.#selected = new Set([...this.#selected].filter((id) => present.has(id)));
			this.#error = null;
		} catch (e) {
			this.#error = messageOf(e);
		} finally {
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
