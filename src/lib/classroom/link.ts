/**
 * Share links: a whole quiz in the URL fragment, so no server ever sees it.
 *
 * `${origin}/classroom/join#q=<payload>`, where payload = base64url(version byte, body length (2
 * bytes, big-endian), check (4 bytes), body) and body = deflate-raw(JSON of the quiz in array
 * form). The check is the first 4 bytes of FNV-1a 64 over everything else, so a link damaged in
 * copying is refused before it is read, rather than opening a slightly different quiz; every
 * future version keeps this frame, so a damaged link is told apart from a newer one. Array form:
 * positional arrays instead of keyed objects, so the link carries no key names. Decoding bounds
 * every step (text length, then inflated size) before the schema sees a single value.
 *
 * The QR form, `#Q=<payload>`, carries the same bytes as upper-case Crockford base32: a QR code
 * holds those characters in its alphanumeric mode at 5.5 bits each, against 8 bits for each
 * base64url character in byte mode, so the same quiz needs a smaller, easier to scan code.
 */
import { Inflate, deflateSync } from 'fflate';
import { z } from 'zod';
import { joinBytes } from '$lib/bytes';
import { fnv1a64, fromBase32, fromBase64Url, toBase32, toBase64Url, toHex } from './codec';
import { classroomQuizSchema, type ClassroomQuestion, type ClassroomQuiz } from './schema';

/** The first byte of every payload; bump it when the array form changes. Version 1 had no check. */
export const LINK_VERSION = 2;
/** Version, body length and check: the frame every payload starts with. */
export const LINK_HEADER_BYTES = 7;
/** Longest payload accepted, in base64url characters (about 12 KiB compressed). */
export const MAX_PAYLOAD_CHARS = 16_384;
/** Most bytes a payload may inflate to; a quiz at every limit stays far below it. */
export const MAX_INFLATED_BYTES = 256 * 1024;
/** Byte-mode capacity of the largest QR code (version 40) at error correction M. */
export const QR_BYTE_CAPACITY_M = 2331;
/** Data bits of a version-40 QR code at error correction M (2,334 data codewords). */
export const QR_DATA_BITS_M = 2334 * 8;
export const JOIN_PATH = '/classroom/join';

export type LinkError = 'truncated' | 'corrupt' | 'version' | 'too-large' | 'invalid';

/** A decoded quiz with `hash`: 16 hex digits of FNV-1a 64 over the canonical array-form JSON. */
export type DecodedQuizLink =
	| { ok: true; quiz: ClassroomQuiz; hash: string }
	| { ok: false; error: LinkError; message: string };

const TYPE_CODES = [
	'multiple-choice',
	'quote',
	'true-false',
	'cloze',
	'short-answer',
	'match'
] as const satisfies readonly ClassroomQuestion['type'][];

type ArrayQuestion = [number, string, string, number, ...unknown[]];
type ArrayQuiz = [string, string, number, number, ArrayQuestion[]];

function questionToArray(q: ClassroomQuestion): ArrayQuestion {
	const head: ArrayQuestion = [TYPE_CODES.indexOf(q.type), q.prompt, q.evidence, q.points];
	switch (q.type) {
		case 'multiple-choice':
		case 'quote':
			return [...head, q.answer, q.choices];
		case 'true-false':
			return [...head, q.answer ? 1 : 0];
		case 'cloze':
			return [...head, q.answer, q.hint];
		case 'short-answer':
			return [...head, q.answer];
		case 'match':
			return [...head, q.pairs];
	}
}

function quizToArray(quiz: ClassroomQuiz): ArrayQuiz {
	const flags = (quiz.shuffleOptions ? 1 : 0) | (quiz.speedPoints ? 2 : 0);
	return [quiz.id, quiz.title, quiz.secondsPerQuestion, flags, quiz.questions.map(questionToArray)];
}

// The array form is only checked for shape here; limits are checked on the object form after.
const head = [z.string(), z.string(), z.number()] as const;
const arrayQuestion = z.union([
	z.tuple([z.literal([0, 1]), ...head, z.number(), z.array(z.string())]),
	z.tuple([z.literal(2), ...head, z.literal([0, 1])]),
	z.tuple([z.literal(3), ...head, z.string(), z.string()]),
	z.tuple([z.literal(4), ...head, z.string()]),
	z.tuple([z.literal(5), ...head, z.array(z.tuple([z.string(), z.string()]))])
]);
const arrayQuiz = z.tuple([
	z.string(),
	z.string(),
	z.number(),
	z.int().min(0).max(3),
	z.array(arrayQuestion).max(1000)
]);

function questionFromArray(row: z.infer<typeof arrayQuestion>): ClassroomQuestion {
	const [, prompt, evidence, points] = row;
	switch (row[0]) {
		case 0:
		case 1:
			return {
				type: row[0] === 0 ? 'multiple-choice' : 'quote',
				prompt,
				choices: row[5],
				answer: row[4],
				evidence,
				points
			};
		case 2:
			return { type: 'true-false', prompt, answer: row[4] === 1, evidence, points };
		case 3:
			return { type: 'cloze', prompt, answer: row[4], hint: row[5], evidence, points };
		case 4:
			return { type: 'short-answer', prompt, answer: row[4], evidence, points };
		case 5:
			return { type: 'match', prompt, pairs: row[4], evidence, points };
	}
}

const encoder = new TextEncoder();

/** The canonical serialisation: the array form as JSON. Equal quizzes give equal strings. */
export function canonicalQuiz(quiz: ClassroomQuiz): string {
	return JSON.stringify(quizToArray(quiz));
}

/** 16 hex digits (8 bytes) of FNV-1a 64 over the canonical form. Synchronous and pure. */
export function quizHash(quiz: ClassroomQuiz): string {
	return toHex(fnv1a64(encoder.encode(canonicalQuiz(quiz))));
}

/**
 * `text`: base64url after `#q=`, the shortest to paste or send. `qr`: Crockford base32 after `#Q=`,
 * the smallest QR code. Both decode to the same quiz and hash.
 */
export type LinkForm = 'text' | 'qr';

/** The 4 check bytes of a framed payload: FNV-1a 64 over all of it but the check itself. */
function linkCheck(bytes: Uint8Array): Uint8Array {
	const covered = new Uint8Array(bytes.length - 4);
	covered.set(bytes.subarray(0, 3), 0);
	covered.set(bytes.subarray(LINK_HEADER_BYTES), 3);
	return fnv1a64(covered).subarray(0, 4);
}

/** Frames a body: version, length, check. Exported for tests that build payloads by hand. */
export function framePayload(body: Uint8Array, version = LINK_VERSION): Uint8Array {
	const bytes = new Uint8Array(body.length + LINK_HEADER_BYTES);
	bytes[0] = version;
	bytes[1] = (body.length >> 8) & 0xff;
	bytes[2] = body.length & 0xff;
	bytes.set(body, LINK_HEADER_BYTES);
	bytes.set(linkCheck(bytes), 3);
	return bytes;
}

function payloadBytes(quiz: ClassroomQuiz): Uint8Array {
	const checked = classroomQuizSchema.parse(quiz);
	return framePayload(deflateSync(encoder.encode(canonicalQuiz(checked)), { level: 9, mem: 8 }));
}

/** The payload alone (what follows `#q=`, or `#Q=` for the QR form). Throws if the quiz breaks the schema. */
export function encodeQuizPayload(quiz: ClassroomQuiz, form: LinkForm = 'text'): string {
	const bytes = payloadBytes(quiz);
	return form === 'qr' ? toBase32(bytes) : toBase64Url(bytes);
}

/**
 * The share link for a quiz. `origin` is the app's origin, e.g. `location.origin`; a trailing
 * slash is dropped. Throws if the quiz breaks the schema (a programming error, not user input).
 * @example encodeQuizLink(quiz, 'https://factdeck.example') // 'https://factdeck.example/classroom/join#q=AX...'
 */
export function encodeQuizLink(
	quiz: ClassroomQuiz,
	origin: string,
	form: LinkForm = 'text'
): string {
	const key = form === 'qr' ? 'Q' : 'q';
	return `${origin.replace(/\/+$/, '')}${JOIN_PATH}#${key}=${encodeQuizPayload(quiz, form)}`;
}

/** UTF-8 length of a link: what a QR code in byte mode must hold. */
export function linkByteLength(link: string): number {
	return encoder.encode(link).length;
}

const QR_ALPHANUMERIC = /^[0-9A-Z $%*+\-./:]*$/;

/**
 * Data bits a QR code (versions 27 to 40) needs for the link: one byte-mode segment, or for the QR
 * form a byte-mode segment up to `#Q=` and an alphanumeric one after it. The qrcode library may
 * segment a little better still, so this never underestimates.
 */
export function linkQrBits(link: string): number {
	const bytes = (text: string) => 4 + 16 + 8 * linkByteLength(text);
	const marker = link.indexOf('#Q=');
	const tail = marker >= 0 ? link.slice(marker + 3) : '';
	if (marker < 0 || !QR_ALPHANUMERIC.test(tail)) return bytes(link);
	const alnum = 4 + 13 + 11 * Math.floor(tail.length / 2) + 6 * (tail.length % 2);
	return bytes(link.slice(0, marker + 3)) + alnum;
}

/** True when the link fits one QR code at error correction M. */
export function linkFitsQr(link: string): boolean {
	return linkQrBits(link) <= QR_DATA_BITS_M;
}

/**
 * Finds the payload in a full link, a fragment (`#q=...` or `#Q=...`), `q=...` or a bare
 * base64url payload.
 */
export function extractPayload(input: string): { payload: string; form: LinkForm } {
	let text = input.trim();
	const hash = text.indexOf('#');
	if (hash >= 0) text = text.slice(hash + 1);
	else if (/^[a-z][a-z0-9+.-]*:\/\/|^\//i.test(text)) return { payload: '', form: 'text' };
	for (const part of text.split('&')) {
		if (part.startsWith('q=')) return { payload: part.slice(2), form: 'text' };
		if (part.startsWith('Q=')) return { payload: part.slice(2), form: 'qr' };
	}
	return { payload: text.includes('=') && !/=+$/.test(text) ? '' : text, form: 'text' };
}

class TooLarge extends Error {}

/** Inflates in small steps and stops as soon as the output passes `limit`: no zip bombs. */
function boundedInflate(data: Uint8Array, limit: number): Uint8Array {
	const chunks: Uint8Array[] = [];
	let total = 0;
	let done = false;
	const inflater = new Inflate((chunk, final) => {
		total += chunk.length;
		if (total > limit) throw new TooLarge();
		chunks.push(chunk);
		if (final) done = true;
	});
	const step = 1024;
	for (let i = 0; i < data.length; i += step) {
		inflater.push(data.subarray(i, i + step), i + step >= data.length);
	}
	if (!done) throw Object.assign(new Error('unexpected EOF'), { code: 0 });
	return joinBytes(chunks, total);
}

/**
 * Whether unchecked bytes are a link of version 1 (a version byte, then the deflated quiz, no
 * frame): they inflate to JSON. A damaged link whose first byte happens to read 1 does not.
 */
function isVersion1(bytes: Uint8Array): boolean {
	try {
		const text = new TextDecoder('utf-8', { fatal: true }).decode(
			boundedInflate(bytes.subarray(1), MAX_INFLATED_BYTES)
		);
		JSON.parse(text);
		return true;
	} catch {
		return false;
	}
}

function fail(error: LinkError, message: string): DecodedQuizLink {
	return { ok: false, error, message };
}

const TRUNCATED =
	'This quiz link is incomplete: part of it was cut off. Copy the whole link, or scan the QR code again.';
const CORRUPT =
	'This quiz link is damaged and cannot be read. Ask your teacher for the link again.';
const DAMAGED =
	'This quiz link was changed or damaged when it was copied (its check does not match), so it was not opened. Copy the whole link again, or scan the QR code.';

/**
 * Reads a share link (or its fragment or bare payload). Never throws: every failure is a tagged
 * result with a message fit to show a student. The quiz in a successful result has passed the
 * schema, but it is still untrusted text: render it as text only.
 */
export function decodeQuizLink(urlOrFragment: string): DecodedQuizLink {
	const { payload, form } = extractPayload(urlOrFragment);
	if (payload.length === 0) return fail('truncated', TRUNCATED);
	// The same byte limit for both forms: base32 spends 8 characters on 5 bytes, base64url 4 on 3.
	if (payload.length > (form === 'qr' ? (MAX_PAYLOAD_CHARS * 6) / 5 : MAX_PAYLOAD_CHARS)) {
		return fail('too-large', 'This quiz link is too long to be a Factdeck quiz.');
	}
	const bytes = form === 'qr' ? fromBase32(payload) : fromBase64Url(payload);
	if (bytes === null) {
		return form === 'text' && /^[A-Za-z0-9_-]+$/.test(payload)
			? fail('truncated', TRUNCATED)
			: fail('corrupt', CORRUPT);
	}
	if (bytes.length < LINK_HEADER_BYTES) return fail('truncated', TRUNCATED);
	const bodyLength = ((bytes[1] ?? 0) << 8) | (bytes[2] ?? 0);
	const check = linkCheck(bytes);
	const checked = check.every((b, i) => bytes[3 + i] === b);
	if (!checked) {
		// An earlier version's link has no check: say so rather than call it damaged.
		if (bytes[0] === 1 && isVersion1(bytes)) {
			return fail(
				'version',
				'This quiz link was made by an earlier version of Factdeck. Ask your teacher to share the quiz again.'
			);
		}
		const cut = bytes.length - LINK_HEADER_BYTES < bodyLength;
		if (cut && bodyLength <= (MAX_PAYLOAD_CHARS * 3) / 4) return fail('truncated', TRUNCATED);
		return fail('corrupt', DAMAGED);
	}
	if (bytes.length - LINK_HEADER_BYTES !== bodyLength) return fail('corrupt', DAMAGED);
	if (bytes[0] !== LINK_VERSION) {
		return fail(
			'version',
			(bytes[0] ?? 0) > LINK_VERSION
				? 'This quiz was made with a newer version of Factdeck. Update the app, then open the link again.'
				: 'This quiz link is in a format this version of Factdeck does not know.'
		);
	}
	let inflated: Uint8Array;
	try {
		inflated = boundedInflate(bytes.subarray(LINK_HEADER_BYTES), MAX_INFLATED_BYTES);
	} catch (error) {
		if (error instanceof TooLarge) {
			return fail(
				'too-large',
				'This quiz link unpacks to far more than any quiz needs, so it was refused.'
			);
		}
		const code = (error as { code?: unknown }).code;
		return code === 0 ? fail('truncated', TRUNCATED) : fail('corrupt', CORRUPT);
	}
	let data: unknown;
	try {
		data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
	} catch {
		return fail('corrupt', CORRUPT);
	}
	const shape = arrayQuiz.safeParse(data);
	if (!shape.success) {
		return fail('invalid', 'This quiz link does not hold a valid quiz.');
	}
	const [id, title, secondsPerQuestion, flags, rows] = shape.data;
	const valid = classroomQuizSchema.safeParse({
		id,
		title,
		secondsPerQuestion,
		shuffleOptions: (flags & 1) === 1,
		speedPoints: (flags & 2) === 2,
		questions: rows.map(questionFromArray)
	});
	if (!valid.success) {
		const issue = valid.error.issues[0];
		const where = issue ? issue.path.join('.') : '';
		return fail(
			'invalid',
			`This quiz link does not hold a valid quiz${where ? ` (${where}: ${issue?.message})` : ''}.`
		);
	}
	return { ok: true, quiz: valid.data, hash: quizHash(valid.data) };
}

export interface FittedLink {
	link: string;
	/** UTF-8 bytes of the link. */
	bytes: number;
	/** Data bits a QR code needs for it (see `linkQrBits`). */
	qrBits: number;
	/** Questions whose evidence sentence the link still carries. */
	evidenceKept: number;
	fitsQr: boolean;
}

/**
 * The share link in its QR form (or `form`), made to fit one QR code at error correction M when it
 * can: evidence sentences are the largest part, so they are dropped from the last questions first
 * until the link fits `capacityBits`. A quiz that cannot fit even without evidence gets its full
 * link (`fitsQr: false`), to share as text.
 */
export function fitQuizLink(
	quiz: ClassroomQuiz,
	origin: string,
	{ form = 'qr', capacityBits = QR_DATA_BITS_M }: { form?: LinkForm; capacityBits?: number } = {}
): FittedLink {
	const build = (keep: number): FittedLink => {
		const trimmed: ClassroomQuiz = {
			...quiz,
			questions: quiz.questions.map((q, i) => (i < keep ? q : { ...q, evidence: '' }))
		};
		const link = encodeQuizLink(trimmed, origin, form);
		const qrBits = linkQrBits(link);
		const bytes = linkByteLength(link);
		return { link, bytes, qrBits, evidenceKept: keep, fitsQr: qrBits <= capacityBits };
	};
	const all = quiz.questions.filter((q) => q.evidence !== '').length;
	const full = build(quiz.questions.length);
	if (full.fitsQr || all === 0) return { ...full, evidenceKept: all };
	const none = build(0);
	if (!none.fitsQr) return { ...full, evidenceKept: all };
	let low = 0;
	let high = quiz.questions.length;
	let best = none;
	while (high - low > 1) {
		const mid = (low + high) >> 1;
		const candidate = build(mid);
		if (candidate.fitsQr) {
			low = mid;
			best = candidate;
		} else {
			high = mid;
		}
	}
	return {
		...best,
		evidenceKept: quiz.questions.slice(0, best.evidenceKept).filter((q) => q.evidence !== '').length
	};
}
