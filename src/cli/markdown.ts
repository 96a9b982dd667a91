/** A deck as a Markdown quiz for a teacher: questions first, then the answer key and the cards. */
import type { Rejection } from '../lib/generate/explain';
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

/** A label as a bold heading: "**Match.**", and "**Who said it?**" with no full stop after its mark. */
export function labelHeading(label: string): string {
	return `**${/[.?!:]$/.test(label) ? label : label + '.'}**`;
}

function body(q: Question): string[] {
	const lines = [`${q.prompt}`];
	if (q.type === 'multiple-choice' || q.type === 'quote')
		q.choices.forEach((c, i) => lines.push(`   - ${LETTERS[i]}. ${c}`));
	if (q.type === 'cloze' && q.hint) lines.push(`   _(hint: ${q.hint})_`);
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
		out.push(`${i + 1}. ${labelHeading(TYPE_LABEL[q.type])} ${first}`, ...rest, '');
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

/**
 * The candidates left out, grouped by the rule that left them out, each with its fact's sentence:
 * a teacher's complaint about a question maps to the rule that should have caught it.
 */
export function explainMarkdown(deck: Deck, text: string, rejected: Rejection[]): string {
	const facts = new Map(deck.facts.map((f) => [f.id, f]));
	const byReason = new Map<string, Rejection[]>();
	for (const r of rejected) byReason.set(r.reason, [...(byReason.get(r.reason) ?? []), r]);
	const out: string[] = ['', '## Left out', ''];
	const reasons = [...byReason.keys()].sort(
		(a, b) => (byReason.get(b)?.length ?? 0) - (byReason.get(a)?.length ?? 0) || (a < b ? -1 : 1)
	);
	for (const reason of reasons) {
		const rs = byReason.get(reason) ?? [];
		out.push(`### ${reason} (${rs.length})`, '');
		for (const r of rs) {
			const f = facts.get(r.factId);
			const src = f ? text.slice(f.evidence.start, f.evidence.end).replace(/\s+/g, ' ') : '';
			const shown = src.length > 120 ? src.slice(0, 117) + '…' : src;
			out.push(`- ${r.type}: **${r.detail ?? ''}**${shown ? ` — _${shown}_` : ''}`);
		}
		out.push('');
	}
	return out.join('\n');
}
