/** Facts whose answer is one mention: a person, place, organisation, date or number. */
import type { Doc, Entity, Mention } from '../../nlp/types';
import { DEMONYMS, FIRST_NAMES, ROLE_HEADS, TITLE_WORDS } from '../../nlp/lexicon';
import type { RejectReason, RejectSink } from '../explain';
import {
	afterNaming,
	answerKind,
	factKind,
	inParens,
	KIND_WEIGHT,
	RANK,
	type Answer,
	type FactSink,
	type Sentence,
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
		const why = noFactReason(s, m, doc.text.slice(m.end, m.end + 16));
		if (why) {
			reject({ factId: `s${s.index}`, type: 'fact', reason: why, detail: m.text });
			continue;
		}
		const [a, b] = wholeUnit(s, m);
		const first = s.tokens[a];
		const lastTok = s.tokens[b - 1];
		if (!first || !lastTok) continue;
		const answer: Answer = {
			text: doc.text.slice(first.start, lastTok.end),
			kind: answerKind(m.kind),
			span: { start: first.start, end: lastTok.end },
			a,
			b,
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
			(incidental(s, a, b) ? RANK.incidental : 1) *
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

/** Why a mention makes no fact at all, or null: see relativeTime, trivialTime and the rest. */
function noFactReason(s: Sentence, m: Mention, after: string): RejectReason | null {
	if (
		m.relative ||
		relativeTime(m.text) ||
		((m.kind === 'date' || m.kind === 'quantity' || m.kind === 'number') &&
			/^\s*(?:later|earlier|ago|afterwards|previously)\b/i.test(after))
	)
		return 'relative-time';
	if (trivialTime(m.text)) return 'trivial-detail';
	if (definiteCount(s, m)) return 'blank-on-description';
	if (labelNumber(s, m)) return 'label-number';
	return null;
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

/**
 * The mention's tokens cut to one unit: a nationality or a title before a name goes ("Australian
 * Craig Mottram" → Craig Mottram, "Europe Director Dominick Chilcott" → Dominick Chilcott), and so do
 * words a figure pulled in from the next phrase ("24 clean sheets last" → 24 clean sheets).
 */
export function wholeUnit(s: Sentence, m: Mention): [number, number] {
	let a = m.tokenStart;
	let b = m.tokenEnd;
	if (m.kind === 'person' || m.kind === 'name') {
		for (let i = b - 2; i >= a; i--) {
			const t = s.tokens[i];
			if (!t?.word) continue;
			if (DEMONYMS.has(t.lower) || TITLE_WORDS.has(t.lower) || ROLE_HEADS.has(t.lower)) {
				// The name after it must still have two words or more, all capitalised.
				const rest = s.tokens.slice(i + 1, b).filter((x) => x.word);
				const person = m.kind === 'person' || FIRST_NAMES.has(rest[0]?.lower ?? '');
				if (person && rest.length >= 2 && rest.every((x) => x.cap)) a = i + 1;
				break;
			}
		}
	}
	if (/^(?:quantity|number|money|percent)$/.test(m.kind))
		while (b - 1 > a && TRAILING.test(s.tokens[b - 1]?.lower ?? '')) b--;
	return [a, b];
}

/** Words that belong to the next phrase, not to a figure: "24 clean sheets last season". */
const TRAILING =
	/^(?:last|next|this|apart|ago|later|earlier|each|every|per|a|an|the|near|nearby|around|across|from|in|at|on|to|for|of|with|by)$/;

/**
 * Nouns a number labels rather than counts: "chapter 11", "Section 28", "Flight 93", "versions 4.7
 * and earlier".
 */
const LABEL_NOUN =
	/^(?:chapter|section|article|clause|paragraph|page|number|no\.?|room|flight|route|level|grade|stage|act|part|volume|issue|episode|track|bus|platform|gate|psalm|amendment|rule|form|category|channel|apollo|windows|terminal|division|league|type|model|version|series|phase|tier|class|band|versions|chapters|sections|pages|episodes|tracks|models|flights|routes|platforms|gates|rooms)$/;

/**
 * A figure that names a thing rather than counts it ("US chapter 11 bankruptcy rules", "Section
 * 28"): blanking it asks for a label the reader cannot work out, and its options are nonsense.
 */
export function labelNumber(s: Sentence, m: Mention): boolean {
	if (m.kind !== 'number' && m.kind !== 'quantity') return false;
	const first = s.tokens[m.tokenStart];
	if (!first || !/^\d/.test(first.text)) return false;
	return LABEL_NOUN.test(s.tokens[m.tokenStart - 1]?.lower ?? '');
}

/**
 * "the two big parties", "its three sons": a small count inside a description of things the
 * reader already knows; a question would ask for the description, which has other right answers.
 * No fact is made of it.
 */
export function definiteCount(s: Sentence, m: Mention): boolean {
	if (m.kind !== 'number' && m.kind !== 'quantity') return false;
	if (m.value === undefined || m.value > 3) return false;
	return /^(?:the|its|their|his|her|both|these|those)$/.test(
		s.tokens[m.tokenStart - 1]?.lower ?? ''
	);
}

/** Verbs whose object is who heard the news, not who made it: "told BBC News", "speaking to". */
const TOLD = /^(?:told|telling|tells|tell)$/;
/** Roles of the people who report or picture the news rather than make it. */
const REPORTER =
	/^(?:correspondent|reporter|photographer|cameraman|presenter|interviewer|columnist|commentator)$/;

/**
 * Whether the answer tokens [a, b) are an incidental detail of the telling, not of the news: whom
 * someone told or spoke to ("told BBC News", "speaking to reporters", "in an interview with the
 * Financial Times"), or the reporter or photographer who passed it on ("BBC correspondent Jo
 * Bell"). A teacher would not ask about them.
 */
export function incidental(s: Sentence, a: number, b: number): boolean {
	const t = s.tokens;
	let i = a - 1;
	if (/^(?:the|a|an)$/.test(t[i]?.lower ?? '')) i--;
	const w1 = t[i]?.lower ?? '';
	const w2 = t[i - 1]?.lower ?? '';
	const w3 = t[i - 2]?.lower ?? '';
	if (TOLD.test(w1)) return true;
	// "According to the WSJ, ...": the source the report cites.
	if (w1 === 'to' && w2 === 'according') return true;
	if (w1 === 'to' && /^(?:speaking|talking|spoke|speak|talk|wrote|writing)$/.test(w2)) return true;
	if (w1 === 'with' && w2 === 'interview' && /^(?:an|in)$/.test(w3)) return true;
	// "BBC correspondent Jo Bell", "Jo Bell, the BBC's correspondent": the person who reports it.
	if (REPORTER.test(t[a - 1]?.lower ?? '')) return true;
	const after = t.slice(b, b + 5).map((x) => x.lower);
	// "..., BBC Sport has learnt.", "the BBC understands", "X can reveal": who found the story out.
	const [n0, n1] = [after[0] ?? '', after[1] ?? ''];
	if (/^(?:has|have)$/.test(n0) && /^(?:learnt|learned)$/.test(n1)) return true;
	if ((n0 === 'understands' && /^[.,]$/.test(n1)) || (n0 === 'can' && n1 === 'reveal')) return true;
	return after[0] === ',' && after.slice(1).some((x) => REPORTER.test(x));
}

/** The minute of a chance or a goal, a few seconds: trivia of a match report, never a fact to recall. */
export function trivialTime(text: string): boolean {
	return (
		/^(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:minutes?|seconds?|mins?)$/i.test(text.trim()) ||
		/\b\d+(?:st|nd|rd|th)\s+minute\b/i.test(text)
	);
}

export type { Entity };
