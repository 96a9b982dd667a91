/**
 * Turns a sentence and one of its phrases into a wh-question by rule: the phrase becomes
 * who / which / when / where / how many, and where English needs it the auxiliary moves before the
 * subject ("When did Shell tell investors ...?"). Returns null when the sentence does not fit the
 * patterns, so a malformed question is never produced.
 */
import { skipOpening } from '../nlp/coref';
import {
	AUXILIARIES,
	COUNTRY_BY_ALIAS,
	DEMONYMS,
	E_VERBS,
	FIRST_NAMES,
	IRREGULAR_VERBS,
	NUMBER_WORDS,
	ROLE_NOUNS,
	SCALE_WORDS,
	SPEECH_VERBS,
	STOPWORDS,
	TIME_UNITS
} from '../nlp/lexicon';
import type { SentenceInfo, Token } from '../nlp/text';
import type { Doc } from '../nlp/types';
import type { AnswerKind } from './types';
import { escapeRe, undouble } from './util';

export interface WhTarget {
	kind: AnswerKind;
	/** Token range of the answer inside the sentence. */
	a: number;
	b: number;
	/** Number of coordinated items when the answer is a list ("Britain and France"). */
	items: number;
	text: string;
}

export interface WhQuestion {
	prompt: string;
	/** 0..1: how sure the rules are that the question reads well. */
	quality: number;
}

const PRONOUN_SUBJECTS = new Set([
	'he',
	'she',
	'it',
	'they',
	'this',
	'that',
	'these',
	'those',
	'we',
	'i',
	'you'
]);
const INTRO_WORDS = new Set([
	'if',
	'although',
	'though',
	'because',
	'unless',
	'once',
	'whether',
	'in',
	'on',
	'at',
	'during',
	'by',
	'following',
	'after',
	'before',
	'since',
	'until',
	'last',
	'earlier',
	'later',
	'meanwhile',
	'furthermore',
	'however',
	'also',
	'then',
	'now',
	'today',
	'yesterday',
	'as',
	'when',
	'while',
	'despite',
	'concurrently',
	'speaking',
	'under',
	'for',
	'with',
	'according'
]);
/** Heads that name people: a subject question about them asks "who", not "what". */
const PEOPLE_NOUNS =
	/\b(leaders|officials|people|members|residents|workers|voters|fans|players|staff|employees|citizens|students|children|women|men|families|protesters|police|troops|soldiers|investors|analysts|experts|critics|scientists|researchers|doctors|teachers|ministers|lawmakers|judges|settlers|colonists|natives)$/;
/** Words of a device or a medium before "players" or "members": a thing, not people ("MP3 players"). */
const THING_BEFORE_HEAD =
	/\b(?:music|mp3|dvd|cd|video|audio|media|portable|digital|handheld|hand-held|personal|record|tape|cassette|disc|disk|wireless|electronic|flash|hard-drive|jukebox|blu-ray|hd)\s+\S+$/i;

/** Rule people-head: a head noun of people not qualified as a device ("portable players" are things). */
export function peopleHead(text: string): boolean {
	const t = text.toLowerCase();
	return PEOPLE_NOUNS.test(t) && !THING_BEFORE_HEAD.test(t);
}
const NUMBER_WORDS_2 = ['', '', 'two', 'three', 'four', 'five', 'six'];

/** The base form of a verb in the past tense or the third person singular. */
export function lemma(word: string): string | null {
	const w = word.toLowerCase();
	const irr = IRREGULAR_VERBS[w];
	if (irr) return irr;
	if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
	if (w.endsWith('eed')) return w.slice(0, -1);
	if (w.endsWith('ed') && w.length > 3) {
		const stem = w.slice(0, -2);
		if (E_VERBS.has(stem + 'e')) return stem + 'e';
		// Prefixed forms of the same verbs: "restated", "reintroduced", "outlined".
		const bare = /^(re|un|over|out|under|mis|pre|dis|co)(.+)$/.exec(stem)?.[2];
		if (bare && E_VERBS.has(bare + 'e')) return stem + 'e';
		if (/[^aeiou]at$|[^aeiou]iz$|[^aeiou]uc$|[^aeiou]ut$/.test(stem)) return stem + 'e';
		// "featured", "comprised", "solved", "forced", "charged", "judged": no verb ends so.
		if (/[^o]ur$|is$|v$|[^k]c$|[rd]g$/.test(stem)) return stem + 'e';
		const m = /([b-df-hj-np-tv-z])\1$/.exec(stem);
		if (m && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
		return stem;
	}
	if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
	if (/(sses|shes|ches|xes|zes|oes)$/.test(w)) return w.slice(0, -2);
	if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
	return null;
}

type VerbForm = 'aux' | 'past' | 'pres3' | null;

/**
 * Words in "-ed" that are no past tense: "speed", "need", "proceed" (only "agreed", "freed" and a
 * few more end so as verbs in the past), "hundred".
 */
const NOT_PAST = /^(?!(?:dis)?agreed$|freed$|decreed$|guaranteed$|refereed$)[a-z]*eed$|^hundred$/;

function verbForm(t: Token | undefined, prev: Token | undefined): VerbForm {
	if (!t || !t.word || t.cap) return null;
	// "the government's plans": after a possessive it is a noun.
	if (prev && /^['’]s?$/.test(prev.text)) return null;
	const l = t.lower;
	if (AUXILIARIES.has(l)) return 'aux';
	if (
		IRREGULAR_VERBS[l] &&
		![
			'read',
			'set',
			'put',
			'cut',
			'let',
			'hit',
			'bet',
			'quit',
			'spread',
			'shut',
			'hurt',
			'upset',
			'cost',
			'forecast',
			'split',
			'lay'
		].includes(l)
	)
		return 'past';
	if (
		/[a-z]ed$/.test(l) &&
		l.length > 4 &&
		!NOT_PAST.test(l) &&
		!(prev && /^(the|a|an|his|her|its|their|our)$/.test(prev.lower))
	)
		return 'past';
	if (SPEECH_VERBS.has(l) && /s$/.test(l)) return 'pres3';
	if (
		/[^s]s$/.test(l) &&
		l.length > 3 &&
		!STOPWORDS.has(l) &&
		/^(said|says|plans|wants|needs|hopes|expects|faces|remains|continues|believes|says|claims|insists|argues|warns|denies|admits|seeks|aims|makes|takes|gives|holds|leads|runs|owns|employs|sells|buys|shows|means|includes|involves|requires|allows|offers|provides|looks|seems|comes|goes|gets)$/.test(
			l
		)
	)
		return 'pres3';
	return null;
}

/**
 * What to write in place of some tokens: a reference resolved by the reader ("He" → "Keir
 * Starmer"), keyed by the token's start offset, or an empty text to drop a discourse word.
 */
export type Substitutions = Map<number, { end: number; text: string }>;

/** Joins tokens as the text spaced them; tokens need not be contiguous. */
function joinTokens(toks: Token[], text: string, subs?: Substitutions): string {
	let out = '';
	let prevEnd = -1;
	let skipTo = -1;
	for (const t of toks) {
		if (t.start < skipTo) continue;
		const sub = subs?.get(t.start);
		if (prevEnd >= 0) out += t.start === prevEnd ? '' : t.space || t.start > prevEnd ? ' ' : '';
		if (sub) {
			out += sub.text;
			skipTo = sub.end;
			prevEnd = sub.end;
			continue;
		}
		out += text.slice(t.start, t.end);
		prevEnd = t.end;
	}
	return out.replace(/\s{2,}/g, ' ').trim();
}

const DASH = /^[—–-]$/;

/**
 * Trims the tail of a question body to keep it readable: stops at a comma after enough words, and
 * always at a dash, a semicolon or "but", where another clause begins.
 */
function trimTail(toks: Token[], minWords = 5, adjunct = false, reported = false): Token[] {
	let words = 0;
	const kept: Token[] = [];
	const done = () => withoutFinalPunctuation(kept);
	// Rule focus-before-cut: "were lamentable not least [because …]": cut before a clause, the words
	// that point at it go too.
	const cut = () => {
		let out = withoutFinalPunctuation(kept);
		for (;;) {
			const n = out.length;
			const last = out[n - 1]?.lower ?? '';
			const two = `${out[n - 2]?.lower ?? ''} ${last}`;
			if (/^(?:not least|in part|at least|due largely|due partly|due mainly)$/.test(two))
				out = withoutFinalPunctuation(out.slice(0, -2));
			else if (FOCUS_WORDS.test(last)) out = withoutFinalPunctuation(out.slice(0, -1));
			else return out;
		}
	};
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i] as Token;
		if (t.word || t.num) words++;
		// Rule relative-after-comma: ", when they beat Australia", ", where Iraq is on the agenda": a
		// clause of its own that would repeat the question's word or add a second question.
		if (t.text === ',' && /^(?:when|where|which|who|whom|whose)$/.test(toks[i + 1]?.lower ?? '')) {
			// "urged Alex Bogdanovic, who has had run-ins with officials, to …": closed by a comma,
			// the clause is an aside and the question goes on after it.
			const close = toks.findIndex((x, k) => k > i + 2 && k - i < 20 && x.text === ',');
			const between = toks.slice(i + 1, close);
			const next = toks[close + 1];
			const goesOn =
				!!next &&
				!next.cap &&
				(/^(?:to|in|on|at|for|with|by|after|before|from|as|into|over|against)$/.test(next.lower) ||
					!!verbForm(next, toks[close]));
			if (
				close > 0 &&
				goesOn &&
				!attribution(toks, close + 1) &&
				between.every((x) => !/^[.;"“”—–]$/.test(x.text))
			) {
				i = close;
				continue;
			}
			return cut();
		}
		// Rule and-opens-clause: "[has seven million customers] and its collapse would …": with the
		// object asked for, an "and" straight after the verb joins a second clause or verb.
		if (
			/^(?:and|but)$/.test(t.lower) &&
			((adjunct && words === 1) || (words > 2 && ownSubjectAfterAnd(toks, i, kept))) &&
			clauseAfterAnd(toks, i)
		)
			return done();
		const dash = DASH.test(t.text) && (t.space || t.text !== '-');
		// "said the pledges - set to underpin the campaign - were worthless": a dashed aside is
		// left out and the clause goes on after it.
		if (dash) {
			const close = toks.findIndex(
				(x, k) => k > i + 1 && k - i < 25 && DASH.test(x.text) && (x.space || x.text !== '-')
			);
			if (close > 0 && toks.slice(i + 1, close).every((x) => !/^[.;"“”]$/.test(x.text))) {
				i = close;
				continue;
			}
		}
		if (dash || t.text === ';') return done();
		// ", then needed …", ", against 2.7bn a year earlier": a new clause or a comparison.
		if (
			t.text === ',' &&
			(words > 0 || /^(?:whereas|although|though|while)$/.test(toks[i + 1]?.lower ?? '')) &&
			/^(?:then|against|compared|whereas|amid|despite|although|though|while|according|[a-z]{2,}ing)$/.test(
				toks[i + 1]?.lower ?? ''
			)
		)
			return done();
		// Rule aside-before-that: "techniques to prove, to a legal standard, that any file …": a
		// short aside between a verb and its "that" clause is left out and the clause kept.
		if (t.text === ',') {
			const close = toks.findIndex((x, k) => k > i + 1 && k - i <= 8 && x.text === ',');
			if (
				close > 0 &&
				toks[close + 1]?.lower === 'that' &&
				toks.slice(i + 1, close).every((x) => x.word || x.num)
			) {
				i = close;
				continue;
			}
		}
		if ((t.text === ',' || t.text === ':') && words >= minWords) {
			// "convicted of racketeering, securities fraud and …": a list goes on to its end.
			const after = toks.slice(i + 1, i + 6);
			const andAt = after.findIndex((x) => /^(?:and|or)$/.test(x.lower));
			if (
				t.text === ',' &&
				andAt > 0 &&
				after.slice(0, andAt).every((x) => x.word && !verbForm(x, undefined))
			) {
				kept.push(t);
				continue;
			}
			return done();
		}
		// "..., said Mr Richards, who added ...", "..., analysts said": an attribution is no part of
		// the question.
		if (t.text === ',' && attribution(toks, i + 1)) return done();
		// "but" opens a new clause whatever came before it; "when", "because" a clause of their own.
		if (t.lower === 'but' && words > 1) return cut();
		if (/^(?:when|because|although|though|whereas)$/.test(t.lower) && words > 4) return cut();
		// "while": only where no speech stands before it, whose clause it could cut in half ("said
		// evidence obtained by MI5 while … could be used").
		if (t.lower === 'while' && words > 4 && !kept.some((x) => SPEECH_VERBS.has(x.lower)))
			return cut();
		// Rule two-verbs-one-time: "born in Kentucky and at first wanted to be …", "joined City and
		// at first he struggled": a second verb or clause after "and" and an adverbial; asked for a
		// time or a place, only the first verb's is the answer.
		if (t.lower === 'and' && words > 1 && secondVerbAfterAnd(toks, i, adjunct && words > 2))
			return done();
		// "was introduced and has paid out …": a second verb of the same subject.
		if (
			t.lower === 'and' &&
			words > 1 &&
			(/^(?:has|have|had|is|was|are|were|will|would|that)$/.test(toks[i + 1]?.lower ?? '') ||
				(/^(?:now|also|then|later|still)$/.test(toks[i + 1]?.lower ?? '') &&
					!!verbForm(toks[i + 2], toks[i + 1])))
		)
			return done();
		// Rule and-clause-own-subject: "... and Ireland lost 17-5 to Tunisia": a name after "and"
		// followed by its own finite verb opens a second clause ("between BP and Shell" does not).
		if (t.lower === 'and' && words > 2 && secondSubjectClause(toks, i)) return done();
		// Rule and-bare-subject: "host her last show and guest presenters will stand in": a bare noun
		// phrase after "and", then a finite auxiliary, is a second clause with a subject of its own.
		if (
			t.lower === 'and' &&
			words > 2 &&
			!reported &&
			!kept.some((x) => x.lower === 'that' || SPEECH_VERBS.has(x.lower)) &&
			bareSubjectClause(toks, i, kept)
		)
			return done();
		// Rule comma-splice: "is the brooding king, Keira Knightley rises above …": after a comma, a
		// name and its own finite verb open a second clause joined with no word at all.
		if (t.text === ',' && words > 2 && !attribution(toks, i + 1) && secondSubjectClause(toks, i))
			return done();
		// "... and there was no prize", "... and it said": a new clause with its own subject.
		if (
			t.lower === 'and' &&
			words > 2 &&
			/^(there|it|he|she|they|this|that|these|those)$/.test(toks[i + 1]?.lower ?? '')
		)
			return done();
		kept.push(t);
	}
	return done();
}

/** Adverbs that stand before what they qualify; left at a question's end they point at nothing. */
const FOCUS_WORDS =
	/^(?:partly|largely|mainly|mostly|chiefly|primarily|only|just|even|simply|especially|particularly|precisely|notably|purely|solely|exactly)$/;

/** Adverbials that may stand between "and" and a second verb: "and at first wanted", "and later". */
const AND_ADVERB =
	/^(?:now|also|then|later|still|soon|eventually|subsequently|afterwards|immediately|quickly|finally|once|again)$/;
/** Words in "-ly" that are no adverb: "and family would", "and Italy". */
const NOT_ADVERB =
	/^(?:family|ally|rally|supply|reply|apply|fly|july|italy|belly|bully|jelly|holly|lily|tally|assembly|anomaly|monopoly|folly|only|early|daily|weekly|monthly|yearly|likely|friendly|elderly|lonely|lovely|silly|ugly|costly|deadly|holy|jolly|orderly|comply|rely|multiply|imply)$/;
const AND_ADVERBIAL = /^(?:at first|at once|in turn|in the end|at the time)$/;

/**
 * "[has seven million customers in Spain] and its collapse would …": "and", then a subject of its
 * own that opens on a determiner, where the words before hold no speech whose clause it could
 * share ("said the shop and its owner were fined").
 */
function ownSubjectAfterAnd(toks: Token[], i: number, kept: Token[]): boolean {
	if (!/^(?:the|its|his|her|their|a|an)$/.test(toks[i + 1]?.lower ?? '')) return false;
	return !kept.some((t) => t.lower === 'that' || SPEECH_VERBS.has(t.lower));
}

/** Whether "and" at `i` opens a clause: a verb within a few words ("and its collapse would"). */
function clauseAfterAnd(toks: Token[], i: number): boolean {
	if (secondVerbAfterAnd(toks, i, true)) return true;
	for (let k = i + 1; k < Math.min(toks.length, i + 12); k++) {
		const t = toks[k] as Token;
		if (!t.word && !t.num) return false;
		const form = verbForm(t, toks[k - 1]);
		if (k < i + 6 && (form === 'aux' || form === 'past')) return k > i + 1;
		// "and the first month under the new regime has seen …": a longer subject, then its verb.
		if (k >= i + 6 && FINITE.test(t.lower)) return true;
		if (k >= i + 6 && (form || /^(?:which|who|that|where|when)$/.test(t.lower))) return false;
	}
	return false;
}

/**
 * Whether "and" at `i` goes on with an adverbial and then a verb or a pronoun subject of its own
 * ("and at first wanted", "and later he joined"); with `bare`, also a past verb straight after it
 * ("and wanted to be", "and moved to").
 */
function secondVerbAfterAnd(toks: Token[], i: number, bare: boolean): boolean {
	let k = i + 1;
	for (;;) {
		const t = toks[k];
		if (!t) return false;
		const two = `${t.lower} ${toks[k + 1]?.lower ?? ''}`;
		const three = `${two} ${toks[k + 2]?.lower ?? ''}`;
		if (AND_ADVERBIAL.test(three)) k += 3;
		else if (AND_ADVERBIAL.test(two)) k += 2;
		else if (
			!t.cap &&
			(AND_ADVERB.test(t.lower) || (/[a-z]ly$/.test(t.lower) && !NOT_ADVERB.test(t.lower)))
		)
			k++;
		else break;
	}
	const skipped = k > i + 1;
	const next = toks[k];
	if (!next || (!skipped && !bare)) return false;
	if (skipped && /^(?:he|she|it|they|there)$/.test(next.lower)) return true;
	const form = verbForm(next, toks[k - 1]);
	if (skipped && (form === 'aux' || form === 'pres3')) return true;
	// "the renovated and (widely) acclaimed game": a participle before a noun is no second verb.
	const after = toks[k + 1];
	return (
		form === 'past' &&
		(!after ||
			!after.word ||
			after.cap ||
			/^(?:to|the|a|an|his|her|its|their|in|on|at|for|with|from|into|out|up|down|off|back|over|by|as|him|them|it)$/.test(
				after.lower
			))
	);
}

/**
 * Whether "and" at `i` opens a clause with a subject of its own: "and Ireland lost", "and the
 * Bank of England has": a capitalised name (after an optional article), then a finite verb. Not
 * inside "between X and Y" or "both X and Y", where the names are one phrase.
 */
function secondSubjectClause(toks: Token[], i: number): boolean {
	if (toks.slice(Math.max(0, i - 5), i).some((x) => /^(?:between|both)$/.test(x.lower)))
		return false;
	let k = i + 1;
	if (/^(?:the|a|an)$/.test(toks[k]?.lower ?? '')) k++;
	const from = k;
	while (
		k < toks.length &&
		((toks[k] as Token).cap || /^(?:of|and|&)$/.test((toks[k] as Token).lower)) &&
		k - from < 6
	)
		k++;
	if (k === from || !(toks[k - 1] as Token).cap) return false;
	const form = verbForm(toks[k], toks[k - 1]);
	if (form !== 'past' && form !== 'aux' && form !== 'pres3') return false;
	// "the FAO and the World Food Programme said", "EA and Vivendi would both support": the names
	// share one verb, so "and" joins subjects, not clauses.
	if (/^(?:both|jointly|together)$/.test(toks[k + 1]?.lower ?? '')) return false;
	const before = toks[i - 1];
	const said = toks.slice(k, k + 3).some((x) => SPEECH_VERBS.has(x.lower));
	return !(said && before?.cap);
}

/** Words that open a noun phrase of its own: a determiner, a possessive, a figure. */
const NP_OPENER =
	/^(?:the|a|an|his|her|its|their|this|that|our|one|two|three|four|five|\d[\d,.]*)$/;

/**
 * Whether "and" at `i` opens a clause whose subject is a bare noun phrase: one to three lower-case
 * words, no verb among them, then a finite auxiliary ("and guest presenters will", "and prices
 * have"). Only after a whole phrase of the first clause that opened on a determiner ("her last
 * show"), so "profits and sales would rise" (one subject of two nouns) is left whole.
 */
export function bareSubjectClause(toks: Token[], i: number, kept: Token[]): boolean {
	const before = kept.slice(-4);
	if (!before.some((x) => NP_OPENER.test(x.lower))) return false;
	let k = i + 1;
	while (k < toks.length && k - i <= 3) {
		const x = toks[k] as Token;
		if (!x.word || x.cap || STOPWORDS.has(x.lower) || verbForm(x, toks[k - 1])) break;
		k++;
	}
	if (k === i + 1) return false;
	const aux = toks[k];
	return !!aux && FINITE.test(aux.lower) && /[^s]s$/.test((toks[k - 1] as Token).lower);
}

/** Drops final punctuation and closing quotes: nothing stands before the question mark. */
function withoutFinalPunctuation(toks: Token[]): Token[] {
	let end = toks.length;
	while (end > 0 && /^[.!?;:,"”’']$/.test((toks[end - 1] as Token).text)) end--;
	return toks.slice(0, end);
}

/** Verbs that credit a figure to a source: "..., new figures show." */
const REPORT_VERBS =
	/^(?:show|shows|showed|suggest|suggests|suggested|reveal|reveals|revealed|indicate|indicates|found|finds|report|reports|reported|estimate|estimates|estimated|believe|believes|believed|say|says)$/;

/** Whether the tokens from `k` are only an attribution: "said Mr Richards, ...", "analysts said." */
function attribution(toks: Token[], k: number): boolean {
	if (SPEECH_VERBS.has(toks[k]?.lower ?? '')) return true;
	for (let j = k; j < Math.min(toks.length, k + 5); j++) {
		const t = toks[j] as Token;
		if (SPEECH_VERBS.has(t.lower) || REPORT_VERBS.test(t.lower))
			return j + 1 >= toks.length || /^[.,;!?"”]$/.test((toks[j + 1] as Token).text);
		if (!t.word) return false;
	}
	return false;
}

function balancedQuotes(s: string): string {
	const n = (s.match(/"/g) ?? []).length;
	if (n % 2 === 1) return s.replace(/"/g, '');
	const o = (s.match(/“/g) ?? []).length;
	const c = (s.match(/”/g) ?? []).length;
	if (o !== c) return s.replace(/[“”]/g, '');
	return s;
}

function subjectWh(target: WhTarget, text: string): string | null {
	const n = target.items;
	switch (target.kind) {
		case 'person':
			return 'Who';
		case 'organisation':
			return n > 1 ? 'Which organisations' : 'Which organisation';
		case 'place': {
			const country =
				COUNTRY_BY_ALIAS.has(text.toLowerCase()) ||
				text.split(/,? and |, /).every((p) => COUNTRY_BY_ALIAS.has(p.toLowerCase()));
			if (n > 1)
				return `Which ${NUMBER_WORDS_2[n] ?? ''} ${country ? 'countries' : 'places'}`.replace(
					/\s+/g,
					' '
				);
			return country ? 'Which country' : 'Which place';
		}
		case 'thing': {
			// "Scottish Executive", "Crown Prosecution Service": a capitalised role word ends a body's name.
			const last = text.split(' ').pop() ?? '';
			return peopleHead(text) || (ROLE_NOUNS.has(last.toLowerCase()) && !/^\p{Lu}/u.test(last))
				? 'Who'
				: 'What';
		}
		default:
			return null;
	}
}

/** Start of the main clause: after discourse words and a leading phrase closed by a comma. */
function clauseStart(toks: Token[], limit: number): number {
	const open = skipOpening(toks);
	const first = toks[open];
	if (!first) return open;
	if (!INTRO_WORDS.has(first.lower) && !/ly$/.test(first.lower)) return open;
	for (let i = open + 1; i < Math.min(limit, toks.length); i++)
		if ((toks[i] as Token).text === ',') return i + 1;
	return open;
}

/** Why a sentence gave no wh-question: shown by the generator's explain output. */
export type WhReason =
	| 'sentence-is-a-question'
	| 'first-person-speech'
	| 'no-question-word'
	| 'no-main-verb'
	| 'apposition-unclosed'
	| 'plural-what'
	| 'vague-answer'
	| 'thing-does-not-speak'
	| 'too-long'
	| 'speech-in-question'
	| 'too-short'
	| 'list-answer'
	| 'answer-in-brackets'
	| 'answer-in-opening-phrase'
	| 'answer-in-other-clause'
	| 'answer-in-reported-speech'
	| 'answer-not-object-of-verb'
	| 'answer-in-subject'
	| 'unresolved-subject'
	| 'unknown-verb-form'
	| 'phrase-cut-in-half'
	| 'unsure-kind'
	| 'subject-too-long'
	| 'needs-context'
	| 'second-answer-in-question'
	| 'reflexive-on-answer'
	| 'time-of-figure'
	| 'time-of-noun'
	| 'repeated-wh'
	| 'speech-without-that'
	| 'clause-cut'
	| 'count-listed'
	| 'reduced-relative'
	| 'verb-after-answer';

export type WhResult = WhQuestion | { reason: WhReason };

/** The reader's help for one sentence: references written out, the answer's own entity. */
export interface WhContext {
	/** Substitutions for the sentence's tokens (see `substitutions`). */
	subs?: Substitutions;
	/** Entity id of the answer; a pronoun that means it stays a pronoun ("Who said his ..."). */
	entity?: number;
	/** The answer is tagged a person but the text does not show it is one: no "who" question. */
	unsurePerson?: boolean;
	/** The sentence's first word opens no name ("Work began ..."): inside a question it is lower case. */
	commonOpener?: boolean;
}

/**
 * Substitutions for sentence `index`: each resolved reference written out, except those that mean
 * `keep` (the answer itself), and bare weekdays dropped with their "on" ("on Tuesday"), since the
 * question cannot carry the day they count from.
 */
export function substitutions(doc: Doc, index: number, keep = -1): Substitutions {
	const subs: Substitutions = new Map();
	for (const r of doc.references)
		if (r.sentence === index && (r.entity < 0 || r.entity !== keep))
			subs.set(r.start, { end: r.end, text: r.replacement });
	const s = doc.sentences[index];
	if (!s) return subs;
	for (const i of doc.bySentence[index] ?? []) {
		const m = doc.mentions[i];
		if (!m?.relative || m.kind !== 'date') continue;
		const prev = s.tokens[m.tokenStart - 1];
		const from = prev?.lower === 'on' ? prev.start : m.start;
		// "on Monday evening": the part of the day goes with its day.
		const next = s.tokens.find((t) => t.start >= m.end);
		const part = next && /^(?:morning|afternoon|evening|night)$/.test(next.lower);
		subs.set(from, { end: part ? next.end : m.end, text: '' });
	}
	return subs;
}

/** A word that points at something the question does not name. */
const DEICTIC =
	/\b(this|these|thus)\b(?!\s+(year|month|week|season|summer|winter|spring|autumn)\b)|\bthose\b|\bsuch\b(?!\s+as\b)/i;

/**
 * A comparison or an ellipsis whose other term is in another sentence: "was close behind", "the
 * previous highest total", "Spain's only other title", "the latter", "the former said", "the same
 * price" (with no "as"), "instead" (with no "of"), "... as well?", "... they would?".
 */
const ELLIPSIS = new RegExp(
	[
		String.raw`\bclose (?:behind|ahead)\b`,
		// "finished two points behind", "was ahead": behind or ahead with nothing after them.
		String.raw`\b(?:is|was|are|were|be|been|finished|stayed|stays|remains?|remained|lies|lay|came|comes|points?|places?|shots?|goals?|seconds?|well|just|narrowly|not far)\s+(?:behind|ahead)\b(?!\s+(?:of|the|a|an|his|her|their|its|schedule|\p{Lu}|\d))`,
		String.raw`\bthe previous\b`,
		String.raw`\bonly other\b`,
		String.raw`\bthe latter\b`,
		String.raw`\bthe former\b(?=\s*(?:[,.?]|(?:is|was|has|had|would|will|said|says|to|and|who|which)\b))`,
		String.raw`\bthe same\b(?!\s+(?:time|way)\b)(?![^?]*\bas\b)`,
		String.raw`\binstead\b(?!\s+of\b)`,
		// "Where was she playing at the time?": the time of something told elsewhere.
		String.raw`\bat the time\b(?!\s+of\b)`,
		// "Who is another player on the sidelines?": another besides whom?
		String.raw`(?<!\bone\s)\banother\s+\p{Ll}`,
		String.raw`\bas well\s*\?$`,
		String.raw`\b(?:would|will|could|should|can|may|might|must|did|does|do|was|were|is|are)\s*\?$`
	].join('|'),
	'u'
);

/** Offices a story's setting often holds once: "the minister", "the chancellor", "the mayor". */
const OFFICE =
	/^(?:minister|president|chancellor|premier|king|queen|pope|prince|princess|mayor|governor|secretary|chairman|chairwoman|chair|chief|executive|director|head|leader|ambassador|commissioner|treasurer|judge|prosecutor|government|manager|coach|captain|owner|founder|boss)$/;

/** The head of a "the" subject of a when/where/how question: "When did the singer …" → singer. */
const ADJUNCT_SUBJECT =
	/^(?:When|Where|Since when|How (?:many|much)(?: [a-z-]+)*?) (?:did|does|do|was|were|is|are|has|have|had|will|would|could|can|may|might) the ([a-z-]+)\s+(?!of\b)/;

/** Plural nouns for people and bodies, which "they" and "them" may stand for. */
const AGENT_PLURAL =
	/^(?:\p{L}+(?:ers|ors|ists|ians|ants|ents|ees|ives)|firms|companies|banks|countries|nations|states|teams|clubs|sides|groups|parties|governments|authorities|officials|members|families|users|customers|voters|fans|players|ministers|mps|pupils|students|troops|forces|unions|councils|agencies|bodies|regulators|rebels|suspects|victims|judges|citizens|residents|schools|hospitals|colleges|universities)$/u;

/** Nouns for a group, which British English refers to by "they": "the team … their". */
const COLLECTIVE =
	/^(?:people|children|men|women|police|staff|crew|public|team|side|squad|club|group|band|government|party|company|firm|family|country|nation|council|board|union|management|committee|audience|couple|pair|trio|duo)$/;

/** Words ending in "s" that are no plural noun. */
const NOT_PLURAL =
	/^(?:is|was|has|does|this|its|his|hers|us|as|thus|plus|news|less|unless|across|always|perhaps|whereas|series|species|means|towards|afterwards|besides|sometimes|various|\p{L}+(?:ss|us|is|ous|ics))$/u;

/** A pronoun that is the subject of a following "is to"/"appeared": "it emerged", "it was expected". */
const EXPLETIVE_IT =
	/^it\s+(?:appears|appeared|seems|seemed|emerged|emerges|transpired|remains|remained|took|takes|(?:is|was|would be|will be|has been|had been)\s+(?:(?:not|now|still|also|always|often|so)\s+)?(?:\p{L}+ed|\p{L}+ble|likely|unlikely|clear|unclear|time|too|vital|important|essential|necessary|hard|easy|difficult|right|wrong|wise|true|odd|strange|unfair|fair|safe|worth))\b/u;

/** Words that stand for a person a later "he", "his" or "her" may mean. */
const PERSON_WORD =
	/^(?:man|woman|boy|girl|person|father|mother|son|daughter|husband|wife|brother|sister|friend|child|teenager|fan|patient|victim|worker|officer|someone|anyone|everyone|nobody)$/;

/**
 * Rule unresolved-pronoun: every pronoun of the question outside quotation marks has something
 * before it in the question that it can stand for. "he", "she", "his", "her", "him": the person
 * asked for ("Who") or a name ("he" and "him" also a noun for a person); "its": what "Which" asks
 * for or a name; "it": what "Which"/"What" asks for, a name, or no referent at all ("it emerged
 * that"); "they", "them", "their": a "Which" question or a name, or in a "Who" question a group
 * answer or a plural noun before it ("they" and "them" a noun for people or bodies, as "efforts
 * would continue to deport them" names none).
 */
export function unresolvedPronoun(prompt: string, plural = false): boolean {
	const plain = prompt
		.replace(/["“][^"”]*["”]/g, ' Quoted ')
		.replace(
			/\b(it|he|she|they)['’](s|re|d|ll)\b/gi,
			(_, p: string, v: string) =>
				`${p} ${v === 's' ? 'is' : v === 're' ? 'are' : v === 'd' ? 'would' : 'will'}`
		);
	const words = plain.match(/[\p{L}\d'’-]+/gu) ?? [];
	const lower = words.map((w) => w.toLowerCase());
	const wh = lower[0] ?? '';
	const which = wh === 'which' || wh === 'what';
	const caps = (i: number) =>
		words.slice(1, i).some((w, k) => /^\p{Lu}/u.test(w) && !(k === 0 && which) && w !== 'Quoted');
	for (let i = 1; i < words.length; i++) {
		const w = lower[i] as string;
		if (/^(?:he|she|his|her|him)$/.test(w)) {
			if (wh === 'who' || caps(i)) continue;
			// "the singer said he …": a noun for a person (not for "his" or "her", which need a name).
			const person = lower.slice(1, i).some((x) => PERSON_WORD.test(x) || ROLE_NOUNS.has(x));
			if (person && !/^(?:his|her)$/.test(w)) continue;
			return true;
		}
		if (w === 'its') {
			if (wh === 'which' || caps(i)) continue;
			return true;
		}
		if (w === 'it') {
			if (which || caps(i)) continue;
			if (EXPLETIVE_IT.test(lower.slice(i, i + 5).join(' '))) continue;
			// "made it to the second round": no referent.
			if (
				/^(?:make|makes|made|making)$/.test(lower[i - 1] ?? '') &&
				/^(?:to|into|through|back|home|onto)$/.test(lower[i + 1] ?? '')
			)
				continue;
			return true;
		}
		if (/^(?:they|them|their|themselves)$/.test(w)) {
			if (wh === 'which' || caps(i)) continue;
			// "When did … their": a possessive in a question about something else needs a name.
			if (w === 'their' && wh !== 'who') return true;
			if (plural) continue;
			const agent = w !== 'their';
			const noun = lower.slice(1, i).some((x, k) => {
				const prev = lower[k] ?? '';
				if (COLLECTIVE.test(x)) return true;
				if (agent ? !AGENT_PLURAL.test(x) : !/^\p{L}[\p{L}-]*[^s'’]s$/u.test(x)) return false;
				if (NOT_PLURAL.test(x) || STOPWORDS.has(x) || SPEECH_VERBS.has(x)) return false;
				// "Who says they": a verb after its subject, not a noun.
				return !/^(?:who|he|she|it|they|which|that)$/.test(prev);
			});
			if (noun) continue;
			return true;
		}
	}
	return false;
}

/** True when the question leans on a word that needs a sentence before it. */
export function needsContext(prompt: string, plural = false): boolean {
	const plain = prompt.replace(/["“][^"”]*["”]/g, '');
	if (DEICTIC.test(plain) || ELLIPSIS.test(plain)) return true;
	if (!/^Which (?:\w+s|two|three|four)\b/.test(plain) && bothWithoutPair(plain)) return true;
	// "Who said he was delighted?": a feeling about something the question does not say.
	if (
		/^Who (?:said|says|added|admitted) (?:he|she|they|it) (?:was|were|is|are|had been|would be|felt|feels) (?:\p{Ll}+ )?\p{Ll}+\?$/u.test(
			plain
		)
	)
		return true;
	// "Where did the businessman voice concern …?": a person by a common noun, named elsewhere.
	const subject = ADJUNCT_SUBJECT.exec(plain)?.[1];
	if (
		subject &&
		((ROLE_NOUNS.has(subject) && !OFFICE.test(subject)) ||
			PERSON_WORD.test(subject) ||
			/(?:man|woman)$/.test(subject))
	)
		return true;
	return unresolvedPronoun(prompt, plural);
}

/**
 * "When are both expected to list abroad?", "Where have both schemes been tested?": "both" with
 * no pair named before it nor after it ("both the 800m and 1500m").
 */
function bothWithoutPair(plain: string): boolean {
	const m = /\bboth\b/.exec(plain);
	if (!m) return false;
	const before = plain.slice(0, m.index);
	const after = plain.slice(m.index + m[0].length);
	return !/\band\b/.test(before) && !/^\s+(?:[^\s?]+\s+){0,5}?and\b/.test(after);
}

/** A name of several capitalised words, one of them a common first name: a person. */
function looksLikePerson(text: string): boolean {
	const w = text.split(/\s+/);
	return (
		w.length >= 2 &&
		w.length <= 4 &&
		w.every((x) => /^[A-Z]/.test(x)) &&
		FIRST_NAMES.has((w[0] ?? '').toLowerCase())
	);
}

/** Whether the answer is a proper name: a capital inside it, or at its start mid-sentence. */
function properName(toks: Token[], target: WhTarget): boolean {
	for (let i = target.a; i < target.b; i++) {
		const t = toks[i] as Token;
		if (t.cap && (i > target.a || i > skipOpening(toks))) return true;
	}
	return false;
}

/** Ranks and posts that, written before a name, make it a person's. */
const RANK =
	/^(?:detective|inspector|sergeant|constable|superintendent|commissioner|commander|captain|colonel|lieutenant|corporal|admiral|brigadier|professor|judge|senator|governor|mayor|minister|secretary|chancellor|ambassador|spokesman|spokeswoman|chairman|chairwoman|director|correspondent|editor|officer|chief)$/;

/** Words that end a body's name, never a person's. */
const BODY_WORD =
	/^(?:Group|Pictures|Inc|Corp|Corporation|Ltd|Plc|Bank|Motors|Council|Office|Association|Agency|Authority|Commission|Committee|Party|Police|Service|Services|Department|Ministry|Board|Trust|Foundation|Institute|University|College|School|Club|United|City|Records|Music|Studios|Entertainment|Airlines|Airways|Holdings|Partners|Media|News|Communications|Systems|Technologies|Energy|Networks|Exchange|Index|Court|Parliament|Assembly|Union|Federation|League)$/;

/**
 * Rule ranked-name: "Detective Inspector Paul Miller of Thames Valley Police", "Home Office
 * Minister Des Browne": a rank or post written before one to three capitalised words (not a body's
 * name) names a person, whatever kind the reader gave it.
 */
export function rankedPerson(text: string): boolean {
	const ws = text.replace(/\s+of\s+(?:the\s+)?\p{Lu}.*$/u, '').split(/\s+/);
	for (let i = 0; i < ws.length - 1; i++) {
		// "Under-Secretary": the post is the word's last part.
		const w = (ws[i] as string).toLowerCase().replace(/^[a-z]+-(?=[a-z]{4,}$)/, '');
		if (!/^\p{Lu}/u.test(ws[i] as string) || !(RANK.test(w) || ROLE_NOUNS.has(w))) continue;
		let k = i + 1;
		while (
			k < ws.length - 1 &&
			(RANK.test(ws[k]!.toLowerCase()) || ROLE_NOUNS.has(ws[k]!.toLowerCase()))
		)
			k++;
		const rest = ws.slice(k);
		// "Commissioner Sir Ian Blair": an honorific opens the name.
		if (rest.length > 1 && /^(?:Sir|Lord|Lady|Dame|Dr|Mr|Mrs|Ms|Rev)$/.test(rest[0] as string))
			rest.shift();
		if (
			rest.length < 1 ||
			rest.length > 3 ||
			!rest.every((x) => /^\p{Lu}[\p{Ll}'’-]/u.test(x)) ||
			BODY_WORD.test(rest[rest.length - 1] as string)
		)
			continue;
		if (
			looksLikePerson(rest.join(' ')) ||
			(RANK.test(ws[k - 1]!.toLowerCase()) && rest.length <= 2)
		)
			return true;
	}
	return false;
}

/** "Martina Navratilova has defended her decision": who, not what. */
function subjectWhFor(target: WhTarget, body: string): string | null {
	if (target.kind !== 'person' && rankedPerson(target.text)) return 'Who';
	// "Simon Hart of the Countryside Alliance": a person's name with the body they speak for.
	const of = /^(.+?)\s+of\s+(?:the\s+)?\p{Lu}/u.exec(target.text)?.[1];
	if (target.kind !== 'person' && of && looksLikePerson(of)) return 'Who';
	// "Housing Minister Keith Hill", "Refugee Council Chief Executive Maeve Sherlock": a title
	// before a name is a person, whatever kind the name was given.
	const ws = target.text.split(/\s+/);
	const title = ws.findIndex((w, i) => i < ws.length - 1 && ROLE_NOUNS.has(w.toLowerCase()));
	if (
		target.kind !== 'person' &&
		title >= 0 &&
		ws.slice(title + 1).every((w) => /^\p{Lu}/u.test(w)) &&
		looksLikePerson(
			ws
				.slice(title + 1)
				.join(' ')
				.replace(/^(?:Chief|Executive)\s+/, '')
		)
	)
		return 'Who';
	if (
		target.kind === 'thing' &&
		(looksLikePerson(target.text) ||
			(/^[A-Z]/.test(target.text) && /\b(his|her|he|she)\b/.test(body)))
	)
		return 'Who';
	return subjectWh(target, target.text);
}

/** Subject questions: the answer opens the clause, and the rest of the sentence is kept. */
function subjectQuestion(
	toks: Token[],
	target: WhTarget,
	text: string,
	cs: number,
	ctx: WhContext
): WhResult {
	let v = target.b;
	// Skip an apposition or relative clause between commas.
	if (toks[v]?.text === ',') {
		let k = v + 1;
		while (k < toks.length && k - v < 18 && (toks[k] as Token).text !== ',') k++;
		if (toks[k]?.text !== ',') return { reason: 'apposition-unclosed' };
		v = k + 1;
	}
	if (toks[v] && /ly$/.test((toks[v] as Token).lower) && !(toks[v] as Token).cap) v++;
	const vf = verbForm(toks[v], toks[v - 1]);
	if (!vf) return { reason: 'no-main-verb' };
	// "visitors almost": an answer that ends on an adverb took a word of the verb's phrase.
	const last = toks[target.b - 1] as Token;
	if (
		!last.cap &&
		/^(?:almost|nearly|also|still|just|even|only|then|now)$|[a-z]ly$/.test(last.lower)
	)
		return { reason: 'phrase-cut-in-half' };
	// "What designed to tackle shortages should be set up?": the answer's own participle phrase.
	if (reducedParticiple(toks, v)) return { reason: 'reduced-relative' };
	const body = trimTail(toks.slice(v), 6);
	if (body.length < 2) return { reason: 'too-short' };
	let bodyText = joinTokens(body, text, ctx.subs);
	const wh = subjectWhFor(target, bodyText);
	if (!wh) return { reason: 'no-question-word' };
	// "What moved into the quarter-finals?" for a player the rules could not type: a name of
	// unknown kind is asked about with no question word rather than a wrong one.
	if (wh === 'What' && properName(toks, target)) return { reason: 'unsure-kind' };
	// "What have been raised": a plural noun subject makes "what" disagree with its verb.
	if (wh === 'What' && vf === 'aux' && /^(have|are|were|do)$/.test((toks[v] as Token).lower))
		return { reason: 'plural-what' };
	// "Which organisation have revealed": one organisation takes a singular verb.
	if (target.items === 1 && /^Which (organisation|country|place)$/.test(wh))
		bodyText = bodyText
			.replace(/^have\b/, 'has')
			.replace(/^are\b/, 'is')
			.replace(/^were\b/, 'was');
	// Agreement: "Which two countries declared" is fine; "Who are" and "Which three countries have"
	// for a list.
	if (target.items > 1 && (wh === 'Who' || /^Which \w+ \w+s$|^Which \w+s$/.test(wh)))
		bodyText = bodyText
			.replace(/^is\b/, 'are')
			.replace(/^was\b/, 'were')
			.replace(/^has\b/, 'have');
	// A one-word thing ("company") makes a vague question.
	if (target.kind === 'thing' && (wh === 'What' || wh === 'Who') && target.b - target.a < 2)
		return { reason: 'vague-answer' };
	// "What said ...": things do not speak; that is a person or a body the reader missed.
	if (
		/^(?:What|Which (?:place|country|places|countries))\b/.test(wh) &&
		SPEECH_VERBS.has((toks[v] as Token).lower)
	)
		return { reason: 'thing-does-not-speak' };
	// Rule market-index: "Which organisation was down 2.1% at 1,011.15?": an exchange named for its
	// index's move is no body acting.
	if (
		/\b(?:Exchange|Index|index|Composite|Average)$/.test(target.text) &&
		/^(?:was|is|closed|ended|finished|rose|fell|gained|lost|dropped|slipped|climbed|jumped|edged)\b[^?]*(?:%|\bpoints?\b|\d)/.test(
			bodyText
		)
	)
		return { reason: 'unsure-kind' };
	// Rule which-noun-who: "Who is an Indian blogger who's helping …" asks "Which Indian blogger is
	// helping …".
	if (wh === 'Who' && target.items === 1) bodyText = whichFromDescription(bodyText) ?? bodyText;
	if (body.length > 24) return { reason: 'too-long' };
	// "Who said: There does need to be another inquiry?": the words are speech without their marks.
	if (body.some((t, i) => t.text === ':' && SPEECH_VERBS.has(body[i - 1]?.lower ?? '')))
		return { reason: 'speech-in-question' };
	// Speech in the body belongs to a quote question, not here.
	if (/["“”]/.test(bodyText) && body.length > 12) return { reason: 'speech-in-question' };
	const prompt = /^Which /.test(bodyText) ? bodyText : `${wh} ${bodyText}`;
	return { prompt: balancedQuotes(`${prompt}?`), quality: cs === 0 ? 1 : 0.9 };
}

/**
 * "is an Indian blogger who's helping with X" → "Which Indian blogger is helping with X", "was a
 * teacher who lived in Leeds" → "Which teacher lived in Leeds"; null when the body is not so.
 */
export function whichFromDescription(body: string): string | null {
	const m =
		/^(is|was) an? ((?:[\p{L}-]+ ){0,3}\p{Ll}[\p{Ll}-]*) (?:who|that)(['’]s)? (\p{Ll}[\p{L}'’-]*)(.*)$/u.exec(
			body
		);
	if (!m) return null;
	const [, be, noun, contracted, verb, rest] = m as unknown as string[];
	if ((noun as string).split(' ').some((w) => STOPWORDS.has(w.toLowerCase()))) return null;
	// "who's been": "has"; "who's helping": "is"; "who lived": the verb as it stands.
	let aux = '';
	if (contracted) aux = /^(?:been|got|had|\p{L}+ed)$/u.test(verb as string) ? 'has ' : `${be} `;
	else if (!/^(?:is|was|has|had|\p{L}+ed|\p{L}+s)$/u.test(verb as string)) return null;
	if (contracted && aux === 'has ' && be === 'was') aux = 'had ';
	return `Which ${noun} ${aux}${verb}${rest}`;
}

/** The question word for an answer that is not the subject, and the tokens it replaces. */
function adjunctWh(toks: Token[], target: WhTarget): { wh: string; removeFrom: number } | WhReason {
	const prev = toks[target.a - 1];
	if (target.kind === 'date') {
		if (prev && /^(on|in|during|since|at)$/.test(prev.lower))
			return { wh: prev.lower === 'since' ? 'Since when' : 'When', removeFrom: target.a - 1 };
		return 'no-question-word';
	}
	if (target.kind === 'place') {
		// "closed down 8% in UK trade": the place only qualifies the noun after it.
		const next = toks[target.b];
		if (
			next?.word &&
			!next.cap &&
			!STOPWORDS.has(next.lower) &&
			!verbForm(next, toks[target.b - 1]) &&
			!/ly$/.test(next.lower)
		)
			return 'no-question-word';
		if (prev && /^(in|at)$/.test(prev.lower)) return { wh: 'Where', removeFrom: target.a - 1 };
		return 'no-question-word';
	}
	if (target.kind === 'quantity') {
		const noun = toks[target.b - 1] as Token;
		// "to more than 100 pupils", "about 40 jobs": a comparison, not a count to ask about.
		if (
			prev &&
			/^(than|to|of|from|by|between|about|around|nearly|almost|over|under|up|some|least|past|last|next|first|for|with|against|versus|in|within)$/.test(
				prev.lower
			)
		)
			return 'no-question-word';
		// "an extra four hours a week", "instead of for just two days": a count inside a phrase.
		const prev2 = toks[target.a - 2];
		if (
			prev &&
			(/^(?:a|an|the|extra|additional|further|another|just|only|their|its|his|her)$/.test(
				prev.lower
			) ||
				(prev2 && /^(?:an|a|the)$/.test(prev2.lower) && !prev.cap))
		)
			return 'no-question-word';
		// "How many times": a plural noun after a free-standing number ("60m hurdles title" is not a count).
		const glued = toks.slice(target.a, target.b - 1).some((t, i) => i > 0 && !t.space);
		if (
			noun.word &&
			!noun.cap &&
			!(toks[target.a] as Token).cap &&
			/[^s]s$/.test(noun.lower) &&
			!glued
		) {
			// Rule count-with-modifier: "nine match points" asks "How many match points", so the key
			// is the figure alone and the question counts what the sentence counts.
			let k = target.a;
			while (k < target.b - 1 && figureWord(toks[k] as Token)) k++;
			const mods = toks.slice(k, target.b - 1);
			const named =
				k > target.a &&
				mods.length <= 2 &&
				mods.every((t) => t.word && !t.cap && !STOPWORDS.has(t.lower) && t.space);
			const what = named ? [...mods, noun].map((t) => t.text).join(' ') : noun.text;
			return { wh: `How many ${what}`, removeFrom: target.a };
		}
		return 'no-question-word';
	}
	if (target.kind === 'money') {
		// Only as the object right after the verb: "Shell paid $1m to ..." → "How much did Shell pay to ...?"
		if (prev && verbForm(prev, toks[target.a - 2])) return { wh: 'How much', removeFrom: target.a };
		return 'no-question-word';
	}
	return 'no-question-word';
}

/** The value of a count's first token: "three" → 3, "12" → 12; NaN for anything else. */
function figureOf(t: Token): number {
	return t.num ? Number(t.text.replace(/,/g, '')) : (NUMBER_WORDS[t.lower] ?? NaN);
}

/** How many capitalised items the longest "A, B and C" list of the text holds (0 if none). */
export function listedCount(text: string): number {
	const item = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*`;
	let best = 0;
	for (const m of text.matchAll(new RegExp(`${item}(?:,\\s+${item})*,?\\s+and\\s+${item}`, 'gu')))
		best = Math.max(best, m[0].split(/,\s+|,?\s+and\s+/).length);
	return best;
}

/** A figure or a number word: "14", "nine", "million". */
function figureWord(t: Token): boolean {
	return t.num || NUMBER_WORDS[t.lower] !== undefined || SCALE_WORDS[t.lower] !== undefined;
}

/**
 * The main verb of what is left once the answer is taken out: the first verb within ten tokens,
 * with a relative clause between commas ("Infinity Broadcasting, which is owned by Viacom, paid
 * ...") taken out of `rest`. Returns its index in `rest`, or -1.
 */
function mainVerb(rest: Token[]): number {
	let relTo = -1;
	for (let i = 1; i < Math.min(rest.length, relTo > 0 ? relTo + 4 : 10); i++) {
		const t = rest[i] as Token;
		if (t.text === ',' && relTo < 0 && /^(who|which|whose)$/.test(rest[i + 1]?.lower ?? '')) {
			let k = i + 1;
			while (k < rest.length && k - i < 16 && (rest[k] as Token).text !== ',') k++;
			if (rest[k]?.text !== ',') return -1;
			rest.splice(i, k + 1 - i);
			relTo = i;
			i--;
			continue;
		}
		if (t.text === ',' || t.text === '"' || t.text === '“' || DASH.test(t.text)) break;
		// "sales of legally downloaded songs": a participle after an adverb or preposition is not
		// the main verb.
		const before = rest[i - 1] as Token;
		if (
			/ed$/.test(t.lower) &&
			(/ly$/.test(before.lower) || /^(of|in|for|with|by|from|to|the|a|an)$/.test(before.lower))
		)
			continue;
		// Rule reduced-relative: "a survey carried out by Forrester found …", "the number of films
		// released rose …": a participle that a "by" or a finite verb follows describes the subject.
		if (verbForm(t, rest[i - 1]) === 'past' && /[a-z]ed$/.test(t.lower)) {
			const n1 = rest[i + 1];
			const n2 = rest[i + 2];
			const byAfter =
				n1?.lower === 'by' ||
				(/^(?:out|up|off|down|in|on)$/.test(n1?.lower ?? '') && n2?.lower === 'by');
			const finiteAfter =
				!!n1 &&
				(verbForm(n1, t) === 'aux' || (!!IRREGULAR_VERBS[n1.lower] && !/ed$/.test(n1.lower)));
			if (
				(byAfter || finiteAfter) &&
				rest.slice(i + 1, i + 10).some((x, k) => k > 0 && !!verbForm(x, rest[i + k]))
			)
				continue;
		}
		if (reducedParticiple(rest, i) || nounBeforeVerb(rest, i)) continue;
		if (verbForm(t, rest[i - 1])) return i;
	}
	return -1;
}

/** Verbs whose object may be a clause with its "that" left out: "said the match had …". */
const CLAUSE_VERBS =
	/^(?:found|showed|shown|meant|knew|felt|thought|said|told|believed|expected|hoped|feared|claimed|insisted|argued|warned|predicted|suggested|revealed|confirmed|announced|admitted|denied|added|noted|stressed|estimated|reckoned|decided|ruled|agreed|accepted|acknowledged|conceded|complained|recalled|explained|indicated|assumed|signalled|hinted|maintained|alleged|vowed|pledged|promised|reported|recorded|forecast|calculated|concluded|realised|realized|discovered|learned|learnt|understood|guessed|proved|ensured)$/;

/** Pronouns that open a clause of their own: "the house he had built". */
const PERSONAL = /^(?:he|she|it|they|we|i|you)$/;

const FINITE =
	/^(?:is|are|was|were|has|have|had|will|would|can|could|should|may|might|must|shall)$/;
const PREPOSITION =
	/^(?:from|in|at|on|for|to|into|with|under|over|during|after|before|since|as|by|out|up|off|down|last|this|earlier|across|through|without|outside|inside)$/;

/**
 * Rule reduced-relative: "Five detainees released from Guantanamo in March were questioned …",
 * "plans to extend paid maternity leave … should be …": a participle that a preposition or a noun
 * follows, and then, with no comma or clause word between, a finite verb after a noun. The
 * participle describes the subject; the finite verb is the clause's own.
 */
function reducedParticiple(rest: Token[], i: number): boolean {
	const t = rest[i] as Token;
	const prev = rest[i - 1];
	if (verbForm(t, prev) !== 'past' || CLAUSE_VERBS.test(t.lower)) return false;
	// After a name ("Snow made clear rates had …") the word is the verb: only a noun takes it.
	if (!prev || !prev.word || prev.cap || STOPWORDS.has(prev.lower)) return false;
	const next = rest[i + 1];
	if (!next || next.cap || !next.word) return false;
	if (!PREPOSITION.test(next.lower) && (STOPWORDS.has(next.lower) || verbForm(next, t)))
		return false;
	for (let k = i + 2; k < Math.min(rest.length, i + 14); k++) {
		const x = rest[k] as Token;
		if (!x.word && !x.num) return false;
		if (CLAUSE_WORDS.test(x.lower) || /^(?:that|but|or|how|what|why|whether)$/.test(x.lower))
			return false;
		if (PERSONAL.test(x.lower)) return false;
		const before = rest[k - 1] as Token;
		if (FINITE.test(x.lower)) return !verbForm(before, rest[k - 2]) && before.lower !== 'to';
	}
	return false;
}

/** "phone-in shows was …": a word read as a verb in "-s" that a finite verb follows is a noun. */
function nounBeforeVerb(rest: Token[], i: number): boolean {
	const t = rest[i] as Token;
	return verbForm(t, rest[i - 1]) === 'pres3' && FINITE.test(rest[i + 1]?.lower ?? '');
}

/** Verbs that report a measure rather than do something: "showed a 2% rise", "posted a loss". */
const MEASURE_VERBS =
	/^(?:show|shows|showed|shown|suggest|suggests|suggested|indicate|indicates|indicated|report|reports|reported|record|records|recorded|post|posts|posted|forecast|forecasts|predict|predicts|predicted|estimate|estimates|estimated)$/;

const CLAUSE_WORDS =
	/^(which|who|whom|whose|where|when|since|because|while|although|if|until|after|before|and|as)$/;

/** Prepositions whose noun is an event of its own: a time after that noun dates the event. */
const EVENT_PREPOSITION = /^(?:after|before|since|following|ahead|amid|despite|until|preceding)$/;
/** Words that open a phrase of their own inside the verb's phrase: a preposition or "to". */
const NESTING = /^(?:from|in|at|on|for|to|into|with|under|over|during|by|across|through|against)$/;

/**
 * Rule time-of-noun: a time that dates a noun, not the main verb. "benefit from a bounce following
 * elections in January" (the time is the elections'), and, after a present perfect, any phrase
 * between ("has recovered from a crisis in 2001": a perfect takes no past time of its own, so the
 * year is the crisis's).
 */
function timeOfNoun(between: Token[], verbTok: Token): boolean {
	// The time's own preposition ("since 2001") is the last word between.
	const inner = between.slice(0, -1);
	if (inner.some((t) => EVENT_PREPOSITION.test(t.lower))) return true;
	if (!/^(?:has|have|'ve)$/.test(verbTok.lower)) return false;
	const k = inner.findIndex(
		(t) => !/ly$/.test(t.lower) && !/^(?:not|also|already|just)$/.test(t.lower)
	);
	const part = inner[k];
	if (!part || !(IRREGULAR_VERBS[part.lower] || /[a-z](?:ed|en)$/.test(part.lower))) return false;
	return inner.slice(k + 1).some((t) => NESTING.test(t.lower));
}

/** The answer belongs to the main verb: no clause, speech or comma between them. */
function answerOwnedBy(toks: Token[], verbTok: Token, target: WhTarget): WhReason | null {
	const at = (toks[target.a] as Token).start;
	const between = toks.filter((t) => t.start > verbTok.start && t.start < at);
	if (between.some((t) => CLAUSE_WORDS.test(t.lower))) return 'answer-in-other-clause';
	const det = /^(the|a|an|his|her|its|their|these|those)$/;
	if (
		between.some(
			(t, i) =>
				t.lower === 'that' ||
				(SPEECH_VERBS.has(t.lower) && !det.test((between[i - 1] ?? verbTok).lower))
		)
	)
		return 'answer-in-reported-speech';
	// "said Tuesday that ...", "denied X had ...": speech owns what follows, unless the verb takes
	// a plain object ("denied the claims in March").
	if (
		SPEECH_VERBS.has(verbTok.lower) &&
		at > verbTok.start &&
		!/^(the|a|an|his|her|its|their)$/.test(between[0]?.lower ?? '')
	)
		return 'answer-in-reported-speech';
	// "said the tapes went missing in December": past the verb group, another finite verb opens a
	// clause of its own, and the time belongs to it, not to the main verb.
	let k = 0;
	while (
		k < between.length &&
		(!!verbForm(between[k], between[k - 1] ?? verbTok) ||
			/^(not|also|already|just|only|now|then|been|being|be)$/.test((between[k] as Token).lower) ||
			/ly$/.test((between[k] as Token).lower))
	)
		k++;
	for (let j = k + 1; j < between.length; j++) {
		const form = verbForm(between[j], between[j - 1]);
		if (form === 'past' || form === 'aux') return 'answer-in-other-clause';
	}
	if (target.kind === 'date' && timeOfNoun(between, verbTok)) return 'time-of-noun';
	// Rule time-of-figure: "data showed a 0.2% slip in sales during November": after a verb that
	// reports a measure, a time past a figure is the period the figure covers, not when the
	// reporting happened.
	if (
		target.kind === 'date' &&
		MEASURE_VERBS.test(verbTok.lower) &&
		between.some((t) => t.num || /%|\d/.test(t.text))
	)
		return 'time-of-figure';
	// "..., 40 years after the film was released": an answer in a phrase of its own.
	if (between.some((t) => t.text === ',' || DASH.test(t.text) || t.text === '('))
		return 'answer-in-other-clause';
	if (at > verbTok.start && verbAfterAnswer(toks, target.b)) return 'verb-after-answer';
	// A count or a sum is the verb's object: "has sold 6.23 million copies", not "lost nine of their
	// 14 matches"; a count of time ("four times", "three years") may stand further on.
	if (target.kind === 'quantity' || target.kind === 'money') {
		const noun = (toks[target.b - 1] as Token).lower;
		const adverbial = target.kind === 'quantity' && (noun === 'times' || TIME_UNITS.has(noun));
		const verbish = (t: Token, i: number) =>
			!!verbForm(t, between[i - 1] ?? verbTok) ||
			/^(not|been|be|being|also|already|now|so|far|just|only|then)$/.test(t.lower) ||
			/(ly|ed|en)$/.test(t.lower) ||
			!!IRREGULAR_VERBS[t.lower];
		if (!adverbial && !between.every(verbish)) return 'answer-not-object-of-verb';
	}
	return null;
}

/**
 * Rule verb-after-answer: "said the charity match in Melbourne earlier this month had inspired
 * them": a finite verb after the answer, with no comma, clause word or new subject between, makes
 * the answer part of the subject of a clause of its own, not of the main verb's phrase.
 */
function verbAfterAnswer(toks: Token[], b: number): boolean {
	for (let k = b; k < Math.min(toks.length, b + 8); k++) {
		const x = toks[k] as Token;
		if (!x.word && !x.num) return false;
		if (CLAUSE_WORDS.test(x.lower) || /^(?:that|but|or|to|than|so|if|whether)$/.test(x.lower))
			return false;
		if (PERSONAL.test(x.lower)) return false;
		const before = toks[k - 1] as Token;
		if (FINITE.test(x.lower)) return !verbForm(before, toks[k - 2]);
	}
	return false;
}

/** "and a drop-goal", "and more than $4m": a second object after the answer's phrase. */
function objectPair(after: Token[]): boolean {
	const k = after.findIndex((t) => !t.word || /^(?:and|or)$/.test(t.lower));
	if (k < 0 || k > 3 || !/^(?:and|or)$/.test(after[k]?.lower ?? '')) return false;
	if (after.slice(0, k).some((t) => !/^(?:in|of|for)$/.test(t.lower) && !!verbForm(t, undefined)))
		return false;
	const n = after[k + 1];
	return (
		!!n &&
		(/^[£$€]/.test(n.text) ||
			/^(?:a|an|another|more|less|nearly|almost|about|over|under)$/.test(n.lower))
	);
}

/** Tokens without bracketed asides ("(Les Choristes)", "(£4m)"): a question reads better without. */
function withoutAsides(toks: Token[]): Token[] {
	const out: Token[] = [];
	let depth = 0;
	for (const t of toks) {
		if (t.text === '(') depth++;
		else if (t.text === ')' && depth > 0) depth--;
		else if (depth === 0) out.push(t);
	}
	return depth === 0 ? out : toks;
}

const YEAR = /\b(?:1[0-9]{3}|20[0-9]{2})s?\b/;
const MONTH_NAME =
	/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/;
/** A count other than a year: "14", "3,000", "two" to "twelve" before a word. */
const COUNT =
	/\b(?!(?:1[0-9]{3}|20[0-9]{2})\b)\d[\d,.]*\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+[a-z]/i;

/** Whether the question's body still holds a phrase of the answer's kind (a second year, a count). */
function secondOfKind(body: string, kind: WhTarget['kind']): boolean {
	if (kind === 'date') return YEAR.test(body) || MONTH_NAME.test(body);
	if (kind === 'quantity') return COUNT.test(body);
	return false;
}

/** Adjunct questions: when / where / how many / how much, with the auxiliary moved. */
function adjunctQuestion(
	toks: Token[],
	target: WhTarget,
	text: string,
	lowerSeen: Set<string>,
	cs: number,
	ctx: WhContext
): WhResult {
	if (target.items > 1) return { reason: 'list-answer' };
	// A figure in brackets is a conversion or an aside, not something to ask about on its own.
	const before = toks.slice(0, target.a);
	if (before.filter((t) => t.text === '(').length > before.filter((t) => t.text === ')').length)
		return { reason: 'answer-in-brackets' };
	// "in France, the UK and elsewhere": one place of a list.
	const after = toks.slice(target.b, target.b + 8);
	if (
		after[0]?.text === ',' &&
		after.slice(1).some((t, i) => /^(and|or)$/.test(t.lower) && i < 6) &&
		(after[1]?.cap || (after[1]?.lower === 'the' && after[2]?.cap))
	)
		return { reason: 'list-answer' };
	if (/^(and|or)$/.test(after[0]?.lower ?? '') && after[1]?.cap) return { reason: 'list-answer' };
	// Rule object-pair: "missed six penalty attempts and a drop-goal", "$5m in fines and more than
	// $4m to …": a count or a sum is one of two objects, and the question would keep the other.
	if ((target.kind === 'quantity' || target.kind === 'money') && objectPair(after))
		return { reason: 'list-answer' };
	const found = adjunctWh(toks, target);
	if (typeof found === 'string') return { reason: found };
	const { wh, removeFrom } = found;
	// "made 5.45m Euros (£3.77m) last year": the conversion goes with the answer.
	let removeTo = target.b;
	if (toks[removeTo]?.text === '(') {
		let k = removeTo + 1;
		while (k < toks.length && k - removeTo < 12 && (toks[k] as Token).text !== ')') k++;
		if (toks[k]?.text === ')') removeTo = k + 1;
	}
	// Drop an intro phrase that was only the answer ("On Tuesday, ..."); a count or a sum there
	// ("Despite three nominations, …") is no object of the main verb.
	const start = cs;
	if ((target.kind === 'quantity' || target.kind === 'money') && target.a < cs)
		return { reason: 'answer-in-opening-phrase' };
	if (!(cs > 0 && removeFrom <= skipOpening(toks) + 1 && removeTo >= cs - 1) && removeFrom < cs)
		return { reason: 'answer-in-opening-phrase' };
	// Rule glued-answer: "£3m-plus" read as "£3": the answer ends inside a word the question keeps.
	// "two weeks' wages", "1800 GMT": the answer's own possessive or time zone stays behind.
	const glued = toks[removeTo];
	if (
		glued &&
		((!glued.space && (glued.word || glued.num || /^['’]/.test(glued.text))) ||
			/^(?:GMT|BST|CET|EST|PST|ET|UTC|am|pm)$/.test(glued.text))
	)
		return { reason: 'phrase-cut-in-half' };
	const rest = withoutAsides(
		toks.slice(start).filter((_, i) => i + start < removeFrom || i + start >= removeTo)
	);
	while (rest.length && /^[,;:]$/.test((rest[0] as Token).text)) rest.shift();
	if (rest.length < 3) return { reason: 'too-short' };
	let v = mainVerb(rest);
	if (v < 1) return { reason: 'no-main-verb' };
	const verbTok = rest[v] as Token;
	// The main verb comes before the answer: otherwise it belongs to a later clause.
	if (target.a >= start && verbTok.start > (toks[target.a] as Token).start)
		return { reason: 'answer-in-other-clause' };
	const owned = answerOwnedBy(toks, verbTok, target);
	if (owned) return { reason: owned };
	// "Now Paula will take part …": a discourse word before the subject is no part of it.
	while (
		v > 1 &&
		/^(?:now|then|also|still|meanwhile|instead|so|thus|yet|indeed|however)$/.test(
			(rest[0] as Token).lower
		)
	) {
		rest.shift();
		v--;
	}
	const subj = rest.slice(0, v);
	const s0 = subj[0] as Token;
	// ", which began in January 2003, plans ...": the answer sits in a relative clause.
	if (/^(which|who|whom|whose)$/.test(s0.lower)) return { reason: 'answer-in-other-clause' };
	// "could by early 2005 the net have": a phrase before the subject stays between it and its verb.
	if (/^(?:by|in|on|at|for|from|with|after|before|during|since|until)$/.test(s0.lower))
		return { reason: 'subject-too-long' };
	if (
		subj.some(
			(t) =>
				t.start >= (toks[target.a] as Token).start && t.end <= (toks[target.b - 1] as Token).end
		)
	)
		return { reason: 'answer-in-subject' };
	// "Based on a play by Tyler Perry the film": an opening phrase left in the subject.
	if (
		subj.length > 9 ||
		(subj.length > 2 && /[a-z](ed|ing)$/.test(s0.lower) && s0.cap) ||
		subj.some((t, i) => i > 0 && /^(that|which|who|whose|whom)$/.test(t.lower))
	)
		return { reason: 'subject-too-long' };
	let subjText = joinTokens(subj, text, ctx.subs);
	const resolved = ctx.subs?.has(s0.start);
	if (!resolved && PRONOUN_SUBJECTS.has(s0.lower)) return { reason: 'unresolved-subject' };
	const firstIsSentenceStart = s0.start === (toks[skipOpening(toks)] as Token).start || start > 0;
	// "Bank of America", "Record Company X": a capital that opens a longer name keeps it.
	const s1 = subj[1];
	const opensName =
		!!s1 &&
		!STOPWORDS.has(s0.lower) &&
		(s1.cap || (/^(of|for|and|&)$/.test(s1.lower) && !!subj[2]?.cap));
	if (
		!resolved &&
		firstIsSentenceStart &&
		s0.cap &&
		!opensName &&
		!/^[A-Z]{2,}$/.test(s0.text) &&
		!DEMONYMS.has(s0.lower) &&
		(lowerSeen.has(s0.lower) ||
			STOPWORDS.has(s0.lower) ||
			(ctx.commonOpener && s0 === toks[skipOpening(toks)]))
	)
		subjText = s0.text.toLowerCase() + subjText.slice(s0.text.length);
	const form = verbForm(verbTok, rest[v - 1]);
	let tail = trimTail(
		rest.slice(v + 1),
		5,
		true,
		SPEECH_VERBS.has(verbTok.lower) || CLAUSE_VERBS.test(verbTok.lower)
	);
	// A dangling preposition left by removing the answer's phrase.
	while (
		tail.length &&
		/^(on|in|at|of|to|by|from|during)$/.test((tail[tail.length - 1] as Token).lower)
	)
		tail = tail.slice(0, -1);
	let tailText = joinTokens(tail, text, ctx.subs);
	let prompt: string;
	let quality = 0.85;
	const perfect = form === 'aux' && /^(has|have|had)$/.test(verbTok.lower);
	// "have reportedly offered": an adverb may stand between the auxiliary and its participle.
	// "has now obtained", "has already pumped": adverbs stand between them too.
	const t0 =
		tail.find(
			(t) =>
				!/ly$/.test(t.lower) &&
				!/^(?:now|already|also|just|since|still|yet|ever|never|not|so|far)$/.test(t.lower)
		) ?? tail[0];
	const participle =
		!!t0 && (!!IRREGULAR_VERBS[t0.lower] || /[a-z](ed|en)$/.test(t0.lower) || t0.lower === 'been');
	if (perfect && !participle) {
		// "Japan has $850bn in reserves": "have" is the verb itself → "How much does Japan have ...".
		const aux = verbTok.lower === 'had' ? 'did' : verbTok.lower === 'has' ? 'does' : 'do';
		prompt = `${wh} ${aux} ${subjText} have${tailText ? ' ' + tailText : ''}?`;
	} else if (perfect && wh === 'When' && t0) {
		// "When has X denied ..." is no English: a point in time takes the past ("When did X deny").
		const base = lemma(t0.text);
		if (!base || t0.lower === 'been') return { reason: 'unknown-verb-form' };
		const at = tail.indexOf(t0);
		const pre = joinTokens(tail.slice(0, at), text, ctx.subs);
		const post = joinTokens(tail.slice(at + 1), text, ctx.subs);
		prompt = `When did ${subjText}${pre ? ' ' + pre : ''} ${base}${post ? ' ' + post : ''}?`;
	} else if (form === 'aux') {
		// "was made" → "When was X made".
		prompt = `${wh} ${verbTok.lower} ${subjText}${tailText ? ' ' + tailText : ''}?`;
	} else {
		const base = lemma(verbTok.text);
		if (!base) return { reason: 'unknown-verb-form' };
		const aux = form === 'past' ? 'did' : 'does';
		if (!IRREGULAR_VERBS[verbTok.lower] && !E_VERBS.has(base) && form === 'past') quality = 0.7;
		tailText = tailText ? ' ' + tailText : '';
		prompt = `${wh} ${aux} ${subjText} ${base}${tailText}?`;
	}
	if (wh.startsWith('How many') && form === 'aux') quality -= 0.05;
	prompt = prompt.replace(/\s+,/g, ',').replace(/\s+/g, ' ');
	// Rule count-listed: "How many breweries are there, in Chernigov, Nikolaev and Kharkov?": the
	// question lists what it counts.
	if (target.kind === 'quantity' && listedCount(prompt) === figureOf(toks[target.a] as Token))
		return { reason: 'count-listed' };
	// "When did she win ... and in 1994 with Gold Dust?": another answer of the same kind stays in
	// the question, so it is garbled and has two answers.
	if (secondOfKind(prompt.slice(wh.length), target.kind))
		return { reason: 'second-answer-in-question' };
	// "... one of the?": the answer was the head of a phrase the question cut in half.
	if (/\b(the|a|an|its|their|his|her|our|one of)\?$/i.test(prompt))
		return { reason: 'phrase-cut-in-half' };
	return { prompt: balancedQuotes(prompt), quality };
}

/**
 * A wh-question whose answer is `target`, or the reason there is none. `lowerSeen` holds words the
 * text writes in lower case, to decide whether a sentence-initial word keeps its capital; `ctx`
 * carries the reader's resolved references (see `substitutions`).
 */
export function whQuestionOrReason(
	s: SentenceInfo,
	target: WhTarget,
	text: string,
	lowerSeen: Set<string>,
	ctx: WhContext = {}
): WhResult {
	const toks = s.tokens;
	if (target.kind === 'person' && ctx.unsurePerson) return { reason: 'unsure-kind' };
	if (toks.some((t) => t.text === '?')) return { reason: 'sentence-is-a-question' };
	// '"There is no chance of Stevie going in January," said Parry': speech is not turned round.
	if (/^["“]$/.test(toks[0]?.text ?? '')) return { reason: 'speech-in-question' };
	// Speech in the first or second person ("We have lost ...") makes no sense asked back.
	if (toks.some((t) => /^(i|we|you|my|our|your|me)$/.test(t.lower) || t.text === 'us'))
		return { reason: 'first-person-speech' };
	const cs = clauseStart(toks, 14);
	// Subject questions: the answer opens the clause.
	let lead = cs;
	// "With Mike Tindall ruled out …": a capitalised preposition opens a phrase, not the subject.
	while (
		lead < target.a &&
		(/^(both|the|a|an|either|neither)$/.test((toks[lead] as Token).lower) ||
			((toks[lead] as Token).cap && !(lead === cs && INTRO_WORDS.has((toks[lead] as Token).lower))))
	)
		lead++;
	const out =
		lead === target.a
			? subjectQuestion(toks, target, text, cs, ctx)
			: adjunctQuestion(toks, target, text, lowerSeen, cs, ctx);
	if (
		'prompt' in out &&
		needsContext(out.prompt, target.items > 1 || PEOPLE_NOUNS.test(target.text.toLowerCase()))
	)
		return { reason: 'needs-context' };
	if ('prompt' in out) {
		const broken = brokenTemplate(out.prompt);
		if (broken) return { reason: broken };
	}
	// "Who could also be considered ...": "also" leans on a sentence the question does not show;
	// "indeed" and "even" weigh a claim made before.
	if ('prompt' in out)
		out.prompt = out.prompt
			.replace(/ (?:also (?!known\b)|indeed |even (?=[a-z]+ed\b))/g, ' ')
			.replace(/\s*[,;:]+\s*\?$/, '?');
	// "When did Tony Blair then change his mind?": the question's "when" takes the place of "then".
	// "When did members already vote": "already" weighs the time against one told before.
	if ('prompt' in out && /^(?:When|Since when)\b/.test(out.prompt))
		out.prompt = out.prompt.replace(/(?<!,| and) (?:then|already) (?=\p{Ll})/u, ' ');
	// "Who would not confirm however whether …": "however" weighs it against a sentence before.
	if ('prompt' in out) out.prompt = out.prompt.replace(/,? however,? (?=\p{Ll})/u, ' ');
	if ('prompt' in out && cutInQuote(out.prompt, s.text)) return { reason: 'phrase-cut-in-half' };
	// Rule reflexive-on-answer: "Who has criticised a union leader who said conflict between himself
	// and Tony Blair ...": a reflexive inside an inner clause now binds to that clause's subject,
	// not to the person asked for.
	if ('prompt' in out && reflexiveInClause(out.prompt)) return { reason: 'reflexive-on-answer' };
	if ('prompt' in out) out.prompt = undouble(out.prompt);
	// "Which organisation has 30%?", "How many milliseconds is the speed?": too little to ask.
	if ('prompt' in out && questionWords(out.prompt) < 4) return { reason: 'too-short' };
	return out;
}

/** Words that open a clause of their own before its subject. */
const SUBORDINATOR =
	/\bthat (?:when|if|while|although|though|because|after|before|since|until|once|unless|despite|as (?!many|much|few|little|high|low|long|far|well|soon|recently|of\b))\b/i;

/**
 * Rule broken-template: a question the rules put together wrong. "When was X, when …" and "Where
 * is X at a summit where …": the question word again inside it; "Who said to reduce …": speech
 * with its "that" left out reads as a purpose; "Who said that when attacks were at their height?"
 * and "Who said that the practice?": the reported clause cut before its verb.
 */
export function brokenTemplate(prompt: string): WhReason | null {
	const wh = /^(When|Where)\b/.exec(prompt)?.[1];
	if (wh && new RegExp(`\\b${wh}\\b`, 'i').test(prompt.slice(wh.length))) return 'repeated-wh';
	if (/^Who (?:said|says) to \p{Ll}/u.test(prompt)) return 'speech-without-that';
	// "Who has argued. there needs to be …": a full stop inside the question.
	if (/\b\p{Ll}{3,}\.\s+\p{Ll}/u.test(prompt.replace(/["“][^"”]*["”]/g, ''))) return 'clause-cut';
	// "... as an example of a time?": cut before the clause ("when …") that said which.
	if (
		/\b(?:a|an)\s+(?:time|period|moment|place|era|day|point|stage|case|situation)\?$/.test(prompt)
	)
		return 'clause-cut';
	const plain = prompt.replace(/["“][^"”]*["”]/g, ' Quoted ');
	const sub = SUBORDINATOR.exec(plain);
	if (sub) {
		// "that once the system was reformed the government should look …" holds its main clause;
		// "that when attacks were at their height?" does not.
		const rest = plain.slice(sub.index + sub[0].length);
		if (!/,\s*\p{L}/u.test(rest) && finiteVerbs(rest) < 2) return 'clause-cut';
	}
	// The first "that" within a few words of a verb of saying or thinking: what follows is the
	// reported clause ("said that …", "told investors that …").
	let clause: string | undefined;
	for (const m of plain.matchAll(/\bthat\s+([^?]*)\?$/gu)) {
		const before =
			plain
				.slice(0, m.index)
				.toLowerCase()
				.match(/\p{L}+/gu) ?? [];
		if (before.slice(-4).some((w) => SPEECH_VERBS.has(w) || REPORTING.test(w))) clause = m[1];
		break;
	}
	if (clause && finiteVerbs(clause) === 0 && !baseAfterSubject(clause)) return 'clause-cut';
	return null;
}

/** Verbs of saying and thinking that take a "that" clause. */
const REPORTING =
	/^(?:told|believes|believed|thinks|thought|noted|notes|feared|fears|hoped|hopes|predicted|predicts|argued|argues|stressed|suggested|accepted|revealed|confirmed|announced|acknowledged|conceded|agreed|insisted|claimed|warned|added|admitted|denied)$/;

/**
 * Whether a clause with no finite verb may still hold a base form after a plural or a pronoun
 * subject: "that prices rise", "that they agree" (not "a firm trying to take control").
 */
function baseAfterSubject(clause: string): boolean {
	const ws = clause.toLowerCase().split(/\s+/).filter(Boolean);
	return ws.some((w, i) => {
		const prev = ws[i - 1] ?? '';
		const subject =
			/^(?:they|we|you|i|people|children|men|women|police)$/.test(prev) ||
			(/[^s'’]s$/.test(prev) && !NOT_PLURAL.test(prev) && !STOPWORDS.has(prev));
		return subject && /^\p{Ll}+$/u.test(w) && !STOPWORDS.has(w) && !/(?:ing|ly)$/.test(w);
	});
}

/** How many words of `text` read as finite verbs ("was", "went", "could", "employs"). */
function finiteVerbs(text: string): number {
	const toks = text
		.split(/\s+/)
		.filter(Boolean)
		.map(
			(w) =>
				({
					text: w,
					lower: w.toLowerCase().replace(/[,.;:]$/, ''),
					word: /\p{L}/u.test(w),
					cap: /^\p{Lu}/u.test(w),
					num: /\d/.test(w),
					space: true,
					start: 0,
					end: 0
				}) as Token
		);
	return toks.filter(
		(t, i) =>
			!!verbForm(t, toks[i - 1]) ||
			/^(?:can|could|may|might|must|shall|should|will|would)$/.test(t.lower) ||
			!!IRREGULAR_VERBS[t.lower]
	).length;
}

/** A reflexive pronoun after a clause or speech word of the question: it binds inside that clause. */
export function reflexiveInClause(prompt: string): boolean {
	const rest = prompt.replace(/^\S+\s+/, '');
	return /\b(?:who|which|that|whose|said|says|claimed|told|after|when|while|because)\b.*\b(?:himself|herself|themselves)\b/i.test(
		rest
	);
}

/**
 * "Who said Mr Jackson was a decent?": the question ends inside a quotation the sentence goes on
 * with, so it stops mid-phrase.
 */
function cutInQuote(prompt: string, sentence: string): boolean {
	if (!/["“”]/.test(sentence)) return false;
	const last = /([\p{L}\d'’-]+)["”]?\?$/u.exec(prompt)?.[1];
	if (!last) return false;
	const m = new RegExp(`(?<![\\p{L}\\d])${escapeRe(last)}(?![\\p{L}\\d])`, 'u').exec(sentence);
	if (!m) return false;
	const quotes = (sentence.slice(0, m.index).match(/["“”]/g) ?? []).length;
	return quotes % 2 === 1 && !/^["”]/.test(sentence.slice(m.index + last.length));
}

/** Words of a question after its question word ("Which organisation", "How many times"). */
function questionWords(prompt: string): number {
	const rest = prompt
		.replace(/\?$/, '')
		.replace(
			/^(?:Which\s+(?:\w+\s+)?\w+|How many\s+\w+|How much|Who|What|When|Where|Since when)\s+/,
			''
		);
	return rest.split(/\s+/).filter((w) => /[\p{L}\d]/u.test(w)).length;
}

/** A wh-question whose answer is `target`, or null (see `whQuestionOrReason` for why). */
export function whQuestion(
	s: SentenceInfo,
	target: WhTarget,
	text: string,
	lowerSeen: Set<string>,
	ctx: WhContext = {}
): WhQuestion | null {
	const out = whQuestionOrReason(s, target, text, lowerSeen, ctx);
	return 'prompt' in out ? out : null;
}
