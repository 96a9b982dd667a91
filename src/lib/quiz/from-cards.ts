/**
 * Quiz questions from flashcards that have none (an imported CSV or Anki deck, cards added by
 * hand): each card becomes a short-answer question (its front, answered by its back) and, when the
 * deck has enough other answers, a multiple-choice question whose wrong options are other cards'
 * backs from the same deck, the closest in length and shape first. Pure and seeded: the same cards
 * and seed give the same questions with the same ids.
 */
import type { Card, MultipleChoiceQuestion, ShortAnswerQuestion } from '$lib/generate/types';
import { fnv1a as hash, rng, shuffle } from '$lib/generate/util';

/** Backs longer than this make poor typed answers; such cards get a multiple-choice question only. */
export const MAX_TYPED_ANSWER = 60;
/** Options a multiple-choice question shows (the answer and its distractors). */
export const CHOICES = 4;

export type CardQuestion = (MultipleChoiceQuestion | ShortAnswerQuestion) & { articleId: string };

type SourceCard = Pick<Card, 'id' | 'factId' | 'front' | 'back' | 'evidence'> & {
	articleId: string;
};

/** The answer part of a back: its first line (a back can carry a source sentence after it). */
export function answerOfBack(back: string): string {
	return (back.split(/\r?\n/).find((line) => line.trim() !== '') ?? '').trim();
}

function shapeOf(text: string): string {
	if (/^\d/.test(text)) return 'number';
	if (/^\p{Lu}/u.test(text)) return 'name';
	return 'word';
}

/** Other answers ordered by how well they would pass for `answer`: same shape, similar length. */
function distractorsFor(answer: string, pool: readonly string[], seed: number): string[] {
	const own = answer.toLowerCase();
	const shape = shapeOf(answer);
	const candidates = [...new Set(pool)].filter((a) => a.toLowerCase() !== own);
	const random = rng(seed);
	const jitter = new Map(candidates.map((c) => [c, random()]));
	const cost = (c: string) =>
		(shapeOf(c) === shape ? 0 : 1) +
		Math.abs(Math.log((c.length + 1) / (answer.length + 1))) +
		jitter.get(c)! * 0.3;
	return candidates.sort((a, b) => cost(a) - cost(b)).slice(0, CHOICES - 1);
}

/**
 * Questions for `cards`, with distractors drawn from `deck` (the cards of the same article,
 * `cards` included).
 */
export function questionsFromCards(
	cards: readonly SourceCard[],
	deck: readonly SourceCard[] = cards,
	seed = 0
): CardQuestion[] {
	const answers = deck.map((c) => answerOfBack(c.back)).filter((a) => a !== '');
	const out: CardQuestion[] = [];
	for (const card of cards) {
		const answer = answerOfBack(card.back);
		const prompt = card.front.trim();
		if (!answer || !prompt) continue;
		const base = {
			factId: card.factId,
			articleId: card.articleId,
			prompt,
			answer,
			evidence: card.evidence,
			kind: 'thing' as const,
			score: 0
		};
		if (answer.length <= MAX_TYPED_ANSWER) {
			out.push({ ...base, id: `${card.id}-qs`, type: 'short-answer' });
		}
		const distractors = distractorsFor(answer, answers, (seed ^ hash(card.id)) >>> 0);
		if (distractors.length === CHOICES - 1) {
			const choices = shuffle([answer, ...distractors], rng((seed ^ hash(`${card.id}|mc`)) >>> 0));
			out.push({ ...base, id: `${card.id}-qm`, type: 'multiple-choice', choices });
		}
	}
	return out;
}

/** The cards no question covers (their fact has no question): these need questions made. */
export function cardsWithoutQuestions<C extends Pick<Card, 'factId'>>(
	cards: readonly C[],
	questions: readonly { factId: string }[]
): C[] {
	const covered = new Set(questions.map((q) => q.factId));
	return cards.filter((c) => !covered.has(c.factId));
}
