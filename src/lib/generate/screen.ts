/**
 * The last look at every built question before and after selection: lines that are no sentences
 * and blanks the sentence answers by arithmetic are never asked; questions that lean on context
 * they do not show lose most of their score and never open the deck (see context.ts).
 */
import type { Doc, Mention } from '../nlp';
import {
	CLEAN_TOP,
	CONTEXT_WEIGHT,
	contextRisk,
	demoteRisky,
	nameReferent,
	referentFor,
	weakOpener
} from './context';
import { isHandout } from './select';
import { commonBlank } from './builders/cloze';
import { unitRefusal } from './builders/cloze-units';
import type { RejectReason, Rejection, RejectSink } from './explain';
import type { Built } from './questions';
import {
	answerInPrompt,
	conversionBlank,
	cutName,
	nameList,
	roleTemplate,
	runOnPrompt,
	speakerlessQuote,
	vagueQuestion,
	weakForm
} from './weak';

/**
 * How many words in capitals (two letters or more) open the line before its first word with a
 * lower-case letter: "ICO 2 (WORKING TITLE) Ico remains …" opens on three.
 */
function leadingCapitals(line: string): number {
	let n = 0;
	for (const t of line.split(/\s+/)) {
		if (/\p{Ll}/u.test(t)) break;
		if (/^\W*\p{Lu}[\p{Lu}'’-]+\W*$/u.test(t)) n++;
	}
	return n;
}

/** Words that carry no verb: a line of names joined by these is a label. */
const LABEL_WORDS = /^(?:of|the|and|a|an|in|for|to|on|at|by|with|or|from|vs|v)$/;

/**
 * A heading or label, not a sentence: mostly words in capitals ("WHO WAS OSCAR?"), a run of three
 * words in capitals glued before the sentence that follows it ("HOW IT ALL STARTED The first …"),
 * or names with no lower-case word but "of", "the" … between them, so no verb ("Game Boy Advance").
 */
export function headingFragment(line: string): boolean {
	const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
	if (!words.length) return true;
	const upper = (w: string) => w.length >= 2 && /^[\p{Lu}'’-]+$/u.test(w);
	const caps = words.filter(upper).length;
	if (caps >= 2 && caps * 2 >= words.length) return true;
	if (leadingCapitals(line) >= 3) return true;
	const content = words.filter((w) => /^\p{Ll}/u.test(w) && !LABEL_WORDS.test(w)).length;
	return words.length >= 2 && content === 0;
}

/**
 * Rule sentence-fragment: the sentence opens on a mark or a lower-case letter (", who had already
 * qualified lost 2-1 to …", "and then left"): the reader's text lost its start, so the sentence
 * asks nothing a learner can place.
 */
export function fragmentOpening(line: string): boolean {
	// "iPod", "eBay": a name written with a capital inside is no lost start.
	return /^\s*(?:[,;:)\]}–—-]|\.(?!\d)|\p{Ll}(?![\p{L}'’-]*\p{Lu}))/u.test(line);
}

/**
 * Rule answer-twice: the prompt shows two blanks ("confirm that _____ has passed …, a _____
 * spokeswoman said") or a blank written on to a figure ("to 5._____", "_____.15"): the key is asked
 * twice, or as half a number.
 */
export function brokenBlank(prompt: string): 'answer-twice' | 'blank-in-figure' | null {
	if (prompt.split('_____').length > 2) return 'answer-twice';
	return /\d[.,]_____|_____[.,]\d/.test(prompt) ? 'blank-in-figure' : null;
}

/**
 * A percentage blank whose sentence gives its complement ("took the remaining 62.5%" beside a
 * blanked 37.5%): the key is a subtraction away.
 */
export function complementShown(doc: Doc, b: Built): boolean {
	const a = b.fact.answer;
	if (!a || a.kind !== 'percent' || a.value === undefined || b.q.type === 'true-false')
		return false;
	const v = a.value;
	return (doc.bySentence[b.fact.sentence] ?? []).some((i) => {
		const m = doc.mentions[i] as Mention;
		return (
			m.kind === 'percent' &&
			m.value !== undefined &&
			m.start !== a.span?.start &&
			Math.abs(m.value + v - 100) < 1e-6
		);
	});
}

/** Words that name whom or through what a speaker spoke, right before the answer. */
const SPOKE_TO =
	/\b(?:told|telling|tells|speaking to|talking to|spoke to|interview with|in an interview on|writing in|wrote in|writes in|quoted by|reported by|speaking on|said on)\s+(?:the\s+)?$|\b(?:told|speaking to|talking to|spoke to)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’.]*\s+){1,4}(?:from|in)\s+$/iu;

/**
 * The answer is the outlet, audience or place a speaker talked to or from ("he told _____",
 * "writing in the _____", "told a conference in _____"): a detail of how the news was reported, not
 * of the news. Teachers rated such blanks trivial. Whom a speaker told is no better a question,
 * and an outlet is often read as a person ("He told BBC Five Live").
 */
export function speechMedium(doc: Doc, b: Built): boolean {
	const span = b.q.answerSpan;
	if (!span || b.q.type === 'true-false' || b.q.type === 'match' || b.q.type === 'quote')
		return false;
	return SPOKE_TO.test(doc.text.slice(Math.max(0, span.start - 60), span.start));
}

/**
 * What an article, unlike a single paragraph read whole, never asks: a role looked up by the
 * template "Who is described in the article as …" (stilted, cut from its setting, often known
 * without reading; the match question built from roles stays), and a blank in a quotation that
 * names no speaker.
 */
function articleOnly(doc: Doc, b: Built): RejectReason | null {
	if (!isHandout(doc)) return null;
	if (roleTemplate(b)) return 'role-lookup';
	// "leave the _____" → band: a common word kept as a filler gives way to any other filler; a
	// deck left short of questions without it takes it back (see screened).
	if (commonBlank(doc, b.q)) return 'blank-on-common-word';
	return speakerlessQuote(b) ? 'speakerless-quote' : null;
}

/** Discourse words that, with no comma after them, open a longer phrase ("In addition to"). */
const PHRASE_HEAD =
	/^(?:(?:but|and)\s+)?(in addition|instead|as a result|in contrast|by contrast|at the same time|besides|so|yet|still)\s+$/i;
/** The word that carries such a phrase on: "to", "of", "far" ("So far"), "another" ("Yet another"). */
const PHRASE_TAIL = /^(?:to|of|with|as|than|far|much|many|more|less|another|further)$/;

/**
 * Rule whole-opening: the shown sentence dropped discourse words that began a longer phrase ("In
 * addition to the interest-payment freeze, …" shown as "To the interest-payment freeze, …",
 * "Instead of fearing games" as "Of fearing games"). The phrase's opening words are put back, so
 * the prompt cuts only whole phrases. Returns the mended prompt, or null when it needs none.
 */
export function wholeOpening(sentence: string, prompt: string): string | null {
	const m =
		/^((?:Which [\w -]+ completes the sentence\?|True or false\?)\s*)?(\p{Lu}[\p{L}]*)\s/u.exec(
			prompt
		);
	if (!m) return null;
	const word = (m[2] as string).toLowerCase();
	const rest = prompt.slice(m[0].length).split('_____')[0] as string;
	for (const at of sentence.slice(0, 50).matchAll(/\s(\p{Ll}+)(?=\s)/gu)) {
		if (at[1] !== word) continue;
		const head = PHRASE_HEAD.exec(sentence.slice(0, (at.index ?? 0) + 1));
		if (!head || (!PHRASE_TAIL.test(word) && (head[1] as string).toLowerCase() !== 'besides'))
			continue;
		// The prompt goes on as the sentence does after the word (up to a blank or a name written out).
		const after = sentence.slice((at.index ?? 0) + at[0].length + 1);
		const n = Math.min(rest.length, 12);
		if (after.slice(0, n) !== rest.slice(0, n)) continue;
		const phrase = head[1] as string;
		const opening = `${phrase.charAt(0).toUpperCase()}${phrase.slice(1).toLowerCase()} ${word} `;
		return `${m[1] ?? ''}${opening}${prompt.slice(m[0].length)}`;
	}
	return null;
}

/**
 * Drops the questions never worth asking (naming the rule) and discounts those that lean on
 * context. Returns the kept questions; `risky` receives the discounted ones.
 */
export function screen(
	doc: Doc,
	built: Built[],
	reject: RejectSink,
	risky: Set<Built>,
	strict = true
): Built[] {
	const out: Built[] = [];
	for (const b of built) {
		const s = doc.sentences[b.fact.sentence];
		const mended = s && b.q.type !== 'match' ? wholeOpening(s.text, b.q.prompt) : null;
		if (mended) b.q = { ...b.q, prompt: mended } as typeof b.q;
		const form = b.q.type !== 'match' && b.q.type !== 'true-false' ? brokenBlank(b.q.prompt) : null;
		// A single paragraph, short of facts, may still ask a name it writes twice.
		const broken = form === 'answer-twice' && !isHandout(doc) ? null : form;
		if (broken || (b.q.type !== 'match' && s && fragmentOpening(s.text))) {
			reject({
				factId: b.fact.id,
				type: b.q.type,
				reason: broken ? 'blank-splits-unit' : 'heading-fragment',
				detail: `${b.q.answer} (${broken ?? 'sentence-fragment'})`
			});
			continue;
		}
		const unit = unitRefusal(doc, b);
		if (unit) {
			reject({
				factId: b.fact.id,
				type: b.q.type,
				reason: unit.reason,
				detail: `${b.q.answer} (${unit.rule})`
			});
			continue;
		}
		const reason =
			b.q.type !== 'match' && s && headingFragment(s.text)
				? 'heading-fragment'
				: complementShown(doc, b)
					? 'complement-shown'
					: speechMedium(doc, b)
						? 'speech-medium'
						: answerInPrompt(b)
							? 'answer-in-prompt'
							: b.q.type !== 'match' && s && nameList(s.text)
								? 'name-list'
								: runOnPrompt(b)
									? 'run-on-prompt'
									: conversionBlank(doc.text, b)
										? 'conversion-blank'
										: s && vagueQuestion(b, s.text)
											? 'vague-question'
											: cutName(doc.text, b)
												? 'cut-name'
												: strict
													? articleOnly(doc, b)
													: null;
		if (reason) {
			reject({ factId: b.fact.id, type: b.q.type, reason, detail: b.q.answer });
			continue;
		}
		// "the unit" written as the name the article gave it before ("Yuganskneftegas"), when sure.
		const ref = isHandout(doc) ? referentFor(doc, b) : null;
		if (ref && ref !== 'ambiguous') nameReferent(b, ref);
		if (contextRisk(doc, b)) {
			risky.add(b);
			b.q.score = Math.round(1e4 * b.q.score * CONTEXT_WEIGHT) / 1e4;
		}
		out.push(b);
	}
	return out;
}

/**
 * A deck with at least this many questions free of risk leaves out those leaning on context; a
 * shorter one keeps them after its clean questions.
 */
export const ENOUGH_CLEAN = 12;

/**
 * Screens `built`, lets `pick` choose, and keeps the questions at risk out of the deck's top ten,
 * or out of the deck when it has enough others.
 */
export function screened(
	doc: Doc,
	built: Built[],
	reject: RejectSink,
	pick: (kept: Built[]) => Built[]
): Built[] {
	const scores = built.map((b) => b.q.score);
	const held: Rejection[] = [];
	const deck = screenedOrder(doc, built, (r) => held.push(r), pick, true);
	// An article so short of questions that its deck would fall below MIN_DECK keeps the forms
	// only an article leaves out.
	if (deck.length < MIN_DECK) {
		built.forEach((b, i) => (b.q.score = scores[i] as number));
		return screenedOrder(doc, built, reject, pick, false);
	}
	for (const r of held) reject(r);
	return deck;
}

/** The fewest questions a deck should hold before it falls back on the forms an article drops. */
export const MIN_DECK = 5;

/**
 * In an article, the top ten go to the strongest forms first and the weak forms follow in the
 * deck's order, true/false last as they were chosen last (see weakOpener); in a deck short of strong
 * questions, those leaning on context come after them all. A single paragraph, short
 * of facts, keeps its order. Run after true/false questions have taken their final answer.
 */
export function weakLast(doc: Doc, chosen: Built[]): Built[] {
	if (!isHandout(doc)) return chosen;
	const form = (b: Built) => weakOpener(b, doc) ?? weakForm(b);
	const weak = chosen.filter((b) => form(b) ?? contextRisk(doc, b));
	const out = demoteRisky(chosen, new Set(weak));
	if (chosen.length - weak.length >= CLEAN_TOP) return out;
	// Short of strong questions, the deck shows its weak forms before those leaning on context.
	const leaning = new Set(weak.filter((b) => !form(b)));
	return [...out.filter((b) => !leaning.has(b)), ...out.filter((b) => leaning.has(b))];
}

function screenedOrder(
	doc: Doc,
	built: Built[],
	reject: RejectSink,
	pick: (kept: Built[]) => Built[],
	strict: boolean
): Built[] {
	const risky = new Set<Built>();
	const kept = screen(doc, built, reject, risky, strict);
	const chosen = pick(kept);
	const clean = chosen.filter((b) => !risky.has(b)).length;
	if (clean < CLEAN_TOP && chosen.length > clean) {
		// Questions at risk may have crowded clean ones out (one per sentence, one per fact): the
		// clean ones chosen alone come first, then the risky ones, the deck no longer than before.
		const alone = pick(kept.filter((b) => !risky.has(b)));
		if (alone.length > clean) {
			const has = new Set(alone);
			const rest = chosen.filter((b) => risky.has(b) && !has.has(b));
			return [...alone, ...rest.slice(0, Math.max(0, chosen.length - alone.length))];
		}
	}
	if (clean < ENOUGH_CLEAN) return demoteRisky(chosen, risky);
	for (const b of chosen)
		if (risky.has(b))
			reject({
				factId: b.fact.id,
				type: b.q.type,
				reason: 'needs-context',
				detail: `${b.q.answer} (${contextRisk(doc, b) ?? 'context'})`
			});
	return chosen.filter((b) => !risky.has(b));
}
