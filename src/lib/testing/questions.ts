/**
 * Questions for tests outside the generator: a test gives the fields it is about, and the ones every
 * question has (id, fact, kind, evidence, score) are filled with plain values. Test-only and pure.
 */
import type { Question, Span } from '$lib/generate/types';

type Filled = 'id' | 'factId' | 'kind' | 'evidence' | 'score';
type Given<Q> = Q extends Question ? Omit<Q, Filled> & Partial<Pick<Q, Filled>> : never;
type OfType<T> = Extract<Question, { type: T }>;

/** A question of the given type (and typed as that type), its other fields filled in. */
export function testQuestion<T extends Question['type']>(
	given: Given<OfType<T>> & { type: T }
): OfType<T> {
	const filled: Pick<Question, Filled> = {
		id: 'q1',
		factId: 'f1',
		kind: 'thing',
		evidence: { start: 0, end: 1 },
		score: 1
	};
	// The filled fields with the given ones are a question of type T; the compiler cannot follow that
	// through the generic, hence the cast.
	return { ...filled, ...given } as unknown as OfType<T>;
}

/** Where `sentence` stands in `text`, as a question's evidence. */
export function spanOf(text: string, sentence: string): Span {
	const start = text.indexOf(sentence);
	if (start < 0) throw new Error(`“${sentence}” is not in the text.`);
	return { start, end: start + sentence.length };
}
