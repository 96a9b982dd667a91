/**
 * A wh-question from the evidence sentence, answered by the fact's phrase.
 *
 * Made only where a teacher would hand it out as it is: the answer is a name or a figure (a phrase
 * like "all-party group" has other right answers), the question is whole (not cut at a dash or a
 * colon, not ending on a dangling word), every reference in it is resolved, and the answer is not
 * the article's own subject. Elsewhere the question is a filler at most: a single paragraph, short
 * of facts, may still use it (see select.ts).
 */
import type { Doc } from '../../nlp/types';
import type { RejectReason } from '../explain';
import type { FactX } from '../facts';
import { isHandout } from '../select';
import { countOnly, properName, unresolvedReference, unsureSubstitution } from './cloze';
import { DEMONYMS, ROLE_NOUNS, STOPWORDS } from '../../nlp/lexicon';
import type { Token } from '../../nlp/text';
import { bareReference, definiteReference } from '../context';
import { escapeRe } from '../util';
import {
	answerQuestion,
	base,
	describes,
	ownStatement,
	rejectFor,
	withAnswer,
	type Builder,
	type Ctx
} from './common';

/** A question cut short: it ends on a word that needs another after it. */
const DANGLING =
	/\b(?:every|each|too|also|as well|of|to|in|on|at|for|with|by|from|as|than|the|a|an|and|or|but|that|which|who)\?$/i;

/** Why the wh-question is not one to hand out, or null. */
export function shortAnswerProblem(
	ctx: Pick<Ctx, 'doc'>,
	f: FactX,
	prompt: string,
	title?: string
): RejectReason | null {
	const ans = f.answer;
	if (!ans) return 'no-answer-span';
	if (
		ans.kind === 'thing' &&
		!properName(ans.text) &&
		!whoGroup(prompt, ans.text) &&
		isHandout(ctx.doc)
	)
		return 'phrase-answer';
	if (ans.kind === 'role' || ans.kind === 'statement') return 'phrase-answer';
	if (
		/\s[-–—]\s|\s[-–—]\S|[:;]|\s['’]s\b/.test(prompt) ||
		DANGLING.test(prompt.trim()) ||
		openerMidQuestion(ctx.doc, f, prompt)
	)
		return 'no-clean-wh-question';
	if (ans.a >= 0 && unresolvedReference(ctx.doc, f.sentence, ans.a, ans.b)) return 'needs-context';
	// A single paragraph is read whole: there "the auction" is the one it just told of.
	if (isHandout(ctx.doc)) {
		const start = ctx.doc.sentences[f.sentence]?.start ?? 0;
		if (
			unnamedThing(prompt) ||
			definiteReference(ctx.doc, prompt, start) ||
			bareReference(ctx.doc, prompt, start)
		)
			return 'needs-context';
		if (toldBefore(ctx.doc, prompt, start)) return 'told-before';
		if (relativeInterval(prompt)) return 'anchorless-time';
		if (topiclessExistential(prompt)) return 'vague-question';
	}
	if (topiclessJudgement(prompt)) return 'topicless-judgement';
	if (brokenPossessive(prompt)) return 'broken-possessive';
	if (birthNameInside(prompt)) return 'birth-name-inside';
	if (danglingRelative(prompt)) return 'anchorless-time';
	if (droppedWhich(ctx.doc, f, prompt)) return 'needs-context';
	if (reportingOutlet(prompt, ans.text)) return 'trivial-detail';
	if (frontedSetting(ctx.doc, f)) return 'trivial-detail';
	if (clauseChain(prompt)) return 'no-clean-wh-question';
	// "swap these winter fuel payments": which ones is said in another sentence.
	if (/\b(?:these|those)\b(?!\s+(?:days|years|months|weeks))/i.test(prompt)) return 'needs-context';
	if (unsureSubstitution(ctx.doc, f.sentence)) return 'unsure-reference';
	if (title && inTitle(ans.text, title)) return 'trivial-detail';
	return null;
}

/** Nouns an article says "the …" of with no earlier one in mind: "the world", "the year". */
const FREE_NOUN =
	/^(?:year|years|month|week|weekend|day|days|night|morning|evening|time|times|season|end|start|way|number|rest|top|side|moment|future|past|world|country|nation|government|economy|industry|public|police|market|markets|media|press|internet|web|people|same|first|last|most|best|other|following|latter|former|uk|us|eu|un|army|church|queen|king|pope|president)$/;

/** A "the" phrase that ends where nothing after it says which: no "of", name, figure or clause. */
const THE_PHRASE =
	/\b[Tt]he (?:([a-z][a-z-]+) )?([a-z]{3,})\b(?![-'’])(?=\s*(?:[.;:?!]|$|\s+(?:is|was|are|were|has|had|have|will|would|could|can|may|might|should|must|did|does|said|says|to|after|before|two|three|four|five|six|a\s+year|last|this)\b))/gu;

/**
 * Rule told-before: "Who said the planes will connect regional Indian cities?", "Which
 * organisation regained the seat …?", "How many kbps is the standard speed?": in an article, a
 * "the" and a noun (an adjective at most before it) that nothing in the question tells, whose noun
 * an earlier sentence used ("36 planes", "the Eton and Slough seat", "high data speeds"), points
 * back at that sentence: the question alone does not say which one.
 */
export function toldBefore(doc: Doc, prompt: string, sentenceStart: number): boolean {
	const plain = prompt.replace(/["“][^"”]*["”]/g, ' Quoted ');
	let earlier: string | null = null;
	for (const m of plain.matchAll(THE_PHRASE)) {
		const adj = m[1];
		const noun = m[2] as string;
		if (FREE_NOUN.test(noun) || STOPWORDS.has(noun) || (adj && STOPWORDS.has(adj))) continue;
		if (/(?:est|ing|ly)$/.test(noun)) continue;
		const stem = noun.replace(/(?:es|s)$/, '');
		if (stem.length < 3) continue;
		// "… a new plan … the plan": told in the question itself.
		if (new RegExp(`\\b${escapeRe(stem)}`, 'i').test(plain.slice(0, m.index))) continue;
		earlier ??= doc.text.slice(0, sentenceStart).replace(/["“][^"”]*["”]/g, ' ');
		if (new RegExp(`\\b${escapeRe(stem)}(?:s|es)?\\b`, 'i').test(earlier)) return true;
	}
	return false;
}

/**
 * Rule relative-interval: "Which organisation regained the seat two years later?", "… the
 * following year?": a time counted from another event the question does not name.
 */
export function relativeInterval(prompt: string): boolean {
	if (/\b(?:1[89]|20)\d\d\b/.test(prompt)) return false;
	return /\b(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|\d+)\s+(?:years?|months?|weeks?|days?|decades?|hours?)\s+(?:later|earlier|afterwards|before|on)|the\s+(?:following|next|previous)\s+(?:year|month|week|day|season|morning|night|summer|winter|spring|autumn))\b/i.test(
		prompt
	);
}

/**
 * Rule topicless-existential: "Who thinks there could be potential for business?": a "there is"
 * of an abstract noun, with no name or figure after it, says something of nothing in particular.
 */
export function topiclessExistential(prompt: string): boolean {
	const m =
		/\bthere\s+(?:is|are|was|were|(?:could|may|might|will|would|should|must)\s+(?:still\s+)?be)\s+(?:some\s+|a\s+|an\s+|no\s+|real\s+|great\s+|huge\s+)?(?:potential|scope|room|demand|interest|appetite|hope|hopes|opportunit(?:y|ies)|possibilit(?:y|ies)|chance|chances|risk|risks|need|problems?|issues?|concerns?|questions?|value|money|something|much|more)\b/i.exec(
			prompt
		);
	if (!m) return false;
	return !/\p{Lu}|\d/u.test(prompt.slice(m.index + m[0].length));
}

/** Nouns of a view held: "a rather partisan viewpoint" of what, the question must say. */
const VIEW_NOUN =
	/\b(?:view|views|viewpoint|opinion|opinions|stance|position|attitude|outlook|perspective|take|approach)\?$/;

/**
 * Rule topicless-judgement: "Who has a rather partisan viewpoint?", "Who was far from content?",
 * "Who is a class act?": a who-question whose whole body is a state or a judgement of the person,
 * with no name, figure or topic in it, fits many people of the article and asks for an opinion
 * about something it does not say.
 */
export function topiclessJudgement(prompt: string): boolean {
	const m =
		/^Who (?:is|was|are|were|remains|remained|seems|seemed|appears|appeared|looks|looked|felt|feels|has been|had been|did not fare|fared) (.*)\?$/.exec(
			prompt
		);
	if (m) {
		const ws = (m[1] as string).split(/\s+/);
		// "Who was named best director?", "Who was organising …": an event, not a judgement.
		const event =
			/(?:ed|en|ing)$|^(?:made|given|shown|seen|told|held|won|set|put|hit|sent|left|found|born|due|set|to)$/.test(
				ws[0] as string
			);
		if (!event && ws.length <= 4 && !/[\p{Lu}\d"“]/u.test(m[1] as string)) return true;
	}
	const v =
		/^Who (?:has|had|have|holds|held|takes|took|takes) (?:a|an|the|his|her|their)\s+(?:[a-z-]+\s+){0,3}/.exec(
			prompt
		);
	if (
		v &&
		VIEW_NOUN.test(prompt) &&
		!/\b(?:on|about|of|over|towards|to)\b/.test(prompt.slice(v[0].length))
	)
		return true;
	return false;
}

/** Common adjectives a quotation gives after a noun, which a possessive cannot own: "… action's stupid". */
const PLAIN_ADJECTIVE =
	/^(?:stupid|evil|wrong|right|good|bad|great|terrible|awful|disgraceful|shameful|unacceptable|ridiculous|absurd|outrageous|appalling|wonderful|fantastic|brilliant|excellent|poor|fair|unfair|clear|true|false|important|dangerous|silly|foolish|crazy|mad|sad|sick|offensive|insensitive|irresponsible|naive|worrying|disappointing)$/;

/**
 * Rule broken-possessive: "Who branded Harry's action's stupid and evil?": a word with "'s" before
 * a word that is no noun (an adjective ending its phrase) is the article's typo or a quotation cut
 * loose; the question does not read as English.
 */
export function brokenPossessive(prompt: string): boolean {
	for (const m of prompt.matchAll(
		/\b\p{L}+['’]s\s+(\p{Ll}+)(?=\s*(?:,|\?|\.|$|\s+(?:and|or|but)\b))/gu
	)) {
		const w = m[1] as string;
		if (PLAIN_ADJECTIVE.test(w) || /(?:ous|ful|less|ible|able|ive|ic)$/.test(w)) return true;
	}
	return false;
}

/**
 * Rule birth-name-inside: "When was Alicia Markova born Lilian Alicia Marks in London?": "born" and a
 * name is the name given at birth; a when-question that carries it reads as neither a date nor a
 * name question.
 */
export function birthNameInside(prompt: string): boolean {
	return (
		/^(?:When|Where|In which|How)\b/.test(prompt) &&
		/\bborn\s+(?!(?:in|on|at|to|into|and|as)\b)\p{Lu}/u.test(prompt)
	);
}

/**
 * Rule fronted-setting: "In Washington, Congress has been debating …" → "Where has Congress been
 * debating …? Washington": a place set before the sentence's subject is the scene of the news, most
 * often the seat of the body or market it tells of, which a learner knows without the article.
 */
export function frontedSetting(doc: Doc, f: FactX): boolean {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans?.span || !s || ans.kind !== 'place') return false;
	const before = doc.text.slice(s.start, ans.span.start);
	const after = doc.text.slice(ans.span.end, ans.span.end + 2);
	return /^(?:In|At)\s+(?:the\s+)?$/.test(before) && /^,/.test(after);
}

/**
 * Rule dangling-relative: "Who hopes to announce a deal later?": a "later" or "earlier" at the end,
 * whose time ("later on Friday", "a year earlier") the question lost, says later than nothing.
 * "two years later", "a year earlier", "than ever before" carry their own measure and stay.
 */
export function danglingRelative(prompt: string): boolean {
	const m = /(\S+)\s+(?:later|earlier|afterwards)\?$/.exec(prompt);
	return (
		!!m &&
		!/^(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|ever|much|soon)$/i.test(
			m[1] as string
		)
	);
}

/**
 * Rule dropped-which: "Who explained why he paused before striking the ball for the goal?": the
 * question ends on "the" and a noun whose sentence said which one only in a clause after it (",
 * which put Arsenal 2-1 ahead") or that an earlier sentence brought in ("a new law … the law"):
 * the question alone does not say which.
 */
export function droppedWhich(doc: Doc, f: FactX, prompt: string): boolean {
	const m = /\bthe\s+([a-z][a-z-]{2,})\?$/.exec(prompt);
	const s = doc.sentences[f.sentence];
	if (!m || !s) return false;
	const noun = escapeRe(m[1] as string);
	if (new RegExp(`\\bthe\\s+${noun},?\\s+(?:which|that|who|where|when)\\b`).test(s.text))
		return true;
	const before = doc.text.slice(0, s.start);
	return new RegExp(`\\b(?:a|an)\\s+(?:[a-z-]+\\s+){0,2}${noun}\\b`).test(before);
}

/** Words that open a clause of their own inside a sentence. */
const CLAUSE_JOINER =
	/\b(?:after|while|whilst|although|though|because|whereas|before|until|since|but|as)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?\p{L}+\s+(?:(?:had|has|have|was|were|is|are|would|will|could|did)\s+\p{Ll}+|\p{Ll}+(?:ed|s|en))\b/gu;

/**
 * Rule clause-chain: "Who rejected a move … after Forest accepted an offer while Spurs had made
 * bids for the 22-year-old?": a question that carries two further clauses is the sentence copied
 * whole, not a question a teacher would ask.
 */
export function clauseChain(prompt: string): boolean {
	return (prompt.match(CLAUSE_JOINER) ?? []).length >= 2;
}

/** Nouns that stand for an event, a plan or a work the article tells of: which one, the question must say. */
const TOLD_NOUN =
	'idea|ideas|plan|plans|move|deal|auction|tragedy|title|decision|proposal|proposals|scheme|incident|affair|matter|issue|row|dispute|talks|bid|offer|takeover|merger|venture|announcement|claims|allegations|remarks|comments|findings|attack|accident|crash|disaster|scandal|crisis|ruling|verdict|trial|investigation|inquiry|probe|agreement|contract|sale|event|ceremony|award|prize|victory|win|defeat|changes|reforms|measures|ban|report|study|survey|strike|protest|campaign|vote|final|contest|competition|tournament|show|concert|tour|album|song|book|website|product|device|technology|software|legislation|deadline|project|warning|appeal|criticism|results|character|role|series|post|part|runners|athletes|pair|duo|trio|suspects|victims|twins|couple';

/** Nouns a person's own "his", "her" or "their" leaves unsaid: "his plans", "her decision". */
const OWN_NOUN =
	'idea|ideas|plan|plans|move|decision|proposal|proposals|scheme|bid|offer|comments|remarks|claims|allegations|warning|announcement|criticism|appeal|case|views|concerns|intentions|position|stance|request';

/** Adjectives that leave such a noun as unsaid as before: "the new party", "the latest move". */
const BARE_ADJ =
	'new|latest|proposed|planned|controversial|original|recent|current|whole|entire|big|major|key|first|second|third|final|last|full|huge|shock|surprise|same|historic|landmark|planned|possible|eventual|ongoing';

/** Days and months: "her decision on Monday" still does not say which decision. */
const TIME_WORD =
	'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December';

/** What a phrase of such a noun may go on with to say which it is (not a time: "on Monday"). */
const SAYS_WHICH = String.raw`(?!\s+(?:of|for|(?:in|on|at)(?!\s+(?:${TIME_WORD}|\d))|with|between|against|over|about|that|which|who|whom|whose|where|when|called|named|dubbed|titled|by|from|into|involving|behind|under|to\s+(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|\p{Lu}|\d)\p{Ll}+)\b)(?!\s*["“])(?!\s+\p{Lu})(?!\s+\d)`;

const UNNAMED_THING = new RegExp(
	String.raw`\b(?:[Tt]he(?:\s+(?:${BARE_ADJ}))?\s+(${TOLD_NOUN})|(?:his|her|their|its)(?:\s+(?:${BARE_ADJ}))?\s+(${OWN_NOUN}))\b(?![-'’])${SAYS_WHICH}`,
	'gu'
);

/**
 * Rule unnamed-thing: "Which organisation emerged as the auction winner?", "Who announced his plans
 * a day after …", "Where has X adapted the idea to …": a definite phrase for something the article
 * told of elsewhere, that the question neither names (no name or figure before or after it, nothing
 * after it that says which) nor brought in before ("a new plan … the plan").
 */
export function unnamedThing(prompt: string): boolean {
	const plain = prompt.replace(/["“][^"”]*["”]/g, ' Quoted ');
	for (const m of plain.matchAll(UNNAMED_THING)) {
		const noun = (m[1] ?? m[2]) as string;
		const stem = noun.replace(/(?:ies|es|s)$/, '').slice(0, 5);
		const before = plain.slice(0, m.index).toLowerCase();
		if (new RegExp(`\\b${stem}`).test(before)) continue;
		return true;
	}
	return false;
}

/** Outlets that report news: the article's own source ("BBC News spoke to …") or another paper's. */
const OUTLET =
	/^(?:(?:the )?BBC(?: [\p{Lu}\d][\p{L}\d']*)*|Reuters|Associated Press|AP|AFP|Agence France-Presse|Press Association|PA|Bloomberg|Dow Jones(?: Newswires)?|CNN|Sky News|ITN|ITV News|(?:The )?[\p{Lu}][\p{L}]*(?: [\p{Lu}][\p{L}]*)* (?:News|Newsnight|Times|Journal|Post|Telegraph|Guardian|Herald|Mail|Mirror|Express|Independent|Observer|Standard|Tribune|Gazette|Newswires?)|Financial Times|FT)$/u;

/** Verbs of gathering news: speaking to sources, learning, seeing papers. */
const SOURCING =
	/^Which organisations? (?:has |have |had )?(?:spoke|speaks|spoken|talked|talks|told|tells|reported|reports|learned|learnt|learns|understands|understood|asked|asks|interviewed|contacted|obtained|seen|saw|surveyed|polled|commissioned|carried out)\b/;

/**
 * Rule reporting-outlet: "Which organisation spoke to a number of analysts …? BBC News": the outlet
 * that gathered the story is how the article knows it, not a fact of the story.
 */
export function reportingOutlet(prompt: string, answer: string): boolean {
	return OUTLET.test(answer) && SOURCING.test(prompt);
}

/**
 * Rule key-descriptor: "Privately-held Falic Group" → "Falic Group": a leading hyphened description
 * ("Privately-held", "State-owned") is no part of the name when the article also writes the name
 * without it.
 */
export function withoutDescriptor<
	T extends { text: string; span?: { start: number; end: number } }
>(doc: Doc, key: T): T {
	const m = /^(\p{Lu}\p{Ll}+-\p{Ll}+)\s+(\p{Lu}.*)$/u.exec(key.text);
	if (!m) return key;
	const rest = m[2] as string;
	const alone = new RegExp(
		`(?<!${escapeRe(m[1] as string)}\\s+)(?<![\\p{L}-])${escapeRe(rest)}(?![\\p{L}])`,
		'u'
	);
	if (!alone.test(doc.text)) return key;
	const cut = key.text.length - rest.length;
	return {
		...key,
		text: rest,
		...(key.span && { span: { start: key.span.start + cut, end: key.span.end } })
	};
}

/**
 * "Where is Filming due to begin?": the sentence's capitalised first word, not a name, moved
 * inside the question with its capital.
 */
function openerMidQuestion(doc: Doc, f: FactX, prompt: string): boolean {
	const s = doc.sentences[f.sentence];
	const t = s?.tokens[0];
	if (!s || !t?.word || !t.cap || f.answer?.a === 0) return false;
	const isName = (doc.bySentence[f.sentence] ?? []).some(
		(i) => (doc.mentions[i] as { tokenStart: number }).tokenStart === 0
	);
	if (isName || /^(?:I|I'm|I've)$/.test(t.text)) return false;
	return new RegExp(`\\s${t.text}\\b`).test(prompt);
}

/**
 * "Who agreed to ...? coalition leaders": a group of people named by their role, asked with "Who"
 * (not a description such as "senior figures").
 */
export function whoGroup(prompt: string, answer: string): boolean {
	const ws = answer.toLowerCase().split(/\s+/);
	const last = ws[ws.length - 1] as string;
	// A single office ("prime minister") stands for a person the article names: the name is the answer.
	if (!/[^s]s$/.test(last)) return false;
	const head = last.replace(/s$/, '');
	return /^Who\b/.test(prompt) && ws.length >= 2 && ROLE_NOUNS.has(head) && !describes(answer);
}

/** Every word of the answer is in the title: the question asks what the article is about. */
function inTitle(answer: string, title: string): boolean {
	const t = new Set(title.toLowerCase().match(/[\p{L}\d]+/gu) ?? []);
	const ws = answer.toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
	return ws.length > 0 && ws.every((w) => t.has(w));
}

/**
 * "How many contenders does the UK have ...?" → "two", not "two contenders": the question already
 * names what it counts, so the key is the figure alone.
 */
export function countKey(doc: Doc, f: FactX, prompt: string): FactX['answer'] | null {
	if (!/^How many\b/.test(prompt)) return null;
	const narrow = countOnly(doc, f)?.answer;
	const whole = f.answer;
	if (!narrow || !whole) return null;
	const rest =
		whole.text
			.slice(narrow.text.length)
			.toLowerCase()
			.match(/\p{L}+/gu) ?? [];
	const asked = new Set(prompt.toLowerCase().match(/\p{L}+/gu) ?? []);
	return rest.length && rest.every((w) => asked.has(w)) ? narrow : null;
}

/** Words that stand for a person by what they are, not by name: "man", "Irishman", "veteran". */
const PERSON_NOUN =
	/^(?:man|woman|boy|girl|person|teenager|youngster|veteran|star|\p{L}*(?:man|woman))$/u;

/** Whether a key is a person's post or description, not a name: "bid chairman", "world number three". */
export function roleLikeKey(text: string): boolean {
	const ws = text.split(/\s+/);
	const last = (ws[ws.length - 1] as string).toLowerCase();
	if (ws.length >= 2 && /^number$/i.test(ws[ws.length - 2] as string)) return true;
	// A plural of people ("finance ministers") is a group the article names as such: "who" fits it.
	if (/[^s]s$/.test(last)) return false;
	if (
		/^\p{Lu}/u.test(ws[0] as string) &&
		ws.every((w) => /^\p{Lu}/u.test(w)) &&
		!DEMONYMS.has(ws[0]!.toLowerCase())
	)
		return PERSON_NOUN.test(last) && ws.length === 1;
	return ROLE_NOUNS.has(last) || PERSON_NOUN.test(last);
}

/** A person's name: an honorific at most, then one to three capitalised words. */
const NAME_AFTER =
	/^(,?\s+)((?:(?:Sir|Lord|Lady|Dame|Dr|Mr|Mrs|Ms|Baroness|Baron)\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?=\s*[,.;)]|\s+\p{Ll})/u;

/**
 * Rule role-key: "The bid chairman, Lord Coe, admitted …" → "Who admitted …? Lord Coe", not "bid
 * chairman": a who-question whose key is a post or a description takes the person's name the
 * sentence gives right after it ("role, Name," or "role Name"); with none, the key is no answer a
 * learner could give (null).
 */
export function roleKeyName(
	doc: Doc,
	ans: NonNullable<FactX['answer']>
): { text: string; span: { start: number; end: number }; kind: 'person' } | null {
	if (!ans.span) return null;
	const m = NAME_AFTER.exec(doc.text.slice(ans.span.end, ans.span.end + 80));
	if (!m) return null;
	const start = ans.span.end + (m[1] as string).length;
	const end = start + (m[2] as string).length;
	const person = doc.mentions.some(
		(x) => x.kind === 'person' && x.start < end && x.end > start && x.start >= start - 1
	);
	return person ? { text: m[2] as string, span: { start, end }, kind: 'person' } : null;
}

/** Months and weekdays: a capital before a key that dates it, not names it. */
const TIME_NAME =
	/^(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/**
 * Rule key-qualifier: "G7 finance ministers backed plans …" → "G7 finance ministers", not "finance
 * ministers": a key that opens on a common noun keeps the proper-noun words written straight
 * before it ("G7", "European Union"): they say whose the post is, and the question drops them.
 */
export function withQualifier<T extends { text: string; span?: { start: number; end: number } }>(
	doc: Doc,
	f: FactX,
	key: T
): T {
	const ans = f.answer;
	const s = doc.sentences[f.sentence];
	if (!ans || !key.span || !s || ans.a <= 0 || !/^\p{Ll}/u.test(key.text)) return key;
	if (key.span.start !== ans.span?.start) return key;
	let i = ans.a - 1;
	const named = (k: number) => {
		const t = s.tokens[k] as Token;
		return doc.mentions.some((m) => m.start <= t.start && m.end >= t.end && m.kind !== 'date');
	};
	while (i >= 0) {
		const t = s.tokens[i] as Token;
		if (!t.word || !/^[\p{Lu}\d]/u.test(t.text) || STOPWORDS.has(t.lower) || TIME_NAME.test(t.text))
			break;
		// A capital that only opens the sentence is no name: "Senior ministers".
		if (i === 0 && !named(i)) break;
		i--;
	}
	if (i === ans.a - 1) return key;
	const start = (s.tokens[i + 1] as Token).start;
	return { ...key, text: doc.text.slice(start, key.span.end), span: { start, end: key.span.end } };
}

export const shortAnswerBuilder: Builder = {
	type: 'short-answer',
	serves: ownStatement,
	build: withAnswer((ctx, f, ans, view) => {
		const wh = view.wh();
		if (!wh) return rejectFor(ctx, f, 'short-answer', 'no-clean-wh-question');
		let named: ReturnType<typeof roleKeyName> = null;
		if (/^(?:Who|What)\b/.test(wh.prompt) && ans.kind !== 'person' && roleLikeKey(ans.text)) {
			named = roleKeyName(ctx.doc, ans);
			if (!named) return rejectFor(ctx, f, 'short-answer', 'role-not-name');
		}
		// With the person's name for its key, the question is judged as a question on a name.
		const asked = named ? { ...f, answer: { ...ans, ...named } } : f;
		const problem = shortAnswerProblem(ctx, asked, wh.prompt, ctx.title);
		if (problem) rejectFor(ctx, f, 'short-answer', problem);
		const key =
			named ??
			countKey(ctx.doc, f, wh.prompt) ??
			withQualifier(ctx.doc, f, withoutDescriptor(ctx.doc, ans));
		return [
			{
				q: answerQuestion(ctx, base(f, 'short-answer'), 'short-answer', wh.prompt, key),
				form: wh.quality,
				fact: f,
				fallback: !!problem
			}
		];
	})
};
