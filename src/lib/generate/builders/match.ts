/**
 * Match: people to the roles the article gives them; failing that, speakers to their words. One
 * per deck, built from all facts at once. Null below three pairs.
 */
import type { Doc, Entity } from '../../nlp/types';
import type { RejectReason } from '../explain';
import type { FactX } from '../facts';
import { capitalise, clean, norm, shortId } from '../util';
import { type Built, type Ctx } from './common';
import { personBeyondRole, roleSourceProblem, roleWordsProblem } from './role';

/** Roles that say how one person stands to another, not what they do: no pair to learn. */
const RELATION =
	/^(?:friend|rival|rivals|colleague|ally|aide|successor|predecessor|partner|girlfriend|boyfriend|mother|father|son|daughter|wife|husband|brother|sister|girl|boy|man|woman)$/i;

/**
 * A pair worth matching: a name the text shows to be a person, written as a name ("Vadim
 * Mitroshin The" and "of Fridges" are not), and a role that says what they do in a few words.
 */
export function fitPair(doc: Doc, e: Entity, role: string): boolean {
	if (!personBeyondRole(doc, e)) return false;
	if (
		!/^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|der|da|di|le|la|bin|al))*$/u.test(
			e.name
		)
	)
		return false;
	if (/\s(?:The|A|An|Of|And)$/.test(e.name)) return false;
	const words = role.trim().split(/\s+/);
	if (words.length > 6) return false;
	return !RELATION.test(words[0] as string) || words.length > 1
		? !RELATION.test(words[words.length - 1] as string)
		: false;
}

/** Why a role fact gives no pair to match, by the role builder's rule names; null when it does. */
function rolePairProblem(doc: Doc, role: NonNullable<FactX['role']>): RejectReason | null {
	const why = roleSourceProblem(doc, role) ?? roleWordsProblem(doc, role);
	if (why) return why;
	const e = doc.entities[role.entity] as Entity;
	if (!personBeyondRole(doc, e)) return 'role-needs-person';
	return fitPair(doc, e, role.role) ? null : 'unfit-pair';
}

/** Up to six pairs from facts, each left and right side used once; null below three. */
function pairsFrom(
	facts: FactX[],
	pair: (f: FactX) => [string, string] | null
): { pairs: [string, string][]; chosen: FactX[] } | null {
	const pairs: [string, string][] = [];
	const used = new Set<string>();
	const chosen: FactX[] = [];
	for (const f of facts) {
		const p = pair(f);
		if (!p) continue;
		const [l, r] = [norm(p[0]), norm(p[1])];
		if (used.has(l) || used.has(r)) continue;
		used.add(l);
		used.add(r);
		pairs.push(p);
		chosen.push(f);
		if (pairs.length === 6) break;
	}
	return pairs.length >= 3 ? { pairs, chosen } : null;
}

export function matchQuestion(ctx: Ctx, facts: FactX[]): Built | null {
	const { doc } = ctx;
	const roles = pairsFrom(
		facts.filter((f) => f.kind === 'role'),
		(f) => {
			if (!f.role) return null;
			const why = rolePairProblem(doc, f.role);
			if (why) {
				ctx.reject({ factId: f.id, type: 'match', reason: why, detail: f.role.role });
				return null;
			}
			return [(doc.entities[f.role.entity] as Entity).name, capitalise(f.role.role)];
		}
	);
	const quotes = roles
		? null
		: pairsFrom(
				facts.filter((f) => f.kind === 'quote' && f.quote?.direct),
				(f) => {
					const q = f.quote;
					if (!q || q.speaker < 0) return null;
					// Only a person speaks here: a single word ("Yukos", a company quoted through its
					// spokesman) needs a cue other than its role.
					const speaker = doc.entities[q.speaker] as Entity;
					if (!personBeyondRole(doc, speaker)) return null;
					const words = clean(q.text).replace(/[,.]$/, '').split(' ');
					if (words.length < 3) return null;
					const said = words.length > 12 ? words.slice(0, 12).join(' ') + ' …' : words.join(' ');
					return [(doc.entities[q.speaker] as Entity).name, `“${said}”`];
				}
			);
	const found = roles ?? quotes;
	if (!found) {
		ctx.reject({ factId: '', type: 'match', reason: 'too-few-pairs' });
		return null;
	}
	const { pairs, chosen } = found;
	const first = chosen[0] as FactX;
	const start = Math.min(...chosen.map((f) => f.evidence.start));
	const end = Math.max(...chosen.map((f) => f.evidence.end));
	const id = shortId('q', 'match|' + pairs.map((p) => norm(p[0]) + '=' + norm(p[1])).join('|'));
	return {
		q: {
			id,
			factId: first.id,
			evidence: { start, end },
			type: 'match',
			prompt: roles
				? 'Match each person with the role the article gives them.'
				: 'Match each speaker with their words.',
			answer: pairs.map(([n, r]) => `${n}: ${r}`).join('; '),
			pairs,
			kind: roles ? 'role' : 'statement',
			score: 0
		},
		form: 0.9,
		fact: first
	};
}
