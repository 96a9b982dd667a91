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
import { STOPWORDS } from '../nlp/lexicon';
import { anaphoricOpener, definiteReference, possessiveWithoutName } from './context';

/** Where the key stands in a frame while it is cut and reworded. */
export const KEY_MARK = '\uE000';

export type FrameProblem = 'answer-in-aside';

/** Verbs that take a clause or an infinitive: a time moved after them would attach to that clause. */
const CLAUSE_VERB =
	/\b(?:said|says|say|told|tells|announced|announces|confirmed|revealed|added|claimed|claims|believes?|believed|insisted|insists|argued|argues|warned|warns|admitted|admits|denied|denies|reported|thought|thinks|expects?|expected|hopes?|hoped|agreed|agrees|decided|plans?|planned|wants?|wanted|aims?|aimed|promised|vowed|threatened|refused|failed|tried|sought|seeks?|urged|asked|called|forced|allowed|helped|that|to|if|when|after|before|because|while|who|which)\b/i;

/** An opening phrase that sets time or place: moved to the end, or dropped. */
const SETTING =
	/^((?:In|On|At|During|Last|Earlier|Later|This|Since|By|Under|After|Before|Following|For|Over|Within|From)\b(?:(?!\b(?:is|was|are|were|has|have|had|will|would|said|says|[a-z]{3,}ed)\b)[^,"“”]){1,50}),\s+/;
/** An opening phrase of another sort, which carries no fact of the clause: dropped. */
const ASIDE_OPEN =
	/^((?:(?!According\b)[A-Z][a-z]+ing|As|While|Whilst|Although|Though|Despite|With|Unlike|Amid|Asked|Meanwhile|Now|Still|Yet|Again|Indeed|Elsewhere|Separately|Instead|Overall|In addition|In a statement|In an interview)\b[^,"“”]{0,60}),\s+/;
/** Openings whose time is the fact itself: "Previously, fares were …" is false without it. */
const CONTRAST_OPEN =
	/^(?:Previously|Formerly|Originally|Initially|At first|At the time|Until then|Before then|Once|Then|Until|Up to now|So far|Historically)\b/i;

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
/** "…, a Labour backbencher has said.": a closing attribution, kept with its claim. */
const ATTRIBUTION_TAIL = new RegExp(
	`^,\\s+[^,"“”]{2,60}?\\s+(?:(?:has|have|had)\\s+)?(?:${SAID})\\.$`
);
/** "Tom Reid, <key>, fed …": the key is an age or detail after a name. */
const AGE_KEY = new RegExp(`\\p{Lu}[\\p{L}'’.-]*,\\s+${KEY_MARK},`, 'u');

function cap(t: string): string {
	return t.charAt(0).toUpperCase() + t.slice(1);
}

/** The frame cut down to the fact's clause (see the module comment), or why it cannot be. */
export function cutFrame(frame: string): string | FrameProblem {
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
	// ", who was also a concert promoter,": a relative clause, up to a comma before the main verb
	// or to the end; a key inside it is a detail of the clause, not the sentence's fact.
	const rel = /,\s+(?:who|which|whose)\b/.exec(t);
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
	const appo =
		/(\p{Lu}[\p{L}'’.-]*|\uE000),\s+((?:a|an|the)\s+)?[^,"“”]{3,90}?,\s+(?=(?:said|says|told|added|has|have|had|is|was|will|would|[a-z]+ed)\b)/u.exec(
			t
		);
	const appoName = appo ? (appo[1] as string) : '';
	if (appo && !appo[0].slice(appoName.length).includes(KEY_MARK) && !/\d$/.test(appoName))
		t = t.slice(0, appo.index + appoName.length) + ' ' + t.slice(appo.index + appo[0].length);
	// "John Houston, 54, was due to stand …": an age after a name goes with it.
	t = t.replace(/(\p{Lu}[\p{L}'’.-]*|\uE000),\s+\d{1,3},\s+/u, '$1 ');
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
	// A weekday counts from the day of writing: "on Friday" goes.
	t = t.replace(
		/,?\s+(?:(?:around|by|until|till|from|before|after|since)\s+)?(?:on|last|next|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?\b/g,
		''
	);
	// "… and this deal has now been extended", "… and is now waiting": a second clause.
	const and =
		/\s+and\s+(?:is|was|are|were|has|have|had|will|would|could|can|it|he|she|they|there|this|these|its|their)\s/.exec(
			t
		);
	if (and && t.indexOf(KEY_MARK) < and.index && and.index > 30) t = t.slice(0, and.index) + '.';
	// ", they claim,": a parenthetical attribution.
	const paren = PAREN_SAID.exec(t);
	if (paren) {
		if (paren[0].includes(KEY_MARK)) return 'answer-in-aside';
		t = t.slice(0, paren.index) + ' ' + t.slice(paren.index + paren[0].length);
	}
	// ", said Junya Tanase of JPMorgan in Tokyo,": an attribution inside the sentence.
	const saidIn = /,\s+(?:said|says|according to)\s+[^,"“”]{2,80},\s+/.exec(t);
	if (saidIn) {
		if (saidIn[0].includes(KEY_MARK)) return 'answer-in-aside';
		t = t.slice(0, saidIn.index) + ' ' + t.slice(saidIn.index + saidIn[0].length);
	}
	// "Jeffrey Royer, 41, fed …": an age or a detail between commas after a name.
	if (AGE_KEY.test(t)) return 'answer-in-aside';
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
	const tail = TAIL.exec(t);
	const at = tail ? tail.index : -1;
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
		return STOPWORDS.has(w.toLowerCase()) || (names && !names.has(w.toLowerCase()))
			? x.charAt(0).toLowerCase() + x.slice(1)
			: w === 'I'
				? null
				: x;
	};
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

/** "Analysts said Absa's forecast was better." → "According to analysts, Absa's forecast was better." */
export function accordingTo(frame: string, names?: Set<string>): string | null {
	const m =
		/^((?:[A-Z\uE000][\p{L}.'’-]*|the|of|and)(?:\s+(?:[A-Z\uE000][\p{L}.'’-]*|[a-z][\p{L}-]*)){0,5})\s+(?:said|says|believes|thinks|claims|argued|insisted|warned)\s+(?:that\s+)?([A-Z\uE000][^"“”]{20,})$/u.exec(
			frame
		);
	if (!m) return null;
	const who = m[1] as string;
	const clause = m[2] as string;
	// The speaker is a noun phrase with no verb of its own, and the clause no pronoun for the speaker.
	if (
		/\b(?:who|which|that|has|have|had|is|was|were|are|now|also|still|then|already|recently|again|repeatedly|too)\b/.test(
			who
		)
	)
		return null;
	if (/^(?:he|she|they|it|his|her|its|their)\b/i.test(clause)) return null;
	const first = /^[A-Z][a-z]+/.exec(who)?.[0];
	const speaker =
		first && (STOPWORDS.has(first.toLowerCase()) || (names && !names.has(first.toLowerCase())))
			? who.charAt(0).toLowerCase() + who.slice(1)
			: who;
	return `According to ${speaker}, ${clause}`;
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

/** A statement is the article's sentence copied when it differs only by brackets and small words. */
export function copiedFrom(statement: string, sentence: string): boolean {
	const n = (x: string) =>
		x
			.replace(/\s*\([^()]*\)/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9\u00c0-\u024f]+/g, ' ')
			.replace(/ (?:also|however|meanwhile|though|now|still|the|a|an|mr|mrs|ms|dr)(?= )/g, '')
			.trim();
	const a = n(statement);
	const b = n(sentence);
	if (a === b) return true;
	// A reference written out ("Moore" → "Aston Moore") is still the same sentence.
	const wa = a.split(' ');
	const wb = b.split(' ');
	if (Math.abs(wa.length - wb.length) > 3) return false;
	let i = 0;
	while (i < wa.length && i < wb.length && wa[i] === wb[i]) i++;
	let j = 0;
	while (j < wa.length - i && j < wb.length - i && wa[wa.length - 1 - j] === wb[wb.length - 1 - j])
		j++;
	return wa.length - i - j <= 3 && wb.length - i - j <= 1;
}

/** "The Liberal Democrats says": a party written out for "The party" takes a plural verb. */
export function pluralAgreement(statement: string): string {
	return statement.replace(
		/\b((?:Liberal )?Democrats|Conservatives|Tories|Greens|Nationalists|Republicans|Socialists|Unionists) (says|has|is|was)\b/g,
		(_, who: string, verb: string) =>
			`${who} ${({ says: 'say', has: 'have', is: 'are', was: 'were' } as Record<string, string>)[verb]}`
	);
}

const MONTH =
	'(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const OTHER_TIME = new RegExp(`\\b(?:${MONTH}|\\d{4}|and|he|she|it|they)\\b`);
/** A closing time or place: "in 1983", "on 5 May 2004", "in London", the key's own place. */
const CLOSING_SETTING = new RegExp(
	`^(.{25,}?)\\s+((?:in|on|during)\\s+(?:\\uE000|(?:\\d{1,2}\\s+)?${MONTH}(?:\\s+\\d{4})?|\\d{4}))\\.$`,
	'u'
);

/**
 * "Conti received an Oscar in 1983." → "In 1983, Conti received an Oscar.": a closing time or place
 * of a simple clause brought to the front, so the statement is not the sentence copied. Null when
 * the clause takes another clause (the time might then belong to it) or has a comma or quotation.
 */
export function frontSetting(frame: string, names?: Set<string>, keyIsTime = true): string | null {
	const m = CLOSING_SETTING.exec(frame);
	if (!m) return null;
	const body = m[1] as string;
	if (!keyIsTime && (m[2] as string).includes(KEY_MARK)) return null;
	// Another time, a second clause or a pronoun in the body: the time may not be the main verb's.
	if (CLAUSE_VERB.test(body) || /[,;"“”]/.test(body)) return null;
	if (OTHER_TIME.test(body)) return null;
	// "… the test version unveiled in November": the time belongs to the participle before it.
	if (/\b[a-z]+(?:ed|en)$/.test(body)) return null;
	const first = /^[A-Z][a-z]*\b/.exec(body)?.[0];
	const lower =
		first && (STOPWORDS.has(first.toLowerCase()) || (names && !names.has(first.toLowerCase())));
	const rest = lower ? body.charAt(0).toLowerCase() + body.slice(1) : body;
	return `${cap(m[2] as string)}, ${rest}.`;
}
