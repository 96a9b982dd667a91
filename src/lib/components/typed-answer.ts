/**
 * The attributes of a box where a learner types an answer (a practice quiz, a classroom question):
 * the browser must not complete, capitalise or spell-correct it, so what is graded is what the
 * learner typed.
 */
export const UNCORRECTED = {
	autocomplete: 'off',
	autocapitalize: 'off',
	spellcheck: false
} as const;
