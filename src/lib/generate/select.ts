/**
 * Choosing and ordering the deck's questions from everything the builders made.
 */
import type { Doc, Token } from '../nlp';
import type { Built } from './questions';
import type { AnswerKind, Question } from './types';
import { norm } from './util';

/** How well each type serves a learner when its fact is equally good. */
export const TYPE_WEIGHT: Record<Question['type'], number> = {
	'short-answer': 1,
	'multiple-choice': 1,
	quote: 1,
	cloze: 1,
	match: 0.9,
	'true-false': 0.35
};

/** Selection constants: how strongly a repeated sentence or answer is discounted. */
export const SELECT = {
	sentenceDecay: 0.55,
	sharedWords: 0.35
};

/**
 * Each earlier question whose answer is of the same kind discounts the next: a deck that opens with
 * five "when" questions tests one skill five times.
 */
export const KIND_REPEAT: Partial<Record<AnswerKind, number>> = { date: 0.6 };

/** About one question per 15 words: 500 words give about 33; never fewer than 12 when the text allows. */
export function targetCount(words: number): number {
	// A long text (a chapter) gets more than 40, up to 80, so every section is asked about.
	const cap = words > 2000 ? Math.min(80, 40 + Math.round((words - 2000) / 100)) : 40;
	return Math.max(12, Math.min(cap, Math.round(words / 15)));
}

/** At most this many questions on one sentence in a deck (the match question aside). */
export const PER_SENTENCE_MAX = 2;

/**
 * An article long enough that the repeat rules cost it nothing: below this many sentences (a single
 * paragraph) every sentence is dense and central, and the deck asks a sentence as often as it needs.
 */
export const ARTICLE_SENTENCES = 15;

/** The first question's prompt shows the second's answer: asking both gives one away. */
function givesAway(prompt: string, answer: string): boolean {
	const a = norm(answer);
	return a.length > 3 && !/^(true|false)$/.test(a) && ` ${norm(prompt)} `.includes(` ${a} `);
}

/** Two answers share most of their words ("1973" and "October 1973"): near-duplicates. */
function sharesWords(a: string, b: string): boolean {
	const x = a.split(' ');
	const y = new Set(b.split(' '));
	const common = x.filter((w) => y.has(w)).length;
	return common > 0 && common / Math.min(x.length, y.size) >= 0.5;
}

export function lowerWords(doc: Doc): Set<string> {
	const out = new Set<string>();
	for (const s of doc.sentences)
		for (let i = 1; i < s.tokens.length; i++) {
			const t = s.tokens[i] as Token;
			if (t.word && !t.cap) out.add(t.lower);
		}
	return out;
}

/**
 * Chooses and orders questions greedily: each step takes the best remaining question after
 * discounting sentences already asked about, answers already used and templates already seen,
 * so the first questions cover the article's main facts rather than one sentence several ways.
 *
 * Phases: the main fill; then one quote question per speaker not yet quoted; then a share of
 * true-false questions (they test recognition more than recall, so they come last); then, if the
 * article is short of facts, a relaxed fill that allows a second question per fact.
 */
export function select(built: Built[], limit: number, sentences = Infinity): Built[] {
	const article = sentences >= ARTICLE_SENTENCES;
	const pool = built.slice().sort((x, y) => y.q.score - x.q.score || (x.q.id < y.q.id ? -1 : 1));
	const perFact = new Map<string, number>();
	const perSentence = new Map<number, number>();
	const perType = new Map<string, number>();
	const perKind = new Map<string, number>();
	const perTemplate = new Map<string, number>();
	const speakers = new Set<string>();
	const answers: string[] = [];
	const prompts = new Set<string>();
	const chosen: Built[] = [];
	const taken = new Set<Built>();
	const keys = new Map<Built, { answer: string; prompt: string }>();
	for (const b of pool)
		keys.set(b, {
			answer: b.q.type === 'true-false' || b.q.type === 'match' ? '' : norm(b.q.answer),
			prompt: norm(b.q.prompt)
		});
	const count = (t: Question['type']) => pool.filter((b) => b.q.type === t).length;
	const quoteSpeakers = new Set(pool.filter((b) => b.q.type === 'quote').map((b) => b.q.answer))
		.size;
	const quoteShare = Math.min(quoteSpeakers, Math.max(2, Math.round(limit * 0.15)));
	const tfShare = Math.min(Math.round(limit * 0.15), count('true-false'));
	const clozeCap = Math.max(3, Math.round(limit * 0.7));

	type Phase = {
		room: number;
		allow: (b: Built) => boolean;
		perFactMax: number;
		repeatAnswer: number;
	};
	const phases: Phase[] = [
		{
			room: limit - quoteShare - tfShare,
			allow: (b) => b.q.type !== 'true-false',
			perFactMax: 1,
			repeatAnswer: 0
		},
		// A speaker already given as an answer elsewhere still gets a quote question.
		{
			room: limit - tfShare,
			allow: (b) => b.q.type === 'quote' && !speakers.has(b.q.answer),
			perFactMax: 1,
			repeatAnswer: 1
		},
		{ room: limit, allow: (b) => b.q.type === 'true-false', perFactMax: 2, repeatAnswer: 0 },
		{ room: limit, allow: () => true, perFactMax: 2, repeatAnswer: 0.2 }
	];
	for (const ph of phases) {
		while (chosen.length < Math.min(limit, ph.room)) {
			let best: Built | null = null;
			let bestScore = 0;
			for (const b of pool) {
				if (b.q.score <= bestScore) break;
				if (taken.has(b) || !ph.allow(b)) continue;
				const q = b.q;
				if ((perFact.get(q.factId) ?? 0) >= ph.perFactMax) continue;
				if (
					article &&
					q.type !== 'match' &&
					(perSentence.get(b.fact.sentence) ?? 0) >= PER_SENTENCE_MAX
				)
					continue;
				// No two questions that answer each other: a shown sentence that holds another's key.
				if (
					article &&
					q.type !== 'match' &&
					q.type !== 'true-false' &&
					chosen.some(
						(c) =>
							c.fact.sentence === b.fact.sentence &&
							c.q.type !== 'match' &&
							c.q.type !== 'true-false' &&
							(givesAway(c.q.prompt, q.answer) || givesAway(q.prompt, c.q.answer))
					)
				)
					continue;
				if (q.type === 'cloze' && (perType.get('cloze') ?? 0) >= clozeCap && ph.repeatAnswer === 0)
					continue;
				const k = keys.get(b) as { answer: string; prompt: string };
				if (prompts.has(k.prompt)) continue;
				const sentenceDecay =
					q.type === 'match' ? 1 : q.type === 'quote' ? 0.8 : SELECT.sentenceDecay;
				let s = q.score * Math.pow(sentenceDecay, perSentence.get(b.fact.sentence) ?? 0);
				// Role and quote questions share a template: spread them through the deck.
				if (b.fact.kind === 'role' || b.fact.kind === 'quote')
					s *= Math.pow(0.7, perTemplate.get(`${b.fact.kind}|${q.type}`) ?? 0);
				s *= Math.pow(KIND_REPEAT[q.kind] ?? 1, perKind.get(q.kind) ?? 0);
				if (k.answer) {
					if (answers.includes(k.answer)) s *= ph.repeatAnswer;
					else if (answers.some((a) => sharesWords(a, k.answer))) s *= SELECT.sharedWords;
				}
				if (s > bestScore) {
					bestScore = s;
					best = b;
				}
			}
			if (!best) break;
			const k = keys.get(best) as { answer: string; prompt: string };
			taken.add(best);
			chosen.push(best);
			prompts.add(k.prompt);
			if (best.q.type === 'quote') speakers.add(best.q.answer);
			perFact.set(best.q.factId, (perFact.get(best.q.factId) ?? 0) + 1);
			perSentence.set(best.fact.sentence, (perSentence.get(best.fact.sentence) ?? 0) + 1);
			perType.set(best.q.type, (perType.get(best.q.type) ?? 0) + 1);
			perKind.set(best.q.kind, (perKind.get(best.q.kind) ?? 0) + 1);
			const tk = `${best.fact.kind}|${best.q.type}`;
			perTemplate.set(tk, (perTemplate.get(tk) ?? 0) + 1);
			if (k.answer) answers.push(k.answer);
		}
	}
	// Every type the article allows appears at least once, replacing the weakest of a common type.
	for (const t of Object.keys(TYPE_WEIGHT) as Question['type'][]) {
		if (chosen.some((b) => b.q.type === t)) continue;
		const cand = pool.find((b) => b.q.type === t && !taken.has(b));
		if (!cand) continue;
		if (chosen.length >= limit) {
			const counts = new Map<string, number>();
			for (const b of chosen) counts.set(b.q.type, (counts.get(b.q.type) ?? 0) + 1);
			let idx = -1;
			for (let i = chosen.length - 1; i >= 0; i--)
				if ((counts.get((chosen[i] as Built).q.type) ?? 0) > 2) {
					idx = i;
					break;
				}
			if (idx < 0) continue;
			chosen.splice(idx, 1);
		}
		chosen.push(cand);
	}
	return chosen;
}
