import { describe, expect, it } from 'vitest';
import { matchQuestion } from './builders/match';
import { multipleChoiceBuilder } from './builders/multiple-choice';
import { roleBuilder } from './builders/role';
import { trueFalseBuilder } from './builders/true-false';
import { expectRefused, readForTest } from './fixtures/read';

const TEAM =
	'Boss Steve McClaren also praised winger Stewart Downing after the 2-0 win in Leeds. Senior business manager Tom Hill said the club was happy. Club chairman Ray Dunn agreed with him. Striker Joe Bell scored twice.';

describe('each rule names its own reason', () => {
	it('a blank on another name of a person (blank-other-name)', () => {
		expectRefused({
			text: 'Police arrested the rapper Mo Flint in Leeds on Monday. The rapper, whose real name is David Brown, is due in court in May. His lawyer Ann Cole said he denied the charge. Judge Pat Moss set bail at £500.',
			builder: multipleChoiceBuilder,
			answer: 'David Brown',
			reason: 'blank-other-name'
		});
	});

	it('a role that opens on a verb, and a post with no body (role builder)', () => {
		const { facts, build, rejected } = readForTest(TEAM);
		for (const f of facts.filter((x) => x.kind === 'role')) build(roleBuilder, f);
		const why = new Map(rejected.map((r) => [r.detail, r.reason]));
		expect(why.get('praised winger')).toBe('role-not-noun-phrase');
		expect(why.get('Club chairman')).toBe('ownerless-role');
	});

	it('the same rules named when match leaves a pair out', () => {
		const { ctx, facts, rejected } = readForTest(TEAM);
		matchQuestion(ctx, facts);
		const reasons = rejected.filter((r) => r.type === 'match').map((r) => r.reason);
		expect(reasons).toContain('role-not-noun-phrase');
		expect(reasons).toContain('ownerless-role');
		expect(reasons).not.toContain('cut-role');
		expect(reasons).not.toContain('vague-role');
	});

	it('a copied statement left without its false form says which rule took it', () => {
		expectRefused({
			text: "Vexa Motors opened a plant in Leeds in 2003. The carmaker Vexa Motors will shut the firm's Tokyo office and sell its plant. Norco Cars sells cars in Paris and Madrid. Vexa Motors made a profit in 2004.",
			builder: trueFalseBuilder,
			answer: 'Tokyo',
			reason: 'modifier-swap'
		});
		expectRefused({
			text: 'Vexa Motors opened a plant in Leeds in 2003, Vexa Motors said. Rivals such as Norco Motors Inc sell cheaper cars to young drivers across Europe. Vexa Motors made a profit in 2004. Vexa Motors hired 200 staff.',
			builder: trueFalseBuilder,
			answer: 'Norco Motors Inc',
			reason: 'self-contradiction'
		});
	});
});
