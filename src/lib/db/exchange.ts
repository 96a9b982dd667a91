/**
 * Decks in and out of the apps people already use: Anki packages (.apkg) and Quizlet sets. An
 * imported deck becomes an article whose text lists its cards, like a CSV import, so importing
 * the same deck again updates it and keeps the history of unchanged cards.
 */
import type { SqlJsStatic } from 'sql.js';
import { buildApkg, readApkg, type ApkgCard } from '$lib/decks/apkg';
import { answerOfBack } from '$lib/decks/link';
import { cardsToQuizlet, parseQuizlet } from '$lib/decks/quizlet';
import { addArticle, type DeckWriteReport } from './articles';
import { LIMITS } from '$lib/limits';
import { deckFromRows } from './csv';
import type { FactdeckDB } from './database';
import { QUEUE_RETIRED, type ArticleRecord, type CardRecord } from './records';
import { ro } from './tx';

/** Limits on a file brought in ($lib/limits): the same as for a CSV deck, and the package size. */
export const DECK_FILE_LIMITS = {
	maxBytes: LIMITS.deckFileBytes,
	maxChars: LIMITS.csvChars,
	maxNotes: LIMITS.csvRows,
	maxRows: LIMITS.csvRows,
	maxField: LIMITS.csvField
} as const;

interface DeckCards {
	title: string;
	cards: CardRecord[];
	articles: Map<string, ArticleRecord>;
}

/** The active cards of one article (or of all), in deck order, with their articles. */
async function deckCards(db: FactdeckDB, articleId?: string): Promise<DeckCards> {
	const [cards, articles] = await ro(db, [db.cards, db.articles], () =>
		Promise.all([
			articleId ? db.cards.where('articleId').equals(articleId).toArray() : db.cards.toArray(),
			articleId ? db.articles.get(articleId).then((a) => (a ? [a] : [])) : db.articles.toArray()
		])
	);
	const byId = new Map(articles.map((a) => [a.id, a]));
	const active = cards
		.filter((c) => c.queue !== QUEUE_RETIRED && c.retiredAt === undefined)
		.sort((a, b) => a.articleId.localeCompare(b.articleId) || a.order - b.order);
	const title = articleId ? (byId.get(articleId)?.title ?? 'Factdeck') : 'Factdeck';
	return { title, cards: active, articles: byId };
}

/** The sentence a card rests on, from its article (or the back's text after the answer). */
function sourceOf(card: CardRecord, article: ArticleRecord | undefined): string {
	const fromArticle = article?.text.slice(card.evidence.start, card.evidence.end).trim() ?? '';
	if (fromArticle) return fromArticle.replace(/\s+/g, ' ');
	const at = card.back.indexOf('\n\n');
	return at < 0 ? '' : card.back.slice(at + 2).trim();
}

/** An Anki package of one article's cards (or all cards, each tagged with its article). */
export async function exportApkg(
	db: FactdeckDB,
	SQL: SqlJsStatic,
	now: Date,
	articleId?: string
): Promise<{ bytes: Uint8Array; title: string; count: number }> {
	const { title, cards, articles } = await deckCards(db, articleId);
	const list: ApkgCard[] = cards.map((c) => {
		const article = articles.get(c.articleId);
		return {
			id: c.id,
			front: c.front,
			back: answerOfBack(c.back),
			source: sourceOf(c, article),
			tags: [article?.title ?? '', ...c.tags]
		};
	});
	const bytes = await buildApkg(SQL, title, list, now.getTime());
	return { bytes, title, count: list.length };
}

export interface DeckImportReport extends DeckWriteReport {
	title: string;
	/** Notes the package held that could not become cards (cloze or empty ones). */
	skipped: number;
}

/** Imports the basic notes of an .apkg as a deck; the back keeps a note's source after a blank line. */
export async function importApkg(
	db: FactdeckDB,
	SQL: SqlJsStatic,
	bytes: Uint8Array,
	now: Date,
	fileName?: string
): Promise<DeckImportReport> {
	const read = readApkg(SQL, bytes, DECK_FILE_LIMITS);
	if (read.notes.length === 0) {
		throw new Error(
			read.skipped
				? `The package has no basic notes to import (${read.skipped} cloze or empty notes were left out).`
				: 'The package has no notes.'
		);
	}
	const title =
		read.deckName.trim() || fileName?.replace(/\.apkg$/i, '').trim() || 'Imported Anki deck';
	const rows = read.notes.map((n, i) => ({
		line: i + 1,
		front: n.front,
		back: n.source ? `${n.back}\n\n${n.source}` : n.back
	}));
	const { articleId, text, deck } = deckFromRows(title, rows);
	const input = { id: articleId, title: deck.title, text };
	const report = await addArticle(
		db,
		fileName === undefined ? input : { ...input, source: fileName },
		deck,
		now
	);
	return { ...report, title, skipped: read.skipped };
}

/** One article's cards (or all) as a Quizlet set. */
export async function exportQuizlet(
	db: FactdeckDB,
	articleId?: string
): Promise<{ text: string; title: string; count: number }> {
	const { title, cards } = await deckCards(db, articleId);
	return { text: cardsToQuizlet(cards), title, count: cards.length };
}

/** Imports a Quizlet set (term, tab, definition per line) as a deck titled `title`. */
export async function importQuizlet(
	db: FactdeckDB,
	text: string,
	title: string,
	now: Date
): Promise<DeckImportReport> {
	const rows = parseQuizlet(text, DECK_FILE_LIMITS);
	const name = title.trim() || 'Imported Quizlet set';
	const { articleId, text: articleText, deck } = deckFromRows(name, rows);
	const report = await addArticle(
		db,
		{ id: articleId, title: deck.title, text: articleText, source: 'Quizlet' },
		deck,
		now
	);
	return { ...report, title: name, skipped: 0 };
}
