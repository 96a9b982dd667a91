/** Facts from quoted words with a speaker: who said it. */
import type { Doc, Entity } from '../../nlp/types';
import { KIND_WEIGHT, positionWeight, spanOfName, type FactSink } from './common';
import { norm } from '../util';

export function quoteFacts(doc: Doc, sink: FactSink): void {
	for (const q of doc.quotes) {
		if (q.speaker < 0) continue;
		const s = doc.sentences[q.sentence];
		if (!s) continue;
		const e = doc.entities[q.speaker] as Entity;
		sink.add(
			{
				kind: 'quote',
				evidence: { start: s.start, end: s.end },
				entities: sink.entityNames(s.index),
				sentence: s.index,
				quote: q,
				answer: {
					text: e.name,
					kind: e.kind === 'organisation' ? 'organisation' : 'person',
					span: spanOfName(doc, q.speaker, e.name, s.index),
					a: -1,
					b: -1,
					entity: q.speaker,
					items: 1
				},
				weight: KIND_WEIGHT.quote * positionWeight(s.index)
			},
			`${norm(s.text)}|quote|${norm(q.text)}`
		);
	}
}
