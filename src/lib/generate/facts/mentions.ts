/** Facts whose answer is one mention: a person, place, organisation, date or number. */
import type { Doc, Entity, Mention } from '../../nlp/types';
import type { RejectSink } from '../explain';
import {
	afterNaming,
	answerKind,
	factKind,
	inParens,
	KIND_WEIGHT,
	RANK,
	type Answer,
	type FactSink,
	type SentenceInfo
} from './common';
import { norm } from '../util';

function occurrences(hay: string, needle: string): number {
	if (!needle) return 0;
	let n = 0;
	for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
	return n;
}

export function mentionFacts(
	doc: Doc,
	info: SentenceInfo,
	sink: FactSink,
	lowerText: string,
	reject: RejectSink
): void {
	const { s, sq, pos } = info;
	const ids = doc.bySentence[s.index] ?? [];
	for (const [idx, mi] of ids.entries()) {
		const m = doc.mentions[mi] as Mention;
		const after = doc.text.slice(m.end, m.end + 16);
		if (
			m.relative ||
			relativeTime(m.text) ||
			((m.kind === 'date' || m.kind === 'quantity' || m.kind === 'number') &&
				/^\s*(?:later|earlier|ago|afterwards|previously)\b/i.test(after))
		) {
			reject({ factId: `s${s.index}`, type: 'fact', reason: 'relative-time', detail: m.text });
			continue;
		}
		const answer: Answer = {
			text: m.text,
			kind: answerKind(m.kind),
			span: { start: m.start, end: m.end },
			a: m.tokenStart,
			b: m.tokenEnd,
			entity: m.entity,
			value: m.value,
			items: 1,
			mention: ids[idx]
		};
		// A name the text repeats is its topic: questions mention it rather than ask for it.
		const occ = occurrences(lowerText, m.text.toLowerCase());
		const repeat = occ <= 1 ? 1 : occ === 2 ? RANK.entityTwice : RANK.entityRecurs;
		// A person whose role this sentence states is better asked about through the role.
		const roleHere =
			m.kind === 'person' && doc.roles.some((r) => r.entity === m.entity && r.sentence === s.index);
		const weight =
			(afterNaming(s, m.tokenStart) ? RANK.named : 1) *
			(roleHere ? 0.75 : 1) *
			(KIND_WEIGHT[m.kind] ?? 0.2) *
			pos *
			sq *
			repeat *
			(inParens(s, m.tokenStart)
				? m.value !== undefined && m.kind !== 'date'
					? RANK.inParens / 2
					: RANK.inParens
				: 1);
		sink.add(
			{
				kind: factKind(m.kind),
				evidence: { start: s.start, end: s.end },
				entities: sink.entityNames(s.index),
				sentence: s.index,
				answer,
				weight
			},
			`${info.key}|${norm(m.text)}`
		);
	}
}

const WEEKDAY = /^(?:on\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)days?$/i;
const RELATIVE =
	/^(?:yesterday|today|tonight|tomorrow|now|recently|(?:last|this|next|the\s+previous|the\s+following)\s+(?:week|month|year|weekend|night|morning|afternoon|evening|season|summer|winter|spring|autumn|decade)|(?:earlier|later)\s+(?:this|that|in\s+the)\s+\w+)$/i;

/**
 * A time the reader cannot place from the question: a bare weekday, "last week", "yesterday".
 * Its anchor is the day the article was written, which no question carries.
 */
export function relativeTime(text: string): boolean {
	const t = text.trim();
	return (
		WEEKDAY.test(t) ||
		RELATIVE.test(t) ||
		/^(?:mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:morning|afternoon|evening|night)$/i.test(t)
	);
}

export type { Entity };
