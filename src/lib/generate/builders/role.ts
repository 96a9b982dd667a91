/**
 * Who holds a role the article gives: "Who is described in the article as the French President?".
 * Multiple choice when the article has three other fitting people, else asked outright: readers
 * are asked who held a post far more often than which post someone held.
 */
import type { Entity } from '../../nlp/types';
import { distractors } from '../distractors';
import { spanOfName } from '../facts';
import { norm } from '../util';
import { base, borrowedRole, rejectFor, sentenceNames, seededOrder, type Builder } from './common';

export const roleBuilder: Builder = {
	type: 'multiple-choice',
	serves: (f) => f.kind === 'role' && !!f.role,
	build(ctx, f) {
		const { doc } = ctx;
		if (!f.role) return [];
		if (borrowedRole(doc, f.role)) return rejectFor(ctx, f, 'multiple-choice', 'borrowed-role');
		const e = doc.entities[f.role.entity] as Entity;
		const role = f.role.role;
		const name = e.name;
		const nameSpan = spanOfName(doc, e.id, name, f.sentence);
		const the = /['’]s\b/.test(role) || /^(his|her|their|its)\b/i.test(role) ? '' : 'the ';
		const prompt = `Who is described in the article as ${the}${role}?`;
		const exclude = sentenceNames(doc, f.sentence).filter((x) => norm(x) !== norm(name));
		const ds = distractors(doc, { text: name, kind: 'person', entity: e.id }, exclude, 3);
		if (ds.length >= 3) {
			const b = base(f, 'multiple-choice', 'role');
			return [
				{
					q: {
						...b,
						type: 'multiple-choice',
						prompt,
						answer: name,
						answerSpan: nameSpan,
						kind: 'person',
						choices: seededOrder(ctx, b.id, [name, ...ds]),
						score: 0
					},
					form: 0.9,
					fact: f
				}
			];
		}
		rejectFor(ctx, f, 'multiple-choice', 'too-few-distractors');
		const b2 = base(f, 'short-answer', 'role');
		return [
			{
				q: {
					...b2,
					type: 'short-answer',
					prompt,
					answer: name,
					answerSpan: nameSpan,
					kind: 'person',
					score: 0
				},
				form: 0.85,
				fact: f
			}
		];
	}
};
