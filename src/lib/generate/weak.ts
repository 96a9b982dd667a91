/**
 * Forms of question that teachers rated weak as deck openers, beyond those context.ts names, and
 * lines or prompts never worth asking: a prompt that gives its answer away by its initials or by
 * another spelling of it, a line that is a list of names, a prompt that runs into a second sentence.
 */
import { STOPWORDS } from '../nlp/lexicon';
import { shownText } from './context';
import { acronym } from './distractors';
import type { Built } from './questions';

/** Why a question that is not wrong still belongs after the deck's strongest ones. */
export type WeakForm = 'role-template' | 'remark-time';

/**
 * "Who is described in the article as the praised winger?": the role is cut from its setting, or
 * general knowledge gives its holder ("the Liberal Democrat leader"). Rated 1 of 8 acceptable in
 * the top ten, below the 33% of the questions ranked after it.
 */
export function roleTemplate(b: Built): boolean {
	return (
		b.fact.kind === 'role' &&
		(b.q.type === 'short-answer' || b.q.type === 'multiple-choice') &&
		/^Who is described in the article as\b/.test(b.q.prompt)
	);
}

/** The weak form of a question, if it has one (besides those weakOpener names). */
export function weakForm(b: Built): WeakForm | null {
	if (roleTemplate(b)) return 'role-template';
	return remarkTime(b) ? 'remark-time' : null;
}

/** Verbs of saying whose time is the time of a remark, not of the news the remark tells. */
const SAYING =
	'(?:said|says|told|tells|added|adds|announced|announces|explained|explains|insisted|insists|warned|warns|argued|argues|claimed|claims|wrote|writes|suggested|suggests|urged|urges|admitted|admits|stressed|stresses|commented|comments|confirmed|confirms|revealed|reveals|remarked|conceded|concedes|speaking|spoke)';
/** The same verbs in a when-question: "When did Absa say …?". */
const SAY_STEM =
	'(?:say|tell|add|announce|explain|insist|warn|argue|claim|write|suggest|urge|admit|stress|comment|confirm|reveal|remark|concede|speak)';
/** A preposition or time word that puts a date before it: "in", "on", "last", "earlier this". */
const TIME_PREP = '(?:in|on|at|during|last|earlier|early|late|mid|until|since)';
/** What may stand between a time preposition and the date: "the", "early", "mid-", "late". */
const TIME_MOD = '(?:(?:the|early|late|mid|earlier|this)[\\s-]+)*';
/** The blank opens the sentence as its time: "In _____, Absa said …", "Last _____ the BMA told …". */
const OPENING_TIME = new RegExp(
	`^\\W*(?:(?:But|And|Also|Meanwhile|However|Then|Back)\\W+)?(?:(?:In|On|At|During|Last|Earlier|Late|Early|Since|By)\\s+${TIME_MOD}(?:in\\s+)?)?$`
);
/** After an opening time, a short subject and then the verb of saying: ", Tory leader Michael Howard said". */
const SUBJECT_SAID = new RegExp(`^\\s*,?\\s*((?:[\\p{L}\\d'’.&-]+\\s+){1,8}?)${SAYING}\\b`, 'u');
/** A word that starts a clause of its own: the verb of saying belongs to that clause, not the date's. */
const CLAUSE_WORD =
	/^(?:and|or|but|that|which|who|whose|when|where|while|after|before|because|if|is|was|were|are|has|had|have|will|would|could|can|should|may|might|must|did|does|do|to|not|[a-z]{3,}ed|went|made|took|got|gave|won|lost|saw|found|came|left|began|sold|bought|paid|set)$/;
/** The blank between a subject and its verb of saying: "Bob Geldof in _____ said". */
const BEFORE_SAID = new RegExp(`^\\s*${SAYING}\\b`);
const SUBJECT_THEN_TIME = new RegExp(`[\\p{L}'’.]+\\s+${TIME_PREP}\\s+${TIME_MOD}$`, 'u');
/** The blank right after a verb of saying and its hearer: "said on _____", "told reporters in _____". */
const SAID_THEN_TIME = new RegExp(
	`(?<!\\b(?:was|were|been|being|be|is|are|which|that)\\s+(?:[a-z]+ly\\s+)?)\\b${SAYING}\\s+((?:[\\p{L}\\d'’]+\\s+){0,4}?)${TIME_PREP}\\s+${TIME_MOD}$`,
	'u'
);
/** The blank is when a paper carrying a remark came out: "in an interview published in _____". */
const PUBLISHED_THEN_TIME = new RegExp(
	`\\b(?:interview|statement|report|survey|poll|study|letter|article|complaint|figures|data)s?,?\\s+(?:(?:first|originally|recently|which|that|was|were)\\s+)*(?:published|released|filed|issued|broadcast|aired|given)\\s+(?:(?:by|to|in)\\s+(?:[\\p{L}\\d'’]+\\s+){1,4}?)?${TIME_PREP}\\s+${TIME_MOD}$`,
	'u'
);
const SAID_BEFORE = new RegExp(`\\b${SAYING}\\b`);
/** Words that may stand between a verb of saying and its time: a hearer or a medium, not a clause. */
const HEARER_WORD =
	/^(?:the|a|an|his|her|their|its|in|at|to|reporters|journalists|delegates|MPs|parliament|statement|interview|conference|news|speech|website|newspaper|programme|radio|television|TV|\p{Lu}[\p{L}\d'’]*)$/u;
/** A time of day or a weekday as the whole answer: "4pm", "10.30 GMT", "Friday". */
const CLOCK_OR_DAY =
	/^(?:(?:at|on)\s+)?(?:\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)|\d{1,2}[.:]\d{2}\s*(?:GMT|BST|CET|EST|PST|local time)|midnight|midday|noon|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:morning|afternoon|evening|night))?)\W*$/i;

/**
 * Rule remark-time: the answer is when someone said something, or a clock time or a weekday. "In
 * _____ Tory leader Michael Howard said Tony Blair would be running scared …", "X said on _____
 * that …", "When did Absa say it was close to a deal?": the month of a remark is not the news the
 * remark tells (rated trivial, "a side detail"), and a time of day is a detail nobody learns.
 * A date of what was said ("said the tapes went missing in _____") is the news, and stays.
 */
export function remarkTime(b: Built): boolean {
	const q = b.q;
	if (q.type !== 'cloze' && q.type !== 'multiple-choice' && q.type !== 'short-answer') return false;
	if (q.kind !== 'date' && q.kind !== 'quantity' && q.kind !== 'number') return false;
	if (CLOCK_OR_DAY.test(q.answer.trim())) return true;
	if (q.kind !== 'date') return false;
	const shown = shownText(q.prompt);
	const at = shown.indexOf('_____');
	if (at < 0) return WHEN_SAID.test(q.prompt);
	const pre = shown.slice(0, at);
	const post = shown.slice(at + 5);
	const subject = OPENING_TIME.test(pre) ? SUBJECT_SAID.exec(post) : null;
	if (subject && (subject[1] as string).split(/\s+/).every((w) => !w || !CLAUSE_WORD.test(w)))
		return true;
	if (BEFORE_SAID.test(post) && SUBJECT_THEN_TIME.test(pre) && !/\b(?:that|which|who)\b/.test(pre))
		return true;
	if (PUBLISHED_THEN_TIME.test(pre)) return true;
	// "Sands says Goldsmith warned Blair on _____ that …": the remark is itself what was said.
	const said = SAID_THEN_TIME.exec(pre);
	return (
		!!said &&
		(said[1] as string).split(/\s+/).every((w) => !w || HEARER_WORD.test(w)) &&
		!SAID_BEFORE.test(pre.slice(0, said.index))
	);
}

/** A when-question on a remark: "When did IBM say that …?", "When did Shell tell investors …?". */
const WHEN_SAID = new RegExp(
	`^When (?:did|does|do|has|have|had|will) (?:[\\p{L}\\d'’.&-]+\\s+){1,6}?${SAY_STEM}\\b`,
	'u'
);

/** A word's stem for comparing two spellings: lower case, a possessive or plural ending dropped. */
function stem(word: string): string {
	return word
		.toLowerCase()
		.replace(/['’]s?$/, '')
		.replace(/(?<!s)s$/, '');
}

/** Words of a text, with letters or digits. */
function wordsOf(text: string): string[] {
	return text.match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? [];
}

/**
 * The prompt gives its answer away: a word in capitals in the prompt is the initials of the answer
 * or of a run of its words ("… purport to be from the FBI?" → "US Federal Bureau of
 * Investigation"), or a one-word name as the answer stands in the prompt spelt another way ("The
 * TiVo To Go service … record on their _____" → "TiVos").
 */
export function answerInPrompt(b: Built): boolean {
	const q = b.q;
	if (q.type === 'true-false' || q.type === 'match' || q.type === 'quote') return false;
	const prompt = shownText(q.prompt);
	const caps = new Set(
		wordsOf(prompt)
			.filter((w) => /^\p{Lu}{2,6}s?$/u.test(w))
			.map((w) => w.replace(/s$/, '').toLowerCase())
	);
	const aw = q.answer.split(/\s+/).filter(Boolean);
	if (caps.size)
		for (let i = 0; i < aw.length; i++)
			for (let j = i + 2; j <= aw.length; j++) {
				const a = acronym(aw.slice(i, j).join(' '));
				// Two letters ("MP") stand for too much: only the whole answer's count.
				const whole = i === 0 && j === aw.length;
				if ((a.length >= 3 || (a.length === 2 && whole)) && caps.has(a)) return true;
			}
	// A one-word name as the answer and another spelling of it, capitalised, in the prompt: a
	// common word ("stock", "trade") beside a longer name is no give-away.
	const name = q.answer.replace(/^the\s+/i, '');
	if (!/^\p{Lu}[\p{L}\d'’-]{3,}$/u.test(name) || STOPWORDS.has(name.toLowerCase())) return false;
	const s = stem(name);
	if (s.length < 4) return false;
	return wordsOf(prompt).some((w) => /^\p{Lu}/u.test(w) && w !== name && stem(w) === s);
}

/**
 * The line is a list of names, each with its club or party in brackets ("Backs: Mike Blair
 * (Edinburgh Rugby), Andy Craig (Glasgow Rugby), …"): a squad list, not a sentence; a blank in it
 * asks nothing worth knowing.
 */
export function nameList(sentence: string): boolean {
	const items = sentence.match(/\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*)*\s*\([^()]{1,60}\)/gu);
	if (
		items &&
		items.length >= 3 &&
		items.reduce((n, x) => n + x.length, 0) >= 0.6 * sentence.length
	)
		return true;
	// A team line with no verb: "J Robinson (capt); M Cueto, J Noon, O Barkley, J Lewsey; C Hodgson".
	const parts = sentence
		.replace(/\([^()]*\)/g, ' ')
		.replace(/^[\p{L}\d ]{1,20}:\s*/u, '')
		.replace(/[.\s]+$/, '')
		.split(/[,;]|\band\b/)
		.map((p) => p.trim())
		.filter(Boolean);
	return parts.length >= 5 && parts.every((p) => LIST_NAME.test(p));
}

/** A name in a team line: capitalised words, with the particles of names between them. */
const LIST_NAME =
	/^(?:(?:\p{Lu}[\p{L}'’.-]*|de|del|dal|da|di|du|van|von|der|den|le|la)(?:\s+|$))+$/u;

/**
 * Where a quotation or sentence ends and another begins inside a prompt's shown text: "… on the
 * clock. "From what I witnessed …". The reader's sentence breaks missed a break inside quoted
 * speech, and the prompt shows two sentences with stray quotation marks.
 */
const SECOND_SENTENCE = /[.!?]\s+["“]\s*\p{Lu}|[.!?]["”]\s+["“]\s*\p{Lu}/u;

/** Short titles written with a full stop before a name: "Mr. Smith", "St. Louis". */
const TITLE_STOP =
	/^(?:mr|mrs|ms|dr|st|mt|gen|sen|rep|gov|lt|col|capt|prof|rev|sgt|supt|det|insp|cllr|no|vs|jr|sr)$/i;

/**
 * Rule run-on-prompt, a break the reader missed: a word with a full stop, then a capitalised word
 * that opens sentences, a function word or an adverb in -ly ("owned by Sun. Initially it will …",
 * "to World War I. But"): the reader took the stop for an abbreviation's, so the prompt, or the
 * key itself, runs across two sentences.
 */
export function hiddenBreak(text: string): boolean {
	for (const m of text.matchAll(/(?<![\p{L}.])(\p{L}[\p{L}'’-]*)\.\s+(\p{Lu}\p{Ll}+)\b/gu)) {
		if (TITLE_STOP.test(m[1] as string)) continue;
		const next = (m[2] as string).toLowerCase();
		if (STOPWORDS.has(next) || /^[a-z]{4,}ly$/.test(next)) return true;
	}
	return false;
}

/**
 * The shown text runs into a second sentence or a second quotation: rated overlong and garbled
 * (stray quotation marks) every time.
 */
export function runOnPrompt(b: Built): boolean {
	const q = b.q;
	if (q.type === 'match') return false;
	const shown = shownText(q.prompt);
	if (SECOND_SENTENCE.test(shown)) return true;
	// The key written into its blank: "Ant and _____ She won" with the key "Dec.".
	const whole = q.answer ? shown.split('_____').join(q.answer) : shown;
	if (q.type !== 'quote' && (hiddenBreak(outsideQuotes(whole)) || hiddenBreak(q.answer)))
		return true;
	// Two quotations opened by a speaker's colon and a fresh mark: "X said: "…. "…".
	const opens = (shown.match(/(?:^|[\s(])["“](?=\S)/g) ?? []).length;
	const closes = (shown.match(/["”](?=$|[\s,.;:!?)])/g) ?? []).length;
	return opens >= 2 && opens > closes;
}

/** Words outside quotation marks: quoted speech may hold sentences of its own. */
function outsideQuotes(t: string): string {
	return t.replace(/["“][^"”]*(?:["”]|$)/g, ' ');
}

/** A currency word after a figure ("9.5bn kronor", "4bn euros", "300 dollars"). */
const CURRENCY_WORD =
	/\d[\d.,]*\s*(?:bn|m|k|billion|million|trillion|thousand)?\s*(?:kronor|krona|kroner|euros?|dollars?|pounds?|sterling|yen|yuan|renminbi|rupees?|francs?|roubles?|rubles?|won|pesos?|reais|real|rand|lira|shekels?|dinars?|riyals?|marks?)\s*$/i;

/** A figure with its scale and one word after it: "30 trillion rupiah", "500 dirhams". */
const FIGURE_WORD = /\d[\d.,]*\s*(?:bn|m|k|billion|million|trillion|thousand)?\s+\p{L}{2,}$/u;

/** A figure written with a currency sign ("£722m", "$5.2bn", "€30"). */
const CURRENCY_SIGN =
	/(?:[$£€¥]|\b(?:US|A|C|NZ|HK)\$)\s?\d[\d.,]*\s*(?:bn|m|k|billion|million|trillion)?\s*$/i;

/**
 * The blank is a money figure inside brackets that follow another money figure: "9.5bn kronor
 * (£722m; _____)", "$1m (_____)". The bracket only converts the figure before it into another
 * currency; rated trivial every time.
 */
export function conversionBlank(text: string, b: Built): boolean {
	const span = b.q.answerSpan;
	const q = b.q;
	if (!span || q.kind !== 'money' || q.type === 'true-false' || q.type === 'match') return false;
	const before = text.slice(Math.max(0, span.start - 120), span.start);
	const open = before.lastIndexOf('(');
	if (open < 0 || before.slice(open).includes(')')) return false;
	// Only other figures, separated by ";", "," or "/" may stand between the bracket and the answer.
	const inside = before.slice(open + 1);
	if (!/^[\s\d.,;/$£€¥\p{L}]*$/u.test(inside) || /\b(?:or|and|to|from|up|down)\b/i.test(inside))
		return false;
	const lead = before.slice(0, open).replace(/\s+$/, '');
	if (CURRENCY_SIGN.test(lead) || CURRENCY_WORD.test(lead)) return true;
	// "30 trillion rupiah ($3.2bn; _____)": a currency the list above does not name, known by the
	// signed figure that converts it first.
	const signed = /^[$£€¥]\s?\d/;
	return (
		FIGURE_WORD.test(lead) &&
		signed.test(inside.trim() || q.answer) &&
		(!inside.trim() || /[;,/]\s*$/.test(inside))
	);
}

/**
 * The shown sentence with its blank is a quotation and nothing else: '"I tried for _____ to make
 * something work."'. Nobody is named as its speaker, so the reader has no one and nothing to place
 * it by. A quotation followed by its speaker ('…," said Smith.') is not one.
 */
export function speakerlessQuote(b: Built): boolean {
	const q = b.q;
	if (q.type === 'true-false' || q.type === 'match' || q.type === 'quote') return false;
	const shown = shownText(q.prompt);
	if (!shown.includes('_____') || !/^["“]/.test(shown)) return false;
	const outside = shown.replace(/["“][^"”]*(?:["”]|$)/g, ' ');
	return !/\p{L}/u.test(outside);
}

/** Verbs of saying whose question needs what was said ("Who said …", "Who told …"). */
const SAID =
	/^(?:Who|Which [\w ]+?) (?:has |had )?(said|says|told|tells|added|adds|admitted|announced|claimed|insisted|stressed|explained|argued|warned|confirmed|revealed)\b\s*(.*)\?$/;
/** A word that carries a clause of its own: an auxiliary, a modal, a verb in -ed or -ing. */
const CLAUSE_VERB =
	/\b(?:is|was|were|are|be|been|had|has|have|would|will|could|can|should|must|may|might|did|does|do|not|[a-z]{3,}ed|[a-z]{3,}ing)\b/i;

/** How a sentence goes on past words that are not all that was said: a verb, a quotation, a name. */
const SAID_GOES_ON =
	/^\s*,?\s*(?:is|was|were|are|had|has|have|would|will|could|can|should|must|may|might|did|does|do)\b|^\s*[:"“]|^\s+(?:and|or|&)\s+\p{Lu}/u;

/**
 * Rule vague-question: a question cut short, so nothing tells what it asks for. Said with nothing
 * said ("Who told BBC Radio 4's Today programme?", "Who said at a ceremony in London?", "Who said
 * the support of John Magnier?"), a clause broken off after "that," ("Who admitted that, had he
 * still been a backbencher?"), or a figure cut at its point ("Who was seventh in the final in 3?"
 * from "3.41"). `sentence` is the evidence sentence's text.
 */
export function vagueQuestion(b: Built, sentence: string): boolean {
	const q = b.q;
	if (q.type !== 'short-answer' && q.type !== 'multiple-choice') return false;
	const prompt = q.prompt.trim();
	if (
		!/^(?:Who|What|When|Where|Which|How)\b/.test(prompt) ||
		/completes the sentence\?/.test(prompt)
	)
		return false;
	const said = SAID.exec(prompt);
	if (said) {
		const verb = said[1] as string;
		const rest = said[2] as string;
		if (!rest) return true;
		// "Who said at a ceremony in London?", "Who told BBC Radio 4's Today programme?", "Who said
		// the support of John Magnier?": no clause of what was said; the sentence goes on past the
		// words asked with its verb, the quotation or the rest of a list of names.
		const at = sentence.indexOf(rest);
		if (/^(?:said|says|told|tells|added|adds)$/.test(verb) && !CLAUSE_VERB.test(rest) && at >= 0) {
			const after = sentence.slice(at + rest.length);
			if (/^(?:at|in|on|from|during|after|before)\b/.test(rest) || SAID_GOES_ON.test(after))
				return true;
		}
	}
	if (/\bthat,[^,]*\?$/.test(prompt)) return true;
	const figure = /\b(\d+)\?$/.exec(prompt);
	return !!figure && new RegExp(`(?<![\\d.])${figure[1]}[.:]\\d`).test(sentence);
}

/**
 * Rule cut-name: the prompt shows a place joined to a word by a hyphen ("York-born Aguilera")
 * where the text writes it only after another capitalised word ("New York-born"): the reader cut
 * the name, taking the sentence's first word for no part of it, and wrote it out short, in the
 * prompt or as the key.
 */
export function cutName(text: string, b: Built): boolean {
	const shown = `${shownText(b.q.prompt)}\n${b.q.type === 'true-false' ? '' : b.q.answer}`;
	for (const m of shown.matchAll(/(?:^|(\p{L}+)\s+|[^\p{L}\s-]\s*)(\p{Lu}\p{Ll}+-\p{Ll}+)\b/gu)) {
		const word = m[2] as string;
		const before = [
			...text.matchAll(new RegExp(`(?:^|([\\p{L}]+)\\s+|[^\\p{L}\\s-]\\s*)${word}\\b`, 'gu'))
		].map((x) => x[1] ?? '');
		if (
			before.length &&
			before.every(
				(w) => /^\p{Lu}/u.test(w) && !STOPWORDS.has(w.toLowerCase()) && w !== (m[1] ?? '')
			)
		)
			return true;
	}
	return false;
}
