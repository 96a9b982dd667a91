/** A wh-question from the evidence sentence, answered by the fact's phrase. */
import { base, rejectFor, type Builder } from './common';

export const shortAnswerBuilder: Builder = {
	type: 'short-answer',
	serves: (f) => f.kind !== 'quote' && f.kind !== 'role',
	build(ctx, f, view) {
		const ans = f.answer;
		if (!ans) return [];
		const wh = view.wh();
		if (!wh) return rejectFor(ctx, f, 'short-answer', 'no-clean-wh-question');
		return [
			{
				q: {
					...base(f, 'short-answer'),
					type: 'short-answer',
					prompt: wh.prompt,
					answer: ans.text,
					answerSpan: ans.span,
					kind: ans.kind,
					score: 0
				},
				form: wh.quality,
				fact: f
			}
		];
	}
};
