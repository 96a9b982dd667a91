/**
 * Multiple choice on a name, date or number: the wh-question when there is one, else the blanked
 * sentence. Only with three honest wrong options; otherwise the fact is left to the other types.
 */
import { AUXILIARIES, MODALS, SPEECH_VERBS, STOPWORDS } from '../../nlp/lexicon';
import { surePerson } from '../../nlp/kinds';
import type { Doc, Entity } from '../../nlp/types';
import type { FactX } from '../facts';
import { namesOutlet } from '../setting';
import type { AnswerKind } from '../types';
import {
	bareYear,
	changeFixed,
	fixedDistance,
	headGiveaway,
	kindMix,
	keyFigureShown,
	optionsTell,
	keyWalk,
	personInside,
	setSizeVariants,
	takesAn,
	tradeOf,
	tradeWords,
	yearCycle,
	yearFromInterval
} from '../distractors';
import { isHandout } from '../select';
import {
	answerQuestion,
	base,
	cutsUnit,
	factView,
	HINTS,
	isSentence,
	personShown,
	ownStatement,
	rejectFor,
	speechGoesOn,
	withAnswer,
	type Builder
} from './common';

const MONTH =
	/^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;

/** The noun of "Which … completes the sentence?": "year" for 1997, "month" for June. */
export function stemNoun(kind: AnswerKind, text: string): string {
	const t = text.trim();
	if (kind === 'date') {
		if (/^(?:1[5-9]|20)\d\d$/.test(t)) return 'year';
		if (/^(?:1[5-9]|20)\d0s$/.test(t)) return 'decade';
		if (MONTH.test(t)) return 'month';
		if (
			/^\d{1,2}(?:st|nd|rd|th)? \p{L}+(?:,? \d{4})?$|^\p{L}+ \d{1,2}(?:st|nd|rd|th)?(?:,? \d{4})?$/u.test(
				t
			)
		)
			return 'date';
		if (/^\p{L}+ (?:1[5-9]|20)\d\d$/u.test(t)) return 'month';
	}
	if (kind === 'quantity') return 'figure';
	return HINTS[kind].replace(/^an? /, '');
}

const NUMERIC = /^(?:number|money|percent|quantity)$/;

/**
 * Rule "whole as a set phrase": a key of 100% not followed by "of" ("a 100% guarantee", "a 100%
 * record", "100 per cent certain").
 */
export function wholeSetPhrase(text: string, span: { end: number }, key: string): boolean {
	if (!/^100(?:%|\s*per\s*cent)$/i.test(key.trim())) return false;
	return !/^\s+of\b/i.test(text.slice(span.end, span.end + 6));
}

/** Words that make "pounds" a weight: "weighs 700 pounds", "overloaded by 700 pounds". */
const WEIGHT_BEFORE =
	/\b(?:weigh\w*|overloaded|overweight|heavier|lighter|lost|gained|lifted|carrying|carried|payload)\b[^.;]{0,20}$/i;

/**
 * Rule "pounds of weight": "700 pounds (320kg)" or "weighed 700 pounds" is a weight, asked as one
 * and not as an amount of money.
 */
export function poundsWeight(
	text: string,
	span: { start: number; end: number },
	key: string
): boolean {
	if (!/\bpounds?$|\blbs?$/i.test(key.trim())) return false;
	if (
		/^\s*\(\s*[\d.,]+\s*(?:kg|kilos?|kilograms?|tonnes?)\b/i.test(
			text.slice(span.end, span.end + 24)
		)
	)
		return true;
	return WEIGHT_BEFORE.test(text.slice(Math.max(0, span.start - 40), span.start));
}

/** A plural noun after a name: "Labour MPs", "Tory voters". */
const COUNTED_AFTER = /^\s+(?:\p{Lu}{2,}s|(?!(?:says|has|is|was|does)\b)\p{Ll}+s)\b/u;

/**
 * Whether a figure is part of a name: inside a mention of a person, a body, a place or a title, or
 * a bare figure glued to a name word ("US rapper 50 Cent", "Channel 4 News"), not to a plural
 * ("300 Britons").
 */
export function insideName(doc: Doc, span: { start: number; end: number }): boolean {
	const bare = /^\d+$/.test(doc.text.slice(span.start, span.end));
	return doc.mentions.some((m) => {
		if (!/^(?:person|organisation|place|name)$/.test(m.kind)) return false;
		if (m.start < span.end && m.end > span.start) return m.start < span.start || m.end > span.end;
		if (!bare || m.kind === 'place' || /s$/.test(m.text)) return false;
		// "12 Labour MPs": the name qualifies the noun counted.
		if (COUNTED_AFTER.test(doc.text.slice(m.end, m.end + 20))) return false;
		// "50 Cent", not "0730 GMT" or "4 GHz": a name word, not an abbreviation or a unit.
		const word = m.start === span.end + 1 && /^\p{Lu}\p{Ll}/u.test(m.text);
		return word || m.end === span.start - 1;
	});
}

/** A verb right after a subject: an auxiliary or a word in -s or -ed. */
const SUBJECT_VERB =
	/^((?:\s+[\p{Ll}-]+){1,3}?)\s+(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|\p{Ll}+(?:s|ed))\b/u;

/**
 * Whether a figure stands in a sentence's opening subject "The <figure> <lower-case words>" right
 * before its verb, with no name in it ("The £200 handheld computers can be used as a phone", "The
 * £3bn settlement includes …"): the question asks the price or size of a thing it never names.
 */
export function unnamedHolder(doc: Doc, span: { start: number; end: number }): boolean {
	const s = doc.sentences.find((x) => x.start <= span.start && span.start < x.end);
	if (!s) return false;
	const lead = doc.text.slice(s.start, span.start);
	if (!/^\s*(?:(?:But|And|Yet|So),?\s+)?The\s+$/.test(lead)) return false;
	return SUBJECT_VERB.test(doc.text.slice(span.end, s.end));
}

/** Words that point outside a shown sentence. */
const ANAPHOR =
	/\b(?:he|she|they|him|her|them|his|their|its|it)\b|\b(?:this|these|those)\s+(?!year|month|week|season|summer|winter|spring|autumn|weekend)\w|\bthe\s+(?:scheme|plan|plans|move|deal|decision|proposals?|report|case|measures?|idea|changes?|policy|project|programme|announcement|figures|row|dispute|talks|agreement|offer|bid|claims?|allegations?|incident|attack|film|movie|show|album|book|song|single|event|firm|company|group|side|team|club|party|country|city|player|pair|couple|man|woman|men|women|boy|girl|star|singer|actor|actress|band|court|body|bill|law|rules?|system|study|survey|research|trial|strike|campaign|organisation|body|body|institution|move)\b/i;
/** First-person speech: "We are still disappointed …" says nothing without its speaker. */
const FIRST_PERSON = /\b(?:I|we|We|us|our|Our|my|My|me)\b/;

/** Nouns that stand for an organisation ("the firm"): only an organisation named before carries them. */
const ORG_REFERENCE =
	/\bthe\s+(?:firm|company|group|club|party|side|team|body|organisation|institution|bank|retailer|carrier|airline|network|broadcaster|station|channel|chain|giant|business)\b/i;
/** Object pronouns: never the subject of their own verb ("Brown told him" is not Brown). */
const OBJECT_PRONOUN =
	/\b(?:told|asked|gave|offered|sent|called|urged|warned|thanked|sacked|replaced|hired|signed|met|joined|backed|beat|accused|criticised|praised|blamed|named|made|let|helped|showed|wanted|see|saw)\s+(him|her|them)\b/i;

/**
 * Whether a blanked sentence needs what stood before it: a pronoun or a "the film", "the scheme"
 * with no name before it in the sentence, or first-person speech whose speaker it does not name.
 * `people` (lower case), when given, are the article's people: they cannot carry "it" or "the
 * firm"; `things`, the words of its places and bodies that name no person, cannot carry "he" or
 * "she". A sentence that is all quotation, or whose quotation marks do not pair up, says nothing
 * of who speaks.
 */
export function leansOnContext(shown: string, people?: Set<string>, things?: Set<string>): boolean {
	const t = shown.trim();
	// "'There's nothing you could say to me,'" inside a quotation: marks that do not pair up or nest.
	const marks = (t.match(/["“”]/g) ?? []).length;
	if (marks % 2 === 1 || /["“][^"”]*['‘][^'’"”]{3,}['’][^"”]*["”]/.test(t)) return true;
	// "\"It's not surprising Brown said so.\"": the whole sentence is someone's words.
	if (/^["“]/.test(t) && /["”][.!?]?$/.test(t) && marks === 2) return true;
	const outside = t.replace(/["“][^"”]*["”]/g, (q) => (FIRST_PERSON.test(q) ? ' I ' : ' '));
	const m = ANAPHOR.exec(outside);
	if (m) {
		// A name before it can carry it: "Mr Sullivan, 42, has pleaded guilty … where he is appearing".
		const before = outside.slice(0, m.index);
		const names = before.match(/\b[A-Z][\p{L}'’-]+/gu) ?? [];
		// The opening word is capitalised whatever it is: "Based on …" names no one.
		let named = names.filter(
			(w, i) =>
				!STOPWORDS.has(w.toLowerCase()) &&
				!(
					i === 0 &&
					/^\s*\S*$/.test(before.slice(0, before.indexOf(w))) &&
					/(?:ed|ing|ly)$/.test(w)
				)
		);
		// "it", "its" and "the firm" stand for no person: a person's name cannot carry them.
		const word = m[0].toLowerCase();
		if (people && (/^(?:it|its)$/.test(word) || ORG_REFERENCE.test(m[0])))
			named = named.filter((w) => !people.has(w.toLowerCase().replace(/['’]s?$/, '')));
		// "Entering Westminster, he came …": the name of a place or a body carries no "he" or "she".
		if (things && /^(?:he|she|him|his|her)$/.test(word))
			named = named.filter((w) => !things.has(w.toLowerCase().replace(/['’]s?$/, '')));
		if (!named.length) return true;
	}
	// "Brown told him": the name before an object pronoun is its verb's subject, not the one meant.
	const obj = OBJECT_PRONOUN.exec(outside);
	if (obj) {
		const before = outside.slice(0, obj.index).trim().split(/\s+/);
		const names = before.filter((w) => /^\p{Lu}/u.test(w) && !STOPWORDS.has(w.toLowerCase()));
		// The subject's own name (one or two words right before the verb) does not count.
		let k = before.length - 1;
		while (k >= 0 && /^\p{Lu}/u.test(before[k] as string)) k--;
		const subject = before.length - 1 - k;
		if (names.length <= subject) return true;
	}
	if (FIRST_PERSON.test(outside)) {
		// Speech whose speaker the sentence names (", said Mr Kirwan") stands on its own.
		const said = /\b(?:said|says|added|told|insisted|explained|admitted|warned|argued)\b/.test(
			shown
		);
		if (!said) return true;
	}
	return false;
}

/**
 * "the discovery of an _____ fraud": an article that suits only some of the options hints at the key.
 * It is written "a/an" when the options differ, and as the options all read when they agree.
 */
export function neutralArticle(stem: string, options: string[]): string {
	return stem.replace(/\b([Aa]n?) (?=_____)/g, (_, art: string) => {
		const ans = options.map(takesAn);
		const word = ans.every(Boolean) ? 'an' : ans.some(Boolean) ? 'a/an' : 'a';
		return art[0] === 'A' ? word.charAt(0).toUpperCase() + word.slice(1) + ' ' : word + ' ';
	});
}

/**
 * "The court imposed an _____ fine." with options that read "a $5m" and "an $8m": the article
 * moves into each option ("The court imposed _____ fine." / "an $8m", "a $5m" …), so the stem
 * neither hints at the key nor reads "a/an". Null when the options agree or there is no article.
 */
export function articleIntoOptions(
	stem: string,
	options: string[]
): { stem: string; options: string[]; article: string } | null {
	const m = /\b([Aa]n?) (?=_____)/.exec(stem);
	if (!m) return null;
	const an = options.map(takesAn);
	if (an.every(Boolean) || !an.some(Boolean)) return null;
	const upper = (m[1] as string)[0] === 'A';
	const art = (x: boolean) => (upper ? (x ? 'An' : 'A') : x ? 'an' : 'a');
	return {
		stem: stem.slice(0, m.index) + stem.slice(m.index + m[0].length),
		options: options.map((o, i) => `${art(an[i] as boolean)} ${o}`),
		article: m[1] as string
	};
}

/**
 * "in _____' Oliver Twist", "_____'s Auction House": a person's name owning a named work or place
 * asks for its maker, and only makers would be honest options.
 */
export function ownsNamedThing(text: string, span: { start: number; end: number }): boolean {
	return /^['’]s?\s+(?:\p{Lu}[\p{L}'’-]*)/u.test(text.slice(span.end, span.end + 30));
}

/** Words right before a blank that ask for a person's other name: "whose real name is _____". */
const ALIAS_BEFORE =
	/\b(?:real name(?: is| was)?|stage name(?: is| was)?|born|n[ée]e|known as|also known as|aka|better known as|alias|pseudonym)\s*,?\s*$/i;

/** Whether the blank at `start` is a person's other name ("whose real name is _____"). */
export function aliasSlot(text: string, start: number): boolean {
	return ALIAS_BEFORE.test(text.slice(Math.max(0, start - 30), start));
}

/** "2,850 jobs", "2.9 million viewers", "157,000 new jobs": a figure and a plain unit. */
export function plainCount(text: string): boolean {
	const unit = text
		.replace(/^[^\d]*[\d.,]+\s*(?:million|billion|thousand|bn|m|k)?\b/i, '')
		.trim()
		.split(/\s+/)
		.filter(Boolean);
	if (unit.length <= 1) return true;
	return (
		unit.length === 2 &&
		/^(?:new|more|extra|additional|other|full-time|part-time)$/i.test(unit[0] as string)
	);
}

/**
 * Rule "adjective unit": "feature _____, impressionist and 19th Century paintings" keyed to "45
 * contemporary": the word after the figure is the first of adjectives joined before their noun, so
 * the key ends inside a phrase and the options repeat a word of the next one.
 */
export function adjectiveUnit(text: string, span: { start: number; end: number }): boolean {
	const key = text.slice(span.start, span.end);
	const m = /\d[\d.,]*\s*(?:million|billion|m|bn)?\s+(\p{Ll}+)$/u.exec(key);
	if (!m || !/(?:ary|ic|al|ive|ous|ian|ese|ish|ern)$/.test(m[1] as string)) return false;
	return /^\s*(?:,|and\b|or\b)/.test(text.slice(span.end, span.end + 6));
}

const MEASURED = /\d\.\d{2}\s*(?:secs?|seconds?|m|metres?|meters?|mins?|minutes?|kg|km)$/i;

/**
 * Rule "rote figure": "closed up 23 points to 6661.89", "shares closed at 270.25p": a level written
 * to two decimals with five figures or more, or a time or a distance to the hundredth ("9.85
 * seconds"), is learnt by rote, not understood. Percentages are never so long.
 */
export function roteFigure(kind: AnswerKind, text: string): boolean {
	if (!NUMERIC.test(kind) || kind === 'percent') return false;
	// "9.85 seconds", "4.89 metres": a measured performance to the hundredth.
	if (kind !== 'money' && MEASURED.test(text)) return true;
	const m = /(\d[\d,]*)\.(\d{2,})/.exec(text);
	if (!m) return false;
	return (
		(m[1] as string).replace(/,/g, '').replace(/^0+/, '').length + (m[2] as string).length >= 5
	);
}

/** "have until midnight on _____", "a deadline of _____": a time that closes a period given. */
const DEADLINE_BEFORE =
	/\b(?:(?:has|have|had|given|gives|get|gets|got)\s+until|deadline\s+(?:of|is|was|on))\s+(?:midnight\s+(?:on\s+)?|the\s+end\s+of\s+)?$/i;

/**
 * Rule "deadline without purpose": "The pair have until midnight on _____ and a spokesman said
 * ...": a deadline whose sentence never says what it is for ("to respond", "for talks") is asked
 * without its point.
 */
export function purposelessDeadline(text: string, span: { start: number; end: number }): boolean {
	if (!DEADLINE_BEFORE.test(text.slice(Math.max(0, span.start - 50), span.start))) return false;
	return !/^[^.;:]{0,30}?\b(?:to\s+\p{Ll}|for\s)/u.test(text.slice(span.end, span.end + 60));
}

const COORDINATED =
	/^\s+(?:or|and)\s+(?:\p{Ll}+\s+)?\p{Ll}{2,}s(?=\s*(?:[,.;:)]|$)|\s+(?:in|of|from|have|has|had|are|were|was|will|would)\b)/u;

/**
 * Rule "coordinated unit": "_____ or consulates" keyed "18 new embassies": the count covers two
 * nouns joined by "or" or "and", and the blank takes only the first.
 */
export function cutsCoordinatedNoun(text: string, span: { end: number }, key: string): boolean {
	if (!/\p{Ll}{2,}s$/u.test(key) || !/\d/.test(key)) return false;
	// The second noun ends its phrase: a stop, or a preposition or verb after it ("and plans more"
	// is a verb of its own).
	return COORDINATED.test(text.slice(span.end, span.end + 60));
}

/** A noun after a name that makes the name its modifier ("the Robert de Niro thriller"). */
const MODIFIED =
	/^\s+(?:star|stars|thriller|film|films|movie|comedy|drama|album|song|show|series|novel|book|musical|fan|fans|era|government|administration|camp|side|frontman|singer|band|biopic|sequel|franchise|character|role|estate|family)\b/;

/**
 * Whether a name stands as the modifier of a noun: "the _____ thriller", "all _____ operators",
 * "a _____ spokesman said". A blank there takes many names, and the noun gives the kind away.
 */
export function modifies(text: string, span: { start: number; end: number }): boolean {
	const after = text.slice(span.end, span.end + 24);
	if (MODIFIED.test(after)) return true;
	const before = text.slice(Math.max(0, span.start - 8), span.start);
	const w = /^\s+([a-z][a-z-]+)\b/.exec(after)?.[1];
	return (
		!!w &&
		/\b(?:all|the|a|an|its|their|his|her|of)\s+$/i.test(before) &&
		!AUXILIARIES.has(w) &&
		!MODALS.has(w) &&
		!SPEECH_VERBS.has(w) &&
		!STOPWORDS.has(w) &&
		!/(?:ed|ly)$/.test(w) &&
		!/^(?:is|was|has|have|had|will|would|says|said|plans|wants|warns|announced)$/.test(w)
	);
}

/** Nouns a country or city qualifies: "the weak _____ dollar", "by _____ author Diana Wynne Jones". */
const PLACE_QUALIFIES =
	/^\s+(?:dollars?|pounds?|euros?|yen|francs?|currency|economy|markets?|consumers|shoppers|voters|firms|companies|authorities|officials|author|writer|novelist|government|troops|forces|army|police|embassy|stocks|shares|bonds|exports|imports|carmakers?|airlines?|banks?|giant|firm|company|group|side|squad|team|fans|people|citizens|media|press|public|officials|capital|border|subsidiary|arm|unit|operations)\b/;

/** Whether a place stands as the modifier of a noun: "the weak _____ dollar", "_____ author". */
export function placeQualifies(text: string, span: { end: number }): boolean {
	return PLACE_QUALIFIES.test(text.slice(span.end, span.end + 24));
}

/** "Blackpool, _____, over the weekend": a place in apposition to the place named right before. */
export function afterItsCity(doc: Doc, span: { start: number; end: number }): boolean {
	const before = doc.text.slice(Math.max(0, span.start - 40), span.start);
	const m = /(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?),\s+$/u.exec(before);
	if (!m || !/^\s*[,.;)]/.test(doc.text.slice(span.end, span.end + 3))) return false;
	const name = (m[1] as string).toLowerCase();
	return doc.entities.some((e) => e.kind === 'place' && e.keys.includes(name));
}

/**
 * Whether a name stands in a list of names ("Keanu Reeves and _____", ", _____ and the then Lord
 * Chancellor", "France, the UK and elsewhere"), even where the rules typed its neighbours apart.
 */
export function inList(text: string, span: { start: number; end: number }): boolean {
	const before = text.slice(Math.max(0, span.start - 40), span.start);
	const after = text.slice(span.end, span.end + 40);
	return (
		/\p{Lu}[\p{L}.'’-]*,?\s+(?:and|or)\s+$/u.test(before) ||
		(/\p{Lu}[\p{L}.'’-]*,\s+$/u.test(before) &&
			/^,?\s+(?:and|or)\s|^,\s+(?:the\s+)?\p{Lu}/u.test(after)) ||
		/\p{Lu}[\p{L}.'’-]*,\s+(?:\p{Lu}[\p{L}.'’-]*\s+){0,3}\p{Lu}[\p{L}.'’-]*,\s+$/u.test(before) ||
		/^,?\s+(?:and|or|&)\s+(?:the\s+)?(?:then\s+)?(?:\p{Ll}+\s+){0,2}\p{Lu}/u.test(after) ||
		/^,\s*(?:the\s+)?\p{Lu}[^,.;]{0,30}\b(?:and|or)\b/u.test(after) ||
		firstOfList(text.slice(span.end, span.end + 100))
	);
}

const NAME = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}`;
/** ", Gretchen Wilson, Lynyrd Skynyrd and ...": two more names by commas, then "and" or "or". */
const FIRST_OF_LIST = new RegExp(
	String.raw`^,\s+${NAME},\s+${NAME}(?:,\s+${NAME})*,?\s+(?:and|or|&)\s`,
	'u'
);

/** Whether the text after a name goes on with a list of at least two more names. */
export function firstOfList(after: string): boolean {
	return FIRST_OF_LIST.test(after);
}

const peopleCache = new WeakMap<Doc, Set<string>>();
/** Every word of the article's people's names, lower case: "Brian Kerr" gives "brian" and "kerr". */
export function peopleOf(doc: Doc): Set<string> {
	let out = peopleCache.get(doc);
	if (!out) {
		out = new Set();
		for (const e of doc.entities)
			if (e.kind === 'person' && surePerson(doc, e))
				for (const w of e.name.toLowerCase().split(/\s+/)) out.add(w);
		peopleCache.set(doc, out);
	}
	return out;
}

/**
 * Whether a blanked sentence speaks of someone as "he" or "she" before the blank (outside
 * quotation marks) while
 * the options offer the person the article is mostly about: the pronoun may stand for that option.
 */
export function pronounOption(doc: Doc, shown: string, key: string, options: string[]): boolean {
	// Only a pronoun before the blank leaves the reader guessing at the blank ("… he is" after the
	// blank most often is the key itself).
	const outside = (shown.split('_____')[0] as string).replace(/["“][^"”]*["”]/g, ' ');
	if (!/\b(?:he|she|him|his|her)\b/i.test(outside)) return false;
	let main: Entity | undefined;
	for (const e of doc.entities)
		if (e.kind === 'person' && (!main || e.mentions.length > main.mentions.length)) main = e;
	if (!main || main.mentions.length < 3) return false;
	const last = (s: string) => s.trim().split(/\s+/).pop()?.toLowerCase();
	const mine = last(main.name);
	return last(key) !== mine && options.some((o) => last(o) === mine);
}

const thingsCache = new WeakMap<Doc, Set<string>>();
/** Every word of the article's places and bodies that is no word of a person's name, lower case. */
export function thingsOf(doc: Doc): Set<string> {
	let out = thingsCache.get(doc);
	if (!out) {
		const people = new Set<string>();
		for (const e of doc.entities)
			if (e.kind === 'person') for (const w of e.name.toLowerCase().split(/\s+/)) people.add(w);
		out = new Set();
		for (const e of doc.entities)
			if (e.kind === 'place' || e.kind === 'organisation')
				for (const w of e.name.toLowerCase().split(/\s+/)) if (!people.has(w)) out.add(w);
		thingsCache.set(doc, out);
	}
	return out;
}

/**
 * "Which year?" with years the article never names: a learner who knows the world (an election
 * year, a Games year) or the way options are made picks the key. Honest only when at least two
 * options are the article's own years, or the event's cycle spaces them. Judged in an article; a
 * single paragraph, short of facts, keeps the question.
 */
export function inventedYears(
	doc: Doc,
	key: string,
	span: { start: number } | undefined,
	options: string[]
): boolean {
	if (!isHandout(doc) || !bareYear(key) || yearCycle(doc, span)) return false;
	const named = new Set(doc.mentions.filter((m) => m.kind === 'date').map((m) => m.text.trim()));
	return options.filter((o) => named.has(o.trim())).length < 2;
}

/**
 * Why too few options were found: 'too-few-of-setting' when the article places the key in a walk
 * of life (a player, an economist) and has too few others of it; 'too-few-of-trade' when it gives
 * a body a trade ("security firm") and names too few others of it among three bodies or more;
 * 'too-few-real-sizes' for a race distance or an engine size; else 'too-few-distractors'.
 */
export function shortfall(
	doc: Doc,
	ans: { kind: AnswerKind; entity?: number; span?: { start: number; end: number }; text: string }
): 'too-few-of-setting' | 'too-few-of-trade' | 'too-few-real-sizes' | 'too-few-distractors' {
	const me = ans.entity !== undefined && ans.entity >= 0 ? doc.entities[ans.entity] : undefined;
	if (NUMERIC.test(ans.kind)) {
		const s =
			ans.span && doc.sentences.find((x) => x.start <= ans.span!.start && ans.span!.start < x.end);
		const sized = setSizeVariants(doc, ans.text, s ? s.text : '') !== null;
		return sized || fixedDistance(doc, ans.text) ? 'too-few-real-sizes' : 'too-few-distractors';
	}
	if (ans.kind === 'organisation') {
		const traded =
			(ans.span && tradeWords(doc.text, ans.span.start).length) || (me && tradeOf(doc, me).size);
		const bodies = doc.entities.filter((e) => e.kind === 'organisation' && e !== me).length;
		return traded && bodies >= 3 ? 'too-few-of-trade' : 'too-few-distractors';
	}
	if (ans.kind !== 'person') return 'too-few-distractors';
	return keyWalk(doc, ans, me) ? 'too-few-of-setting' : 'too-few-distractors';
}

/** "distance" for a race distance, "size" for an engine's or a screen's; null for other keys. */
export function sizeNoun(doc: Doc, text: string, sentence = ''): string | null {
	if (!setSizeVariants(doc, text, sentence)?.length) return null;
	return /\d\s*(?:m|km|metres?|meters?|kilometres?|kilometers?)$/i.test(text.trim())
		? 'distance'
		: 'size';
}

/** Adjectives that stand for the people a count numbers: "the estimated 150,000 dead". */
const COUNTED_PEOPLE =
	/^(?:dead|injured|wounded|missing|homeless|unemployed|jobless|displaced|hurt|killed|evacuated)$/;
/** Scale words of a figure: "2.5 million", "40m". */
const SCALE = /^(?:million|billion|thousand|trillion|m|bn|k)$/i;

/**
 * Rule "word outside the key": "the estimated 150,000 dead", "Scotland's 400m man": the word after
 * the figure says who or what is counted, the same for every option, and belongs in the stem; the
 * fact with its key on the figure (and unit) alone. Only for an adjective standing for people, or
 * after a size made in set values (a race distance, "125cc"). Null for any other key.
 */
export function keyWithoutWord(doc: Doc, f: FactX): FactX | null {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || !/^(?:quantity|number)$/.test(ans.kind) || ans.b - ans.a < 2) return null;
	const toks = s.tokens.slice(ans.a, ans.b);
	const last = toks[toks.length - 1];
	if (!last?.word || last.cap || !toks[0]?.num) return null;
	const figure = toks.slice(0, -1);
	const end = (figure[figure.length - 1] as { end: number }).end;
	const text = doc.text.slice(ans.span.start, end);
	const counted =
		COUNTED_PEOPLE.test(last.lower) &&
		figure.every((t) => t.num || SCALE.test(t.text) || /^[.,]$/.test(t.text));
	const sized = !counted && figure.length <= 2 && !!setSizeVariants(doc, text, s.text)?.length;
	if (!counted && !sized) return null;
	const span = { start: ans.span.start, end };
	return { ...f, answer: { ...ans, text, span, b: ans.b - 1 } };
}

export const multipleChoiceBuilder: Builder = {
	type: 'multiple-choice',
	serves: ownStatement,
	build: withAnswer((ctx, f, ans, view) => {
		// Rule "word outside the key": "_____ dead" keyed "150,000", not "150,000 dead".
		const narrow = keyWithoutWord(ctx.doc, f);
		if (narrow?.answer) return multipleChoiceBuilder.build(ctx, narrow, factView(ctx, narrow));
		if (ans.items > 1) return rejectFor(ctx, f, 'multiple-choice', 'list-answer');
		if (ans.kind === 'thing') return rejectFor(ctx, f, 'multiple-choice', 'phrase-answer');
		// "Which person …" keyed to a film title or a radio station: only a name the text shows to be
		// a person is asked about as one.
		const outlet =
			ans.kind === 'person' &&
			ans.entity !== undefined &&
			ans.entity >= 0 &&
			namesOutlet(ctx.doc, ctx.doc.entities[ans.entity] as Entity);
		if (ans.kind === 'person' && (outlet || !personShown(ctx.doc, ans.entity)))
			return rejectFor(ctx, f, 'multiple-choice', 'unsure-kind');
		// "100m personal best", "40 album charts": a figure with a phrase after it is no clean option.
		if (ans.kind === 'quantity' && !plainCount(ans.text))
			return rejectFor(ctx, f, 'multiple-choice', 'phrase-answer');
		if (ans.kind === 'quantity' && ans.span && adjectiveUnit(ctx.doc.text, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'phrase-answer');
		// "said Cowell, 54, in reference to ...": a person's age is a detail no teacher asks about.
		if (
			ans.kind === 'number' &&
			ans.span &&
			(ans.value ?? 0) < 120 &&
			/\p{Lu}[\p{L}'’-]+,\s*$/u.test(
				ctx.doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start)
			) &&
			/^\s*,/.test(ctx.doc.text.slice(ans.span.end, ans.span.end + 3))
		)
			return rejectFor(ctx, f, 'multiple-choice', 'trivial-detail');
		// "his 1973-90 rule": options that move one end of a span read as a puzzle, not a fact.
		if (ans.kind === 'date' && /\d\s*[-–]\s*\d/.test(ans.text))
			return rejectFor(ctx, f, 'multiple-choice', 'blank-splits-unit');
		// "at 1500 GMT" is a time of day, not a year.
		if (
			ans.kind === 'date' &&
			ans.span &&
			/^\s*(?:GMT|BST|CET|UTC|ET|EST|PST|hrs|hours|local)\b/.test(
				ctx.doc.text.slice(ans.span.end, ans.span.end + 12)
			)
		)
			return rejectFor(ctx, f, 'multiple-choice', 'unsure-kind');
		// "Clive Owen, _____ and Natalie Portman are up for awards": one name of a list is a trivial
		// pick, and the article's other names are often right too.
		const m = ans.mention !== undefined ? ctx.doc.mentions[ans.mention] : undefined;
		const named = /^(person|place|organisation)$/.test(ans.kind);
		if (named && (m?.group !== undefined || (ans.span && inList(ctx.doc.text, ans.span))))
			return rejectFor(ctx, f, 'multiple-choice', 'list-answer');
		// "former _____ star Pierce Brosnan", "the _____ thriller": a name used as a modifier.
		if (named && ans.span && modifies(ctx.doc.text, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'phrase-answer');
		// "win over _____" keyed to "Nicole Vaidisova of the Czech Republic": a person, not a place.
		if (ans.kind === 'place' && personInside(ans.text))
			return rejectFor(ctx, f, 'multiple-choice', 'unsure-kind');
		if (ans.kind === 'place' && ans.span && placeQualifies(ctx.doc.text, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'blank-modifier');
		// "in Kiev, _____, in May": the country of a city named before it is general knowledge.
		if (ans.kind === 'place' && ans.span && afterItsCity(ctx.doc, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'trivial-detail');
		// Half a range or a name under a title is no whole answer, whatever the stem.
		const cut = ans.span && cutsUnit(ctx.doc.text, ans.span.start, ans.span.end, ans.text);
		if (cut) return rejectFor(ctx, f, 'multiple-choice', cut);
		// Rule "coordinated unit": "_____ or consulates" cut from "18 new embassies or consulates".
		if (
			ans.kind === 'quantity' &&
			ans.span &&
			cutsCoordinatedNoun(ctx.doc.text, ans.span, ans.text)
		)
			return rejectFor(ctx, f, 'multiple-choice', 'blank-splits-unit');
		// Rule "year from interval": "16 years after he was shot in _____" with the other year shown.
		if (ans.kind === 'date' && ans.span && yearFromInterval(ctx.doc, ans.span, ans.text))
			return rejectFor(ctx, f, 'multiple-choice', 'blank-shows-answer');
		// "a one trillion won ($960m; _____) bail-out": a figure in brackets only restates another.
		if (
			ans.span &&
			/\([^()]*$/.test(ctx.doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start)) &&
			/^[^()]*\)/.test(ctx.doc.text.slice(ans.span.end, ans.span.end + 30))
		)
			return rejectFor(ctx, f, 'multiple-choice', 'trivial-detail');
		// Rule "key figure shown": "the US price of _____ ... (149 euros)" keyed to "$149".
		if (NUMERIC.test(ans.kind) && ans.span && keyFigureShown(ctx.doc, ans.span, ans.text))
			return rejectFor(ctx, f, 'multiple-choice', 'key-figure-shown');
		// Rule "whole as a set phrase": "a 100% guarantee", "100 per cent certain": the whole is a
		// way of speaking, not a share to recall; only "100% of …" is asked.
		if (ans.kind === 'percent' && ans.span && wholeSetPhrase(ctx.doc.text, ans.span, ans.text))
			return rejectFor(ctx, f, 'multiple-choice', 'set-phrase-figure');
		// "US rapper _____ Cent": a figure inside a name is no figure to ask about.
		if (NUMERIC.test(ans.kind) && ans.span && insideName(ctx.doc, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'blank-cuts-name');
		// Rule "change fixed": "fell 15% to $56m, against _____ a year earlier" shows the key.
		if (NUMERIC.test(ans.kind) && ans.span && changeFixed(ctx.doc, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'blank-shows-answer');
		// Rule "unnamed holder": "The _____ handheld computers can be used as a phone" never says
		// what the figure belongs to.
		if (NUMERIC.test(ans.kind) && ans.span && unnamedHolder(ctx.doc, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'unnamed-subject');
		// Rule "other name": "whose real name is _____", "known as _____": the key is another name
		// of a person the article names, who would stand among the options under the first.
		if (ans.kind === 'person' && ans.span && aliasSlot(ctx.doc.text, ans.span.start))
			return rejectFor(ctx, f, 'multiple-choice', 'blank-other-name');
		// "Dickens' Oliver Twist": the options would have to be makers of works.
		if (ans.kind === 'person' && ans.span && ownsNamedThing(ctx.doc.text, ans.span))
			return rejectFor(ctx, f, 'multiple-choice', 'phrase-answer');
		const ds = view.options();
		if (ds.length < 3) return rejectFor(ctx, f, 'multiple-choice', shortfall(ctx.doc, ans));
		// Rules "key position", "roundness", "near duplicate": made-up figures that tell the key
		// ("1941" beside 1945, 1946, 1948; "1,000" beside 1,200, 1,400, 1,800; "13.1%" and "13.0%").
		// Years are judged in an article only, as for "invented years": a single paragraph, short of
		// facts, keeps the question.
		const tell = (ans.kind !== 'date' || isHandout(ctx.doc)) && optionsTell(ctx.doc, ans, ds);
		if (tell) return rejectFor(ctx, f, 'multiple-choice', tell);
		// Rule "name head": "Falcon Group" among "Export Bank", "Credit Bank of Iraq", "National Bank
		// of Kuwait": the one name without "Bank" is the key.
		if (ans.kind === 'organisation' && headGiveaway(ans.text, ds))
			return rejectFor(ctx, f, 'multiple-choice', 'head-giveaway');
		// Rule "kind mix": "Julian Smith" beside Microsoft, Yahoo and Google; "Vivendi Universal"
		// beside three of its executives.
		if (kindMix(ctx.doc, ans.kind, [ans.text, ...ds]))
			return rejectFor(ctx, f, 'multiple-choice', 'kind-mix');
		// Kept only as a filler: a cloze or another fact asks it better.
		const invented = ans.kind === 'date' && inventedYears(ctx.doc, ans.text, ans.span, ds);
		if (invented) rejectFor(ctx, f, 'multiple-choice', 'invented-year-options');
		// Rules "rote figure" and "deadline without purpose": kept only as fillers.
		const rote = roteFigure(ans.kind, ans.text);
		if (rote) rejectFor(ctx, f, 'multiple-choice', 'trivial-detail');
		const pointless =
			ans.kind === 'date' && !!ans.span && purposelessDeadline(ctx.doc.text, ans.span);
		if (pointless) rejectFor(ctx, f, 'multiple-choice', 'needs-context');
		const wh = view.wh();
		const cloze = view.cloze();
		// Rule "pronoun among the options": "… he stood aside, agreeing to give _____ a clear run"
		// with the article's own subject offered: "he" may be that very option.
		if (ans.kind === 'person' && pronounOption(ctx.doc, wh ? wh.prompt : cloze, ans.text, ds))
			return rejectFor(ctx, f, 'multiple-choice', 'needs-context');
		if (!wh && !isSentence(cloze))
			return rejectFor(
				ctx,
				f,
				'multiple-choice',
				cloze === 'verbless-fragment' ? cloze : 'no-stem'
			);
		const b = base(f, 'multiple-choice');
		const sentence = ctx.doc.sentences[f.sentence];
		if (!wh && sentence && speechGoesOn(ctx.doc, sentence))
			return rejectFor(ctx, f, 'multiple-choice', 'first-person-unattributed');
		if (!wh && leansOnContext(cloze, peopleOf(ctx.doc), thingsOf(ctx.doc)))
			return rejectFor(ctx, f, 'multiple-choice', 'needs-context');
		// The article before the blank goes into the options where they read with different ones,
		// when the text has it right before the answer.
		const before = ans.span
			? ctx.doc.text.slice(Math.max(0, ans.span.start - 3), ans.span.start)
			: '';
		const moved = wh ? null : articleIntoOptions(cloze, [ans.text, ...ds]);
		const into =
			moved &&
			ans.span &&
			before.endsWith(`${moved.article} `) &&
			ctx.doc.text.slice(ans.span.start, ans.span.end) === ans.text
				? moved
				: null;
		const options = into ? into.options : [ans.text, ...ds];
		const noun =
			ans.kind === 'money' && ans.span && poundsWeight(ctx.doc.text, ans.span, ans.text)
				? 'weight'
				: (sizeNoun(ctx.doc, ans.text, sentence?.text) ?? stemNoun(ans.kind, ans.text));
		const prompt = wh
			? wh.prompt
			: `Which ${noun} completes the sentence? ${into ? into.stem : neutralArticle(cloze, options)}`;
		return [
			{
				q: into
					? answerQuestion(
							ctx,
							b,
							'multiple-choice',
							prompt,
							{
								...ans,
								text: options[0] as string,
								span: ans.span && {
									start: ans.span.start - into.article.length - 1,
									end: ans.span.end
								}
							},
							options.slice(1)
						)
					: answerQuestion(ctx, b, 'multiple-choice', prompt, ans, ds),
				form: wh ? Math.min(1, wh.quality + 0.05) : 0.8,
				fact: f,
				fallback: invented || rote || pointless
			}
		];
	})
};
