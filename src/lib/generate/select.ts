/**
 * Choosing and ordering the deck's questions from everything the builders made.
 */
import type { Doc, Mention, Token } from '../nlp';
import { openingEpithet, skipOpening } from '../nlp/coref';
import { AUXILIARIES, SPEECH_VERBS, STOPWORDS } from '../nlp/lexicon';
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

/**
 * A person asked as multiple choice, when a cloze asks for the same person, takes this share of its
 * score in selection: the wrong choices are people of another setting (rated 1 of 10 acceptable)
 * where the cloze on a person rated 16 of 22.
 */
export const PERSON_CHOICE_WEIGHT = 0.5;

/** The multiple-choice questions on a person whose fact also has a cloze among `pool`. */
export function clozeFirst(pool: Built[]): Set<Built> {
	const cloze = new Set(
		pool.filter((b) => b.q.type === 'cloze' && !b.fallback).map((b) => b.q.factId)
	);
	return new Set(
		pool.filter(
			(b) => b.q.type === 'multiple-choice' && b.q.kind === 'person' && cloze.has(b.q.factId)
		)
	);
}

/** About one question per 15 words: 500 words give about 33; never fewer than 12 when the text allows. */
export function targetCount(words: number): number {
	// A long text (a chapter) gets more than 40, up to 80, so every section is asked about.
	const cap = words > 2000 ? Math.min(80, 40 + Math.round((words - 2000) / 100)) : 40;
	return Math.max(12, Math.min(cap, Math.round(words / 15)));
}

/**
 * A weaker filler question's score, beside the others'. In an article fillers come after every
 * other question; in a single paragraph, which has few facts, they compete at this discount.
 */
export const FALLBACK_WEIGHT = 0.6;

/** An article takes weaker fillers only while its deck has fewer questions than this. */
export const FILLER_FLOOR = 5;

/** A text of this many paragraphs or more is an article, whatever its number of sentences. */
export const HANDOUT_PARAGRAPHS = 2;

const handoutCache = new WeakMap<Doc, boolean>();

/**
 * Whether the text is an article whose deck is handed out as it is: fifteen sentences or more, or
 * several paragraphs. Its questions keep to names, figures and defined terms; a single paragraph,
 * short of facts, may also ask about a phrase it repeats.
 */
export function isHandout(doc: Doc): boolean {
	let h = handoutCache.get(doc);
	if (h === undefined) {
		const paragraphs = new Set(doc.sentences.map((s) => s.paragraph)).size;
		h = doc.sentences.length >= ARTICLE_SENTENCES || paragraphs >= HANDOUT_PARAGRAPHS;
		handoutCache.set(doc, h);
	}
	return h;
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
export function sharesWords(a: string, b: string): boolean {
	const x = a.split(' ');
	const y = b.split(' ');
	const [short, long] = x.length <= y.length ? [x, new Set(y)] : [y, new Set(x)];
	const common = short.filter((w) => long.has(w)).length;
	return common > 0 && common / short.length >= 0.5;
}

/** Content words of a text, lower case, a plural's "s" dropped: "Troops" and "troop" meet. */
export function contentWords(text: string): Set<string> {
	const out = new Set<string>();
	for (const w of text.toLowerCase().match(/[\p{L}\d][\p{L}\d'’-]*/gu) ?? []) {
		const x = w.replace(/['’]s$/, '');
		if (x.length < 3 || STOPWORDS.has(x)) continue;
		out.add(x.length > 4 ? x.replace(/(?<!s)s$/, '') : x);
	}
	return out;
}

/** Salience constants: how much each sign of a central sentence adds to its questions' scores. */
export const SALIENCE = {
	/** Per content word shared with the title (the article's own statement of its news). */
	title: 0.14,
	titleMax: 3,
	/** Per content word shared with the heading of the sentence's section. */
	heading: 0.14,
	headingMax: 2,
	/** Per content word shared with the lede (the first two sentences). */
	lede: 0.05,
	ledeMax: 4,
	/** Per mention of an entity the article names three times or more. */
	entity: 0.05,
	entityMax: 3,
	/** For an answer that is the subject acting in its sentence (see actsInSentence). */
	subject: 1.35
};

/**
 * How central each sentence is to the article, 1 and up: the words it shares with the title, its
 * section's heading and the lede, and the article's recurring names it mentions. A deck's first
 * questions should be about what the headline and the headings say the article is about.
 */
export function salience(doc: Doc, title?: string): number[] {
	// A single paragraph is all lede: every sentence in it is as central as the next.
	if (doc.sentences.length < ARTICLE_SENTENCES) return doc.sentences.map(() => 1);
	const first = doc.sentences[0];
	const heading0 = doc.headings[0];
	const titleText =
		title?.replace(/[_-]+/g, ' ') ??
		(heading0 && first && heading0.start < first.start ? heading0.title : '');
	// Without a title the lede states the news: the first sentence stands in for it.
	const T = contentWords(titleText || (first?.text ?? ''));
	const L = contentWords(
		doc.sentences
			.slice(0, 2)
			.map((s) => s.text)
			.join(' ')
	);
	const H = doc.headings.map((h) => contentWords(h.title));
	const count = new Map<number, number>();
	for (const m of doc.mentions)
		if (m.entity >= 0) count.set(m.entity, (count.get(m.entity) ?? 0) + 1);
	return doc.sentences.map((s) => {
		const W = contentWords(s.text);
		const shared = (x: Set<string>) => [...W].filter((w) => x.has(w)).length;
		const h = s.section >= 0 ? (H[s.section] ?? new Set<string>()) : new Set<string>();
		const recurring = new Set(
			(doc.bySentence[s.index] ?? [])
				.map((i) => doc.mentions[i] as Mention)
				.filter((m) => m.entity >= 0 && (count.get(m.entity) ?? 0) >= 3)
				.map((m) => m.entity)
		).size;
		return (
			1 +
			SALIENCE.title * Math.min(SALIENCE.titleMax, shared(T)) +
			SALIENCE.heading * Math.min(SALIENCE.headingMax, shared(h)) +
			(s.index >= 2 ? SALIENCE.lede * Math.min(SALIENCE.ledeMax, shared(L)) : 0) +
			SALIENCE.entity * Math.min(SALIENCE.entityMax, recurring)
		);
	});
}

/**
 * The salience a question takes from its sentence. A role ("the Special Envoy") is a label the
 * sentence gives in passing, not the sentence's news: it takes none.
 */
export function sentenceWeight(b: Built, central: number[], doc?: Doc): number {
	if (b.fact.kind === 'role') return 1;
	const c = central[b.fact.sentence] ?? 1;
	return doc && doc.sentences.length >= ARTICLE_SENTENCES && actsInSentence(doc, b)
		? c * SALIENCE.subject
		: c;
}

/**
 * The answer is who or what acts in its sentence: the subject, right before the verb ("Both
 * Britain and France declared ...", "Coalition leaders agreed ..."). Who did what is the news.
 */
export function actsInSentence(doc: Doc, b: Built): boolean {
	const ans = b.fact.answer;
	const s = doc.sentences[b.fact.sentence];
	if (!ans || !s || ans.a < 0 || b.q.type === 'true-false') return false;
	if (!/^(?:person|organisation|place|thing)$/.test(ans.kind)) return false;
	let i = skipOpening(s.tokens);
	if (/^(?:both|the|a|an)$/.test(s.tokens[i]?.lower ?? '')) i++;
	if (ans.a > i) return false;
	return verbNext(s.tokens[ans.b]);
}

/** A token that reads as a subject's verb: an auxiliary, a verb of saying, a verb in -ed or -s. */
export function verbNext(v: Token | undefined): boolean {
	return (
		!!v &&
		v.word &&
		!v.cap &&
		(AUXILIARIES.has(v.lower) ||
			SPEECH_VERBS.has(v.lower) ||
			(/(?:ed|[^s]s)$/.test(v.lower) && !STOPWORDS.has(v.lower)))
	);
}

/**
 * A question whose shown sentence opens on a description of someone named only elsewhere ("The
 * Belgian has not competed ...") takes this share of its score in an article: kept for a short
 * deck, never ahead of a question that says who it is about.
 */
export const EPITHET_WEIGHT = 0.45;

/** Whether the question shows a sentence that opens on such a description (see openingEpithet). */
export function opensOnEpithet(doc: Doc, b: Built): boolean {
	// A single paragraph is read whole: its descriptions point at the names just before them.
	if (!isHandout(doc)) return false;
	if (b.q.type === 'quote' || b.q.type === 'match' || b.fact.kind === 'role') return false;
	const e = openingEpithet(doc, b.fact.sentence);
	if (!e) return false;
	// The answer is the description's own name: the question asks who it is.
	const span = b.q.answerSpan;
	return !(span && span.start < e.end && e.start < span.end);
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
export function select(
	built: Built[],
	limit: number,
	sentences = Infinity,
	paragraphs = Infinity
): Built[] {
	const article = sentences >= ARTICLE_SENTENCES;
	// A text of several paragraphs is handed out as an article: no weaker fillers in its deck
	// beyond the few every deck needs. A single paragraph, short of facts, competes with them.
	const handout = article || paragraphs >= HANDOUT_PARAGRAPHS;
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
			// A person by the entity: "Olaf Brandt" and "Brandt" are one answer; Venus and Serena
			// Williams two that share a word.
			answer:
				b.q.type === 'true-false' || b.q.type === 'match'
					? ''
					: b.q.kind === 'person' && (b.fact.answer?.entity ?? -1) >= 0
						? `person#${b.fact.answer?.entity} ${norm(b.q.answer).split(' ').pop()}`
						: norm(b.q.answer),
			prompt: norm(b.q.prompt)
		});
	const personChoice = clozeFirst(pool);
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
			allow: (b) => b.q.type !== 'true-false' && (!b.fallback || !handout),
			perFactMax: 1,
			repeatAnswer: 0
		},
		// A speaker already given as an answer elsewhere still gets a quote question.
		{
			room: limit - tfShare,
			allow: (b) => b.q.type === 'quote' && !speakers.has(b.q.answer) && !b.fallback,
			perFactMax: 1,
			repeatAnswer: 1
		},
		{ room: limit, allow: (b) => b.q.type === 'true-false', perFactMax: 2, repeatAnswer: 0 },
		{ room: limit, allow: (b) => !b.fallback, perFactMax: 2, repeatAnswer: 0.2 },
		// A deck still short of questions takes the weaker fillers last; an article only up to the
		// few every deck needs, as its questions are handed out as they are.
		{ room: handout ? FILLER_FLOOR : limit, allow: () => true, perFactMax: 2, repeatAnswer: 0.2 }
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
				if (personChoice.has(b)) s *= PERSON_CHOICE_WEIGHT;
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
		const cand = pool.find((b) => b.q.type === t && !taken.has(b) && !b.fallback);
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
