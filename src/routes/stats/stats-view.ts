/**
 * Everything the Stats page shows, worked out from the cards, the review log and the settings.
 * Pure: the clock and the time zone come in as arguments, so a test can pin every figure.
 */
import { heatmapSpan } from '$lib/components/charts/heatmap-grid';
import type { Bar, Column } from '$lib/components/charts/types';
import { dayContext, learnerDayNumber, Rating, type SrsSettings } from '$lib/srs';
import {
	cardBucket,
	countCards,
	dueForecast,
	mastery,
	MATURE_DAYS,
	reviewHeatmap,
	studyStreak,
	trueRetention,
	type CardCounts,
	type CardFact,
	type Retention,
	type ReviewFact
} from '$lib/stats/stats';

export interface StatsInput {
	cards: readonly CardFact[];
	reviews: readonly ReviewFact[];
	articles: readonly { id: string; title: string }[];
	settings: Pick<SrsSettings, 'dayStartHour' | 'desiredRetention'>;
	now: Date;
	/** Minutes east of UTC at `now`. */
	utcOffsetMinutes: number;
}

export interface ArticleMastery {
	id: string;
	title: string;
	/** 0 to 100, rounded. */
	percent: number;
	cards: number;
	mature: number;
}

export interface StatsView {
	/** Ratings in the whole log (resets left out). */
	totalReviews: number;
	streak: number;
	heatmap: { day: number; reviews: number }[];
	forecast: Column[];
	forecastTotal: number;
	retention: Retention;
	desiredRetention: number;
	counts: CardCounts;
	states: Bar[];
	articles: ArticleMastery[];
}

const DAY_MS = 86_400_000;

function dayName(day: number, options: Intl.DateTimeFormatOptions, locale?: string): string {
	return new Date(day * DAY_MS).toLocaleDateString(locale, { timeZone: 'UTC', ...options });
}

export function buildStatsView(input: StatsInput, locale?: string): StatsView {
	const { cards, reviews, now } = input;
	const ctx = dayContext(input.utcOffsetMinutes, input.settings.dayStartHour);
	const today = learnerDayNumber(now, ctx);

	const heatmap = reviewHeatmap(reviews, now, ctx, heatmapSpan(today)).map((d) => ({
		day: d.day,
		reviews: d.reviews
	}));
	const forecastDays = dueForecast(cards, now, ctx, 30);
	const forecast = forecastDays.map((d, i) => ({
		label:
			i === 0
				? 'Today (and overdue)'
				: i === 1
					? 'Tomorrow'
					: dayName(d.day, { weekday: 'short', day: 'numeric', month: 'short' }, locale),
		short: i === 0 ? 'Today' : dayName(d.day, { day: 'numeric', month: 'short' }, locale),
		value: d.due
	}));

	const { total, byArticle } = countCards(cards);
	const youngStability = new Map<string, number>();
	for (const card of cards) {
		if (cardBucket(card) === 'young') {
			youngStability.set(
				card.articleId,
				(youngStability.get(card.articleId) ?? 0) + card.stability
			);
		}
	}
	const articles = input.articles
		.filter((a) => byArticle.has(a.id))
		.map((a) => {
			const counts = byArticle.get(a.id)!;
			return {
				id: a.id,
				title: a.title,
				percent: Math.round(mastery(counts, youngStability.get(a.id) ?? 0) * 100),
				cards: counts.total,
				mature: counts.mature
			};
		})
		.sort((a, b) => b.percent - a.percent || a.title.localeCompare(b.title));

	return {
		totalReviews: reviews.filter((r) => r.rating >= Rating.Again).length,
		streak: studyStreak(reviews, now, ctx),
		heatmap,
		forecast,
		forecastTotal: forecast.reduce((sum, d) => sum + d.value, 0),
		retention: trueRetention(reviews, now, 30),
		desiredRetention: input.settings.desiredRetention,
		counts: total,
		states: [
			{ label: 'New', value: total.new, tone: 'primary', note: 'not studied yet' },
			{ label: 'Learning', value: total.learning, tone: 'warn', note: 'in learning steps' },
			{
				label: 'Young',
				value: total.young,
				tone: 'good',
				note: `stability under ${MATURE_DAYS} days`
			},
			{
				label: 'Mature',
				value: total.mature,
				tone: 'good',
				note: `stability ${MATURE_DAYS} days or more`
			},
			{ label: 'Suspended', value: total.suspended, tone: 'muted', note: 'left out of reviews' }
		],
		articles
	};
}
