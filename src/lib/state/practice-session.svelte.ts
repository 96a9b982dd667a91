/**
 * A practice quiz from setup to results: what it draws on (chosen articles, or everything due),
 * the questions picked, the answers given and saved, "I was right" overrides, and missed questions
 * put back into review. Screens render its fields and call its methods; storage is reached only
 * here, through the app's database.
 */
import type { QuestionType } from '$lib/generate/types';
import { evidenceSentences } from '$lib/quiz/evidence';
import {
	ALL_TYPES,
	checkAnswer,
	overrideChecked,
	pickQuestions,
	type Checked,
	type Response
} from '$lib/quiz/session';
import type { ArticleRecord, QuestionRecord } from '$lib/db/records';
import { bound } from './app-database.svelte';
import { loadArticles } from './articles';

export type { ArticleRecord, Checked, QuestionRecord, Response };

const db = () => import('$lib/db/practice-quiz');
const quizPool = bound(async () => (await db()).quizPool);
const startPracticeQuiz = bound(async () => (await db()).startPracticeQuiz);
const recordAnswer = bound(async () => (await db()).recordAnswer);
const overrideAnswer = bound(async () => (await db()).overrideAnswer);
const finishQuiz = bound(async () => (await import('$lib/db/practice')).finishQuiz);
const missedToReview = bound(async () => (await db()).missedToReview);

export type QuizPhase = 'setup' | 'playing' | 'done';
/** Where the questions come from: the chosen articles, or every card due for review now. */
export type QuizMode = 'articles' | 'due';

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class PracticeSession {
	articles = $state.raw<ArticleRecord[]>([]);
	loading = $state(true);
	loadError = $state('');

	mode = $state<QuizMode>('articles');
	chosen = $state<string[]>([]);
	types = $state<QuestionType[]>([...ALL_TYPES]);
	count = $state(10);
	feedbackNow = $state(true);
	/** The questions the current choice offers (before types and count). */
	available = $state.raw<QuestionRecord[]>([]);
	poolLoading = $state(false);
	setupError = $state('');

	phase = $state<QuizPhase>('setup');
	questions = $state.raw<QuestionRecord[]>([]);
	index = $state(0);
	results = $state.raw<(Checked | null)[]>([]);
	/** Said after an answer could not be stored (the quiz goes on). */
	saveError = $state('');
	missedNotice = $state('');

	#quizId = '';
	#shownAt = 0;
	#poolArticles = new Map<string, ArticleRecord>();
	#poolRequest = 0;

	readonly current = $derived(this.questions[this.index]);
	readonly answered = $derived(this.results[this.index] ?? null);
	readonly countsByType = $derived(
		new Map(ALL_TYPES.map((t) => [t, this.available.filter((q) => q.type === t).length]))
	);
	readonly poolSize = $derived(this.available.filter((q) => this.types.includes(q.type)).length);
	readonly score = $derived(this.results.reduce((s, r) => s + (r?.score ?? 0), 0));
	readonly missed = $derived(
		this.questions.filter((_, i) => this.results[i] && !this.results[i]!.correct)
	);

	/** Loads the articles; `wanted` (an article id, or "due") preselects the source. */
	async load(wanted: string | null): Promise<void> {
		try {
			this.articles = await loadArticles();
			if (wanted === 'due') this.mode = 'due';
			const first = this.articles.find((a) => a.id === wanted) ?? this.articles[0];
			this.chosen = first ? [first.id] : [];
		} catch (e) {
			this.loadError = message(e);
		} finally {
			this.loading = false;
		}
	}

	/** Reads the questions the current source offers; a later call wins over an earlier one. */
	async refreshPool(now: Date): Promise<void> {
		const request = ++this.#poolRequest;
		const source = this.mode === 'due' ? { due: true as const } : { articleIds: [...this.chosen] };
		this.poolLoading = true;
		try {
			const pool = await quizPool(source, now);
			if (request !== this.#poolRequest) return;
			this.available = pool.questions;
			this.#poolArticles = pool.articles;
			this.setupError = '';
		} catch (e) {
			if (request === this.#poolRequest)
				this.setupError = `Could not read the questions: ${message(e)}`;
		} finally {
			if (request === this.#poolRequest) this.poolLoading = false;
		}
	}

	/** Why the quiz cannot start with the current choice, or '' when it can. */
	get emptyReason(): string {
		if (this.poolLoading || this.poolSize > 0) return '';
		if (this.mode === 'due') return 'Nothing is due for review now. Choose articles instead.';
		if (this.chosen.length === 0) return 'Choose at least one article.';
		if (this.available.length === 0) return 'The chosen articles have no questions or cards yet.';
		return 'No questions of the chosen types. Choose more types.';
	}

	/** Picks the questions and stores the quiz; false (with `setupError` said) when it cannot. */
	async start(now: Date, seed: number): Promise<boolean> {
		this.setupError = '';
		const picked = pickQuestions(this.available, { types: this.types, count: this.count, seed });
		if (picked.length === 0) {
			this.setupError = this.emptyReason || 'No questions to ask.';
			return false;
		}
		try {
			this.#quizId = await startPracticeQuiz(picked, now);
		} catch (e) {
			this.setupError = `Could not start the quiz: ${message(e)}`;
			return false;
		}
		this.questions = picked;
		this.results = picked.map(() => null);
		this.index = 0;
		this.saveError = '';
		this.missedNotice = '';
		this.phase = 'playing';
		this.#shownAt = now.getTime();
		return true;
	}

	/** Grades and stores the answer to the current question; null when it was answered already. */
	async answer(response: Response, now: Date): Promise<Checked | null> {
		const q = this.current;
		if (!q || this.answered) return null;
		const checked = checkAnswer(q, response);
		this.#setResult(this.index, checked);
		try {
			await recordAnswer({
				quizId: this.#quizId,
				questionId: q.id,
				answer: checked.given,
				correct: checked.correct,
				at: now.getTime(),
				tookMs: Math.max(0, now.getTime() - this.#shownAt)
			});
		} catch (e) {
			this.saveError = `Your answer could not be saved: ${message(e)}`;
		}
		return checked;
	}

	/** "I was right": question `i`'s typed answer counts as right, and the log records it. */
	async override(i = this.index): Promise<void> {
		const q = this.questions[i];
		const r = this.results[i];
		if (!q || !r || r.correct) return;
		const changed = overrideChecked(q, r);
		if (!changed.overridden) return;
		this.#setResult(i, changed);
		try {
			await overrideAnswer(this.#quizId, q.id);
		} catch (e) {
			this.saveError = `Your change could not be saved: ${message(e)}`;
		}
	}

	/** Moves on; at the end stores the finish and shows the results. Returns the new phase. */
	async next(now: Date): Promise<QuizPhase> {
		if (this.index + 1 < this.questions.length) {
			this.index++;
			this.#shownAt = now.getTime();
			return this.phase;
		}
		try {
			await finishQuiz(this.#quizId, now);
		} catch (e) {
			this.saveError = `The quiz could not be marked finished: ${message(e)}`;
		}
		this.phase = 'done';
		return this.phase;
	}

	/** Back to the setup, keeping the choices; the pool is read again (cards may now be due). */
	restart(): void {
		this.phase = 'setup';
		this.questions = [];
		this.results = [];
		this.index = 0;
	}

	/** Missed questions' cards become due now; those without a card get one. */
	async addMissed(now: Date): Promise<void> {
		try {
			const r = await missedToReview(this.missed, now);
			const parts: string[] = [];
			if (r.due) parts.push(`${r.due} card${r.due === 1 ? ' is' : 's are'} due now`);
			if (r.added) parts.push(`${r.added} new card${r.added === 1 ? '' : 's'} added`);
			this.missedNotice = parts.length
				? `${parts.join('; ')}. They come up in your next review.`
				: 'There was nothing to add.';
		} catch (e) {
			this.missedNotice = `Could not add them to review: ${message(e)}`;
		}
	}

	/** The article a question comes from. */
	articleOf(q: QuestionRecord): ArticleRecord | undefined {
		return this.#poolArticles.get(q.articleId) ?? this.articles.find((a) => a.id === q.articleId);
	}

	/** The sentence(s) of the article a question rests on (a match question's, not the whole span). */
	evidence(q: QuestionRecord): string[] {
		const article = this.articleOf(q);
		return article ? evidenceSentences(q, article.text, article.facts) : [];
	}

	#setResult(i: number, checked: Checked): void {
		const next = [...this.results];
		next[i] = checked;
		this.results = next;
	}
}
