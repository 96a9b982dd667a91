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

export { HINTS, NAME_HINTS, type Built, type Ctx, type Builder } from './builders/common';
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
 * Gives the chosen true-false questions their final answer, aiming at about half true (an odd one
 * over is left true). A question whose true statement is reworded and that has a false twin may be
 * asked either way; the seed picks which of these are turned false, only as many as bring the true
 * ones down to half. Two sorts cannot move: one whose only true statement would be the article's
 * sentence copied is asked false (the builder made it so), and one with no false twin stays true.
 * Where the copied ones already make more than half false, every reworded one stays true and the
 * deck leans false; no question is dropped or copied to even the count.
 */
export function balanceTrueFalse(chosen: Built[], seed: number): void {
	const tf = chosen.filter((b) => b.q.type === 'true-false');
	const flippable = shuffle(
		tf.filter((b) => b.q.answer === 'True' && b.falsePrompt),
		rng(fnv1a(tf.map((b) => b.q.id).join('|'), seed >>> 0))
	);
	const already = tf.filter((b) => b.q.answer === 'False').length;
	const want = Math.max(0, Math.min(flippable.length, Math.floor(tf.length / 2) - already));
	for (const b of flippable.slice(0, want)) {
		b.q = { ...b.q, prompt: b.falsePrompt as string, answer: 'False' } as Question;
	}
}
