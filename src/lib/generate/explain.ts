/**
 * Why a candidate was left out. Every rule that drops a fact or a question names itself here, so a
 * teacher's complaint about a question maps to the rule that should have caught it.
 */
import type { Question } from './types';

export type RejectReason =
	// Facts
	| 'relative-time'
	| 'duplicate-fact'
	// Any question
	| 'no-answer-span'
	| 'list-answer'
	| 'phrase-answer'
	// Wh-questions
	| 'no-clean-wh-question'
	// Options
	| 'too-few-distractors'
	| 'too-few-of-setting'
	| 'invented-year-options'
	| 'no-stem'
	| 'unsure-kind'
	| 'needs-context'
	| 'trivial-detail'
	| 'label-number'
	// Cloze
	| 'sentence-too-short'
	| 'answer-outside-sentence'
	| 'blank-repeats'
	| 'blank-shows-answer'
	| 'blank-splits-unit'
	| 'blank-on-description'
	| 'opens-on-reference'
	| 'anchorless-time'
	| 'blank-on-common-word'
	| 'blank-on-generic-name'
	| 'blank-on-main-subject'
	| 'blank-on-title'
	| 'blank-cuts-name'
	| 'blank-in-list'
	| 'blank-in-quote'
	| 'blank-modifier'
	| 'blank-alias-shown'
	| 'vague-answer'
	| 'date-without-anchor'
	| 'unresolved-reference'
	| 'unsure-reference'
	| 'blank-possessive'
	| 'blank-generic-modifier'
	| 'blank-two-units'
	| 'unattributed-quote'
	| 'quote-too-short'
	| 'first-person-unattributed'
	| 'derived-form-shown'
	| 'boilerplate'
	// True or false
	| 'statement-not-standalone'
	| 'no-false-twin'
	| 'copied-statement'
	| 'answer-in-aside'
	/** No false form: the key is one of two joined by "and", "or" or a comma ("Ask Jeeves and Blinkx"). */
	| 'pair-swap'
	/** No false form: the only other figures are not the article's own, or not of the key's unit. */
	| 'invented-figure'
	/** The statement opens on "The <noun>" or a bare plural of things it does not name ("Details are …"). */
	| 'unnamed-subject'
	/** The statement repeats a slip of the article: a word twice, "following after". */
	| 'garbled-statement'
	// Roles and match
	| 'borrowed-role'
	| 'vague-role'
	| 'cut-role'
	| 'too-few-pairs'
	// Selection
	| 'ranked-out'
	| 'heading-fragment'
	| 'complement-shown'
	/** The prompt gives its answer away: its initials or another spelling of it stand there. */
	| 'answer-in-prompt'
	/** The line is a list of names with their clubs in brackets, not a sentence. */
	| 'name-list'
	/** The shown text runs into a second sentence or quotation. */
	| 'run-on-prompt'
	/** The blank is the outlet or audience a speaker talked to ("told _____"): a byline detail. */
	| 'speech-medium'
	/** The evidence sentence was cut off: the text goes on from it or ends without a full stop. */
	| 'unfinished-sentence'
	/** The key figure stands elsewhere in its sentence under another unit ("$149 … (149 euros)"). */
	| 'key-figure-shown'
	/** The blank holds another name of a person ("whose real name is _____", "known as _____"). */
	| 'blank-other-name'
	/** The blank follows "The" of a title the text capitalises ("The _____" for "The Aviator"). */
	| 'title-the'
	/** The blank is one end of a range whose other end stays shown ("three or _____ years"). */
	| 'half-range'
	/** A bare year where "the year" also fits, not after a time word ("will start _____"). */
	| 'year-in-phrase'
	/** The words taken for a role open on a verb or an adverb ("praised winger", "once the owner"). */
	| 'role-not-noun-phrase'
	/** A post that belongs to a body with none named ("business manager": manager of what?). */
	| 'ownerless-role'
	/** The role holder is not shown to be a person by any cue other than the role. */
	| 'role-needs-person'
	/** A role pair not worth matching: a name not written as one, a relation, a long role. */
	| 'unfit-pair'
	/** Another person of the article holds the same post: two right answers. */
	| 'shared-post'
	/** No false form: the key only qualifies the noun after it ("its Tokyo office"). */
	| 'modifier-swap'
	/** No false form: the only wrong values set the article's own subject against itself. */
	| 'self-contradiction'
	/** The blank converts the money figure before its brackets into another currency. */
	| 'conversion-blank'
	/** In an article, a role asked by "Who is described in the article as …". */
	| 'role-lookup'
	/** In an article, the shown sentence is a quotation naming no speaker. */
	| 'speakerless-quote'
	/** In an article, the question's estimated chance of being handed out as it is fell below the floor. */
	| 'below-quality-floor'
	/** Who-said-it: the key is the subject of the clause the quotation belongs to, not its speaker. */
	| 'speaker-in-reported-clause'
	/** Who-said-it: a few quoted words inside narration, no one's statement. */
	| 'scare-quote'
	/** Match: a role of the set fits another person of the set by the article. */
	| 'ambiguous-pair'
	/** True-false: a true statement hardly reworded from the sentence, with no false twin. */
	| 'near-copy'
	/** A wh-question cut short: said with nothing said, a clause or a figure broken off. */
	| 'vague-question'
	/** The prompt shows a name cut short: "York-born" where the text writes "New York-born". */
	| 'cut-name'
	/** The words taken for a role hold a verb ("put giant prop", "DiCaprio described director"). */
	| 'verb-in-role'
	/** The words describe a person, not a post: "the man", "the striker's partner". */
	| 'description-role'
	/** Match: a bare one-word post many share ("Scrum-half", "Coach"), no title the article uses alone. */
	| 'bare-role'
	/** Multiple choice: the options' head nouns tell the key ("Falcon Group" among three "… Bank"s). */
	| 'head-giveaway'
	/** Multiple choice: too few bodies of the trade the article gives the key ("security firm"). */
	| 'too-few-of-trade'
	/** Multiple choice: a size made in set values (a race distance, "125cc") with too few real others. */
	| 'too-few-real-sizes'
	/** Multiple choice: a person's name among bodies, or a body's name among people. */
	| 'kind-mix'
	/** A long line of commas with no finite verb: a list of parts or names, not a statement. */
	| 'verbless-fragment'
	/** True-false: the only wrong person is the key under another name ("Baroness Boothroyd"). */
	| 'same-person'
	/** True-false: no wrong person holds the title, role or side the sentence gives the key ("Speaker _____"). */
	| 'bound-title'
	/** True-false: no wrong name is one the article gives the owner before the key ("MIT's _____"). */
	| 'possessive-slot'
	/** True-false: the article's other figures measure another event or year than the key. */
	| 'other-measure'
	/** True-false: the only made-up figures are far from the key or in a form the article does not use. */
	| 'implausible-figure'
	/** Who-said-it: the key is the owner or subject of the words the quotation describes; "he" said them. */
	| 'speaker-in-framed-clause'
	/** Short answer: a "the" and a noun an earlier sentence brought in, or "N years later" with no anchor. */
	| 'told-before'
	/** Short answer: a possessive before a word that is no noun ("Harry's action's stupid"). */
	| 'broken-possessive'
	/** Short answer: "When was X born Y …?": a birth name inside a when- or where-question. */
	| 'birth-name-inside'
	/** Cloze: the blank is one example after "like", "such as" or "including": others fit as well. */
	| 'blank-on-example'
	/** Cloze: general knowledge fills the blank ("President _____", the article's own country). */
	| 'known-without-article'
	/** Cloze: the blank is the outlet that reported the story ("according to the _____"). */
	| 'news-source'
	/** Cloze: the name of a side detail brought in by "a bar called _____", "a dog named _____". */
	| 'side-name'
	/** In an article's deck: the key is the time of a remark ("In _____ X said …"), a clock time or a weekday. */
	| 'remark-time'
	/** Multiple choice: two made-up figures or more, all on one side of the key (the set's end). */
	| 'one-sided-options'
	/** Multiple choice: the key alone is round among made-up figures ("1,000" beside "1,200"), or alone not. */
	| 'round-key-stands-out'
	/** Multiple choice: a made-up figure within 2% of the key or another option ("13.1%", "13.0%"). */
	| 'near-duplicate-options'
	/** Who-said-it: the quotation marks were paired across narration; the words are the writer's. */
	| 'quote-mispaired'
	/** Who-said-it: direct speech opening on a small letter, the rest of a sentence begun before. */
	| 'quote-continuation'
	/** Who-said-it: "he said" could mean another person of that gender named since the key. */
	| 'ambiguous-speaker'
	/** Who-said-it: fewer than three wrong choices are people who could have said the words. */
	| 'weak-speaker-choices'
	/** Short answer: a who-question whose key is a post or description ("bid chairman") and no name follows it. */
	| 'role-not-name'
	/** Short answer: "Who has a rather partisan viewpoint?": a judgement of a person with no topic. */
	| 'topicless-judgement'
	/** True-false: "met that target", "these plans": a demonstrative phrase whose referent the statement never names. */
	| 'demonstrative-reference'
	/** Blank: a pronoun with its verb, an interjection or a discourse word ("I've", "Well"). */
	| 'blank-on-function-word'
	/** Blank: a fixed period's count ("past _____ months") or a count of two or three given away ("All _____ parties"). */
	| 'trivial-count'
	/** A key of 100% in a set phrase ("a 100% guarantee"): a way of speaking, not a share. */
	| 'set-phrase-figure'
	/** True-false: the key is one example after "like" or "including": a swap is as true. */
	| 'swapped-example'
	/** True-false: a changed year beside an event fixed in time ("the millennium") or a decade off the key. */
	| 'year-bound-event';

export interface Rejection {
	factId: string;
	/** The question type that was not made, or 'fact' when the fact itself was dropped. */
	type: Question['type'] | 'fact';
	reason: RejectReason;
	/** The answer or phrase concerned, for reading. */
	detail?: string;
}

export type RejectSink = (r: Rejection) => void;

/** A sink that drops everything: the normal, quiet run. */
export const IGNORE: RejectSink = () => {};
