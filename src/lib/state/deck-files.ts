/** Anki packages and Quizlet sets in and out; each loads its code only when used. */
import type { DeckImportReport } from '$lib/db/exchange';
import { appDatabase } from './app-database.svelte';

export type { DeckImportReport };

const parts = () =>
	Promise.all([appDatabase(), import('$lib/db/exchange'), import('$lib/decks/sql')]);

export async function exportAnkiPackage(
	articleId?: string
): Promise<{ bytes: Uint8Array; title: string; count: number }> {
	const [db, exchange, sql] = await parts();
	return exchange.exportApkg(db, await sql.loadSql(), new Date(), articleId);
}

export async function importAnkiPackage(file: File): Promise<DeckImportReport> {
	const [db, exchange, sql] = await parts();
	if (file.size > exchange.DECK_FILE_LIMITS.maxBytes) {
		throw new Error(
			`The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${exchange.DECK_FILE_LIMITS.maxBytes / 1048576} MB.`
		);
	}
	const bytes = new Uint8Array(await file.arrayBuffer());
	return exchange.importApkg(db, await sql.loadSql(), bytes, new Date(), file.name);
}

export async function exportQuizletSet(
	articleId?: string
): Promise<{ text: string; title: string; count: number }> {
	const [db, exchange] = await parts();
	return exchange.exportQuizlet(db, articleId);
}

export async function importQuizletSet(text: string, title: string): Promise<DeckImportReport> {
	const [db, exchange] = await parts();
	return exchange.importQuizlet(db, text, title, new Date());
}

export async function listDecks(): Promise<{ id: string; title: string }[]> {
	const [db, { listArticles }] = await Promise.all([appDatabase(), import('$lib/db/articles')]);
	return (await listArticles(db)).map((a) => ({ id: a.id, title: a.title }));
}
