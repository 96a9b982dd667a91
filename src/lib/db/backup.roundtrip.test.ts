import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { randomQuiz } from '$lib/classroom/fixtures/random-quiz';
import { PARIS_SUMMIT_TEXT, PARIS_SUMMIT_TITLE } from '$lib/content/paris-summit';
import { generateDeck } from '$lib/generate';
import type { Card, Deck, Question } from '$lib/generate/types';
import { LIMITS } from '$lib/limits';
import { Rating, type Grade } from '$lib/srs';
import { Fuzz, fuzzSeed } from '$lib/testing/fuzz';
import { addArticle, editCard, editQuestion } from './articles';
import { exportBackup, importBackup, readAllTables } from './backup';
import { checkTables } from './backup-check';
import { flagItem, removeCards } from './browse';
import { deckFromRows, exportCardsCsv, MAX_CSV_ROWS, parseDeckCsv } from './csv';
import { studyMoreNewToday } from './custom-study';
import type { FactdeckDB } from './database';
import { addHandCard, questionEdit } from './hand';
import { updateSrsSettings } from './settings';
import { buryCard, rateCard, resetCard, setSuspended, undoReview } from './study';
import { freshDatabases } from './fixtures/databases';
import { randomWeights } from './fixtures/weights';

/**
 * The round-trip property: any collection the app can build, through the app's own write paths,
 * backs up and restores byte for byte, and its cards come back through CSV for the fields CSV
 * carries. Collections are generated from a seed (FUZZ_SEED overrides it); the first few sit on
 * the limits' edges.
 */
const SEED = fuzzSeed(0x7011);
const COLLECTIONS = Math.max(1, Number(globalThis.process?.env?.ROUNDTRIP_RUNS ?? 200) || 200);
const T0 = Date.UTC(2026, 0, 12, 9);
const UTC = 0;

const fresh = freshDatabases('roundtrip');

const WORDS = ['summit', 'Paris', 'Monday', 'fund', 'the', 'leaders', '100', 'euros', 'agreed'];

/** A sentence of about `length` characters, ending in a full stop. */
function sentence(f: Fuzz, length: number): string {
	let out = f.pick(['Leaders', 'The chair', 'Ana Kowal', '"We', 'On 3 May']);
	while (out.length < length - 1) out += ` ${f.chance(0.8) ? f.pick(WORDS) : f.text(8)}`;
	return `${out.slice(0, length - 1)}.`;
}

/** Up to `max` characters of text the learner could type, never blank. */
function someText(f: Fuzz, max: number): string {
	const text = f.text(max).trim();
	return text || f.pick(WORDS);
}

let parisDeck: Deck | undefined;
/** The generator's own deck of the built-in article (every question type), made once. */
function generated(): Deck {
	parisDeck ??= generateDeck(PARIS_SUMMIT_TEXT, { title: PARIS_SUMMIT_TITLE });
	return structuredClone(parisDeck);
}

/** A deck over `text` with random cards and questions of the simple types. */
function randomDeck(f: Fuzz, text: string, title: string, itemMax: number): Deck {
	const n = f.range(1, 12);
	const span = () => {
		const start = f.int(text.length);
		return { start, end: start + 1 + f.int(text.length - start) };
	};
	const key = f.int(1e9).toString(36);
	const cards: Card[] = [];
	const questions: Question[] = [];
	for (let i = 0; i < n; i++) {
		const factId = `f-${key}-${i}`;
		const evidence = span();
		cards.push({
			id: `c-${key}-${i}`,
			factId,
			front: someText(f, itemMax),
			back: someText(f, itemMax),
			evidence
		});
		const base = {
			id: `q-${key}-${i}`,
			factId,
			prompt: someText(f, itemMax),
			evidence,
			kind: 'thing' as const,
			score: f.next()
		};
		const roll = f.int(3);
		if (roll === 0) questions.push({ ...base, type: 'short-answer', answer: someText(f, 80) });
		else if (roll === 1)
			questions.push({ ...base, type: 'true-false', answer: f.pick(['True', 'False']) });
		else {
			const choices = [someText(f, 40), `${someText(f, 40)} 2`, `${someText(f, 40)} 3`];
			questions.push({ ...base, type: 'multiple-choice', answer: f.pick(choices), choices });
		}
	}
	return {
		title,
		sections: [{ title, span: { start: 0, end: text.length } }],
		facts: cards.map((c) => ({ id: c.factId, kind: 'event', evidence: c.evidence, entities: [] })),
		questions,
		cards
	};
}

/** Where a collection sits on the limits, if anywhere. */
type Edge = 'none' | 'empty' | 'longest-text' | 'longest-title-and-items' | 'longest-sentence';

const EDGES: Edge[] = ['empty', 'longest-text', 'longest-title-and-items', 'longest-sentence'];
/** The collection with many cards (a deck file of this many rows; the bench restores 20,000). */
const MANY_CARDS = EDGES.length;
const MANY = 2000;

/** Adds one article through the way the app would: a pasted text, a CSV deck or a generated deck. */
async function addSomeArticle(db: FactdeckDB, f: Fuzz, edge: Edge, at: Date): Promise<void> {
	if (edge === 'longest-text') {
		const text = `${sentence(f, 200)} ${'x'.repeat(LIMITS.articleText - 202)}.`;
		expect(text).toHaveLength(LIMITS.articleText);
		await addArticle(db, { text, title: someText(f, 40) }, randomDeck(f, text, 'Longest', 200), at);
		return;
	}
	if (edge === 'longest-title-and-items') {
		const text = sentence(f, 400);
		const d = randomDeck(f, text, 'Long', 40);
		const long = 'y'.repeat(LIMITS.itemText);
		Object.assign(d.cards[0]!, { front: long, back: long });
		d.questions[0]!.prompt = long;
		// A title past the limit, cut inside a surrogate pair, is stored at the limit.
		const title = `${'T'.repeat(LIMITS.title - 1)}\u{1F600}${'T'.repeat(500)}`;
		await addArticle(db, { text, title }, d, at);
		return;
	}
	if (edge === 'longest-sentence') {
		// One sentence as long as an item may be, which becomes a card's front and a prompt.
		const long = sentence(f, LIMITS.itemText);
		const text = `${sentence(f, 60)} ${long}`;
		const d = randomDeck(f, text, 'Sentence', 40);
		const evidence = { start: text.length - long.length, end: text.length };
		Object.assign(d.cards[0]!, { front: long, evidence });
		Object.assign(d.questions[0]!, { prompt: long, evidence });
		await addArticle(db, { text }, d, at);
		return;
	}
	const roll = f.next();
	if (roll < 0.2) {
		// The built-in article, or a second version of it with one more sentence.
		const text = f.chance(0.5) ? PARIS_SUMMIT_TEXT : `${PARIS_SUMMIT_TEXT}\n\n${sentence(f, 80)}`;
		await addArticle(
			db,
			{ text, title: f.chance(0.5) ? undefined : someText(f, 80) },
			generated(),
			at
		);
	} else if (roll < 0.45) {
		const rows = Array.from({ length: f.range(1, 30) }, (_, i) => ({
			line: i + 1,
			front: someText(f, 120),
			back: someText(f, 120)
		}));
		const csv = deckFromRows(someText(f, 60), rows);
		await addArticle(db, { id: csv.articleId, text: csv.text }, csv.deck, at);
	} else {
		const text = Array.from({ length: f.range(1, 20) }, () => sentence(f, f.range(10, 300))).join(
			f.pick([' ', '\n', '\n\n'])
		);
		const title = someText(f, 120);
		const source = f.chance(0.3) ? `https://news.example/${f.int(1e6)}` : undefined;
		await addArticle(db, { text, title, source }, randomDeck(f, text, title, 300), at);
	}
}

/**
 * Studies and edits the collection the way a learner would, over a few weeks (`ratingsOnly`: the
 * study and scheduling steps alone, which are cheap in a large deck).
 */
async function useCollection(
	db: FactdeckDB,
	f: Fuzz,
	steps: number,
	ratingsOnly = false
): Promise<void> {
	let now = T0 + 60_000;
	const mine: { cardId: string; review: number }[] = [];
	const cards = await db.cards.toArray();
	if (cards.length === 0) return;
	// Half the learners study with their own parameters from the start, so rows carry them.
	if (f.chance(0.5)) await updateSrsSettings(db, { weights: randomWeights(() => f.next()) });
	for (let i = 0; i < steps; i++) {
		now += f.pick([1, 60, 600, 3600, 86_400, 5 * 86_400]) * 1000;
		const at = new Date(now);
		const card = f.pick(cards);
		const roll = ratingsOnly ? f.next() * 0.76 : f.next();
		if (roll < 0.55) {
			const grade = f.pick([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]) as Grade;
			const { log } = await rateCard(db, card.id, grade, at, UTC);
			mine.push({ cardId: log.cardId, review: log.review });
		} else if (roll < 0.62 && mine.length) {
			await undoReview(db, mine.pop()!);
		} else if (roll < 0.67) await resetCard(db, card.id, at, UTC, f.chance(0.5));
		else if (roll < 0.72) await setSuspended(db, [card.id], f.chance(0.6), at);
		else if (roll < 0.76) await buryCard(db, card.id, at, UTC);
		else if (roll < 0.8) await flagItem(db, { cardId: card.id }, f.chance(0.7), at);
		else if (roll < 0.84) await editCard(db, card.id, { front: someText(f, 200) }, at);
		else if (roll < 0.87) {
			const question = await db.questions.where('articleId').equals(card.articleId).first();
			if (question) {
				const made = questionEdit(question, { prompt: someText(f, 200), answer: question.answer });
				if (made.edit) await editQuestion(db, question.id, made.edit, at);
			}
		} else if (roll < 0.89) await removeCards(db, [card.id], at);
		else if (roll < 0.92) {
			await addHandCard(
				db,
				card.articleId,
				{ front: someText(f, 200), back: someText(f, 200), evidence: card.evidence },
				at
			);
		} else if (roll < 0.95) {
			const questions = await db.questions.where('articleId').equals(card.articleId).toArray();
			if (questions.length === 0) continue;
			const id = `quiz-${f.int(1e9)}`;
			const asked = questions.slice(0, f.range(1, questions.length));
			await db.quizzes.add({
				id,
				articleId: card.articleId,
				questionIds: asked.map((q) => q.id),
				createdAt: now,
				...(f.chance(0.5) ? { finishedAt: now + 60_000 } : {})
			});
			await db.attempts.bulkAdd(
				asked.map((q) => ({
					quizId: id,
					questionId: q.id,
					answer: someText(f, 60),
					correct: f.chance(0.5),
					at: now,
					tookMs: f.int(60_000)
				}))
			);
		} else if (roll < 0.97) {
			const quiz = randomQuiz(f, 6);
			const blank = quiz.questions.map(() => null);
			await db.classroom.put({
				id: quiz.id,
				quiz,
				createdAt: now,
				updatedAt: now,
				results: f.chance(0.5)
					? []
					: [
							{
								name: someText(f, 40),
								answers: blank,
								correct: blank.map(() => false),
								secondsTaken: blank,
								code: 'AB12'
							}
						]
			});
		} else if (roll < 0.985) {
			await updateSrsSettings(db, {
				newPerDay: f.range(0, 9999),
				desiredRetention: 0.7 + f.int(30) / 100,
				dayStartHour: f.range(0, 23),
				fuzz: f.chance(0.5),
				// Parameters applied, replaced or taken off: a log then holds several sets.
				weights: f.chance(0.6) ? randomWeights(() => f.next()) : undefined
			});
		} else await studyMoreNewToday(db, f.range(1, 50), at, UTC);
	}
}

/** The cards a CSV export carries, as the deck reader reads them back. */
async function csvRoundTrip(db: FactdeckDB): Promise<void> {
	const active = (await db.cards.toArray()).filter((c) => c.retiredAt === undefined);
	if (active.length === 0 || active.length > MAX_CSV_ROWS) return;
	if (active.some((c) => c.front.length > LIMITS.csvField || c.back.length > LIMITS.csvField))
		return;
	const rows = parseDeckCsv(await exportCardsCsv(db, { utcOffsetMinutes: UTC }));
	// The reader trims each field, as it does for any file.
	const key = (front: string, back: string) => `${front.trim()}\u0000${back.trim()}`;
	expect(rows.map((r) => key(r.front, r.back)).sort()).toEqual(
		active.map((c) => key(c.front, c.back)).sort()
	);
}

async function roundTrip(db: FactdeckDB, label: string, at: Date, merge = true): Promise<void> {
	const before = await readAllTables(db);
	expect(checkTables(before, { limit: 3 }), label).toEqual([]);
	const first = await exportBackup(db, at);
	const target = fresh();
	await importBackup(target, first.json, 'replace');
	expect(await readAllTables(target), label).toEqual(before);
	const second = await exportBackup(target, at);
	// Byte for byte: the restored collection writes the very same file.
	expect(second.json === first.json, label).toBe(true);
	if (!merge) return;
	// Into an empty database, a merge gives the same collection too.
	const merged = fresh();
	await importBackup(merged, first.json, 'merge');
	expect((await exportBackup(merged, at)).json === first.json, `${label}, merged`).toBe(true);
}

describe('backup round trip', () => {
	it(`restores ${COLLECTIONS} generated collections exactly, limits' edges included (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		let cards = 0;
		let reviews = 0;
		for (let i = 0; i < COLLECTIONS; i++) {
			const label = `collection ${i} (seed ${SEED})`;
			const edge = EDGES[i] ?? 'none';
			const db = fresh();
			if (i === MANY_CARDS) {
				const rows = Array.from({ length: MANY }, (_, r) => ({
					line: r + 1,
					front: `Card ${r} ${someText(f, 30)}`,
					back: someText(f, 30)
				}));
				const csv = deckFromRows('Many cards', rows);
				await addArticle(db, { id: csv.articleId, text: csv.text }, csv.deck, new Date(T0));
				await useCollection(db, f, 100, true);
			} else if (edge !== 'empty') {
				for (let a = edge === 'none' ? f.range(1, 4) : 1; a > 0; a--)
					await addSomeArticle(db, f, edge, new Date(T0));
				await useCollection(db, f, edge === 'none' ? f.range(0, 60) : 20);
			}
			const tables = await readAllTables(db);
			cards += tables.cards.length;
			reviews += tables.reviews.length;
			await roundTrip(db, label, new Date(T0 + 90 * 86_400_000), i !== MANY_CARDS);
			if (edge === 'none' || i === MANY_CARDS) await csvRoundTrip(db);
			await fresh.deleteAll();
		}
		// The collections are not trivial: thousands of cards and reviews went through.
		expect(cards).toBeGreaterThan(MANY);
		expect(reviews).toBeGreaterThan(COLLECTIONS * 5);
	}, 900_000);
});
