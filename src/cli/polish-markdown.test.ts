import { describe, expect, it } from 'vitest';
import type { Deck, Question } from '../lib/generate/types';
import { labelHeading, toMarkdown } from './markdown';

const TEXT = '"We will win," said Ana Ruiz. The bridge cost $40m.';

function deck(questions: Question[]): Deck {
	return { title: 'Bridge', sections: [], facts: [], questions, cards: [] };
}

const common = { factId: 'f', evidence: { start: 0, end: 29 }, score: 1 };

describe('Markdown question headings', () => {
	it('ends a label with one mark: no full stop after a question mark', () => {
		expect(labelHeading('Who said it?')).toBe('**Who said it?**');
		expect(labelHeading('Match')).toBe('**Match.**');
		expect(labelHeading('Note:')).toBe('**Note:**');
	});

	it('prints quote and other questions with clean headings', () => {
		const md = toMarkdown(
			deck([
				{
					...common,
					id: 'q1',
					type: 'quote',
					prompt: 'Who said: "We will win"?',
					answer: 'Ana Ruiz',
					choices: ['Ana Ruiz', 'Tom Bell', 'Kay Lim', 'Dev Rao'],
					kind: 'person'
				},
				{
					...common,
					id: 'q2',
					type: 'short-answer',
					prompt: 'Who said the bridge would win?',
					answer: 'Ana Ruiz',
					kind: 'person'
				}
			]),
			TEXT
		);
		expect(md).toContain('1. **Who said it?** Who said: "We will win"?');
		expect(md).toContain('2. **Short answer.** Who said the bridge would win?');
		expect(md).not.toContain('?.**');
	});
});
