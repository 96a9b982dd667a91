/** Who said it: the quoted words, the speaker among other people of the article. */
import { FIRST_NAMES, ORG_WORDS, ROLE_NOUNS, STOPWORDS } from '../../nlp/lexicon';
import { genderOf } from '../../nlp/coref';
import { asWritten, distractors, FINANCE, LABEL, namesHolding } from '../distractors';
import type { Doc, Entity, Mention, Quote } from '../../nlp/types';
import type { FactX } from '../facts';
import { namesOutlet } from '../setting';
import { clean, escapeRe, norm } from '../util';
import {
	answerQuestion,
	base,
	personShown,
	rejectFor,
	textHas,
	sentenceNames,
	type Builder
} from './common';

/** Fewer words of direct speech than this are a phrase or a nickname, not a statement. */
export const QUOTE_MIN_WORDS = 4;
/**
 * Rule quote-too-short: words quoted inside reported speech ("a matter “of public interest”") need
 * this many to say something a learner could tie to one speaker.
 */
export const PHRASE_MIN_WORDS = 5;
/** The small words a scrap of a sentence opens on: prepositions and articles. */
const PHRASE_OPENER = /^(?:of|in|on|at|for|from|with|by|to|into|about|as|a|an|the)$/i;

/** Titles that are part of how a person is named: "Lord Holme", "Sir John", "Dr Reid". */
const NAME_TITLE = /\b(Lord|Lady|Sir|Dame|Baroness|Baron|Dr|Professor|Prof)\.?\s+$/;

/**
 * Rule titled-speaker: a speaker the article names only by a surname, always after a title ("Lord
 * Holme argued …"), is asked for with the title, so the choices are names in full beside him
 * ("Lord Holme / Michael Howard / Tony Blair"), not bare surnames.
 */
export function titledName(
	doc: Doc,
	text: string,
	entity?: number
): { text: string; span?: { start: number; end: number } } {
	if (/\s/.test(text.trim())) return { text };
	const e = entity !== undefined && entity >= 0 ? doc.entities[entity] : undefined;
	const spans = e ? e.mentions.map((i) => doc.mentions[i] as Mention) : [];
	for (const m of spans) {
		const from = Math.max(0, m.start - 12);
		const t = NAME_TITLE.exec(doc.text.slice(from, m.start));
		if (!t || doc.text.slice(m.start, m.end) !== text) continue;
		const start = from + t.index + t[0].indexOf(t[1] as string);
		const full = doc.text.slice(start, m.end).replace(/\s+/g, ' ');
		if (full === `${t[1]} ${text}` || full === `${t[1]}. ${text}`)
			return { text: doc.text.slice(start, m.end), span: { start, end: m.end } };
	}
	return { text };
}

/**
 * Rule speaker-choices: a name of a firm or body taken for a person's ("Matrix Asset Advisors",
 * "Fellowship") or a name with its role glued on is no person to offer beside the speaker.
 */
export function bodyName(name: string): boolean {
	const words = name.toLowerCase().split(/\s+/);
	const last = words[words.length - 1] ?? '';
	// "Cinematographer John Mathieson": a role glued to the name gives the choice away.
	const role = words.length > 2 && ROLE_NOUNS.has(words[0] ?? '');
	// "Paris-based Euronext": where a body is based, not a person's name.
	const based = /-based$/.test(words[0] ?? '') || /^(?:aid|watch|action)$/.test(last);
	return FINANCE.test(name) || ORG_WORDS.has(last) || role || based;
}

/** The last word of a name that is no letters after it ("Ian MacDonald QC" → macdonald). */
function surnameOf(words: readonly string[]): string | undefined {
	const ws = words.filter(
		(w) => !/^(?:qc|mp|mep|msp|obe|cbe|mbe|kbe|jr|jnr|sr|snr|ii|iii)$/.test(w)
	);
	return ws[ws.length - 1];
}

/**
 * Rule "speaker's full name": a speaker the text names by a part of a name ("Sir John said" for
 * Sir John Bourn) is asked for under the one fuller name of the article that has it, as the
 * article writes it; a part that several fuller names share is no sure speaker (null). The key as
 * it stands when no fuller name has it.
 */
export function speakerFullName(
	doc: Doc,
	ans: NonNullable<FactX['answer']>
): { text: string; entity: number; span?: { start: number; end: number } } | null | undefined {
	const words = norm(ans.text).split(' ');
	// "Mr Howard" is not Howard Flight: a part of a name is its end (the surname), unless a title
	// that goes with a first name ("Sir John") says otherwise.
	// The words before each mention of the key: "Mr Howard" is a surname, "Sir John" a first name.
	const me = ans.entity !== undefined && ans.entity >= 0 ? doc.entities[ans.entity] : undefined;
	const spans = me
		? me.mentions.map((i) => doc.mentions[i] as Mention)
		: ans.span
			? [ans.span]
			: [];
	const befores = spans.map((m) => doc.text.slice(Math.max(0, m.start - 6), m.start));
	const surnameTitle = befores.some((b) => /\b(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+$/.test(b));
	const firstNameTitle =
		/^(?:sir|dame|lady)$/.test(words[0] ?? '') ||
		befores.some((b) => /\b(?:Sir|Dame|Lady)\s+$/.test(b)) ||
		(!surnameTitle && words.length === 1 && FIRST_NAMES.has(words[0] as string));
	const fuller = namesHolding(doc, words)
		.filter((p) => p.words.length > words.length)
		.filter((p) => firstNameTitle || surnameOf(p.words) === words[words.length - 1])
		.map((p) => p.e);
	if (!fuller.length) return undefined;
	const names = new Set(fuller.map((e) => norm(e.name)));
	if (names.size > 1) return null;
	const e = fuller[0] as Entity;
	const text = asWritten(doc, e);
	const m = e.mentions
		.map((i) => doc.mentions[i] as Mention)
		.find((x) => doc.text.slice(x.start, x.end) === text);
	return { text, entity: e.id, span: m ? { start: m.start, end: m.end } : undefined };
}

/** Speech given by a thing or an unnamed person: "the statement said", "said a spokesman". */
const UNNAMED_SOURCE = String.raw`(?:the|a|an|one|its|his|her|their)\s+(?:[\p{L}-]+\s+){0,2}(?:statement|spokesman|spokeswoman|spokesperson|source|sources|official|insider|report|letter|document|website|release)`;
const UNNAMED_SAID = new RegExp(
	String.raw`\b${UNNAMED_SOURCE}\s+(?:said|says|added|stated|read|reads)\b|\b(?:said|says|added)\s+${UNNAMED_SOURCE}\b`,
	'iu'
);

/**
 * Rule unnamed-speaker: "“… Mr Glazer's plan …,” the statement said" → Malcolm Glazer: words a
 * statement or an unnamed spokesman gave, with the key named nowhere outside the quotation, are not
 * the key's to ask about.
 */
export function unnamedSpeaker(doc: Doc, f: FactX): boolean {
	const s = doc.sentences[f.sentence];
	const key = f.answer?.text;
	if (!s || !key) return false;
	const outside = s.text.replace(/["“][^"”]*["”]/g, ' ');
	if (!UNNAMED_SAID.test(outside)) return false;
	const words = key.split(/\s+/).filter((w) => w.length >= 3);
	return !words.some((w) => new RegExp(`\\b${escapeRe(w)}\\b`).test(outside));
}

/** The article's entity written as `text` (or by its surname, "Blair" for Tony Blair), if any. */
function entityWritten(doc: Doc, text: string): Entity | undefined {
	const n = norm(text);
	const whole = (e: Entity) => norm(e.name) === n || norm(asWritten(doc, e)) === n;
	const last = (e: Entity) => e.kind === 'person' && norm(e.name).endsWith(` ${n}`);
	return doc.entities.find(whole) ?? doc.entities.find(last);
}

/**
 * Rule speaker-choices: "Who said …? Mukerjee / Keskar / Boeing", "Cairn / Oil & Natural Gas Corp /
 * FTSE": every wrong choice of a who-said-it is one who could have said it, of the speaker's own
 * kind (a person the text shows to be one among people, a body among bodies). Four choices where the
 * article has them; three only when both wrong ones are people, or bodies the article quotes too.
 * Null when too few are left.
 */
export function speakerChoices(
	doc: Doc,
	kind: string,
	speakers: ReadonlySet<number>,
	ds: readonly string[],
	key?: string
): string[] | null {
	const kept = speakerCandidates(doc, kind, speakers, ds, key);
	const quoted = (d: string) => speakers.has(entityWritten(doc, d)?.id ?? -1);
	if (kept.length >= 3) return kept.slice(0, 3);
	// Three choices of people (or of quoted bodies) still ask who said it; bodies the article never
	// quotes are no speakers to choose from.
	return kept.length === 2 && (kind === 'person' || kept.every(quoted)) ? kept : null;
}

/** The wrong choices speakerChoices picks from, in its order, all of them. */
export function speakerCandidates(
	doc: Doc,
	kind: string,
	speakers: ReadonlySet<number>,
	ds: readonly string[],
	key?: string
): string[] {
	const kept = ds.filter((d) => {
		const e = entityWritten(doc, d);
		if (!e || e.kind !== kind) return false;
		return kind !== 'person' || (personShown(doc, e.id) && !bodyName(d));
	});
	const quoted = (d: string) => speakers.has(entityWritten(doc, d)?.id ?? -1);
	// Rule speaker-choices (speakers first): people the article quotes or shows speaking ("Reid
	// said", "said Reid") come before people it only names ("Kaplan", the referee a speaker talks
	// about); others fill in only where too few speak.
	if (kind === 'person') {
		const speaks = (d: string) => quoted(d) || speaksInArticle(doc, d);
		kept.sort((a, b) => Number(speaks(b)) - Number(speaks(a)));
	}
	// "Ian McDonald" beside "Ian MacDonald QC": the speaker spelt another way is no other person.
	if (key)
		for (let i = kept.length - 1; i >= 0; i--)
			if (sameSpelt(kept[i] as string, key)) kept.splice(i, 1);
	return kept;
}

/**
 * Rule speaker-choices (one person): two names with one first name whose surnames of six letters
 * or more differ by one letter, letters after the name ("QC") left off ("Ian McDonald", "Ian
 * MacDonald QC"), are one person spelt two ways.
 */
export function sameSpelt(a: string, b: string): boolean {
	const bare = (x: string) =>
		norm(x)
			.split(' ')
			.filter((w) => !/^(?:qc|mp|mep|msp|obe|cbe|mbe|jr|jnr|sr|snr)$/.test(w));
	const x = bare(a);
	const y = bare(b);
	const p = x[x.length - 1] ?? '';
	const q = y[y.length - 1] ?? '';
	if (x.length < 2 || x[0] !== y[0] || Math.min(p.length, q.length) < 6) return false;
	// The edit distance of the surnames, row by row.
	let row = Array.from({ length: q.length + 1 }, (_, j) => j);
	for (let i = 1; i <= p.length; i++) {
		const next = [i];
		for (let j = 1; j <= q.length; j++)
			next[j] = Math.min(
				(row[j] as number) + 1,
				(next[j - 1] as number) + 1,
				(row[j - 1] as number) + (p[i - 1] === q[j - 1] ? 0 : 1)
			);
		row = next;
	}
	return (row[q.length] as number) <= 1;
}

/** A verb of saying right after a name, or "said" right before it. */
const SAYS_AFTER =
	/^\s+(?:(?:has|had|have)\s+)?(?:said|says|told|tells|added|adds|argued|argues|insisted|insists|claimed|claims|warned|warns|explained|explains|admitted|admits|stated|states|commented|comments|replied|replies|believes|believed|stressed|stresses|confirmed|confirms|denied|denies)\b/;

/** Whether the article shows the person named `d` speaking: "Reid said", "said Reid", "Reid told". */
export function speaksInArticle(doc: Doc, d: string): boolean {
	const e = entityWritten(doc, d);
	if (!e) return false;
	return e.mentions.some((i) => {
		const m = doc.mentions[i] as Mention;
		return (
			SAYS_AFTER.test(doc.text.slice(m.end, m.end + 40)) ||
			/\b(?:said|says|added|told|according to)\s+$/.test(
				doc.text.slice(Math.max(0, m.start - 16), m.start)
			)
		);
	});
}

/** Verbs after which a name opens the reported clause: "He hoped Carter would …", "Reid said Carter had". */
const REPORTED_CLAUSE_VERB =
	/\p{L}[\p{L}'’.]*\s+(?:hoped|hopes|hoping|said|says|believes|believed|thinks|thought|expects|expected|wants|wanted|feels|felt|knows|knew|added|insisted|claimed|claims|suggested|warned|told|urged|asked|predicted|predicts|wished|fears|feared|trusts|trusted|doubted|doubts)\s+(?:that\s+)?$/u;

/**
 * The sentence of the fact and the key's mentions in it outside its quotations, or null when the
 * key is no entity.
 */
function keyMentionsOutsideQuotes(
	doc: Doc,
	f: FactX
): { s: Doc['sentences'][number]; own: Mention[] } | null {
	const s = doc.sentences[f.sentence];
	const id = f.answer?.entity;
	if (!s || id === undefined || id < 0) return null;
	const e = doc.entities[id];
	if (!e) return null;
	const quoted = doc.quotes.filter((q) => q.sentence === s.index);
	const inQuote = (m: Mention) => quoted.some((q) => m.start >= q.start - 1 && m.end <= q.end + 1);
	const own = e.mentions
		.map((i) => doc.mentions[i] as Mention)
		.filter((m) => m.start >= s.start && m.end <= s.end && !inQuote(m));
	return { s, own };
}

/**
 * Rule speaker-in-reported-clause: 'He hoped Carter would “move the company on”, he added.' → not
 * Carter: a name the sentence gives only as the subject (or the listener) of the clause a speaker
 * reports, right after their verb of saying or hoping, is whom the words are about, not who said
 * them. A speaker after the quotation ('“…,” said Carter') is not this: no subject stands before
 * the verb.
 */
export function speakerInReportedClause(doc: Doc, f: FactX): boolean {
	const found = keyMentionsOutsideQuotes(doc, f);
	if (!found) return false;
	const { s, own } = found;
	return (
		own.length > 0 &&
		own.every((m) =>
			REPORTED_CLAUSE_VERB.test(doc.text.slice(Math.max(s.start, m.start - 40), m.start))
		)
	);
}

/** A pronoun as the only speaker: '…,” he added', 'she said: “…”'. */
const PRONOUN_SPEAKER =
	/(?:^|[,"”]\s*|\b(?:said|says|added|adds)\s+)(?:he|she|they)\s+(?:(?:has|had|have)\s+)?(?:said|says|added|adds|told|tells|argued|insisted|claimed|warned|explained|admitted|stated|replied|stressed)\b|\b(?:said|says|added|adds)\s+(?:he|she|they)\s*(?:[.,;:]|$)/i;

/**
 * Rule speaker-in-framed-clause: 'Mr Blair's government was a “bossy … government,” he added.' →
 * not Tony Blair: where the sentence gives its speaker only as "he" or "she", a name in it outside
 * the quotation is the owner ("Mr Blair's") or the subject of the clause the words describe, not
 * whoever "he" is; and a name in the possessive is nobody's voice in any sentence ("Reid's
 * spokesman said …"). Unless the name speaks in the sentence ("Reid said"), the speaker is unsure.
 */
export function speakerInFramedClause(doc: Doc, f: FactX): boolean {
	const found = keyMentionsOutsideQuotes(doc, f);
	if (!found) return false;
	const { s, own } = found;
	if (!own.length) return false;
	const possessive = (m: Mention) => /^['’]s?\b/.test(doc.text.slice(m.end, m.end + 3));
	const speaks = (m: Mention) =>
		SAYS_AFTER.test(doc.text.slice(m.end, m.end + 40)) ||
		/\b(?:said|says|added|told|according to)\s+$/.test(
			doc.text.slice(Math.max(s.start, m.start - 16), m.start)
		);
	if (own.every(possessive)) return true;
	const outside = s.text.replace(/["“][^"”]*["”]/g, ' " ');
	return PRONOUN_SPEAKER.test(outside) && !own.some(speaks);
}

/** The most words a scare-quoted phrase runs to: "wide open", "digital age technologies". */
export const SCARE_MAX_WORDS = 3;
const AUXILIARY =
	/^(?:is|are|was|were|be|been|has|have|had|will|would|can|could|should|may|might|must|do|does|did|not|never|no)$/;

/** Verbs that give a short quoted phrase as someone's own label: "called the plan a “folly”". */
const NAMING_BEFORE =
	/\b(?:call|calls|called|calling|describ(?:e|es|ed|ing)|dubb?(?:s|ed|ing)?|brand(?:s|ed|ing)?|label(?:s|led|ling)?|term(?:s|ed|ing)?|hail(?:s|ed|ing)?|condemn(?:s|ed|ing)?|prais(?:e|es|ed|ing)|criticis(?:e|es|ed|ing)|criticiz(?:e|es|ed|ing)|dismiss(?:es|ed|ing)?|attack(?:s|ed|ing)?|denounc(?:e|es|ed|ing)|warn(?:s|ed|ing)?|promis(?:e|es|ed|ing)|vow(?:s|ed|ing)?|pledg(?:e|es|ed|ing)|spok(?:e|en)\s+of|speak(?:s|ing)?\s+of|refer(?:s|red|ring)?\s+to|said|says|saying|as)\b(?:\s+\S+){0,4}\s*$/i;

/**
 * Rule scare-quote: 'the industry was embracing “digital age technologies”': a few quoted words
 * inside narration, with no verb of naming, judging or saying before them, are the writer's marks,
 * no one's statement. A label a person gave ('called the plan a “concrete folly”', 'praising his
 * troops' “holy mission”') is still theirs.
 */
export function scareQuote(doc: Doc, q: Quote, words: number): boolean {
	if (q.direct || words >= SCARE_MAX_WORDS + 1) return false;
	// "needed proper policing", "will last": a clause of the speaker's is a claim, no mark.
	const first = q.text.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
	if (/^\p{L}+ed$/u.test(first) || AUXILIARY.test(first)) return false;
	const s = doc.sentences[q.sentence];
	if (!s) return false;
	const before = doc.text.slice(Math.max(s.start, q.start - 60), Math.max(s.start, q.start - 1));
	return !NAMING_BEFORE.test(before);
}

/** Small words a cut quotation should not end on: "… and the community to …". */
const LOOSE_END =
	/^(?:the|a|an|of|in|on|at|to|for|from|with|by|and|or|but|that|which|who|as|is|was|were|are|be|his|her|its|their|my|our|your|then)$/i;

/**
 * Rule quote-cut: a long quotation is cut at a comma where one falls late enough, else before
 * a loose small word or a capitalised word (so no name is cut in two: not "… and then the News …").
 */
export function cutQuote(ws: readonly string[], max = 26): string {
	if (ws.length <= max + 2) return ws.join(' ');
	const min = Math.ceil(max / 2);
	for (let k = max; k >= min; k--)
		if (/[,;:]$/.test(ws[k - 1] as string))
			return (
				ws
					.slice(0, k)
					.join(' ')
					.replace(/[,;:]$/, '') + ' …'
			);
	let k = max;
	const bare = (w: string) => w.replace(/[^\p{L}'’-]/gu, '');
	while (
		k > min &&
		(LOOSE_END.test(bare(ws[k - 1] as string)) ||
			/^\p{Lu}/u.test(ws[k] as string) ||
			(/^\p{Lu}/u.test(ws[k - 1] as string) && k > 1))
	)
		k--;
	return ws.slice(0, k).join(' ') + ' …';
}

export const quoteBuilder: Builder = {
	type: 'quote',
	serves: (f) => f.kind === 'quote' && !!f.quote,
	build(ctx, f) {
		const { doc } = ctx;
		const q = f.quote;
		let ans = f.answer;
		if (!q || !ans) return [];
		if (mispairedQuote(doc.text, q)) return rejectFor(ctx, f, 'quote', 'quote-mispaired');
		if (continuedQuote(doc, q)) return rejectFor(ctx, f, 'quote', 'quote-continuation');
		if (unnamedSpeaker(doc, f)) return rejectFor(ctx, f, 'quote', 'unattributed-quote');
		// '“…,” he said' after another person spoke: that person, or no one sure.
		const other = ans.kind === 'person' ? pronounSpeaker(doc, f) : undefined;
		if (other === null) return rejectFor(ctx, f, 'quote', 'ambiguous-speaker');
		if (other) {
			const e = doc.entities[other.entity] as Entity;
			const span = { start: other.m.start, end: other.m.end };
			ans = { ...ans, text: doc.text.slice(span.start, span.end), entity: e.id, span };
			f = { ...f, answer: ans };
		}
		if (ans.kind === 'person') {
			const full = speakerFullName(doc, ans);
			if (full === null) return rejectFor(ctx, f, 'quote', 'unsure-reference');
			if (full) ans = { ...ans, ...full };
			else ans = { ...ans, ...titledName(doc, ans.text, ans.entity) };
		}
		let words = clean(q.text).replace(/[,.]$/, '');
		const ws = words.split(' ');
		// "Who said: “the Whirlwind”?", "… “a disgrace”": a nickname or a stock phrase is nobody's
		// statement. Speech needs a few words; a phrase inside reported speech two words of its own
		// ("holy mission").
		const own = ws.filter((w) => !STOPWORDS.has(w.toLowerCase().replace(/[^\p{L}']/gu, '')));
		// A short phrase that opens on a preposition or an article ("of public interest", "in great
		// shape") is a scrap of the reported sentence; a label of the speaker's own ("holy mission")
		// or a clause ("will last a century") is still theirs.
		const fragment = ws.length < PHRASE_MIN_WORDS && PHRASE_OPENER.test(ws[0] ?? '');
		if (q.direct ? ws.length < QUOTE_MIN_WORDS : own.length < 2 || fragment)
			return rejectFor(ctx, f, 'quote', 'quote-too-short');
		if (scareQuote(doc, q, ws.length)) return rejectFor(ctx, f, 'quote', 'scare-quote');
		if (speakerInReportedClause(doc, f))
			return rejectFor(ctx, f, 'quote', 'speaker-in-reported-clause');
		if (speakerInFramedClause(doc, f))
			return rejectFor(ctx, f, 'quote', 'speaker-in-framed-clause');
		// Options of one kind: a speaker the text shows to be a person among people, a body among
		// bodies; a name of unsure kind ("Electric", "Trafford Centre") among neither.
		const me = ans.entity !== undefined && ans.entity >= 0 ? doc.entities[ans.entity] : undefined;
		// "wrote one reviewer in Rolling Stone magazine": a publication, not a person.
		if (ans.kind === 'person' && me && namesOutlet(doc, me))
			return rejectFor(ctx, f, 'quote', 'unsure-kind');
		if (ans.kind === 'person' ? !personShown(doc, ans.entity) : ans.kind !== 'organisation')
			return rejectFor(ctx, f, 'quote', 'unsure-kind');
		// "Tories Ken Clarke": a party label glued to the speaker's name is no name.
		if (LABEL.test(ans.text.split(' ')[0]?.toLowerCase() ?? '') || /^\S+-based\s/i.test(ans.text))
			return rejectFor(ctx, f, 'quote', 'unsure-kind');
		words = mendGluedI(cutQuote(ws));
		const prompt = q.direct ? `Who said: “${words}”?` : `Who is quoted using the words “${words}”?`;
		const exclude = sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(ans.text));
		// The other people the article quotes come first: a speaker among speakers.
		// Of the key's own kind: a club quoted among people would stand out.
		const prefer = new Set(
			doc.quotes
				.map((x) => x.speaker)
				.filter((id) => id >= 0 && id !== ans.entity && doc.entities[id]?.kind === ans.kind)
		);
		const kept = speakerCandidates(
			doc,
			ans.kind,
			prefer,
			distractors(
				doc,
				{ text: ans.text, kind: ans.kind, entity: ans.entity, prefer, shown: words },
				exclude,
				8
			),
			ans.text
		);
		const ds = honestChoices(doc, kept, ans, prefer, clean(q.text), exclude);
		if (!ds) return rejectFor(ctx, f, 'quote', 'weak-speaker-choices');
		const b = base(f, 'quote');
		return [
			{
				q: answerQuestion(ctx, b, 'quote', prompt, ans, ds),
				form: 0.95,
				fact: f
			}
		];
	}
};

/** A straight mark that opens a quotation stands at the start or after a space, a bracket or a dash. */
const OPENS_BEFORE = /[\s([{—–\-:/'‘]/;
/** An attribution inside quoted words: '… ground, he said. Then …', '… win. Smith added …'. */
const ATTRIBUTION_INSIDE =
	/[,.!?]\s+(?:he|she|they|(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+\p{Lu}[\p{L}'’-]+|\p{Lu}[\p{L}'’-]+)\s+(?:said|says|added|adds|told|insisted|argued|warned|explained|admitted)\b/u;

/**
 * Rule quote-mispaired: '… went from there". But what is it about UKIP …? "I think …' → not a
 * quotation: the marks were paired across narration (a quotation closed, the writer's words, another
 * opened). Quoted words open on an opening mark (a straight one at the start or after a space or a
 * bracket, never glued to the word before), never on punctuation; and words that run to a mark
 * opening the next quotation (an unclosed one) hold no attribution of their own ('…, he said. …').
 */
export function mispairedQuote(text: string, q: Pick<Quote, 'start' | 'end' | 'text'>): boolean {
	const inner = q.text.trimStart();
	if (/^[^\p{L}\p{N}'‘’£$€(]/u.test(inner)) return true;
	const open = text[q.start - 1];
	if (open === '"') {
		const before = q.start >= 2 ? (text[q.start - 2] as string) : ' ';
		if (!OPENS_BEFORE.test(before) || /\s/.test(text[q.start] ?? ' ')) return true;
	}
	const close = text[q.end];
	// A straight mark with a space before and a word after opens the next quotation: this one was
	// never closed, and may have run on into narration.
	const runsOn =
		close === '"' && /\s/.test(text[q.end - 1] ?? '') && /\S/.test(text[q.end + 1] ?? ' ');
	return runsOn && ATTRIBUTION_INSIDE.test(q.text);
}

/** Verbs of saying after a quotation's close: '…,” he said, “and …'. */
const AFTER_ATTRIBUTION =
	/["”]\s*[^"“”]{0,40}\b(?:said|says|added|adds|told|insisted|argued|warned|explained|admitted|continued)\b[^"“”]{0,30}[,:]\s*$/;

/** Words that join a clause to the one before: quoted words opening on them go on from earlier words. */
const CONTINUING =
	/^(?:and|but|or|nor|because|which|who|whom|whose|so|then|while|whereas|although|though|as|if|unless|until|than|that)\b/;

/**
 * Rule quote-continuation: '“We will fight on,” he said, “and we will win.”' → not "and we will
 * win": quoted words that open on a small letter right after an attribution to earlier quoted
 * words, or direct speech opening on a joining word ("and", "because"), are the second half of a
 * sentence begun before, no statement on their own. ('He said: “we will first solve it”' stands.)
 */
export function continuedQuote(doc: Doc, q: Quote): boolean {
	const inner = q.text.trimStart();
	if (!/^\p{Ll}/u.test(inner) || /^\p{Ll}+\p{Lu}/u.test(inner)) return false;
	// "and we will win", "because …": a clause joined to words before it.
	if (q.direct && CONTINUING.test(inner)) return true;
	const s = doc.sentences[q.sentence];
	const from = Math.max(s ? s.start : 0, q.start - 90);
	return AFTER_ATTRIBUTION.test(doc.text.slice(from, q.start - 1));
}

/** Pronouns for which a speaker's gender is wanted. */
const PRONOUN_GENDER: Record<string, 'm' | 'f'> = { he: 'm', she: 'f' };

/** A preposition before a name: the name is an object, no one who speaks. */
const OBJECT_BEFORE = /\b(?:of|by|to|with|from|against|for|in|on|at|about|than|like)\s+$/i;
/** "he said: “…”", "But on Friday he said:": a pronoun speaking before the quotation. */
const PRONOUN_BEFORE =
	/\b(?:he|she)\s+(?:[a-z]+\s+)?(?:said|says|added|adds|told|tells|argued|insisted|claimed|warned|explained|admitted|stated|replied|stressed)\b[^"“”]{0,30}"/i;

/** A person's name, or a name of unsure kind that opens on a first name ("Derek Bolt"). */
function maybePerson(doc: Doc, m: Mention): boolean {
	if (m.kind === 'person') return true;
	const first = doc.entities[m.entity]?.name.split(' ')[0]?.toLowerCase() ?? '';
	return m.kind === 'name' && FIRST_NAMES.has(first);
}

/** A name that speaks in its clause: "David Bell, also said", "X, chief economist at Y, said". */
const SPOKE_AFTER =
	/^(?:,[^.;:"“”,]{0,120},?)?\s+(?:also\s+|has\s+|had\s+|then\s+)?(?:said|says|told|tells|added|adds|argued|warned|insisted|claimed|explained|admitted|believes|believed)\b/;

/**
 * Rule ambiguous-speaker: '… said its chairman, Sir Anthony Greener. … The chief inspector, David
 * Bell, also said … “One of the reasons …,” he said.' → not Greener: where the sentence gives its
 * speaker only as "he" or "she", another person who may be meant (of that gender or of none the
 * text shows, not the object of a preposition nor an owner) named in the narration between the
 * key's last mention and the quotation makes the key unsure. When that is one person, and the
 * last naming of them has them speak ("David Bell, also said …"), they are the speaker (their
 * entity and mention); else null (unsure). Undefined when the key stands.
 */
export function pronounSpeaker(
	doc: Doc,
	f: FactX
): { entity: number; m: Mention } | null | undefined {
	const q = f.quote;
	const found = keyMentionsOutsideQuotes(doc, f);
	if (!q || !found || found.own.length) return undefined;
	const { s } = found;
	const outside = s.text.replace(/["“][^"”]*["”]/g, ' " ');
	const pron = PRONOUN_SPEAKER.exec(outside) ?? PRONOUN_BEFORE.exec(outside);
	if (!pron) return undefined;
	const word = /\b(he|she|they)\b/i.exec(pron[0])?.[1]?.toLowerCase() ?? '';
	const want = PRONOUN_GENDER[word];
	const key = doc.entities[f.answer?.entity ?? -1];
	if (!want || !key) return undefined;
	const inQuote = (m: Mention) => doc.quotes.some((x) => m.start >= x.start && m.end <= x.end);
	let lastM: Mention | undefined;
	for (const i of key.mentions) {
		const m = doc.mentions[i] as Mention;
		if (m.end <= q.start && !inQuote(m) && (!lastM || m.end > lastM.end)) lastM = m;
	}
	// "his legal work with Tods Murray … he said:": a name after a preposition is no "he".
	if (!lastM || OBJECT_BEFORE.test(doc.text.slice(Math.max(0, lastM.start - 12), lastM.start)))
		return null;
	const last = lastM.end;
	const others: Mention[] = [];
	const firstSentence = doc.sentences.findIndex((x) => x.end >= last);
	for (let k = Math.max(0, firstSentence); k <= s.index; k++)
		for (const i of doc.bySentence[k] ?? []) {
			const m = doc.mentions[i] as Mention;
			if (m.start < last || m.end > q.start || !maybePerson(doc, m)) continue;
			if (m.entity < 0 || m.entity === key.id || inQuote(m)) continue;
			if (OBJECT_BEFORE.test(doc.text.slice(Math.max(0, m.start - 12), m.start))) continue;
			if (/^['’]/.test(doc.text.slice(m.end, m.end + 1))) continue;
			const g = genderOf(doc, doc.entities[m.entity] as Entity);
			if (g === undefined || g === want) others.push(m);
		}
	if (!others.length) return undefined;
	const lastOther = others[others.length - 1] as Mention;
	if (others.some((m) => m.entity !== lastOther.entity)) return null;
	const speaks = SPOKE_AFTER.test(doc.text.slice(lastOther.end, lastOther.end + 100));
	return speaks ? { entity: lastOther.entity, m: lastOther } : null;
}

/** A lower-case small word glued to "I": "asI knew", "soI". */
const GLUED_I = /\b(as|so|and|but|if|when|because|that|what|then|since|than|where|while)I\b/g;

/** Mends a slip of the article's typing in quoted words: "asI knew" → "as I knew". */
export function mendGluedI(words: string): string {
	return words.replace(GLUED_I, '$1 I');
}

/** Small words a surname keeps before it: "van Gaal", "de Villepin", "di Canio". */
const PARTICLE = /^(?:van|von|de|der|den|da|di|du|del|della|le|la|dos|das|ter|ten)$/;

/**
 * Rule speaker-choices (whole surname): "Gaal" for Louis van Gaal is a broken name: a surname shown
 * alone keeps the small words that go with it ("van Gaal", "de la Cruz").
 */
export function withParticles(doc: Doc, choice: string): string {
	if (/\s/.test(choice.trim())) return choice;
	const e = entityWritten(doc, choice);
	if (!e) return choice;
	const words = e.name.split(/\s+/);
	if (words[words.length - 1] !== choice) return choice;
	let k = words.length - 1;
	while (k > 1 && PARTICLE.test(words[k - 1] as string)) k--;
	return words.slice(k).join(' ');
}

/** A death or a life gone by, after a person's name: "… died aged 37", "'s death", "(1936-1973)". */
const PAST_AFTER =
	/^(?:['’]s?\s+(?:death|funeral|memory|legacy)\b|\s*\(\d{4}\s*[-–]\s*\d{4}\)|[^.;!?"“”]{0,60}?\b(?:died|dies|death|was\s+killed|was\s+murdered|was\s+assassinated)\b)/i;
/** Before a character's name in a story: "will play cult leader …", "the story's hero …". */
const PLAYED_BEFORE =
	/\b(?:plays?|played|playing|portrays?|portrayed|portraying|hero|heroine|villain|character|role\s+of)\s+(?:[\p{Ll}'-]+\s+){0,3}$/u;
/** Before a person's name: "the late …", "the life of …", "a tribute to …". */
const PAST_BEFORE =
	/\b(?:the\s+late|life\s+of|biopic\s+of|memory\s+of|tribute\s+to)\s+(?:[\p{L}\d'-]+\s+){0,3}$/iu;

const pastCache = new WeakMap<Doc, Set<number>>();

/**
 * Rule speaker-choices (past figures): people the article shows to be dead or a figure of the
 * past ("the late …", "the life of 1950s crooner …", "… died aged 37"), by a cue after one of
 * their names with no other person between, or before it; and the characters of a story ("will
 * play cult leader …"). Computed once per document.
 */
export function pastPeople(doc: Doc): Set<number> {
	const hit = pastCache.get(doc);
	if (hit) return hit;
	const out = new Set<number>();
	for (const s of doc.sentences) {
		const ms = (doc.bySentence[s.index] ?? []).map((i) => doc.mentions[i] as Mention);
		ms.forEach((m, j) => {
			if (m.kind !== 'person' || m.entity < 0) return;
			const next = ms.slice(j + 1).find((x) => x.kind === 'person' && x.entity !== m.entity);
			const after = doc.text.slice(m.end, next ? next.start : s.end);
			const before = doc.text.slice(Math.max(s.start, m.start - 40), m.start);
			if (PAST_AFTER.test(after) || PAST_BEFORE.test(before) || PLAYED_BEFORE.test(before))
				out.add(m.entity);
		});
	}
	pastCache.set(doc, out);
	return out;
}

/** Roles of the people who report the story, not take part in it. */
const REPORTER_ROLE = /\b(?:correspondent|reporter|journalist)s?\b/i;
/** Roles of a government's own members. */
const GOVERNMENT_ROLE = /\b(?:minister|chancellor|prime\s+minister|premier)\b/i;

/** Every role the article gives a person, and the words right before each of their names. */
function rolesAround(doc: Doc, e: Entity): string {
	const before = e.mentions.map((i) => {
		const m = doc.mentions[i] as Mention;
		return doc.text.slice(Math.max(0, m.start - 30), m.start);
	});
	return [e.role ?? '', ...(e.roles ?? []), ...before].join(' | ');
}

/**
 * The bodies quoted words speak of from outside: "Chelsea have a good team", "a government that
 * lectures": names of the article's organisations (and "the government") the words make the
 * subject of a clause, with no "our club" or "our government" tying the speaker to them.
 */
function spokenOf(doc: Doc, words: string): string[] {
	if (
		/\b(?:we|our|us)\b/i.test(words) &&
		/\b(?:our|my)\s+(?:government|club|team|party)\b/i.test(words)
	)
		return [];
	const out: string[] = [];
	if (
		/\b(?:the|a|this)\s+government\s+(?:that|which|who|has|have|is|was|will|should|must)\b/i.test(
			words
		)
	)
		out.push('government');
	for (const e of doc.entities) {
		if (e.kind !== 'organisation' && e.kind !== 'name') continue;
		if (e.name.length < 3 || !/^\p{Lu}/u.test(e.name)) continue;
		// The body as the subject of a clause: "Chelsea have a good team".
		const subject = new RegExp(`(?<![\\p{L}])${escapeRe(e.name)}\\s+${SUBJECT_VERB}`, 'u');
		if (subject.test(words)) out.push(e.name);
	}
	return out;
}

/** A verb right after a body that makes it the subject of its clause. */
const SUBJECT_VERB = String.raw`(?:have|has|had|is|are|was|were|will|would|can|could|should|must|do|does|did|need|want|play|know)\b`;

/** Whether a person's roles or the words before their names tie them to the body `body`. */
function tiedTo(around: string, body: string): boolean {
	if (body === 'government') return GOVERNMENT_ROLE.test(around) && !/\bshadow\b/i.test(around);
	return new RegExp(`(?<![\\p{L}])${escapeRe(body)}(?![\\p{L}'’])`, 'u').test(around);
}

/**
 * Rule speaker-choices (honest choices): a wrong choice of a who-said-it is someone who could have
 * said the words. Left out: a figure of the past or the dead ("Bobby Darin" for a line about last
 * week) unless the article quotes them; a person named once in passing with no role and no words of
 * their own, or named only after "of", "with" or "at" (a firm: "partner of Tods Murray"); a name
 * with an age glued on; a correspondent reporting the story, beside a speaker who is none; one of the
 * body the words speak of from outside ("Chelsea have a good team" is no Chelsea manager's, "a
 * government that lectures" no minister's), unless the key is of that body too.
 */
export function honestChoice(
	doc: Doc,
	choice: string,
	key: Entity | undefined,
	speakers: ReadonlySet<number>,
	bodies: readonly string[]
): boolean {
	// "Seventeen-year-old Stone": an age glued to the name.
	if (/^\S+-(?:year|month)-old\s/i.test(choice)) return false;
	const e = entityWritten(doc, choice);
	if (!e || e.kind !== 'person') return true;
	const speaks = speakers.has(e.id) || speaksInArticle(doc, choice);
	if (!speaks && pastPeople(doc).has(e.id)) return false;
	if (!speaks && e.mentions.length < 2 && !e.role && !e.roles?.length) return false;
	// "legal work with Tods Murray", "a partner of Tods Murray": a firm or a place of work, even
	// when a quotation was wrongly given to it.
	const after = (m: Mention) =>
		/\b(?:of|with|at|for|from)\s+$/i.test(doc.text.slice(Math.max(0, m.start - 6), m.start));
	const inQuote = (m: Mention) => doc.quotes.some((x) => m.start >= x.start && m.end <= x.end);
	const named = e.mentions.map((i) => doc.mentions[i] as Mention).filter((m) => !inQuote(m));
	if (named.length && named.every(after)) return false;
	// "Election" (of "General Election"): a word the article also writes in small letters is no
	// surname.
	if (!/\s/.test(choice) && textHas(doc, `\\b${escapeRe(choice.toLowerCase())}\\b`)) return false;

	const around = rolesAround(doc, e);
	const keyAround = key ? rolesAround(doc, key) : '';
	if (REPORTER_ROLE.test(e.role ?? around) && !REPORTER_ROLE.test(keyAround)) return false;
	return !bodies.some((b) => tiedTo(around, b) && !tiedTo(keyAround, b));
}

/**
 * Rule speaker-choices (honest choices): the fewest wrong choices a who-said-it asks with, when
 * both are people the article shows speaking; with fewer speakers, three honest ones are needed.
 * Set it to 3 to ask only with four choices.
 */
export const PAIR_OF_SPEAKERS = 2;

/**
 * The wrong choices of a who-said-it: the honest ones among `ds` (see honestChoice), with other
 * people the article quotes added where the list left them out, speakers first, surnames whole.
 * Null when fewer than three honest ones are left, unless two are left who both speak.
 */
export function honestChoices(
	doc: Doc,
	ds: readonly string[],
	key: { text: string; entity?: number },
	speakers: ReadonlySet<number>,
	words: string,
	exclude: readonly string[]
): string[] | null {
	const me = key.entity !== undefined && key.entity >= 0 ? doc.entities[key.entity] : undefined;
	const bodies = spokenOf(doc, words);
	const full = /\s/.test(key.text.trim());
	const out: string[] = [];
	// One surname once: "Joss Stone" beside "Stone" is one person twice.
	const surname = (x: string) => norm(x).split(' ').pop() ?? '';
	const taken = new Set([surname(key.text)]);
	for (const d of ds)
		if (!taken.has(surname(d)) && honestChoice(doc, d, me, speakers, bodies)) {
			out.push(d);
			taken.add(surname(d));
		}
	// Speakers the list passed over (of the other sex, say): a speaker is a fair choice.
	if (me?.kind === 'person')
		for (const id of speakers) {
			const e = doc.entities[id];
			if (!e || e.kind !== 'person' || id === me.id || !personShown(doc, id)) continue;
			const written = asWritten(doc, e);
			const name = full ? written : (written.split(/\s+/).pop() as string);
			if (full !== /\s/.test(name) || bodyName(name)) continue;
			const n = norm(name);
			if (out.some((o) => norm(o) === n || entityWritten(doc, o)?.id === id)) continue;
			if (exclude.some((x) => norm(x).includes(n)) || norm(words).includes(n)) continue;
			if (sameSpelt(name, key.text) || norm(name) === norm(key.text)) continue;
			if (taken.has(surname(name)) || !honestChoice(doc, name, me, speakers, bodies)) continue;
			out.push(name);
			taken.add(surname(name));
		}
	const speaks = (d: string) => {
		const e = entityWritten(doc, d);
		if (!e) return false;
		if (speakers.has(e.id) || speaksInArticle(doc, d)) return true;
		// "Priya Shah, the leader of the opposition, warned …"
		return e.mentions.some((i) => {
			const m = doc.mentions[i] as Mention;
			return SPOKE_AFTER.test(doc.text.slice(m.end, m.end + 140));
		});
	};
	out.sort((a, b) => Number(speaks(b)) - Number(speaks(a)));
	if (out.length >= 3) return out.slice(0, 3).map((d) => withParticles(doc, d));
	// Two wrong choices only when both speak in the article: no one weak pads the list.
	return out.length === PAIR_OF_SPEAKERS && out.every(speaks)
		? out.map((d) => withParticles(doc, d))
		: null;
}
