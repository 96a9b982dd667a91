/**
 * The teacher's results: per-student scores, per-question statistics and a CSV export. Pure: the
 * page keeps the list of received results and calls these to show them.
 */
import { toCsv } from '$lib/csv/writer';
import { answerPoints, isOverridden, permutationFromIndex } from './grade';
import type { ReceivedResult } from './result-code';
import type { ClassroomQuestion, ClassroomQuiz } from './schema';

export interface StudentRow {
	name: string;
	score: number;
	correctCount: number;
	answeredCount: number;
	correct: boolean[];
	/** Points earned per question (speed-weighted when the quiz uses speed points). */
	points: number[];
	answers: (number | null)[];
	/** Per question: a typed answer graded wrong that the student counted right ("I was right"). */
	overridden: boolean[];
	secondsTaken: (number | null)[];
}

export interface WrongAnswer {
	/** The answer as a result code carries it (see grade.ts). */
	answer: number;
	/** What the student saw, e.g. the option text; plain text, never HTML. */
	label: string;
	count: number;
}

export interface QuestionStats {
	index: number;
	prompt: string;
	type: ClassroomQuestion['type'];
	answered: number;
	correct: number;
	/** Of the right answers, those the student counted right after the grader marked them wrong. */
	overridden: number;
	/** Right answers over all students (0 when there are none); unanswered counts as wrong. */
	shareCorrect: number;
	/** The wrong answer given most often; null when none, or for typed answers (no text is sent). */
	mostCommonWrong: WrongAnswer | null;
	/** Median seconds over the students who answered, or null. */
	medianSeconds: number | null;
}

export interface ClassResults {
	/** Best score first, then by name. */
	students: StudentRow[];
	questions: QuestionStats[];
	/** Results dropped because a later one came from the same name. */
	replaced: number;
}

/** Two results are the same student when their names match ignoring case and spacing. */
function nameKey(name: string): string {
	return name.normalize('NFKC').toLocaleLowerCase().replace(/\s+/g, ' ').trim();
}

/** A readable form of an answer, for the teacher. */
export function answerLabel(question: ClassroomQuestion, answer: number): string {
	switch (question.type) {
		case 'multiple-choice':
		case 'quote':
			return question.choices[answer] ?? `Option ${answer + 1}`;
		case 'true-false':
			return answer === 1 ? 'True' : 'False';
		case 'match': {
			const pairing = permutationFromIndex(answer, question.pairs.length);
			return question.pairs
				.map((pair, i) => `${pair[0]} → ${question.pairs[pairing[i] ?? i]?.[1] ?? '?'}`)
				.join('; ');
		}
		case 'cloze':
		case 'short-answer':
			return isOverridden(question, answer)
				? 'Marked wrong, counted right by the student (“I was right”)'
				: answer === 1
					? 'Right'
					: 'Wrong';
	}
}

function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 === 1
		? (sorted[mid] ?? 0)
		: ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Scores the class. A student who sends a second code (same name) replaces the first, so a
 * re-scan or a retake never counts twice.
 */
export function aggregateResults(quiz: ClassroomQuiz, results: ReceivedResult[]): ClassResults {
	const latest = new Map<string, ReceivedResult>();
	for (const result of results) {
		const key = nameKey(result.name);
		latest.delete(key);
		latest.set(key, result);
	}
	const kept = [...latest.values()];
	const students: StudentRow[] = kept.map((result) => {
		const points = quiz.questions.map((q, i) =>
			answerPoints(quiz, q, result.correct[i] ?? false, result.secondsTaken[i] ?? null)
		);
		return {
			name: result.name,
			score: points.reduce((sum, p) => sum + p, 0),
			correctCount: result.correct.filter(Boolean).length,
			answeredCount: result.answers.filter((a) => a !== null).length,
			correct: quiz.questions.map((_, i) => result.correct[i] ?? false),
			points,
			answers: quiz.questions.map((_, i) => result.answers[i] ?? null),
			overridden: quiz.questions.map((q, i) => isOverridden(q, result.answers[i] ?? null)),
			secondsTaken: quiz.questions.map((_, i) => result.secondsTaken[i] ?? null)
		};
	});
	students.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));

	const questions: QuestionStats[] = quiz.questions.map((q, i) => {
		let answered = 0;
		let correct = 0;
		let overridden = 0;
		const wrong = new Map<number, number>();
		const seconds: number[] = [];
		for (const student of students) {
			const answer = student.answers[i] ?? null;
			if (answer === null) continue;
			answered++;
			const time = student.secondsTaken[i];
			if (typeof time === 'number') seconds.push(time);
			if (student.overridden[i]) overridden++;
			if (student.correct[i]) correct++;
			else wrong.set(answer, (wrong.get(answer) ?? 0) + 1);
		}
		let mostCommonWrong: WrongAnswer | null = null;
		if (q.type !== 'cloze' && q.type !== 'short-answer') {
			for (const [answer, count] of wrong) {
				if (
					mostCommonWrong === null ||
					count > mostCommonWrong.count ||
					(count === mostCommonWrong.count && answer < mostCommonWrong.answer)
				) {
					mostCommonWrong = { answer, label: answerLabel(q, answer), count };
				}
			}
		}
		return {
			index: i,
			prompt: q.prompt,
			type: q.type,
			answered,
			correct,
			overridden,
			shareCorrect: students.length === 0 ? 0 : correct / students.length,
			mostCommonWrong,
			medianSeconds: median(seconds)
		};
	});
	return { students, questions, replaced: results.length - kept.length };
}

/**
 * The class results as CSV (RFC 4180: CRLF line ends), one row per student: name, score, right
 * answers, then per question 1 (right), 0 (wrong) or empty (no answer), then the questions whose
 * typed answer the student counted right after it was marked wrong ("Q2 Q5"). Starts with a UTF-8
 * byte order mark unless `bom` is false, so spreadsheet programs read accents correctly.
 */
export function resultsToCsv(
	quiz: ClassroomQuiz,
	results: ClassResults,
	{ bom = true }: { bom?: boolean } = {}
): string {
	const header = [
		'Name',
		'Score',
		'Correct',
		...quiz.questions.map((_, i) => `Q${i + 1}`),
		'Counted right by the student'
	];
	const rows = results.students.map((s) => [
		s.name,
		s.score,
		s.correctCount,
		...s.answers.map((answer, i) => (answer === null ? '' : s.correct[i] ? 1 : 0)),
		s.overridden.flatMap((o, i) => (o ? [`Q${i + 1}`] : [])).join(' ')
	]);
	return toCsv([header, ...rows], { bom });
}
