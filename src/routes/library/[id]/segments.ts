/**
 * Splits an article into paragraphs of plain runs and marked sentences (the evidence of
 * questions or cards), so the page can show which sentences have questions.
 */
import type { Span } from '$lib/generate/types';

export interface Segment {
	start: number;
	end: number;
	/** Present when the run is a sentence that questions or cards came from. */
	evidence?: Span;
}

export interface Paragraph {
	start: number;
	segments: Segment[];
	/** A short line with no final punctuation: shown as a section heading. */
	heading: boolean;
}

function isHeading(line: string): boolean {
	const t = line.trim();
	return t.length > 0 && t.length < 90 && !/[.!?:;"”'’)]$/.test(t) && t.split(/\s+/).length <= 12;
}

/** Evidence spans, deduplicated and without overlaps (the first of two overlapping wins). */
export function uniqueSpans(spans: Iterable<Span>): Span[] {
	const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
	const out: Span[] = [];
	for (const span of sorted) {
		const last = out[out.length - 1];
		if (last && span.start < last.end) continue;
		if (span.end > span.start) out.push({ start: span.start, end: span.end });
	}
	return out;
}

/** Whether a span is one sentence within a paragraph (match questions span several). */
export function withinLine(text: string, span: Span): boolean {
	return !text.slice(span.start, span.end).includes('\n');
}

export function paragraphs(text: string, spans: Iterable<Span>): Paragraph[] {
	const marks = uniqueSpans([...spans].filter((s) => withinLine(text, s)));
	const out: Paragraph[] = [];
	let lineStart = 0;
	let m = 0;
	while (lineStart <= text.length) {
		let lineEnd = text.indexOf('\n', lineStart);
		if (lineEnd === -1) lineEnd = text.length;
		const line = text.slice(lineStart, lineEnd);
		if (line.trim()) {
			const segments: Segment[] = [];
			let pos = lineStart;
			while (m < marks.length && marks[m]!.end <= lineStart) m++;
			let k = m;
			while (k < marks.length && marks[k]!.start < lineEnd) {
				const span = marks[k]!;
				const s = Math.max(span.start, lineStart);
				const e = Math.min(span.end, lineEnd);
				if (s > pos) segments.push({ start: pos, end: s });
				segments.push({ start: s, end: e, evidence: span });
				pos = e;
				k++;
			}
			if (pos < lineEnd) segments.push({ start: pos, end: lineEnd });
			out.push({
				start: lineStart,
				segments,
				heading: segments.every((x) => !x.evidence) && isHeading(line)
			});
		}
		lineStart = lineEnd + 1;
	}
	return out;
}
