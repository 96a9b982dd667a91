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
	ORG_WORDS,
	PLACE_WORDS,
	REGIONS,
	STOPWORDS
} from './lexicon';
import type { Doc, Entity, OrgType, PlaceKind } from './types';

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
		/\b(fc|afc|united|city|rovers|athletic|wanderers|albion|hotspur|villa|rangers|celtic|county|town|club|team|xv|squad|all blacks|wallabies|springboks|lions)\b$/
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
		/\b(firm|company|group|retailer|carmaker|airline|bank|lender|insurer|chain|brand|giant|maker|manufacturer|supplier|operator|shares|shareholders|profits?|revenue|chief executive|ceo)\b/
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
	for (const e of doc.entities) {
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
			e.orgType = orgType(e.name, around);
		} else if (e.kind === 'place') e.placeKind = placeKind(e.name);
	}
	for (const r of doc.roles) {
		const e = doc.entities[r.entity] as Entity | undefined;
		if (!e) continue;
		e.roles ??= [];
		if (!e.roles.includes(r.role)) e.roles.push(r.role);
		e.nationality ??= nationalityOf(r.role);
	}
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
