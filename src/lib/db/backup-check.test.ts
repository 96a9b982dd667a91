import { describe, expect, it } from 'vitest';
import { sampleQuiz } from '$lib/classroom/fixtures/quizzes';
import {
	dayContext,
	DEFAULT_SRS_SETTINGS,
	newSchedule,
	Rating,
	rate,
	resetSchedule,
	reviewContext,
	State
} from '$lib/srs';
import {
	checkTables,
	clampSpan,
	describeIssue,
	MAX_DUE_TIME,
	MAX_EVENT_TIME,
	RULES,
	type CheckTables,
	type RuleId
} from './backup-check';
import { backupDataSchema } from './backup-schema';
import { reviewToTuple } from './backup';
import { ARTICLE_TEXT } from './fixtures/deck';
import type { CardRecord, QuestionRecord, ReviewRow } from './records';

const T0 = Date.UTC(2026, 0, 12, 9);
const ctx = reviewContext(DEFAULT_SRS_SETTINGS, dayContext(0, 4));
const meta = { articleId: 'a-1', order: 0, updatedAt: T0 };
const span = { start: 0, end: 10 };

function cardOf(id: string): CardRecord {
	return {
		id,
		factId: `f-${id}`,
		front: `Front ${id}`,
		back: `Back ${id}`,
		evidence: { ...span },
		...newSchedule(T0),
		...meta,
		queue: 0,
		tags: [],
		createdAt: T0
	};
}

/** A small, consistent collection: every rule holds. Each test breaks one thing. */
function base(): CheckTables & {
	cards: CardRecord[];
	questions: QuestionRecord[];
	reviews: ReviewRow[];
} {
	const fresh = cardOf('c-new');
	const studied = cardOf('c-studied');
	const reviews: ReviewRow[] = [];
	let schedule = newSchedule(T0);
	for (const [i, grade] of [Rating.Good, Rating.Good, Rating.Again].entries()) {
		const outcome = rate(
			studied.id,
			schedule,
			grade as 1 | 2 | 3 | 4,
			new Date(T0 + i * 3_600_000),
			ctx
		);
		reviews.push(outcome.log);
		schedule = outcome.schedule;
	}
	Object.assign(studied, schedule, { queue: schedule.state });
	// A reset card: new again, counts kept, its log says so.
	const reset = cardOf('c-reset');
	const first = rate(reset.id, newSchedule(T0), Rating.Good, new Date(T0), ctx);
	const again = resetSchedule(reset.id, first.schedule, new Date(T0 + 60_000), ctx, false);
	reviews.push(first.log, again.log);
	Object.assign(reset, again.schedule, { queue: State.New });
	const q = (id: string, extra: Partial<QuestionRecord>): QuestionRecord =>
		({
			id,
			factId: `f-${id}`,
			type: 'short-answer',
			prompt: `Prompt ${id}?`,
			answer: `Answer ${id}`,
			evidence: { ...span },
			kind: 'thing',
			score: 0.5,
			...meta,
			...extra
		}) as QuestionRecord;
	const quiz = sampleQuiz();
	return {
		articles: [
			{
				id: 'a-1',
				title: 'Paris summit',
				text: ARTICLE_TEXT,
				sections: [{ title: 'Summit', span: { start: 0, end: ARTICLE_TEXT.length } }],
				facts: [{ id: 'f-1', kind: 'event', evidence: { ...span }, entities: [] }],
				addedAt: T0,
				generatedAt: T0
			}
		],
		questions: [
			q('q-short', {}),
			q('q-mc', { type: 'multiple-choice', answer: 'Paris', choices: ['Paris', 'Rome', 'Oslo'] }),
			q('q-match', {
				type: 'match',
				answer: 'Macron: host; Scholz: guest',
				pairs: [
					['Macron', 'host'],
					['Scholz', 'guest']
				]
			}),
			q('q-tf', { type: 'true-false', answer: 'True' }),
			q('q-cloze', {
				type: 'cloze',
				prompt: '____ hosted it.',
				answer: 'Macron',
				hint: 'a person',
				answerSpan: { start: 2, end: 8 }
			})
		],
		cards: [fresh, studied, reset],
		reviews,
		quizzes: [{ id: 'quiz-1', articleId: 'a-1', questionIds: ['q-short', 'q-mc'], createdAt: T0 }],
		attempts: [
			{ quizId: 'quiz-1', questionId: 'q-mc', answer: 'Rome', correct: false, at: T0 + 5 }
		],
		settings: [{ key: 'srs', value: { newPerDay: 10 } }],
		classroom: [
			{
				id: quiz.id,
				quiz,
				createdAt: T0,
				updatedAt: T0,
				results: [
					{
						name: 'Ana',
						answers: quiz.questions.map(() => null),
						correct: quiz.questions.map(() => false),
						secondsTaken: quiz.questions.map(() => null),
						code: 'ABCD'
					}
				]
			}
		]
	};
}

/** The rules broken by a changed copy of the base collection. */
function broken(change: (t: ReturnType<typeof base>) => void): RuleId[] {
	const t = base();
	change(t);
	return [...new Set(checkTables(t).map((i) => i.rule))];
}

const card = (t: ReturnType<typeof base>, id: string) => t.cards.find((c) => c.id === id)!;
const question = (t: ReturnType<typeof base>, id: string) => t.questions.find((q) => q.id === id)!;

describe('the database rules', () => {
	it('finds nothing wrong with a consistent collection, and the backup schema accepts it', () => {
		const t = base();
		expect(checkTables(t)).toEqual([]);
		const parsed = backupDataSchema.safeParse({ ...t, reviews: t.reviews.map(reviewToTuple) });
		expect(parsed.error?.issues ?? []).toEqual([]);
	});

	it('every rule has a description', () => {
		for (const text of Object.values(RULES)) expect(text.length).toBeGreaterThan(20);
	});

	it('id: a path-like id is refused', () => {
		expect(broken((t) => (t.articles[0]!.id = '../settings'))).toContain('id');
		expect(broken((t) => (card(t, 'c-new').id = 'a/b?c'))).toEqual(['id']);
		expect(broken((t) => (question(t, 'q-tf').id = '.hidden'))).toContain('id');
	});

	it('number: a card field that is not finite', () => {
		expect(broken((t) => (card(t, 'c-studied').stability = Number.NaN))).toContain('number');
		expect(broken((t) => (card(t, 'c-new').scheduledDays = Infinity))).toEqual(['number']);
		expect(broken((t) => (t.reviews[0]!.retention = Number.NaN))).toContain('number');
	});

	it('date: instants past the year 9000, due dates past 9999, negative times', () => {
		expect(broken((t) => (t.reviews[0]!.review = MAX_EVENT_TIME + 1))).toEqual(['date']);
		expect(broken((t) => (card(t, 'c-studied').due = MAX_DUE_TIME + 1))).toEqual(['date']);
		expect(broken((t) => (card(t, 'c-studied').due = MAX_EVENT_TIME + 1))).toEqual([]);
		expect(broken((t) => (t.articles[0]!.addedAt = -1))).toEqual(['date']);
		expect(broken((t) => (t.attempts[0]!.at = 8_640_000_000_000_000))).toEqual(['date']);
		expect(broken((t) => (t.quizzes[0]!.finishedAt = 1.5))).toEqual(['date']);
	});

	it('card-state: a studied card without memory, a new card with a last review', () => {
		expect(broken((t) => (card(t, 'c-studied').stability = 0))).toEqual(['card-state']);
		expect(broken((t) => (card(t, 'c-studied').difficulty = 0))).toEqual(['card-state']);
		expect(broken((t) => (card(t, 'c-studied').lastReview = null))).toEqual(['card-state']);
		expect(broken((t) => (card(t, 'c-new').lastReview = T0))).toEqual(['card-state']);
	});

	it('card-counts: more lapses than reviews, a studied card with no log', () => {
		expect(broken((t) => (card(t, 'c-studied').lapses = 9))).toEqual(['card-counts']);
		expect(
			broken((t) => {
				t.reviews = t.reviews.filter((r) => r.cardId !== 'c-studied');
			})
		).toEqual(['card-counts']);
		expect(broken((t) => (card(t, 'c-new').reps = 3))).toEqual(['card-counts']);
	});

	it('card-text: an empty front or back', () => {
		expect(broken((t) => (card(t, 'c-new').front = '  '))).toEqual(['card-text']);
		expect(broken((t) => (card(t, 'c-new').back = ''))).toEqual(['card-text']);
	});

	it('question: options, pairs, true/false answers, cloze hints, empty text', () => {
		const mc = (t: ReturnType<typeof base>) =>
			question(t, 'q-mc') as QuestionRecord & { choices?: string[] };
		expect(broken((t) => (mc(t).choices = []))).toEqual(['question']);
		expect(broken((t) => delete mc(t).choices)).toEqual(['question']);
		expect(broken((t) => (mc(t).answer = 'Berlin'))).toEqual(['question']);
		const match = (t: ReturnType<typeof base>) =>
			question(t, 'q-match') as QuestionRecord & { pairs: [string, string][] };
		expect(broken((t) => (match(t).pairs = []))).toEqual(['question']);
		expect(broken((t) => (match(t).pairs[1] = ['Scholz', '']))).toEqual(['question']);
		expect(broken((t) => (question(t, 'q-tf').answer = 'Maybe'))).toEqual(['question']);
		expect(broken((t) => delete (question(t, 'q-cloze') as { hint?: string }).hint)).toEqual([
			'question'
		]);
		expect(broken((t) => (question(t, 'q-short').prompt = ''))).toEqual(['question']);
	});

	it('span: positions past the text, or backwards; a retired item’s history is left alone', () => {
		const past = ARTICLE_TEXT.length + 1;
		expect(broken((t) => (question(t, 'q-short').evidence = { start: 0, end: past }))).toEqual([
			'span'
		]);
		expect(broken((t) => (question(t, 'q-cloze').answerSpan = { start: 9, end: 3 }))).toEqual([
			'span'
		]);
		expect(broken((t) => (card(t, 'c-new').evidence = { start: past, end: past }))).toEqual([
			'span'
		]);
		expect(broken((t) => (t.articles[0]!.facts[0]!.evidence.end = past))).toEqual(['span']);
		expect(broken((t) => (t.articles[0]!.sections[0]!.span.end = past))).toEqual(['span']);
		expect(
			broken((t) => {
				card(t, 'c-new').evidence = { start: 0, end: past };
				card(t, 'c-new').retiredAt = T0;
			})
		).toEqual([]);
		expect(clampSpan({ start: past, end: past + 4 }, ARTICLE_TEXT.length)).toEqual({
			start: ARTICLE_TEXT.length,
			end: ARTICLE_TEXT.length
		});
	});

	it('review: a rating out of range, a reset without its flag, a studied row without memory', () => {
		expect(broken((t) => (t.reviews[0]!.rating = 7 as Rating))).toEqual(['review']);
		const resetRow = (t: ReturnType<typeof base>) =>
			t.reviews.find((r) => r.rating === Rating.Manual)!;
		expect(broken((t) => delete resetRow(t).resetCount)).toEqual(['review']);
		expect(broken((t) => (t.reviews[1]!.stability = 0))).toEqual(['review']);
	});

	it('reference: items, rows, quizzes and answers that point at nothing', () => {
		expect(broken((t) => (card(t, 'c-new').articleId = 'a-gone'))).toEqual(['reference']);
		expect(broken((t) => (question(t, 'q-tf').articleId = 'a-gone'))).toEqual(['reference']);
		expect(broken((t) => (t.reviews[0]!.cardId = 'c-gone'))).toContain('reference');
		expect(broken((t) => t.quizzes[0]!.questionIds.push('q-gone'))).toEqual(['reference']);
		expect(broken((t) => (t.quizzes[0]!.articleId = 'a-gone'))).toEqual(['reference']);
		expect(broken((t) => (t.attempts[0]!.questionId = 'q-tf'))).toEqual(['reference']);
		expect(broken((t) => (t.attempts[0]!.quizId = 'quiz-gone'))).toEqual(['reference']);
	});

	it('results: a classroom result without one answer per question', () => {
		expect(broken((t) => t.classroom[0]!.results[0]!.answers.pop())).toEqual(['results']);
	});

	it('names where each problem is, and stops at the limit', () => {
		const t = base();
		card(t, 'c-studied').stability = 0;
		t.quizzes[0]!.questionIds.push('q-gone');
		const issues = checkTables(t);
		expect(issues.map(describeIssue)).toEqual([
			'cards[1] (c-studied): a card in Relearning has stability 0; a studied card needs a positive stability.',
			'quizzes[0] (quiz-1): the quiz asks 1 question that is missing (first "q-gone").'
		]);
		expect(checkTables(t, { limit: 1 })).toHaveLength(1);
	});

	it('the backup schema runs the per-record rules, so a restore and sync refuse them', () => {
		const t = base();
		card(t, 'c-studied').stability = 0;
		(question(t, 'q-mc') as { choices?: string[] }).choices = [];
		t.reviews[0]!.review = MAX_EVENT_TIME + 1;
		const parsed = backupDataSchema.safeParse({ ...t, reviews: t.reviews.map(reviewToTuple) });
		const messages = parsed.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
		expect(messages.some((m) => m.startsWith('cards.1') && m.includes('stability 0'))).toBe(true);
		expect(messages.some((m) => m.startsWith('questions.1') && m.includes('0 options'))).toBe(true);
		expect(messages.some((m) => m.startsWith('reviews.0'))).toBe(true);
	});
});
