/** Facts from the roles the text gives people: one per person. */
import type { Doc } from '../../nlp/types';
import { borrowedRole } from '../builders/common';
import { KIND_WEIGHT, positionWeight, type FactSink } from './common';
import { addWholeAnswer } from './quotes';
import { ROLE_NOUNS } from '../../nlp/lexicon';
import { norm } from '../util';

/** Words that rank or time a post without saying which post it is. */
const GENERIC =
	/^(?:chief|executive|officer|co-chief|managing|director|senior|vice|deputy|former|acting|interim|new|general|head|assistant|joint|co|the|late|ex|then|outgoing|incoming|current)$/;
export const MODIFIER = /^(?:former|acting|interim|outgoing|incoming|late|ex|then|new|current)$/;
/** Words of a phrase that is no role at all ("he became a personal friend in a way"). */
const NOT_ROLE =
	/^(?:he|she|they|it|his|her|their|its|a|an|is|was|were|are|became|become|has|had|have|who|which|that|in|on|way|support|said|says|metres|metre|m|km|miles|yards|kg|seconds|playing)$/;

export function roleWords(role: string): string[] {
	return norm(role.replace(/['’]s\b/g, ''))
		.split(' ')
		.filter(Boolean);
}

/** A role that tells its holder apart: more than a bare or ranked title, and a role at all. */
export function distinctRole(role: string): boolean {
	const ws = roleWords(role);
	if (!ws.length || ws.length > 8 || ws.some((w) => NOT_ROLE.test(w))) return false;
	if (!ROLE_NOUNS.has(ws[ws.length - 1] as string) && !/[A-Z]/.test(role)) return false;
	const specific = ws.filter((w) => !GENERIC.test(w) && !MODIFIER.test(w));
	// "Home Secretary", "French President", "Middlesbrough mayor", "local government minister".
	return specific.length >= 2;
}

export function roleFacts(doc: Doc, sink: FactSink): void {
	const done = new Set<number>();
	// Each person's most telling role: the first that tells them apart, else the first.
	const roles = [...doc.roles].sort(
		(x, y) => Number(distinctRole(y.role)) - Number(distinctRole(x.role))
	);
	for (const r of roles) {
		if (done.has(r.entity) || borrowedRole(doc, r)) continue;
		done.add(r.entity);
		addWholeAnswer(doc, sink, r.sentence, r.entity, (s, e) => ({
			kind: 'role',
			entities: [e.name],
			from: { role: r },
			answer: { text: r.role, kind: 'role', span: { start: r.start, end: r.end } },
			// People the article keeps returning to are the ones worth knowing.
			weight:
				KIND_WEIGHT.role * positionWeight(s.index) * (1 + Math.min(0.3, e.mentions.length / 10)),
			key: `${norm(s.text)}|role|${norm(e.name)}|${norm(r.role)}`
		}));
	}
}
