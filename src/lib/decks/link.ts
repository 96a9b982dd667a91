/**
 * A flashcard and the question it was written from share a fact: the card's front is the
 * question's prompt (a cloze adds its hint in brackets) and the card's back opens with the
 * question's answer, then a blank line and the source sentence. These functions carry an edit of
 * one over to the other, so a fix made in either place shows up in both. Pure.
 */
import type { Card, Question } from '$lib/generate/types';

/** The front without a trailing cloze hint: "X ____ Y (a person)" → "X ____ Y". */
function stem(front: string, question: Question): string {
	// A cloze with an empty hint has no brackets on its front.
	if (question.type === 'cloze' && question.hint) {
		const suffix = ` (${question.hint})`;
		if (front.endsWith(suffix)) return front.slice(0, -suffix.length);
	}
	return front;
}

/** The answer part of a card's back: everything before the first blank line. */
export function answerOfBack(back: string): string {
	const at = back.indexOf('\n\n');
	return (at < 0 ? back : back.slice(0, at)).trim();
}

/** Replaces the answer part of a back, keeping the sentence after it. */
function withAnswer(back: string, answer: string): string {
	const at = back.indexOf('\n\n');
	return at < 0 ? answer : answer + back.slice(at);
}

/** Whether `question` is the one `card` was written from: same fact, and the front is its prompt. */
export function isLinked(card: Pick<Card, 'factId' | 'front'>, question: Question): boolean {
	return card.factId === question.factId && stem(card.front, question) === question.prompt;
}

type CardText = Pick<Card, 'front' | 'back'>;

/**
 * The card's text after its linked question changed from `before` to `after` (null when the card
 * need not change). Only the parts that still match the old question are rewritten, so a card
 * edited on its own keeps its own wording.
 */
export function cardAfterQuestionEdit(
	card: CardText,
	before: Question,
	after: Question
): CardText | null {
	let { front, back } = card;
	if (before.prompt !== after.prompt && stem(front, before) === before.prompt) {
		front = after.prompt + front.slice(before.prompt.length);
	}
	if (before.answer !== after.answer && answerOfBack(back) === before.answer.trim()) {
		back = withAnswer(back, after.answer);
	}
	return front === card.front && back === card.back ? null : { front, back };
}

/**
 * The question after its card's text changed from `before` to `after` (null when it need not
 * change). The prompt follows the front; the answer follows the back's answer part where the
 * question type lets it (a true/false answer stays True or False; an option list swaps the old
 * answer for the new one).
 */
export function questionAfterCardEdit(
	question: Question,
	before: CardText,
	after: CardText
): Question | null {
	const next = { ...question } as Question;
	let changed = false;
	const oldStem = stem(before.front, question);
	if (before.front !== after.front && oldStem === question.prompt) {
		const suffix = before.front.slice(oldStem.length);
		const newStem =
			suffix && after.front.endsWith(suffix) ? after.front.slice(0, -suffix.length) : after.front;
		if (newStem.trim() && newStem !== question.prompt) {
			next.prompt = newStem.trim();
			changed = true;
		}
	}
	const oldAnswer = answerOfBack(before.back);
	const newAnswer = answerOfBack(after.back);
	if (
		newAnswer &&
		oldAnswer !== newAnswer &&
		oldAnswer === question.answer.trim() &&
		question.type !== 'true-false' &&
		question.type !== 'match'
	) {
		if (next.type === 'multiple-choice' || next.type === 'quote') {
			if (next.choices.some((c) => c.trim().toLowerCase() === newAnswer.toLowerCase())) {
				// The new answer is already one of the options: keep the list as it is.
			} else {
				next.choices = next.choices.map((c) => (c === question.answer ? newAnswer : c));
			}
		}
		next.answer = newAnswer;
		changed = true;
	}
	return changed ? next : null;
}
