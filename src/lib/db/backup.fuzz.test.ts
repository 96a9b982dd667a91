import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleQuiz } from '$lib/classroom/fixtures/quizzes';
import { Rating } from '$lib/srs';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { addArticle } from './articles';
import {
	exportBackup,
	importBackup,
	parseBackup,
	readAllTables,
	reviewToTuple,
	serializeBackup,
	sha256Hex,
	type ValidBackup
} from './backup';
import { checksumOf, sha256 } from './backup-lines';
import { TABLE_ORDER } from './backup-stream';
import { isReviewTupleShape, reviewTupleShape } from './backup-schema';
import { checkTables } from './backup-check';
import { openDatabase, type FactdeckDB } from './database';
import { BackupError } from './errors';
import { classroomRecord } from './fixtures/databases';
import { ARTICLE_TEXT, deck, freshName } from './fixtures/deck';
import { PERSONAL_WEIGHTS, randomWeights } from './fixtures/weights';
import { updateSrsSettings } from './settings';
import { getStudyQueue, previewCard, rateCard, rebuildCards, resetCard } from './study';

const SEED = fuzzSeed(0xbac);
const T0 = new Date('2026-01-12T09:00:00Z');
const source = openDatabase(freshName('backup-fuzz'));
const targets: FactdeckDB[] = [];
/** A good backup in the single-JSON format of earlier versions, and one in lines. */
let good = '';
let goodLines: string[] = [];

beforeAll(async () => {
	const d = deck(['a', 'b', 'c', 'd']);
	Object.assign(d.questions[1]!, {
		type: 'multiple-choice',
		answer: 'Paris',
		choices: ['Paris', 'Rome']
	});
	Object.assign(d.questions[2]!, { type: 'true-false', answer: 'True' });
	const { articleId } = await addArticle(source, { text: ARTICLE_TEXT }, d, T0);
	const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);
	await rateCard(source, 'c-a', Rating.Good, at(1), 0);
	await rateCard(source, 'c-a', Rating.Good, at(20), 0);
	// Cards b and c studied with the learner's own parameters: their rows carry them.
	await updateSrsSettings(source, { weights: [...PERSONAL_WEIGHTS] });
	await rateCard(source, 'c-b', Rating.Again, at(2), 0);
	await rateCard(source, 'c-c', Rating.Easy, at(3), 0);
	await resetCard(source, 'c-c', at(4), 0, false);
	await source.quizzes.add({
		id: 'quiz-1',
		articleId,
		questionIds: ['q-a', 'q-b'],
		createdAt: T0.getTime()
	});
	await source.attempts.add({
		quizId: 'quiz-1',
		questionId: 'q-b',
		answer: 'Rome',
		correct: false,
		at: T0.getTime()
	});
	await updateSrsSettings(source, { newPerDay: 7, weights: undefined });
	const quiz = sampleQuiz();
	const blank = quiz.questions.map(() => null);
	await source.classroom.add(
		classroomRecord(quiz, {
			answers: blank,
			correct: blank.map(() => false),
			secondsTaken: blank,
			code: 'AB'
		})
	);
	good = (await serializeBackup(await readAllTables(source), T0)).json;
	await parseBackup(good);
	// Small lines, so a file has several per table to damage.
	const lines = (await exportBackup(source, T0, { chunkChars: 300 })).json.trimEnd().split('\n');
	await parseBackup(lines.join('\n'));
	goodLines = lines.slice(0, -1);
});
afterAll(async () => {
	await source.delete();
	for (const t of targets) await t.delete();
});

/** A backup around `data` with a correct checksum, so the content itself is what is tested. */
async function forge(head: Record<string, unknown>, data: unknown): Promise<string> {
	const json = JSON.stringify(data) ?? 'null';
	return JSON.stringify({
		...head,
		checksum: `sha256-${await sha256Hex(json)}`,
		data: JSON.parse(json)
	});
}

async function damaged(f: Fuzz): Promise<string> {
	const file = JSON.parse(good) as Record<string, unknown>;
	const { data, ...head } = file;
	const roll = f.next();
	if (roll < 0.15) return f.mutateTextTimes(good, 3);
	if (roll < 0.25) return forge(f.mutateValueTimes(head, 2) as Record<string, unknown>, data);
	if (roll < 0.3) return JSON.stringify(f.json(4));
	if (roll < 0.35) return good;
	// Most cases change the content and keep a valid checksum: the schema and the rules must catch it.
	return forge(head, f.mutateValueTimes(data, 3));
}

/**
 * A file in lines around these lines (header and batches), ended by a last line with their counts
 * and a correct checksum: what is in them is what is tested.
 */
async function sealed(lines: string[]): Promise<string> {
	const encoder = new TextEncoder();
	const digests = await Promise.all(lines.map((l) => sha256(encoder.encode(l))));
	const counts = Object.fromEntries(TABLE_ORDER.map((t) => [t, 0])) as Record<string, number>;
	for (const line of lines.slice(1)) {
		try {
			const batch = JSON.parse(line) as { table?: string; rows?: unknown };
			if (batch.table! in counts && Array.isArray(batch.rows))
				counts[batch.table!]! += batch.rows.length;
		} catch {
			// A line that is not JSON counts nothing.
		}
	}
	const end = JSON.stringify({ end: true, counts, checksum: await checksumOf(digests) });
	return [...lines, end].join('\n') + '\n';
}

async function damagedLines(f: Fuzz): Promise<string> {
	const lines = [...goodLines];
	const roll = f.next();
	if (roll < 0.15) return f.mutateTextTimes(await sealed(lines), 3);
	if (roll < 0.25) {
		const whole = await sealed(lines);
		return whole.slice(0, f.int(whole.length));
	}
	if (roll < 0.35) {
		// A line dropped, repeated or moved.
		const i = f.range(1, lines.length - 1);
		const j = f.range(1, lines.length - 1);
		const [line] = lines.splice(i, 1);
		if (f.chance(0.5)) lines.splice(j, 0, line!);
		if (f.chance(0.3)) lines.splice(j, 0, line!);
		return sealed(lines);
	}
	if (roll < 0.4) return sealed(lines);
	// Most cases change a batch and keep a valid checksum: the schema and the rules must catch it.
	const i = f.range(0, lines.length - 1);
	lines[i] = JSON.stringify(f.mutateValueTimes(JSON.parse(lines[i]!), 3)) ?? 'null';
	return sealed(lines);
}

/** Parses every case `damage` makes: each is refused with a message, or restores and checks. */
async function fuzzBackups(name: string, damage: (f: Fuzz) => Promise<string>) {
	const f = new Fuzz(SEED);
	const tally = new Tally();
	let restored = 0;
	for (let i = 0; i < FUZZ_RUNS; i++) {
		const file = await damage(f);
		const label = `${name} case ${i} (seed ${SEED})`;
		const outcome = await attempt(
			label,
			() => parseBackup(file),
			(e) => e instanceof BackupError
		);
		const reason = outcome.ok ? '' : ((outcome.error as Error).message.split(/[:\n(]/)[0] ?? '');
		tally.add(outcome, reason.slice(0, 48));
		if (!outcome.ok) {
			expect((outcome.error as BackupError).message.length, label).toBeGreaterThan(15);
			continue;
		}
		// Every accepted file goes all the way into a database of its own (a few hundred).
		await checkRestored(outcome.value, file, label);
		restored++;
	}
	tally.report(name);
	expect(FUZZ_RUNS).toBeGreaterThanOrEqual(1000);
	expect(tally.total).toBe(FUZZ_RUNS);
	expect(restored).toBe(tally.accepted);
	expect(restored).toBeGreaterThan(FUZZ_RUNS / 20);
	expect(tally.refused).toBeGreaterThan(FUZZ_RUNS / 2);
}

/** What a restored database must allow: the rules hold, it backs up again, study still works. */
async function checkRestored(valid: ValidBackup, file: string, label: string): Promise<void> {
	expect(checkTables(valid.tables, { limit: 3 }), label).toEqual([]);
	const target = openDatabase(freshName('backup-fuzz-target'));
	targets.push(target);
	await importBackup(target, file, 'replace');
	const tables = await readAllTables(target);
	expect(checkTables(tables, { limit: 3 }), label).toEqual([]);
	await rebuildCards(
		target,
		tables.cards.map((c) => c.id)
	);
	expect(checkTables(await readAllTables(target), { limit: 3 }), `${label}, rebuilt`).toEqual([]);
	const later = new Date(T0.getTime() + 86_400_000);
	const queue = await getStudyQueue(target, later, 0);
	for (const card of queue.cards) {
		for (const p of previewCard(card, queue.settings, later, 0)) {
			expect(Number.isFinite(p.intervalMs) && Number.isFinite(p.schedule.stability), label).toBe(
				true
			);
		}
	}
	const again = await exportBackup(target, later);
	await expect(parseBackup(again.json), label).resolves.toBeDefined();
	await target.delete();
	targets.pop();
}

describe('backup restore under fuzzing', () => {
	it(`refuses or restores ${FUZZ_RUNS} damaged and forged single-JSON backups (seed ${SEED})`, async () => {
		await fuzzBackups('backup', damaged);
	}, 600_000);

	it(`refuses or restores ${FUZZ_RUNS} damaged and forged backups in lines (seed ${SEED})`, async () => {
		await fuzzBackups('backup in lines', damagedLines);
	}, 600_000);
});

describe('the fast review-row check', () => {
	/** Values at and just past every bound a review row has, and values of the wrong kind. */
	const VALUES: unknown[] = [
		...[
			-1_000_001, -1_000_000, -3001, -3000, -2, -1, -0, 0, 0.5, 1, 2, 3, 4, 5, 11, 11.5, 36500,
			36501
		],
		...[
			3000,
			3001,
			1_000_000,
			1_000_001,
			10_000_000,
			10_000_001,
			Date.UTC(9000, 0, 1),
			Date.UTC(9000, 0, 1) + 1
		],
		...[Date.UTC(9999, 11, 31), Date.UTC(9999, 11, 31) + 1, 1e300, Infinity, -Infinity, NaN],
		...[
			'',
			'c-a',
			'../x',
			'a'.repeat(200),
			'a'.repeat(201),
			'1',
			true,
			false,
			null,
			undefined,
			[],
			{}
		],
		// Parameter sets: good ones, and ones short, long, out of range or of the wrong kind.
		...[
			[...PERSONAL_WEIGHTS],
			randomWeights(() => 0),
			randomWeights(() => 0.999999),
			PERSONAL_WEIGHTS.slice(1),
			[...PERSONAL_WEIGHTS, 1],
			PERSONAL_WEIGHTS.map((w, i) => (i === 4 ? 0.99 : w)),
			PERSONAL_WEIGHTS.map((w, i) => (i === 20 ? 0.81 : w)),
			PERSONAL_WEIGHTS.map((w, i) => (i === 3 ? NaN : w)),
			PERSONAL_WEIGHTS.map((w, i) => (i === 9 ? '0.1' : w))
		]
	];

	it(`agrees with the schema on ${FUZZ_RUNS} damaged rows (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		const rows = (await readAllTables(source)).reviews.map(reviewToTuple) as unknown[][];
		let accepted = 0;
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const row = [...f.pick(rows)];
			for (let k = f.range(0, 3); k > 0; k--) row[f.int(row.length)] = f.pick(VALUES);
			// A parameter set gained, or one of its numbers changed.
			if (f.chance(0.1)) row[18] = f.pick(VALUES);
			if (Array.isArray(row[18]) && f.chance(0.3)) {
				const weights = [...(row[18] as unknown[])];
				weights[f.int(weights.length + 1)] = f.pick(VALUES);
				row[18] = weights;
			}
			if (f.chance(0.05)) row.push(null);
			if (f.chance(0.05)) row.pop();
			const expected = reviewTupleShape.safeParse(row).success;
			expect(isReviewTupleShape(row), `row ${i}: ${JSON.stringify(row)}`).toBe(expected);
			if (expected) accepted++;
		}
		expect(accepted).toBeGreaterThan(FUZZ_RUNS / 20);
		expect(accepted).toBeLessThan(FUZZ_RUNS);
	});
});
