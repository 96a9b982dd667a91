/** Facts whose answer is a noun phrase: a term or a thing the text is about. */
import type { Doc } from '../../nlp/types';
import { describes } from '../builders/common';
import type { RejectSink } from '../explain';
import { afterNaming, RANK, type FactSink, type SentenceInfo } from './common';
import { norm } from '../util';

export function phraseFacts(
	doc: Doc,
	info: SentenceInfo,
	sink: FactSink,
	reject: RejectSink
): void {
	const { s, sq, pos } = info;
	for (const ph of doc.phrases[s.index] ?? []) {
		// "formidable obstacles", "energy firm": a description has other right answers.
		if (describes(ph.text, false) && !afterNaming(s, ph.tokenStart)) {
			reject({
				factId: `s${s.index}`,
				type: 'fact',
				reason: 'blank-on-description',
				detail: ph.text
			});
			continue;
		}
		// A phrase whose head word recurs names what the text is about.
		const hf = doc.wordCounts.get(ph.head) ?? 1;
		const freq = hf >= 3 ? RANK.phraseHeadRecurs : hf === 2 ? RANK.phraseHeadTwice : 1;
		const len = ph.tokenEnd - ph.tokenStart;
		const before = s.tokens[ph.tokenStart - 1];
		const afterPrep =
			!!before && /^(of|in|on|to|for|by|with|from|at|as|into|against)$/.test(before.lower);
		sink.add(
			{
				kind: 'event',
				evidence: { start: s.start, end: s.end },
				entities: sink.entityNames(s.index),
				sentence: s.index,
				answer: {
					text: ph.text,
					kind: 'thing',
					span: { start: ph.start, end: ph.end },
					a: ph.tokenStart,
					b: ph.tokenEnd,
					entity: -1,
					items: 1
				},
				weight:
					(afterNaming(s, ph.tokenStart) ? RANK.named : 1) *
					(len === 1 && hf < 2 ? 0.3 : 1) *
					RANK.phrase *
					pos *
					sq *
					freq *
					(len >= 2 ? RANK.phraseLong : 1) *
					(afterPrep ? RANK.phraseAfterPrep : 1) *
					(ph === doc.phrases[s.index]?.[0] ? RANK.phraseFirst : 1)
			},
			`${info.key}|${norm(ph.text)}`
		);
	}
}
