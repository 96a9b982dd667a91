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
import { ROLE_NOUNS } from '../../nlp/lexicon';
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
	// "swap these winter fuel payments": which ones is said in another sentence.
	if (/\b(?:these|those)\b(?!\s+(?:days|years|months|weeks))/i.test(prompt)) return 'needs-context';
	if (unsureSubstitution(ctx.doc, f.sentence)) return 'unsure-reference';
	if (title && inTitle(ans.text, title)) return 'trivial-detail';
	return null;
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

export const shortAnswerBuilder: Builder = {
	type: 'short-answer',
	serves: ownStatement,
	build: withAnswer((ctx, f, ans, view) => {
		const wh = view.wh();
		if (!wh) return rejectFor(ctx, f, 'short-answer', 'no-clean-wh-question');
		const problem = shortAnswerProblem(ctx, f, wh.prompt, ctx.title);
		if (problem) rejectFor(ctx, f, 'short-answer', problem);
		const key = countKey(ctx.doc, f, wh.prompt) ?? ans;
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
