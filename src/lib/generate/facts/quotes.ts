/** Facts from quoted words with a speaker: who said it. */
import type { Doc, Entity, Quote, RoleFact } from '../../nlp/types';
import type { AnswerKind, Span } from '../types';
import { KIND_WEIGHT, positionWeight, spanOfName, type FactSink, type Sentence } from './common';
import { norm } from '../util';

/** What a fact on one entity of a sentence says beyond where it stands. */
interface WholeAnswer {
	kind: 'quote' | 'role';
	entities: string[];
	/** The quote or the role the fact is made from. */
	from: { quote: Quote } | { role: RoleFact };
	answer: { text: string; kind: AnswerKind; span: Span | undefined };
	weight: number;
	/** The key that tells this fact from a duplicate. */
	key: string;
}

/**
 * Adds the fact on entity `entity` in sentence `sentence` whose answer the reader found whole (a
 * speaker, a role) rather than at a range of the sentence's tokens; nothing when the sentence is
 * missing.
 */
export function addWholeAnswer(
	doc: Doc,
	sink: FactSink,
	sentence: number,
	entity: number,
	make: (s: Sentence, e: Entity) => WholeAnswer
): void {
	const s = doc.sentences[sentence];
	if (!s) return;
	const w = make(s, doc.entities[entity] as Entity);
	sink.add(
		{
			kind: w.kind,
			evidence: { start: s.start, end: s.end },
			entities: w.entities,
			sentence: s.index,
			...w.from,
			answer: { ...w.answer, a: -1, b: -1, entity, items: 1 },
			weight: w.weight
		},
		w.key
	);
}

export function quoteFacts(doc: Doc, sink: FactSink): void {
	for (const q of doc.quotes) {
		if (q.speaker < 0) continue;
		addWholeAnswer(doc, sink, q.sentence, q.speaker, (s, e) => ({
			kind: 'quote',
			entities: sink.entityNames(s.index),
			from: { quote: q },
			answer: {
				text: e.name,
				kind: e.kind === 'organisation' ? 'organisation' : 'person',
				span: spanOfName(doc, q.speaker, e.name, s.index)
			},
			weight: KIND_WEIGHT.quote * positionWeight(s.index),
			key: `${norm(s.text)}|quote|${norm(q.text)}`
		}));
	}
}
