/** What the Stats screen is built from, read in one go. */
import type { SrsSettings } from '$lib/srs';
import type { FactdeckDB } from './database';
import { allReviews } from './log';
import type { CardRecord, ReviewRow } from './records';
import { getSrsSettings } from './settings';

export interface StatsData {
	cards: CardRecord[];
	reviews: ReviewRow[];
	articles: { id: string; title: string }[];
	settings: SrsSettings;
}

export async function statsData(db: FactdeckDB): Promise<StatsData> {
	const [cards, reviews, articles, settings] = await Promise.all([
		db.cards.toArray(),
		allReviews(db),
		db.articles.toArray(),
		getSrsSettings(db)
	]);
	return {
		cards,
		reviews,
		articles: articles.map((a) => ({ id: a.id, title: a.title })),
		settings
	};
}
