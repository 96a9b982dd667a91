/** Facts whose answer is a list of one kind: "Britain and France". */
import type { Doc, Mention } from '../../nlp/types';
import {
	answerKind,
	factKind,
	KIND_WEIGHT,
	RANK,
	type FactSink,
	type SentenceInfo
} from './common';
import { norm, wordCount } from '../util';

export function listFacts(doc: Doc, info: SentenceInfo, sink: FactSink): void {
	const { s, sq, pos } = info;
	const groups = new Map<number, Mention[]>();
	for (const i of doc.bySentence[s.index] ?? []) {
		const m = doc.mentions[i] as Mention;
		if (m.group !== undefined) groups.set(m.group, [...(groups.get(m.group) ?? []), m]);
	}
	for (const g of groups.values()) {
		if (g.length < 2) continue;
		const first = g[0] as Mention;
		const last = g[g.length - 1] as Mention;
		const text = doc.text.slice(first.start, last.end);
		sink.add(
			{
				kind: factKind(first.kind),
				evidence: { start: s.start, end: s.end },
				entities: sink.entityNames(s.index),
				sentence: s.index,
				answer: {
					text,
					kind: answerKind(first.kind),
					span: { start: first.start, end: last.end },
					a: first.tokenStart,
					b: last.tokenEnd,
					entity: -1,
					items: g.length
				},
				// A long list is a poor answer to recall or to type: "A, B, C, D and E".
				weight:
					(KIND_WEIGHT[first.kind] ?? 0.2) *
					1.1 *
					pos *
					sq *
					(wordCount(text) > 5 ? RANK.longList : 1)
			},
			`${info.key}|${norm(text)}|list`
		);
	}
}
