/**
 * The reader: text in, annotated document out. Pure and synchronous, with no dependencies, so it
 * runs the same in the worker, in tests and in the command line tool.
 */
import { annotate } from './entities';
import { layout } from './text';
import type { Doc } from './types';

export type {
	Doc,
	Entity,
	Mention,
	MentionKind,
	OrgType,
	PlaceKind,
	Quote,
	Reference,
	RoleFact
} from './types';
export {
	applyEdits,
	contextEdits,
	sentenceInContext,
	skipOpening,
	type ContextProblem,
	type Edit
} from './coref';
export type { Heading, SentenceInfo, Token } from './text';
export type { Phrase } from './phrases';
export { layout, splitSentences, tokenize, isHeading } from './text';

/** Reads a text: headings, sentences, tokens, entities, quotes and roles. */
export function analyze(text: string): Doc {
	const { headings, sentences } = layout(text);
	return annotate(text, sentences, headings);
}
