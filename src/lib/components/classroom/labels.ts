/** Words and marks shared by the classroom pages. */
import type { ClassroomQuestionType } from '$lib/classroom';
import { QUESTION_TYPE_LABELS } from '../question-labels';

/** The classroom's question types are the generator's, named the same way. */
export const TYPE_LABELS: Record<ClassroomQuestionType, string> = QUESTION_TYPE_LABELS;

/**
 * Option marks: a shape, a colour and a name, so no one has to tell colours apart. Colours from
 * the Okabe–Ito palette, which stays distinct with the common colour-vision deficiencies; each
 * takes black text at well over 4.5:1.
 */
export const OPTION_MARKS = [
	{ glyph: '▲', name: 'Triangle', colour: '#e69f00' },
	{ glyph: '◆', name: 'Diamond', colour: '#56b4e9' },
	{ glyph: '●', name: 'Circle', colour: '#009e73' },
	{ glyph: '■', name: 'Square', colour: '#cc79a7' },
	{ glyph: '★', name: 'Star', colour: '#f0e442' },
	{ glyph: '✚', name: 'Cross', colour: '#d55e00' }
] as const;

export type OptionMark = (typeof OPTION_MARKS)[number];

/** The mark of the option shown at `position` (marks repeat past six, which the schema forbids). */
export function markAt(position: number): OptionMark {
	return OPTION_MARKS[position % OPTION_MARKS.length] ?? OPTION_MARKS[0];
}

/** "1 question", "3 questions". */
export function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}
