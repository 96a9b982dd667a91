/**
 * One sitting of flashcard review: today's queue, the card in front of the learner, whether its
 * answer is shown, the four buttons' next intervals, undo, and a summary at the end.
 */
import { liveQuery, type Subscription } from 'dexie';
import { articleTexts } from '$lib/db/article-view';
import type { FactdeckDB } from '$lib/db/database';
import type { CardRecord } from '$lib/db/records';
import { persistOnFirstUse } from '$lib/db/storage';
import {
	explainEmptyQueue,
	getArticleQueue,
	studyMoreNewToday,
	unburyCard,
	type EmptyExplanation
} from '$lib/db/custom-study';
import {
	buryCard,
	getStudyQueue,
	previewCard,
	rateCard,
	sameSchedule,
	setSuspended,
	undoReview
} from '$lib/db/study';
import { StaleCardError } from '$lib/db/errors';
import { Rating, State, type Grade, type IntervalPreview, type SrsSettings } from '$lib/srs';
import { dayContext, learnerDayNumber, localUtcOffset } from '$lib/srs/day';
import { appDatabase } from './app-database.svelte';
import { messageOf } from '$lib/message';

export interface SessionSummary {
	reviewed: number;
	again: number;
	startedAt: number;
	/** Milliseconds spent, from the first card shown to the last rating. */
	elapsedMs: number;
}

export const GRADE_LABELS: Record<Grade, string> = {
	[Rating.Again]: 'Again',
	[Rating.Hard]: 'Hard',
	[Rating.Good]: 'Good',
	[Rating.Easy]: 'Easy'
};

/**
 * What a rating did: saved (with the interval applied, as on its button), ignored (no card, answer
 * hidden, or another rating still saving), stale (the card changed in another tab; the buttons now
 * show its new intervals) or failed (nothing saved; `error` says why).
 */
export type RatingOutcome =
	| { status: 'saved'; grade: Grade; label: string }
	| { status: 'ignored' }
	| { status: 'stale' }
	| { status: 'failed' };

/** A rating this device made: its card and review time, which name its log row. */
export interface OwnRating {
	cardId: string;
	review: number;
}

/**
 * Where a sitting keeps the ratings it may undo, so that leaving Review and coming back the same
 * day still offers undo. `day` is the learner's day number; what was kept on another day is not
 * read back.
 */
export interface UndoMemory {
	read(day: number): OwnRating[];
	write(day: number, ratings: OwnRating[]): void;
}

const UNDO_KEY = 'factdeck:review-undo';

/**
 * The ratings this tab made today, in the tab's session storage: they outlive leaving Review and
 * reloading, and no other tab (which may be rating the same deck) can take them back.
 */
export const tabUndoMemory: UndoMemory = {
	read(day) {
		try {
			const kept = JSON.parse(sessionStorage.getItem(UNDO_KEY) ?? 'null') as {
				day?: unknown;
				ratings?: unknown;
			} | null;
			if (kept?.day !== day || !Array.isArray(kept.ratings)) return [];
			return kept.ratings.filter(
				(r): r is OwnRating => typeof r?.cardId === 'string' && typeof r?.review === 'number'
			);
		} catch {
			return [];
		}
	},
	write(day, ratings) {
		try {
			sessionStorage.setItem(UNDO_KEY, JSON.stringify({ day, ratings }));
		} catch {
			// Without session storage, undo lasts as long as this page.
		}
	}
};

/** After this long with the answer shown, the intervals are worked out again before a rating. */
const PREVIEW_FRESH_MS = 60 * 60_000;

export class ReviewSession {
	readonly #articleId: string | undefined;
	/** One article's cards now, outside the daily limits (custom study). */
	readonly #custom: boolean;
	readonly #db: FactdeckDB;
	#empty = $state.raw<EmptyExplanation | null>(null);
	/** The card last suspended or buried from this session, for its undo. */
	#hidden = $state.raw<{ card: CardRecord; action: 'suspend' | 'bury' } | null>(null);
	#queue = $state.raw<CardRecord[]>([]);
	#counts = $state({ learning: 0, review: 0, new: 0 });
	#nextLearningDue = $state<number | null>(null);
	#revealed = $state(false);
	#previews = $state.raw<IntervalPreview[]>([]);
	/** When the shown intervals were worked out. */
	#previewedAt = 0;
	/** Something the learner should know that is not an error (another tab's change). */
	#notice = $state<string | null>(null);
	/** Watches the card on screen, so another tab's change refreshes it and its intervals. */
	#watch: { id: string; subscription: Subscription } | null = null;
	#settings: SrsSettings | undefined;
	#loaded = $state(false);
	#busy = $state(false);
	#reviewed = $state(0);
	#again = $state(0);
	#startedAt = 0;
	#lastAt = 0;
	/**
	 * Ratings given in this sitting (card and review time), newest last: undo takes back exactly
	 * these, never a rating another tab or device made.
	 */
	#history: OwnRating[] = [];
	readonly #undoMemory: UndoMemory | undefined;
	/** The learner day `#history` belongs to, once read back from `#undoMemory`. */
	#historyDay: number | null = null;
	#error = $state<string | null>(null);
	/** Bumped by every change of the queue, so a late refresh cannot undo a newer one. */
	#generation = 0;

	/** `undoMemory` keeps this sitting's ratings for undo after the page goes (none: only in memory). */
	constructor(db: FactdeckDB, articleId?: string, custom = false, undoMemory?: UndoMemory) {
		this.#articleId = articleId;
		this.#custom = custom && articleId !== undefined;
		this.#db = db;
		this.#undoMemory = undoMemory;
	}

	get current(): CardRecord | undefined {
		return this.#queue[0];
	}
	get revealed(): boolean {
		return this.#revealed;
	}
	get previews(): IntervalPreview[] {
		return this.#previews;
	}
	get counts(): { learning: number; review: number; new: number } {
		return this.#counts;
	}
	get remaining(): number {
		return this.#queue.length;
	}
	get loaded(): boolean {
		return this.#loaded;
	}
	get busy(): boolean {
		return this.#busy;
	}
	get error(): string | null {
		return this.#error;
	}
	get notice(): string | null {
		return this.#notice;
	}
	/** Why nothing is left today, and what "study more" would add; null while cards remain. */
	get empty(): EmptyExplanation | null {
		return this.#empty;
	}
	/** The card last suspended or buried here, while that can still be undone. */
	get hidden(): { card: CardRecord; action: 'suspend' | 'bury' } | null {
		return this.#hidden;
	}
	/** A custom session of one article, outside the daily limits. */
	get custom(): boolean {
		return this.#custom;
	}
	get nextLearningDue(): number | null {
		return this.#nextLearningDue;
	}
	get canUndo(): boolean {
		return this.#history.length > 0 && !this.#busy;
	}
	/** Share of this sitting done, 0 to 1. */
	get progress(): number {
		const total = this.#reviewed + this.#queue.length;
		return total === 0 ? 1 : this.#reviewed / total;
	}
	get summary(): SessionSummary {
		return {
			reviewed: this.#reviewed,
			again: this.#again,
			startedAt: this.#startedAt,
			elapsedMs: this.#lastAt - this.#startedAt
		};
	}

	/** Loads today's queue as of `now`. */
	async load(now = new Date()): Promise<void> {
		this.#generation++;
		const queue = await this.#fetch(now);
		this.#apply(queue.cards, queue.counts, queue.nextLearningDue);
		this.#revealed = false;
		this.#previews = [];
		this.#empty =
			this.#queue.length === 0 && !this.#custom
				? await explainEmptyQueue(this.#db, now, 0, this.#nextLearningDue)
				: null;
		this.#loaded = true;
		if (!this.#startedAt) this.#startedAt = now.getTime();
		this.#recall(now);
	}

	#dayOf(now: Date): number | null {
		const settings = this.#settings;
		return settings
			? learnerDayNumber(now, dayContext(localUtcOffset(now), settings.dayStartHour))
			: null;
	}

	/** On a new learner day (or the first load), reads back the ratings kept for undo today. */
	#recall(now: Date): void {
		const day = this.#dayOf(now);
		if (!this.#undoMemory || day === null || day === this.#historyDay) return;
		this.#historyDay = day;
		this.#history = this.#undoMemory.read(day);
	}

	#remember(): void {
		if (this.#historyDay !== null) this.#undoMemory?.write(this.#historyDay, this.#history);
	}

	/** Raises today's new-card limit by `count` and loads the new cards. */
	async studyMore(count: number, now = new Date()): Promise<void> {
		await this.#run(async () => {
			await studyMoreNewToday(this.#db, count, now);
			await this.load(now);
		});
	}

	async #fetch(now: Date) {
		const queue = this.#custom
			? await getArticleQueue(this.#db, this.#articleId!, now)
			: await getStudyQueue(this.#db, now);
		this.#settings = queue.settings;
		const cards = this.#articleId
			? queue.cards.filter((c) => c.articleId === this.#articleId)
			: queue.cards;
		const counts = this.#articleId ? countByState(cards) : queue.counts;
		return { cards, counts, nextLearningDue: queue.nextLearningDue };
	}

	#apply(
		cards: CardRecord[],
		counts: { learning: number; review: number; new: number },
		nextLearningDue: number | null
	): void {
		this.#queue = cards;
		this.#counts = counts;
		this.#nextLearningDue = nextLearningDue;
	}

	/**
	 * Brings the queue up to date after a rating (learning cards coming back, another tab's work)
	 * without changing the card on screen. Dropped if the learner has moved on meanwhile.
	 */
	async #refresh(now: Date): Promise<void> {
		const generation = this.#generation;
		const queue = await this.#fetch(now);
		if (generation !== this.#generation) return;
		const head = this.#queue[0];
		const cards = head ? [head, ...queue.cards.filter((c) => c.id !== head.id)] : queue.cards;
		this.#apply(cards, queue.counts, queue.nextLearningDue);
	}

	reveal(now = new Date()): void {
		const card = this.current;
		if (!card || this.#revealed || !this.#settings) return;
		this.#previews = previewCard(card, this.#settings, now);
		this.#previewedAt = now.getTime();
		this.#revealed = true;
	}

	/**
	 * Keeps the card on screen in step with the database: when another tab rates or changes it,
	 * the card and its buttons' intervals are refreshed (or it leaves the queue) before this tab
	 * can rate it. Call again whenever the card changes; `stop` ends it.
	 */
	watch(): void {
		const id = this.current?.id;
		if (this.#watch?.id === id) return;
		this.stop();
		if (!id) return;
		const subscription = liveQuery(() => this.#db.cards.get(id)).subscribe({
			next: (stored) => void this.#changedElsewhere(id, stored).catch(() => undefined),
			error: () => undefined
		});
		this.#watch = { id, subscription };
	}

	stop(): void {
		this.#watch?.subscription.unsubscribe();
		this.#watch = null;
	}

	async #changedElsewhere(id: string, stored: CardRecord | undefined): Promise<void> {
		const head = this.current;
		// This tab's own writes change the card while it is busy; it moves on by itself then.
		if (this.#busy || !head || head.id !== id) return;
		if (stored && sameSchedule(stored, head) && stored.queue === head.queue) return;
		await this.#takeStored(stored, new Date());
	}

	/** Puts the stored version of the card on screen in its place, or moves on if it left the queue. */
	async #takeStored(stored: CardRecord | undefined, now: Date): Promise<void> {
		const generation = ++this.#generation;
		const queue = await this.#fetch(now);
		if (generation !== this.#generation) return;
		const fresh = stored && queue.cards.find((c) => c.id === stored.id);
		const rest = queue.cards.filter((c) => c.id !== stored?.id);
		const wasRevealed = this.#revealed;
		this.#apply(fresh ? [fresh, ...rest] : rest, queue.counts, queue.nextLearningDue);
		this.#notice = fresh
			? 'This card was just rated or changed in another tab; its intervals are updated.'
			: 'The card on screen was rated in another tab, so it is done for now.';
		this.#revealed = false;
		this.#previews = [];
		if (fresh && wasRevealed) this.reveal(now);
		if (this.#queue.length === 0) await this.load(now);
	}

	/**
	 * Rates the card on screen with the interval its button shows. If the card changed in another
	 * tab since, nothing is rated: the buttons refresh and the outcome says so.
	 */
	async rate(grade: Grade, now = new Date()): Promise<RatingOutcome> {
		const card = this.current;
		const settings = this.#settings;
		if (!card || !settings || !this.#revealed || this.#busy) return { status: 'ignored' };
		const shown = this.#previews.find((p) => p.grade === grade);
		if (!shown) return { status: 'ignored' };
		// Fuzz and day boundaries depend on the moment: rate now if the button would read the same
		// now, else at the moment the intervals were shown, so the interval applied is the one shown.
		let at = now;
		if (previewCard(card, settings, now).find((p) => p.grade === grade)?.label !== shown.label) {
			if (now.getTime() - this.#previewedAt > PREVIEW_FRESH_MS) {
				this.#previews = previewCard(card, settings, now);
				this.#previewedAt = now.getTime();
				this.#notice = 'The intervals were worked out again, as time has passed. Rate it again.';
				return { status: 'stale' };
			}
			at = new Date(this.#previewedAt);
		}
		const result: { outcome: RatingOutcome } = { outcome: { status: 'failed' } };
		this.#notice = null;
		await this.#run(async () => {
			const saved = await rateCard(this.#db, card.id, grade, at, undefined, card).catch(
				(error: unknown) => {
					if (error instanceof StaleCardError) return error;
					throw error;
				}
			);
			if (saved instanceof StaleCardError) {
				result.outcome = { status: 'stale' };
				await this.#takeStored(saved.card as CardRecord, now);
				return;
			}
			const { log } = saved;
			result.outcome = { status: 'saved', grade, label: shown.label };
			// The first real use: ask the browser to keep this data (asked once, ever).
			if (this.#reviewed === 0) void persistOnFirstUse(this.#db).catch(() => undefined);
			this.#history.push({ cardId: log.cardId, review: log.review });
			this.#remember();
			this.#reviewed++;
			if (grade === Rating.Again) this.#again++;
			this.#lastAt = now.getTime();
			if (this.#queue.length <= 1) {
				// The last card: ask the database whether anything comes back today.
				await this.load(now);
				return;
			}

			// Show the next card at once; the queue catches up just after.
			this.#generation++;
			this.#queue = this.#queue.slice(1);
			this.#revealed = false;
			this.#previews = [];
			void this.#refresh(now).catch((error: unknown) => {
				this.#error = messageOf(error);
			});
		});
		return result.outcome;
	}

	/** Takes back the last rating of this sitting and shows that card again, answer hidden. */
	async undo(now = new Date()): Promise<boolean> {
		if (!this.canUndo) return false;
		let undone = false;
		await this.#run(async () => {
			const mine = this.#history.at(-1);
			if (!mine) return;
			const card = await undoReview(this.#db, mine);
			this.#history.pop();
			this.#remember();
			if (!card) {
				this.#error =
					'That rating was changed in another tab or on another device since, so it was kept.';
				await this.load(now);
				return;
			}
			this.#reviewed = Math.max(0, this.#reviewed - 1);
			await this.load(now);
			// Show the card that was taken back first, whatever the queue order says.
			this.#queue = [card, ...this.#queue.filter((c) => c.id !== card.id)];
			undone = true;
		});
		return undone;
	}

	async suspendCurrent(now = new Date()): Promise<void> {
		const card = this.current;
		if (!card) return;
		await this.#run(async () => {
			await setSuspended(this.#db, [card.id], true, now);
			this.#hidden = { card, action: 'suspend' };
			await this.load(now);
		});
	}

	async buryCurrent(now = new Date()): Promise<void> {
		const card = this.current;
		if (!card) return;
		await this.#run(async () => {
			await buryCard(this.#db, card.id, now);
			this.#hidden = { card, action: 'bury' };
			await this.load(now);
		});
	}

	/** Takes back the last suspend or bury and shows that card again. */
	async undoHide(now = new Date()): Promise<void> {
		const hidden = this.#hidden;
		if (!hidden) return;
		await this.#run(async () => {
			if (hidden.action === 'suspend') await setSuspended(this.#db, [hidden.card.id], false, now);
			else await unburyCard(this.#db, hidden.card.id, now);
			this.#hidden = null;
			await this.load(now);
			this.#queue = [hidden.card, ...this.#queue.filter((c) => c.id !== hidden.card.id)];
		});
	}

	async #run(task: () => Promise<void>): Promise<void> {
		this.#busy = true;
		this.#error = null;
		try {
			await task();
		} catch (error) {
			this.#error = messageOf(error);
		} finally {
			this.#busy = false;
		}
	}
}

function countByState(cards: CardRecord[]): { learning: number; review: number; new: number } {
	const counts = { learning: 0, review: 0, new: 0 };
	for (const card of cards) {
		if (card.state === State.New) counts.new++;
		else if (card.state === State.Review) counts.review++;
		else counts.learning++;
	}
	return counts;
}

/**
 * Opens the app's database and loads a sitting over it (`custom`: one article's cards now,
 * outside the daily limits), with every article's title and text for the "from" line.
 */
export async function startReviewSession(
	articleId: string | undefined,
	custom: boolean,
	now = new Date()
): Promise<{ session: ReviewSession; texts: Map<string, { title: string; text: string }> }> {
	const db = await appDatabase();
	const session = new ReviewSession(db, articleId, custom, tabUndoMemory);
	const [texts] = await Promise.all([articleTexts(db), session.load(now)]);
	return { session, texts };
}
