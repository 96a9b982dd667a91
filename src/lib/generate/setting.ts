/**
 * The walk of life a person of the article belongs to, from the roles the text gives them: a
 * player, a coach, a politician, an executive, an analyst, a journalist, an artist, a lawyer. A
 * wrong option of another walk of life gives the key away (the coach among the players, a
 * journalist among party leaders, a president beside a quoted economist), so the options for a
 * person share the key's, where both are known.
 */
import { DEMONYMS, STOPWORDS } from '../nlp/lexicon';
import type { Doc, Entity } from '../nlp/types';

export type Walk =
	| 'player'
	| 'coach'
	| 'politics'
	| 'business'
	| 'analyst'
	| 'media'
	| 'arts'
	| 'law'
	| 'science'
	| 'referee'
	| 'private';

const BY_HEAD: Record<string, Walk> = {};
const put = (walk: Walk, words: string) => {
	for (const w of words.trim().split(/\s+/)) BY_HEAD[w] = walk;
};
put(
	'player',
	`striker midfielder defender goalkeeper keeper player winger fly-half scrum-half full-back prop
	hooker flanker batsman bowler sprinter athlete boxer cyclist swimmer golfer jockey skier skater
	gymnast wrestler heavyweight spinner all-rounder forward international substitute team-mate
	teammate club-mate centre-back centre-half champion hurdler jumper vaulter marathoner
	quarterback pitcher lock opener`
);
put('coach', 'coach gaffer');
put(
	'politics',
	`minister secretary chancellor mp mps senator candidate premier governor mayor ambassador envoy
	politician congressman congresswoman mep msp peer councillor lawmaker legislator whip`
);
put(
	'business',
	'executive ceo cfo chairwoman chairperson founder co-founder entrepreneur investor tycoon shareholder'
);
put('analyst', 'analyst economist strategist');
put('media', 'editor reporter correspondent presenter host journalist columnist broadcaster dj');
put(
	'arts',
	`singer actor actress producer writer author novelist rapper musician comedian artist designer
	guitarist drummer bassist frontman vocalist composer photographer filmmaker film-maker dancer
	model screenwriter playwright poet conductor pianist violinist songwriter`
);
put('law', 'lawyer judge prosecutor attorney counsel barrister solicitor');
put('science', 'professor scientist researcher historian philosopher');
put('referee', 'referee umpire linesman');
// A relative or a friend is a private person: the article's public figures are no options for them.
put(
	'private',
	`uncle aunt mother father mum dad son daughter wife husband brother sister cousin nephew niece
	grandmother grandfather grandson granddaughter stepfather stepmother girlfriend boyfriend fiancee
	fiance widow widower neighbour neighbor friend parent parents relative`
);

/** A word of a sport or a team's side, making a "manager", "boss" or "star" one of sport. */
const SPORTY =
	/\b(?:football|soccer|rugby|cricket|tennis|golf|athletics|boxing|cycling|snooker|hockey|racing|f1|sport|sports|club|team|squad|side|national|england|ireland|wales|scotland|lions|gunners|blues|reds)\b/i;
const SHOWY =
	/\b(?:hollywood|film|movie|screen|pop|rock|tv|television|soap|stage|music|comedy|broadway|bollywood|oscar|hip-hop|rap|singing)\b/i;
const PARTY =
	/\b(?:tory|tories|labour|conservative|liberal|democrat|democrats|republican|party|opposition|snp|ukip|plaid|green|commons|lib)\b/i;

/** The noun a role is headed by: "economist at AG Edwards" → "economist", "Gunners boss" → "boss". */
export function roleHeadWord(role: string): string {
	const core = role
		.toLowerCase()
		.replace(/['’]s\b/g, '')
		.split(/\s+(?:at|of|for|with|in|to|from|on)\s+/)[0] as string;
	return core.trim().split(/\s+/).pop() ?? '';
}

/**
 * The walk of life one role names, or undefined when it could be several ("spokesman", "head",
 * "director", a "president" of a country or of a firm). `sporty`: the article is about sport, so
 * a manager or a boss is a team's.
 */
export function walkOfRole(role: string, sporty: boolean): Walk | undefined {
	const head = roleHeadWord(role);
	const direct = BY_HEAD[head];
	if (direct) return direct;
	if (head === 'manager' || head === 'boss')
		return sporty || SPORTY.test(role) ? 'coach' : 'business';
	if (head === 'star') return SHOWY.test(role) ? 'arts' : SPORTY.test(role) ? 'player' : undefined;
	if (head === 'leader') return PARTY.test(role) ? 'politics' : undefined;
	if (head === 'captain') return sporty ? 'player' : undefined;
	if (head === 'director') return SHOWY.test(role) ? 'arts' : undefined;
	if (head === 'president' || head === 'prime')
		return /\bvice\b/i.test(role) ? undefined : 'politics';
	// Rule "party role": a spokesman, a member or a chief of a party ("Lib Dem spokesman").
	if (PARTY.test(role)) return 'politics';
	return undefined;
}

const sportCache = new WeakMap<Doc, boolean>();
/** Whether the article is about sport: players, coaches or teams in its roles and names. */
export function sportyDoc(doc: Doc): boolean {
	let out = sportCache.get(doc);
	if (out === undefined) {
		let players = 0;
		for (const r of doc.roles) if (BY_HEAD[roleHeadWord(r.role)] === 'player') players++;
		const teams = doc.entities.filter(
			(e) => e.kind === 'organisation' && e.orgType === 'team'
		).length;
		out =
			players >= 2 ||
			(players >= 1 && teams >= 1) ||
			/\b(?:goals?|penalty|striker|midfielder|coach|league|cup|tries|wicket|grand slam|premiership)\b/i.test(
				doc.text.slice(0, 1500)
			);
		sportCache.set(doc, out);
	}
	return out;
}

/** The walk of life the article gives a person: that of the first role that names one. */
export function walkOf(doc: Doc, e: Entity): Walk | undefined {
	const sporty = sportyDoc(doc);
	for (const r of e.roles ?? (e.role ? [e.role] : [])) {
		const w = walkOfRole(r, sporty);
		if (w) return w;
	}
	return undefined;
}

/**
 * The role a sentence gives the person in a blank, in apposition after it: "said _____, chief
 * economist at Fact and Opinion", "_____, the Arsenal manager, said".
 */
export function roleAfter(text: string, span: { end: number }): string | undefined {
	const after = text.slice(span.end, span.end + 80);
	const m =
		/^,\s+(?:the|a|an|its|their)?\s*((?:[\p{L}'’-]+\s+){0,4}?[\p{Ll}-]+)(?:\s+(?:at|of|for|with)\b|,|\.|$)/u.exec(
			after
		);
	if (!m) return undefined;
	const role = (m[1] as string).trim();
	return BY_HEAD[roleHeadWord(role)] ||
		/\b(?:manager|boss|star|leader|director|president)$/i.test(role)
		? role
		: undefined;
}

/** Nouns of nationality and the adjective they go with: "the Swede" is Swedish. */
const NATION_NOUNS: Record<string, string> = {
	swede: 'swedish',
	dane: 'danish',
	finn: 'finnish',
	pole: 'polish',
	turk: 'turkish',
	spaniard: 'spanish',
	frenchman: 'french',
	frenchwoman: 'french',
	irishman: 'irish',
	irishwoman: 'irish',
	scot: 'scottish',
	scotsman: 'scottish',
	scotswoman: 'scottish',
	welshman: 'welsh',
	welshwoman: 'welsh',
	englishman: 'english',
	englishwoman: 'english',
	dutchman: 'dutch',
	briton: 'british',
	brit: 'british',
	aussie: 'australian'
};

/** The country a word of nationality names, adjective or noun ("Swedish", "Swede"), if any. */
export function nationOfWord(word: string): string | undefined {
	const w = word.toLowerCase();
	return DEMONYMS.get(NATION_NOUNS[w] ?? w)?.name;
}

/** A name in the text right before the noun of an outlet: "Rolling Stone magazine", "in Time magazine". */
const OUTLET =
	/^\s+(?:magazine|newspaper|paper|website|web site|channel|station|programme|show|journal|network|label|tabloid|weekly|daily)\b/i;

/** Whether the article writes the entity as the name of an outlet ("Rolling Stone magazine"). */
export function namesOutlet(doc: Doc, e: Entity): boolean {
	return e.mentions.some((i) => {
		const m = doc.mentions[i];
		return !!m && OUTLET.test(doc.text.slice(m.end, m.end + 16));
	});
}

/** The country a description in apposition after a blank gives: "_____, the Swede, won". */
export function nationAfter(text: string, span: { end: number }): string | undefined {
	const m = /^,\s+(?:\d+,\s+)?the\s+(\p{Lu}\p{Ll}+)\s*[,.]/u.exec(
		text.slice(span.end, span.end + 30)
	);
	return m ? nationOfWord(m[1] as string) : undefined;
}

/** A party word and the side it names: "Tory" and "Conservatives" are one side. */
const SIDE_WORDS: [RegExp, string][] = [
	[/^(?:tory|tories|conservatives?)$/i, 'conservative'],
	[/^labour$/i, 'labour'],
	[/^(?:lib\s+dems?|liberal\s+democrats?)$/i, 'libdem'],
	[/^republicans?$/i, 'republican'],
	[/^democrats?$/i, 'democrat'],
	[/^snp$/i, 'snp'],
	[/^ukip$/i, 'ukip']
];
const SIDE_WORD =
	/\b(?:Tory|Tories|Conservatives?|Labour|Lib\s+Dems?|Liberal\s+Democrats?|Republicans?|Democrats?|SNP|UKIP)\b/g;

/** A party word and up to three lower-case words of a post right before a name. */
const LABEL_BEFORE =
	/\b(Tory|Tories|Conservatives?|Labour|Lib\s+Dems?|Liberal\s+Democrats?|Republicans?|Democrats?|SNP|UKIP)(?:['’]s)?\s+((?:\p{Ll}[\p{Ll}-]*\s+){0,3})$/u;

/** The side a party word names, or undefined. */
export function sideOfWord(word: string): string | undefined {
	return SIDE_WORDS.find(([re]) => re.test(word.trim()))?.[1];
}

/** The sides the party words of a text name, in order. */
function sidesIn(text: string): string[] {
	return [...text.matchAll(SIDE_WORD)].map((m) => sideOfWord(m[0]) as string);
}

const sideCache = new WeakMap<Doc, Map<number, string | undefined>>();
/**
 * Rule "party side": the party the article puts a person in: a party word in a role it gives them
 * ("Lib Dem Treasury spokesman") or right before their name ("Tory co-chairman Liam Fox"); a
 * "shadow" post with no party named takes that of the article's other shadow posts.
 */
export function sideOf(doc: Doc, e: Entity): string | undefined {
	let known = sideCache.get(doc);
	if (!known) sideCache.set(doc, (known = new Map()));
	if (known.has(e.id)) return known.get(e.id);
	const roles = e.roles ?? (e.role ? [e.role] : []);
	let side = roles.flatMap(sidesIn)[0];
	for (const i of e.mentions) {
		if (side) break;
		const m = doc.mentions[i];
		const before = m ? doc.text.slice(Math.max(0, m.start - 40), m.start) : '';
		const w = LABEL_BEFORE.exec(before);
		const words = (w?.[2] ?? '').trim().split(/\s+/).filter(Boolean);
		if (w && !words.some((x) => /(?:ed|ing)$/.test(x) || STOPWORDS.has(x)))
			side = sideOfWord(w[1] as string);
	}
	if (!side && roles.some((r) => /\bshadow\b/i.test(r)))
		side = [...doc.text.matchAll(/\b(\S+)\s+shadow\b/gi)]
			.map((m) => sideOfWord(m[1] as string))
			.find(Boolean);
	known.set(e.id, side);
	return side;
}

/** Words of attack or demand: one side does them to the other. */
const HOSTILE =
	/\b(?:accus\w*|attack\w*|demand\w*|challeng\w*|criticis\w*|blast\w*|urg(?:e|es|ed|ing)|condemn\w*|taunt\w*|dar(?:e|es|ed)|press(?:es|ed|ing)?|round(?:s|ed)? on|lambast\w*|savag\w*)\b/i;

/**
 * Rule "opposed side": the side the blank's sentence sets against the person in the blank: "The
 * Tories are demanding that _____ spell out …", "_____ has launched an attack on Conservative
 * plans". A party word and the blank, a few words apart with a word of attack or demand between
 * and no other party word, put the blank's person on the other side. Undefined otherwise.
 */
export function opposedSide(doc: Doc, span: { start: number; end: number }): string | undefined {
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return undefined;
	const before = doc.text.slice(s.start, span.start);
	const after = doc.text.slice(span.end, s.end);
	const near = (gap: string) => gap.trim().split(/\s+/).length <= 10 && HOSTILE.test(gap);
	// Before: from the last party word to the blank, not the blank's own label ("Tory MP _____").
	const last = [...before.matchAll(SIDE_WORD)].pop();
	if (last && last.index !== undefined) {
		const gap = before.slice(last.index + last[0].length);
		if (near(gap)) return sideOfWord(last[0]);
	}
	const first = after.match(
		/^([^]*?)\b(?=Tory|Tories|Conservative|Labour|Lib\s+Dem|Liberal\s+Democrat|Republican|Democrat|SNP|UKIP)/
	);
	if (first && near(first[1] as string))
		return sidesIn(after.slice((first[1] as string).length))[0];
	return undefined;
}
