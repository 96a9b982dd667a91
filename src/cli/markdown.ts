/** A deck as a Markdown quiz for a teacher: questions first, then the answer key and the cards. */
import type { Deck, Question } from '../lib/generate/types';

const LETTERS = 'ABCDEF';

const TYPE_LABEL: Record<Question['type'], string> = {
	'multiple-choice': 'Multiple choice',
	cloze: 'Fill in the blank',
	'true-false': 'True or false',
	quote: 'Who said it?',
	match: 'Match',
	'short-answer': 'Short answer'
};

function body(q: Question): string[] {
	const lines = [`${q.prompt}`];
	if (q.type === 'multiple-choice' || q.type === 'quote')
		q.choices.forEach((c, i) => lines.push(`   - ${LETTERS[i]}. ${c}`));
	if (q.type === 'cloze') lines.push(`   _(hint: ${q.hint})_`);
	if (q.type === 'match') {
		const right = q.pairs.map((p) => p[1]).sort();
		lines.push('');
		q.pairs.forEach((p, i) => lines.push(`   ${i + 1}. ${p[0]}  ·  ${LETTERS[i]}. ${right[i]}`));
	}
	return lines;
}

function key(q: Question): string {
	if (q.type === 'multiple-choice' || q.type === 'quote') {
		const i = q.choices.indexOf(q.answer);
		return `${LETTERS[i] ?? '?'}. ${q.answer}`;
	}
	if (q.type === 'match') {
		const right = q.pairs.map((p) => p[1]).sort();
		return q.pairs.map((p, i) => `${i + 1}–${LETTERS[right.indexOf(p[1])] ?? '?'}`).join(', ');
	}
	return q.answer;
}

export function toMarkdown(deck: Deck, text: string): string {
	const out: string[] = [`# ${deck.title}`, ''];
	if (deck.sections.length)
		out.push(`Sections: ${deck.sections.map((s) => s.title).join(' · ')}`, '');
	out.push(
		`${deck.questions.length} questions, ${deck.cards.length} flashcards.`,
		'',
		'## Questions',
		''
	);
	deck.questions.forEach((q, i) => {
		const [first, ...rest] = body(q);
		out.push(`${i + 1}. **${TYPE_LABEL[q.type]}.** ${first}`, ...rest, '');
	});
	out.push('## Answer key', '');
	deck.questions.forEach((q, i) => {
		const src = text.slice(q.evidence.start, q.evidence.end).replace(/\s+/g, ' ');
		out.push(`${i + 1}. **${key(q)}** — _${src.length > 220 ? src.slice(0, 217) + '…' : src}_`);
	});
	out.push('', '## Flashcards', '');
	for (const c of deck.cards)
		out.push(`- **Q:** ${c.front}`, `  **A:** ${c.back.split('\n\n')[0] ?? ''}`);
	return out.join('\n') + '\n';
}
