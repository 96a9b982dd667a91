/**
 * Ids of generated questions and cards, scoped to their article.
 *
 * The generator derives an item's id from its fact alone, so the same sentence in two articles (a
 * quoted line in two news stories, or a second version of one article) gives the same id. The
 * database stores each item under an id derived from the article's id and the generator's id
 * together: unique per article, and still the same every time that article is regenerated, so a
 * card keeps its review history across regenerations.
 */
import type { Deck } from '$lib/generate/types';

/** 64 bits of two FNV-1a passes over UTF-16 code units, as 16 hex digits. */
export function hash64(text: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ text.length;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c ^ (i & 0xff), 0x01000193);
	}
	const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
	return hex(a) + hex(b);
}

/**
 * The generator's own ids: a kind letter and eleven base-36 digits, derived from the fact alone
 * (item-ids.test.ts checks the generator still makes them). Ids of any other form already belong
 * to their article (CSV decks make `<articleId>-c…`, hand-made items a random id) and are stored
 * as they are; so are the generator's ids stored before schema 6, which its migration scopes.
 */
export const GENERATED_ID = /^[a-z][0-9a-z]{11}$/;

/**
 * The stored id of a generated item: its kind letter (c for cards, q for questions) and 16 hex
 * digits hashed from the article's id with the generator's id. Any other id is kept as it is.
 * @example scopedItemId('a-0123456789abcdef', 'c11753j21xhb') // 'c' followed by 16 hex digits
 */
export function scopedItemId(articleId: string, generatedId: string): string {
	if (!GENERATED_ID.test(generatedId)) return generatedId;
	return `${generatedId[0]}${hash64(`${articleId}\u0000${generatedId}`)}`;
}

/** The deck with every question and card id scoped to the article. */
export function scopeDeck(articleId: string, deck: Deck): Deck {
	return {
		...deck,
		questions: deck.questions.map((q) => ({ ...q, id: scopedItemId(articleId, q.id) })),
		cards: deck.cards.map((c) => ({ ...c, id: scopedItemId(articleId, c.id) }))
	};
}
