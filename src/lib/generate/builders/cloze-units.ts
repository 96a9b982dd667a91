/**
 * What a blank must hold: one whole unit worth asking (a name, a figure, a key term). A blank that
 * takes half of a name or title, a pronoun with its verb, a discourse word, a count the words
 * around give away, two places at once, or a line of the web page around the article asks nothing
 * a learner gains from reading. Each rule names itself in the rejection's detail.
 */
import type { Doc } from '../../nlp';
import type { RejectReason } from '../explain';
import type { Built } from '../questions';

export interface UnitRefusal {
	reason: RejectReason;
	rule: string;
}

/** Words that stand before a name as its title: "President _____" keeps the name whole. */
const TITLES = new Set(
	(
		'mr mrs ms miss dr sir dame lord lady president prime minister chancellor secretary general ' +
		'captain judge prince princess queen king pope saint st rev reverend father senator governor ' +
		'mayor chairman chief professor prof gen col sgt lt cllr mp coach manager director executive ' +
		'officer commissioner attorney spokesman spokeswoman ambassador envoy striker midfielder'
	).split(' ')
);

/** Words that open a line without joining the name after them ("The", "In", "But"). */
const OPENERS = new Set(
	(
		'the a an in on at of for to by with from and but or as if when while after before since ' +
		'this that these those his her its their our my your i we he she they it new former'
	).split(' ')
);

/** Particles inside a name: "Walter van der _____", "Charles de _____". */
const PARTICLE =
	/(?:^|\s)\p{Lu}[\p{L}'’-]+\s+(?:(?:van|von|der|den|de|da|di|du|la|le|del|bin|ibn|al)\s+){1,2}$/u;

/**
 * Rule name-run-cut: the blank takes part of a run of capitalised words, the rest of the title or
 * name shown right before or after it with nothing between ("King _____" of King Kong, "the old
 * _____ Nations became Six", "Walter van der _____"). A title before a person's name is no cut.
 */
export function cutsRun(
	text: string,
	start: number,
	end: number,
	sentenceStart: number,
	person = false
): boolean {
	const before = text.slice(Math.max(sentenceStart, start - 40), start);
	if (PARTICLE.test(before)) return true;
	// Only a name is cut: "Russia $6bn", "the 11 September World Trade Centre attack" are not.
	if (!/^\p{Lu}/u.test(text.slice(start, end))) return false;
	// Before a person, a capitalised word is most often a post ("Commissioner _____").
	// A whole name of two words or more after a word in capitals is described, not cut ("Dane
	// Kenneth Carlsen"); a single word after one is the name's second half ("King _____").
	const single = !/\s/.test(text.slice(start, end).trim());
	const prev = person || !single ? null : /(?:^|[\s(“"‘'])(\p{Lu}[\p{L}'’.-]*)\s$/u.exec(before);
	if (prev) {
		const w = prev[1] as string;
		const at = start - 1 - w.length;
		const opens = at <= sentenceStart || /[:;"“‘(—–-]\s*$/.test(text.slice(sentenceStart, at));
		const lw = w.toLowerCase().replace(/\.$/, '');
		// "Germany's _____": an owner, not half of the name.
		const owner = /['’]s?$/.test(w);
		if (!owner && !opens && !TITLES.has(lw) && !OPENERS.has(lw) && /\p{Ll}/u.test(w)) return true;
	}
	const after = /^\s(\p{Lu}\p{Ll}[\p{L}'’-]*)/u.exec(text.slice(end, end + 40));
	if (after) {
		const w = after[1] as string;
		if (!OPENERS.has(w.toLowerCase())) return true;
	}
	return false;
}

/** Pronouns, contractions, interjections and discourse words: never a unit worth asking. */
const FUNCTION_WORDS = new Set(
	(
		"i we you he she they it me us him them i've i'm i'd i'll we've we're we'd we'll you've " +
		"you're you'd you'll he's he'd she's she'd they've they're they'd it's that's there's " +
		"here's what's let's well yes no oh ah ok okay however meanwhile indeed still also now so then " +
		'but and anyway actually sadly hopefully luckily fortunately unfortunately clearly obviously ' +
		'thanks please hello sorry perhaps maybe instead besides moreover nevertheless nonetheless ' +
		'frankly honestly basically certainly surely'
	).split(' ')
);

/**
 * Rule function-word: the answer is a pronoun with or without its verb ("_____ got …" → I've), an
 * interjection or a discourse word ("_____, the game is …" → Well), or opens on one ("Please
 * click").
 */
export function functionAnswer(answer: string): boolean {
	const words = answer
		.toLowerCase()
		.replace(/’/g, "'")
		.split(/\s+/)
		.map((w) => w.replace(/^[^\p{L}]+|[^\p{L}']+$/gu, ''))
		.filter(Boolean);
	if (!words.length) return false;
	// "US", "IT": a name in capitals, not the pronoun.
	if (/^\p{Lu}{2,}$/u.test(answer.trim())) return false;
	if (words.every((w) => FUNCTION_WORDS.has(w))) return true;
	return (
		words.length <= 2 && /^(?:please|i've|i'm|we've|we're|they're|you're)$/.test(words[0] as string)
	);
}

/** A fixed period written as its count: 12 months, 24 hours, seven days. */
const PERIODS: Record<string, number> = {
	months: 12,
	month: 12,
	hours: 24,
	hour: 24,
	days: 7,
	day: 7,
	weeks: 52,
	week: 52,
	minutes: 60,
	seconds: 60
};

/**
 * Rule trivial-count: the blank is a fixed period's count ("the past _____ months" → 12) or a
 * count of two or three that the words around give away ("All _____ parties", "both", "the last
 * _____ teams").
 */
export function trivialCount(text: string, start: number, end: number, value: number): boolean {
	// The unit is the key's own last word ("12 months") or the word after a bare count.
	const own = /\s(\p{L}+)$/u.exec(text.slice(start, end));
	const after = own ?? /^\s*-?\s*(\p{L}+)/u.exec(text.slice(end, end + 20));
	const unit = after ? (after[1] as string).toLowerCase() : '';
	const before = text.slice(Math.max(0, start - 25), start);
	// "over the past 12 months": a year said another way; "sold out in 24 hours" is news.
	if (PERIODS[unit] === value)
		return /\b(?:past|last|next|previous|coming|recent)\s+$/i.test(before);
	// "over the next three years" asks the news's own span; only a bare count is given away.
	if ((value !== 2 && value !== 3) || own) return false;
	return /\b(?:all|both|the (?:past|last|next|first|top|other|final|previous|remaining))\s+$/i.test(
		before
	);
}

/** Lines of the web page, not of the report: links, mail-a-friend, comment invitations. */
const FURNITURE =
	/^(?:please\s+)?click\b|\b(?:send us your|e-?mail this (?:story |page )?to a friend|send your (?:views|comments)|have your say|your comments|printable version|post your)\b/i;

/** Rule page-furniture: the sentence is a line of the web page around the article. */
export function pageFurniture(sentence: string): boolean {
	return FURNITURE.test(sentence.trim());
}

/** Places whose name holds "and": one unit. */
const ONE_PLACE =
	/^(?:England and Wales|Trinidad and Tobago|Bosnia and Herzegovina|Antigua and Barbuda|St Kitts and Nevis|Sao Tome and Principe)$/;

/** Rule two-places: a blank over two or more places ("including London and Paris"). */
export function twoPlaces(b: Built): boolean {
	const a = b.fact.answer;
	return !!a && a.kind === 'place' && a.items > 1 && !ONE_PLACE.test(a.text);
}

/** The key names a person (kind or hint), so a capitalised word before it is its post. */
function isPerson(b: Built): boolean {
	return (
		b.q.kind === 'person' ||
		b.fact.answer?.kind === 'person' ||
		/person/.test('hint' in b.q ? String(b.q.hint ?? '') : '')
	);
}

/**
 * Why a question with a blank (fill-in or which-completes) holds no single unit worth asking, or
 * null. True/false, match and quote questions have no blank and pass.
 */
export function unitRefusal(doc: Doc, b: Built): UnitRefusal | null {
	if (b.q.type !== 'cloze' && b.q.type !== 'multiple-choice') return null;
	if (!b.q.prompt.includes('_____')) return null;
	const s = doc.sentences[b.fact.sentence];
	if (s && pageFurniture(s.text)) return { reason: 'boilerplate', rule: 'page-furniture' };
	if (functionAnswer(b.q.answer))
		return { reason: 'blank-on-function-word', rule: 'function-word' };
	if (twoPlaces(b)) return { reason: 'blank-two-units', rule: 'two-places' };
	const span = b.q.answerSpan;
	if (!span) return null;
	const value = b.fact.answer?.value;
	if (value !== undefined && trivialCount(doc.text, span.start, span.end, value))
		return { reason: 'trivial-count', rule: 'trivial-count' };
	// A date or figure before a name ("In September Spears married") cuts nothing.
	const named = ['person', 'organisation', 'place', 'thing', 'role'].includes(b.q.kind ?? '');
	if (named && s && cutsRun(doc.text, span.start, span.end, s.start, isPerson(b)))
		return { reason: 'blank-cuts-name', rule: 'name-run-cut' };
	return null;
}
