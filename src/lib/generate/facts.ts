/**
 * Facts: the units questions and cards are made from. Each has an evidence sentence, a kind, the
 * entities it names and, for most, the phrase a question asks about. One extractor per fact kind
 * (facts/*.ts); this file runs them in order and gives each fact its stable id.
 */
import type { Doc, Entity, Mention } from '../nlp/types';
import { IGNORE, type RejectSink } from './explain';
import {
	positionWeight,
	RANK,
	sentenceQuality,
	type FactSink,
	type FactX,
	type SentenceInfo
} from './facts/common';
import { listFacts } from './facts/lists';
import { mentionFacts } from './facts/mentions';
import { phraseFacts } from './facts/phrases';
import { quoteFacts } from './facts/quotes';
import { roleFacts } from './facts/roles';
import { termFacts } from './facts/terms';
import { norm, shortId, wordCount } from './util';

export * from './facts/common';

/** Words of the title: an answer made only of them is given away by the title itself. */
function titleWords(title: string | undefined): Set<string> {
	return new Set(
		norm((title ?? '').replace(/_/g, ' '))
			.split(' ')
			.filter(Boolean)
	);
}

/** How fit a sentence is to ask about, before looking at any answer in it. */
function sentenceInfo(s: Doc['sentences'][number]): SentenceInfo {
	const words = wordCount(s.text);
	const commas = (s.text.match(/,/g) ?? []).length;
	// "Subs not used: Morris, Wardley, Newey": a list of names with no statement in it.
	const ws = s.tokens.filter((t) => t.word);
	const nameList =
		ws.length >= 4 && commas >= 3 && ws.filter((t) => !t.cap).length < ws.length * 0.3;
	const sq =
		sentenceQuality(words) *
		// A sentence that opens in lower case is a fragment left by the source's layout.
		(/^[a-z]/.test(s.text) ? 0.4 : 1) *
		(commas > 8 ? 0.3 : 1) *
		(nameList ? 0.2 : 1);
	return { s, sq, pos: positionWeight(s.index), key: norm(s.text) };
}

/**
 * A line the publisher adds to every story ("You can hear more on this story on ...", "Click here
 * for ..."): nothing a reader learns from the article.
 */
export function boilerplate(text: string): boolean {
	return (
		/^(?:you can (?:hear|see|read|watch|listen|find|follow)|click here|for more (?:information|details|news)|read more|see also|listen to|watch the)\b/i.test(
			text.trim()
		) || /\b(?:can be (?:heard|seen|watched) on|is broadcast on|will be broadcast on)\b/i.test(text)
	);
}

export function extractFacts(doc: Doc, title?: string, reject: RejectSink = IGNORE): FactX[] {
	const lowerText = doc.text.toLowerCase();
	const inTitle = titleWords(title);
	const givenAway = (answer: string) => {
		const ws = norm(answer).split(' ').filter(Boolean);
		return ws.length > 0 && ws.every((w) => inTitle.has(w) || inTitle.has(w.replace(/s$/, '')));
	};
	const facts: FactX[] = [];
	const seen = new Set<string>();
	const ids = new Set<string>();
	const namesCache = new Map<number, string[]>();
	const sink: FactSink = {
		add(f, key) {
			if (seen.has(key)) return;
			if (f.answer && f.kind !== 'quote' && f.kind !== 'role' && givenAway(f.answer.text))
				f.weight *= RANK.inTitle;
			seen.add(key);
			let id = shortId('f', key);
			let n = 1;
			while (ids.has(id)) id = shortId('f', key + '#' + n++);
			ids.add(id);
			facts.push({ ...f, id });
		},
		entityNames(s) {
			let out = namesCache.get(s);
			if (!out) {
				out = [
					...new Set(
						(doc.bySentence[s] ?? [])
							.map((i) => doc.mentions[i] as Mention)
							.filter((m) => m.entity >= 0)
							.map((m) => (doc.entities[m.entity] as Entity).name)
					)
				];
				namesCache.set(s, out);
			}
			return out;
		}
	};
	for (const s of doc.sentences) {
		if (boilerplate(s.text)) {
			reject({ factId: `s${s.index}`, type: 'fact', reason: 'boilerplate', detail: s.text });
			continue;
		}
		const info = sentenceInfo(s);
		mentionFacts(doc, info, sink, lowerText, reject);
		phraseFacts(doc, info, sink, reject);
		listFacts(doc, info, sink);
	}
	termFacts(doc, sink);
	quoteFacts(doc, sink);
	roleFacts(doc, sink);
	return facts;
}
