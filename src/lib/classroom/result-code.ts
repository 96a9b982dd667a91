/**
 * Result codes: one student's answers, small enough to read out, type or show as a QR code.
 *
 * Bytes, then Crockford base32 in groups of four:
 *   [version (3 bits) | name length (5 bits)] [quiz tag: first 4 bytes of the quiz hash]
 *   [name, UTF-8] [answers as one mixed-radix number, big-endian] [CRC-16 of all before]
 *
 * The answers are digits of a mixed-radix number, in question order. For each question an answer
 * digit (0 = no answer; choice: option + 1; true/false: 1 True, 2 False; match: pairing rank + 1;
 * typed text: 1 right, 2 wrong, and in version 2 only, 3 right by the student's own call), then,
 * only when answered, the whole seconds taken (0..limit). Typed answers are graded on the student's
 * device, so the code carries the verdict and never the text: this keeps 20 answers near 35 bytes.
 * Choices travel as option indexes, so the teacher's device grades them and can count the most
 * common wrong option.
 *
 * Version 2 differs only in its typed-text digits (four values, not three), so a student's "I was
 * right" on an answer graded wrong reaches the teacher marked as such. A code without an override
 * is written as version 1, which earlier versions of the app read too.
 */
import { crc16, fromBase32, fromHex, toBase32 } from './codec';
import {
	gradeTypedAnswer,
	isCorrect,
	isTextQuestion,
	pairingCount,
	type StudentAnswer
} from './grade';
import { quizHash } from './link';
import type { ClassroomQuestion, ClassroomQuiz } from './schema';

/** The newest version written: 2 when a typed answer was overridden, else 1. */
export const RESULT_VERSION = 2;
/** Longest name kept, in UTF-8 bytes; longer names are cut at a character boundary. */
export const MAX_NAME_BYTES = 24;
/** Longest code read, in characters: far above any real code, to refuse junk early. */
export const MAX_CODE_CHARS = 400;
const TAG_BYTES = 4;

export interface StudentResult {
	/** The `hash` from `decodeQuizLink`. */
	quizHash: string;
	name: string;
	/** One per question; see grade.ts for what an answer is for each type. */
	answers: StudentAnswer[];
	/**
	 * Per question, whether the student said "I was right" about a typed answer the grader marked
	 * wrong (ignored anywhere else). Absent: none.
	 */
	overridden?: readonly boolean[];
	/** Seconds taken per question, or null when unknown; stored whole and capped at the limit. */
	secondsTaken: (number | null)[];
}

export interface ReceivedResult {
	name: string;
	/**
	 * As in grade.ts, with typed-text answers as 1 (right), 0 (wrong) or 2 (graded wrong, counted
	 * right by the student's own call: "I was right").
	 */
	answers: (number | null)[];
	correct: boolean[];
	/** Whole seconds, null where the question was not answered. */
	secondsTaken: (number | null)[];
	/** The code, normalised (upper case, grouped), so duplicates can be spotted. */
	code: string;
}

export type ResultError = 'empty' | 'malformed' | 'checksum' | 'version' | 'wrong-quiz' | 'invalid';

export type DecodedResult =
	{ ok: true; result: ReceivedResult } | { ok: false; error: ResultError; message: string };

const encoder = new TextEncoder();
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

const hashCache = new WeakMap<ClassroomQuiz, string>();
function hashOf(quiz: ClassroomQuiz): string {
	let hash = hashCache.get(quiz);
	if (hash === undefined) {
		hash = quizHash(quiz);
		hashCache.set(quiz, hash);
	}
	return hash;
}

function answerRadix(q: ClassroomQuestion, version: number): number {
	switch (q.type) {
		case 'multiple-choice':
		case 'quote':
			return q.choices.length + 1;
		case 'match':
			return pairingCount(q.pairs.length) + 1;
		case 'true-false':
			return 3;
		default:
			return version >= 2 ? 4 : 3;
	}
}

/** Cleans a typed name and cuts it to MAX_NAME_BYTES of UTF-8 without splitting a character. */
export function cleanName(name: string): string {
	let out = '';
	// A lone surrogate has no UTF-8: it would read back as U+FFFD, so it is one here already.
	for (const char of name.toWellFormed().replace(CONTROL, ' ').replace(/\s+/g, ' ').trim()) {
		if (encoder.encode(out + char).length > MAX_NAME_BYTES) break;
		out += char;
	}
	// A cut just after a space would leave it at the end, and the name would not read back.
	return out.trimEnd();
}

/** The typed-text digit of a verdict made already (1 right, 0 wrong, 2 right by override). */
const TYPED_DIGIT: Readonly<Record<number, number>> = { 1: 1, 0: 2, 2: 3 };

function answerDigit(
	q: ClassroomQuestion,
	answer: StudentAnswer,
	overridden: boolean,
	index: number
): number {
	if (answer === null) return 0;
	const bad = () => new TypeError(`Answer ${index + 1} does not fit a ${q.type} question`);
	if (isTextQuestion(q)) {
		if (typeof answer === 'string') {
			if (answer.trim() === '') return 0;
			const grade = gradeTypedAnswer(q, answer, overridden);
			return grade.overridden ? 3 : grade.correct ? 1 : 2;
		}
		const digit = TYPED_DIGIT[answer];
		if (digit === undefined) throw bad();
		return digit;
	}
	if (typeof answer !== 'number' || !Number.isInteger(answer)) throw bad();
	if (q.type === 'true-false') {
		if (answer !== 0 && answer !== 1) throw bad();
		return answer === 1 ? 1 : 2;
	}
	if (answer < 0 || answer + 1 >= answerRadix(q, RESULT_VERSION)) throw bad();
	return answer + 1;
}

function groupCode(text: string): string {
	return text.replace(/(.{4})(?=.)/g, '$1-');
}

/**
 * The result code for one student. Throws a TypeError when the answers do not fit the quiz (a
 * programming error: the quiz page builds them).
 * @example encodeResult({ quizHash, name: 'Ana', answers: [1, null, 'alder'], secondsTaken: [4, null, 9] }, quiz)
 */
export function encodeResult(result: StudentResult, quiz: ClassroomQuiz): string {
	const tag = fromHex(result.quizHash.slice(0, TAG_BYTES * 2));
	if (tag === null || tag.length !== TAG_BYTES) throw new TypeError('Not a quiz hash');
	if (!hashOf(quiz).startsWith(result.quizHash.toLowerCase())) {
		throw new TypeError('The quiz hash belongs to another quiz');
	}
	const { questions } = quiz;
	if (result.answers.length !== questions.length) {
		throw new TypeError(`Expected ${questions.length} answers, got ${result.answers.length}`);
	}
	const limit = quiz.secondsPerQuestion;
	const digits = questions.map((q, i) =>
		answerDigit(q, result.answers[i] ?? null, result.overridden?.[i] === true, i)
	);
	const version = digits.some((d, i) => d === 3 && isTextQuestion(questions[i]!)) ? 2 : 1;
	let value = 0n;
	let scale = 1n;
	const push = (digit: number, radix: number) => {
		value += BigInt(digit) * scale;
		scale *= BigInt(radix);
	};
	questions.forEach((q, i) => {
		const digit = digits[i]!;
		push(digit, answerRadix(q, version));
		if (digit !== 0) {
			const t = result.secondsTaken[i];
			const seconds = typeof t === 'number' && Number.isFinite(t) ? Math.round(t) : limit;
			push(Math.min(Math.max(seconds, 0), limit), limit + 1);
		}
	});
	const answerBytes: number[] = [];
	while (value > 0n) {
		answerBytes.unshift(Number(value & 0xffn));
		value >>= 8n;
	}
	const name = encoder.encode(cleanName(result.name));
	const body = new Uint8Array(1 + TAG_BYTES + name.length + answerBytes.length + 2);
	body[0] = (version << 5) | name.length;
	body.set(tag, 1);
	body.set(name, 1 + TAG_BYTES);
	body.set(answerBytes, 1 + TAG_BYTES + name.length);
	const crc = crc16(body.subarray(0, body.length - 2));
	body[body.length - 2] = crc >> 8;
	body[body.length - 1] = crc & 0xff;
	return groupCode(toBase32(body));
}

function fail(error: ResultError, message: string): DecodedResult {
	return { ok: false, error, message };
}

/**
 * Reads a result code against the quiz it should belong to. Never throws. Case, spaces, hyphens
 * and the look-alikes O/I/L are forgiven; anything else wrong is refused with a message for the
 * teacher. The name is untrusted text: show it as text only.
 */
export function decodeResult(code: string, quiz: ClassroomQuiz): DecodedResult {
	const clean = code.toUpperCase().replace(/[\s-]/g, '');
	if (clean.length === 0) return fail('empty', 'Type or scan a result code first.');
	if (clean.length > MAX_CODE_CHARS) {
		return fail('malformed', 'This is far too long to be a result code.');
	}
	const bytes = fromBase32(clean);
	if (bytes === null) {
		return fail(
			'malformed',
			'This is not a result code: it has characters that result codes never use.'
		);
	}
	if (bytes.length < 1 + TAG_BYTES + 2) {
		return fail('malformed', 'This result code is too short: part of it is missing.');
	}
	const crc = crc16(bytes.subarray(0, bytes.length - 2));
	if (
		(bytes[bytes.length - 2] ?? 0) !== crc >> 8 ||
		(bytes[bytes.length - 1] ?? 0) !== (crc & 0xff)
	) {
		return fail(
			'checksum',
			'This result code has a typing mistake (its check digits do not match). Compare it with the student’s screen.'
		);
	}
	const head = bytes[0] ?? 0;
	const version = head >> 5;
	if (version < 1 || version > RESULT_VERSION) {
		return fail('version', 'This result code comes from a different version of Factdeck.');
	}
	const tag = Array.from(bytes.subarray(1, 1 + TAG_BYTES), (b) =>
		b.toString(16).padStart(2, '0')
	).join('');
	if (!hashOf(quiz).startsWith(tag)) {
		return fail('wrong-quiz', 'This result code belongs to a different quiz.');
	}
	const nameLength = head & 31;
	const answersStart = 1 + TAG_BYTES + nameLength;
	if (answersStart > bytes.length - 2) {
		return fail('invalid', 'This result code is damaged: its name does not fit.');
	}
	let name: string;
	try {
		name = new TextDecoder('utf-8', { fatal: true }).decode(
			bytes.subarray(1 + TAG_BYTES, answersStart)
		);
	} catch {
		return fail('invalid', 'This result code is damaged: its name cannot be read.');
	}
	if (name !== cleanName(name)) {
		return fail(
			'invalid',
			'This result code is damaged: its name has characters that are not allowed.'
		);
	}
	let value = 0n;
	for (const byte of bytes.subarray(answersStart, bytes.length - 2))
		value = (value << 8n) | BigInt(byte);
	const take = (radix: number) => {
		const digit = Number(value % BigInt(radix));
		value /= BigInt(radix);
		return digit;
	};
	const limit = quiz.secondsPerQuestion;
	const answers: (number | null)[] = [];
	const correct: boolean[] = [];
	const secondsTaken: (number | null)[] = [];
	for (const q of quiz.questions) {
		const digit = take(answerRadix(q, version));
		if (digit === 0) {
			answers.push(null);
			secondsTaken.push(null);
			correct.push(false);
			continue;
		}
		const answer = isTextQuestion(q)
			? [0, 1, 0, 2][digit]!
			: q.type === 'true-false'
				? digit === 1
					? 1
					: 0
				: digit - 1;
		answers.push(answer);
		correct.push(isCorrect(q, answer));
		secondsTaken.push(take(limit + 1));
	}
	if (value !== 0n) {
		return fail('invalid', 'This result code does not match this quiz’s questions.');
	}
	// The code as this app writes it (O read as 0, I and L as 1), so one student's code is one result.
	const canonical = groupCode(toBase32(bytes));
	return { ok: true, result: { name, answers, correct, secondsTaken, code: canonical } };
}
