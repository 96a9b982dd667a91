/**
 * A new text that is a new version of an article already in the library: how to tell, and how to
 * carry the article's questions and cards over to the new text.
 */
import type { Span } from '$lib/generate/types';
import type { FactdeckDB } from './database';

/** The text's sentences, whitespace collapsed, for comparing two versions of an article. */
export function sentencesOf(text: string): string[] {
	return text
		.split(/(?<=[.!?…]["”’)]?)\s+|\n+/)
		.map((s) => s.replace(/\s+/g, ' ').trim())
		.filter((s) => s.length >= 20);
}

/**
 * How much of the two texts is the same: the share of the shorter one's sentences that the other
 * also has (0 to 1). A second version of an article (a sentence added, a paragraph rewritten)
 * scores high; two stories quoting one line score low.
 */
export function sharedSentences(a: string, b: string): number {
	const sa = new Set(sentencesOf(a));
	const sb = new Set(sentencesOf(b));
	const [small, large] = sa.size <= sb.size ? [sa, sb] : [sb, sa];
	if (small.size === 0) return 0;
	let shared = 0;
	for (const s of small) if (large.has(s)) shared++;
	return shared / small.size;
}

/** From this share of sentences on, a new text is offered as a new version of the old one. */
export const NEW_VERSION_SHARE = 0.6;

/**
 * Where a span of the old text stands in the new one: the same words found again (the nearest
 * occurrence to where they were), else an empty span inside the new text.
 */
export function relocateSpan(oldText: string, newText: string, span: Span): Span {
	const piece = oldText.slice(span.start, span.end);
	if (piece && newText.slice(span.start, span.end) === piece) return { ...span };
	if (piece) {
		let best = -1;
		for (let at = newText.indexOf(piece); at >= 0; at = newText.indexOf(piece, at + 1)) {
			if (best < 0 || Math.abs(at - span.start) < Math.abs(best - span.start)) best = at;
		}
		if (best >= 0) return { start: best, end: best + piece.length };
	}
	const at = Math.min(span.start, newText.length);
	return { start: at, end: at };
}

/**
 * The article in the library that the text looks like a new version of (the one sharing the most
 * sentences, from {@link NEW_VERSION_SHARE} on), or undefined. The text's own article (the same
 * text) is not a new version of itself.
 */
export async function findEarlierVersion(
	db: FactdeckDB,
	text: string,
	sameTextId: string
): Promise<{ id: string; title: string; share: number } | undefined> {
	let best: { id: string; title: string; share: number } | undefined;
	await db.articles.each((article) => {
		if (article.id === sameTextId) return;
		const share = sharedSentences(article.text, text);
		if (share >= NEW_VERSION_SHARE && (!best || share > best.share)) {
			best = { id: article.id, title: article.title, share };
		}
	});
	return best;
}
