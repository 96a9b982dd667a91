/** Who said it: the quoted words, the speaker among other people of the article. */
import { FIRST_NAMES, ORG_WORDS, ROLE_NOUNS, STOPWORDS } from '../../nlp/lexicon';
import { asWritten, distractors, FINANCE, LABEL, namesHolding } from '../distractors';
import type { Doc, Entity, Mention } from '../../nlp/types';
import type { FactX } from '../facts';
import { namesOutlet } from '../setting';
import { clean, escapeRe, norm } from '../util';
import {
	answerQuestion,
	base,
	personShown,
	rejectFor,
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
	return FINANCE.test(name) || ORG_WORDS.has(last) || role;
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
	ds: readonly string[]
): string[] | null {
	const kept = ds.filter((d) => {
		const e = entityWritten(doc, d);
		if (!e || e.kind !== kind) return false;
		return kind !== 'person' || (personShown(doc, e.id) && !bodyName(d));
	});
	if (kept.length >= 3) return kept.slice(0, 3);
	// Three choices of people (or of quoted bodies) still ask who said it; bodies the article never
	// quotes are no speakers to choose from.
	const quoted = (d: string) => speakers.has(entityWritten(doc, d)?.id ?? -1);
	return kept.length === 2 && (kind === 'person' || kept.every(quoted)) ? kept : null;
}

export const quoteBuilder: Builder = {
	type: 'quote',
	serves: (f) => f.kind === 'quote' && !!f.quote,
	build(ctx, f) {
		const { doc } = ctx;
		const q = f.quote;
		let ans = f.answer;
		if (!q || !ans) return [];
		if (unnamedSpeaker(doc, f)) return rejectFor(ctx, f, 'quote', 'unattributed-quote');
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
		// Options of one kind: a speaker the text shows to be a person among people, a body among
		// bodies; a name of unsure kind ("Electric", "Trafford Centre") among neither.
		const me = ans.entity !== undefined && ans.entity >= 0 ? doc.entities[ans.entity] : undefined;
		// "wrote one reviewer in Rolling Stone magazine": a publication, not a person.
		if (ans.kind === 'person' && me && namesOutlet(doc, me))
			return rejectFor(ctx, f, 'quote', 'unsure-kind');
		if (ans.kind === 'person' ? !personShown(doc, ans.entity) : ans.kind !== 'organisation')
			return rejectFor(ctx, f, 'quote', 'unsure-kind');
		// "Tories Ken Clarke": a party label glued to the speaker's name is no name.
		if (LABEL.test(ans.text.split(' ')[0]?.toLowerCase() ?? ''))
			return rejectFor(ctx, f, 'quote', 'unsure-kind');
		if (ws.length > 28) words = ws.slice(0, 26).join(' ') + ' …';
		const prompt = q.direct ? `Who said: “${words}”?` : `Who is quoted using the words “${words}”?`;
		const exclude = sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(ans.text));
		// The other people the article quotes come first: a speaker among speakers.
		// Of the key's own kind: a club quoted among people would stand out.
		const prefer = new Set(
			doc.quotes
				.map((x) => x.speaker)
				.filter((id) => id >= 0 && id !== ans.entity && doc.entities[id]?.kind === ans.kind)
		);
		const ds = speakerChoices(
			doc,
			ans.kind,
			prefer,
			distractors(
				doc,
				{ text: ans.text, kind: ans.kind, entity: ans.entity, prefer, shown: words },
				exclude,
				6
			)
		);
		if (!ds) return rejectFor(ctx, f, 'quote', 'too-few-distractors');
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
