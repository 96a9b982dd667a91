/**
 * The database's side of $lib/limits: writes larger than a backup accepts are refused with a
 * LimitError before anything changes.
 */
import { editLimit, itemLimitProblem, lengthProblem, type ItemTexts } from '$lib/limits';
import { LimitError } from './errors';

/** Throws a LimitError naming the problems, when there are any. */
export function refuseOverLimits(problems: string[]): void {
	if (problems.length > 0)
		throw new LimitError('It is too large to save; nothing was saved.', problems);
}

const EDITED = ['front', 'back', 'prompt', 'answer', 'hint'] as const;

/**
 * Checks a hand edit of a card or question (`next`, from `old`): each changed text within
 * `editLimit` of what it was, and the whole item within the item limits.
 */
export function checkItemEdit(old: ItemTexts, next: ItemTexts): void {
	const problems: string[] = [];
	for (const field of EDITED) {
		const value = next[field];
		if (value === undefined || value === old[field]) continue;
		const problem = lengthProblem(field, value, editLimit(old[field] ?? ''));
		if (problem) problems.push(problem);
	}
	const whole = itemLimitProblem(next);
	if (whole) problems.push(whole);
	refuseOverLimits(problems);
}
