import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { generateDeck } from '.';
import { dropWeak, WEAK_KEEP } from './quality';
import type { Question } from './types';

const TEXT = [
	'Millbrook council has agreed a £25m scheme to rebuild the town bridge, its leader, Rosa Quint, said on Friday.',
	'The bridge, opened in 1904, was closed by floods in October and November.',
	'Builders from the firm Arcway Civil will begin the work in June.',
	'"Traders cannot survive another winter without it," Rosa Quint said.',
	'About 900 firms lost trade while the bridge was shut, according to the council.',
	'The scheme also adds a cycle lane and 150 lamps along the river.',
	'Opposition councillor Tomas Berg said the bill had grown by 30% since the scheme was first costed.',
	'The council will borrow a third of the money and take the rest from a government grant.',
	'Residents in Lowport have asked for the same tidal barrier that protects the harbour.',
	'Work is expected to last two years.'
].join('\n\n');

function built(id: string, type: Question['type'], answer: string, score = 0.5): { q: Question } {
	return {
		q: {
			id,
			factId: `f${id}`,
			type,
			kind: 'thing',
			prompt: `The council chose _____ for item ${id}.`,
			answer,
			evidence: { start: 0, end: 40 },
			score,
			...(type === 'multiple-choice' ? { choices: [answer, 'a', 'b', 'c'] } : {})
		} as Question
	};
}

describe('weak forms leave an article deck above its floor', () => {
	const doc = analyze(TEXT);

	it('drops the named weak questions, least likely first, down to `keep` and one of each type', () => {
		const deck = [
			built('a', 'cloze', 'Rosa Quint', 1),
			built('b', 'cloze', 'town bridge', 0.01),
			built('c', 'cloze', 'Arcway Civil', 1),
			built('d', 'cloze', 'cycle lane', 0.5),
			built('e', 'short-answer', 'tidal barrier', 0.01),
			built('f', 'cloze', 'Tomas Berg', 1),
			built('g', 'cloze', 'grant', 0.2)
		];
		const weak = (b: { q: Question }) => (/^[a-z]/.test(b.q.answer) ? 'phrase-answer' : null);
		const heard: string[] = [];
		const out = dropWeak(doc, deck, weak, '', (b, form) => heard.push(`${b.q.id}:${form}`), 5);
		// Five kept: the lone short answer stays though weak; of the weak cloze, the likeliest stays.
		expect(out.map((b) => b.q.id)).toEqual(['a', 'c', 'd', 'e', 'f']);
		expect(heard).toEqual(['b:phrase-answer', 'g:phrase-answer']);
		// A deck at its floor loses nothing; nor does one with no weak form.
		expect(dropWeak(doc, deck.slice(0, 5), weak, '', () => {}, 5)).toHaveLength(5);
		expect(dropWeak(doc, deck, () => null)).toBe(deck);
	});

	it('leaves a place or lower-case phrase answer out of a short article deck, named in explain', () => {
		const reasons: string[] = [];
		const deck = generateDeck(TEXT, {
			onReject: (r) => {
				if (r.reason === 'below-quality-floor') reasons.push(r.detail ?? '');
			}
		});
		const all = generateDeck(TEXT, { keepUnlikely: true });
		const answers = deck.questions.map((x) => x.answer);
		expect(all.questions.map((x) => x.answer)).toEqual(
			expect.arrayContaining(['Lowport', 'two years'])
		);
		expect(answers).not.toContain('Lowport');
		expect(answers).not.toContain('two years');
		expect(deck.questions.length).toBeGreaterThanOrEqual(WEAK_KEEP);
		expect(reasons).toEqual(
			expect.arrayContaining(['Lowport (place-answer)', 'two years (phrase-answer)'])
		);
	});
});
