/**
 * Articles and the questions and cards generated from them. A deck is always written together
 * with its article in one transaction, and regeneration merges by id so history is never lost.
 */
import type { Card, Deck, Question, Span } from '$lib/generate/types';
import { clipText, clipTitle, deckLimitProblems, LIMITS } from '$lib/limits';
import { newSchedule, State } from '$lib/srs';
import type { FactdeckDB } from './database';
import { ConflictError, NotFoundError } from './errors';
import { checkItemEdit, refuseOverLimits } from './limits';
import { relocateSpan } from './article-versions';
import { questionEditProblem, type QuestionEdit } from './hand';
import { hash64, scopeDeck } from './item-ids';
import { QUEUE_RETIRED, type ArticleRecord, type CardRecord, type QuestionRecord } from './records';
import { rw } from './tx';

export interface ArticleInput {
	/** Defaults to an id derived from the text, so the same text always lands on the same article. */
	id?: string;
	/** Defaults to the deck's title. */
	title?: string;
	text: string;
	source?: string;
	builtIn?: boolean;
}

/** What a write did, for a "12 new cards, 3 retired" notice. */
export interface DeckWriteReport {
	articleId: string;
	added: number;
	updated: number;
	/** Hand-edited items left as the learner wrote them. */
	keptEdited: number;
	/** Items the new deck no longer has: hidden, history kept. */
	retired: number;
	/** Items retired earlier that the new deck brought back. */
	revived: number;
}

/**
 * A stable id for an article's text (two FNV-1a passes, 64 bits as hex). Synchronous so it can
 * run anywhere, including inside a transaction.
 */
export function articleIdFor(text: string): string {
	return `a-${hash64(text)}`;
}

function cardContent(card: Card): Card {
	return {
		id: card.id,
		factId: card.factId,
		front: card.front,
		back: card.back,
		evidence: { start: card.evidence.start, end: card.evidence.end }
	};
}

/**
 * Merges a generated deck into the article's stored items. Must run inside a transaction over
 * articles, questions and cards.
 */
async function writeDeck(
	db: FactdeckDB,
	article: ArticleRecord,
	generated: Deck,
	now: number
): Promise<DeckWriteReport> {
	// Nothing larger than a backup accepts is written (see $lib/limits).
	refuseOverLimits(deckLimitProblems({ ...generated, ...article }));
	// Stored ids are the generator's scoped to this article (see item-ids.ts).
	const deck = scopeDeck(article.id, generated);
	const report: DeckWriteReport = {
		articleId: article.id,
		added: 0,
		updated: 0,
		keptEdited: 0,
		retired: 0,
		revived: 0
	};
	const [oldCards, oldQuestions] = await Promise.all([
		db.cards.where('articleId').equals(article.id).toArray(),
		db.questions.where('articleId').equals(article.id).toArray()
	]);
	const oldCardById = new Map(oldCards.map((c) => [c.id, c]));
	const oldQuestionById = new Map(oldQuestions.map((q) => [q.id, q]));
	await refuseClashes(db, deck, oldCardById, oldQuestionById);
	const cards = mergeCards(article.id, deck, oldCards, oldCardById, now, report);
	const questions = mergeQuestions(article.id, deck, oldQuestions, oldQuestionById, now);

	await db.articles.put(article);
	await db.cards.bulkPut(cards);
	await db.questions.bulkPut(questions);
	return report;
}

/** An id the generator made for this article must not already belong to another one. */
async function refuseClashes(
	db: FactdeckDB,
	deck: Deck,
	oldCardById: ReadonlyMap<string, CardRecord>,
	oldQuestionById: ReadonlyMap<string, QuestionRecord>
): Promise<void> {
	const freshCardIds = deck.cards.map((c) => c.id).filter((id) => !oldCardById.has(id));
	const freshQuestionIds = deck.questions.map((q) => q.id).filter((id) => !oldQuestionById.has(id));
	const [clashCards, clashQuestions] = await Promise.all([
		db.cards.bulkGet(freshCardIds),
		db.questions.bulkGet(freshQuestionIds)
	]);
	const clash = [...clashCards, ...clashQuestions].find((x) => x !== undefined);
	if (clash) {
		throw new ConflictError(
			`Item ${clash.id} already belongs to another article (${clash.articleId}); nothing was saved.`
		);
	}
}

/** The article's cards after regeneration: new ones added, kept ones updated, missing ones retired. */
function mergeCards(
	articleId: string,
	deck: Deck,
	oldCards: readonly CardRecord[],
	oldCardById: ReadonlyMap<string, CardRecord>,
	now: number,
	report: DeckWriteReport
): CardRecord[] {
	const cards: CardRecord[] = [];
	const seenCards = new Set<string>();
	deck.cards.forEach((card, order) => {
		if (seenCards.has(card.id)) return;
		seenCards.add(card.id);
		const old = oldCardById.get(card.id);
		if (!old) {
			// New cards are introduced in deck order: their due date encodes it.
			cards.push({
				...cardContent(card),
				...newSchedule(now + order),
				articleId,
				order,
				queue: State.New,
				tags: [],
				createdAt: now,
				updatedAt: now
			});
			report.added++;
			return;
		}
		// Removed by hand: stays out, whatever the generator says.
		if (old.removed) return;
		const next: CardRecord = { ...old };
		if (old.retiredAt !== undefined) {
			delete next.retiredAt;
			next.queue = old.state;
			report.revived++;
		}
		if (old.edited) report.keptEdited++;
		else {
			Object.assign(next, cardContent(card), { order });
			report.updated++;
		}
		next.updatedAt = now;
		cards.push(next);
	});
	for (const old of oldCards) {
		if (seenCards.has(old.id) || old.retiredAt !== undefined) continue;
		if (old.edited) {
			report.keptEdited++;
			continue;
		}
		cards.push({ ...old, queue: QUEUE_RETIRED, retiredAt: now, updatedAt: now });
		report.retired++;
	}
	return cards;
}

/** The article's questions after regeneration; edited ones are kept, missing ones retired. */
function mergeQuestions(
	articleId: string,
	deck: Deck,
	oldQuestions: readonly QuestionRecord[],
	oldQuestionById: ReadonlyMap<string, QuestionRecord>,
	now: number
): QuestionRecord[] {
	const questions: QuestionRecord[] = [];
	const seenQuestions = new Set<string>();
	deck.questions.forEach((question: Question, order) => {
		if (seenQuestions.has(question.id)) return;
		seenQuestions.add(question.id);
		const old = oldQuestionById.get(question.id);
		if (old?.removed) return;
		if (old?.edited) {
			const kept = { ...old, updatedAt: now };
			delete kept.retiredAt;
			questions.push(kept);
			return;
		}
		questions.push({ ...question, articleId, order, updatedAt: now });
	});
	for (const old of oldQuestions) {
		if (seenQuestions.has(old.id) || old.retiredAt !== undefined || old.edited) continue;
		questions.push({ ...old, retiredAt: now, updatedAt: now });
	}
	return questions;
}

function articleRecord(input: ArticleInput, deck: Deck, now: number, old?: ArticleRecord) {
	const record: ArticleRecord = {
		id: input.id ?? articleIdFor(input.text),
		title: clipTitle(input.title ?? (deck.title || old?.title || 'Untitled article')),
		text: input.text,
		sections: deck.sections,
		facts: deck.facts,
		addedAt: old?.addedAt ?? now,
		generatedAt: now
	};
	const source = input.source ?? old?.source;
	if (source !== undefined) record.source = clipText(source, LIMITS.source);
	if (input.builtIn ?? old?.builtIn) record.builtIn = true;
	return record;
}

/**
 * Stores an article with its generated deck, in one transaction. Adding the same text again
 * updates it like {@link regenerateArticle}.
 */
export async function addArticle(
	db: FactdeckDB,
	input: ArticleInput,
	deck: Deck,
	now: Date
): Promise<DeckWriteReport> {
	const id = input.id ?? articleIdFor(input.text);
	return rw(db, [db.articles, db.questions, db.cards], async () => {
		const old = await db.articles.get(id);
		return writeDeck(
			db,
			articleRecord({ ...input, id }, deck, now.getTime(), old),
			deck,
			now.getTime()
		);
	});
}

/**
 * Replaces an article's deck with a newly generated one. Cards whose ids remain keep their whole
 * history; cards whose facts vanished are retired (hidden, not deleted); hand-edited questions and
 * cards are left exactly as the learner wrote them.
 */
export async function regenerateArticle(
	db: FactdeckDB,
	articleId: string,
	deck: Deck,
	now: Date
): Promise<DeckWriteReport> {
	return rewriteArticle(db, articleId, async (old) => {
		const record = articleRecord({ id: old.id, text: old.text }, deck, now.getTime(), old);
		record.title = deck.title || old.title;
		return writeDeck(db, record, deck, now.getTime());
	});
}

/**
 * Replaces an article's text with a new version of it and its deck with one generated from the new
 * text. Like {@link regenerateArticle}, cards whose facts remain keep their whole history (their
 * ids are scoped to this article, not to its text) and the rest are retired; items kept from the
 * old text (hand-made, edited, retired) have their sentence found again in the new one.
 */
export async function updateArticleText(
	db: FactdeckDB,
	articleId: string,
	input: Omit<ArticleInput, 'id'>,
	deck: Deck,
	now: Date
): Promise<DeckWriteReport> {
	return rewriteArticle(db, articleId, async (old) => {
		const move = (span: Span) => relocateSpan(old.text, input.text, span);
		const [cards, questions] = await Promise.all([
			db.cards.where('articleId').equals(articleId).toArray(),
			db.questions.where('articleId').equals(articleId).toArray()
		]);
		await db.cards.bulkPut(cards.map((c) => ({ ...c, evidence: move(c.evidence) })));
		await db.questions.bulkPut(
			questions.map((q) => {
				const next = { ...q, evidence: move(q.evidence) };
				if (q.answerSpan) next.answerSpan = move(q.answerSpan);
				return next;
			})
		);
		const record = articleRecord({ ...input, id: articleId }, deck, now.getTime(), old);
		return writeDeck(db, record, deck, now.getTime());
	});
}

/** Runs `write` on the stored article in a transaction over its deck; a missing article is refused. */
function rewriteArticle(
	db: FactdeckDB,
	articleId: string,
	write: (old: ArticleRecord) => Promise<DeckWriteReport>
): Promise<DeckWriteReport> {
	return rw(db, [db.articles, db.questions, db.cards], async () => {
		const old = await db.articles.get(articleId);
		if (!old) throw new NotFoundError(`Article ${articleId}`);
		return write(old);
	});
}

export const SEED_FLAG = 'seed';

export interface SeedContent {
	article: ArticleInput;
	deck: Deck;
}

/**
 * Writes the built-in article and its deck the first time the app opens. Idempotent and safe when
 * two tabs start together: the check and the write share one transaction, which IndexedDB runs
 * one at a time. Once seeded, never again, even if the learner deletes the article.
 * `makeSeed` (which may generate the deck) runs outside the transaction and only when needed.
 * @returns true if this call wrote the seed.
 */
export async function ensureSeeded(
	db: FactdeckDB,
	makeSeed: () => SeedContent | Promise<SeedContent>,
	now: Date
): Promise<boolean> {
	if (await db.settings.get(SEED_FLAG)) return false;
	const seed = await makeSeed();
	const id = seed.article.id ?? articleIdFor(seed.article.text);
	return rw(db, [db.articles, db.questions, db.cards, db.settings], async () => {
		if (await db.settings.get(SEED_FLAG)) return false;
		if (!(await db.articles.get(id))) {
			const input = { builtIn: true, ...seed.article, id };
			await writeDeck(db, articleRecord(input, seed.deck, now.getTime()), seed.deck, now.getTime());
		}
		await db.settings.put({ key: SEED_FLAG, value: { articleId: id, at: now.getTime() } });
		return true;
	});
}

/** Deletes an article with everything made from it, review history included. */
export async function deleteArticle(db: FactdeckDB, articleId: string): Promise<void> {
	const tables = [db.articles, db.questions, db.cards, db.logs, db.quizzes, db.attempts];
	await rw(db, tables, async () => {
		const cardIds = await db.cards.where('articleId').equals(articleId).primaryKeys();
		const quizIds = await db.quizzes.where('articleId').equals(articleId).primaryKeys();
		await db.logs.bulkDelete(cardIds);
		await db.attempts.where('quizId').anyOf(quizIds).delete();
		await db.quizzes.bulkDelete(quizIds);
		await db.cards.bulkDelete(cardIds);
		await db.questions.where('articleId').equals(articleId).delete();
		await db.articles.delete(articleId);
	});
}

export function getArticle(db: FactdeckDB, id: string): Promise<ArticleRecord | undefined> {
	return db.articles.get(id);
}

/** All articles, newest first. */
export function listArticles(db: FactdeckDB): Promise<ArticleRecord[]> {
	return db.articles.orderBy('addedAt').reverse().toArray();
}

/** Items in deck order, retired ones left out unless asked for. */
function inDeckOrder<T extends { order: number; retiredAt?: number }>(
	items: T[],
	includeRetired: boolean
): T[] {
	return items
		.filter((x) => includeRetired || x.retiredAt === undefined)
		.sort((a, b) => a.order - b.order);
}

/** The article's active cards in deck order (retired ones left out unless asked for). */
export async function cardsOfArticle(
	db: FactdeckDB,
	articleId: string,
	includeRetired = false
): Promise<CardRecord[]> {
	return inDeckOrder(await db.cards.where('articleId').equals(articleId).toArray(), includeRetired);
}

export async function questionsOfArticle(
	db: FactdeckDB,
	articleId: string,
	includeRetired = false
): Promise<QuestionRecord[]> {
	const questions = await db.questions.where('articleId').equals(articleId).toArray();
	return inDeckOrder(questions, includeRetired);
}

/** Changes a card's text by hand; from then on regeneration leaves it alone. */
export async function editCard(
	db: FactdeckDB,
	cardId: string,
	change: { front?: string; back?: string },
	now: Date
): Promise<void> {
	await rw(db, db.cards, async () => {
		const old = await db.cards.get(cardId);
		if (!old) throw new NotFoundError(`Card ${cardId}`);
		const next = { ...old, ...change, edited: true, updatedAt: now.getTime() };
		checkItemEdit(old, next);
		await db.cards.put(next);
	});
}

/**
 * Changes a question by hand (prompt, answer, choices...); regeneration leaves it alone. The edit
 * names the question's type, so it can carry only that type's fields (a multiple-choice edit its
 * choices, a true-false edit only "True" or "False"); the result must still be a sound question.
 */
export async function editQuestion(
	db: FactdeckDB,
	questionId: string,
	change: QuestionEdit,
	now: Date
): Promise<void> {
	await rw(db, db.questions, async () => {
		const old = await db.questions.get(questionId);
		if (!old) throw new NotFoundError(`Question ${questionId}`);
		if (old.type !== change.type) {
			throw new ConflictError(`Question ${questionId} is ${old.type}, not ${change.type}.`);
		}
		// Same type on both sides, so the merge is a question of that type.
		const next = { ...old, ...change, edited: true, updatedAt: now.getTime() } as QuestionRecord;
		const problem = questionEditProblem(next);
		if (problem) throw new Error(problem);
		checkItemEdit(old, next);
		await db.questions.put(next);
	});
}
