/**
 * What sort of person, organisation or place an entity is, from its name, its roles and the words
 * the text puts around it. Distractors are matched on these: a French president is offered other
 * heads of state or other French officials, a police force other public bodies, a city other cities.
 */
import {
	CITIES,
	COUNTRY_BY_ALIAS,
	DEMONYMS,
	FIRST_NAMES,
	HONORIFICS,
	MONTHS,
	ORG_WORDS,
	PLACE_WORDS,
	REGIONS,
	SOFT_ABBREVIATIONS,
	STOPWORDS
} from './lexicon';
import type { Doc, Entity, Mention, OrgType, PlaceKind } from './types';

const ORG_TYPE_WORDS: [OrgType, RegExp][] = [
	['police', /\b(police|constabulary|met|scotland yard|fbi|interpol|gendarmerie)\b/],
	[
		'military',
		/\b(army|navy|air force|marines|forces|brigade|regiment|command|military|guard|nato)\b/
	],
	['court', /\b(court|tribunal|judiciary)\b/],
	[
		'party',
		/\b(party|labour|conservatives?|tories|tory|democrats|republicans|lib dems|liberal democrats|snp|ukip|greens)\b/
	],
	['union', /\b(union|unions|tuc|unite|unison|gmb|rmt|federation of labor|afl-cio)\b/],
	[
		'international',
		/\b(united nations|un|european union|eu|european commission|imf|international monetary fund|world bank|wto|world trade organization|who|world health organization|opec|fifa|uefa|ioc|international olympic committee|interpol|red cross|african union|g7|g8|g20|asean)\b/
	],
	[
		'team',
		/\b(under-?\d\ds?|u-?\d\ds?|fc|afc|united|city|rovers|athletic|wanderers|albion|hotspur|villa|rangers|celtic|county|town|club|team|xv|squad|all blacks|wallabies|springboks|lions)\b$/
	],
	[
		'media',
		/\b(bbc|cnn|itv|sky|reuters|associated press|ap|afp|times|post|journal|telegraph|guardian|herald|news|press|broadcasting|broadcaster|radio|tv|television|channel|magazine|gazette|tribune|mirror|sun|express|observer|independent)\b/
	],
	['education', /\b(university|college|school|academy|institute of technology|polytechnic)\b/],
	['health', /\b(hospital|nhs|clinic|health service|infirmary)\b/],
	['religious', /\b(church|mosque|synagogue|diocese|vatican)\b/],
	['charity', /\b(charity|foundation|trust|oxfam|amnesty|greenpeace|unicef|save the children)\b/],
	[
		'public',
		/\b(ministry|department|office|agency|commission|council|parliament|congress|senate|assembly|cabinet|government|administration|treasury|authority|bureau|board|committee|service|federal reserve|fed|central bank|bank of england|ecb|european central bank|cia|state department|pentagon|white house|downing street|kremlin|regulator|ofcom|ofgem|ofwat|ofsted|fsa|sec|fda|nasa|reserve)\b/
	],
	[
		'company',
		/\b(inc|ltd|plc|corp|corporation|co|company|group|holdings|airlines|airways|motors|industries|partners|capital|securities|systems|technologies|software|labs|electronics|energy|oil|gas|telecom|communications|media|records|studios|pictures|films|bank|stores|foods|pharmaceuticals|microsoft|apple|google|amazon|sony|nintendo|vodafone|shell|bp|yahoo|ibm|intel|nokia|samsung|ebay)\b/
	]
];

/** Words the text puts before or after an organisation that tell its type ("the firm", "shares in"). */
const ORG_CONTEXT: [OrgType, RegExp][] = [
	[
		'company',
		/\b(firm|company|group|retailer|carmaker|airline|bank|lender|insurer|chain|brand|giant|maker|manufacturer|supplier|operator|shares|shareholders|profits?|revenue|chief executive|ceo|auditors?|accountancy|conglomerate)\b/
	],
	['team', /\b(club|side|team|coach|manager|striker|midfielder|squad|league)\b/],
	['party', /\b(party|leader of the|voters|election|mps)\b/],
	['union', /\b(union|strike|members)\b/],
	['public', /\b(body|regulator|watchdog|department|ministry|agency|authority)\b/]
];

/** The type of an organisation from its name, else from the words around its mentions. */
export function orgType(name: string, context: string): OrgType {
	const lower = name.toLowerCase();
	for (const [type, re] of ORG_TYPE_WORDS) if (re.test(lower)) return type;
	const ctx = context.toLowerCase();
	for (const [type, re] of ORG_CONTEXT) if (re.test(ctx)) return type;
	// An acronym or a one-word name with no other sign is most often a company in the news.
	return 'other';
}

/** The kind of a place from the lists of countries, cities and regions, else from its last word. */
export function placeKind(name: string): PlaceKind {
	const lower = name.toLowerCase();
	if (COUNTRY_BY_ALIAS.has(lower)) return 'country';
	if (REGIONS.has(lower)) return 'region';
	if (CITIES.has(lower)) return 'city';
	const words = lower.split(/\s+/);
	const last = words[words.length - 1] ?? '';
	if (words.length > 1 && /^(lake|mount|river|isle|cape|gulf|bay)$/.test(words[0] ?? ''))
		return 'nature';
	if (/^(republic|kingdom|emirates|states)$/.test(last)) return 'country';
	if (/^(region|province|state|county|district|territory|territories|borough|oblast)$/.test(last))
		return 'region';
	if (/^(city|town|village)$/.test(last)) return 'city';
	if (/^(street|road|avenue|square|lane)$/.test(last)) return 'street';
	if (
		/^(airport|port|harbour|stadium|park|bridge|palace|castle|cathedral|centre|center)$/.test(last)
	)
		return 'building';
	if (
		/^(island|islands|river|lake|mountains|mountain|valley|coast|bay|sea|ocean|gulf|strait|peninsula|desert|hill|hills|heights)$/.test(
			last
		)
	)
		return 'nature';
	return 'other';
}

/** The country a role or title names: "French President" → France, "Ukraine's leader" → Ukraine. */
export function nationalityOf(role: string): string | undefined {
	for (const w of role.split(/[\s-]+/)) {
		const l = w.toLowerCase().replace(/['’]s$/, '');
		const dem = DEMONYMS.get(l);
		if (dem) return dem.name;
		const c = /^[A-Z]/.test(w) ? COUNTRY_BY_ALIAS.get(l) : undefined;
		if (c) return c.name;
	}
	return undefined;
}

/** Sets `orgType`, `placeKind`, `roles` and `nationality` on the entities of an annotated text. */
export function typeEntities(
	doc: Pick<Doc, 'text' | 'entities' | 'mentions' | 'roles' | 'sentences'>
): void {
	unglueNames(doc);
	for (const e of doc.entities) {
		if ((e.kind === 'person' || e.kind === 'name') && !e.role && afterCompanyNoun(doc, e))
			rekind(doc, e, 'organisation');
		if (e.kind === 'person' && actsAsBody(doc, e)) {
			rekind(doc, e, 'organisation');
			delete e.role;
			doc.roles = doc.roles.filter((r) => r.entity !== e.id);
		}
		const team = e.kind === 'name' && actsAsTeam(doc, e);
		if (team) rekind(doc, e, 'organisation');
		if (e.kind === 'name' && placeByPreposition(doc, e)) rekind(doc, e, 'place');
		if (e.kind === 'person' && notPerson(doc, e)) {
			e.kind = 'name';
			for (const i of e.mentions) {
				const m = doc.mentions[i];
				if (m) m.kind = 'name';
			}
		}
		if (e.kind === 'organisation') {
			const around = e.mentions
				.map((i) => {
					const m = doc.mentions[i];
					return m ? doc.text.slice(Math.max(0, m.start - 40), m.end + 40) : '';
				})
				.join(' ');
			e.orgType = team ? 'team' : orgType(e.name, around);
		} else if (e.kind === 'place') e.placeKind = placeKind(e.name);
	}
	for (const m of doc.mentions) if (earlyYear(doc, m)) m.kind = 'date';
	for (const r of doc.roles) {
		const e = doc.entities[r.entity] as Entity | undefined;
		if (!e) continue;
		e.roles ??= [];
		if (!e.roles.includes(r.role)) e.roles.push(r.role);
		e.nationality ??= nationalityOf(r.role);
	}
}

/** Words before a bare four-digit figure that make it a year: "in 1337", "since 1066". */
const YEAR_BEFORE = /^(?:in|since|from|until|till|by|of|during|before|after|between|circa|c\.)$/;
/** Words before "by" or "of" that make the figure a count: "a total of 1200", "rose by 1100". */
const COUNT_BEFORE =
	/^(?:total|average|sum|score|scores|figure|increase|rise|fall|drop|cut|up|down|rose|fell|grew|increased|decreased|reduced|jumped|climbed|dropped|gained|lost|more|less|fewer|number|tally|rate|record|high|low|maximum|minimum|crowd|attendance|population|capacity|budget|price|cost|value|margin|majority|lead|out)$/;
/** Words after a year that still read as a year: "in 1337 by King Edward", "in 1215, when". */
const YEAR_AFTER =
	/^(?:by|and|or|when|as|after|before|to|until|the|a|an|with|under|at|on|in|but|that|which|where|while|was|were|is|had|has|for|from|of|because|ad|bc|bce|ce)$/;
/** Words of a sentence that place it in history: a century, a reign, an era. */
const ERA_CUE =
	/^(?:century|centuries|reign|reigned|king|queen|emperor|empress|pope|dynasty|medieval|crowned|ad|bc|bce|ce|founded|built|conquest|conquered)$/;

/**
 * Rule "early year": a bare four-digit figure from 1000 to 1499 is a year when a word that
 * introduces a time stands before it ("set up in 1337", "since 1066", "the charter of 1215") and
 * nothing after it reads as what it counts, or when the sentence tells of a century, a reign or an
 * era ("King Edward III ... 1337"). Later years are read as years already; an early one left as a
 * number was offered arithmetic on the key ("641", "350") instead of other years.
 */
export function earlyYear(
	doc: Pick<Doc, 'sentences'>,
	m: { kind: string; text: string; sentence: number; tokenStart: number; tokenEnd: number }
): boolean {
	if (m.kind !== 'number' || !/^1[0-4]\d\d$/.test(m.text)) return false;
	const toks = doc.sentences[m.sentence]?.tokens;
	if (!toks) return false;
	const prev = toks[m.tokenStart - 1];
	const prev2 = toks[m.tokenStart - 2];
	const next = toks[m.tokenEnd];
	if (prev && prev.text === '$') return false;
	if (next && !next.space && next.word) return false;
	const afterOk = !next || !next.word || next.cap || YEAR_AFTER.test(next.lower);
	if (!afterOk) return false;
	const month = !!prev && prev.cap && MONTHS.includes(prev.lower);
	if (month) return true;
	if (prev && YEAR_BEFORE.test(prev.lower)) {
		const countish = /^(?:by|of)$/.test(prev.lower) && !!prev2 && COUNT_BEFORE.test(prev2.lower);
		if (!countish) return true;
	}
	return toks.some((t) => t.word && ERA_CUE.test(t.lower));
}

/**
 * Glued name: "At La Fenice Viotti was acclaimed" reads as one name, but "La Fenice" is a name the
 * text uses on its own more than once and "Viotti" a name another entity of the text bears, both
 * met earlier. The entity keeps the second part only, and its mentions lose the first, so no
 * question shows "La Fenice Viotti".
 */
export function unglueNames(doc: Pick<Doc, 'text' | 'entities' | 'mentions' | 'sentences'>): void {
	for (const e of doc.entities) {
		if (e.kind !== 'person' && e.kind !== 'name') continue;
		const lower = e.name.toLowerCase();
		const head = doc.entities.find(
			(f) =>
				f !== e &&
				f.kind !== 'person' &&
				f.mentions.length > 1 &&
				!FIRST_NAMES.has(f.name.split(/\s+/)[0]?.toLowerCase() ?? '') &&
				lower.startsWith(`${f.name.toLowerCase()} `)
		);
		if (!head) continue;
		const rest = e.name.slice(head.name.length + 1);
		const key = rest.toLowerCase();
		// Both parts are met on their own before the glued run ("Paris Hilton" first met whole stays).
		const first = e.mentions[0] ?? -1;
		const before = (x: Entity) => (x.mentions[0] ?? Infinity) < first;
		const other = doc.entities.some(
			(g) => g !== e && g !== head && g.keys.includes(key) && before(g)
		);
		if (!other || !before(head)) continue;
		e.name = rest;
		e.keys = [key, ...e.keys.filter((k) => k !== lower && k !== key)];
		for (const i of e.mentions) {
			const m = doc.mentions[i];
			if (!m || !m.text.toLowerCase().startsWith(`${head.name.toLowerCase()} `)) continue;
			const toks = doc.sentences[m.sentence]?.tokens ?? [];
			let k = m.tokenStart;
			while (k < m.tokenEnd && (toks[k]?.end ?? Infinity) <= m.start + head.name.length) k++;
			const t = toks[k];
			if (!t || k >= m.tokenEnd) continue;
			m.tokenStart = k;
			m.start = t.start;
			m.text = doc.text.slice(m.start, m.end);
		}
	}
}

/** Sets an entity's kind and its mentions' kinds. */
function rekind(doc: Pick<Doc, 'mentions'>, e: Entity, kind: Entity['kind']): void {
	e.kind = kind;
	for (const i of e.mentions) {
		const m = doc.mentions[i];
		if (m) m.kind = kind;
	}
}

/** Lower-case nouns for a business that stand right before its name ("parts maker Robert Bosch"). */
const COMPANY_NOUN =
	/^(maker|makers|manufacturer|supplier|firm|group|company|carmaker|automaker|retailer|giant|conglomerate|lender|insurer|airline|chain|brand|label|distributor|bank)$/;

/**
 * Company cue: a name the text puts right after a business noun ("supplied by parts maker Robert
 * Bosch", "the firm John Lewis") is the business's, though it looks like a person's. A name that
 * the text gives a role, or a title or honorific, is left alone.
 */
export function afterCompanyNoun(
	doc: Pick<Doc, 'mentions' | 'sentences' | 'entities'>,
	e: Entity
): boolean {
	// "games maker Peter Molyneux": a name that opens on a first name is a business's only when the
	// text also names the business by its last word alone ("Bosch").
	const words = e.name.toLowerCase().split(/\s+/);
	const last = words[words.length - 1] as string;
	if (
		words.length > 1 &&
		FIRST_NAMES.has(words[0] as string) &&
		!doc.entities.some((o) => o !== e && o.kind === 'organisation' && o.keys.includes(last))
	)
		return false;
	return e.mentions.some((i) => {
		const m = doc.mentions[i];
		if (!m) return false;
		const prev = doc.sentences[m.sentence]?.tokens[m.tokenStart - 1];
		const prev2 = doc.sentences[m.sentence]?.tokens[m.tokenStart - 2];
		// "film maker Theo van Gogh": a maker of works is a person.
		if (
			prev?.lower === 'maker' &&
			prev2 &&
			/^(film|films|games|programme|documentary|music)$/.test(prev2.lower)
		)
			return false;
		return !!prev && prev.word && !prev.cap && COMPANY_NOUN.test(prev.lower);
	});
}

/** "Kellan have been told", "Kellan are in talks": a plural verb, as bodies take in British use. */
const PLURAL_VERB = /^\s+(?:are|have)\s+(?!you\b|we\b|they\b|i\b)[a-z]+/;

/** Words after a name that only a business takes: "X, which owns", "X's shareholders", "X Inc". */
const BODY_AFTER = [
	/^,\s+which\b/i,
	/^\s+(?:has|have|had|was|is|has\s+\w+|\w+ed)\s+(?:\w+\s+){0,2}itself\b/i,
	/^['’]s?\s+(?:[\w-]+\s+){0,2}(?:shareholders|share\s+price|stock\s+price|profits?|revenues?|turnover|chief\s+executive|chief\s+financial\s+officer|chairman|chairwoman|board\s+of\s+directors|headquarters|subsidiary|subsidiaries|workforce|market\s+value|pre-tax)\b/i,
	/^\s+(?:chief\s+executive|chief\s+financial\s+officer|ceo|chairman|chairwoman|shareholders|shares|share\s+price|executives|finance\s+director|managing\s+director)\b/i,
	/^\s+(?:and\s+its|itself)\b/i,
	/^\s+(?:has\s+|have\s+)?(?:posted|reported|announced|recorded|unveiled)\s+(?:a|an|its|their)?\s*(?:[\w$£€.,-]+\s+){0,3}(?:profits?|loss|losses|revenues?|earnings|results|dividend)\b/i,
	PLURAL_VERB,
	// "Vantor boosted its profits", "Vantor intends to grow its sales": what a business owns.
	/^\s+(?:(?!(?:the|a|an|and|but|or|that|who|said|says|told|his|her|their|with|for|of|to\s+its)\s)[a-z]+\s+){1,4}its\s+(?:[\w-]+\s+){0,2}(?:profits?|sales|revenues?|shares|customers|workforce|products|prices|plants?|factories|stores|shops|output|debts?|forecasts?|subscribers|passengers|fleet|flights|vehicles|aircraft|planes|market\s+share)\b/
];

/** Words before a name that make it a business: "shares in X", "an executive at X". */
const BODY_BEFORE =
	/\b(?:shares\s+(?:in|of)|stake\s+in|stock\s+in|executives?\s+at|employees\s+(?:at|of)|workers\s+at|staff\s+at|analysts?\s+at|takeover\s+of|merger\s+with|subsidiary\s+of|customers\s+of)\s+$/i;

/** Words around a name that only a person takes: "X, who", "X said he", "Mr X", "X's wife". */
const PERSON_AFTER = [
	/^,?\s+who\b/i,
	/^,\s+\d{1,3},/,
	/^\s+(?:\w+\s+){0,2}(?:he|she|his|her|himself|herself)\b/i,
	/^\s+(?:\w+\s+)?(?:said|says|told|added)\s+(?:\w+\s+){0,4}(?:he|she|his|her|him)\b/i,
	/^,\s+(?:the|a|his|her)\s+(?:[\w-]+\s+)?(?:wife|husband|widow|son|daughter|mother|father|brother|sister)\b/i,
	/^['’]s?\s+(?:wife|husband|son|daughter|mother|father|brother|sister|family|girlfriend|boyfriend|career|birthday|death|funeral|lawyers?|widow|children)\b/i
];

/** Per mention: 1 when the words around it show a business, -1 a person, 0 neither. */
function bodyOrPerson(doc: Pick<Doc, 'text' | 'sentences'>, m: Mention): number {
	const after = doc.text.slice(m.end, m.end + 70);
	const before = doc.text.slice(Math.max(0, m.start - 30), m.start);
	const prev = doc.sentences[m.sentence]?.tokens[m.tokenStart - 1];
	if (prev && HONORIFICS.has(prev.lower.replace(/\.$/, ''))) return -1;
	if (PERSON_AFTER.some((re) => re.test(after))) return -1;
	// "Smith and Jones have", "MPs are": a plural verb belongs to the pair or to a plural noun.
	const paired = /(?:\b(?:and|or|nor)|&|,)\s*$/.test(before) || /s$/.test(m.text);
	if (BODY_AFTER.some((re) => re.test(after) && !(paired && re === PLURAL_VERB))) return 1;
	return BODY_BEFORE.test(before) ? 1 : 0;
}

/** Whether another entity of the text is this name with a company ending: "Vantor" and "Vantor Inc". */
function suffixedElsewhere(doc: Pick<Doc, 'entities'>, e: Entity): boolean {
	const head = `${e.name.toLowerCase()} `;
	return doc.entities.some(
		(o) =>
			o !== e &&
			o.kind === 'organisation' &&
			o.name.toLowerCase().startsWith(head) &&
			SOFT_ABBREVIATIONS.has(o.name.slice(head.length).toLowerCase().replace(/\.$/, ''))
	);
}

/**
 * Acts as a body: a name taken for a person's that the text uses as a business's, by words only a
 * business takes ("shares in X", "X, which owns", "X's shareholders", "X chief executive Y", "X has
 * set itself", "X have announced") or by a company ending it bears elsewhere ("X Inc"). Any word
 * only a person takes ("Mr X", "X, who", "X said he", "X's wife") keeps it a person; a name that
 * opens on a first name or has a role needs two such mentions ("James Hardie" the building group).
 */
export function actsAsBody(
	doc: Pick<Doc, 'text' | 'sentences' | 'mentions' | 'entities'>,
	e: Entity
): boolean {
	let body = suffixedElsewhere(doc, e) ? 1 : 0;
	for (const i of e.mentions) {
		const m = doc.mentions[i];
		if (!m) continue;
		const v = bodyOrPerson(doc, m);
		if (v < 0) return false;
		body += v;
	}
	const words = e.name.toLowerCase().split(/\s+/);
	const last = words[words.length - 1] as string;
	// "Carter Cash" beside "Johnny Cash": a surname another person of the text bears.
	const kin = doc.entities.some(
		(o) => o !== e && o.kind === 'person' && o.name.toLowerCase().endsWith(` ${last}`)
	);
	const personLike = (words.length > 1 && (FIRST_NAMES.has(words[0] as string) || kin)) || !!e.role;
	return body >= (personLike ? 2 : 1);
}

/** A side's age group closing its name: "England Under-21", "Wales U20". */
const AGE_GROUP = /\b(?:under|u)-?\d\ds?$/i;

/** A player's or manager's post between a club and the one who holds it: "Barca midfielder Deco". */
const SQUAD_POST =
	/^\s+(?:striker|midfielder|defender|goalkeeper|keeper|winger|full-back|centre-back|fly-half|scrum-half|flanker|manager)\s+(?:[A-Z][\w'’-]+)/;

/** Words before a name that make it the club a player or manager was at: "on loan from X". */
const SQUAD_BEFORE =
	/\b(?:on\s+loan\s+(?:from|at|to)|signed\s+from|joined\s+from|spell\s+(?:at|with)|stint\s+(?:at|with)|managed\s+by\s+[A-Z][\w'’-]+\s+at)\s+$/;

/**
 * Acts as a team: a name of no known kind that closes on an age group ("England Under-21"), that
 * stands before a player's or manager's post and a name ("Barca midfielder Deco"), or after words
 * of a player's move ("on loan from Rovigo", "managed by Ruiz at Rovigo") is a club, not a thing.
 */
export function actsAsTeam(doc: Pick<Doc, 'text' | 'mentions'>, e: Entity): boolean {
	if (AGE_GROUP.test(e.name)) return true;
	return e.mentions.some((i) => {
		const m = doc.mentions[i];
		if (!m) return false;
		const after = doc.text.slice(m.end, m.end + 40);
		const before = doc.text.slice(Math.max(0, m.start - 40), m.start);
		// "a stint with South African club X": the name goes on past the mention.
		return SQUAD_POST.test(after) || (SQUAD_BEFORE.test(before) && !/^\s+\p{Lu}/u.test(after));
	});
}

/** Words before "in" that make what follows a work or a holding, not a place ("starred in"). */
const NOT_LOCATIVE =
	/^(starred|starring|stars|role|roles|appeared|appears|appearing|featured|features|stake|stakes|shares|interest|invested|investment|invest|part|parts|character|characters|scene|scenes|cast|written|published|film|films|movie|show|series|drama|sitcom|album|song|novel|book|play|game|games|success|star|work|win|won|nominated|nomination|nominations|actor|actress|performance)$/;

/** Prepositions of place a name may follow when it is used as a place. */
const LOCATIVE = /^(in|at|near|from|to|across|around|outside|inside|throughout|towards|via)$/;

/**
 * Place by preposition: a name of no known kind that the text uses only after a preposition of
 * place, at least once after "in" ("training in Crete", "supporters in Tyneside"), is a place. A
 * name after "starred in" or "a stake in" is a work or a holding, a name with "The" or a month in
 * it a title or a period, and a name before "'s" or a lower-case word something else.
 */
export function placeByPreposition(doc: Pick<Doc, 'mentions' | 'sentences'>, e: Entity): boolean {
	if (
		/^the\b/i.test(e.name) ||
		e.name.split(/[\s-]+/).some((w) => MONTHS.includes(w.toLowerCase()))
	)
		return false;
	const words = e.name.split(/\s+/);
	// "Aramaic", "Islamic": an adjective or a language; "Postcards From The Edge": a title.
	if (words.length === 1 && /(?:ic|ish|ese|ian|s)$/.test(e.name)) return false;
	// "in Parliament", "in R&B": a body or a genre.
	if (/&/.test(e.name) || words.some((w) => ORG_WORDS.has(w.toLowerCase()))) return false;
	if (words.slice(1).some((w) => /^\p{Lu}/u.test(w) && STOPWORDS.has(w.toLowerCase())))
		return false;
	let locative = false;
	for (const i of e.mentions) {
		const m = doc.mentions[i];
		if (!m) continue;
		const toks = doc.sentences[m.sentence]?.tokens ?? [];
		const prev = toks[m.tokenStart - 1];
		const prev2 = toks[m.tokenStart - 2];
		const next = toks[m.tokenEnd];
		// "Lost in Translation": "in" inside a title.
		const inTitle = !!prev2 && prev2.cap && m.tokenStart - 2 > 0;
		if (!prev || !LOCATIVE.test(prev.lower) || inTitle || (prev2 && NOT_LOCATIVE.test(prev2.lower)))
			return false;
		// "in Chapter 11", "in No 10": a name before a figure is no place.
		if (
			next &&
			(next.num ||
				/^['’]s$/.test(next.text) ||
				(next.word && !next.cap && !STOPWORDS.has(next.lower)))
		)
			return false;
		if (prev.lower === 'in') locative = true;
	}
	return locative;
}

const NOT_PERSON_WORD =
	/^(le|les|el|the|radio|tv|news|campaign|says|said|north|south|east|west|central|besides|yes|no|award|awards|prize|cup|trophy|show|festival|games|act|rugby|football|cricket|hockey|tennis|golf|athletics|racing|sport|sports|league|series|tour|open)$/;
const lowerCache = new WeakMap<object, Set<string>>();

/** Words the text writes in lower case somewhere after a sentence's first word. */
function lowerWordsOf(doc: Pick<Doc, 'sentences'>): Set<string> {
	let out = lowerCache.get(doc.sentences);
	if (!out) {
		out = new Set();
		for (const s of doc.sentences)
			for (let i = 1; i < s.tokens.length; i++) {
				const t = s.tokens[i];
				if (t && t.word && !t.cap) out.add(t.lower);
			}
		lowerCache.set(doc.sentences, out);
	}
	return out;
}

/**
 * Whether the text shows beyond doubt that an entity is a person, as a question that asks "who" or
 * offers people as options needs: an honorific ("Mr", "Lady"), a role or title the text gives it,
 * a common first name, or a name of two or three plain words that speaks in the text. A name with
 * an article ("Le Figaro"), an organisation or place word ("BBC Radio", "Ealing North"), a word the
 * text also writes in lower case ("No Campaign"), a digit or a full stop inside is never sure.
 */
export function surePerson(
	doc: Pick<Doc, 'text' | 'sentences' | 'mentions' | 'entities' | 'quotes'>,
	e: Entity
): boolean {
	if (e.kind !== 'person' || notPerson(doc, e)) return false;
	const words = e.name.split(/\s+/);
	if (e.role || e.roles?.length) return true;
	if (words.length >= 2 && FIRST_NAMES.has((words[0] as string).toLowerCase())) return true;
	for (const i of e.mentions) {
		const m = doc.mentions[i];
		if (!m) continue;
		const prev = doc.sentences[m.sentence]?.tokens[m.tokenStart - 1];
		if (prev && HONORIFICS.has(prev.lower.replace(/\.$/, ''))) return true;
	}
	if (words.length >= 2 && doc.quotes.some((q) => q.speaker === e.id)) return true;
	return false;
}

/**
 * A name that cannot be a person's whatever cue made it one: an article ("Le Figaro"), an
 * organisation or place word ("BBC Radio", "Ealing North"), a country, a word the text also writes
 * in lower case ("No Campaign"), a digit or a full stop between words ("Malcolm X. Besides Dee").
 */
export function notPerson(doc: Pick<Doc, 'sentences'>, e: Entity): boolean {
	const words = e.name.split(/\s+/);
	const lower = lowerWordsOf(doc);
	if (/[\d.]/.test(e.name.replace(/\b[A-Z]\.(?=\s)/g, ''))) return true;
	if (/\b[A-Z][a-z]+\.\s/.test(e.name)) return true;
	if (words.length > 4) return true;
	for (const w of words) {
		const l = w.toLowerCase();
		if (NOT_PERSON_WORD.test(l) || ORG_WORDS.has(l) || PLACE_WORDS.has(l)) return true;
		if (COUNTRY_BY_ALIAS.has(l) || DEMONYMS.has(l)) return true;
		if (STOPWORDS.has(l) && !/^(de|van|von|bin|al|da|di|du|del|la)$/.test(l)) return true;
	}
	// "No Campaign": a first word the text writes in lower case is an ordinary word ("John Major" and
	// "Stephen Pound" keep their surnames).
	const first = (words[0] as string).toLowerCase();
	if (words.length > 1 && lower.has(first) && !FIRST_NAMES.has(first)) return true;
	return false;
}
