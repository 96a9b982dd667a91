/**
 * One article's page as a whole: the article with its questions and cards (kept in step with the
 * database), the sentence the learner selected, and what they do to it (write, change or remove
 * a card or question, make the deck again, delete the article). Routes show it; this does it.
 * Make one per article: the page wraps it in `{#key id}`.
 */
import type { Question, Span } from '$lib/generate/types';
import { messageOf } from '$lib/message';
import { generateDeck } from '$lib/workers/generate-client';
import {
	addHandCard,
	addHandQuestion,
	deleteArticle,
	editCard,
	editQuestion,
	liveArticle,
	questionEdit,
	regenerateArticle,
	removeCard,
	removeQuestion
} from './article';

/** What the edit dialog holds: a card or a question, new (no id) or changed. */
export type Draft =
	| { kind: 'card'; id?: string; front: string; back: string }
	| {
			kind: 'question';
			id?: string;
			type: Question['type'];
			prompt: string;
			answer: string;
			choices?: string[];
	  };

/** A notice another page left for this one (a freshly added article's report). */
const NOTICE_KEY = 'factdeck:notice';

export class ArticleEditor {
	readonly id: string;
	readonly view;
	selected = $state<Span | null>(null);
	draft = $state<Draft | null>(null);
	status = $state('');
	busy = $state(false);

	readonly article = $derived.by(() => this.view.value?.article);
	readonly questions = $derived.by(() => this.view.value?.questions ?? []);
	readonly cards = $derived.by(() => this.view.value?.cards ?? []);
	readonly selectedQuestions = $derived.by(() =>
		this.questions.filter((q) => this.#inSelected(q.evidence))
	);
	readonly selectedCards = $derived.by(() =>
		this.cards.filter((c) => this.#inSelected(c.evidence))
	);
	readonly selectedText = $derived.by(() =>
		this.selected && this.article
			? this.article.text.slice(this.selected.start, this.selected.end)
			: ''
	);

	constructor(id: string) {
		this.id = id;
		this.view = liveArticle(() => id);
		if (typeof sessionStorage !== 'undefined') {
			const notice = sessionStorage.getItem(NOTICE_KEY);
			if (notice) {
				this.status = notice;
				sessionStorage.removeItem(NOTICE_KEY);
			}
		}
	}

	#inSelected(e: Span): boolean {
		const s = this.selected;
		return s !== null && e.start >= s.start && e.end <= s.end;
	}

	/** Selects a sentence, or clears the selection when it is selected already. */
	toggle(span: Span): boolean {
		this.selected = this.selected?.start === span.start ? null : span;
		return this.selected !== null;
	}

	editQuestionDraft(q: Question): void {
		this.draft = {
			kind: 'question',
			id: q.id,
			type: q.type,
			prompt: q.prompt,
			answer: q.answer,
			choices: 'choices' in q ? [...q.choices] : undefined
		};
	}

	/** Stores the dialog's draft; throws with a message the dialog shows. */
	async save(next: Draft): Promise<void> {
		const now = new Date();
		const selected = this.selected;
		if (!selected) throw new Error('Choose a sentence first.');
		if (next.kind === 'card') {
			if (next.id)
				await editCard(next.id, { front: next.front.trim(), back: next.back.trim() }, now);
			else
				await addHandCard(this.id, { front: next.front, back: next.back, evidence: selected }, now);
			this.status = next.id ? 'Card saved.' : 'Card added.';
		} else if (!next.id) {
			const text = { prompt: next.prompt, answer: next.answer, evidence: selected };
			await addHandQuestion(this.id, text, now);
			this.status = 'Question added.';
		} else {
			await this.#saveQuestion(next.id, next, now);
			this.status = 'Question saved.';
		}
	}

	async #saveQuestion(id: string, text: Draft & { kind: 'question' }, now: Date): Promise<void> {
		const old = this.questions.find((q) => q.id === id);
		if (!old) throw new Error('This question no longer exists.');
		const { edit, problem } = questionEdit(old, text);
		if (problem !== null) throw new Error(problem);
		await editQuestion(id, edit, now);
	}

	async remove(kind: 'card' | 'question', id: string): Promise<void> {
		try {
			if (kind === 'card') await removeCard(id, new Date());
			else await removeQuestion(id, new Date());
			this.status = kind === 'card' ? 'Card removed.' : 'Question removed.';
		} catch (e) {
			this.status = `Could not remove it: ${messageOf(e)}`;
		}
	}

	/** Makes the deck again from the article's text; the learner's history and edits stay. */
	async regenerate(): Promise<void> {
		const article = this.article;
		if (!article || this.busy) return;
		this.busy = true;
		this.status = 'Making the deck again…';
		try {
			const deck = await generateDeck(article.text, { title: article.title });
			const r = await regenerateArticle(article.id, deck, new Date());
			this.status = `Deck updated: ${r.added} new, ${r.updated} unchanged, ${r.retired} retired. Your own edits are kept as you made them.`;
		} catch (e) {
			this.status = `Could not regenerate: ${messageOf(e)}`;
		} finally {
			this.busy = false;
		}
	}

	delete(): Promise<void> {
		return deleteArticle(this.id);
	}
}
