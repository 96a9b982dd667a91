/**
 * What a printed worksheet needs beyond the quiz itself: the letter of each choice, the mixed
 * right-hand column of a match, and the answer key's line for each question. Pure.
 */
import type { ClassroomQuestion } from './schema';

/** "A" for 0, "B" for 1, … */
export function choiceLetter(index: number): string {
	return String.fromCharCode(65 + index);
}

/** A match's right-hand items in a fixed mixed order: reversed, then rotated by one. */
export function matchRight(q: Extract<ClassroomQuestion, { type: 'match' }>): string[] {
	const reversed = q.pairs.map((p) => p[1]).reverse();
	return reversed.length > 2 ? [...reversed.slice(1), reversed[0] ?? ''] : reversed;
}

/** The answer key's line for a question, in the letters and numbers the worksheet shows. */
export function keyAnswer(q: ClassroomQuestion): string {
	switch (q.type) {
		case 'multiple-choice':
		case 'quote':
			return `${choiceLetter(q.answer)}. ${q.choices[q.answer] ?? ''}`;
		case 'true-false':
			return q.answer ? 'True' : 'False';
		case 'cloze':
		case 'short-answer':
			return q.answer;
		case 'match': {
			const right = matchRight(q);
			return q.pairs
				.map(([left, r], i) => `${i + 1} → ${choiceLetter(right.indexOf(r))} (${left} → ${r})`)
				.join('; ');
		}
	}
}
