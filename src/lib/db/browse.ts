/**
 * The card browser's storage side: every card as one flat row, bulk changes to many cards at once
 * (each one transaction), flags, and editing a card together with the question it came from.
 */
import { Dexie } from 'dexie';
import { haystackOf, type BrowseRow, type BrowseState } from '$lib/decks/browse';
import { cardAfterQuestionEdit, isLinked, questionAfterCardEdit } from '$lib/decks/link';
import type { Question } from '$lib/generate/types';
import { DAY_MS, localUtcOffset, State } from '$lib/srs';
import type { FactdeckDB } from './database';
import { NotFoundError } from './errors';
import { questionEditProblem } from './hand';
import { checkItemEdit } from './limits';
import { QUEUE_RETIRED, QUEUE_SUSPENDED, type CardRecord, type QuestionRecord } from './records';
import { LEECH_TAG, resetCard } from './study';
import { ro, rw } from './tx';

const STATE_NAMES: Record<number, BrowseState> = {
	[State.New]: 'new',
	[State.Learning]: 'learning',
	[State.Review]: 'review',
	[State.Relearning]: 'relearning'
};

const factKey = (articleId: string, factId: string) => `${articleId}\u0000${factId}`;

/** What turns card records into browser rows: article titles, flagged facts, the time. */
interface RowContext {
	titles: ReadonlyMap<string, string>;
	flaggedFacts: ReadonlySet<string>;
	now: number;
}

function isListed(c: CardRecord): boolean {
	return c.queue !== QUEUE_RETIRED && c.retiredAt === undefined;
}

function toRow(c: CardRecord, { titles, flaggedFacts, now }: RowContext): BrowseRow {
	const articleTitle = titles.get(c.articleId) ?? '';
	return {
		cardId: c.id,
		articleId: c.articleId,
		articleTitle,
		front: c.front,
		back: c.back,
		state: STATE_NAMES[c.state] ?? 'new',
		due: c.due,
		reps: c.reps,
		lapses: c.lapses,
		stability: c.stability,
		leech: c.tags.includes(LEECH_TAG),
		suspended: c.queue === QUEUE_SUSPENDED,
		buried: c.buriedUntil !== undefined && c.buriedUntil > now,
		flagged: c.flaggedAt !== undefined || flaggedFacts.has(factKey(c.articleId, c.factId)),
		edited: c.edited === true,
		haystack: haystackOf(c.front, c.back, articleTitle)
	};
}

/** Titles of articles and the facts of flagged questions, all of them or of some articles. */
async function rowContext(
	db: FactdeckDB,
	now: Date,
	articleIds?: readonly string[]
): Promise<RowContext> {
	const flagged = (q: QuestionRecord) => q.flaggedAt !== undefined && q.retiredAt === undefined;
	const [articles, flaggedQuestions] = await Promise.all([
		articleIds ? db.articles.bulkGet([...articleIds]) : db.articles.toArray(),
		(articleIds
			? db.questions.where('articleId').anyOf([...articleIds])
			: db.questions.toCollection()
		)
			.filter(flagged)
			.toArray()
	]);
	return {
		titles: new Map(articles.flatMap((a) => (a ? [[a.id, a.title] as const] : []))),
		flaggedFacts: new Set(flaggedQuestions.map((q) => factKey(q.articleId, q.factId))),
		now: now.getTime()
	};
}

/** The queues of the cards the browser lists: every one but retired. */
const LISTED_QUEUES = [
	QUEUE_SUSPENDED,
	State.New,
	State.Learning,
	State.Review,
	State.Relearning
] as const;

/** The browser's default order (due date, then card id), as the full list sorts too. */
function byDue(a: CardRecord, b: CardRecord): number {
	return a.due - b.due || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The first `limit` cards of the browser's default view (every listed card, by due date) and how
 * many cards it lists, from the `[queue+due]` index alone: one range per queue, each read only up
 * to `limit` cards, so the first screen costs a few dozen records however large the deck is.
 */
export async function loadFirstBrowseRows(
	db: FactdeckDB,
	now: Date,
	limit: number
): Promise<{ rows: BrowseRow[]; total: number }> {
	return ro(db, [db.cards, db.articles, db.questions], async () => {
		const range = (queue: number) =>
			db.cards
				.where('[queue+due]')
				.between([queue, Dexie.minKey], [queue, Dexie.maxKey], true, true);
		const [heads, counts] = await Promise.all([
			Promise.all(LISTED_QUEUES.map((q) => range(q).filter(isListed).limit(limit).toArray())),
			Promise.all(LISTED_QUEUES.map((q) => range(q).count()))
		]);
		const first = heads.flat().sort(byDue).slice(0, limit);
		const context = await rowContext(db, now, [...new Set(first.map((c) => c.articleId))]);
		return {
			rows: first.map((c) => toRow(c, context)),
			total: counts.reduce((n, c) => n + c, 0)
		};
	});
}

/** How the full load reads the cards: in pieces, with a pause between them. */
export interface ChunkedRead {
	/** Cards per piece. */
	size: number;
	/** Called between pieces (outside any transaction); the page answers input meanwhile. */
	pause: () => Promise<void>;
}

/**
 * Every card still in the deck (removed and retired ones left out), as browser rows, in card id
 * order. With `chunks`, the cards are read a piece at a time, each piece in a read transaction of
 * its own, so no single read holds the page for long.
 */
export async function loadBrowseRows(
	db: FactdeckDB,
	now: Date,
	chunks?: ChunkedRead
): Promise<BrowseRow[]> {
	if (!chunks) {
		const [cards, context] = await ro(db, [db.cards, db.articles, db.questions], () =>
			Promise.all([db.cards.toArray(), rowContext(db, now)])
		);
		return cards.filter(isListed).map((c) => toRow(c, context));
	}
	const context = await ro(db, [db.articles, db.questions], () => rowContext(db, now));
	const rows: BrowseRow[] = [];
	let after: string | null = null;
	for (;;) {
		const from: string | null = after;
		const piece: CardRecord[] = await ro(db, db.cards, () =>
			(from === null ? db.cards.orderBy(':id') : db.cards.where(':id').above(from))
				.limit(chunks.size)
				.toArray()
		);
		for (const c of piece) if (isListed(c)) rows.push(toRow(c, context));
		if (piece.length < chunks.size) return rows;
		after = piece[piece.length - 1]!.id;
		await chunks.pause();
	}
}

/** Cards that can be changed: present and not retired. */
async function activeCards(db: FactdeckDB, ids: readonly string[]): Promise<CardRecord[]> {
	const cards = await db.cards.bulkGet([...ids]);
	return cards.filter((c): c is CardRecord => c !== undefined && c.queue !== QUEUE_RETIRED);
}

/** Makes cards new again, each with a reset row in its log (the history before it is kept). */
export async function resetCards(
	db: FactdeckDB,
	ids: readonly string[],
	now: Date,
	utcOffsetMinutes = localUtcOffset(now)
): Promise<number> {
	return rw(db, [db.cards, db.logs, db.settings], async () => {
		const cards = await activeCards(db, ids);
		for (const c of cards) await resetCard(db, c.id, now, utcOffsetMinutes);
		return cards.length;
	});
}

/** Rewrites the given active cards with `change`, in one transaction; returns how many changed. */
async function changeCards(
	db: FactdeckDB,
	ids: readonly string[],
	change: (card: CardRecord) => CardRecord
): Promise<number> {
	return rw(db, db.cards, async () => {
		const next = (await activeCards(db, ids)).map(change);
		await db.cards.bulkPut(next);
		return next.length;
	});
}

/**
 * Sets the due date of cards `days` from now (0: due now), unburied. Cards that were studied keep
 * their memory state; new cards stay new and are introduced in due order. Returns how many changed.
 */
export async function rescheduleCards(
	db: FactdeckDB,
	ids: readonly string[],
	days: number,
	now: Date
): Promise<number> {
	if (!Number.isInteger(days) || days < 0 || days > 36500) {
		throw new RangeError('Give a whole number of days from 0 to 36500.');
	}
	const t = now.getTime();
	return changeCards(db, ids, (c) => {
		const out: CardRecord = { ...c, due: t + days * DAY_MS, updatedAt: t };
		if (c.state === State.Review) out.scheduledDays = days;
		delete out.buriedUntil;
		return out;
	});
}

/**
 * "Review now": cards come up in the next review session. Suspended cards are restored, buried
 * ones unburied, and the due date becomes now.
 */
export function reviewNow(db: FactdeckDB, ids: readonly string[], now: Date): Promise<number> {
	const t = now.getTime();
	return changeCards(db, ids, (c) => {
		const out: CardRecord = { ...c, due: Math.min(c.due, t), queue: c.state, updatedAt: t };
		delete out.buriedUntil;
		return out;
	});
}

/** Removes cards by hand: out of every queue and the browser, review history kept. */
export function removeCards(db: FactdeckDB, ids: readonly string[], now: Date): Promise<number> {
	const t = now.getTime();
	return changeCards(db, ids, (c) => ({
		...c,
		queue: QUEUE_RETIRED,
		retiredAt: t,
		removed: true,
		edited: true,
		updatedAt: t
	}));
}

/**
 * Flags (or clears the flag of) a card and every question of the same fact, in one transaction:
 * a flag raised in the review reaches the quiz and the other way round.
 */
export async function flagItem(
	db: FactdeckDB,
	target: { cardId: string } | { questionId: string },
	flagged: boolean,
	now: Date
): Promise<void> {
	const t = now.getTime();
	await rw(db, [db.cards, db.questions], async () => {
		const start =
			'cardId' in target
				? await db.cards.get(target.cardId)
				: await db.questions.get(target.questionId);
		if (!start) {
			throw new NotFoundError(
				'cardId' in target ? `Card ${target.cardId}` : `Question ${target.questionId}`
			);
		}
		const sameFact = <T extends { factId: string }>(x: T) => x.factId === start.factId;
		const [cards, questions] = await Promise.all([
			db.cards.where('articleId').equals(start.articleId).filter(sameFact).toArray(),
			db.questions.where('articleId').equals(start.articleId).filter(sameFact).toArray()
		]);
		const mark = <T extends { flaggedAt?: number; updatedAt: number }>(x: T): T => {
			const out = { ...x, updatedAt: t };
			if (flagged) out.flaggedAt = t;
			else delete out.flaggedAt;
			return out;
		};
		await db.cards.bulkPut(cards.map(mark));
		await db.questions.bulkPut(questions.map(mark));
	});
}

/** Questions a practice quiz may ask: flagged ones stay out until fixed. */
export function quizzable<T extends { flaggedAt?: number }>(questions: readonly T[]): T[] {
	return questions.filter((q) => q.flaggedAt === undefined);
}

/** A card with the question it was written from, and the article sentence both rest on. */
export interface CardDetail {
	card: CardRecord;
	question: QuestionRecord | null;
	articleTitle: string;
	/** The evidence sentence, as the article has it. */
	sentence: string;
}

export async function getCardDetail(db: FactdeckDB, cardId: string): Promise<CardDetail> {
	return ro(db, [db.cards, db.questions, db.articles], async () => {
		const card = await db.cards.get(cardId);
		if (!card) throw new NotFoundError(`Card ${cardId}`);
		const [article, questions] = await Promise.all([
			db.articles.get(card.articleId),
			db.questions.where('articleId').equals(card.articleId).toArray()
		]);
		const question = questions.find((q) => q.retiredAt === undefined && isLinked(card, q)) ?? null;
		const sentence = article
			? article.text.slice(card.evidence.start, card.evidence.end).trim()
			: '';
		return { card, question, articleTitle: article?.title ?? '', sentence };
	});
}

export interface CardEdit {
	front: string;
	back: string;
	/** The linked question's new prompt and answer (and options), when it has one. */
	question?: Partial<Pick<Question, 'prompt' | 'answer'>> & { choices?: string[] };
}

/**
 * Saves a card and its linked question together, in one transaction: a change to either is carried
 * to the other, both are marked edited (regeneration leaves them alone), a flag on them is cleared,
 * and the card's schedule and review log are untouched. Throws when the result would be invalid.
 */
export async function saveCardAndQuestion(
	db: FactdeckDB,
	cardId: string,
	edit: CardEdit,
	now: Date
): Promise<CardDetail> {
	const t = now.getTime();
	const front = edit.front.trim();
	const back = edit.back.trim();
	if (!front) throw new Error('The front is empty.');
	if (!back) throw new Error('The back is empty.');
	await rw(db, [db.cards, db.questions], async () => {
		const card = await db.cards.get(cardId);
		if (!card) throw new NotFoundError(`Card ${cardId}`);
		const questions = await db.questions.where('articleId').equals(card.articleId).toArray();
		const linked = questions.find((q) => q.retiredAt === undefined && isLinked(card, q));
		let nextCard: CardRecord = { ...card, front, back };
		let nextQuestion: QuestionRecord | null = null;
		if (linked) {
			// The question's own edit first; then what the card's edit implies for it.
			const asked = edit.question ?? {};
			const own = { ...linked, ...asked } as QuestionRecord;
			if (
				(own.type === 'multiple-choice' || own.type === 'quote') &&
				asked.answer !== undefined &&
				asked.choices === undefined
			) {
				// A new answer takes the old answer's place among the options.
				own.choices = own.choices.map((c) => (c === linked.answer ? own.answer : c));
			}
			const fromQuestion = cardAfterQuestionEdit(card, linked, own);
			const cardChanged = front !== card.front || back !== card.back;
			if (!cardChanged && fromQuestion) nextCard = { ...nextCard, ...fromQuestion };
			const fromCard = cardChanged ? questionAfterCardEdit(own, card, { front, back }) : null;
			nextQuestion = (fromCard as QuestionRecord | null) ?? own;
			const problem = questionEditProblem(nextQuestion);
			if (problem) throw new Error(problem);
			nextQuestion = { ...nextQuestion, edited: true, updatedAt: t };
			delete nextQuestion.flaggedAt;
		}
		checkItemEdit(card, nextCard);
		if (linked && nextQuestion) checkItemEdit(linked, nextQuestion);
		nextCard = { ...nextCard, edited: true, updatedAt: t };
		delete nextCard.flaggedAt;
		await db.cards.put(nextCard);
		if (nextQuestion) await db.questions.put(nextQuestion);
	});
	return getCardDetail(db, cardId);
}
