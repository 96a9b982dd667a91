/**
 * The practice-quiz history as Stats shows it: each quiz's score as a share of its questions,
 * and the average over the quizzes answered. Pure.
 */

/** One finished or abandoned practice quiz, with its score, as storage reports it to Stats. */
export interface QuizScoreInput {
	id: string;
	createdAt: number;
	finishedAt?: number;
	questions: number;
	answered: number;
	right: number;
	/** Answers the learner overrode as right ("I was right"). */
	overridden: number;
	/** Titles of the articles its questions came from. */
	titles: string[];
}

export interface QuizScoreRow {
	id: string;
	createdAt: number;
	/** "7 / 10". */
	score: string;
	/** Right answers as a whole percentage of the quiz's questions. */
	percent: number;
	/** Where the questions came from: titles joined, or "—" when the articles are gone. */
	from: string;
	/** Said after the score: unfinished, or answers the learner counted as right. */
	note: string;
}

export interface QuizHistoryView {
	rows: QuizScoreRow[];
	/** Mean percentage over the quizzes with at least one answer; null without any. */
	average: number | null;
	/** A sentence for screen readers and the eye. */
	summary: string;
}

const percentOf = (right: number, total: number) =>
	total > 0 ? Math.round((right / total) * 100) : 0;

export function quizHistoryView(entries: readonly QuizScoreInput[]): QuizHistoryView {
	const rows = entries.map((e): QuizScoreRow => {
		const notes: string[] = [];
		if (e.finishedAt === undefined) notes.push(`${e.answered} of ${e.questions} answered`);
		if (e.overridden > 0) notes.push(`${e.overridden} counted right by you`);
		return {
			id: e.id,
			createdAt: e.createdAt,
			score: `${e.right} / ${e.questions}`,
			percent: percentOf(e.right, e.questions),
			from: e.titles.length ? e.titles.join(', ') : '—',
			note: notes.join('; ')
		};
	});
	const scored = entries.filter((e) => e.answered > 0);
	const average = scored.length
		? Math.round(scored.reduce((s, e) => s + percentOf(e.right, e.questions), 0) / scored.length)
		: null;
	const summary =
		average === null
			? 'No practice quizzes answered yet.'
			: `${scored.length} practice quiz${scored.length === 1 ? '' : 'zes'}, ${average}% right on average.`;
	return { rows, average, summary };
}
