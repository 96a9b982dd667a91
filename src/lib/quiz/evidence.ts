/**
 * The sentences a question comes from, to show beside its feedback. Most questions have one
 * evidence sentence; a match question's evidence runs from its first pair's sentence to its last,
 * which can be most of the article, so it shows only the sentences that name one of its pairs.
 */
import type { Fact, Question, Span } from '$lib/generate/types';

/** Sentences longer than this are cut at a word boundary with an ellipsis. */
export const MAX_EVIDENCE_CHARS = 600;

function fold(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[“”"‘’'…]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The evidence spans of a question, in text order: its own span, or for a match question the
 * sentences (from the article's facts) inside its span that mention one of its pairs.
 */
export function evidenceSpans(
	question: Pick<Question, 'type' | 'evidence'> & { pairs?: [string, string][] },
	text: string,
	facts: readonly Pick<Fact, 'evidence'>[] = []
): Span[] {
	if (question.type !== 'match' || !question.pairs) return [question.evidence];
	const { start, end } = question.evidence;
	const names = question.pairs.flatMap(([l, r]) => [fold(l), fold(r)]).filter((s) => s.length > 1);
	const seen = new Set<string>();
	const spans: Span[] = [];
	for (const fact of facts) {
		const e = fact.evidence;
		if (e.start < start || e.end > end) continue;
		const key = `${e.start}:${e.end}`;
		if (seen.has(key)) continue;
		const sentence = fold(text.slice(e.start, e.end));
		if (!names.some((n) => sentence.includes(n))) continue;
		seen.add(key);
		spans.push({ start: e.start, end: e.end });
	}
	spans.sort((a, b) => a.start - b.start);
	// Without facts to go on, show no more than one short sentence's worth, not the whole span.
	return spans.length > 0 ? spans : [{ start, end: Math.min(end, start + MAX_EVIDENCE_CHARS) }];
}

/** A span's text, cut at a word boundary when it is very long. */
export function spanText(text: string, span: Span, max = MAX_EVIDENCE_CHARS): string {
	const s = text.slice(span.start, span.end).trim();
	if (s.length <= max) return s;
	const cut = s.slice(0, max);
	const space = cut.lastIndexOf(' ');
	return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()} …`;
}

/** The evidence sentences of a question as text. */
export function evidenceSentences(
	question: Pick<Question, 'type' | 'evidence'> & { pairs?: [string, string][] },
	text: string,
	facts: readonly Pick<Fact, 'evidence'>[] = []
): string[] {
	return evidenceSpans(question, text, facts).map((span) => spanText(text, span));
}
