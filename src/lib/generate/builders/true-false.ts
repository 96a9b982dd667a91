/**
 * True or false: built true, with a false twin (one name or number swapped for one the text does
 * not support); the deck later turns about half of the chosen ones false.
 */
import { sentenceInContext } from '../../nlp/coref';
import { overlaps } from '../distractors';
import { clean } from '../util';
import { STOPWORDS } from '../../nlp/lexicon';
import type { Doc } from '../../nlp/types';
import { base, rejectFor, shownSentence, withArticle, type Built } from './common';
import type { Builder } from './common';

const INTRO =
	/^(?:on|in|at|after|following|speaking|as|while|unlike|during|before|last|earlier|despite|with|according to|under|since|by|for)\b[^,]{0,60},\s+/i;
const TAIL =
	/,\s+(?:though|although|while|which|underscoring|highlighting|adding|saying|as|a|an|according to|in a|after|before|despite|amid)\b[^"“”]*$/i;

/**
 * The statement as a learner judges it: the fact's own clause, without an opening setting
 * ("Following the talks, ") or a closing aside (", though no casualties were reported") that does
 * not hold the fact. The true and the false statement are cut the same way, so neither is the
 * article's sentence copied word for word where the sentence has such parts.
 */
export function statementOf(sentence: string, key: string): string {
	let t = sentence;
	const intro = INTRO.exec(t);
	// Not when the comma only ends an item of a list: "With French, German and British leaders, …".
	const rest = intro ? t.slice(intro[0].length) : '';
	if (
		intro &&
		!intro[0].includes(key) &&
		rest.length > 40 &&
		!/^[^\s,]+(?:\s+[^\s,]+)?,/.test(rest) &&
		!/^(?:and|or)\b/i.test(rest)
	) {
		t = t.slice(intro[0].length);
		t = t.charAt(0).toUpperCase() + t.slice(1);
	}
	const tail = TAIL.exec(t);
	if (tail && !tail[0].includes(key) && tail.index > 40) t = t.slice(0, tail.index) + '.';
	return t;
}

/** Words before a figure that make a changed figure still true ("more than 150" holds for 100). */
const BOUND_BEFORE =
	/\b(?:more than|over|at least|upwards of|in excess of|less than|fewer than|under|up to|as much as|as many as|almost|nearly|below|above|exceeding)\s+$/i;
/**
 * Words before a time or figure that make it a bound ("not expected before December 2006", "by
 * 2010", "until March"): a changed bound may still hold, so it is never what a false statement
 * changes.
 */
const TIME_BOUND_BEFORE =
	/\b(?:before|after|by|until|till|no later than|no earlier than|as early as|as late as)\s+(?:the\s+)?(?:(?:end|start|beginning|middle)\s+of\s+(?:the\s+)?|early\s+|late\s+|mid-?)?$/i;
/** Words before a figure that make a near one still roughly true ("about 95%" and 92.9%). */
const ROUGH_BEFORE =
	/\b(?:about|around|some|roughly|approximately|almost|nearly|close to|an estimated)\s+$/i;

/**
 * Whether swapping the key for `wrong` makes a statement the article contradicts: not for a time
 * or figure under "before", "by" or "until", nor a figure under "more than" or "up to" (another
 * may still hold), and for a rough figure only one
 * far from the key.
 */
export function contradicts(
	before: string,
	key: { kind: string; text: string },
	wrong: string
): boolean {
	if (key.kind === 'date' && TIME_BOUND_BEFORE.test(before)) return false;
	if (!/^(?:number|money|percent|quantity)$/.test(key.kind)) return true;
	if (BOUND_BEFORE.test(before)) return false;
	if (!ROUGH_BEFORE.test(before)) return true;
	const num = (x: string) => Number((/\d+(?:[.,]\d+)*/.exec(x)?.[0] ?? '').replace(/,/g, ''));
	const k = num(key.text);
	const w = num(wrong);
	return Number.isFinite(k) && Number.isFinite(w) && k > 0 && Math.abs(w - k) / k > 0.25;
}

/**
 * The statement reworded so that it is not the article's sentence copied: conversions and
 * abbreviations in brackets dropped ("5.65bn euros ($7.4bn; £3.9bn)" → "5.65bn euros"), a closing
 * attribution brought to the front ("…, the firm said." → "The firm said that …"), and an opening
 * time or place phrase moved to the end ("In 2000, EU leaders met." → "EU leaders met in 2000.").
 */
export function restate(statement: string, names?: Set<string>): string {
	let t = statement.replace(/\s*\([^()]{1,60}\)/g, '').replace(/\s+([,.;:])/g, '$1');
	// The opening word in lower case when it moves inside the sentence, unless it is part of a name.
	const lowerFirst = (x: string) => {
		const w = /^[A-Z][a-z]+\b/.exec(x)?.[0];
		return w && (STOPWORDS.has(w.toLowerCase()) || (names && !names.has(w.toLowerCase())))
			? x.charAt(0).toLowerCase() + x.slice(1)
			: null;
	};
	// "Sales rose 5%, the firm said." → "The firm said that sales rose 5%."
	const said =
		/^([^"“”]{25,}?),\s+((?:the|a|an)\s+[a-z][\w\s-]{0,30}?|[a-z][\w-]+(?:\s+[a-z][\w-]+)?|[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3})\s+(said|says|added|reported|announced|confirmed|revealed)\.$/u.exec(
			t
		);
	if (said) {
		const body = lowerFirst(said[1] as string);
		if (body) {
			const who = (said[2] as string).charAt(0).toUpperCase() + (said[2] as string).slice(1);
			return `${who} ${said[3]} that ${body}.`;
		}
	}
	// "In 2000, EU leaders met in Lisbon." → "EU leaders met in Lisbon in 2000."
	const intro = /^((?:In|On|At|During|By|Since)\s+[^,]{2,30}),\s+(.{30,})\.$/.exec(t);
	// "On the war on Iraq, identity cards, student fees and ..., there was ...": the phrase opens a
	// list that goes on after its comma; moved alone, it leaves the list without its head.
	const listGoesOn =
		!!intro && /^[^,]{1,40},/.test(intro[2] as string) && wordsBeforeComma(intro[2] as string) <= 4;
	if (intro && !listGoesOn && !/["“”]/.test(t)) {
		const rest = intro[2] as string;
		const first = /^[A-Z]/.test(rest) && !lowerFirst(rest) ? rest : (lowerFirst(rest) ?? rest);
		const head = first.charAt(0).toUpperCase() + first.slice(1);
		const phrase = (intro[1] as string).charAt(0).toLowerCase() + (intro[1] as string).slice(1);
		t = `${head} ${phrase}.`;
	}
	return t;
}

function wordsBeforeComma(text: string): number {
	return (text.split(',')[0] ?? '').trim().split(/\s+/).length;
}

const namesCache = new WeakMap<Doc, Set<string>>();
/** Every word of the article's names, lower case: such a word keeps its capital anywhere. */
function nameWords(doc: Doc): Set<string> {
	let out = namesCache.get(doc);
	if (!out) {
		out = new Set();
		for (const e of doc.entities) for (const w of e.name.toLowerCase().split(/\s+/)) out.add(w);
		namesCache.set(doc, out);
	}
	return out;
}

/** Whether two statements are the same words, whatever the spacing and closing stop. */
export function sameWords(a: string, b: string): boolean {
	const n = (x: string) =>
		x
			.replace(/\s+/g, ' ')
			.replace(/[.!?]+$/, '')
			.trim()
			.toLowerCase();
	return n(a) === n(b);
}

/**
 * A sentence that is mostly someone's words ("\"It joins two halves of the city,\" Ana Ruiz said."):
 * true or false would judge the quotation, not a fact.
 */
export function mostlyQuoted(sentence: string): boolean {
	const quoted = (sentence.match(/["“][^"“”]*["”]/g) ?? []).join('').length;
	return quoted > sentence.length * 0.4;
}

export const trueFalseBuilder: Builder = {
	type: 'true-false',
	serves: (f) => f.kind !== 'quote' && f.kind !== 'role',
	build(ctx, f, view) {
		const { doc } = ctx;
		const ans = f.answer;
		const s = doc.sentences[f.sentence];
		if (!ans || !s) return [];
		if (!ans.span) return rejectFor(ctx, f, 'true-false', 'no-answer-span');
		if (ans.items !== 1) return rejectFor(ctx, f, 'true-false', 'list-answer');
		if (ans.kind === 'thing') return rejectFor(ctx, f, 'true-false', 'phrase-answer');
		const inContext = sentenceInContext(doc, s.index);
		const sentence = inContext === null ? null : shownSentence(inContext);
		if (!sentence) return rejectFor(ctx, f, 'true-false', 'opens-on-reference');
		// A statement to judge must stand on its own: no fragment, no "I" or "we" of quoted speech.
		const standsAlone =
			s.tokens.filter((t) => t.word).length >= 8 &&
			(sentence.match(/"/g) ?? []).length % 2 === 0 &&
			!s.tokens.some(
				(t) =>
					/^(?:i|we|my|our|me)(?:['’](?:m|re|ve|d|ll))?$/.test(t.lower) ||
					t.text === 'us' ||
					t.text === 'Us'
			) &&
			// "Last week, it struck a deal": a pronoun near the start leaves the statement unanchored.
			!sentence
				.split(/\s+/)
				.slice(0, 5)
				.some((w) => /^(it|he|she|they|this|these|those|its|his|her|their)$/i.test(w));
		if (!standsAlone || mostlyQuoted(sentence))
			return rejectFor(ctx, f, 'true-false', 'statement-not-standalone');
		const ds = view.options();
		// The swap keeps the answer's shape: an acronym for an acronym, a name for a name.
		const acronym = (x: string) => /^[A-Z]{2,6}$/.test(x);
		const wrong = ds.find((d) => acronym(d) === acronym(ans.text));
		// "$9bn (£4.6bn)": changing one figure while its conversion stays would give the game away.
		const after = doc.text.slice(ans.span.end, ans.span.end + 4);
		const converted =
			/^\s*\(\s*[\d$£€¥]/.test(after) ||
			/\(\s*$/.test(doc.text.slice(ans.span.start - 3, ans.span.start));
		const falseStatement =
			wrong &&
			!overlaps(wrong, ans.text) &&
			!converted &&
			contradicts(doc.text.slice(Math.max(0, ans.span.start - 30), ans.span.start), ans, wrong)
				? shownSentence(
						sentenceInContext(doc, s.index, [
							{
								start: ans.span.start,
								end: ans.span.end,
								text: withArticle(wrong, doc.text.slice(s.start, ans.span.start))
							}
						]) ?? ''
					)
				: undefined;
		const trueText = restate(statementOf(sentence, ans.text), nameWords(doc));
		const falseText =
			falseStatement && wrong
				? restate(statementOf(falseStatement, wrong), nameWords(doc))
				: undefined;
		// The true statement is never the article's sentence copied word for word: where no rewording
		// applies, the question is asked only in its false form (or not at all).
		// Cut down, a statement may open on what the cut part named ("After …, she made her debut").
		if (/^(?:he|she|it|they|his|her|its|their|this|these|those)\b/i.test(trueText))
			return rejectFor(ctx, f, 'true-false', 'statement-not-standalone');
		const copied = sameWords(trueText, clean(s.text));
		if (copied && !falseText) return rejectFor(ctx, f, 'true-false', 'copied-statement');
		const built: Built = {
			q: {
				...base(f, 'true-false'),
				type: 'true-false',
				prompt: `True or false? ${copied ? falseText : trueText}`,
				answer: copied ? 'False' : 'True',
				kind: 'statement',
				score: 0
			},
			form: 0.65,
			fact: f,
			falsePrompt: copied || !falseText ? undefined : `True or false? ${falseText}`
		};
		return [built];
	}
};
