/** Fill in the blank: the evidence sentence with the answer blanked and its kind as a hint. */
import { base, describes, GROUP_HINTS, HINTS, isSentence, rejectFor, type Builder } from './common';
import type { RejectReason } from '../explain';

export const clozeBuilder: Builder = {
	type: 'cloze',
	serves: (f) => f.kind !== 'quote' && f.kind !== 'role',
	build(ctx, f, view) {
		const ans = f.answer;
		if (!ans) return [];
		// "Special Envoy _____" over two names: one name per blank.
		if (ans.items > 1 && ans.kind === 'person') return rejectFor(ctx, f, 'cloze', 'list-answer');
		if (ans.kind === 'thing' && f.kind !== 'definition' && describes(ans.text))
			return rejectFor(ctx, f, 'cloze', 'blank-on-description');
		const cloze = view.cloze();
		if (!isSentence(cloze)) return rejectFor(ctx, f, 'cloze', cloze as RejectReason);
		return [
			{
				q: {
					...base(f, 'cloze'),
					type: 'cloze',
					prompt: cloze,
					answer: ans.text,
					answerSpan: ans.span,
					kind: ans.kind,
					hint: ans.items > 1 ? (GROUP_HINTS[ans.kind] ?? 'several names') : HINTS[ans.kind],
					score: 0
				},
				form: 0.75,
				fact: f
			}
		];
	}
};
