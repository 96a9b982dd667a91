/**
 * True-or-false statements from a sentence: one frame, cut down to the fact's own clause and
 * reworded, with a mark where the fact's key stands. The true statement fills the mark with the key,
 * the false one with another value of the same kind, so both read the same but for the one fact.
 *
 * Cutting keeps what a learner judges: bracketed asides, dashed asides, relative clauses between
 * commas, parenthetical attributions (", they claim,") and closing asides (", though …", ", saying
 * …") go; an opening time or place phrase moves to the end where the clause takes no other clause;
 * "X said Y" becomes "According to X, Y" when nothing else changed. A key inside one of the asides is
 * a subordinate detail: no statement is made about it.
 */
import {
	COUNTRY_BY_ALIAS,
	DEMONYMS,
	HONORIFICS,
	ROLE_NOUNS,
	STOPWORDS,
	TITLE_WORDS
} from '../nlp/lexicon';
import { anaphoricOpener, definiteReference, possessiveWithoutName } from './context';

/** Where the key stands in a frame while it is cut and reworded. */
export const KEY_MARK = '\uE000';

/**
 * Why a frame makes no statement: the key is in an aside, or the statement would lose its only
 * time ("The hearing will resume on Monday" with "on Monday" gone says nothing of when).
 */
export type FrameProblem = 'answer-in-aside' | 'relative-time';

/** Verbs that take a clause or an infinitive: a time moved after them would attach to that clause. */
const CLAUSE_VERB =
	/\b(?:said|says|say|told|tells|announced|announces|confirmed|revealed|added|claimed|claims|believes?|believed|insisted|insists|argued|argues|warned|warns|admitted|admits|denied|denies|reported|thought|thinks|expects?|expected|hopes?|hoped|agreed|agrees|decided|plans?|planned|wants?|wanted|aims?|aimed|promised|vowed|threatened|refused|failed|tried|sought|seeks?|urged|asked|called|forced|allowed|helped|that|to|if|when|after|before|because|while|who|which)\b/i;

/** An opening phrase that sets time or place: moved to the end, or dropped. */
const SETTING =
	/^((?!In (?:other|addition|contrast|particular|fact|response|turn|total|all|short|general|theory|practice|principle|return|comparison|effect|the meantime)\b)(?:In|On|At|During|Last|Earlier|Later|This|Since|By|Under|After|Before|Following|For|Over|Within|From)\b(?:(?!\b(?:is|was|are|were|has|have|had|will|would|said|says|[a-z]{3,}ed)\b)[^,"“”]){1,50}),\s+/;
/** An opening phrase of another sort, which carries no fact of the clause: dropped. */
const ASIDE_OPEN =
	/^((?:(?!According\b)[A-Z][a-z]+ing|As|While|Whilst|Although|Though|Despite|With|Unlike|Amid|Asked|Meanwhile|Now|Still|Yet|Again|Indeed|Elsewhere|Separately|Instead|Overall|In addition|In a statement|In an interview|In other [a-z]+|In contrast|In particular|In fact|In response|In turn|In short|In the meantime)\b[^,"“”]{0,60}),\s+/;
/** Openings whose time is the fact itself: "Previously, fares were …" is false without it. */
const CONTRAST_OPEN =
	/^(?:Previously|Formerly|Originally|Initially|At first|At the time|Until then|Before then|Once|Then|Until|Up to now|So far|Historically|In theory|In practice|In principle|In general|In total|In all|In effect|In return|In comparison)\b/i;

/** A closing aside after a comma: dropped when the key is not in it. */
const TAIL =
	/,\s+(?:but|then|and then|though|although|while|whereas|which|unless|with|underscoring|highlighting|adding|saying|according to|after|before|despite|amid|leaving|making|meaning|prompting|sending|bringing|fuelled|led|as (?!well\b)|compared with|against|up from|down from|a|an)\b/i;

/** Speech verbs for the attribution forms. */
const SAID =
	'said|says|added|reported|announced|confirmed|revealed|claimed|claims|believes|argued|insisted|warned|told reporters';

/** ", they claim,": a parenthetical attribution. */
const PAREN_SAID = new RegExp(
	`,\\s+(?:he|she|they|it|[A-Z][\\w'’.-]*(?:\\s+[A-Z][\\w'’.-]*){0,3})\\s+(?:${SAID}|claim|believe|argue|insist|suggest|suggested)\\s*,\\s+`
);
/** "…, the firm said.": a closing attribution. */
const CLOSING_SAID = new RegExp(
	`^([^"“”]{25,}?),\\s+((?:the|a|an)\\s+\\p{L}[\\w\\s-]{0,30}?|[a-z][\\w-]+(?:\\s+[a-z][\\w-]+)?|[A-Z\\uE000][\\p{L}.'’-]*(?:\\s+[A-Z][\\p{L}.'’-]*){0,3})\\s+((?:(?:has|have|had)\\s+)?(?:${SAID}))\\.$`,
	'u'
);
/** "…, according to the firm.", "…, said Tom Reid.": a closing attribution after its claim. */
const CLOSING_ACCORDING = /^([^"“”]{25,}?),\s+(?:according to|said|says)\s+([^,"“”]{2,60})\.$/;
/** "…, a Labour backbencher has said.": a closing attribution, kept with its claim. */
const ATTRIBUTION_TAIL = new RegExp(
	`^,\\s+(?:[^,"“”]{2,60}?\\s+(?:(?:has|have|had)\\s+)?(?:${SAID})|according to\\s+[^,"“”]{2,60}|(?:said|says)\\s+[^,"“”]{2,60})\\.$`
);
/** "Tom Reid, <key>, fed …": the key is an age or detail after a name. */
const AGE_KEY = new RegExp(`\\p{Lu}[\\p{L}'’.-]*,\\s+${KEY_MARK},`, 'u');

function cap(t: string): string {
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/**
 * `x` with its first word in lower case where it moves inside a sentence, unless that word is a
 * name: one of the article's names (`names`, lower case: the words it capitalises, and the pairs
 * of capitalised words it writes inside a sentence, "new york"; without them only small words are
 * lowered), a title ("Ms Mendelsohn", "Mayor Tom Reid"), a country, a
 * nationality, a month or a weekday.
 */
export function lowerStart(x: string, names?: Set<string>): string {
	const w = /^[A-Z][\p{L}'’-]*/u.exec(x)?.[0];
	if (!w || w === 'I' || /^[A-Z][a-z]*[A-Z'’]/.test(w)) return x;
	const lower = w.toLowerCase();
	const low = x.charAt(0).toLowerCase() + x.slice(1);
	if (STOPWORDS.has(lower)) return low;
	if (HONORIFICS.has(lower) || DEMONYMS.has(lower) || COUNTRY_BY_ALIAS.has(lower)) return x;
	// "Mayor Tom Reid": a title before a name keeps its capital.
	if (TITLE_WORDS.has(lower) && /^\s+[\p{Lu}\uE000]/u.test(x.slice(w.length))) return x;
	if (new RegExp(`^(?:${MONTH}|${WEEKDAY})$`).test(w)) return x;
	// "New York Attorney General …": a name of two words the article writes inside a sentence.
	const next = /^\s+(\p{Lu}[\p{L}'’-]*)/u.exec(x.slice(w.length))?.[1];
	if (next && names?.has(`${lower} ${next.toLowerCase()}`)) return x;
	return names && !names.has(lower) ? low : x;
}

/** Words a clause may open on after a cut-out aside: the comma before them stays. */
const CONJUNCTION = /^(?:but|and|though|although|while|whilst|whereas|as|because|so|yet|or)\b/i;

/** The frame with [from, to) cut out: joined by a comma before a conjunction, else by a space. */
function joinCut(t: string, from: number, to: number): string {
	const rest = t.slice(to);
	return t.slice(0, from) + (CONJUNCTION.test(rest) ? ', ' : ' ') + rest;
}

/**
 * The speaker of an inner attribution as it may stand after "According to": a name or a noun
 * phrase ("Junya Tanase of JPMorgan", "the report"), never a pronoun or a clause with a verb.
 */
function speakerPhrase(who: string): string | null {
	const w = who.trim();
	if (/^(?:he|she|they|it|we|i|you|one)$/i.test(w)) return null;
	if (!/^(?:the\s+|a\s+|an\s+)?[\p{L}][\p{L}.'’&-]*(?:\s+[\p{L}.'’&-]+){0,7}$/u.test(w))
		return null;
	if (/\b(?:is|was|are|were|has|have|had|will|would|who|which|that|when|as)\b/i.test(w))
		return null;
	// A name, or "the" and a noun phrase: not a bare adverb ("said recently").
	return /^(?:the|a|an)\s/i.test(w) || /^\p{Lu}/u.test(w)
		? w.replace(/^(?:The|A|An)\b/, (x) => x.toLowerCase())
		: null;
}

const MONTH =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
/** A date right after a weekday: "6 December", "December 6", "9th". */
const DATE_AFTER = new RegExp(`^,?\\s+(?:the\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\b|${MONTH}\\b)`);
/** The key right after a weekday, when the key is a date: "on Monday <key>". */
const KEY_AFTER = /^,?\s+(?:the\s+)?\uE000/;
const WEEKDAY_PHRASE = new RegExp(
	`,?\\s+(?:(?:around|by|until|till|from|before|after|since)\\s+)?(?:on|last|next|this)\\s+${WEEKDAY}(?:\\s+(?:morning|afternoon|evening|night))?\\b`,
	'g'
);
/** A clause about what is still to come: the weekday there was when it will happen. */
const FUTURE =
	/\b(?:will|would|shall|due|expected|scheduled|set to|is to|are to|was to|were to|plans? to|planned|going to)\b/i;
/** A time of another sort left in the statement. */
const OTHER_WHEN = new RegExp(
	`\\b(?:${MONTH}|\\d{4}|today|tomorrow|tonight|week|month|year|weekend|season|spring|summer|autumn|winter)\\b|\\b\\d{1,2}(?:st|nd|rd|th)\\b`,
	'i'
);
/** Verbs of saying: a weekday right after one tells when it was said, not when it will happen. */
const SAID_BEFORE =
	/\b(?:said|says|told|announced|confirmed|revealed|added|warned|reported|claimed|stated|insisted|admitted|argued)\s*$/i;

/**
 * The frame with its weekdays dropped ("on Friday" goes; "on Monday 6 December" keeps "on 6
 * December"), or null where a weekday was the only time of something still to come, or where two
 * or more go (they told things apart: "65 flights on Thursday, 180 on Friday").
 */
export function dropWeekdays(frame: string, keyIsDate = false): string | null {
	let lost = false;
	let dropped = 0;
	const t = frame.replace(WEEKDAY_PHRASE, (phrase: string, at: number, all: string) => {
		const after = all.slice(at + phrase.length);
		if (DATE_AFTER.test(after) || (keyIsDate && KEY_AFTER.test(after)))
			return phrase.replace(new RegExp(`\\s+${WEEKDAY}\\b`), '');
		const before = all.slice(0, at);
		if (FUTURE.test(before) && !SAID_BEFORE.test(before)) lost = true;
		dropped++;
		return '';
	});
	// "65 flights on Thursday, 180 on Friday": weekdays that told figures apart leave a bare list.
	if (dropped > 1) return null;
	if (lost && !(keyIsDate && t.includes(KEY_MARK)) && !OTHER_WHEN.test(t.replace(/\uE000/g, '')))
		return null;
	// "on Monday, 6 December" → "on 6 December": no comma left between the word and its date.
	return t.replace(
		new RegExp(
			`\\b(on|by|until|till|from|before|after|since),\\s+(?=(?:the\\s+)?(?:\\d|${MONTH}|\\uE000))`,
			'g'
		),
		'$1 '
	);
}

/**
 * "… will clean out spyware, constantly monitor what happens on a PC": a list of verb phrases
 * whose last item an "and" would close; cutting that item leaves the list without its "and".
 */
function verbList(kept: string): boolean {
	const m = /,\s+([a-z][a-z'-]*)\s[^,]*$/.exec(kept);
	return (
		!!m && !STOPWORDS.has(m[1] as string) && !/^(?:who|which|whose|where)$/.test(m[1] as string)
	);
}

/**
 * The frame cut down to the fact's clause (see the module comment), or why it cannot be.
 * `keyIsDate` tells that the key is a time ("on Monday <key>" keeps "on <key>"); `names` holds the
 * lower-case words of the article's names, which keep their capital inside a sentence.
 */
export function cutFrame(
	frame: string,
	keyIsDate = false,
	names?: Set<string>
): string | FrameProblem {
	let t = frame.trim();
	// Brackets: "$9bn (£4.6bn)", "(Les Choristes)".
	for (const m of t.matchAll(/\s*\(([^()]{0,80})\)/g))
		if ((m[1] as string).includes(KEY_MARK)) return 'answer-in-aside';
	t = t.replace(/\s*\([^()]{0,80}\)/g, '');
	// Dashed asides: "BA will suspend the flights - which it says … - from 27 March."
	const paired = /\s+[-–—]\s+([^-–—]{1,160}?)\s+[-–—]\s+/.exec(t);
	if (paired) {
		if ((paired[1] as string).includes(KEY_MARK)) return 'answer-in-aside';
		t = t.slice(0, paired.index) + ' ' + t.slice(paired.index + paired[0].length);
	}
	const dash = /\s+[-–—]\s+/.exec(t);
	if (dash) {
		if (t.slice(dash.index).includes(KEY_MARK)) return 'answer-in-aside';
		t = t.slice(0, dash.index) + '.';
	}
	// "Jeffrey Royer, 41, fed …": an age or a detail between commas after a name.
	if (AGE_KEY.test(t)) return 'answer-in-aside';
	// "John Houston, 54, was due to stand …": an age after a name goes with it; before a relative
	// clause or another aside ("Mutu, 25, who …, is", "Mutu, 25, sacked by Chelsea, is", "Hazel
	// Gilbert, 40, an information manager, gave") the comma that opens the aside stays, so the aside
	// goes as a whole.
	t = t
		.replace(
			/(\p{Lu}[\p{L}'’.-]*|\uE000),\s+\d{1,3},\s+(?=(?:who|which|whose)\b|(?:an?|the|[a-z]+(?:ed|en))\s[^,"“”]{2,100},\s+[a-z])/u,
			'$1, '
		)
		.replace(/(\p{Lu}[\p{L}'’.-]*|\uE000),\s+\d{1,3},\s+/u, '$1 ');
	// ", who was also a concert promoter,": a relative clause, up to a comma before the main verb
	// or to the end; a key inside it is a detail of the clause, not the sentence's fact.
	const rel = /,\s+(?:who|which|whose|where)\b/.exec(t);
	if (rel) {
		const from = rel.index;
		const close =
			/,\s+(?=(?:is|was|are|were|has|have|had|will|would|could|can|may|might|must|said|says|told|added|[a-z]+ed|[a-z]+s)\b)/.exec(
				t.slice(from + rel[0].length)
			);
		// Rule relative-clause-resumes: "having skipper Gerrard, who was suspended, back for the
		// return": after the clause the main clause goes on with a particle or a preposition; only
		// the relative clause goes, not the words that complete the main verb.
		const resume = close
			? null
			: /,\s+(?=(?:back|home|out|up|down|off|away|on|in|into|for|to|at|from)\b)/.exec(
					t.slice(from + rel[0].length)
				);
		const shut = close ?? resume;
		const to = shut ? from + rel[0].length + shut.index : t.length;
		const key = t.indexOf(KEY_MARK);
		if (key > from && key < to) return 'answer-in-aside';
		if (shut) t = t.slice(0, from) + ' ' + t.slice(to + shut[0].length);
		else if (key < from) t = t.slice(0, from) + '.';
	}
	// "Ross Walker, UK economist at Royal Bank of Scotland, said …": an apposition after a name.
	// A description opened by "a" or "the" closes before any verb ("Hazel Gilbert, a nurse, gave").
	const appo =
		/(\p{Lu}[\p{L}'’.-]*|\uE000),\s+((?:a|an|the)\s+)?[^,"“”]{3,90}?,\s+(?=(?:said|says|told|added|has|have|had|is|was|will|would|[a-z]+ed)\b)/u.exec(
			t
		) ??
		/(\p{Lu}[\p{L}'’.-]*|\uE000),\s+(?:a|an|the)\s+[^,"“”]{3,90}?,\s+(?=[a-z]+\s)(?!(?:and|or|but|who|which|where|when|while|as)\b)/u.exec(
			t
		);
	const appoName = appo ? (appo[1] as string) : '';
	// "including BMW, General Motors, Toyota and Volkswagen, have": a list, not a description.
	const inList =
		!!appo &&
		/\p{Lu}[\p{L}'’.-]*,\s+(?:\p{Lu}[\p{L}'’.-]*\s+)*$/u.test(
			t.slice(0, appo.index + appoName.length).replace(/\S+$/, '')
		);
	if (
		appo &&
		!inList &&
		!appo[0].slice(appoName.length).includes(KEY_MARK) &&
		!/\d$/.test(appoName)
	)
		t = t.slice(0, appo.index + appoName.length) + ' ' + t.slice(appo.index + appo[0].length);
	// "Soon after Diaghilev's death in 1929, …": a key in an opening phrase is a detail, unless the
	// phrase is only the key as a time or place ("In 2001, …").
	const opening = /^([^,"“”]{3,70}),\s/.exec(t);
	if (
		opening &&
		(opening[1] as string).includes(KEY_MARK) &&
		/^(?:[A-Z][a-z]+ly|Soon|Shortly|Long|Just|Even|Ever|After|Before|Following|Despite|With|Without|Unlike|Like|Since|Until|As|Amid|Along)\b/.test(
			opening[1] as string
		) &&
		!/^(?:Since|Until|Before|After)\s+(?:the\s+)?(?:early\s+|late\s+|mid-)?\uE000$/.test(
			opening[1] as string
		)
	)
		return 'answer-in-aside';
	// A closing participle clause (", sparking the resignation of …") holds no fact of the clause.
	const ing = /,\s+[a-z]+ing\b/.exec(t);
	if (
		ing &&
		t.indexOf(KEY_MARK) > ing.index &&
		!/,\s+(?:during|including|according|following|regarding|concerning|something|nothing|anything|everything)\b/.test(
			ing[0]
		)
	)
		return 'answer-in-aside';
	// "Although X …, Y": a key in the opening subordinate clause is a detail.
	const sub =
		/^(?:Although|Though|While|Whilst|If|Unless|Because|As|When|Once|Whereas|Despite|Speaking|After|Before)\b[^,]*,/.exec(
			t
		);
	if (
		sub &&
		/^(?:Although|Though|While|Whilst|If|Unless|Because|As|When|Once|Whereas)\b/.test(sub[0]) &&
		sub[0].includes(KEY_MARK)
	)
		return 'answer-in-aside';
	// A weekday counts from the day of writing: "on Friday" goes; before a date only the weekday
	// goes ("on Monday 6 December" → "on 6 December"). Rule relative-time: where the weekday was the
	// time of something still to come ("The hearing will resume on Monday") and the statement has
	// no other time, nothing is left to say when: no statement.
	const weekday = dropWeekdays(t, keyIsDate);
	if (weekday === null) return 'relative-time';
	t = weekday;
	// "… and this deal has now been extended", "… and is now waiting": a second clause.
	const and =
		/\s+and\s+(?:is|was|are|were|has|have|had|will|would|could|can|it|he|she|they|there|this|these|its|their)\s/.exec(
			t
		);
	if (
		and &&
		t.indexOf(KEY_MARK) < and.index &&
		and.index > 30 &&
		!verbList(t.slice(0, and.index)) &&
		!/\b(?:both|between|either|neither)\b[^,;]*$/i.test(t.slice(0, and.index))
	)
		t = t.slice(0, and.index) + '.';
	// ", they claim,": a parenthetical attribution.
	const paren = PAREN_SAID.exec(t);
	if (paren) {
		if (paren[0].includes(KEY_MARK)) return 'answer-in-aside';
		t = joinCut(t, paren.index, paren.index + paren[0].length);
	}
	// ", said Junya Tanase of JPMorgan in Tokyo,": an attribution inside the sentence. A speaker
	// named by a noun phrase comes to the front ("According to Junya Tanase, …") where the clause
	// before it opens the sentence; otherwise it goes. A closing description of the speaker (",
	// said Tom Reid, director of Kelso Bank.") goes with the attribution.
	const saidIn = /,\s+(?:said|says|according to)\s+([^,"“”]{2,80}),\s+/.exec(t);
	if (saidIn) {
		if (saidIn[0].includes(KEY_MARK)) return 'answer-in-aside';
		const end = saidIn.index + saidIn[0].length;
		const rest = t.slice(end);
		const who = speakerPhrase(saidIn[1] as string);
		const conj = CONJUNCTION.test(rest);
		const describesSpeaker =
			/^[a-z][^,;"“”.]{0,80}\.$/.test(rest) &&
			!CONJUNCTION.test(rest) &&
			!/\b(?:is|was|are|were|has|have|had|will|would|can|could|may|might|must|should|did|does)\b/.test(
				rest
			);
		if (describesSpeaker) {
			if (rest.includes(KEY_MARK)) return 'answer-in-aside';
			t = t.slice(0, saidIn.index) + '.';
		} else t = joinCut(t, saidIn.index, end);
		if (
			who &&
			(!conj || t.indexOf(KEY_MARK) < saidIn.index) &&
			!/["“”]/.test(t) &&
			openingClause(t)
		)
			t = `According to ${who}, ${lowerStart(t, names)}`;
	}
	// ", with just 54% of companies calling it …": a closing "with" phrase is a detail.
	const withTail = /,\s+with\b/.exec(t);
	if (withTail && t.indexOf(KEY_MARK) > withTail.index) return 'answer-in-aside';
	// A second clause after a semicolon.
	const semi = t.indexOf(';');
	if (semi > 0) {
		if (t.slice(semi).includes(KEY_MARK)) return 'answer-in-aside';
		t = t.slice(0, semi) + '.';
	}
	// A closing aside: the last one the key is not in, with the key before it.
	// (after an attribution brought to the front: "According to X, a …" keeps its ", a")
	const from = /^According to [^,"“”]{2,80},\s+/.exec(t)?.[0].length ?? 0;
	const tail = TAIL.exec(t.slice(from));
	const at = tail ? from + tail.index : -1;
	// "…, a Labour backbencher has said.": who said it is part of the fact, not an aside.
	const attribution = tail && ATTRIBUTION_TAIL.test(t.slice(at));
	if (tail && at > 30 && t.indexOf(KEY_MARK) < at && !attribution) t = t.slice(0, at) + '.';
	// A cut after a comma leaves no ",." behind, and no conjunction the cut clause opened on
	// ("… during the 1980s but." → "… during the 1980s.").
	return t
		.replace(/\s+([,.;:])/g, '$1')
		.replace(/[,;:]+\./g, '.')
		.replace(/\s+(?:but|and|or|yet|so|while|whereas)\.$/i, '.')
		.replace(/\s{2,}/g, ' ');
}

/**
 * The cut frame reworded: an opening setting moved to the end of a simple clause (dropped before
 * a clause-taking verb, kept when it is the fact: "Previously, …"), a closing attribution brought
 * to the front, and, when nothing else changed, "X said Y" as "According to X, Y". `names` holds
 * the lower-case words of the article's names, which keep their capital inside a sentence.
 */
export function reword(frame: string, names?: Set<string>): string {
	let t = frame;
	const lowerFirst = (x: string) => {
		const w = /^[A-Z][a-z]+\b/.exec(x)?.[0];
		if (!w)
			return /^[A-Z]{2,}|^\d|^[$£€]|^\uE000/.test(x) || /^[A-Z][a-z]*[A-Z]/.test(x) ? x : null;
		return lowerStart(x, names);
	};
	// "Sales rose 5%, according to the firm." → "According to the firm, sales rose 5%."; "Sales rose
	// 5%, said Tom Reid." → "According to Tom Reid, sales rose 5%."
	const closing = CLOSING_ACCORDING.exec(t);
	const who = closing && speakerPhrase(closing[2] as string);
	if (closing && who && openingClause(closing[1] as string)) {
		const body = lowerFirst(closing[1] as string);
		if (body) return `According to ${who}, ${body}.`;
	}
	// "Sales rose 5%, the firm said." → "The firm said that sales rose 5%."
	const said = CLOSING_SAID.exec(t);
	if (said) {
		const body = lowerFirst(said[1] as string);
		if (body) return `${cap(said[2] as string)} ${said[3]} that ${body}.`;
	}
	if (!CONTRAST_OPEN.test(t)) {
		const setting = SETTING.exec(t);
		const aside = setting ? null : ASIDE_OPEN.exec(t);
		const open = setting ?? aside;
		const rest = open ? t.slice(open[0].length) : '';
		// "With French, German and British leaders, …": the comma only ended an item of a list.
		const list = /^[^\s,]+(?:\s+[^\s,]+)?,/.test(rest) || /^(?:and|or)\b/i.test(rest);
		if (open && rest.length > 30 && !list && !/["“”]/.test(open[1] as string)) {
			const phrase = open[1] as string;
			const simple = !CLAUSE_VERB.test(rest) && !rest.includes(',') && !/["“”]/.test(rest);
			if (setting && simple && /\.$/.test(rest)) {
				// "In 2000, EU leaders met in Lisbon." → "EU leaders met in Lisbon in 2000."
				const moved = phrase.charAt(0).toLowerCase() + phrase.slice(1);
				return `${cap(rest.slice(0, -1))} ${moved}.`;
			}
			if (!phrase.includes(KEY_MARK)) t = cap(rest);
		}
	}
	return t;
}

/**
 * "Analysts said Absa's forecast was better." → "According to analysts, Absa's forecast was better."
 * A verb that may also take a thing ("reported a 22% fall", "estimated 5.2 million") only with
 * "that" after it.
 */
export function accordingTo(frame: string, names?: Set<string>): string | null {
	const m =
		/^((?:[A-Z\uE000][\p{L}.'’-]*|the|of|and)(?:\s+(?:[A-Z\uE000][\p{L}.'’-]*|[a-z][\p{L}-]*)){0,5})\s+((?:said|says|believes|thinks|argued|insisted)(?:\s+that)?|told\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})\s+that|(?:claims|claimed|warned|stated|declared|added|reported|announced|confirmed|revealed|estimates|estimated|predicts|predicted)\s+that)\s+([\p{L}\uE000$£€\d].{20,})$/u.exec(
			frame
		);
	if (!m) return null;
	const who = m[1] as string;
	const clause = m[3] as string;
	// "An estimated 5.2 million …", "Launching the plan Mr Clarke said …", "At a press conference
	// Intel said …": no speaker of its own.
	if (
		/^(?:a|an|the)$/i.test(who) ||
		/^[A-Z][a-z]+ing\b/.test(who) ||
		/^(?:at|in|on|for|from|with|by|after|before|during|as|when|while|if|but|and|so|of)\b/i.test(who)
	)
		return null;
	// Quoted words inside the clause stay whole: the quotation opens and closes in it.
	if (
		(clause.match(/"/g) ?? []).length % 2 === 1 ||
		(clause.match(/“/g) ?? []).length !== (clause.match(/”/g) ?? []).length ||
		/["“”]/.test(who)
	)
		return null;
	// The speaker is a noun phrase with no verb of its own, and the clause no pronoun for the speaker.
	if (
		/\b(?:who|which|that|has|have|had|is|was|were|are|now|also|still|then|already|recently|again|repeatedly|too)\b/.test(
			who
		)
	)
		return null;
	if (/^(?:he|she|they|it|his|her|its|their)\b/i.test(clause)) return null;
	// "Blair said Labour would act and attacked the Tory plans": a second verb of the speaker's.
	if (
		/\band\s+(?:also\s+)?(?:[a-z]+ed|said|told|gave|made|took|went|came|spoke|met)\b/.test(clause)
	)
		return null;
	// "said in a statement …", "said yesterday …": what follows the verb is no clause of its own.
	if (
		/^(?:in|on|at|during|yesterday|today|tonight|last|earlier|later|recently|previously|now|also|to|then|this|that|after|before|when|while|as|if|of|for|with|by|it|i|we|you)\b/i.test(
			clause
		) ||
		!openingClause(clause)
	)
		return null;
	return `According to ${lowerStart(who, names)}, ${clause}`;
}

/** Whether `clause` may follow "According to X, ": it opens on its subject, not a verb or "so". */
function openingClause(clause: string): boolean {
	return !/^(?:was|were|is|are|has|have|had|will|would|could|can|should|may|might|must|did|does|do|so|such|not)\b/i.test(
		clause.trim()
	);
}

/** A figure as it may stand after a bound word: "500", "£5m", "five", "a third". */
const FIGURE = String.raw`(?=[$£€]?\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|a thousand|a million|a billion|half|a third|a quarter)\b)`;
/** Words before "more than" that make it no plain bound ("no more than", "far more than"). */
const NOT_PLAIN = String.raw`(?<!\b(?:no|not|any|little|much|far|slightly|even|nothing|hardly|barely|rather|somewhat|a bit|a lot|one|\d+|times)\s)`;
const BOUND_WORDS: [RegExp, string][] = [
	[new RegExp(`${NOT_PLAIN}\\b([Mm])ore than\\s+${FIGURE}`), '$1'],
	[new RegExp(`${NOT_PLAIN}\\b([Ff]ewer|[Ll]ess) than\\s+${FIGURE}`), '$1'],
	[/\bat the age of\s+(?=\d)/, 'aged ']
];

/**
 * The frame with a bound said in other words of the same meaning: "more than 500" → "over 500",
 * "fewer than 20" → "under 20", "at the age of 85" → "aged 85"; null where none stands.
 */
export function boundWords(frame: string): string | null {
	for (const [re, to] of BOUND_WORDS) {
		const m = re.exec(frame);
		if (!m) continue;
		const word =
			to === 'aged '
				? to
				: /^[MF]|^L/.test(m[1] as string)
					? /^M/.test(m[1] as string)
						? 'Over '
						: 'Under '
					: /^m/.test(m[1] as string)
						? 'over '
						: 'under ';
		return frame.slice(0, m.index) + word + frame.slice(m.index + m[0].length);
	}
	return null;
}

/** Words that lean on something the statement does not say: "sooner" (than what?), "Of that". */
const ANCHORLESS =
	/\b(?:of|for|from|among|in|with|by|on|to)\s+(?:that|this|these|those|them)\b(?=\s*(?:[,.;]|to\b|is\b|was\b|will\b|would\b|$))|\bas a result\b(?!\s+of)|\b(?:these|those)\b(?!\s+(?:days|years))|\bthis\b(?!\s+(?:year|month|week|season|summer|winter|spring|autumn|morning|evening|weekend|time))|\b(?:sooner|followed suit|the same(?!\s+(?:as|time|day|year|month|week|period|name))|the latter|instead|meanwhile|likewise|either|so far|as well)\b|\b(?:later|earlier|again|too|afterwards)[.!]?$|^(?:Of|Among|From|In|For)\s+(?:that|this|these|those|them|which|it)\b/i;

/** Whether a statement stands alone: no pointing back, no description of an unnamed subject. */
export function statementStandsAlone(
	doc: Parameters<typeof definiteReference>[0],
	statement: string,
	sentenceStart: number
): boolean {
	const plain = statement.replace(/["“][^"”]*["”]/g, ' ');
	if (ANCHORLESS.test(plain)) return false;
	// "EC President Jos&#233.": a sentence cut at a character code.
	if (/&#?\w+;?/.test(statement)) return false;
	// "So why Britain and why UKIP …", "As Oliver Letwin said.": a question or a fragment.
	if (
		/^(?:Why|How|What|Who|Whom|Which|Where|When|So|Other|Another|The other|The rest)\b/.test(
			statement
		)
	)
		return false;
	if (/^As\b[^,]*\b(?:said|says|put it|noted)\.$/.test(statement)) return false;
	// "… would be ready around.": a cut that left a preposition or article hanging.
	if (
		/\b(?:around|about|by|of|to|in|on|at|for|with|from|and|or|the|a|an|than|until)\.$/i.test(
			statement
		)
	)
		return false;
	// "Back in England, she and Anton Dolin …": a pronoun opening the clause.
	const opening = plain.split(/\s+/).slice(0, 6);
	const pronoun = opening.findIndex((w) =>
		/^(?:he|she|it|they|his|her|its|their|this|these|those|him|them)$/i.test(
			w.replace(/[,.;:]$/, '')
		)
	);
	if (pronoun === 0 || (pronoun > 0 && /,$/.test(opening[pronoun - 1] as string))) return false;
	if (anaphoricOpener(statement) || possessiveWithoutName(statement)) return false;
	return !definiteReference(doc, statement, sentenceStart);
}

/** Things there is only one of in a story's world: "The government said …" needs no name. */
const ONE_OF_A_KIND =
	/^(?:government|economy|police|public|market|markets|world|weather|industry|opposition|prime|president|pope|queen|king|army|navy|church|media|press|internet|web|euro|dollar|pound|country|nation|city|capital|sun|moon|earth|league|premiership|cabinet|treasury|parliament|commons|lords|chancellor|monarchy|stock|average|majority|minority|rest|latest)$/;
/** Nouns of a quantity that the "of" phrase after them names: "The number of jobs rose". */
const MEASURE =
	/^(?:number|amount|rate|price|prices|cost|costs|value|level|proportion|share|majority|total|average|percentage|size|scale|sale|sales|volume|use|risk|chance|odds|age)$/;
/** What names a thing right after its noun: a name, "of Shell", "to build …", "that …". */
const NAMED_AFTER =
	/^(?:['’]s\s+\p{Lu}|\s+(?:["“]|\p{Lu}|\d|(?:of|with|by|for|between)\s+(?:the\s+)?(?:\p{Lu}|\d)|(?:that|who|whom|which|whose|where|to\s+[a-z]+|called|named|dubbed|titled|known as)\b))/u;
/** Nouns of a plan, a deal or an event: "the idea", "the move" lean on the story told before. */
const REFERENCE_NOUN =
	/\bthe\s+(idea|ideas|plan|plans|move|deal|deals|scheme|proposal|proposals|decision|agreement|bid|offer|project|incident|tragedy|row|dispute|scandal|affair|findings|measure|measures|initiative|venture|merger|takeover|purchase|project)\b/giu;
/** People named by their walk of life: "Investors sold …" needs no name. */
const PEOPLE_PLURAL =
	/^(?:\w+(?:ers|ors|ists|ians|ants|ents|ees|ives)|people|police|officials|experts|analysts|investors|economists|critics|campaigners|fans|residents|voters|consumers|users|customers|shoppers|workers|doctors|parents|children|students|teachers|scientists|researchers|women|men|families|staff|troops|soldiers|ministers|leaders|politicians|judges|MPs|players|viewers|readers|listeners|pupils|patients|victims|citizens|firms|companies|banks|retailers)$/i;

/** Whether the article's title names `noun` (a word of it, with or without a plural "s"). */
function titleNames(title: string | undefined, noun: string): boolean {
	if (!title) return false;
	const words = title.toLowerCase().match(/[\p{L}-]+/gu) ?? [];
	const bare = noun.toLowerCase().replace(/s$/, '');
	return words.some((w) => w === noun.toLowerCase() || w.replace(/s$/, '') === bare);
}

/**
 * Rule unresolved-reference: what a statement leans on that it does not say, or null. "They",
 * "them" or "their" outside quotation marks with no plural name, "X and Y" or plural subject before
 * it ("earned them a 2-1 win"); "the idea", "the plan", "the move", "the deal" and the like, not
 * named right after ("the plan to build …", "the deal with Shell"). Rule unnamed-subject: an
 * opening "The <common noun>" ("The tragedy has left …", "The draft law was not adopted") or a bare
 * plural of things ("Details are contained in …") that the statement does not name, unless the
 * article's title names it. A noun of which there is one in the story's world ("The government"),
 * a measure ("The number of …") and people by their walk of life ("Investors") need no name.
 */
export function contextGap(
	statement: string,
	title?: string,
	names?: Set<string>
): 'unresolved-reference' | 'unnamed-subject' | null {
	const plain = statement.replace(/["“][^"”]*["”]/g, '""');
	const they = /\b(?:they|them|their|theirs|themselves)\b/i.exec(plain);
	if (they) {
		const before = plain.slice(0, they.index);
		const anchored =
			// "the Tories", "Chelsea and Arsenal", "Chelsea have …", "Investors … their"
			pluralName(before, names) ||
			/\p{Lu}[\p{L}.'’-]*\s+(?:and|&)\s+(?:the\s+)?\p{Lu}/u.test(before) ||
			/\p{Lu}[\p{L}.'’-]*\s+(?:have|are|were)\b/u.test(before) ||
			pluralSubject(before);
		if (!anchored) return 'unresolved-reference';
	}
	for (const m of plain.matchAll(REFERENCE_NOUN)) {
		const after = plain.slice((m.index ?? 0) + m[0].length);
		if (!NAMED_AFTER.test(after) && !titleNames(title, m[1] as string))
			return 'unresolved-reference';
	}
	// "According to the paper, the club …", "In March, the club …": the speaker and the subject
	// after an opening phrase.
	const source = /^According to\s+([^,]{2,80}),\s+/.exec(plain);
	const openings = source
		? [source[1] as string, plain.slice(source[0].length)]
		: [plain.replace(/^(?:In|On|At|During|Last|Earlier|Since|By)\b[^,]{1,40},\s+/, '')];
	for (const body of openings) if (unnamedThe(body, title)) return 'unnamed-subject';
	const bare = /^(\p{Lu}[a-z-]+s)\s+(\S+)/u.exec(plain);
	if (bare) {
		const word = bare[1] as string;
		const lower = word.toLowerCase();
		const rest = plain.slice(word.length);
		if (
			!/(?:ss|us|is)$/.test(lower) &&
			!STOPWORDS.has(lower) &&
			!(names && names.has(lower)) &&
			!DEMONYMS.has(lower.replace(/s$/, '')) &&
			!PEOPLE_PLURAL.test(word) &&
			!NAMED_AFTER.test(rest) &&
			!titleNames(title, lower) &&
			/^(?:are|were|have|had|will|would|can|could|may|might|must|should|show|showed|suggest|suggested|[a-z]+ed|of|for|on|in|at|from|to|about)$/.test(
				bare[2] as string
			)
		)
			return 'unnamed-subject';
	}
	return null;
}

/** Whether `body` opens on "the" and a common noun it does not name ("The tragedy has left …"). */
function unnamedThe(body: string, title?: string): boolean {
	// "The 32-year-old will race …": a person by age alone.
	if (/^[Tt]he\s+\d+-year-old\b/.test(body)) return true;
	const the = /^[Tt]he\s+((?:[a-z][a-z-]*\s+){0,2}?)([a-z][a-z-]*)\b/.exec(body);
	if (!the) return false;
	const head = the[2] as string;
	const after = body.slice(the[0].length);
	return (
		!/^(?:same|first|last|next|new|other|latest|former)$/.test(head) &&
		!STOPWORDS.has(head) &&
		!ONE_OF_A_KIND.test(head) &&
		!(MEASURE.test(head) && /^\s+of\b/.test(after)) &&
		!NAMED_AFTER.test(after) &&
		!titleNames(title, head)
	);
}

/** "Investors …", "Many analysts say …": a plural noun among the first words, before its verb. */
function pluralSubject(before: string): boolean {
	const words = before.split(/\s+/).slice(0, 6);
	return words.some((w, i) => {
		const x = w.replace(/[,.;:]$/, '');
		if (PEOPLE_PLURAL.test(x)) return true;
		return (
			/^[a-z-]{3,}s$/.test(x) &&
			!/(?:ss|us|is)$/.test(x) &&
			/^(?:are|were|have|had|will|would|could|can|may|must|should|do|did|say|said|[a-z]+ed)$/.test(
				words[i + 1] ?? ''
			)
		);
	});
}

/** A plural name among `before`: one of the article's names ("Tories"), a people ("Americans"), "MPs". */
function pluralName(before: string, names?: Set<string>): boolean {
	for (const m of before.matchAll(/\b(\p{Lu}[\p{L}'’-]*[^s'’\s])s\b/gu)) {
		const lower = m[0].toLowerCase();
		if (/^[A-Z]{2,}s$/.test(m[0]) || DEMONYMS.has(lower.replace(/s$/, ''))) return true;
		if (names?.has(lower)) return true;
	}
	return false;
}

/**
 * Rule garbled-statement: a slip of the article's own that a statement would repeat: a word written
 * twice ("the the"), two time words in a row ("following after the win"), or a line that is a
 * labelled list, not a sentence ("Replacements: Rees for Hart, …").
 */
export function garbled(statement: string): boolean {
	if (/^[\p{Lu}][\p{L} ]{0,30}:\s/u.test(statement)) return true;
	const doubled = /\b([\p{L}]+)\s+\1\b/iu.exec(statement);
	if (doubled && !/^(?:had|that|is|do|very|far|so|bye|no|yes)$/i.test(doubled[1] as string))
		return true;
	return /\b(?:after|before|following|during|since|until)\s+(?:after|before|following|during|since|until)\b/i.test(
		statement
	);
}

/** Verbs `pluralAgreement` may change, compared as one word by the copy test. */
const AGREEMENT: Record<string, string> = { says: 'say', has: 'have', is: 'are', was: 'were' };

/**
 * The words of a statement for the copy test: lower case, without brackets, possessive "'s" or
 * punctuation; `name` marks a capitalised word that is no small word (a name written out for a
 * reference, "Aston Moore" for "Moore", "Shell's" for "its").
 */
function copyWords(x: string): { w: string; name: boolean }[] {
	const out: { w: string; name: boolean }[] = [];
	const plain = x.replace(/\s*\([^()]*\)/g, ' ').replace(/['’]s\b/g, '');
	for (const m of plain.matchAll(/[\p{L}\p{N}]+/gu)) {
		const raw = m[0];
		const lower = raw.toLowerCase();
		out.push({
			w: AGREEMENT[lower] ?? lower,
			name: /^\p{Lu}/u.test(raw) && !STOPWORDS.has(lower) && lower !== 'according'
		});
	}
	return out;
}

/**
 * Rule copied-statement: a statement is the article's sentence copied when its words are the
 * sentence's words in the same order with only deletions: an opening phrase, "also", a closing
 * clause or an aside dropped, brackets gone, capitals changed. A name written out for a reference
 * ("Aston Moore" for "Moore", "Shell" for "the firm") still counts as the sentence's words. Only a
 * real rewording (words moved, "According to", "that", "aged", "over") makes it not a copy.
 */
export function copiedFrom(statement: string, sentence: string): boolean {
	const a = copyWords(statement);
	const b = copyWords(sentence).map((x) => x.w);
	const n = a.length;
	const m = b.length;
	// fit[i][j]: the statement's words from i on are found in order among the sentence's from j on,
	// passing over names written out.
	const fit: boolean[][] = Array.from({ length: n + 1 }, () =>
		new Array<boolean>(m + 1).fill(false)
	);
	for (let j = 0; j <= m; j++) (fit[n] as boolean[])[j] = true;
	for (let i = n - 1; i >= 0; i--) {
		const row = fit[i] as boolean[];
		const next = fit[i + 1] as boolean[];
		const word = a[i] as { w: string; name: boolean };
		row[m] = word.name && (next[m] as boolean);
		for (let j = m - 1; j >= 0; j--)
			row[j] =
				(word.w === b[j] && (next[j + 1] as boolean)) ||
				(row[j + 1] as boolean) ||
				(word.name && (next[j] as boolean));
	}
	return (fit[0] as boolean[])[0] as boolean;
}

/** "The Liberal Democrats says": a party written out for "The party" takes a plural verb. */
export function pluralAgreement(statement: string): string {
	return statement.replace(
		/\b((?:Liberal )?Democrats|Conservatives|Tories|Greens|Nationalists|Republicans|Socialists|Unionists) (says|has|is|was)\b/g,
		(_, who: string, verb: string) =>
			`${who} ${({ says: 'say', has: 'have', is: 'are', was: 'were' } as Record<string, string>)[verb]}`
	);
}

const OTHER_TIME = new RegExp(`\\b(?:${MONTH}|\\d{4}|and|but|or|while|ago|he|she|it|they)\\b`);
/** A closing time or place: "in 1983", "on 5 May 2004", "in London", the key's own place. */
const CLOSING_SETTING = new RegExp(
	`^(.{25,}?)\\s+((?:in|on|during)\\s+(?:\\uE000|(?:\\d{1,2}\\s+)?${MONTH}(?:\\s+\\d{4})?|\\d{4}))\\.$`,
	'u'
);

/** A time inside a simple clause, before a closing phrase: "in 2003 for £150m". */
const INNER_SETTING = new RegExp(
	`^(.{20,}?)\\s+((?:in|on|during)\\s+(?:\\uE000|(?:\\d{1,2}\\s+)?${MONTH}(?:\\s+\\d{4})?|\\d{4}))\\s+((?:by|for|at|from|with|in|on|after|against)\\s[^,;"“”]{2,60})\\.$`,
	'u'
);
/** A participle that is the main verb after its auxiliary: "was founded", "were sold". */
const MAIN_PARTICIPLE = /\b(?:is|was|are|were|be|been|being)\s+(?:\w+ly\s+)?[a-z]+(?:ed|en)$/;

/** Nouns of events that have a date of their own. */
const EVENT_NOUN =
	/\b(?:match|matches|game|games|meeting|meetings|election|elections|summit|final|finals|semi-final|tie|race|concert|show|ceremony|vote|hearing|trial|talks|conference|festival|launch|deadline|tournament|fixture|clash|visit|debut|premiere|release|opening|auction|sale|party|celebration|event|derby|leg|round)\b/i;

/**
 * "Conti received an Oscar in 1983." → "In 1983, Conti received an Oscar.": a closing time or place
 * of a simple clause brought to the front, so the statement is not the sentence copied. Null when
 * the clause takes another clause (the time might then belong to it) or has a comma or quotation.
 */
export function frontSetting(frame: string, names?: Set<string>, keyIsTime = true): string | null {
	// At the end, or before a closing phrase of the same clause ("… Lanigan in 2003 for £150m.").
	const m = CLOSING_SETTING.exec(frame) ?? INNER_SETTING.exec(frame);
	if (!m) return null;
	const head = m[1] as string;
	const tail = m[3] ? ` ${m[3]}` : '';
	const body = head + tail;
	if (!keyIsTime && (m[2] as string).includes(KEY_MARK)) return null;
	// Another time, a second clause or a pronoun in the body: the time may not be the main verb's.
	if (CLAUSE_VERB.test(body) || /[,;"“”]/.test(body)) return null;
	if (OTHER_TIME.test(body)) return null;
	// "… the test version unveiled in November": the time belongs to the participle before it,
	// unless that is the main verb ("was founded in 1921").
	if (/\b[a-z]+(?:ed|en)$/.test(head) && !MAIN_PARTICIPLE.test(head)) return null;
	// "… involved the ex-president jailed for 12 years in 2003": a second verb form may take it.
	if ((body.match(/\b[a-z]{3,}ed\b/g) ?? []).length > 1) return null;
	// "… has been dropped for the match with Ireland in Dublin on 12 March": after a perfect or
	// beside an event the time may be the event's ("the match on 12 March"), not the verb's.
	if (/\b(?:has|have)\s+(?:been\s+)?[a-z]+(?:ed|en|t)\b/.test(body)) return null;
	if (EVENT_NOUN.test(head.split(/\s+/).slice(-5).join(' '))) return null;
	return `${cap(m[2] as string)}, ${lowerStart(body, names)}.`;
}

/** A predicate that counts on someone said before: "is another player", "was the other one". */
const POINTER_PREDICATE =
	/\b(?:is|was|are|were|becomes|became|remains|joins|joined)\s+(?:now\s+|also\s+)?(?:another|the other|one more|yet another|the latest)\b|\b(?:says?|said|thinks?|thought|believes?|believed|hopes?|hoped|did|does|do)\s+so\b/i;

/**
 * Rule discourse-words: words that tie the sentence to the one before it go ("But", "And" or "So"
 * at the start; "also", "again", "too", "as well"), so the statement reads on its own: "But Tim Reid
 * has also won again" → "Tim Reid has won". Null where the statement rests on another sentence for
 * what it says ("Tim Reid is another player on the sidelines", "Ann Lee says so herself", "The
 * Belgian has not raced since"): no statement.
 */
export function withoutDiscourse(frame: string): string | null {
	const plain = frame.replace(/["“][^"”]*["”]/g, '""');
	if (POINTER_PREDICATE.test(plain) || /^(?:Another|The other)\b/.test(plain)) return null;
	// "The Belgian has not competed since …": a person named by a nationality alone.
	const people = /^The\s+(\p{Lu}\p{Ll}+)\s+(?!(?:of|and)\b)\p{Ll}/u.exec(plain)?.[1];
	if (people && DEMONYMS.has(people.toLowerCase())) return null;
	// "But won't voters …?", "And while Ann Lee …": with the link gone, a question or a fragment.
	if (/\?$/.test(frame.trim())) return null;
	if (/\bnot only\b/i.test(plain)) return frame;
	const t = frame
		.replace(
			/^(?:(?:But|And|So|Yet|Also|However|Meanwhile),?|(?:Yes|No|Well|Of course),)\s+(?=[\p{L}\uE000\d$£€])/u,
			''
		)
		.replace(/,\s+(?:too|also|as well),/g, ',')
		.replace(/(?<!["“][^"”]*)\s+(?:also|(?:once\s+)?again)\b(?!\s+(?:known|called)\b)/g, '')
		.replace(/,?\s+(?:too|as well)(?=[.!?]$)/, '')
		.replace(/\s{2,}/g, ' ');
	if (/^(?:while|whilst|whereas|although|though|because|unless)\b[^,]*$/i.test(t)) return null;
	return cap(t);
}

/** Openings after which a comma before the verb is due: a setting or a clause of their own. */
const OPENING_PHRASE =
	/^(?:In|On|At|During|After|Before|Since|For|With|Without|Although|Though|While|Whilst|When|If|As|Despite|Like|Unlike|Once|Until|By|Under|According|Last|This|Earlier|Later|Now|Yesterday|Today|[A-Z][a-z]+ly|[A-Z][a-z]+ing)\b/;

/**
 * Rule stray-comma: "Frank Reid's 1946 film starring Ann Lee, is being remade": a lone comma
 * between a subject and its verb, left where the sentence lost the name it put in apposition,
 * goes. A comma after an opening phrase ("In 2004, was …" never stands; "Last year, …") stays.
 */
export function straySubjectComma(statement: string): string {
	const m = /^([^,;"“”]{10,120}),\s+(?=(?:is|was|are|were|has|have|had|will|would)\s)/.exec(
		statement
	);
	if (!m || OPENING_PHRASE.test(m[1] as string)) return statement;
	return `${m[1]} ${statement.slice(m[0].length)}`;
}

/** Nouns "that" may point at with no "that" clause after it: a thing told before. */
const THAT_NOUN_AFTER = /^(?:[.,;:!?]|$)/;

/**
 * Rule demonstrative-reference: "… met that target", "at that point", "this plan": a phrase that
 * points at something the statement never names (the target was set in a sentence before). A
 * learner judging the statement alone cannot tell which. "that" opening a clause ("said that
 * sales rose") and "this year" are no such phrase.
 */
export function demonstrativeReference(statement: string): boolean {
	const plain = statement.replace(/["“][^"”]*["”]/g, '""');
	for (const m of plain.matchAll(/\b(that|this|these|those)\s+([a-z][a-z-]+)\b/g)) {
		const word = m[1] as string;
		const noun = m[2] as string;
		if (STOPWORDS.has(noun) || /(?:ed|ly|ing)$/.test(noun)) continue;
		if (
			word !== 'that' &&
			/^(?:year|month|week|season|summer|winter|spring|autumn|morning|evening|weekend|time|days|years)$/.test(
				noun
			)
		)
			continue;
		const before = plain.slice(0, m.index).trimEnd();
		const after = plain.slice((m.index ?? 0) + m[0].length).trimStart();
		if (word === 'that') {
			// After a preposition "that" can only point ("at that point"); elsewhere only a noun
			// that ends its phrase ("met that target.") is pointed at, not a clause's subject.
			const prep =
				/\b(?:at|by|from|since|until|in|on|of|for|with|to|into|over|under|about|after|before|during)$/i.test(
					before
				);
			if (!prep && (!THAT_NOUN_AFTER.test(after) || /s$/.test(noun))) continue;
			if (/^(?:none|all|some|most|many|much|each|every|one|both)$/.test(noun)) continue;
			if (/^(?:is|was|means|matters|happens|happened|said|says)$/.test(noun)) continue;
		}
		return true;
	}
	return false;
}

/** Past forms of verbs that take an object, with the participle a passive needs. */
const TRANSITIVE: Record<string, string> = {
	beat: 'beaten',
	bought: 'bought',
	sold: 'sold',
	won: 'won',
	wrote: 'written',
	chose: 'chosen',
	hired: 'hired',
	signed: 'signed',
	appointed: 'appointed',
	acquired: 'acquired',
	launched: 'launched',
	released: 'released',
	rejected: 'rejected',
	approved: 'approved',
	criticised: 'criticised',
	criticized: 'criticized',
	backed: 'backed',
	denied: 'denied',
	announced: 'announced',
	unveiled: 'unveiled',
	published: 'published',
	founded: 'founded',
	sacked: 'sacked',
	fined: 'fined',
	banned: 'banned',
	defeated: 'defeated',
	overtook: 'overtaken',
	replaced: 'replaced',
	awarded: 'awarded',
	recorded: 'recorded',
	produced: 'produced',
	directed: 'directed',
	designed: 'designed',
	developed: 'developed',
	introduced: 'introduced',
	blocked: 'blocked',
	accused: 'accused',
	charged: 'charged',
	arrested: 'arrested',
	sued: 'sued',
	ordered: 'ordered',
	delayed: 'delayed',
	postponed: 'postponed',
	cancelled: 'cancelled',
	completed: 'completed',
	hosted: 'hosted',
	visited: 'visited',
	elected: 'elected'
};

/** A name as a subject: capitalised words (an "of" or "&" inside), or the key. */
const NAME_SUBJECT = String.raw`(?:\uE000|\p{Lu}[\p{L}.'’&-]*(?:\s+(?:of\s+|&\s+)?\p{Lu}[\p{L}.'’&-]*){0,4})`;
/** An object phrase that opens on a determiner, a possessive name or the key. */
const OBJECT = String.raw`(?:(?:the|a|an|his|her|its|their|\p{Lu}[\p{L}.'’-]*['’]s)\s+[^,;:"“”()]{2,60}?|\uE000|\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3})`;
const PASSIVE_SOURCE = new RegExp(
	String.raw`^(${NAME_SUBJECT})\s+([a-z]+)\s+(${OBJECT})((?:\s+(?:in|on|at|during|after|last|this|over|against)\b[^,;:"“”]*)?)\.$`,
	'u'
);

/**
 * Rule passive-rewording: "Kellan bought Lanigan in 2003." → "Lanigan was bought by Kellan in
 * 2003.": a true statement of one clause (a name, a verb that takes an object, its object, and at
 * most a phrase of time, place or price after it) said in the passive, so that it is a real
 * rewording and not the article's sentence read back. Null where the sentence is not so simple.
 */
export function passiveVoice(frame: string, names?: Set<string>): string | null {
	const m = PASSIVE_SOURCE.exec(frame);
	if (!m) return null;
	const [, subject, verb, object, rest] = m as unknown as string[];
	// The subject is a name: the key, or words the article writes as a name ("Shares" is none).
	const subj = subject as string;
	if (
		subj !== KEY_MARK &&
		!/^[A-Z]{2,}/.test(subj) &&
		!(names && names.has((subj.split(/\s+/)[0] as string).toLowerCase()))
	)
		return null;
	if (/^(?:his|her|its|their)\b/.test(object as string)) return null;
	const part = TRANSITIVE[verb as string];
	if (!part) return null;
	// The object must end its phrase: no verb, clause word or second object inside it.
	const obj = object as string;
	if (
		/\b(?:and|or|but|that|which|who|whom|whose|is|was|are|were|has|have|had|will|would|said|says|as|than|if|when|while)\b/.test(
			obj
		) ||
		/\b(?:and|or|but|that|which|who|is|was|are|were|has|have|had|will|would|as|than|while|when)\b/.test(
			rest as string
		) ||
		/\b[a-z]{3,}ed\b/.test(rest as string)
	)
		return null;
	// "beat Arsenal 2-1": a score or figure straight after the object belongs to the verb; a phrase
	// after it longer than a time or a place ("in Games history with a time of …") may be the noun's.
	if (/^\s+\d/.test(rest as string) || /\d+-\d+/.test(obj)) return null;
	if ((rest as string).split(/\s+/).length > 6 || /\bwith\b/.test(`${obj} ${rest}`)) return null;
	if (obj.split(/\s+/).length > 8) return null;
	// The head is the noun before the object's own phrase: "the rights to the show" → "rights".
	const head = obj
		.split(/\s+(?:of|to|for|in|on|at|with|from|\p{Ll}+ing)\s+/u)[0]!
		.split(/\s+/)
		.pop() as string;
	const plural =
		/[^s'’]s$/.test(head) && !/(?:ss|us|is|ics|news)$/.test(head) && !/^\p{Lu}/u.test(head);
	const be = plural ? 'were' : 'was';
	const opening = obj.charAt(0).toUpperCase() + obj.slice(1);
	return `${opening} ${be} ${part} by ${subj}${rest}.`;
}

/** ", which began in 2003,", ", the first episode of which was shown …,": a clause about a name. */
const RELATIVE_ASIDE =
	/,\s+(?:(?:who|which|whose|where)\b|[^,;"“”\uE000]{0,40}\bof (?:which|whom)\b)[^,;"“”\uE000()]{3,90},\s+(?=[a-z])/;
/** "John Gill, managing director of the firm's life division, said": a post after a name. */
const APPOSITION_ASIDE =
	/(?<!According to [^,]*)(\p{Lu}[\p{L}'’.-]*),\s+((?:the\s+|a\s+|an\s+)?[a-z][^,;"“”\uE000()]{3,90}?),\s+(?=(?:said|says|told|added|has|have|had|is|was|will|would|could)\b)/u;

/**
 * Rule drop-asides: a statement hardly reworded from its sentence is made shorter and plainer by
 * leaving out what is only said of a name in passing: a relative clause between commas (",
 * the first episode of which was shown on 3 January,") or a post after a name (", managing director
 * of the insurer's life division,"). The key is never in what goes. Null where nothing goes.
 */
export function withoutAsides(frame: string): string | null {
	let t = frame;
	for (let k = 0; k < 2; k++) {
		// A post names the person's role: "managing director of …", "a spokesman for …".
		const next = t
			.replace(RELATIVE_ASIDE, ' ')
			.replace(APPOSITION_ASIDE, (all, name: string, post: string) =>
				post.split(/\s+/).some((w) => ROLE_NOUNS.has(w)) ? `${name} ` : all
			);
		if (next === t) break;
		t = next;
	}
	t = t.replace(/\s{2,}/g, ' ');
	return t === frame || t.split(/\s+/).length < 8 ? null : t;
}
