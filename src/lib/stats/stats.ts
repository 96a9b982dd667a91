/**
 * Statistics drawn from the review log and the cards, for the Stats section and Today.
 * Pure: the time and the learner's day are arguments, so every figure can be pinned in a test.
 */
import { DAY_MS, learnerDayNumber, type DayContext, Rating, State } from '$lib/srs';

/** The fields of a review-log row the statistics read. */
export interface ReviewFact {
	cardId: string;
	rating: number;
	/** The card's state before the review. */
	state: State;
	/** The interval the card had been given before this review, in days. */
	scheduledDays: number;
	review: number;
}

/** The fields of a card the statistics read. */
export interface CardFact {
	articleId: string;
	state: State;
	due: number;
	stability: number;
	/** Below zero: suspended or retired (not studied). */
	queue: number;
}

/** A card is mature once its interval reaches three weeks, as learners of spaced repetition count it. */
export const MATURE_DAYS = 21;

export interface HeatmapDay {
	/** Learner day number (see learnerDayNumber). */
	day: number;
	/** Noon of that day, for labels. */
	date: Date;
	reviews: number;
}

/** Reviews per learner day over the last `days` days, oldest first, today last. */
export function reviewHeatmap(
	reviews: Iterable<ReviewFact>,
	now: Date,
	ctx: DayContext,
	days = 91
): HeatmapDay[] {
	const today = learnerDayNumber(now, ctx);
	const counts = new Map<number, number>();
	for (const r of reviews) {
		if (r.rating < Rating.Again) continue; // resets are not reviews
		const day = learnerDayNumber(new Date(r.review), ctx);
		if (day > today - days && day <= today) counts.set(day, (counts.get(day) ?? 0) + 1);
	}
	return Array.from({ length: days }, (_, i) => {
		const day = today - days + 1 + i;
		return {
			day,
			date: new Date(now.getTime() + (day - today) * DAY_MS),
			reviews: counts.get(day) ?? 0
		};
	});
}

/** Consecutive learner days with at least one review, ending today (or yesterday, if today has none yet). */
export function studyStreak(reviews: Iterable<ReviewFact>, now: Date, ctx: DayContext): number {
	const studied = new Set<number>();
	for (const r of reviews) {
		if (r.rating >= Rating.Again) studied.add(learnerDayNumber(new Date(r.review), ctx));
	}
	let day = learnerDayNumber(now, ctx);
	if (!studied.has(day)) day -= 1;
	let streak = 0;
	while (studied.has(day)) {
		streak++;
		day--;
	}
	return streak;
}

/** Cards coming due on each of the next `days` learner days; overdue cards count on today. */
export function dueForecast(
	cards: Iterable<CardFact>,
	now: Date,
	ctx: DayContext,
	days = 30
): { day: number; date: Date; due: number }[] {
	const today = learnerDayNumber(now, ctx);
	const counts = new Array<number>(days).fill(0);
	for (const card of cards) {
		if (card.queue < 0 || card.state === State.New) continue;
		const offset = Math.max(0, learnerDayNumber(new Date(card.due), ctx) - today);
		if (offset < days) counts[offset]!++;
	}
	return counts.map((due, i) => ({
		day: today + i,
		date: new Date(now.getTime() + i * DAY_MS),
		due
	}));
}

export interface Retention {
	/** Reviews of mature cards counted. */
	reviews: number;
	passed: number;
	/** passed / reviews, or null when there were none. */
	rate: number | null;
}

/**
 * True retention: the share of reviews of mature cards (interval of three weeks or more) that the
 * learner passed (any rating but Again), over the last `days` days.
 */
export function trueRetention(reviews: Iterable<ReviewFact>, now: Date, days = 30): Retention {
	const since = now.getTime() - days * DAY_MS;
	let count = 0;
	let passed = 0;
	for (const r of reviews) {
		if (r.review < since || r.review > now.getTime()) continue;
		if (r.state !== State.Review || r.scheduledDays < MATURE_DAYS || r.rating < Rating.Again)
			continue;
		count++;
		if (r.rating > Rating.Again) passed++;
	}
	return { reviews: count, passed, rate: count > 0 ? passed / count : null };
}

export interface CardCounts {
	new: number;
	learning: number;
	young: number;
	mature: number;
	suspended: number;
	total: number;
}

function emptyCounts(): CardCounts {
	return { new: 0, learning: 0, young: 0, mature: 0, suspended: 0, total: 0 };
}

/** Which bucket a card falls in; retired cards fall in none. */
export function cardBucket(card: CardFact): keyof Omit<CardCounts, 'total'> | null {
	if (card.queue === -3) return null;
	if (card.queue < 0) return 'suspended';
	if (card.state === State.New) return 'new';
	if (card.state === State.Learning || card.state === State.Relearning) return 'learning';
	return card.stability >= MATURE_DAYS ? 'mature' : 'young';
}

/** Cards by state, in total and per article. */
export function countCards(cards: Iterable<CardFact>): {
	total: CardCounts;
	byArticle: Map<string, CardCounts>;
} {
	const total = emptyCounts();
	const byArticle = new Map<string, CardCounts>();
	for (const card of cards) {
		const bucket = cardBucket(card);
		if (!bucket) continue;
		let counts = byArticle.get(card.articleId);
		if (!counts) byArticle.set(card.articleId, (counts = emptyCounts()));
		counts[bucket]++;
		counts.total++;
		total[bucket]++;
		total.total++;
	}
	return { total, byArticle };
}

/**
 * Mastery of a deck from 0 to 1: mature cards count fully, young ones by how far their stability
 * is on the way to maturity, learning ones a little, new and suspended ones not at all.
 */
export function mastery(counts: CardCounts, youngStabilitySum = 0): number {
	const studied = counts.total - counts.suspended;
	if (studied <= 0) return 0;
	const young = counts.young > 0 ? Math.min(counts.young, youngStabilitySum / MATURE_DAYS) : 0;
	return Math.min(1, (counts.mature + young + counts.learning * 0.1) / studied);
}
