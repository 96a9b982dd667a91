/**
 * True or false: built true, with a false twin (one name or number swapped for one the text does
 * not support); the deck later turns about half of the chosen ones false.
 */
import { sentenceInContext } from '../../nlp/coref';
import { overlaps } from '../distractors';
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
			!s.tokens.some((t) => /^(i|we|my|our|me)$/.test(t.lower) || t.text === 'us') &&
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
			wrong && !overlaps(wrong, ans.text) && !converted
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
		const built: Built = {
			q: {
				...base(f, 'true-false'),
				type: 'true-false',
				prompt: `True or false? ${statementOf(sentence, ans.text)}`,
				answer: 'True',
				kind: 'statement',
				score: 0
			},
			form: 0.65,
			fact: f,
			falsePrompt:
				falseStatement && wrong ? `True or false? ${statementOf(falseStatement, wrong)}` : undefined
		};
		return [built];
	}
};
