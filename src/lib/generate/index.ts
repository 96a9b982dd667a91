/**
 * The generator's pure entry: article text in, a ranked deck of questions and cards out.
 * Deterministic: the same text and seed give the same deck, ids included.
 */
import { analyze } from '../nlp';
import type { Doc, Token } from '../nlp';
import { checkInput, InputError } from './errors';
import { extractFacts, type FactX } from './facts';
import { matchQuestion, questionsForFact, type Built, type Ctx } from './questions';
import type { Card, Deck, Fact, GenerateOptions, Question, Section } from './types';
import { clean, norm, shortId, wordCount } from './util';

export { InputError, checkInput, MAX_INPUT_CHARS } from './errors';
export type { InputErrorCode } from './errors';
export * from './types';

/** How well each type serves a learner when its fact is equally good. */
const TYPE_WEIGHT: Record<Question['type'], number> = {
	'short-answer': 1,
	'multiple-choice': 0.97,
	quote: 1,
	cloze: 0.9,
	match: 0.95,
	'true-false': 0.8
};

/** About one question per 15 words: 500 words give about 33; never fewer than 8 when possible. */
export function targetCount(words: number): number {
	return Math.max(8, Math.min(40, Math.round(words / 15)));
}

function lowerWords(doc: Doc): Set<string> {
	const out = new Set<string>();
	for (const s of doc.sentences)
		for (let i = 1; i < s.tokens.length; i++) {
			const t = s.tokens[i] as Token;
			if (t.word && !t.cap) out.add(t.lower);
		}
	return out;
}

/**
 * Chooses and orders questions: best score first, at most one question per fact (two for the
 * few central facts), a cap per sentence and per answer so the deck covers the article.
 */
function select(built: Built[], limit: number, sentences: number): Built[] {
	const sorted = built.slice().sort((x, y) => y.q.score - x.q.score || (x.q.id < y.q.id ? -1 : 1));
	const perFact = new Map<string, number>();
	const perSentence = new Map<number, number>();
	const perAnswer = new Map<string, number>();
	const perType = new Map<string, number>();
	const prompts = new Set<string>();
	const chosen: Built[] = [];
	const sentCap = Math.max(2, Math.ceil((limit * 1.2) / Math.max(1, sentences)));
	const typeCap = (t: string) =>
		t === 'true-false'
			? Math.max(2, Math.round(limit * 0.2))
			: t === 'cloze'
				? Math.max(3, Math.round(limit * 0.3))
				: limit;
	for (let pass = 0; pass < 2 && chosen.length < limit; pass++) {
		for (const b of sorted) {
			if (chosen.length >= limit) break;
			if (chosen.includes(b)) continue;
			const q = b.q;
			const sent = b.fact.sentence;
			const ans =
				q.type === 'true-false' || q.type === 'match' ? `${q.type}|${q.factId}` : norm(q.answer);
			const pk = norm(q.prompt);
			if (prompts.has(pk)) continue;
			const factCap = pass === 0 ? 1 : 2;
			if ((perFact.get(q.factId) ?? 0) >= factCap) continue;
			if (q.type !== 'match' && (perSentence.get(sent) ?? 0) >= sentCap + pass) continue;
			if ((perAnswer.get(ans) ?? 0) >= 1 + pass) continue;
			if ((perType.get(q.type) ?? 0) >= typeCap(q.type) + pass * 2) continue;
			chosen.push(b);
			prompts.add(pk);
			perFact.set(q.factId, (perFact.get(q.factId) ?? 0) + 1);
			perSentence.set(sent, (perSentence.get(sent) ?? 0) + 1);
			perAnswer.set(ans, (perAnswer.get(ans) ?? 0) + 1);
			perType.set(q.type, (perType.get(q.type) ?? 0) + 1);
		}
	}
	// Make sure every type that was possible appears once.
	for (const t of Object.keys(TYPE_WEIGHT)) {
		if (chosen.some((b) => b.q.type === t)) continue;
		const best = sorted.find((b) => b.q.type === t && !chosen.includes(b));
		if (!best) continue;
		if (chosen.length >= limit && chosen.length > 0) {
			// Replace the weakest question of the most common type.
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
		chosen.push(best);
	}
	return chosen.sort((x, y) => y.q.score - x.q.score || (x.q.id < y.q.id ? -1 : 1));
}

function cardFor(doc: Doc, f: FactX, qs: Built[]): Card | null {
	const ans = f.answer;
	if (!ans) return null;
	const sentence = clean(doc.text.slice(f.evidence.start, f.evidence.end));
	const pick = (t: Question['type']) => qs.find((b) => b.q.type === t && b.fact.id === f.id)?.q;
	const front = pick('short-answer') ?? pick('quote') ?? pick('multiple-choice') ?? pick('cloze');
	if (!front) return null;
	const back =
		front.type === 'short-answer' ||
		front.type === 'quote' ||
		front.type === 'multiple-choice' ||
		front.type === 'cloze'
			? front.answer
			: ans.text;
	return {
		id: shortId('c', f.id),
		factId: f.id,
		front: front.type === 'cloze' ? `${front.prompt} (${front.hint})` : front.prompt,
		back: `${back}\n\n${sentence}`,
		evidence: f.evidence
	};
}

/** Turns an analysed document into a deck. */
export function deckFromDoc(doc: Doc, options: GenerateOptions & { title?: string } = {}): Deck {
	const seed = options.seed ?? 1;
	const ctx: Ctx = { doc, seed, lowerSeen: lowerWords(doc) };
	const facts = extractFacts(doc);
	const built: Built[] = [];
	for (const f of facts) for (const b of questionsForFact(ctx, f)) built.push(b);
	const match = matchQuestion(ctx, facts);
	if (match) built.push(match);
	for (const b of built)
		b.q.score =
			Math.round(1000 * b.fact.weight * TYPE_WEIGHT[b.q.type] * (0.6 + 0.4 * b.form)) / 1000;
	const words = wordCount(doc.text);
	const limit = Math.min(options.maxQuestions ?? Infinity, targetCount(words));
	const chosen = select(built, limit, doc.sentences.length);
	const questions = chosen.map((b) => b.q);
	const cards: Card[] = [];
	const cardFacts = new Set<string>();
	for (const b of chosen) {
		if (cardFacts.has(b.fact.id) || b.q.type === 'match') continue;
		const c = cardFor(doc, b.fact, built);
		if (!c) continue;
		cardFacts.add(b.fact.id);
		cards.push(c);
	}
	const sections: Section[] = doc.headings.map((h) => ({
		title: h.title,
		span: { start: h.start, end: h.end }
	}));
	const title = options.title?.trim() || titleOf(doc);
	const publicFacts: Fact[] = facts.map((f) => ({
		id: f.id,
		kind: f.kind,
		evidence: f.evidence,
		entities: f.entities
	}));
	return { title, sections, facts: publicFacts, questions, cards };
}

function titleOf(doc: Doc): string {
	const h = doc.headings[0];
	const s = doc.sentences[0];
	if (h && (!s || h.start < s.start)) return h.title;
	if (!s) return 'Untitled';
	const words = s.text.split(/\s+/);
	return words.length > 10 ? words.slice(0, 10).join(' ') + '…' : s.text;
}

/**
 * Reads an article and returns its deck. Throws InputError for empty, binary, non-English or
 * over-long text.
 *
 * @example
 * const deck = generateDeck('Shell said on Monday that ...', { seed: 7 });
 * deck.questions[0].prompt;
 */
export function generateDeck(
	text: string,
	options: GenerateOptions & { title?: string } = {}
): Deck {
	checkInput(text);
	const doc = analyze(text);
	if (!doc.sentences.length)
		throw new InputError('too-short', 'The text has headings but no sentences to ask about.');
	return deckFromDoc(doc, options);
}
