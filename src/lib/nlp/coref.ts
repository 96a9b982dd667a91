/**
 * Short references and what they point to: "He" → the person the text was just talking about,
 * "its" → the company, "the firm" → the firm it named, "Mr Abbas" → "Mahmoud Abbas". A question
 * shows one sentence on its own, so every reference whose antecedent lies outside that sentence must
 * be written out in full, and a sentence whose opening reference cannot be resolved safely must not
 * be shown at all. The rules prefer no answer to a wrong one: a pronoun with two equally likely
 * antecedents stays unresolved.
 */
import {
	DEMONYMS,
	FIRST_NAMES,
	HONORIFICS,
	NUMBER_WORDS,
	ROLE_NOUNS,
	SPEECH_VERBS,
	STOPWORDS
} from './lexicon';
import type { SentenceInfo, Token } from './text';
import type { Doc, Entity, Mention, OrgType, PlaceKind, Reference } from './types';

export type Gender = 'm' | 'f' | undefined;

const FEMALE_NAMES = new Set(
	`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia judy
grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
charlotte rose alexis kayla kate lucy sophie chloe jade jane claire fiona gillian kirsty lorraine
nicola tessa harriet hazel yvette glenda estelle paula natasha britney madonna beyonce kylie dido
lily joss keira cate gwyneth scarlett renee charlize halle reese gwen avril norah alicia hillary
condoleezza tzipi theresa ana ursula giorgia kamala nancy liz yulia golda indira benazir aung
serena venus maria sharapova kelly paula dame anne annie katie jenny sally penny wendy louise
joanna joanne louisa naomi eve ella ellen elaine eileen jill jackie bridget sue tracy tracey caroline
rosie zoe sienna gemma leah kirsten meg maggie anita rita vanessa veronica monica nadia olga irina
tatiana svetlana natalia shakira rihanna lindsay jo-anne margo margot pauline maureen sheila`.split(
		/\s+/
	)
);
const MALE_ROLE =
	/\b(king|prince|chairman|spokesman|actor|husband|father|son|brother|emperor|sultan|frontman|congressman|sir|lord|mr)\b/i;
const FEMALE_ROLE =
	/\b(queen|princess|chairwoman|spokeswoman|actress|wife|mother|daughter|sister|widow|congresswoman|dame|lady|mrs|ms|miss)\b/i;

/** First names borne by men and women alike ("Jean Reno", "Jamie Cullum", "Kim Clijsters"). */
const UNISEX_NAMES = new Set(
	'jean jamie kelly kim sam alex chris jordan taylor lee robin jo terry leslie ashley madison'.split(
		' '
	)
);

/** The gender a text gives a person: an honorific, a gendered role or a common first name. */
export function genderOf(doc: Doc, e: Entity): Gender {
	for (const i of e.mentions) {
		const m = doc.mentions[i] as Mention;
		const s = doc.sentences[m.sentence] as SentenceInfo;
		const before = s.tokens[m.tokenStart - 1]?.lower.replace(/\.$/, '') ?? '';
		if (/^(mr|sir|lord)$/.test(before)) return 'm';
		if (/^(mrs|ms|miss|dame|lady)$/.test(before)) return 'f';
	}
	for (const r of e.roles ?? []) {
		if (FEMALE_ROLE.test(r)) return 'f';
		if (MALE_ROLE.test(r)) return 'm';
	}
	const first = e.name.split(/\s+/)[0]?.toLowerCase() ?? '';
	if (UNISEX_NAMES.has(first)) return undefined;
	if (FEMALE_NAMES.has(first)) return 'f';
	// A common first name not on the women's list: "Neil", "Tony".
	if (e.name.includes(' ') && FIRST_NAMES.has(first)) return 'm';
	return undefined;
}

/** Descriptions that point back to an organisation or place the text has named. */
const DESCRIPTIONS: Record<string, { kind: 'organisation' | 'place'; types: string[] }> = {
	firm: { kind: 'organisation', types: ['company', 'other', 'media'] },
	company: { kind: 'organisation', types: ['company', 'other', 'media'] },
	group: { kind: 'organisation', types: ['company', 'other'] },
	retailer: { kind: 'organisation', types: ['company', 'other'] },
	carmaker: { kind: 'organisation', types: ['company', 'other'] },
	airline: { kind: 'organisation', types: ['company', 'other'] },
	lender: { kind: 'organisation', types: ['company', 'other'] },
	bank: { kind: 'organisation', types: ['company', 'other', 'public'] },
	broadcaster: { kind: 'organisation', types: ['media', 'company', 'other'] },
	club: { kind: 'organisation', types: ['team', 'other'] },
	side: { kind: 'organisation', types: ['team'] },
	giant: { kind: 'organisation', types: ['company', 'media'] },
	team: { kind: 'organisation', types: ['team', 'other'] },
	party: { kind: 'organisation', types: ['party'] },
	union: { kind: 'organisation', types: ['union'] },
	country: { kind: 'place', types: ['country'] },
	city: { kind: 'place', types: ['city'] }
};

/** Nouns for a club or side, which a competition ("the Champions League") never is. */
export const TEAM_NOUN = /^(?:club|side|team)$/;
/** Names of competitions: "Champions League", "Heineken Cup", "Six Nations", "Australian Open". */
export const COMPETITION =
	/\b(?:League|Cup|Championships?|Trophy|Shield|Series|Open|Games|Olympics|Nations|Premiership|Tour|Grand Prix|Bowl|Classic|Masters)$/;

const PERSONAL = /^(he|she|him|his|her)$/;
const NEUTER = /^(it|its)$/;
/** "It was not clear whether ...": an "it" that points at nothing. */
const EXPLETIVE_VERB =
	/^(is|was|'s|has|had|will|would|could|may|might|must|seems|seemed|appears|appeared|remains|remained|took|takes|emerged|became|becomes|looks|looked|is'nt|isn't|wasn't)$/;

/** Index of tokens inside quotation marks: quoted speech keeps its own words. */
function quoted(s: SentenceInfo, text?: string): boolean[] {
	const out: boolean[] = [];
	let inQ = text !== undefined && opensInsideQuote(text, s.start);
	for (const t of s.tokens) {
		if (t.text === '"' || t.text === '“' || t.text === '”') {
			inQ = t.text === '“' ? true : t.text === '”' ? false : !inQ;
			out.push(true);
			continue;
		}
		out.push(inQ);
	}
	return out;
}

/**
 * Whether `at` stands inside speech opened by an earlier sentence of the same paragraph: '"I feel
 * sorry for him. He really needed 80 minutes."' A pronoun there belongs to the speaker's words.
 */
export function opensInsideQuote(text: string, at: number): boolean {
	const para = Math.max(0, text.lastIndexOf('\n', at - 1));
	// News writing opens every quoted sentence of a paragraph and closes only the last: the nearest
	// mark before the sentence decides. An opening mark stands before a word, a closing one after.
	for (let i = at - 1; i >= para; i--) {
		const c = text[i];
		if (c === '“') return true;
		if (c === '”') return false;
		if (c === '"') return /[\p{L}\p{N}‘'(.…]/u.test(text[i + 1] ?? '') && i + 1 < at;
	}
	return false;
}

/**
 * "It comes after law lords ruled ...", "It follows a row over ...": an "it" that stands for the
 * event just told, not for a thing the text named.
 */
const EVENT_VERB =
	/^(comes|came|follows|followed|means|meant|marks|marked|represents|represented|reflects|reflected)$/;

/**
 * Words that may stand between "the" and a description without changing what it points at ("the
 * US company", "the Japanese carmaker", "the global sports giant"); not "the other firm", "the new
 * company", which point elsewhere.
 */
const SHIFTING_MODIFIER =
	/^(other|rival|new|parent|former|same|joint|holding|second|first|another|merged|combined|bigger|smaller|larger|largest|biggest|smallest|subsidiary|sister|own|previous|next|last|old|latest|opposing|home|away|visiting)$/;

function neutralModifier(t: Token | undefined): boolean {
	if (!t || !t.word || SHIFTING_MODIFIER.test(t.lower)) return false;
	if (t.cap) return DEMONYMS.has(t.lower) || /^[A-Z]{2,3}$/.test(t.text);
	return !STOPWORDS.has(t.lower) && NUMBER_WORDS[t.lower] === undefined;
}

/**
 * The token index of the description noun after "the" at `i`, skipping up to three neutral
 * modifiers ("the US company" → "company"), or -1.
 */
function descriptionAt(toks: Token[], i: number): number {
	for (let j = i + 1; j <= i + 4 && j < toks.length; j++) {
		const t = toks[j] as Token;
		if (!t.cap && DESCRIPTIONS[t.lower]) return j;
		if (!neutralModifier(t)) return -1;
	}
	return -1;
}

function expletive(toks: Token[], i: number): boolean {
	const next = toks[i + 1];
	if (!next || !EXPLETIVE_VERB.test(next.lower)) return false;
	for (let k = i + 2; k < Math.min(toks.length, i + 10); k++) {
		const t = toks[k] as Token;
		if (/^[,;:]$/.test(t.text)) return false;
		if (
			/^(that|to|whether|if|how|what|why|when|for|unclear|clear|time|likely|unlikely|possible|impossible|thought|understood|believed|expected|feared|hoped|reported|said)$/.test(
				t.lower
			)
		)
			return true;
	}
	return false;
}

/** How the text writes an entity in full, with "the" when the text writes it so ("the BBC"). */
function fullName(doc: Doc, e: Entity): string {
	if (e.kind === 'person') {
		if (e.name.includes(' ')) return e.name;
		// "Ms Ruiz": a lone surname keeps the honorific the text gives it.
		for (const i of e.mentions) {
			const m = doc.mentions[i] as Mention;
			const hon = (doc.sentences[m.sentence] as SentenceInfo).tokens[m.tokenStart - 1];
			if (hon && HONORIFICS.has(hon.lower.replace(/\.$/, ''))) return `${hon.text} ${e.name}`;
		}
		return e.name;
	}
	if (
		e.kind === 'place' &&
		/^(United |Netherlands|Philippines|Czech Republic|Democratic Republic|Gambia|Bahamas|Maldives)/.test(
			e.name
		)
	)
		return `the ${e.name}`;
	let withThe = 0;
	for (const i of e.mentions) {
		const m = doc.mentions[i] as Mention;
		const s = doc.sentences[m.sentence] as SentenceInfo;
		if (s.tokens[m.tokenStart - 1]?.lower === 'the') withThe++;
	}
	return withThe * 2 > e.mentions.length ? `the ${e.name}` : e.name;
}

const possessive = (name: string) => `${name}'s`;
/** "Barclays'", "the United States'", not "Barclays's": a body named in the plural takes the apostrophe alone. */
const possessiveOfThing = (name: string) => (/s$/.test(name) ? `${name}'` : `${name}'s`);

/**
 * The entity (or coordinated group) a sentence is about: its grammatical subject when that is a
 * name, or the speaker of the direct quote it opens with.
 */
interface Subject {
	entity: number;
	/** A coordinated subject ("Britain and France"): the text of the whole list. */
	group?: string;
	/** A subject that names no entity ("the expedition"), as the text writes it (entity -1). */
	phrase?: string;
	plural?: boolean;
	kind: Entity['kind'] | 'thing';
	/** A coordinated subject: the entities it lists. */
	members?: number[];
	/**
	 * The body the subject belongs to: "Its boss, Jo Lane, said" (the possessor), "Acme chief
	 * executive Jo Lane said" (the name before the title). An "it" cannot mean the person.
	 */
	owner?: number;
	/** Bodies that open a later clause of the same sentence: "Acme rose and Zenco fell". */
	rivals?: number[];
}

/** What a sentence's subject offers a reference: an entity, two rivals, or nothing. */
type Pick = number | 'ambiguous' | undefined;

/** All resolvable short references of an annotated text, in text order. */
export function findReferences(doc: Doc): Reference[] {
	const out: Reference[] = [];
	const genders = new Map<number, Gender>();
	const gender = (id: number) => {
		if (!genders.has(id)) genders.set(id, genderOf(doc, doc.entities[id] as Entity));
		return genders.get(id);
	};
	const subjects: (Subject | undefined)[] = [];
	const mentionsOf = (s: number) =>
		(doc.bySentence[s] ?? []).map((i) => doc.mentions[i] as Mention);
	const personOk = (id: number, g: Gender) => {
		const e = doc.entities[id];
		if (!e || e.kind !== 'person') return false;
		const eg = gender(id);
		return !g || !eg || eg === g;
	};

	/** The one person a personal pronoun can mean, or -1. */
	/**
	 * A name of two or three words the rules could not type ("Audrey Tautou"): it may be the
	 * person a pronoun means, so while it stands nearer than the candidate the pronoun stays as is.
	 */
	const maybePerson = (id: number) => {
		const e = doc.entities[id];
		return !!e && e.kind === 'name' && /^[A-Z]\S+( [A-Z]\S+){1,2}$/.test(e.name);
	};
	const personFor = (si: number, g: Gender): number => {
		const sec = (doc.sentences[si] as SentenceInfo).section;
		for (let k = si - 1; k >= 0 && k >= si - 3; k--) {
			if ((doc.sentences[k] as SentenceInfo).section !== sec) break;
			// "... the prime minister hailed his chancellor. And he claimed ...": a person told of by
			// an office, not by name, is nearer than any name, so the pronoun stays as it is.
			if (roleSubject((doc.sentences[k] as SentenceInfo).tokens, g)) return -1;
			const ms = mentionsOf(k).filter((m) => m.entity >= 0);
			const ids = new Set(ms.filter((m) => personOk(m.entity, g)).map((m) => m.entity));
			const sub = subjects[k];
			if (sub?.group === undefined && sub && personOk(sub.entity, g)) ids.add(sub.entity);
			// "His brother, Tom Reed, said ...": the possessor stays in view.
			if (sub?.owner !== undefined && personOk(sub.owner, g)) ids.add(sub.owner);
			// "X, the show's producer, said Connick was ... He has starred ...": with two people in
			// view, or a name that may be a person, the pronoun is left alone.
			const unsure = ms.some((m) => !ids.has(m.entity) && maybePerson(m.entity));
			if (ids.size === 1 && !unsure) return [...ids][0] as number;
			if (ids.size >= 1 || unsure) return -1;
		}
		return -1;
	};

	/**
	 * Rule epithet-name: the person an opening "The Scot" means: the previous sentence's subject,
	 * when it is the only person that sentence names and nothing nearer (an office) could be meant.
	 */
	const epithetPerson = (si: number, g: Gender): number => {
		const prev = doc.sentences[si - 1];
		const sub = subjects[si - 1];
		if (!prev || prev.section !== (doc.sentences[si] as SentenceInfo).section) return -1;
		if (!sub || sub.group !== undefined || sub.entity < 0 || !personOk(sub.entity, g)) return -1;
		return personFor(si, g) === sub.entity ? sub.entity : -1;
	};

	/**
	 * Rule subject-first: what the subject of sentence `k` offers a reference, among entities `ok`
	 * accepts: the subject, or 'ambiguous' when two fit ("Acme and Zenco", "Acme rose and Zenco
	 * fell", "Acme cut jobs after Zenco ..."). An object or possessor loses to it; a coordinated
	 * subject with one that fits picks nothing.
	 */
	const subjectPick = (k: number, ok: (id: number) => boolean): Pick => {
		const sub = subjects[k];
		if (!sub) return undefined;
		const found = (sub.members ?? [sub.entity]).filter(ok);
		const all = [...new Set([...found, ...(sub.rivals ?? []).filter(ok)])];
		if (all.length > 1) return 'ambiguous';
		return sub.members ? undefined : all[0];
	};

	/**
	 * Rule same-description: sentence `k` speaks of "the firm" without it being resolved ("Acme and
	 * Jo Lane, the firm's two owners, ..."), so the firm of a later sentence is not known either.
	 */
	const unresolved = new Map<number, Set<string>>();
	const unresolvedDescription = (k: number, noun: string) => !!unresolved.get(k)?.has(noun);

	/** The organisation or place a description ("the firm") means, or -1. */
	const describedFor = (si: number, before: number, noun: string): number => {
		const d = DESCRIPTIONS[noun];
		if (!d) return -1;
		const fits = (e: Entity) =>
			e.kind === d.kind &&
			!(TEAM_NOUN.test(noun) && COMPETITION.test(e.name)) &&
			d.types.includes((d.kind === 'place' ? e.placeKind : e.orgType) ?? 'other');
		const ok = (id: number) => id >= 0 && fits(doc.entities[id] as Entity);
		const sec = (doc.sentences[si] as SentenceInfo).section;
		const ids = new Set<number>();
		let at = -1;
		for (let k = si; k >= 0 && k >= si - 3; k--) {
			if ((doc.sentences[k] as SentenceInfo).section !== sec) break;
			const pick = k < si && d.kind === 'organisation' ? subjectPick(k, ok) : undefined;
			if (pick === 'ambiguous') return -1;
			if (k < si && d.kind === 'organisation' && unresolvedDescription(k, noun)) return -1;
			if (pick !== undefined) {
				ids.add(pick);
				at = k;
				break;
			}
			for (const m of mentionsOf(k))
				if ((k < si || m.end <= before) && ok(m.entity)) ids.add(m.entity);
			if (ids.size) {
				at = k;
				break;
			}
		}
		// "the party's leadership" two sentences after the only "BNP" in a story about a UKIP
		// candidate: where the text names several that fit, only a near one (this sentence or the one
		// before) is sure enough to write in.
		if (at >= 0 && at < si - 1 && doc.entities.filter(fits).length > 1) return -1;
		// "a South Korean report suggested the country ...": a country named by its adjective is no
		// mention, so a place description is written out only when nothing else could be meant.
		if (d.kind === 'place') {
			const s = doc.sentences[si] as SentenceInfo;
			const adjective = s.tokens.some((t) => t.start < before && t.cap && DEMONYMS.has(t.lower));
			return ids.size === 1 && !adjective ? ([...ids][0] as number) : -1;
		}
		if (ids.size === 1) return [...ids][0] as number;
		if (ids.size > 1) {
			// Several: the one the whole text keeps coming back to, when it clearly leads.
			const ranked = [...ids].sort(
				(a, b) =>
					(doc.entities[b] as Entity).mentions.length - (doc.entities[a] as Entity).mentions.length
			);
			const top = doc.entities[ranked[0] as number] as Entity;
			const second = doc.entities[ranked[1] as number] as Entity;
			if (top.mentions.length >= 2 * second.mentions.length) return top.id;
		}
		return -1;
	};

	/**
	 * The body an opening "it" means, given the previous sentence's subject: the subject, or the
	 * body owning a person subject ("Its boss, Jo Lane, said ... It"); -1 when another body opens
	 * a clause of its own ("Acme rose and Zenco fell. It ...") or nothing fits.
	 */
	const neuterTarget = (prev: Subject | undefined, opening: boolean): number => {
		if (!prev || prev.group !== undefined || prev.entity < 0) return -1;
		const org = (id: number) => (doc.entities[id] as Entity).kind === 'organisation';
		if (prev.rivals?.some(org)) return -1;
		if (prev.kind === 'person')
			return prev.owner !== undefined && org(prev.owner) ? prev.owner : -1;
		const fits =
			prev.kind === 'organisation' || (opening && (prev.kind === 'place' || prev.kind === 'name'));
		return fits ? prev.entity : -1;
	};

	for (const s of doc.sentences) {
		const toks = s.tokens;
		const q = quoted(s, doc.text);
		const ms = mentionsOf(s.index);
		const here: Reference[] = [];
		const named = (id: number, before: number) =>
			ms.some((m) => m.entity === id && m.end <= before) ||
			here.some((r) => r.entity === id && r.end <= before);
		const open = skipOpening(toks);
		let introEnd = -1;
		if (INTRO.test(toks[open]?.lower ?? '') || /ly$/.test(toks[open]?.lower ?? ''))
			for (let k = open + 1; k < Math.min(toks.length, open + 14); k++)
				if ((toks[k] as Token).text === ',') {
					introEnd = k;
					break;
				}
		// Only a pronoun that opens the sentence (or its opening phrase), or that attributes speech
		// (", he said"), is written out: later ones point back to the sentence's own subject.
		const leading = (i: number) =>
			i === open || (introEnd > 0 && (i < introEnd || i === introEnd + 1));
		const attributes = (i: number) =>
			SPEECH_VERBS.has(toks[i + 1]?.lower ?? '') && /^[,"”]$/.test(toks[i - 1]?.text ?? '');
		for (let i = 0; i < toks.length; i++) {
			const t = toks[i] as Token;
			if (q[i] || !t.word) continue;
			const add = (entity: number, end: number, replacement: string, kind: Reference['kind']) => {
				const last = toks[end - 1] as Token;
				here.push({
					sentence: s.index,
					start: t.start,
					end: last.end,
					tokenStart: i,
					tokenEnd: end,
					text: doc.text.slice(t.start, last.end),
					entity,
					replacement,
					kind
				});
			};
			const next = toks[i + 1];
			const nextIsNoun = !!next && next.word && !STOPWORDS.has(next.lower);
			if (PERSONAL.test(t.lower)) {
				const g: Gender = /^(he|him|his)$/.test(t.lower) ? 'm' : 'f';
				// "Smith said he ...": the antecedent is in the sentence; nothing to write out.
				if (ms.some((m) => m.end <= t.start && personOk(m.entity, g))) continue;
				// "With Martyn Wood's injury likely to keep him out": a name of unknown kind before it.
				if (ms.some((m) => m.end <= t.start && m.entity >= 0 && maybePerson(m.entity))) continue;
				if (!leading(i) && !attributes(i)) continue;
				// "For his part, Mr Brown insists ...": the opening phrase points forward.
				if (
					introEnd > 0 &&
					i < introEnd &&
					ms.some(
						(m) => m.tokenStart > introEnd && m.tokenStart <= introEnd + 4 && m.kind === 'person'
					)
				)
					continue;
				// "In his speech, he said …": the name is written once, for the subject.
				if (
					i < introEnd &&
					t.lower !== 'he' &&
					t.lower !== 'she' &&
					/^(?:he|she)$/.test(toks[introEnd + 1]?.lower ?? '')
				)
					continue;
				const id = personFor(s.index, g);
				if (id < 0) continue;
				// Rule named-after: "But she added that claims Ms Kelly was in charge …": a writer names
				// the person again only when the pronoun means someone else (a spokeswoman).
				if (ms.some((m) => m.entity === id && m.start > t.start)) continue;
				const name = fullName(doc, doc.entities[id] as Entity);
				const poss = t.lower === 'his' || (t.lower === 'her' && nextIsNoun);
				add(id, i + 1, poss ? possessive(name) : name, poss ? 'possessive' : 'pronoun');
				continue;
			}
			if (NEUTER.test(t.lower)) {
				if (t.lower === 'it' && expletive(toks, i)) continue;
				if (t.lower === 'it' && EVENT_VERB.test(next?.lower ?? '')) continue;
				if (ms.some((m) => m.end <= t.start && m.kind === 'organisation')) continue;
				if (!leading(i) && !attributes(i)) continue;
				// "Since the matter came to its attention, the agency ...": an "its" in the opening
				// phrase may point forward to the subject that follows it.
				// "In its monthly bulletin, it flagged …": the name is written once, for the subject.
				if (i < introEnd && /^(?:the|it)$/.test(toks[introEnd + 1]?.lower ?? '')) continue;
				// Only the organisation the previous sentence was about: "it" has too many other meanings.
				const prev = subjects[s.index - 1];
				// "The expedition was a disaster. It was attacked ...": a singular subject phrase.
				if (prev?.phrase && !prev.plural && i === open) {
					if ((doc.sentences[s.index - 1] as SentenceInfo).section === s.section)
						add(
							-1,
							i + 1,
							t.lower === 'its' ? possessiveOfThing(prev.phrase) : prev.phrase,
							t.lower === 'its' ? 'possessive' : 'pronoun'
						);
					continue;
				}
				const target = neuterTarget(prev, i === open);
				if (target < 0) continue;
				if (t.lower === 'it' && !predicateFits(toks, i, doc.entities[target] as Entity)) continue;
				if ((doc.sentences[s.index - 1] as SentenceInfo).section !== s.section) continue;
				const name = fullName(doc, doc.entities[target] as Entity);
				add(
					target,
					i + 1,
					t.lower === 'its' ? possessiveOfThing(name) : name,
					t.lower === 'its' ? 'possessive' : 'pronoun'
				);
				continue;
			}
			if (t.lower === 'they' && i === open) {
				const prev = subjects[s.index - 1];
				if (prev?.group !== undefined) add(-1, 1, prev.group, 'pronoun');
				else if (prev?.phrase && prev.plural) add(-1, 1, prev.phrase, 'pronoun');
				continue;
			}
			// "The Scot was …" right after a sentence about Gordon Strachan: the epithet is his name.
			if (t.lower === 'the' && i === open && !q[i]) {
				const head = nationalEpithet(toks, i);
				if (head > i) {
					const g: Gender = /woman$/.test((toks[head] as Token).lower)
						? 'f'
						: /man$/.test((toks[head] as Token).lower)
							? 'm'
							: undefined;
					const id = epithetPerson(s.index, g);
					if (id >= 0 && !ms.some((m) => m.entity === id)) {
						add(id, head + 1, fullName(doc, doc.entities[id] as Entity), 'description');
						i = head;
					}
					continue;
				}
			}
			// "the firm", "the company's": a description of something named before.
			const head = t.lower === 'the' ? descriptionAt(toks, i) : -1;
			if (head > i && !q[head]) {
				const noun = toks[head] as Token;
				const after = toks[head + 1];
				// "the firm's", "the company said"; not "the company of", "the bank holiday".
				if (
					after &&
					after.word &&
					!/^['’]s$/.test(after.text) &&
					!/^(said|says|added|has|had|is|was|will|would|could|also|announced|reported|told|expects|plans|hopes|and|which|who|that)$/.test(
						after.lower
					)
				)
					continue;
				if (namedOrListed(toks, head, ms)) continue;
				const id = describedFor(s.index, t.start, noun.lower);
				if (id < 0) unresolved.set(s.index, (unresolved.get(s.index) ?? new Set()).add(noun.lower));
				if (id < 0 || named(id, t.start)) continue;
				add(id, head + 1, fullName(doc, doc.entities[id] as Entity), 'description');
				i = head;
				continue;
			}
		}
		// "Mr Abbas", "Abbas" → "Mahmoud Abbas" at the first mention of the sentence.
		for (const m of ms) {
			if (m.entity < 0 || q[m.tokenStart]) continue;
			const e = doc.entities[m.entity] as Entity;
			if (e.kind !== 'person' || m.text === e.name || !e.name.endsWith(m.text)) continue;
			// "Mr Howard" in a text with Michael Howard and John Howard: either could be meant.
			const sur = m.text.split(/\s+/).pop()?.toLowerCase() ?? '';
			if (
				doc.entities.some(
					(o) =>
						o.id !== e.id &&
						o.kind === 'person' &&
						o.name.includes(' ') &&
						o.name.toLowerCase().split(/\s+/).pop() === sur
				)
			)
				continue;
			if (ms.some((o) => o !== m && o.entity === m.entity && o.start < m.start)) continue;
			const hon = toks[m.tokenStart - 1];
			const a =
				hon && HONORIFICS.has(hon.lower.replace(/\.$/, '')) ? m.tokenStart - 1 : m.tokenStart;
			const first = toks[a] as Token;
			here.push({
				sentence: s.index,
				start: first.start,
				end: m.end,
				tokenStart: a,
				tokenEnd: m.tokenEnd,
				text: doc.text.slice(first.start, m.end),
				entity: m.entity,
				replacement: e.name,
				kind: 'short-name'
			});
		}
		here.sort((x, y) => x.start - y.start);
		out.push(...here);
		subjects.push(subjectOf(doc, s, ms, here));
	}
	return out;
}

/** Nouns a place may be called by: "It is a small country". */
const PLACE_NOUN =
	/^(?:country|nation|state|republic|kingdom|city|town|village|capital|region|province|county|island|islands|territory|port|resort|area|place|destination|market|economy|member|democracy|monarchy|colony|suburb|district|continent)$/;
/** Nouns a body may be called by, besides the descriptions above: "It is a small firm". */
const BODY_NOUN =
	/^(?:business|organisation|organization|body|institution|charity|manufacturer|supplier|provider|member|subsidiary|unit|division|partner|rival|operator|producer|owner|one|shareholder|consortium|venture|service|website|site|brand|leader|player|pioneer|newcomer|specialist|developer|investor)$/;

/**
 * Rule predicate-kind: "It is a small invention" after a sentence about the US: an "it" whose
 * sentence calls it "a/an … noun" means the place or body only when that noun can name one.
 */
function predicateFits(toks: Token[], i: number, e: Entity): boolean {
	if (!/^(?:is|was|'s|remains|remained|became|becomes)$/.test(toks[i + 1]?.lower ?? ''))
		return true;
	if (!/^(?:a|an)$/.test(toks[i + 2]?.lower ?? '')) return true;
	// The noun: the last word of the phrase, before "of", "that", a comma or the end.
	let k = i + 3;
	while (
		k < i + 8 &&
		toks[k + 1]?.word &&
		!/^(?:of|that|which|who|with|in|for|to|and|but|,)$/.test((toks[k + 1] as Token).lower)
	)
		k++;
	const noun = toks[k]?.lower ?? '';
	if (e.kind === 'place') return PLACE_NOUN.test(noun);
	if (e.kind === 'organisation')
		return !!DESCRIPTIONS[noun] || EPITHET_NOUNS.has(noun) || BODY_NOUN.test(noun);
	return true;
}

/** Heads that tell of a person without a name: "the prime minister", "the 25-year-old". */
function personHead(t: Token): boolean {
	return (
		ROLE_NOUNS.has(t.lower) ||
		/^(?:man|woman|veteran|youngster|teenager|newcomer|\d+-year-old)$/.test(t.lower)
	);
}

/** Nouns for one person of a nation ("the Scot", "the Spaniard") that are no adjective of it. */
const NATION_PERSON =
	/^(?:scot|briton|brit|spaniard|dane|swede|finn|pole|turk|greek|czech|kiwi|aussie|argentine|swiss)$/;

/** "Irishman", "Welshwoman": a person of a nation by a word of its own. */
const NATION_MAN =
	/^(?:irish|french|english|welsh|scots|dutch|cornish|manx|ulster|yorkshire)(?:wo)?man$/;

/**
 * Rule national-epithet: the token index of the head of an opening "The Scot", "The Northern
 * Irishman" that a verb follows, or -1.
 */
function nationalEpithet(toks: Token[], i: number): number {
	let k = i + 1;
	// "The Northern Irishman": a capitalised word before the head.
	if (toks[k]?.cap && toks[k + 1]?.cap && toks[k]?.lower !== 'world') k++;
	const t = toks[k];
	if (!t?.word) return -1;
	// Only a noun for a person: "The Belgian" may be an adjective ("The Belgian side"), and "The
	// 25-year-old" fits anyone of that age.
	const person =
		t.cap && !ROLE_NOUNS.has(t.lower) && (NATION_PERSON.test(t.lower) || NATION_MAN.test(t.lower));
	if (!person) return -1;
	const v = toks[k + 1]?.lower ?? '';
	return /^(?:is|was|has|had|will|would|could|can|may|might|must|also|now|still|\w+ed|said|says|made|won|took|went|came|left|told|became|ran|beat)$/.test(
		v
	)
		? k
		: -1;
}

/** "the Welshman", "the Spaniard": a person told of by a nationality. */
function nationalHead(t: Token): boolean {
	return t.cap && (DEMONYMS.has(t.lower) || /[a-z](?:man|woman)$/.test(t.lower));
}

/** A word that reads as the verb after a subject: "said", "is", "hailed". */
const VERB_AFTER = /^(?:is|was|has|had|will|would|could|can|may|might|must|\w+ed|said|says)$/;

/**
 * Rule role-subject: the sentence's subject is "the" and a role ("the prime minister", "the
 * former striker"), with no name after it, and its gender (when the role has one) may be `g`'s.
 */
export function roleSubject(toks: Token[], g: Gender): boolean {
	const open = skipOpening(toks);
	let i = open;
	if (toks[i]?.lower !== 'the') {
		const comma = toks.findIndex((t, k) => k > open && k < open + 14 && t.text === ',');
		if (comma < 0) return false;
		i = comma + 1;
	}
	if (toks[i]?.lower !== 'the') return false;
	let k = i + 1;
	while (k < i + 4 && toks[k] && !(toks[k] as Token).cap && !personHead(toks[k] as Token)) k++;
	const head = toks[k];
	if (head && nationalHead(head)) return VERB_AFTER.test(toks[k + 1]?.lower ?? '');
	if (!head || head.cap || !personHead(head)) return false;
	// "the chancellor Gordon Brown", "the minister's aide", "the head of ...": a name or more.
	while (toks[k + 1] && personHead(toks[k + 1] as Token)) k++;
	const next = toks[k + 1];
	if (!next || next.cap || /^(?:of|['’]s?|for|at|in)$/.test(next.lower)) return false;
	const words = toks
		.slice(i + 1, k + 1)
		.map((t) => t.lower)
		.join(' ');
	if (g === 'm' && FEMALE_ROLE.test(words)) return false;
	if (g === 'f' && MALE_ROLE.test(words)) return false;
	return true;
}

const SUBJECT_PREFIX = /^(the|a|an|former|both|president|prime|minister|chief|mr|mrs|ms|dr|sir)$/;

function subjectOf(
	doc: Doc,
	s: SentenceInfo,
	ms: Mention[],
	refs: Reference[]
): Subject | undefined {
	const toks = s.tokens;
	const quote = doc.quotes.find((q) => q.sentence === s.index && q.direct && q.speaker >= 0);
	if (quote && /^["“]/.test(toks[0]?.text ?? '')) {
		const e = doc.entities[quote.speaker] as Entity;
		return { entity: e.id, kind: e.kind };
	}
	const open = skipOpening(toks);
	let found = subjectAt(doc, toks, open, ms, refs);
	// "To illustrate the idea, Bassett focuses ...": the subject after an opening phrase. A name
	// that a list goes on from is no subject ("Among those targeted are Acme, Zenco, Lumo and …",
	// "At Heathrow, Gatwick and Luton airports, BAA …"): the next comma is tried.
	for (let k = open + 1; !found && k < Math.min(toks.length, open + 14); k++)
		if ((toks[k] as Token).text === ',') {
			const m = ms.find((x) => x.tokenStart === k + 1);
			const after = m ? toks[m.tokenEnd] : undefined;
			const listed =
				ms.some((x) => x.tokenEnd === k && x.entity >= 0) &&
				!!after &&
				/^(?:,|and|or)$/.test(after.lower) &&
				!!toks[m!.tokenEnd + 1]?.cap &&
				ms.some((x) => x.tokenStart === m!.tokenEnd + 1);
			if (listed) continue;
			found = subjectAt(doc, toks, k + 1, ms, refs);
			break;
		}
	const rivals = clauseSubjects(toks, ms).filter((id) => id !== found?.entity);
	return found && rivals.length ? { ...found, rivals } : found;
}

/** A verb that may follow the subject of a clause: "Acme rose", "Zenco has", "Lumo said". */
const CLAUSE_VERB =
	/^(?:is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|said|says|rose|fell|grew|sold|bought|won|lost|saw|cut|paid|kept|held|made|took|\w+ed)$/;

/** Words that open a clause with a subject of its own: "and Zenco fell", "after Zenco said". */
const CLAUSE_OPENER =
	/^(?:and|but|while|whereas|;|after|as|when|because|since|before|until|although|though|if)$/;

/**
 * Rule rival-clause: organisations that open a later clause of the sentence ("Acme rose 2% and
 * Zenco fell"), which an "it" or "the company" in the next sentence may mean as well as the subject.
 */
function clauseSubjects(toks: Token[], ms: Mention[]): number[] {
	const out: number[] = [];
	for (const m of ms) {
		if (m.entity < 0 || m.kind !== 'organisation' || m.tokenStart < 2) continue;
		const before = (toks[m.tokenStart - 1] as Token).lower;
		if (!CLAUSE_OPENER.test(before)) continue;
		if (CLAUSE_VERB.test(toks[m.tokenEnd]?.lower ?? '') && !out.includes(m.entity))
			out.push(m.entity);
	}
	return out;
}

/**
 * Rule apposition: the name a possessive subject turns out to be ("its own internet business, AOL,
 * had ...", "Acme's web arm Lumo lost ..."): up to five lower-case words, then the name alone.
 */
function appositionAt(toks: Token[], from: number, ms: Mention[]): Mention | undefined {
	let k = from;
	while (k < from + 5 && toks[k]?.word && !(toks[k] as Token).cap) {
		if (CLAUSE_VERB.test((toks[k] as Token).lower)) return undefined;
		k++;
	}
	if (k === from) return undefined;
	const comma = toks[k]?.text === ',';
	const m = ms.find((x) => x.tokenStart === (comma ? k + 1 : k));
	if (!m || m.entity < 0 || m.kind !== 'organisation') return undefined;
	const after = toks[m.tokenEnd];
	if (comma ? after?.text !== ',' : !CLAUSE_VERB.test(after?.lower ?? '')) return undefined;
	return m;
}

/**
 * "Acme chief executive Jo Lane said": a name, a title of lower-case words, then a person; the
 * sentence is about the person.
 */
function titledPerson(toks: Token[], m: Mention, ms: Mention[]): Mention | undefined {
	let k = m.tokenEnd;
	while (k < m.tokenEnd + 3 && toks[k]?.word && !(toks[k] as Token).cap) {
		if (STOPWORDS.has((toks[k] as Token).lower) || CLAUSE_VERB.test((toks[k] as Token).lower))
			return undefined;
		k++;
	}
	if (k === m.tokenEnd) return undefined;
	const p = ms.find((x) => x.tokenStart === k);
	return p && p.entity >= 0 && p.kind === 'person' ? p : undefined;
}

/** "US-German carmaker Acme", "media giant Acme": words before a name that describe it. */
function describedName(toks: Token[], from: number, at: number): boolean {
	const head = toks[at - 1];
	if (!head || head.cap || !(DESCRIPTIONS[head.lower] || EPITHET_NOUNS.has(head.lower)))
		return false;
	for (let k = from; k < at - 1; k++) {
		const t = toks[k] as Token;
		if (t.cap || t.text === '-') continue;
		if (!neutralModifier(t)) return false;
	}
	return true;
}

function subjectAt(
	doc: Doc,
	toks: Token[],
	from: number,
	ms: Mention[],
	refs: Reference[]
): Subject | undefined {
	let i = from;
	const ref = refs.find((r) => r.tokenStart === i);
	if (ref && ref.entity >= 0) {
		const poss = /^['’]s$/.test(toks[ref.tokenEnd]?.text ?? '');
		const app =
			ref.kind === 'possessive' || poss
				? appositionAt(toks, ref.tokenEnd + (poss ? 1 : 0), ms)
				: undefined;
		if (app) return { entity: app.entity, kind: app.kind, owner: ref.entity };
		const e = doc.entities[ref.entity] as Entity;
		return { entity: e.id, kind: e.kind };
	}
	// "It was attacked ..." after "The expedition was a disaster.": the chain goes on.
	if (ref && ref.kind === 'pronoun') {
		return /^they$/i.test(ref.text)
			? { entity: -1, kind: 'thing', group: ref.replacement }
			: { entity: -1, kind: 'thing', phrase: ref.replacement, plural: false };
	}
	const np = phraseSubject(toks, i, ms);
	if (np) return np;
	while (i < toks.length && (toks[i] as Token).cap && SUBJECT_PREFIX.test((toks[i] as Token).lower))
		i++;
	const m = ms.find((x) => x.tokenStart >= i && x.tokenStart <= i + 3);
	if (!m || m.entity < 0) return undefined;
	// Only capitalised words (a title) may stand between the clause start and the name; "In the
	// US you cannot …" opens on a place the sentence is set in, not on its subject.
	for (let k = i; k < m.tokenStart; k++)
		if (
			INTRO.test((toks[k] as Token).lower) ||
			(!(toks[k] as Token).cap &&
				!/^(the|a|an|former)$/.test((toks[k] as Token).lower) &&
				!(m.kind === 'organisation' && describedName(toks, i, m.tokenStart)))
		)
			return undefined;
	// "France's president said": the possessor is not the subject, though the name it turns out
	// to be is ("Acme's web arm, Lumo, lost").
	if (/^['’]s$/.test(toks[m.tokenEnd]?.text ?? '')) {
		const app = appositionAt(toks, m.tokenEnd + 1, ms);
		return app && m.group === undefined
			? { entity: app.entity, kind: app.kind, owner: m.entity }
			: undefined;
	}
	const titled = m.group === undefined ? titledPerson(toks, m, ms) : undefined;
	if (titled) return { entity: titled.entity, kind: 'person', owner: m.entity };
	if (m.group !== undefined) {
		const all = ms.filter((x) => x.group === m.group);
		const last = all[all.length - 1] as Mention;
		const members = all.map((x) => x.entity);
		return { entity: m.entity, kind: m.kind, group: doc.text.slice(m.start, last.end), members };
	}
	const e = doc.entities[m.entity] as Entity;
	return { entity: e.id, kind: e.kind };
}

const SUBJECT_VERB =
	/^(is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|became|becomes|remains|remained|began|begins|includes|included|contains|contained|lies|lay|stands|stood|runs|ran|took|takes|gave|gives|made|makes|led|leads|\w+ed)$/;

/**
 * A subject that is a plain noun phrase ("The expedition was ...", "Imperialism is ..."), which a
 * following "It" or "They" most often continues. Short phrases only, and none that holds a name.
 */
function phraseSubject(toks: Token[], i: number, ms: Mention[]): Subject | undefined {
	const first = toks[i];
	if (!first || !first.word) return undefined;
	const det = /^the$/i.test(first.text);
	const from = det ? i + 1 : i;
	let k = from;
	while (
		k < toks.length &&
		k - from < 5 &&
		(toks[k] as Token).word &&
		!SUBJECT_VERB.test((toks[k] as Token).lower)
	)
		k++;
	if (k === from || !SUBJECT_VERB.test(toks[k]?.lower ?? '')) return undefined;
	// A bare subject is one capitalised word ("Imperialism is") or a plural ("French forces").
	if (!det && k - from > 1 && !(k - from <= 3 && /[^s]s$/.test((toks[k - 1] as Token).lower)))
		return undefined;
	const words = toks.slice(from, k);
	if (words.some((t) => STOPWORDS.has(t.lower) || t.lower === 'of' || !/[a-z]/.test(t.lower)))
		return undefined;
	if (NUMBER_WORDS[(toks[k - 1] as Token).lower] !== undefined) return undefined;
	if (ms.some((m) => m.tokenStart < k && m.tokenEnd > i)) return undefined;
	const head = (toks[k - 1] as Token).lower;
	const plural = /[^s]s$/.test(head) || /^(are|were|have)$/.test((toks[k] as Token).lower);
	const text = words.map((t) => t.text).join(' ');
	return { entity: -1, kind: 'thing', phrase: det ? `the ${text}` : text, plural };
}

/**
 * Rule named-description: "The airline, SpiceJet, will ..." names what it describes right after
 * it, and "the airline, car-making and steel industries" is a list, not a reference.
 */
function namedOrListed(toks: Token[], head: number, ms: Mention[]): boolean {
	if (toks[head + 1]?.text !== ',') return false;
	const next = toks[head + 2];
	if (!next?.word) return false;
	if (next.cap) {
		const m = ms.find((x) => x.tokenStart === head + 2);
		return !!m && m.kind !== 'place' && !/^['’]s$/.test(toks[m.tokenEnd]?.text ?? '');
	}
	// A list: lower-case words up to "and"/"or" ("the airline, car-making and steel industries").
	for (let k = head + 2; k < head + 6; k++) {
		const t = toks[k];
		if (!t || (t.cap && t.word)) return false;
		if (t.lower === 'and' || t.lower === 'or') return k > head + 2;
		if (!t.word && t.text !== '-') return false;
	}
	return false;
}

/** Discourse words that open a sentence and tie it to the one before. */
const OPENERS =
	/^(however|but|and|so|also|meanwhile|moreover|furthermore|indeed|still|nevertheless|nonetheless|thus|therefore|instead|yet|now|overall|separately|elsewhere|additionally|consequently|hence|besides|likewise|similarly|again|then|otherwise|accordingly)$/;
const OPENER_PHRASES = [
	['in', 'addition'],
	['as', 'a', 'result'],
	['at', 'the', 'same', 'time'],
	['on', 'the', 'other', 'hand'],
	['in', 'turn'],
	['by', 'contrast'],
	['in', 'contrast'],
	['even', 'so'],
	['after', 'all']
];

/** Token index after discourse words that open the sentence ("However,", "In addition,", "But"). */
export function skipOpening(toks: Token[]): number {
	let i = 0;
	for (let guard = 0; guard < 3; guard++) {
		const t = toks[i];
		if (!t) return i;
		const phrase = OPENER_PHRASES.find((p) => p.every((w, k) => toks[i + k]?.lower === w));
		if (phrase && toks[i + phrase.length]?.text === ',') {
			i += phrase.length + 1;
			continue;
		}
		if (OPENERS.test(t.lower)) {
			// "Still, ...", "Now the ...": "now" and "then" and "still" only with a comma.
			const comma = toks[i + 1]?.text === ',';
			if (
				/^(still|now|then|again|yet|otherwise|overall|likewise|similarly|instead|elsewhere|separately|accordingly|hence|besides)$/.test(
					t.lower
				) &&
				!comma
			)
				return i;
			i += comma ? 2 : 1;
			continue;
		}
		return i;
	}
	return i;
}

/** Words inside a sentence that lean on the one before ("also", "thus", ", however,"). */
const INNER_DISCOURSE = /^(also|thus|therefore|however|meanwhile|though)$/;

export interface Edit {
	start: number;
	end: number;
	text: string;
}

/** Why a sentence cannot be shown on its own. */
export type ContextProblem = 'unresolved-pronoun' | 'unresolved-demonstrative' | 'expletive-it';

const INTRO =
	/^(after|before|in|on|at|during|despite|following|since|with|for|under|as|when|while|although|though|if|because|unlike|like|without|by|from|amid|once|until)$/;
/** Words after "this" that make it stand for a clause, not point at a noun. */
const DEMONSTRATIVE_VERB =
	/^(is|was|are|were|has|have|had|will|would|could|can|may|might|must|should|shall|means|meant|shows|showed|shown|led|leads|made|makes|came|comes|gave|gives|includes|included|became|becomes|did|does|remains|remained|took|takes|also|not|in|of|to|and|or|but|that|which|one|ones|all|a|an|the|\w+ed|\w+ly)$/;
/**
 * "This happens", "This seems": after a singular "this" a word in -s is a verb, not a plural
 * noun ("this news", "this crisis" and "this bus" end otherwise), so "this" is a pronoun; so is a
 * demonstrative before a preposition or "who".
 */
function singularVerb(det: Token, next: Token): boolean {
	return (det.lower === 'this' && /[^suiw']s$/.test(next.lower)) || PRONOUN_BEFORE.test(next.lower);
}

/** "Those on low incomes", "those at risk", "this from a man who …": a pronoun, not a determiner. */
const PRONOUN_BEFORE =
	/^(?:on|at|for|from|with|without|by|under|over|among|within|like|near|outside|inside|behind|who|whose|whom)$/;
const LEADING_PRONOUN = /^(he|she|it|they|his|her|its|their|him|them|this|these|those|such|thus)$/;
const TIME_AFTER_THIS =
	/^(year|month|week|weekend|season|summer|winter|spring|autumn|morning|afternoon|evening|time|term|quarter)$/;

/**
 * The edits that make sentence `index` stand on its own: opening discourse words dropped, inner
 * "also"/"thus" dropped, and every reference whose antecedent lies outside the sentence written out
 * in full. Returns a problem name instead when the sentence opens on a reference that cannot be
 * resolved safely ("It was unclear ...", "This means ...", a "He" with two possible antecedents).
 */
export function contextEdits(doc: Doc, index: number): Edit[] | ContextProblem {
	const s = doc.sentences[index];
	if (!s) return [];
	const toks = s.tokens;
	const edits: Edit[] = [];
	const open = skipOpening(toks);
	if (open > 0) {
		const to = toks[open];
		edits.push({ start: s.start, end: to ? to.start : s.end, text: '' });
	}
	const refs = (doc.references ?? []).filter((r) => r.sentence === index);
	const q = quoted(s);
	// "This year, ...": a time phrase of its own, dropped with its comma.
	const first = toks[open];
	let from = open;
	if (
		first &&
		/^(this|these)$/.test(first.lower) &&
		TIME_AFTER_THIS.test(toks[open + 1]?.lower ?? '')
	) {
		if (toks[open + 2]?.text === ',' && toks[open + 3]) {
			edits.push({ start: first.start, end: (toks[open + 3] as Token).start, text: '' });
			from = open + 3;
		} else return 'unresolved-demonstrative';
	}
	// "One of the few ministers to serve under Callaghan, he was ...": a description of the subject
	// before the comma, then a pronoun that it describes; the name is in another sentence.
	if (
		(toks[from]?.lower === 'one' && toks[from + 1]?.lower === 'of') ||
		/^(among|formerly|once)$/.test(toks[from]?.lower ?? '')
	) {
		const comma = toks.findIndex((t, k) => k > from && k < from + 20 && t.text === ',');
		const p = toks[comma + 1];
		if (
			comma > from &&
			p &&
			/^(he|she|they|it)$/.test(p.lower) &&
			!q[comma + 1] &&
			!q[from] &&
			!refs.some((r) => r.tokenStart === comma + 1) &&
			!toks.slice(from, comma).some((t) => /^["“”]$/.test(t.text))
		)
			return 'unresolved-pronoun';
	}
	// The subject must not lean on another sentence: the first word, or the whole opening phrase
	// when the sentence opens on one ("After his arrest, ...").
	const phrase = INTRO.test(toks[from]?.lower ?? '');
	let words = 0;
	for (let i = from; i < toks.length && words < (phrase ? 10 : 1); i++) {
		const t = toks[i] as Token;
		if (!t.word) {
			if (/^[,;:]$/.test(t.text) && words > 0) break;
			continue;
		}
		words++;
		if (q[i] || !LEADING_PRONOUN.test(t.lower)) continue;
		if (refs.some((r) => r.tokenStart === i)) continue;
		// A pronoun after a name of the same sentence refers back to it ("Smith said his ...").
		const earlierName = (doc.bySentence[index] ?? []).some(
			(m) => (doc.mentions[m] as Mention).end <= t.start && (doc.mentions[m] as Mention).entity >= 0
		);
		if (earlierName && !/^(this|these|those|such|thus)$/.test(t.lower)) continue;
		// "At the time of their marriage, Katharina ...", "On his table Luther wrote": the name
		// comes just after the pronoun that points to it.
		const laterName = (doc.bySentence[index] ?? []).some((m) => {
			const x = doc.mentions[m] as Mention;
			return x.entity >= 0 && x.start > t.start && x.tokenStart <= i + 8;
		});
		if (laterName && /^(his|her|their|its)$/.test(t.lower) && i > from) continue;
		// "In its bulletin, it flagged …": the pronoun after the phrase is written out as the name.
		const laterRef = refs.some(
			(r) => r.kind === 'pronoun' && r.tokenStart > i && r.tokenStart <= i + 8 && r.entity >= 0
		);
		if (laterRef && /^(his|her|its)$/.test(t.lower) && i > from) continue;
		if (/^(this|these|those|such)$/.test(t.lower)) {
			if (TIME_AFTER_THIS.test(toks[i + 1]?.lower ?? '') && i > open) continue;
			// "This action was upheld" → "The action was upheld": a determiner before a noun reads
			// as well as "the"; "This means ..." stands for a whole sentence before it.
			const nx = toks[i + 1];
			// "Those downloading the software …", "those affected": people named by what they do.
			if (t.lower === 'those' && nx?.word && !nx.cap && /[a-z]{3}(?:ing|ed)$/.test(nx.lower))
				continue;
			if (
				t.lower !== 'such' &&
				nx &&
				(nx.text === '"' ||
					nx.text === '“' ||
					(nx.word && !nx.cap && !DEMONSTRATIVE_VERB.test(nx.lower) && !singularVerb(t, nx)))
			) {
				edits.push({ start: t.start, end: t.end, text: i === from ? 'The' : 'the' });
				continue;
			}
			return 'unresolved-demonstrative';
		}
		if (t.lower === 'it' && expletive(toks, i)) return 'expletive-it';
		return 'unresolved-pronoun';
	}
	for (const r of refs) edits.push({ start: r.start, end: r.end, text: r.replacement });
	// Inner discourse words: "has also said" → "has said"; ", however," → "".
	for (let i = open + 1; i < toks.length; i++) {
		const t = toks[i] as Token;
		if (q[i] || !INNER_DISCOURSE.test(t.lower)) continue;
		if (t.lower === 'though' && toks[i + 1]?.text !== '.' && toks[i - 1]?.text !== ',') continue;
		const prev = toks[i - 1] as Token;
		const nx = toks[i + 1];
		if (prev.text === ',' && nx && /^[,.]$/.test(nx.text)) {
			// ", however," → keep one of the two punctuation marks.
			edits.push({ start: prev.start, end: nx.text === '.' ? t.end : nx.end, text: '' });
			i++;
		} else if (/^(also|thus|therefore)$/.test(t.lower) && prev.word && nx?.word) {
			edits.push({ start: prev.end, end: t.end, text: '' });
		}
	}
	return edits;
}

/** Nouns that, after "the", stand for a person, body or work the text named before. */
const EPITHET_NOUNS = new Set(
	`firm company giant side club team group carmaker retailer airline lender bank broadcaster
network operator maker chain insurer brewer publisher studio label agency watchdog regulator outfit
squad band film movie show album song series drama sitcom novel youngster teenager veteran
star striker midfielder defender winger goalkeeper keeper international player singer actor actress
rapper rocker pair duo trio
frenchman englishman welshman scotsman irishman dutchman briton scot`.split(/\s+/)
);
/** Role nouns too often something else after "the" ("the general election", "the centre"). */
const NOT_EPITHET = new Set(
	'general centre head lock prop model opener forward partner host spinner runner driver rider critic friend counsel officer chief director'.split(
		' '
	)
);
const EPITHET_VERB =
	/^(?:is|was|are|were|has|had|have|will|would|could|can|may|might|must|should|did|does|also|now|still|then|said|met|won|lost|made|took|gave|went|came|left|told|got|became|saw|led|ran|began|beat|hit|put|set|felt|kept|held|\w+ed|\w+[^s']s)$/;

function epithetHead(t: Token): boolean {
	if (t.cap)
		return (
			DEMONYMS.has(t.lower) ||
			EPITHET_NOUNS.has(t.lower) ||
			NATION_PERSON.test(t.lower) ||
			NATION_MAN.test(t.lower)
		);
	if (NOT_EPITHET.has(t.lower)) return false;
	return (
		EPITHET_NOUNS.has(t.lower) || ROLE_NOUNS.has(t.lower) || /^(?:\d+-)?year-old$/.test(t.lower)
	);
}

/**
 * The span of a description the sentence opens on that stands for a person or body named only in
 * another sentence: "The Belgian has not competed since ...", "The US company said ...", "The
 * 25-year-old joined ...". Shown alone, such a sentence does not say who it is about. Null when the
 * sentence opens otherwise, or when the description is written out as a name.
 */
export function openingEpithet(doc: Doc, index: number): { start: number; end: number } | null {
	let cache = epithetCache.get(doc);
	if (!cache) epithetCache.set(doc, (cache = new Map()));
	let e = cache.get(index);
	if (e === undefined) cache.set(index, (e = findEpithet(doc, index)));
	return e;
}

const epithetCache = new WeakMap<Doc, Map<number, { start: number; end: number } | null>>();

/**
 * "The rapper, whose real name is …", "The Briton, running for the first time …", "The striker,
 * 25, …": a comma after the head, then a description of it (a lower-case word or an age), not its
 * name ("The singer, Jo Kell, …") nor an aside ("The team, however, …").
 */
function describedAfter(toks: Token[], comma: number): boolean {
	if (toks[comma]?.text !== ',') return false;
	const next = toks[comma + 1];
	if (!next || next.cap) return false;
	if (/^\d{1,2}$/.test(next.text)) return toks[comma + 2]?.text === ',';
	return (
		next.word &&
		!/^(?:however|though|too|meanwhile|of|or|and|in|for|it|says|said|like|then|now|also|indeed|perhaps)$/.test(
			next.lower
		)
	);
}

function findEpithet(doc: Doc, index: number): { start: number; end: number } | null {
	const s = doc.sentences[index];
	if (!s) return null;
	const toks = s.tokens;
	const i = skipOpening(toks);
	if (toks[i]?.lower !== 'the') return null;
	if ((doc.references ?? []).some((r) => r.sentence === index && r.tokenStart === i)) return null;
	// A head inside a name ("The Bank of England said") names what it is about.
	// "The Scot" taken for a name of its own names nobody.
	const named = (j: number) =>
		(doc.bySentence[index] ?? []).some((m) => {
			const x = doc.mentions[m] as Mention;
			const w = (toks[j] as Token).lower;
			if (
				x.tokenEnd - x.tokenStart === 1 &&
				x.kind === 'name' &&
				(NATION_PERSON.test(w) || NATION_MAN.test(w))
			)
				return false;
			return x.tokenStart <= j && j < x.tokenEnd;
		});
	for (let j = i + 1; j <= i + 7 && j < toks.length; j++) {
		const t = toks[j] as Token;
		const after = toks[j + 1];
		if (!t.cap && EPITHET_VERB.test(t.lower)) return null;
		if (
			epithetHead(t) &&
			!named(j) &&
			after &&
			(/^['’]s$/.test(after.text) ||
				(after.word && !after.cap && EPITHET_VERB.test(after.lower)) ||
				describedAfter(toks, j + 1))
		)
			return { start: (toks[i] as Token).start, end: t.end };
		// "The 25-year-old": a number and a hyphen before the head.
		if (/^(?:\d+|-)$/.test(t.text)) continue;
		// "The Swiss world number one reeled off ...": a ranking stands for the player.
		if (
			t.lower === 'number' &&
			/^(?:one|two|three|\d+)$/.test(after?.lower ?? '') &&
			EPITHET_VERB.test(toks[j + 2]?.lower ?? '')
		)
			return { start: (toks[i] as Token).start, end: (after as Token).end };
		if (t.lower === 'world' || t.lower === 'top') continue;
		// "The 31-year-old former England international": a description before the head.
		if (epithetHead(t) || /^(?:former|ex|new|veteran|retired|current)$/.test(t.lower)) continue;
		if (!neutralModifier(t) && !(t.cap && t.word && !STOPWORDS.has(t.lower))) return null;
	}
	return null;
}

/**
 * Applies edits to the span [start, end) of the text and tidies spaces. Edits that fall outside the
 * span or overlap an earlier edit are ignored, so a caller's own edit (a blank, a swapped name) given
 * first wins over a reference it covers.
 */
export function applyEdits(text: string, start: number, end: number, edits: Edit[]): string {
	const kept: Edit[] = [];
	for (const e of edits) {
		if (e.start < start || e.end > end) continue;
		if (kept.some((k) => e.start < k.end && k.start < e.end)) continue;
		kept.push(e);
	}
	kept.sort((a, b) => a.start - b.start);
	let out = '';
	let at = start;
	for (const e of kept) {
		out += text.slice(at, e.start) + e.text;
		at = e.end;
	}
	out += text.slice(at, end);
	out = out
		.replace(/\s+/g, ' ')
		.replace(/\s+([,.;:!?])/g, '$1')
		.trim();
	return out.charAt(0).toUpperCase() + out.slice(1);
}

/**
 * Sentence `index` as a question may show it on its own: discourse words dropped and references to
 * earlier sentences written out ("He said ..." → "Keir Starmer said ..."), with the caller's own
 * edits applied first (a blank over the answer, a swapped figure). Null when the sentence opens on
 * a reference that cannot be resolved safely; use `contextEdits` to learn why.
 */
export function sentenceInContext(doc: Doc, index: number, own: Edit[] = []): string | null {
	const s = doc.sentences[index];
	if (!s) return null;
	const edits = contextEdits(doc, index);
	if (typeof edits === 'string') return null;
	return applyEdits(doc.text, s.start, s.end, [...own, ...edits]);
}

export type { OrgType, PlaceKind };

/**
 * '"…," she said' given to a man: a quotation whose pronoun ("she said", "he added") does not fit
 * the speaker found for it goes to the person of that gender named last before it, or to no one.
 * A "he" for a speaker of unknown gender is left as it is.
 */
export function fitQuoteGender(doc: Doc): void {
	const genders = new Map<number, Gender>();
	const genderOfId = (id: number): Gender => {
		if (!genders.has(id)) genders.set(id, genderOf(doc, doc.entities[id] as Entity));
		return genders.get(id);
	};
	for (const q of doc.quotes) {
		if (q.speaker < 0) continue;
		const s = doc.sentences[q.sentence];
		if (!s) continue;
		const after = doc.text.slice(q.end + 1, q.end + 16);
		const before = doc.text.slice(Math.max(s.start, q.start - 41), Math.max(s.start, q.start - 1));
		const pron =
			/^[,.]?["”]?\s*(he|she)\s+(?:[a-z]+\s+)?(?:said|says|added|adds|told|tells|insisted|warned|explained|continued|admitted)\b/i.exec(
				after
			)?.[1] ??
			/\b(he|she)\s+(?:[a-z]+\s+){0,2}(?:said|says|added|adds|told|tells|insisted|warned)\s*[:,]?\s*$/i.exec(
				before
			)?.[1];
		if (!pron) continue;
		const want: Gender = pron.toLowerCase() === 'she' ? 'f' : 'm';
		const g = genderOfId(q.speaker);
		if (g === want || (g === undefined && want === 'm')) continue;
		let fit = -1;
		for (const m of doc.mentions) {
			if (m.start >= q.start) break;
			// Within the four sentences before, as a pronoun reaches.
			if (m.sentence < q.sentence - 4) continue;
			const e = m.entity >= 0 ? doc.entities[m.entity] : undefined;
			if (e?.kind === 'person' && genderOfId(e.id) === want) fit = e.id;
		}
		q.speaker = fit;
	}
}
