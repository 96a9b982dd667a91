/**
 * Noun phrases by rule: runs of content words between function words, verbs and punctuation.
 * Good enough to offer "oil crisis" or "civil disobedience" as answers when a sentence names no
 * person, place, date or number.
 */
import { AUXILIARIES, IRREGULAR_VERBS, SPEECH_VERBS, STOPWORDS } from './lexicon';
import type { SentenceInfo, Token } from './text';

export interface Phrase {
	sentence: number;
	tokenStart: number;
	tokenEnd: number;
	start: number;
	end: number;
	text: string;
	/** Lower-case last word. */
	head: string;
}

const DETERMINERS = new Set([
	'the',
	'a',
	'an',
	'this',
	'that',
	'these',
	'those',
	'its',
	'their',
	'his',
	'her',
	'our',
	'my',
	'your',
	'some',
	'many',
	'several',
	'such',
	'both',
	'each',
	'every',
	'no',
	'any',
	'all',
	'other',
	'another',
	'more',
	'most'
]);
/** Frequent verbs in their base or plural present form, which look like nouns otherwise. */
const COMMON_VERBS = new Set([
	'face',
	'faces',
	'have',
	'say',
	'remain',
	'remains',
	'continue',
	'continues',
	'make',
	'makes',
	'take',
	'takes',
	'shows',
	'need',
	'needs',
	'want',
	'wants',
	'include',
	'includes',
	'hold',
	'holds',
	'argue',
	'argues',
	'claim',
	'claims',
	'become',
	'becomes',
	'seem',
	'seems',
	'mean',
	'means',
	'allow',
	'allows',
	'require',
	'requires',
	'provide',
	'provides',
	'offer',
	'offers',
	'help',
	'helps',
	'use',
	'uses',
	'lead',
	'leads',
	'keep',
	'keeps',
	'give',
	'gives',
	'get',
	'gets',
	'go',
	'goes',
	'come',
	'comes',
	'know',
	'think',
	'believe',
	'see',
	'find',
	'finds',
	'call',
	'calls',
	'plan',
	'tend',
	'tends',
	'apply',
	'applies',
	'permit',
	'permits',
	'reflect',
	'reflects',
	'encourage',
	'encourages',
	'lie',
	'lies',
	'highlight',
	'highlights',
	'contain',
	'contains',
	'consist',
	'consists',
	'serve',
	'serves',
	'operate',
	'operates',
	'own',
	'owns',
	'run',
	'runs',
	'play',
	'plays',
	'won',
	'built',
	'caused',
	'became',
	'began',
	'led',
	'held',
	'made'
]);

const VERB_CUES = new Set([
	'will',
	'would',
	'can',
	'could',
	'may',
	'might',
	'must',
	'shall',
	'should',
	'to',
	'who',
	'did',
	'does',
	'do',
	"didn't",
	"won't"
]);
/** Words too vague to be an answer on their own or inside a phrase. */
const PHRASE_STOP = new Set([
	'first',
	'second',
	'third',
	'last',
	'next',
	'time',
	'times',
	'way',
	'ways',
	'lot',
	'lots',
	'kind',
	'sort',
	'part',
	'thing',
	'things',
	'something',
	'anything',
	'everything',
	'nothing',
	'someone',
	'anyone',
	'everyone',
	'one',
	'ones',
	'people',
	'week',
	'weeks',
	'month',
	'months',
	'year',
	'years',
	'day',
	'days'
]);

/** Common adjectives that the suffix rules miss. */
const ADJECTIVES = new Set([
	'long',
	'short',
	'high',
	'low',
	'big',
	'small',
	'new',
	'old',
	'good',
	'bad',
	'great',
	'large',
	'major',
	'minor',
	'key',
	'main',
	'top',
	'early',
	'late',
	'full',
	'free',
	'open',
	'clear',
	'hard',
	'strong',
	'weak',
	'likely',
	'able',
	'due',
	'sure',
	'ready',
	'possible',
	'sci-fi',
	'best',
	'worst',
	'latest',
	'biggest',
	'largest',
	'former',
	'current',
	'recent',
	'same',
	'own',
	'whole',
	'entire',
	'real',
	'true',
	'false',
	'live',
	'far',
	'near',
	'much',
	'less',
	'future',
	'previous',
	'potential',
	'significant',
	'various',
	'further',
	'certain',
	'particular',
	'similar',
	'different',
	'other'
]);

function isVerbish(t: Token, prev: Token | undefined): boolean {
	const l = t.lower;
	if (AUXILIARIES.has(l) || SPEECH_VERBS.has(l) || COMMON_VERBS.has(l)) return true;
	const afterDet = !!prev && DETERMINERS.has(prev.lower);
	if (IRREGULAR_VERBS[l] && !afterDet) return true;
	if (/ly$/.test(l) && l.length > 4) return true;
	if (/(ed|ing)$/.test(l) && l.length > 4 && !afterDet) return true;
	return false;
}

/** Noun phrases of one sentence that do not overlap `taken` token indexes. */
export function nounPhrases(s: SentenceInfo, taken: boolean[]): Phrase[] {
	const out: Phrase[] = [];
	const toks = s.tokens;
	let a = -1;
	const flush = (b: number) => {
		if (a < 0) return;
		let x = a;
		const y = b;
		// Keep at most three words, the last ones (the head comes last in English).
		if (y - x > 3) x = y - 3;
		while (x < y && /(ing|ed)$/.test((toks[x] as Token).lower) && y - x > 1) x++;
		// "to pay taxes": after "to" the first word is a verb.
		if (toks[x - 1]?.lower === 'to' && y - x > 1) x++;
		if (y > x) {
			const first = toks[x] as Token;
			const last = toks[y - 1] as Token;
			const words = y - x;
			// A lone adjective ("political") is not a thing to ask about.
			const adjective =
				/(al|ic|ous|ive|ful|less|able|ible|ary|ern|ish)$/.test(last.lower) ||
				ADJECTIVES.has(last.lower);
			// A phrase ends in its noun: "hit sci-fi" or "venue long" are fragments.
			const headOk = (!/(ly|ing|ed)$/.test(last.lower) || words > 1) && !adjective;
			if (headOk && (words > 1 || last.lower.length > 3))
				out.push({
					sentence: s.index,
					tokenStart: x,
					tokenEnd: y,
					start: first.start,
					end: last.end,
					text: s.text.slice(first.start - s.start, last.end - s.start),
					head: last.lower
				});
		}
		a = -1;
	};
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i] as Token;
		// After a modal, "to" or "who", the next word (past an adverb) is a verb: "would likely utilise".
		let k = i - 1;
		while (k >= 0 && /ly$/.test((toks[k] as Token).lower)) k--;
		const afterVerbCue = k >= 0 && VERB_CUES.has((toks[k] as Token).lower);
		const content =
			!afterVerbCue &&
			!PHRASE_STOP.has(t.lower) &&
			t.word &&
			!taken[i] &&
			!STOPWORDS.has(t.lower) &&
			!(t.cap && i > 0) &&
			!isVerbish(t, toks[i - 1]) &&
			!(i === 0 && t.cap && STOPWORDS.has(t.lower));
		// A capitalised first word of the sentence joins only if lower-cased it is an ordinary word.
		if (content) {
			if (a < 0) a = i;
		} else {
			flush(i);
		}
	}
	flush(toks.length);
	return out;
}
