/**
 * Questions of six types from facts, one builder per type (builders/*.ts) behind the registry
 * below. Every builder returns nothing rather than a question it cannot make well, and names the
 * reason: no multiple choice without three honest distractors, no cloze that shows its answer, no
 * wh-question the rules are unsure of.
 */
import { clozeBuilder } from './builders/cloze';
import { factView, type Builder, type Built, type Ctx } from './builders/common';
import { multipleChoiceBuilder } from './builders/multiple-choice';
import { quoteBuilder } from './builders/quote';
import { roleBuilder } from './builders/role';
import { shortAnswerBuilder } from './builders/short-answer';
import { trueFalseBuilder } from './builders/true-false';
import type { FactX } from './facts';
import type { Question } from './types';
import { fnv1a, rng, shuffle } from './util';

export { HINTS, type Built, type Ctx, type Builder } from './builders/common';
export { matchQuestion } from './builders/match';

/** The builders, in the order their questions are listed for one fact. Match is built per deck. */
export const BUILDERS: readonly Builder[] = [
	quoteBuilder,
	roleBuilder,
	shortAnswerBuilder,
	multipleChoiceBuilder,
	clozeBuilder,
	trueFalseBuilder
];

export function questionsForFact(ctx: Ctx, f: FactX): Built[] {
	if (!f.answer || !ctx.doc.sentences[f.sentence]) return [];
	const view = factView(ctx, f);
	const out: Built[] = [];
	for (const b of BUILDERS) if (b.serves(f)) out.push(...b.build(ctx, f, view));
	return out;
}

/**
 * Turns about half of the chosen true-false questions false, choosing which by the seed, so a
 * deck is balanced whatever its size.
 */
export function balanceTrueFalse(chosen: Built[], seed: number): void {
	const tf = chosen.filter((b) => b.q.type === 'true-false');
	const flippable = shuffle(
		tf.filter((b) => b.falsePrompt),
		rng(fnv1a(tf.map((b) => b.q.id).join('|'), seed >>> 0))
	);
	// Some are false already (a true statement that could only be the article's words copied).
	const already = tf.filter((b) => b.q.answer === 'False').length;
	const want = Math.max(0, Math.min(flippable.length, Math.round(tf.length / 2) - already));
	for (const b of flippable.slice(0, want)) {
		b.q = { ...b.q, prompt: b.falsePrompt as string, answer: 'False' } as Question;
	}
}
