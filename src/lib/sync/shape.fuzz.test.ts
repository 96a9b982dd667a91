import { describe, expect, it } from 'vitest';
import { cardProblems, questionProblems, reviewProblems } from '$lib/db/backup-check';
import { isRowWeights } from '$lib/db/backup-schema';
import { PERSONAL_WEIGHTS } from '$lib/db/fixtures/weights';
import {
	dayContext,
	DEFAULT_SRS_SETTINGS,
	newSchedule,
	Rating,
	rate,
	reviewContext
} from '$lib/srs';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import {
	cardFromShared,
	questionFromShared,
	rowFromShared,
	rowId,
	rowToShared,
	settingFromShared
} from './shape';

const SEED = fuzzSeed(0x5c);
const T0 = Date.UTC(2026, 0, 12, 9);
const never = () => false;

const first = rate(
	'c-1',
	newSchedule(T0),
	Rating.Good,
	new Date(T0),
	reviewContext(DEFAULT_SRS_SETTINGS, dayContext(0, 4))
);
/** The same review scheduled with a learner's own parameters: its row carries them. */
const personal = rate(
	'c-1',
	newSchedule(T0),
	Rating.Good,
	new Date(T0),
	reviewContext({ ...DEFAULT_SRS_SETTINGS, weights: [...PERSONAL_WEIGHTS] }, dayContext(0, 4))
);
const card = {
	id: 'c-1',
	factId: 'f-1',
	front: 'Who hosted the summit?',
	back: 'Macron',
	evidence: { start: 0, end: 10 },
	...first.schedule,
	articleId: 'a-1',
	order: 0,
	updatedAt: T0,
	queue: 0,
	tags: [],
	createdAt: T0
};
const question = {
	id: 'q-1',
	factId: 'f-1',
	type: 'multiple-choice',
	prompt: 'Who hosted?',
	answer: 'Macron',
	choices: ['Macron', 'Scholz'],
	evidence: { start: 0, end: 10 },
	kind: 'person',
	score: 1,
	articleId: 'a-1',
	order: 0,
	updatedAt: T0
};

describe('sync entries under fuzzing', () => {
	it(`takes in or skips ${FUZZ_RUNS} entries a peer could write (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const tally = new Tally();
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const label = `sync entry ${i} (seed ${SEED})`;
			const kind = f.int(4);
			const outcome = await attempt(
				label,
				() => {
					if (kind === 0) {
						const value = f.chance(0.2) ? card : f.mutateValueTimes(card, 2);
						const got = cardFromShared(f.chance(0.9) ? 'c-1' : f.text(5), value);
						if (got) expect(cardProblems(got), label).toEqual([]);
						return got;
					}
					if (kind === 1) {
						const got = questionFromShared(
							'q-1',
							f.chance(0.2) ? question : f.mutateValueTimes(question, 2)
						);
						if (got) expect(questionProblems(got), label).toEqual([]);
						return got;
					}
					if (kind === 2) {
						const row = f.chance(0.5) ? personal.log : first.log;
						const tuple = rowToShared(row);
						const got = rowFromShared(
							rowId(row),
							f.chance(0.2) ? tuple : f.mutateValueTimes(tuple, 2)
						);
						if (got) expect(reviewProblems(got), label).toEqual([]);
						if (got?.weights) expect(isRowWeights(got.weights), label).toBe(true);
						return got;
					}
					return (
						settingFromShared(
							f.pick(['srs', 'seed', '__proto__']),
							f.mutateValueTimes({ newPerDay: 10, fuzz: true }, 2)
						) ?? null
					);
				},
				never
			);
			const value = (outcome as { ok: true; value: unknown }).value;
			tally.add(value === null ? { ok: false, error: new Error('skipped') } : outcome);
		}
		tally.report('sync entries (refused = skipped)');
		tally.expectBothPaths();
	}, 120_000);
});
