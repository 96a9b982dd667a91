/**
 * Turns a sentence and one of its phrases into a wh-question by rule: the phrase becomes
 * who / which / when / where / how many, and where English needs it the auxiliary moves before the
 * subject ("When did Shell tell investors ...?"). Returns null when the sentence does not fit the
 * patterns, so a malformed question is never produced.
 */
import {
	AUXILIARIES,
	COUNTRY_BY_ALIAS,
	E_VERBS,
	IRREGULAR_VERBS,
	ROLE_NOUNS,
	SPEECH_VERBS,
	STOPWORDS
} from '../nlp/lexicon';
import type { SentenceInfo, Token } from '../nlp/text';
import type { AnswerKind } from './types';

export interface WhTarget {
	kind: AnswerKind;
	/** Token range of the answer inside the sentence. */
	a: number;
	b: number;
	/** Number of coordinated items when the answer is a list ("Britain and France"). */
	items: number;
	text: string;
}

export interface WhQuestion {
	prompt: string;
	/** 0..1: how sure the rules are that the question reads well. */
	quality: number;
}

const PRONOUN_SUBJECTS = new Set([
	'he',
	'she',
	'it',
	'they',
	'this',
	'that',
	'these',
	'those',
	'we',
	'i',
	'you'
]);
const INTRO_WORDS = new Set([
	'if',
	'although',
	'though',
	'because',
	'unless',
	'once',
	'whether',
	'in',
	'on',
	'at',
	'during',
	'by',
	'following',
	'after',
	'before',
	'since',
	'until',
	'last',
	'earlier',
	'later',
	'meanwhile',
	'furthermore',
	'however',
	'also',
	'then',
	'now',
	'today',
	'yesterday',
	'as',
	'when',
	'while',
	'despite',
	'concurrently',
	'speaking',
	'under',
	'for',
	'with',
	'according'
]);
/** Heads that name people: a subject question about them asks "who", not "what". */
const PEOPLE_NOUNS =
	/\b(leaders|officials|people|members|residents|workers|voters|fans|players|staff|employees|citizens|students|children|women|men|families|protesters|police|troops|soldiers|investors|analysts|experts|critics|scientists|researchers|doctors|teachers|ministers|lawmakers|judges|settlers|colonists|natives)$/;
const NUMBER_WORDS_2 = ['', '', 'two', 'three', 'four', 'five', 'six'];

/** The base form of a verb in the past tense or the third person singular. */
export function lemma(word: string): string | null {
	const w = word.toLowerCase();
	const irr = IRREGULAR_VERBS[w];
	if (irr) return irr;
	if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
	if (w.endsWith('eed')) return w.slice(0, -1);
	if (w.endsWith('ed') && w.length > 3) {
		const stem = w.slice(0, -2);
		if (E_VERBS.has(stem + 'e')) return stem + 'e';
		// Prefixed forms of the same verbs: "restated", "reintroduced", "outlined".
		const bare = /^(re|un|over|out|under|mis|pre|dis|co)(.+)$/.exec(stem)?.[2];
		if (bare && E_VERBS.has(bare + 'e')) return stem + 'e';
		if (/[^aeiou]at$|[^aeiou]iz$|[^aeiou]uc$|[^aeiou]ut$/.test(stem)) return stem + 'e';
		const m = /([b-df-hj-np-tv-z])\1$/.exec(stem);
		if (m && !/[lsz]$/.test(stem)) return stem.slice(0, -1);
		return stem;
	}
	if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
	if (/(sses|shes|ches|xes|zes|oes)$/.test(w)) return w.slice(0, -2);
	if (w.endsWith('s') && !w.endsWith('ss') && w.length > 3) return w.slice(0, -1);
	return null;
}

type VerbForm = 'aux' | 'past' | 'pres3' | null;

function verbForm(t: Token | undefined, prev: Token | undefined): VerbForm {
	if (!t || !t.word || t.cap) return null;
	// "the government's plans": after a possessive it is a noun.
	if (prev && /^['’]s$/.test(prev.text)) return null;
	const l = t.lower;
	if (AUXILIARIES.has(l)) return 'aux';
	if (
		IRREGULAR_VERBS[l] &&
		![
			'read',
			'set',
			'put',
			'cut',
			'let',
			'hit',
			'bet',
			'quit',
			'spread',
			'shut',
			'hurt',
			'upset',
			'cost',
			'forecast',
			'split',
			'lay'
		].includes(l)
	)
		return 'past';
	if (
		/[a-z]ed$/.test(l) &&
		l.length > 4 &&
		!(prev && /^(the|a|an|his|her|its|their|our)$/.test(prev.lower))
	)
		return 'past';
	if (SPEECH_VERBS.has(l) && /s$/.test(l)) return 'pres3';
	if (
		/[^s]s$/.test(l) &&
		l.length > 3 &&
		!STOPWORDS.has(l) &&
		/^(said|says|plans|wants|needs|hopes|expects|faces|remains|continues|believes|says|claims|insists|argues|warns|denies|admits|seeks|aims|makes|takes|gives|holds|leads|runs|owns|employs|sells|buys|shows|means|includes|involves|requires|allows|offers|provides|looks|seems|comes|goes|gets)$/.test(
			l
		)
	)
		return 'pres3';
	return null;
}

/** Joins tokens as the text spaced them; tokens need not be contiguous. */
function joinTokens(toks: Token[], text: string): string {
	let out = '';
	let prevEnd = -1;
	for (const t of toks) {
		if (prevEnd >= 0) out += t.start === prevEnd ? '' : t.space || t.start > prevEnd ? ' ' : '';
		out += text.slice(t.start, t.end);
		prevEnd = t.end;
	}
	return out;
}

/** Trims the tail of a question body to keep it readable: stops at a comma after enough words. */
function trimTail(toks: Token[], minWords = 5): Token[] {
	let words = 0;
	for (let i = 0; i < toks.length; i++) {
		const t = toks[i] as Token;
		if (t.word || t.num) words++;
		if (
			(t.text === ',' ||
				t.text === ';' ||
				t.text === '—' ||
				t.text === '–' ||
				t.text === '-' ||
				t.text === ':') &&
			words >= minWords
		)
			return toks.slice(0, i);
		// "but" opens a new clause whatever came before it.
		if (t.lower === 'but' && words > 1) return toks.slice(0, i);
	}
	// Drop final punctuation and closing quotes.
	let end = toks.length;
	while (end > 0 && /^[.!?;:,"”’']$/.test((toks[end - 1] as Token).text)) end--;
	return toks.slice(0, end);
}

function balancedQuotes(s: string): string {
	const n = (s.match(/"/g) ?? []).length;
	if (n % 2 === 1) return s.replace(/"/g, '');
	const o = (s.match(/“/g) ?? []).length;
	const c = (s.match(/”/g) ?? []).length;
	if (o !== c) return s.replace(/[“”]/g, '');
	return s;
}

function subjectWh(target: WhTarget, text: string): string | null {
	const n = target.items;
	switch (target.kind) {
		case 'person':
			return 'Who';
		case 'organisation':
			return n > 1 ? 'Which organisations' : 'Which organisation';
		case 'place': {
			const country =
				COUNTRY_BY_ALIAS.has(text.toLowerCase()) ||
				text.split(/,? and |, /).every((p) => COUNTRY_BY_ALIAS.has(p.toLowerCase()));
			if (n > 1)
				return `Which ${NUMBER_WORDS_2[n] ?? ''} ${country ? 'countries' : 'places'}`.replace(
					/\s+/g,
					' '
				);
			return country ? 'Which country' : 'Which place';
		}
		case 'thing':
			return PEOPLE_NOUNS.test(text.toLowerCase()) ||
				ROLE_NOUNS.has(text.toLowerCase().split(' ').pop() ?? '')
				? 'Who'
				: 'What';
		default:
			return null;
	}
}

/** Start of the main clause: after a leading phrase closed by a comma ("Following the talks, ..."). */
function clauseStart(toks: Token[], limit: number): number {
	const first = toks[0];
	if (!first) return 0;
	if (!INTRO_WORDS.has(first.lower) && !/ly$/.test(first.lower)) return 0;
	for (let i = 1; i < Math.min(limit, toks.length); i++)
		if ((toks[i] as Token).text === ',') return i + 1;
	return 0;
}

/**
 * A wh-question whose answer is `target`, or null. `lowerSeen` holds words the text writes in
 * lower case, to decide whether a sentence-initial word keeps its capital.
 */
export function whQuestion(
	s: SentenceInfo,
	target: WhTarget,
	text: string,
	lowerSeen: Set<string>
): WhQuestion | null {
	const toks = s.tokens;
	if (toks.some((t) => t.text === '?')) return null;
	// Speech in the first or second person ("We have lost ...") makes no sense asked back.
	if (toks.some((t) => /^(i|we|you|my|our|your|me)$/.test(t.lower) || t.text === 'us')) return null;
	const cs = clauseStart(toks, 14);
	// Subject questions: the answer opens the clause.
	let lead = cs;
	while (
		lead < target.a &&
		(/^(both|the|a|an|either|neither)$/.test((toks[lead] as Token).lower) ||
			(toks[lead] as Token).cap)
	)
		lead++;
	if (lead === target.a) {
		const wh = subjectWh(target, target.text);
		if (!wh) return null;
		let v = target.b;
		// Skip an apposition or relative clause between commas.
		if (toks[v]?.text === ',') {
			let k = v + 1;
			while (k < toks.length && k - v < 18 && (toks[k] as Token).text !== ',') k++;
			if (toks[k]?.text !== ',') return null;
			v = k + 1;
		}
		if (toks[v] && /ly$/.test((toks[v] as Token).lower) && !(toks[v] as Token).cap) v++;
		const vf = verbForm(toks[v], toks[v - 1]);
		if (!vf) return null;
		// "What have been raised": a plural noun subject makes "what" disagree with its verb.
		if (
			target.kind === 'thing' &&
			vf === 'aux' &&
			/^(have|are|were|do)$/.test((toks[v] as Token).lower)
		)
			return null;
		const body = trimTail(toks.slice(v), 6);
		if (body.length < 2) return null;
		// Agreement: "Which two countries declared" is fine; "Who are" for a list of people.
		let bodyText = joinTokens(body, text);
		if (target.items > 1 && wh === 'Who')
			bodyText = bodyText
				.replace(/^is\b/, 'are')
				.replace(/^was\b/, 'were')
				.replace(/^has\b/, 'have');
		// A one-word thing ("company") or a long tail makes a vague or rambling question.
		if (target.kind === 'thing' && target.b - target.a < 2) return null;
		// "What said ...": things do not speak; that is a person or a body the reader missed.
		if (target.kind === 'thing' && SPEECH_VERBS.has((toks[v] as Token).lower)) return null;
		if (body.length > 24) return null;
		// Speech in the body belongs to a quote question, not here.
		if (/["“”]/.test(bodyText) && body.length > 12) return null;
		const q = `${wh} ${bodyText}?`;
		return { prompt: balancedQuotes(q), quality: cs === 0 ? 1 : 0.9 };
	}
	// Adjunct questions: when / where / how many / how much.
	if (target.items > 1) return null;
	// A figure in brackets is a conversion or an aside, not something to ask about on its own.
	if (
		toks.slice(0, target.a).filter((t) => t.text === '(').length >
		toks.slice(0, target.a).filter((t) => t.text === ')').length
	)
		return null;
	const prev = toks[target.a - 1];
	let wh: string | null = null;
	let removeFrom = target.a;
	const removeTo = target.b;
	if (target.kind === 'date') {
		if (prev && /^(on|in|during|by|since|until|at)$/.test(prev.lower)) {
			removeFrom = target.a - 1;
			wh = /^(since)$/.test(prev.lower)
				? 'Since when'
				: /^(by|until)$/.test(prev.lower)
					? null
					: 'When';
		}
	} else if (target.kind === 'place') {
		if (prev && /^(in|at)$/.test(prev.lower)) {
			removeFrom = target.a - 1;
			wh = 'Where';
		}
	} else if (target.kind === 'quantity') {
		const noun = toks[target.b - 1] as Token;
		// "to more than 100 pupils", "about 40 jobs": a comparison, not a count to ask about.
		if (
			prev &&
			/^(than|to|of|from|by|between|about|around|nearly|almost|over|under|up|some|least|past|last|next|first|for|with|against|versus)$/.test(
				prev.lower
			)
		)
			return null;
		// "How many times": a plural noun after a free-standing number ("60m hurdles title" is not a count).
		const glued = toks.slice(target.a, target.b - 1).some((t, i) => i > 0 && !t.space);
		if (
			noun.word &&
			!noun.cap &&
			!(toks[target.a] as Token).cap &&
			/[^s]s$/.test(noun.lower) &&
			!glued
		) {
			wh = `How many ${noun.text}`;
		}
	} else if (target.kind === 'money') {
		// Only as the object right after the verb: "Shell paid $1m to ..." → "How much did Shell pay to ...?"
		if (prev && verbForm(prev, toks[target.a - 2])) wh = 'How much';
	}
	if (!wh) return null;
	// The rest of the sentence without the answer phrase, split into clause, subject and verb.
	const after = toks[removeTo];
	// Drop an intro phrase that was only the answer ("On Tuesday, ...").
	let start = cs;
	if (cs > 0 && removeFrom <= 1 && removeTo >= cs - 1) start = cs;
	else if (removeFrom < cs) return null;
	const rest = toks.slice(start).filter((_, i) => {
		const idx = i + start;
		return idx < removeFrom || idx >= removeTo;
	});
	void after;
	while (rest.length && /^[,;:]$/.test((rest[0] as Token).text)) rest.shift();
	if (rest.length < 3) return null;
	// Subject: up to the first verb, at most 8 tokens; a relative clause between commas is skipped
	// ("Infinity Broadcasting, which is owned by Viacom, paid ...").
	let v = -1;
	let relFrom = -1;
	let relTo = -1;
	for (let i = 1; i < Math.min(rest.length, relTo > 0 ? relTo + 4 : 10); i++) {
		const t = rest[i] as Token;
		if (t.text === ',' && relFrom < 0 && /^(who|which|whose)$/.test(rest[i + 1]?.lower ?? '')) {
			let k = i + 1;
			while (k < rest.length && k - i < 16 && (rest[k] as Token).text !== ',') k++;
			if (rest[k]?.text !== ',') return null;
			relFrom = i;
			relTo = k + 1;
			i = k;
			continue;
		}
		if (t.text === ',' || t.text === '"' || t.text === '“') break;
		// "sales of legally downloaded songs": a participle after an adverb or preposition is not
		// the main verb.
		const before = rest[i - 1] as Token;
		if (
			/ed$/.test(t.lower) &&
			(/ly$/.test(before.lower) || /^(of|in|for|with|by|from|to|the|a|an)$/.test(before.lower))
		)
			continue;
		if (verbForm(t, rest[i - 1])) {
			v = i;
			break;
		}
	}
	if (v < 1) return null;
	if (relFrom > 0) {
		rest.splice(relFrom, relTo - relFrom);
		v -= relTo - relFrom;
	}
	// An answer inside a reported clause ("X warned that costs had risen since January") belongs to
	// that clause, not to the main verb: no question.
	const verbTok = rest[v] as Token;
	// The main verb comes before the answer: otherwise it belongs to a later clause.
	if (target.a >= start && verbTok.start > (toks[target.a] as Token).start) return null;
	// A relative or subordinate clause between the verb and the answer owns the answer
	// ("... Flanimals, which is released in March").
	if (
		toks.some(
			(t) =>
				t.start > verbTok.start &&
				t.start < (toks[target.a] as Token).start &&
				/^(which|who|whom|whose|where|when|since|because|while|although|if|until|after|before)$/.test(
					t.lower
				)
		)
	)
		return null;
	if (
		toks.some(
			(t) =>
				t.start > verbTok.start &&
				t.start < (toks[target.a] as Token).start &&
				(t.lower === 'that' || SPEECH_VERBS.has(t.lower))
		)
	)
		return null;
	if (SPEECH_VERBS.has(verbTok.lower) && (toks[target.a] as Token).start > verbTok.start)
		return null;
	// "..., 40 years after the film was released": an answer in a phrase of its own.
	if (
		toks.some(
			(t) => t.text === ',' && t.start > verbTok.start && t.start < (toks[target.a] as Token).start
		)
	)
		return null;
	const subj = rest.slice(0, v);
	const s0 = subj[0] as Token;
	if (subj.length === 1 && PRONOUN_SUBJECTS.has(s0.lower)) return null;
	if (PRONOUN_SUBJECTS.has(s0.lower) && subj.length === 1) return null;
	if (
		subj.some(
			(t) =>
				t.start >= (toks[target.a] as Token).start && t.end <= (toks[target.b - 1] as Token).end
		)
	)
		return null;
	let subjText = joinTokens(subj, text);
	const firstIsSentenceStart = s0.start === (toks[0] as Token).start || start > 0;
	if (firstIsSentenceStart && s0.cap && (lowerSeen.has(s0.lower) || STOPWORDS.has(s0.lower)))
		subjText = s0.text.toLowerCase() + subjText.slice(s0.text.length);
	const verb = rest[v] as Token;
	const form = verbForm(verb, rest[v - 1]);
	let tail = trimTail(rest.slice(v + 1), 5);
	// A dangling preposition left by removing the answer's phrase.
	while (
		tail.length &&
		/^(on|in|at|of|to|by|from|during)$/.test((tail[tail.length - 1] as Token).lower)
	)
		tail = tail.slice(0, -1);
	let tailText = joinTokens(tail, text);
	let prompt: string;
	let quality = 0.85;
	if (form === 'aux') {
		// "was made" → "When was X made"; "has given" → "When has X given".
		prompt = `${wh} ${verb.lower} ${subjText}${tailText ? ' ' + tailText : ''}?`;
	} else {
		const base = lemma(verb.text);
		if (!base) return null;
		const aux = form === 'past' ? 'did' : 'does';
		if (!IRREGULAR_VERBS[verb.lower] && !E_VERBS.has(base) && form === 'past') quality = 0.7;
		tailText = tailText ? ' ' + tailText : '';
		prompt = `${wh} ${aux} ${subjText} ${base}${tailText}?`;
	}
	if (wh.startsWith('How many') && form === 'aux') quality -= 0.05;
	prompt = prompt.replace(/\s+,/g, ',').replace(/\s+/g, ' ');
	// "... one of the?": the answer was the head of a phrase the question cut in half.
	if (/\b(the|a|an|its|their|his|her|our|one of)\?$/i.test(prompt)) return null;
	return { prompt: balancedQuotes(prompt), quality };
}
