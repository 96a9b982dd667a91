/**
 * Match: people to the roles the article gives them; failing that, speakers to their words. One
 * per deck, built from all facts at once. Null below three pairs.
 */
import type { Doc, Entity } from '../../nlp/types';
import type { RejectReason } from '../explain';
import type { FactX } from '../facts';
import { capitalise, clean, escapeRe, norm, shortId } from '../util';
import { type Built, type Ctx } from './common';
import { roleShapeProblem, timelessRole } from '../facts/roles';
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
	const why =
		roleSourceProblem(doc, role) ?? roleWordsProblem(doc, role) ?? roleShapeProblem(doc.text, role);
	if (why) return why;
	const e = doc.entities[role.entity] as Entity;
	if (!personBeyondRole(doc, e)) return 'role-needs-person';
	return fitPair(doc, e, role.role) ? null : 'unfit-pair';
}

/**
 * Rule bare-role: a role of one word is a post many share ("Scrum-half", "Coach", "Singer"): beside
 * "France centre" it says next to nothing, so the person is left out of a set with fuller roles,
 * but for as many as the set needs to reach three pairs (a band's "Drummer", "Bassist", "Singer"
 * stay together). A title the article writes capitalised
 * inside a sentence ("Chancellor Gordon Brown said") names one post and is no bare role, unless
 * the name itself holds it ("Prince Carl": "Prince").
 */
export function bareRole(text: string, e: Entity, role: string): boolean {
	const ws = role.trim().split(/\s+/);
	if (ws.length > 1) return false;
	const word = ws[0] as string;
	if (e.name.split(/\s+/).some((w) => w.toLowerCase() === word.toLowerCase())) return true;
	const title = capitalise(word);
	return !new RegExp(`[\\p{L}\\p{N},;][^\\S\\n]+${escapeRe(title)}\\b`, 'u').test(text);
}

/** Words that judge a person or their form, not their post: "In-form", "veteran", "fellow". */
const JUDGEMENT =
	/^(?:in-form|out-of-form|veteran|fellow|star|superstar|experienced|inexperienced|talented|gifted|promising|young|youthful|teenage|rising|legendary|influential|outstanding|excellent|brilliant|prolific|popular|controversial|respected|renowned|celebrated|famous|well-known|top|leading|key|seasoned|highly-rated|much-travelled|long-serving|ageing|injured|injury-hit|out-of-favour|struggling|embattled|beleaguered|flamboyant|outspoken|under-pressure|inspirational|famed|uncapped)$/i;

/**
 * Rule judged-role: "In-form Leicester centre" → "Leicester centre", "Fellow Bath prop" → "Bath
 * prop": a match pairs a person with their post, so the opening words that judge them or their form
 * are dropped (the last word, the post itself, always stays), as are words that date the post
 * ("Newly-appointed Metropolitan Police commissioner" → "Metropolitan Police commissioner").
 */
export function plainRole(role: string, text = ''): string {
	const ws = timelessRole(role, text).split(/\s+/);
	let i = 0;
	// "Star of Bride and Prejudice": a judging word with "of" after it is the role's own noun.
	while (
		i < ws.length - 1 &&
		JUDGEMENT.test(ws[i] as string) &&
		!/^(?:of|for|at|in|to|and)$/i.test(ws[i + 1] as string)
	)
		i++;
	return ws.slice(i).join(' ');
}

/** The lower-case words of a text, without a possessive "'s". */
function wordsOf(x: string): string[] {
	return norm(x.replace(/['’]s\b/g, ''))
		.split(' ')
		.filter(Boolean);
}

interface Candidate {
	f: FactX;
	entity: number;
	role: string;
}

/**
 * Rule ambiguous-pair: each role of a match must fit only its own person. A role fits another person
 * of the set when it is one word of theirs ("Prop" beside "Bath prop") or the same role (two "Bath
 * prop"s), or when a sentence naming the other person, without the roles it gives anyone else,
 * holds all the role's words, but not as the role written whole, which names its own holder ("England
 * tight-head prop" beside "Arden prop Mark Stenning is the only other tight-head in England's squad";
 * not "Home Secretary" beside "Mr Solana had qualms about the home secretary's plans"). Such a role
 * is dropped from the set.
 */
export function ambiguousRoles(doc: Doc, cands: readonly Candidate[]): Set<Candidate> {
	const out = new Set<Candidate>();
	// A sentence's words, without the roles the article gives anyone but `keep` there.
	const blanked = (si: number, keep: number): string[] => {
		const s = doc.sentences[si];
		if (!s) return [];
		let t = doc.text.slice(s.start, s.end);
		for (const r of doc.roles)
			if (r.entity !== keep && r.start >= s.start && r.end <= s.end)
				t = t.slice(0, r.start - s.start) + ' '.repeat(r.end - r.start) + t.slice(r.end - s.start);
		return wordsOf(t);
	};
	for (const c of cands) {
		const mine = wordsOf(c.role);
		for (const o of cands) {
			if (o === c || o.entity === c.entity) continue;
			const theirs = new Set(wordsOf(o.role));
			// A bare "Coach" beside "Scotland coach", or one role twice; "Home Secretary" beside
			// "shadow home secretary" is another post.
			if ((mine.length === 1 || mine.length === theirs.size) && mine.every((w) => theirs.has(w))) {
				out.add(c);
				break;
			}
			if (mine.length < 2) continue;
			const e = doc.entities[o.entity] as Entity;
			const sentences = new Set(e.mentions.map((i) => doc.mentions[i]?.sentence ?? -1));
			const fits = [...sentences].some((si) => {
				const ws = blanked(si, o.entity);
				// "… told the Home Secretary": the role written whole names its own holder.
				const whole = ` ${ws.join(' ')} `.includes(` ${mine.join(' ')} `);
				return !whole && mine.every((w) => ws.includes(w));
			});
			if (fits) {
				out.add(c);
				break;
			}
		}
	}
	return out;
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
	const cands: Candidate[] = [];
	for (const f of facts) {
		if (f.kind !== 'role' || !f.role) continue;
		const why = rolePairProblem(doc, f.role);
		if (why) {
			ctx.reject({ factId: f.id, type: 'match', reason: why, detail: f.role.role });
			continue;
		}
		cands.push({ f, entity: f.role.entity, role: plainRole(f.role.role, doc.text) });
	}
	const unsure = ambiguousRoles(doc, cands);
	for (const c of unsure)
		ctx.reject({ factId: c.f.id, type: 'match', reason: 'ambiguous-pair', detail: c.role });
	const bare = new Set(
		cands.filter((c) => bareRole(doc.text, doc.entities[c.entity] as Entity, c.role))
	);
	// Bare posts stay in a set of bare posts (a band's line-up); beside fuller roles only as many
	// as the match needs to reach three pairs.
	const fuller = cands.filter((c) => !unsure.has(c) && !bare.has(c)).length;
	let room = fuller ? Math.max(0, 3 - fuller) : bare.size;
	for (const c of bare) {
		if (unsure.has(c)) continue;
		if (room > 0) {
			room--;
			continue;
		}
		unsure.add(c);
		ctx.reject({ factId: c.f.id, type: 'match', reason: 'bare-role', detail: c.role });
	}
	const byFact = new Map(cands.filter((c) => !unsure.has(c)).map((c) => [c.f, c]));
	const roles = pairsFrom(
		cands.map((c) => c.f),
		(f) => {
			const c = byFact.get(f);
			return c ? [(doc.entities[c.entity] as Entity).name, capitalise(c.role)] : null;
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
