/** Facts from the roles the text gives people: one per person. */
import type { Doc, Entity } from '../../nlp/types';
import { borrowedRole } from '../builders/common';
import { KIND_WEIGHT, positionWeight, type FactSink } from './common';
import { norm } from '../util';

export function roleFacts(doc: Doc, sink: FactSink): void {
	const done = new Set<number>();
	for (const r of doc.roles) {
		if (done.has(r.entity) || borrowedRole(doc, r)) continue;
		done.add(r.entity);
		const s = doc.sentences[r.sentence];
		if (!s) continue;
		const e = doc.entities[r.entity] as Entity;
		sink.add(
			{
				kind: 'role',
				evidence: { start: s.start, end: s.end },
				entities: [e.name],
				sentence: s.index,
				role: r,
				answer: {
					text: r.role,
					kind: 'role',
					span: { start: r.start, end: r.end },
					a: -1,
					b: -1,
					entity: r.entity,
					items: 1
				},
				// People the article keeps returning to are the ones worth knowing.
				weight:
					KIND_WEIGHT.role * positionWeight(s.index) * (1 + Math.min(0.3, e.mentions.length / 10))
			},
			`${norm(s.text)}|role|${norm(e.name)}|${norm(r.role)}`
		);
	}
}
