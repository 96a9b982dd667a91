/**
 * The last look at every built question before and after selection: lines that are no sentences
 * and blanks the sentence answers by arithmetic are never asked; questions that lean on context
 * they do not show lose most of their score and never open the deck (see context.ts).
 */
import type { Doc, Mention } from '../nlp';
import { STOPWORDS } from '../nlp/lexicon';
import { CONTEXT_WEIGHT, contextRisk, demoteRisky } from './context';
import type { RejectSink } from './explain';
import type { Built } from './questions';

/**
 * A heading or label, not a sentence: mostly words in capitals ("TOO MUCH TV"), or words with no
 * lower-case content word at all, so no verb ("Game Boy Advance SP", "Best Film").
 */
export function headingFragment(line: string): boolean {
	const words = line.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
	if (!words.length) return true;
	const caps = words.filter((w) => w.length >= 2 && /^[\p{Lu}'’-]+$/u.test(w)).length;
	if (caps >= 2 && caps * 2 >= words.length) return true;
	const content = words.filter((w) => /^\p{Ll}/u.test(w) && !STOPWORDS.has(w)).length;
	return words.length >= 2 && content === 0;
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

/**
 * Drops the questions never worth asking (naming the rule) and discounts those that lean on
 * context. Returns the kept questions; `risky` receives the discounted ones.
 */
export function screen(doc: Doc, built: Built[], reject: RejectSink, risky: Set<Built>): Built[] {
	const out: Built[] = [];
	for (const b of built) {
		const s = doc.sentences[b.fact.sentence];
		const reason =
			b.q.type !== 'match' && s && headingFragment(s.text)
				? 'heading-fragment'
				: complementShown(doc, b)
					? 'complement-shown'
					: null;
		if (reason) {
			reject({ factId: b.fact.id, type: b.q.type, reason, detail: b.q.answer });
			continue;
		}
		if (contextRisk(doc, b)) {
			risky.add(b);
			b.q.score = Math.round(1e4 * b.q.score * CONTEXT_WEIGHT) / 1e4;
		}
		out.push(b);
	}
	return out;
}

/** Screens `built`, lets `pick` choose, and keeps the questions at risk out of the deck's top. */
export function screened(
	doc: Doc,
	built: Built[],
	reject: RejectSink,
	pick: (kept: Built[]) => Built[]
): Built[] {
	const risky = new Set<Built>();
	return demoteRisky(pick(screen(doc, built, reject, risky)), risky);
}
