/**
 * The generator's pure entry: article text in, a ranked deck of questions and cards out.
 * Deterministic: the same text and seed give the same deck, ids included.
 */
import { analyze } from '../nlp';
import type { Doc } from '../nlp';
import { checkInput, InputError } from './errors';
import { IGNORE } from './explain';
import { extractFacts, type FactX } from './facts';
import {
	balanceTrueFalse,
	matchQuestion,
	questionsForFact,
	type Built,
	type Ctx
} from './questions';
import {
	isHandout,
	FALLBACK_WEIGHT,
	EPITHET_WEIGHT,
	opensOnEpithet,
	lowerWords,
	salience,
	select,
	sentenceWeight,
	targetCount,
	TYPE_WEIGHT
} from './select';
import {
	dropUnlikely,
	dropWeak,
	QUALITY_KEEP,
	sideName,
	SIDE_NAME_WEIGHT,
	WEAK_KEEP
} from './quality';
import { withFullName } from './builders/cloze';
import { contextRisk, weakOpener } from './context';
import { screened, weakLast } from './screen';
import { remarkTime } from './weak';
import type { Card, Deck, Fact, GenerateOptions, Question, Section } from './types';
import { clean, shortId, wordCount } from './util';

export { InputError, checkInput, MAX_INPUT_CHARS } from './errors';
export type { InputErrorCode } from './errors';
export type { Rejection, RejectReason } from './explain';
export { SELECT, KIND_REPEAT, targetCount } from './select';
export * from './types';

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
		front: front.type === 'cloze' && front.hint ? `${front.prompt} (${front.hint})` : front.prompt,
		back: `${back}\n\n${sentence}`,
		evidence: f.evidence
	};
}

/** Turns an analysed document into a deck. */
export function deckFromDoc(doc: Doc, options: GenerateOptions = {}): Deck {
	const seed = options.seed ?? 1;
	const reject = options.onReject ?? IGNORE;
	const ctx: Ctx = { doc, seed, lowerSeen: lowerWords(doc), reject, title: options.title };
	const facts = extractFacts(doc, options.title, reject);
	const words = wordCount(doc.text);
	const limit = Math.min(options.maxQuestions ?? Infinity, targetCount(words));
	// Questions are made only for the facts that can reach the deck: the best few times the limit,
	// plus every quote and role.
	const byWeight = facts.slice().sort((x, y) => y.weight - x.weight || (x.id < y.id ? -1 : 1));
	const worth = new Set(byWeight.slice(0, Math.max(24, limit * 4)));
	const built: Built[] = [];
	for (const f of facts)
		if (worth.has(f) || f.kind === 'quote' || f.kind === 'role')
			for (const b of questionsForFact(ctx, f)) built.push(b);
	const match = matchQuestion(ctx, facts);
	if (match) built.push(match);
	const central = salience(doc, options.title);
	const side = new Set(built.filter((b) => sideName(doc, b, options.title)));
	for (const b of built)
		b.q.score =
			Math.round(
				1e4 *
					b.fact.weight *
					sentenceWeight(b, central, doc) *
					TYPE_WEIGHT[b.q.type] *
					(b.fallback ? FALLBACK_WEIGHT : 1) *
					(opensOnEpithet(doc, b) ? EPITHET_WEIGHT : 1) *
					(side.has(b) ? SIDE_NAME_WEIGHT : 1) *
					(0.9 + 0.1 * b.form)
			) / 1e4;
	const paragraphs = new Set(doc.sentences.map((s) => s.paragraph)).size;
	const picked = screened(doc, built, reject, (kept) =>
		select(kept, limit, doc.sentences.length, paragraphs)
	);
	// An article's deck leaves out the questions least likely to be handed out as they are; a
	// single paragraph, short of facts, keeps them all. True/false questions take their final
	// answer after, so the deck keeps about as many true as false.
	const kept =
		isHandout(doc) && !options.keepUnlikely
			? dropUnlikely(
					doc,
					picked,
					options.title,
					(b, p) =>
						reject({
							factId: b.fact.id,
							type: b.q.type,
							reason: 'below-quality-floor',
							detail: `${b.fact.answer?.text ?? b.q.answer} (${p.toFixed(2)})`
						}),
					// A long text keeps enough questions to cover every section.
					Math.max(QUALITY_KEEP, Math.round(words / KEEP_WORDS))
				)
			: picked;
	balanceTrueFalse(kept, seed);
	// Then the forms rated weakest leave a deck that has more than the few every deck needs.
	const strong =
		isHandout(doc) && !options.keepUnlikely
			? dropWeak(
					doc,
					kept,
					(b) => weakInDeck(doc, b),
					options.title,
					(b, form) =>
						reject({
							factId: b.fact.id,
							type: b.q.type,
							reason: form === 'remark-time' ? 'remark-time' : 'below-quality-floor',
							detail: `${b.q.answer} (${form})`
						}),
					// A long text keeps as many as it kept above, for its sections' sake.
					words > LONG_WORDS ? Math.round(words / KEEP_WORDS) : WEAK_KEEP
				)
			: kept;
	const chosen = weakLast(doc, strong);
	if (options.onReject) {
		const inDeck = new Set(picked);
		for (const b of built)
			if (!inDeck.has(b))
				reject({
					factId: b.fact.id,
					type: b.q.type,
					reason: 'ranked-out',
					detail: side.has(b) ? `${b.q.answer} (side-mention)` : b.q.answer
				});
	}
	const questions = chosen.map((b) => withFullName(doc, b.q));
	const byFact = new Map<string, Built[]>();
	for (const b of built) byFact.set(b.fact.id, [...(byFact.get(b.fact.id) ?? []), b]);
	const cards: Card[] = [];
	const cardFacts = new Set<string>();
	for (const b of chosen) {
		if (cardFacts.has(b.fact.id) || b.q.type === 'match') continue;
		const c = cardFor(doc, b.fact, byFact.get(b.fact.id) ?? []);
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

/**
 * The form that makes a question one of the weakest an article's deck can hand out, if it has one:
 * a filler, the time of a remark, a lower-case phrase or a place that does not act as the answer,
 * or a stem that leans on a sentence it does not show.
 */
function weakInDeck(doc: Doc, b: Built): string | null {
	if (b.fallback) return 'filler';
	if (remarkTime(b)) return 'remark-time';
	const w = weakOpener(b, doc);
	if (w === 'phrase-answer' || w === 'place-answer') return w;
	return contextRisk(doc, b);
}

/**
 * About one question per this many words stays whatever its estimate, so a long text keeps
 * questions over all its sections (a 5,800-word chapter keeps 73, a 400-word news article 6).
 */
const KEEP_WORDS = 80;

/** A text longer than this many words is a long text (a chapter), not a news article. */
const LONG_WORDS = 2000;

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
export function generateDeck(text: string, options: GenerateOptions = {}): Deck {
	checkInput(text);
	const doc = analyze(text);
	if (!doc.sentences.length)
		throw new InputError('too-short', 'The text has headings but no sentences to ask about.');
	return deckFromDoc(doc, options);
}
