import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { attempt, Fuzz, FUZZ_RUNS, fuzzSeed, Tally } from '$lib/testing/fuzz';
import { toBase32, toBase64Url } from './codec';
import { randomQuiz } from './fixtures/random-quiz';
import {
	canonicalQuiz,
	decodeQuizLink,
	encodeQuizLink,
	framePayload,
	LINK_VERSION,
	quizHash,
	type DecodedQuizLink
} from './link';
import { classroomQuizSchema } from './schema';

const SEED = fuzzSeed(0x11c);
const ORIGIN = 'https://factdeck.example';
const never = () => false;

/** What every decoded link must be: a schema-valid quiz whose hash is its own, or a tagged refusal. */
function checkDecoded(result: DecodedQuizLink, label: string): void {
	if (!result.ok) {
		expect(['truncated', 'corrupt', 'version', 'too-large', 'invalid'], label).toContain(
			result.error
		);
		expect(result.message.length, label).toBeGreaterThan(20);
		return;
	}
	expect(classroomQuizSchema.safeParse(result.quiz).success, label).toBe(true);
	expect(result.hash, label).toBe(quizHash(result.quiz));
	// Stable: the quiz shared again opens as itself.
	const again = decodeQuizLink(encodeQuizLink(result.quiz, ORIGIN));
	expect(again.ok && again.hash, label).toBe(result.hash);
}

/**
 * Decodes a link (which never throws: a refusal is a tagged result), counts the outcome by its
 * refusal reason and checks it with checkDecoded.
 */
async function decodeChecked(link: string, label: string, tally: Tally): Promise<DecodedQuizLink> {
	const outcome = await attempt(label, () => decodeQuizLink(link), never);
	const result = (outcome as { ok: true; value: DecodedQuizLink }).value;
	tally.add(
		result.ok ? { ok: true, value: result } : { ok: false, error: new Error(result.error) },
		result.ok ? '' : result.error
	);
	checkDecoded(result, label);
	return result;
}

/** The array form of a quiz, as the link carries it (parsed back from its canonical text). */
const arrayForm = (quiz: Parameters<typeof canonicalQuiz>[0]) =>
	JSON.parse(canonicalQuiz(quiz)) as unknown;

describe('quiz links under fuzzing', () => {
	it(`opens every generated quiz as itself, in both forms (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED);
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const quiz = randomQuiz(f);
			const form = f.chance(0.5) ? 'qr' : 'text';
			const label = `link round trip ${i} (seed ${SEED})`;
			const link = encodeQuizLink(quiz, ORIGIN, form);
			const result = (await attempt(label, () => decodeQuizLink(link), never)) as {
				ok: true;
				value: DecodedQuizLink;
			};
			expect(result.value.ok && canonicalQuiz(result.value.quiz), label).toBe(canonicalQuiz(quiz));
		}
	}, 120_000);

	it(`never opens a damaged link as another quiz: ${FUZZ_RUNS} single-character corruptions (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED + 1);
		const tally = new Tally();
		let openedAsItself = 0;
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const quiz = randomQuiz(f, 4);
			const form = f.chance(0.5) ? 'qr' : 'text';
			const link = encodeQuizLink(quiz, ORIGIN, form);
			const start = link.indexOf('=') + 1;
			const at = start + f.int(link.length - start);
			const alphabet =
				form === 'qr'
					? '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
					: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
			let replacement = f.pick([...alphabet]);
			if (replacement === link[at])
				replacement = alphabet[(alphabet.indexOf(replacement) + 1) % alphabet.length]!;
			const damaged = link.slice(0, at) + replacement + link.slice(at + 1);
			const label = `corrupted link ${i} (seed ${SEED + 1}): ${damaged}`;
			const result = await decodeChecked(damaged, label, tally);
			if (result.ok) {
				// Only a change the encoding forgives (base32's look-alikes, padding bits) may open it.
				expect(canonicalQuiz(result.quiz), label).toBe(canonicalQuiz(quiz));
				openedAsItself++;
			}
		}
		tally.report('quiz link corruption');
		// A damaged link is never taken for one from another version of the app.
		expect(tally.reasons.get('version') ?? 0).toBe(0);
		expect(tally.refused + openedAsItself).toBe(FUZZ_RUNS);
	}, 120_000);

	it(`refuses garbage and forged payloads cleanly: ${FUZZ_RUNS} inputs (seed ${SEED})`, async () => {
		const f = new Fuzz(SEED + 2);
		const tally = new Tally();
		for (let i = 0; i < FUZZ_RUNS; i++) {
			const roll = f.next();
			let input: string;
			if (roll < 0.2) input = f.text(200);
			else if (roll < 0.35)
				input = `${ORIGIN}/classroom/join#${f.pick(['q=', 'Q=', 'x=', ''])}${f.text(80)}`;
			else if (roll < 0.5) input = f.mutateTextTimes(encodeQuizLink(randomQuiz(f, 3), ORIGIN), 5);
			else {
				// A payload with a correct frame and check around a changed body reaches the inflater,
				// the JSON reader and the schema.
				const body = arrayForm(randomQuiz(f, 4));
				const changed = f.chance(0.8) ? f.mutateValueTimes(body, 4) : f.json(3);
				const raw = f.chance(0.1) ? f.bytes(100) : strToU8(JSON.stringify(changed) ?? 'null');
				const packed = f.chance(0.9) ? deflateSync(raw) : raw;
				const framed = framePayload(packed, f.chance(0.9) ? LINK_VERSION : f.int(256));
				input = f.chance(0.5) ? `#q=${toBase64Url(framed)}` : `#Q=${toBase32(framed)}`;
			}
			const label = `link input ${i} (seed ${SEED + 2}): ${input.slice(0, 120)}`;
			await decodeChecked(input, label, tally);
		}
		tally.report('quiz link garbage');
		expect(tally.total).toBe(FUZZ_RUNS);
		expect(tally.refused).toBeGreaterThan(FUZZ_RUNS / 2);
	}, 120_000);
});
