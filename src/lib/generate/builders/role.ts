/**
 * Who holds a role the article gives: "Who is described in the article as the French President?".
 * Multiple choice when the article has three other fitting people, else asked outright: readers
 * are asked who held a post far more often than which post someone held. Only a role that tells
 * its holder apart ("the Home Secretary", "the Middlesbrough mayor", not "the chairman") and only
 * people the text shows to be people.
 */
import { surePerson } from '../../nlp/kinds';
import type { Doc, Entity } from '../../nlp/types';
import { distractors } from '../distractors';
import { spanOfName } from '../facts';
import { distinctRole, MODIFIER, roleWords } from '../facts/roles';
import { norm } from '../util';
import {
	answerQuestion,
	base,
	borrowedRole,
	rejectFor,
	sentenceNames,
	type Builder
} from './common';

/** The role as a question says it: "Former Labour prime minister" → "former Labour prime minister". */
export function roleInQuestion(role: string): string {
	const first = role.split(/\s+/)[0] ?? '';
	return MODIFIER.test(first.toLowerCase()) || /^shadow$/i.test(first)
		? first.toLowerCase() + role.slice(first.length)
		: role;
}

/**
 * Whether the role the rules found is the tail of a longer name: "Pops presenter" out of "Top of
 * the Pops presenter", "DJ" out of "BBC Radio 1 DJ". A capitalised word, a figure or "of" right
 * before it (other than at the sentence's start) means the words began earlier.
 */
export function cutRole(text: string, start: number): boolean {
	const before = text.slice(Math.max(0, start - 40), start);
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
		if (borrowedRole(doc, f.role)) return rejectFor(ctx, f, 'multiple-choice', 'borrowed-role');
		if (cutRole(doc.text, f.role.start)) return rejectFor(ctx, f, 'multiple-choice', 'cut-role');
		const e = doc.entities[f.role.entity] as Entity;
		const role = f.role.role;
		const name = e.name;
		if (!surePerson(doc, e) || !name.includes(' '))
			return rejectFor(ctx, f, 'multiple-choice', 'unsure-kind');
		if (!distinctRole(role)) return rejectFor(ctx, f, 'multiple-choice', 'vague-role');
		// Two people of the article under one post ("Tory leader" for Howard and for Thatcher): the
		// question would have two right answers.
		const others = sharesPost(doc, role, name);
		if (others.length) return rejectFor(ctx, f, 'multiple-choice', 'vague-role');
		const nameSpan = spanOfName(doc, e.id, name, f.sentence);
		const the = /['’]s\b/.test(role) || /^(his|her|their|its)\b/i.test(role) ? '' : 'the ';
		const prompt = `Who is described in the article as ${the}${roleInQuestion(role)}?`;
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
