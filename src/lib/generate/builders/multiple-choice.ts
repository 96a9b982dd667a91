/**
 * Multiple choice on a name, date or number: the wh-question when there is one, else the blanked
 * sentence. Only with three honest wrong options; otherwise the fact is left to the other types.
 */
import { base, HINTS, isSentence, rejectFor, seededOrder, type Builder } from './common';

export const multipleChoiceBuilder: Builder = {
	type: 'multiple-choice',
	serves: (f) => f.kind !== 'quote' && f.kind !== 'role',
	build(ctx, f, view) {
		const ans = f.answer;
		if (!ans) return [];
		if (ans.items > 1) return rejectFor(ctx, f, 'multiple-choice', 'list-answer');
		if (ans.kind === 'thing') return rejectFor(ctx, f, 'multiple-choice', 'phrase-answer');
		const ds = view.options();
		if (ds.length < 3) return rejectFor(ctx, f, 'multiple-choice', 'too-few-distractors');
		const wh = view.wh();
		const cloze = view.cloze();
		if (!wh && !isSentence(cloze)) return rejectFor(ctx, f, 'multiple-choice', 'no-stem');
		const b = base(f, 'multiple-choice');
		const prompt = wh
			? wh.prompt
			: `Which ${HINTS[ans.kind].replace(/^an? /, '')} completes the sentence? ${cloze}`;
		return [
			{
				q: {
					...b,
					type: 'multiple-choice',
					prompt,
					answer: ans.text,
					answerSpan: ans.span,
					kind: ans.kind,
					choices: seededOrder(ctx, b.id, [ans.text, ...ds]),
					score: 0
				},
				form: wh ? Math.min(1, wh.quality + 0.05) : 0.8,
				fact: f
			}
		];
	}
};
