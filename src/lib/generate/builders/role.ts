/**
 * Who holds a role the article gives: "Who is described in the article as the French President?".
 * Multiple choice when the article has three other fitting people, else asked outright: readers
 * are asked who held a post far more often than which post someone held. Only a role that tells
 * its holder apart ("the Home Secretary", "the Middlesbrough mayor", not "the chairman") and only
 * people the text shows to be people.
 */
import { surePerson } from '../../nlp/kinds';
import { COUNTRY_BY_ALIAS, DEMONYMS, ROLE_NOUNS, SPEECH_VERBS } from '../../nlp/lexicon';
import type { Doc, Entity, RoleFact } from '../../nlp/types';
import type { RejectReason } from '../explain';
import { distractors } from '../distractors';
import { spanOfName } from '../facts';
import { distinctRole, MODIFIER, roleShapeProblem, roleWords, timelessRole } from '../facts/roles';
import { cachedRe, norm } from '../util';
import { capitalisedInside } from './cloze';
import {
	answerQuestion,
	base,
	borrowedRole,
	rejectFor,
	sentenceNames,
	type Builder
} from './common';

/**
 * The role as a question says it: "Former Labour prime minister" → "former Labour prime minister".
 * With the article's text, a capitalised first word that the text never writes capitalised inside
 * a sentence is a common word capitalised as the sentence opens: "Senior business manager" →
 * "senior business manager" (but "French President", "Labour leader" keep theirs).
 */
export function roleInQuestion(role: string, text?: string): string {
	const first = role.split(/\s+/)[0] ?? '';
	const lower = first.toLowerCase();
	const rest = role.slice(first.length);
	const common =
		text !== undefined &&
		/^\p{Lu}\p{Ll}+$/u.test(first) &&
		// "Home Secretary", "Federal Reserve chairman": a capital further on makes it a title.
		!/\p{Lu}/u.test(rest) &&
		!DEMONYMS.has(lower) &&
		!COUNTRY_BY_ALIAS.has(lower) &&
		!capitalisedInside(text, first) &&
		(RANK_WORDS.test(lower) || ROLE_NOUNS.has(lower) || cachedRe(`\\b${lower}\\b`).test(text));
	return MODIFIER.test(lower) || /^shadow$/i.test(first) || common
		? lower + role.slice(first.length)
		: role;
}

/** Words of rank that open a role in lower case ("senior", "deputy"). */
const RANK_WORDS =
	/^(?:senior|junior|deputy|assistant|general|managing|executive|principal|joint|associate|lead|vice|chief|head|regional|national|local|technical|commercial|finance|business|marketing|sales|press|communications|operations|creative|artistic|musical|film|station|campaign|committee|club|team|party|council|company|group|project|product|research|development|policy|programme|foreign|home|defence|health|education|transport|environment|trade|industry|culture|sports?)$/;

/**
 * Rule role-needs-person: only people get roles, and a role is no proof of a person ("Yukos, once
 * the owner of …" made a company a role holder). The name must show itself a person by another cue.
 */
export function personBeyondRole(
	doc: Pick<Doc, 'text' | 'sentences' | 'mentions' | 'entities' | 'quotes'>,
	e: Entity
): boolean {
	if (!surePerson(doc, e)) return false;
	// A name in two words written as a person's is a person's; a single word ("Yukos") needs a cue
	// other than its role (a title, a quotation in its name).
	return e.name.includes(' ') || surePerson(doc, { ...e, role: undefined, roles: undefined });
}

/** Adverbs that open a description, not a role: "Yukos, once the owner of …". */
const ADVERB_OPEN = /^(?:once|also|later|previously|formerly|long|already|since)$/;

/**
 * Rule role-not-noun-phrase: the words the rules took for a role open on a verb or an adverb, so
 * they are no role noun phrase. "McClaren also praised winger Stewart Downing" gives no role
 * "praised winger"; "…, said founder Mikhail Khodorkovsky" no role "said founder"; "Yukos, once
 * the owner of …" no role "once the owner". A participle stays a modifier after an article or at
 * the sentence's start ("the jailed businessman", "Retired judge Ann Lee").
 */
export function verbRole(text: string, role: string, start: number): boolean {
	const first = (role.split(/\s+/)[0] ?? '').toLowerCase();
	if (ADVERB_OPEN.test(first)) return true;
	if (SPEECH_VERBS.has(first)) return true;
	if (!/^\p{L}+ed$/u.test(first)) return false;
	const before = /([\p{L}'’]+)\s*$/u.exec(text.slice(Math.max(0, start - 30), start));
	const prev = before?.[1];
	if (!prev || /[.!?:"“]\s*$/.test(text.slice(Math.max(0, start - 3), start))) return false;
	if (/^(?:the|a|an|his|her|its|their|our|former|with|by|and)$/i.test(prev)) return false;
	if (/['’]s?$/.test(prev)) return false;
	// After a name, a pronoun or an adverb the word is the sentence's verb.
	return (
		/^\p{Lu}/u.test(prev) ||
		/^(?:he|she|they|who|also|then|later|has|have|had)$/i.test(prev) ||
		/ly$/.test(prev)
	);
}

/**
 * Rule ownerless-role: a post that belongs to a body ("manager", "spokesman") with no body named in
 * the role ("Senior business manager": manager of what?). The role has to say whose post it is.
 */
const BODY_POSTS =
	/^(?:manager|director|spokesman|spokeswoman|spokesperson|executive|officer|head|chief|chairman|chairwoman|chair|editor|boss|founder|administrator|organiser|controller|supervisor)$/;
const NATIONAL_BODY =
	/\b(?:government|civil service|police|army|navy|treasury|cabinet|church|parliament|senate|congress|assembly|ministry|opposition)\b/i;
export function ownerlessRole(role: string): boolean {
	const ws = role.trim().split(/\s+/);
	const head = (ws[ws.length - 1] as string).toLowerCase();
	if (!BODY_POSTS.test(head)) return false;
	if (/\b(?:of|at|for)\b/i.test(role) || /['’]s?\b/.test(role)) return false;
	// "chief government spokesman", "former civil service chief": a body the country has one of.
	if (NATIONAL_BODY.test(role)) return false;
	// A name in the role tells whose post it is ("Yukos founder", "Labour chairman"); the role as
	// the question shows it, so a capital that only opens the sentence is no name.
	return !ws.some((w) => /^\p{Lu}/u.test(w));
}

/**
 * Whether the role the rules found is the tail of a longer name: "Pops presenter" out of "Top of
 * the Pops presenter", "DJ" out of "BBC Radio 1 DJ". A capitalised word, a figure or "of" right
 * before it (other than at the sentence's start) means the words began earlier.
 */
export function cutRole(text: string, start: number): boolean {
	const before = text.slice(Math.max(0, start - 40), start);
	// "18-year-old centre" read from "old", "4km champion" from "km", "R&B star" from "B": the role
	// starts inside a word.
	if (/[\p{L}\p{N}&-]$/u.test(before)) return true;
	// A heading or a paragraph ends on the line before: nothing of the role stood there.
	if (!/\S[^\S\n]+$/.test(before)) return false;
	if (/\b(?:of|of the|for|and|&)\s+$/i.test(before)) return true;
	const m = /(?:^|[\s(])([\p{Lu}\d][\p{L}\d.’'-]*)\s+$/u.exec(before);
	if (!m) return false;
	const word = m[1] as string;
	// "The Times' music critic", "Arsenal's manager": an owner before the role, not a cut; and a
	// word that ends a sentence ("… Sam Holt. Singer …").
	if (/['’]s?$/.test(word) || /[.!?:]$/.test(word)) return false;
	// The sentence's first word ("Singer X"): nothing stood before it.
	const head = before.slice(0, before.lastIndexOf(word));
	if ((!head.trim() && start - before.length <= 0) || /[.!?:"“”]\s*$/.test(head)) return false;
	return !/^(?:The|A|An|Former|By|And|But|Ex)$/.test(word);
}

/** Rules borrowed-role and cut-role: the role is said of someone else, or is the tail of a name. */
export function roleSourceProblem(doc: Doc, r: RoleFact): RejectReason | null {
	if (borrowedRole(doc, r)) return 'borrowed-role';
	if (cutRole(doc.text, r.start)) return 'cut-role';
	return null;
}

/**
 * Rules role-not-noun-phrase and ownerless-role: the role's words open on a verb or an adverb, or
 * name a post without whose it is (judged on the role as the question shows it, `shown`).
 */
export function roleWordsProblem(
	doc: Doc,
	r: RoleFact,
	shown = roleInQuestion(r.role, doc.text)
): RejectReason | null {
	if (verbRole(doc.text, r.role, r.start)) return 'role-not-noun-phrase';
	if (ownerlessRole(shown)) return 'ownerless-role';
	return null;
}

/** Another person holding the same post as far as the words go: also a right answer. */
function samePost(a: string, b: string): boolean {
	const x = roleWords(a).filter((w) => !MODIFIER.test(w));
	const y = roleWords(b).filter((w) => !MODIFIER.test(w));
	if (!x.length || !y.length || x[x.length - 1] !== y[y.length - 1]) return false;
	const sy = new Set(y);
	// "Prime Minister" beside "former Labour prime minister": one post, or too near to tell.
	return x.length === 1 || y.length === 1 || x.slice(0, -1).some((w) => sy.has(w));
}

function sharesPost(doc: Doc, role: string, name: string): string[] {
	return doc.entities
		.filter((o) => o.kind === 'person' && o.name !== name)
		.filter((o) => (o.roles ?? (o.role ? [o.role] : [])).some((r) => samePost(r, role)))
		.map((o) => o.name);
}

export const roleBuilder: Builder = {
	type: 'multiple-choice',
	serves: (f) => f.kind === 'role' && !!f.role,
	build(ctx, f) {
		const { doc } = ctx;
		if (!f.role) return [];
		const source = roleSourceProblem(doc, f.role);
		if (source) return rejectFor(ctx, f, 'multiple-choice', source);
		const e = doc.entities[f.role.entity] as Entity;
		const role = f.role.role;
		const name = e.name;
		if (!personBeyondRole(doc, e)) return rejectFor(ctx, f, 'multiple-choice', 'role-needs-person');
		if (!name.includes(' ')) return rejectFor(ctx, f, 'multiple-choice', 'unsure-kind');
		if (!distinctRole(role)) return rejectFor(ctx, f, 'multiple-choice', 'vague-role');
		// "the newly-appointed … commissioner" would date the question: the post is asked.
		const shown = roleInQuestion(timelessRole(role, doc.text), doc.text);
		const words = roleWordsProblem(doc, f.role, shown) ?? roleShapeProblem(doc.text, f.role);
		if (words) return rejectFor(ctx, f, 'multiple-choice', words);
		// Two people of the article under one post ("Tory leader" for Howard and for Thatcher): the
		// question would have two right answers.
		const others = sharesPost(doc, role, name);
		if (others.length) return rejectFor(ctx, f, 'multiple-choice', 'shared-post');
		const nameSpan = spanOfName(doc, e.id, name, f.sentence);
		const the = /['’]s\b/.test(role) || /^(his|her|their|its)\b/i.test(role) ? '' : 'the ';
		const prompt = `Who is described in the article as ${the}${shown}?`;
		const exclude = [...sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(name))];
		const ds = distractors(doc, { text: name, kind: 'person', entity: e.id }, exclude, 3);
		const holder = { text: name, span: nameSpan, kind: 'person' as const };
		if (ds.length >= 3) {
			const b = base(f, 'multiple-choice', 'role');
			return [
				{ q: answerQuestion(ctx, b, 'multiple-choice', prompt, holder, ds), form: 0.9, fact: f }
			];
		}
		rejectFor(ctx, f, 'multiple-choice', 'too-few-distractors');
		const b2 = base(f, 'short-answer', 'role');
		return [{ q: answerQuestion(ctx, b2, 'short-answer', prompt, holder), form: 0.85, fact: f }];
	}
};
