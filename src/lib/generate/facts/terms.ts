/** Facts whose answer is a term the text coins in quotation marks: "first oil shock". */
import type { Doc } from '../../nlp/types';
import { afterNaming, KIND_WEIGHT, positionWeight, RANK, type FactSink } from './common';
import { norm, wordCount } from '../util';

export function termFacts(doc: Doc, sink: FactSink): void {
	for (const q of doc.quotes) {
		const s = doc.sentences[q.sentence];
		const term = q.text.replace(/[\s,.;:!?]+$/, '');
		if (q.speaker >= 0 || !s || !term || !/^[\p{L}\d]/u.test(term)) continue;
		const n = wordCount(term);
		if (n > 5 || /[,.;:!?]/.test(term)) continue;
		if (
			/\b(is|are|was|were|be|been|may|might|will|would|can|could|should|must|has|have|had)\b/i.test(
				term
			)
		)
			continue;
		const a = s.tokens.findIndex((t) => t.start >= q.start);
		const end = q.start + term.length;
		let b = a;
		while (b < s.tokens.length && (s.tokens[b] as { end: number }).end <= end) b++;
		if (a < 0 || b <= a) continue;
		// Only a noun phrase: after "the", "a", "so-called" or a naming verb, not reported speech.
		const named = afterNaming(s, a);
		let d = a - 1;
		while (d >= 0 && /^["“'‘]$/.test((s.tokens[d] as { text: string }).text)) d--;
		const det = /^(the|a|an|so-called)$/.test(
			(s.tokens[d] as { lower: string } | undefined)?.lower ?? ''
		);
		if (
			!(named || (det && n > 1)) ||
			/^(the|a|an|this|that|these|those)$/i.test(term.split(' ')[0] ?? '')
		)
			continue;
		sink.add(
			{
				kind: 'definition',
				evidence: { start: s.start, end: s.end },
				entities: sink.entityNames(s.index),
				sentence: s.index,
				answer: {
					text: term,
					kind: 'thing',
					span: { start: q.start, end },
					a,
					b,
					entity: -1,
					items: 1
				},
				weight: (KIND_WEIGHT.name ?? 0.28) * positionWeight(s.index) * (named ? RANK.named : 1)
			},
			`${norm(s.text)}|${norm(term)}`
		);
	}
}
