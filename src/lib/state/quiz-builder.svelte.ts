/**
 * The classroom quiz builder as a whole: the saved quiz it started from (or none, for a new one),
 * the draft the teacher edits, which question is open, what is wrong with it, and saving. The
 * page and its components show it and move focus; this does the work. Make one per page visit.
 */
import { LIMITS, quizHash, type ClassroomQuiz } from '$lib/classroom';
import {
	blankQuestion,
	checkDraft,
	draftFromQuiz,
	emptyDraft,
	fromGenerated,
	itemKey,
	moved,
	type Draft
} from '$lib/classroom/draft';
import type { Question } from '$lib/generate/types';
import { messageOf } from '$lib/message';
import {
	getClassroomQuiz,
	loadSavedQuiz,
	newQuizId,
	saveClassroomQuiz,
	type SavedClassroomQuiz
} from './classroom';
import { Load } from './load.svelte';

/** What pressing Save led to. */
export type SaveStep = 'problems' | 'confirm' | 'saved' | 'failed';

export class QuizBuilder {
	/** The quiz being edited, or null for a new one; the page shows it through `<Loaded>`. */
	readonly data: Load<SavedClassroomQuiz | null>;
	draft = $state<Draft>(emptyDraft('new'));
	saved = $state.raw<SavedClassroomQuiz | null>(null);
	/** The key of the question whose editor is open. */
	editing = $state<string | null>(null);
	problems = $state<string[]>([]);
	status = $state('');
	savedNotice = $state(false);
	/** A changed quiz waiting for the teacher to agree that its results go. */
	#pending: ClassroomQuiz | null = null;
	/** The draft as last loaded or saved, to warn before leaving with changes. */
	#clean = $state('');

	/** Whether the draft has changes not saved yet. */
	get dirty(): boolean {
		return this.data.state.status === 'ready' && JSON.stringify(this.draft) !== this.#clean;
	}
	/** The generated questions already in the draft, so the picker shows them as added. */
	get added(): Set<string> {
		return new Set(this.draft.items.flatMap((item) => (item.source ? [item.source] : [])));
	}
	get resultCount(): number {
		return this.saved?.results.length ?? 0;
	}

	/** `id()` gives the saved quiz's id, or '' for a new quiz; it is read when the page mounts. */
	constructor(id: () => string) {
		this.data = new Load(async () => {
			const quizId = id();
			const saved = quizId ? await loadSavedQuiz(quizId) : null;
			this.saved = saved;
			this.draft = saved ? draftFromQuiz(saved.quiz) : emptyDraft(newQuizId());
			this.#clean = JSON.stringify(this.draft);
			return saved;
		});
	}

	/** Adds questions picked from the learner's articles, as many as the quiz has room for. */
	addGenerated(picked: { question: Question; articleText: string }[]): void {
		const draft = this.draft;
		const room = LIMITS.questions - draft.items.length;
		const { items, skipped } = fromGenerated(picked.slice(0, Math.max(room, 0)), draft.points);
		draft.items.push(...items);
		const over = Math.max(picked.length - room, 0);
		this.status =
			`Added ${items.length} question${items.length === 1 ? '' : 's'}.` +
			(skipped ? ` ${skipped} could not be used in a classroom quiz.` : '') +
			(over ? ` ${over} left out: a quiz holds at most ${LIMITS.questions}.` : '');
		if (!draft.title.trim() && picked[0]) draft.title = 'Quiz';
	}

	/** Adds an empty question and opens it; its key, or null when the quiz is full. */
	addByHand(type: 'multiple-choice' | 'short-answer', label: string): string | null {
		if (this.draft.items.length >= LIMITS.questions) {
			this.status = `A quiz holds at most ${LIMITS.questions} questions.`;
			return null;
		}
		const key = itemKey();
		this.draft.items.push({ key, question: blankQuestion(type, this.draft.points) });
		this.editing = key;
		this.status = `Added an empty ${label.toLowerCase()} question at position ${this.draft.items.length}.`;
		return key;
	}

	/** Opens the question's editor, or closes it when it is open. */
	toggle(key: string): void {
		this.editing = this.editing === key ? null : key;
	}

	/** Moves a question; whether it moved. */
	move(index: number, to: number): boolean {
		const items = this.draft.items;
		if (!items[index] || to < 0 || to >= items.length) return false;
		this.draft.items = moved(items, index, to);
		this.status = `Moved question to position ${to + 1} of ${items.length}.`;
		return true;
	}

	/** Removes a question; the key of the one now in its place (or above it), if any. */
	remove(index: number): string | null | undefined {
		if (!this.draft.items[index]) return undefined;
		this.draft.items.splice(index, 1);
		this.status = `Removed question ${index + 1}.`;
		return this.draft.items[Math.min(index, this.draft.items.length - 1)]?.key ?? null;
	}

	/**
	 * Checks the draft and saves it, unless it has problems (listed in `problems`) or would clear
	 * results already received ('confirm': call `confirmSave` once the teacher agrees).
	 */
	async save(now = new Date()): Promise<SaveStep> {
		this.savedNotice = false;
		const checked = checkDraft($state.snapshot(this.draft));
		if (!checked.ok) {
			this.problems = checked.problems;
			return 'problems';
		}
		this.problems = [];
		const saved = this.saved;
		if (saved && this.resultCount > 0 && quizHash(saved.quiz) !== quizHash(checked.quiz)) {
			this.#pending = checked.quiz;
			return 'confirm';
		}
		return this.#store(checked.quiz, now);
	}

	/** Saves the quiz held back by `save`, clearing its results. */
	async confirmSave(now = new Date()): Promise<SaveStep> {
		const pending = this.#pending;
		this.#pending = null;
		return pending ? this.#store(pending, now) : 'failed';
	}

	async #store(quiz: ClassroomQuiz, now: Date): Promise<SaveStep> {
		try {
			await saveClassroomQuiz(quiz, now);
			this.saved = (await getClassroomQuiz(quiz.id)) ?? null;
			this.#clean = JSON.stringify(this.draft);
			this.savedNotice = true;
			this.status = `Saved “${quiz.title}”.`;
			return 'saved';
		} catch (e) {
			this.problems = [`Could not save: ${messageOf(e)}`];
			return 'failed';
		}
	}
}
