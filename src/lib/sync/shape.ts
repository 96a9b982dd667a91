/**
 * The shared document of a sync space, and how Dexie rows map onto it and back.
 *
 * One Y.Doc per space, with one Y.Map per kind of data, keyed by the row's id:
 *
 *     articles   id → ArticleRecord
 *     questions  id → QuestionRecord
 *     cards      id → CardRecord, its queue reduced to "active" (0), suspended or retired; the
 *                schedule fields travel too but only count for a card with no reviews, since
 *                every device rebuilds a reviewed card's schedule from the merged log
 *     log        `${cardId}@${review}` → review row, as the backup's tuple (a third the size):
 *                18 columns, or 19 when the row carries the learner's FSRS parameters, which
 *                older builds never send; both are read
 *     undone     `${cardId}@${review}` → when that row was taken back: undo is an entry of its own
 *     settings   key → value (the learner's scheduling settings only; device flags stay local)
 *
 * Everything read from the shared document is checked with the backup's schemas before it
 * reaches Dexie: a hostile or broken entry is skipped and counted, never written.
 */
import {
	cardSchema,
	questionSchema,
	articleSchema,
	reviewTupleSchema,
	srsSettingsSchema
} from '$lib/db/backup-schema';
import { reviewToTuple, tupleToReview, type ReviewTuple } from '$lib/db/backup';
import { SRS_SETTINGS_KEY } from '$lib/db/settings';
import type { ArticleRecord, CardRecord, QuestionRecord, ReviewRow } from '$lib/db/records';
import { SCHEDULE_KEYS } from '$lib/db/study';
import type * as Y from 'yjs';

export const MAPS = ['articles', 'questions', 'cards', 'log', 'undone', 'settings'] as const;
export type MapName = (typeof MAPS)[number];

/** Settings rows that travel; everything else in the settings table belongs to the device. */
export const SYNCED_SETTINGS: readonly string[] = [SRS_SETTINGS_KEY];

export function maps(doc: Y.Doc): Record<MapName, Y.Map<unknown>> {
	return Object.fromEntries(MAPS.map((m) => [m, doc.getMap(m)])) as Record<MapName, Y.Map<unknown>>;
}

/** The id of a review row in the shared log. */
export function rowId(row: { cardId: string; review: number }): string {
	return `${row.cardId}@${row.review}`;
}

/** The card a shared log id belongs to. */
export function cardOfRowId(id: string): string {
	return id.slice(0, id.lastIndexOf('@'));
}

export function rowToShared(row: ReviewRow): ReviewTuple {
	return reviewToTuple(row);
}

export function rowFromShared(id: string, value: unknown): ReviewRow | null {
	const parsed = reviewTupleSchema.safeParse(value);
	if (!parsed.success) return null;
	const row = tupleToReview(parsed.data);
	return rowId(row) === id ? row : null;
}

/** A card as it travels: the queue says only active (0), suspended or retired. */
export function cardToShared(card: CardRecord): CardRecord {
	return { ...card, queue: card.queue >= 0 ? 0 : card.queue };
}

/** The part of a card that a learner changes by hand: everything but schedule and timestamps. */
export function cardContentKey(card: CardRecord): string {
	const content: Record<string, unknown> = { ...cardToShared(card) };
	for (const key of SCHEDULE_KEYS) delete content[key];
	delete content.updatedAt;
	return canonical(content);
}

export function cardFromShared(id: string, value: unknown): CardRecord | null {
	const parsed = cardSchema.safeParse(value);
	return parsed.success && parsed.data.id === id ? (parsed.data as CardRecord) : null;
}

export function articleFromShared(id: string, value: unknown): ArticleRecord | null {
	const parsed = articleSchema.safeParse(value);
	return parsed.success && parsed.data.id === id ? (parsed.data as ArticleRecord) : null;
}

export function questionFromShared(id: string, value: unknown): QuestionRecord | null {
	const parsed = questionSchema.safeParse(value);
	return parsed.success && parsed.data.id === id ? (parsed.data as QuestionRecord) : null;
}

export function settingFromShared(key: string, value: unknown): unknown {
	if (key !== SRS_SETTINGS_KEY) return undefined;
	const parsed = srsSettingsSchema.safeParse(value);
	return parsed.success ? parsed.data : undefined;
}

/**
 * A stable text form of a plain value: object keys sorted, undefined fields left out, so a row
 * read back from IndexedDB and the same row read from the shared document compare equal.
 */
export function canonical(value: unknown): string {
	if (value === null || typeof value !== 'object') {
		return value === undefined ? 'null' : JSON.stringify(value);
	}
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	const obj = value as Record<string, unknown>;
	const keys = Object.keys(obj)
		.filter((k) => obj[k] !== undefined)
		.sort();
	return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
}
