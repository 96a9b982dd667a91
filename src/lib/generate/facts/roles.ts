/** Facts from the roles the text gives people: one per person. */
import type { Doc, RoleFact } from '../../nlp/types';
import type { RejectReason } from '../explain';
import { borrowedRole } from '../builders/common';
import { KIND_WEIGHT, positionWeight, type FactSink } from './common';
import { addWholeAnswer } from './quotes';
import {
	AUXILIARIES,
	CITIES,
	COUNTRY_BY_ALIAS,
	E_VERBS,
	IRREGULAR_VERBS,
	MODALS,
	MULTIWORD_PLACES,
	RELATION_NOUNS,
	ROLE_NOUNS
} from '../../nlp/lexicon';
import { escapeRe, norm } from '../util';

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

/**
 * The role as a whole phrase: "ex-Downing Street media chief", where the rules began the role at
 * "Street" because "ex-Downing" is written in lower case. A hyphened word ending in a capitalised
 * part right before a role that opens on a capital is the first word of the same name.
 */
export function wholeRole(text: string, r: RoleFact): RoleFact {
	if (!/^\p{Lu}/u.test(r.role)) return r;
	const before = text.slice(Math.max(0, r.start - 40), r.start);
	const m = /(?:^|[\s("“‘])((?:\p{L}+-)+\p{Lu}[\p{L}'’]*)[^\S\n]+$/u.exec(before);
	if (!m) return r;
	const start = r.start - (before.length - before.lastIndexOf(m[1] as string));
	return { ...r, start, role: text.slice(start, r.end) };
}

/** Verbs in their plain form, as "to" or "will" have them: "to put", "would declare". */
const VERB_BASES = new Set([...Object.values(IRREGULAR_VERBS), ...E_VERBS]);
/** Common verbs that take a person as their object: "to support prime minister X". */
const OBJECT_VERBS =
	/^(?:include|includes|support|supports|back|backs|loan|sign|signs|replace|replaces|join|joins|face|faces|meet|meets|help|helps|appoint|appoints|name|names|sack|sacks|drop|drops|recall|recalls|claim|claims|discipline|praise|praises|criticise|criticises|blame|blames|accuse|accuses|urge|urges|thank|thanks|warn|warns|ask|asks)$/;
/** Verb forms that also open a role as a noun: "lead singer", "set designer", "fire chief". */
const NOUN_TOO =
	/^(?:lead|set|light|hit|show|store|fire|spin|head|deal|trade|cut|run|draw|swing|ring|score)$/;
/** Words before a role that leave its first word a noun or a modifier: "the lead singer". */
const NOUN_BEFORE =
	/^(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|of|for|with|by|as|at|on|in|from|and|or|but|nor|into|about|against|under|over|between|among|new|former|fellow)$/i;

/**
 * Rule verb-in-role: the words taken for a role hold a verb, so they are a piece of a clause, not
 * a role. "combined to put giant prop Hayes over" gives no role "put giant prop", "will discipline
 * striker X" no "discipline striker", "acts include soul singer X" no "include soul singer" (a verb
 * after "to", a modal or a noun opens it, not after "the" or "and"); "were meant to motivate the
 * player" is no role at all (it opens on an auxiliary); "DiCaprio described director Martin
 * Scorsese" gives no role "DiCaprio described director" (a capitalised subject and its verb in the
 * past inside it).
 */
export function verbInRole(text: string, role: string, start: number): boolean {
	const ws = role.trim().split(/\s+/);
	const firstWord = ws[0] ?? '';
	const first = firstWord.toLowerCase();
	if (ws.length > 1 && AUXILIARIES.has(first)) return true;
	const prev = /([\p{L}'’]+)\s+$/u.exec(text.slice(Math.max(0, start - 20), start))?.[1];
	if (prev && /^\p{Ll}/u.test(firstWord) && !ROLE_NOUNS.has(first) && !MODIFIER.test(first)) {
		const lowerPrev = prev.toLowerCase();
		// After "will" or "did" any word is the verb.
		if (MODALS.has(lowerPrev) || /^(?:did|does|do)$/.test(lowerPrev)) return true;
		const verb = (VERB_BASES.has(first) && !NOUN_TOO.test(first)) || OBJECT_VERBS.test(first);
		if (verb && (lowerPrev === 'to' || (!NOUN_BEFORE.test(prev) && !/['’]s?$/.test(prev))))
			return true;
	}
	for (let i = 1; i < ws.length; i++) {
		const w = ws[i] as string;
		const past = /^\p{Ll}+ed$/u.test(w) || (w in IRREGULAR_VERBS && IRREGULAR_VERBS[w] !== w);
		if (past && /^\p{Lu}/u.test(ws[i - 1] as string) && !AUXILIARIES.has(w)) return true;
	}
	return false;
}

/** Time words that date a role the day it is read: "newly-appointed", "new", "current". */
const TIME_WORD =
	/^(?:(?:newly|recently|just)-\p{L}+|new|current|incoming|outgoing|soon-to-be|recently|newly)$/iu;

/** "New Zealand", "New York": a place the lexicon knows, or a name the text writes mid-sentence. */
function newName(next: string, text: string): boolean {
	const place = `new ${next.toLowerCase()}`;
	if (COUNTRY_BY_ALIAS.has(place) || CITIES.has(place) || MULTIWORD_PLACES.has(place)) return true;
	return new RegExp(`[\\p{L}\\p{N},;][^\\S\\n]+New ${escapeRe(next)}\\b`, 'u').test(text);
}

/**
 * Rule timeless role: "Newly-appointed Metropolitan Police commissioner" → "Metropolitan Police
 * commissioner", "New Home Secretary" → "Home Secretary". Words that say how new a post is will
 * age; the post stays. "New" stays when the text writes it with the next word as a name inside a
 * sentence ("New Zealand captain"), and "newly" takes its participle with it ("Newly
 * elected Labour MP" → "Labour MP"). The last word, the post itself, always stays.
 */
export function timelessRole(role: string, text = ''): string {
	const ws = role.trim().split(/\s+/);
	let i = 0;
	while (i < ws.length - 1 && TIME_WORD.test(ws[i] as string)) {
		const w = ws[i] as string;
		const next = ws[i + 1] as string;
		// "New Zealand captain": the text writes "New Zealand" inside a sentence, as a name.
		if (w === 'New' && /^\p{Lu}/u.test(next) && newName(next, text)) break;
		i += /^(?:newly|recently)$/i.test(w) && /ed$/.test(next) && i + 2 < ws.length ? 2 : 1;
	}
	return i ? ws.slice(i).join(' ') : role;
}

/** Words that make a description of a person, not a post: "the man", "the striker's partner". */
const PERSON_WORDS =
	/^(?:man|woman|men|women|person|people|guy|boy|girl|lad|one|figure|individual|youngster|character)$/;

/**
 * Rule description-role: the words describe the person, not a post: a bare word for a human ("the
 * man", "the youngster"), the name of a prize ("Best actor"), or a relation to someone the role
 * names by a common noun only ("the striker's partner", "his friend"); "the government's
 * communications minister" is a post.
 */
export function descriptionRole(role: string): boolean {
	const ws = roleWords(role);
	const head = ws[ws.length - 1] ?? '';
	if (PERSON_WORDS.test(head)) return true;
	// "Best actor": the prize's name, not a post ("Best actress winner" is one).
	if (ws[0] === 'best' && !/^(?:winner|nominee)$/.test(head)) return true;
	const relation = RELATION_NOUNS.has(head) || /^(?:friend|ally|aide|colleague|rival)$/.test(head);
	const t = role.trim();
	return (
		relation && (/^(?:the|his|her|their|its)\s/i.test(t) || /^\p{Ll}[\p{L}-]*['’]s?\s/u.test(t))
	);
}

/** Why the role's words are no post to learn (the rules above); null when they are one. */
export function roleShapeProblem(text: string, r: RoleFact): RejectReason | null {
	if (verbInRole(text, r.role, r.start)) return 'verb-in-role';
	if (descriptionRole(r.role)) return 'description-role';
	return null;
}

export function roleFacts(doc: Doc, sink: FactSink): void {
	const done = new Set<number>();
	// Each person's most telling role: a whole phrase that is a post, the first that tells them
	// apart, else the first.
	const score = (r: RoleFact) =>
		(roleShapeProblem(doc.text, r) ? 0 : 2) + Number(distinctRole(r.role));
	const roles = doc.roles.map((r) => wholeRole(doc.text, r)).sort((x, y) => score(y) - score(x));
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
