import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './codec';
import { mixedQuiz, sampleQuiz } from './fixtures/quizzes';
import {
	LINK_VERSION,
	MAX_INFLATED_BYTES,
	MAX_PAYLOAD_CHARS,
	QR_BYTE_CAPACITY_M,
	canonicalQuiz,
	decodeQuizLink,
	framePayload,
	encodeQuizLink,
	encodeQuizPayload,
	extractPayload,
	fitQuizLink,
	linkByteLength,
	linkFitsQr,
	linkQrBits,
	QR_DATA_BITS_M,
	quizHash
} from './link';

const ORIGIN = 'https://factdeck.example';

/** A payload made by hand: the frame (version, length, check) around deflate-raw of the bytes. */
function craft(content: string | Uint8Array, version = LINK_VERSION): string {
	const raw = typeof content === 'string' ? new TextEncoder().encode(content) : content;
	return toBase64Url(framePayload(deflateSync(raw, { level: 9 }), version));
}

function errorOf(input: string): string {
	const result = decodeQuizLink(input);
	return result.ok ? 'ok' : result.error;
}

describe('share links', () => {
	it('round-trips every question type and keeps the hash stable', () => {
		for (const quiz of [sampleQuiz(), mixedQuiz()]) {
			const link = encodeQuizLink(quiz, `${ORIGIN}/`);
			expect(link.startsWith(`${ORIGIN}/classroom/join#q=`)).toBe(true);
			const decoded = decodeQuizLink(link);
			if (!decoded.ok) throw new Error(decoded.message);
			expect(decoded.quiz).toEqual(quiz);
			expect(decoded.hash).toMatch(/^[0-9a-f]{16}$/);
			expect(decoded.hash).toBe(quizHash(quiz));
		}
		expect(quizHash(sampleQuiz())).not.toBe(quizHash(mixedQuiz()));
		const renamed = { ...sampleQuiz(), title: 'Another title' };
		expect(quizHash(renamed)).not.toBe(quizHash(sampleQuiz()));
	});

	it('round-trips the QR form to the same quiz and hash, in fewer QR bits', () => {
		const quiz = sampleQuiz();
		const text = encodeQuizLink(quiz, ORIGIN);
		const qr = encodeQuizLink(quiz, ORIGIN, 'qr');
		expect(qr).toMatch(/#Q=[0-9A-HJKMNP-TV-Z]+$/);
		const decoded = decodeQuizLink(qr);
		if (!decoded.ok) throw new Error(decoded.message);
		expect(decoded.quiz).toEqual(quiz);
		expect(decoded.hash).toBe(quizHash(quiz));
		expect(linkQrBits(qr)).toBeLessThan(linkQrBits(text) * 0.9);
		expect(linkQrBits(text)).toBe(4 + 16 + 8 * linkByteLength(text));
	});

	it('refuses a cut, damaged or oversized QR-form link', () => {
		const qr = encodeQuizLink(mixedQuiz(), ORIGIN, 'qr');
		const start = qr.indexOf('#Q=') + 3;
		for (let cut = start + 2; cut < qr.length; cut += 41) {
			expect(errorOf(qr.slice(0, cut))).toBe('truncated');
		}
		expect(errorOf(`${qr.slice(0, start + 5)}U${qr.slice(start + 6)}`)).toBe('corrupt');
		expect(errorOf(`#Q=${'A'.repeat(MAX_PAYLOAD_CHARS * 2)}`)).toBe('too-large');
	});

	it('accepts the fragment, q= and a bare payload as well as the whole link', () => {
		const payload = encodeQuizPayload(mixedQuiz());
		for (const input of [
			`#q=${payload}`,
			`q=${payload}`,
			payload,
			`  ${ORIGIN}/x#q=${payload}\n`
		]) {
			expect(errorOf(input)).toBe('ok');
		}
		expect(extractPayload(`${ORIGIN}/classroom/join#x=1&q=abc`)).toEqual({
			payload: 'abc',
			form: 'text'
		});
		expect(extractPayload('#Q=ABC')).toEqual({ payload: 'ABC', form: 'qr' });
	});

	it('carries no key names and compresses the sample well', () => {
		const payload = encodeQuizPayload(sampleQuiz());
		expect(canonicalQuiz(sampleQuiz())).not.toContain('"prompt"');
		expect(payload.length).toBeLessThan(canonicalQuiz(sampleQuiz()).length * 0.6);
	});

	it('refuses an empty link as truncated', () => {
		expect(errorOf('')).toBe('truncated');
		expect(errorOf(`${ORIGIN}/classroom/join#q=`)).toBe('truncated');
		expect(errorOf(`${ORIGIN}/classroom/join`)).toBe('truncated');
	});

	it('refuses a link cut short as truncated, wherever it is cut', () => {
		const link = encodeQuizLink(sampleQuiz(), ORIGIN);
		const payloadStart = link.indexOf('#q=') + 3;
		const errors = new Set<string>();
		for (let cut = payloadStart + 1; cut < link.length; cut += 97) {
			errors.add(errorOf(link.slice(0, cut)));
		}
		expect([...errors]).toEqual(['truncated']);
	});

	it('refuses characters outside base64url and a damaged stream as corrupt', () => {
		const payload = encodeQuizPayload(sampleQuiz());
		expect(errorOf(`#q=${payload.slice(0, 40)}<script>${payload.slice(48)}`)).toBe('corrupt');
		expect(errorOf(`#q=${payload.slice(0, 10)}%%${payload.slice(12)}`)).toBe('corrupt');
		// Garbage after a valid version byte: its check does not match.
		expect(errorOf(toBase64Url(Uint8Array.from([LINK_VERSION, ...Array(9).fill(0xff)])))).toBe(
			'corrupt'
		);
		expect(errorOf(craft('{not json'))).toBe('corrupt');
		expect(errorOf(craft(Uint8Array.from([0xc3, 0x28])))).toBe('corrupt');
	});

	it('refuses an unknown version with a message that says what to do', () => {
		const newer = decodeQuizLink(craft(canonicalQuiz(sampleQuiz()), LINK_VERSION + 1));
		expect(newer).toMatchObject({ ok: false, error: 'version' });
		expect(newer.ok ? '' : newer.message).toMatch(/newer version/);
		expect(errorOf(craft(canonicalQuiz(sampleQuiz()), 0))).toBe('version');
	});

	it('refuses an oversized payload before decoding it', () => {
		expect(errorOf(`#q=${'A'.repeat(MAX_PAYLOAD_CHARS + 1)}`)).toBe('too-large');
	});

	it('refuses a zip bomb without inflating all of it', () => {
		const bomb = craft(new Uint8Array(10 * 1024 * 1024).fill(0x20));
		expect(bomb.length).toBeLessThan(MAX_PAYLOAD_CHARS);
		const start = performance.now();
		expect(errorOf(bomb)).toBe('too-large');
		expect(performance.now() - start).toBeLessThan(1000);
		expect(errorOf(craft(new Uint8Array(MAX_INFLATED_BYTES + 1).fill(0x20)))).toBe('too-large');
	});

	it('refuses wrong types, extra fields, objects and __proto__ as invalid', () => {
		const good = JSON.parse(canonicalQuiz(mixedQuiz())) as unknown[];
		const variants: unknown[] = [
			[...good.slice(0, 2), '30', ...good.slice(3)],
			[...good, 'extra'],
			[...good.slice(0, 4), [[9, 'p', '', 1, 0]]],
			[...good.slice(0, 4), [[0, 'p', '', 1, 7, ['a', 'b']]]],
			[...good.slice(0, 4), [[2, 'p', '', 1, 1, 'extra']]],
			{ __proto__: { polluted: true }, id: 'x' },
			JSON.parse('{"__proto__":{"polluted":true}}'),
			[...good.slice(0, 4), []],
			null,
			'a string'
		];
		for (const variant of variants) {
			expect(errorOf(craft(JSON.stringify(variant)))).toBe('invalid');
		}
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
		const limits = decodeQuizLink(
			craft(JSON.stringify([...good.slice(0, 2), 1, ...good.slice(3)]))
		);
		expect(limits.ok ? '' : limits.message).toMatch(/secondsPerQuestion/);
	});

	it('refuses deeply nested JSON without overflowing the stack', () => {
		const depth = 100_000;
		expect(errorOf(craft('['.repeat(depth) + ']'.repeat(depth)))).toBe('invalid');
		expect(errorOf(craft('['.repeat(depth)))).toBe('corrupt');
	});

	it('opens no altered quiz from 300 single-character corruptions of a link', () => {
		const quiz = mixedQuiz();
		const hash = quizHash(quiz);
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		const counts: Record<string, number> = {};
		for (const form of ['text', 'qr'] as const) {
			const payload = encodeQuizPayload(quiz, form);
			const chars = form === 'qr' ? '0123456789ABCDEFGHJKMNPQRSTVWXYZ' : alphabet;
			let state = form === 'qr' ? 7 : 99;
			const next = (n: number) => {
				state = (Math.imul(state, 1103515245) + 12345) >>> 0;
				return (state >>> 8) % n;
			};
			let made = 0;
			while (made < 150) {
				const at = next(payload.length);
				const replacement = chars[next(chars.length)]!;
				if (replacement === payload[at]) continue;
				made++;
				const damaged = payload.slice(0, at) + replacement + payload.slice(at + 1);
				const result = decodeQuizLink(`#${form === 'qr' ? 'Q' : 'q'}=${damaged}`);
				const outcome = !result.ok ? result.error : result.hash === hash ? 'same' : 'altered';
				counts[outcome] = (counts[outcome] ?? 0) + 1;
			}
		}
		// Only the last character's unused padding bits can change without changing the quiz.
		expect(counts.altered ?? 0).toBe(0);
		expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(300);
		expect(counts.version ?? 0).toBe(0);
	});

	it('tells garbage and an earlier link from a newer version', () => {
		expect(errorOf('#q=' + 'Zm9vYmFyYmF6cXV4'.repeat(4))).toBe('corrupt');
		const body = deflateSync(new TextEncoder().encode(canonicalQuiz(sampleQuiz())));
		const v1 = toBase64Url(Uint8Array.from([1, ...body]));
		const old = decodeQuizLink(v1);
		expect(old).toMatchObject({ ok: false, error: 'version' });
		expect(old.ok ? '' : old.message).toMatch(/earlier version/);
	});

	it('never throws on damaged links: 2,000 seeded random edits', () => {
		const payload = encodeQuizPayload(mixedQuiz());
		const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
		let state = 12345;
		const next = (n: number) => {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			return (state >>> 8) % n;
		};
		const seen = new Set<string>();
		for (let round = 0; round < 2000; round++) {
			const chars = payload.split('');
			for (let edits = 1 + next(3); edits > 0; edits--) {
				const at = 3 + next(chars.length - 3);
				const kind = next(3);
				if (kind === 0) chars[at] = alphabet[next(alphabet.length)]!;
				else if (kind === 1) chars.splice(at, 1);
				else chars.splice(at, 0, alphabet[next(alphabet.length)]!);
			}
			const result = decodeQuizLink(chars.join(''));
			seen.add(result.ok ? 'ok' : result.error);
			if (!result.ok) expect(result.message.length).toBeGreaterThan(20);
		}
		expect(seen.has('corrupt')).toBe(true);
	});

	it('refuses to encode a quiz that breaks the schema', () => {
		expect(() => encodeQuizLink({ ...sampleQuiz(), title: '' }, ORIGIN)).toThrow();
	});

	it('fits a 20-question quiz in one QR code, dropping evidence only as needed', () => {
		const quiz = sampleQuiz();
		const full = encodeQuizLink(quiz, ORIGIN);
		expect(linkByteLength(full)).toBeGreaterThan(QR_BYTE_CAPACITY_M);
		expect(linkFitsQr(full)).toBe(false);
		const fitted = fitQuizLink(quiz, ORIGIN);
		expect(fitted.fitsQr).toBe(true);
		expect(fitted.qrBits).toBeLessThanOrEqual(QR_DATA_BITS_M);
		expect(fitted.link).toContain('#Q=');
		const asText = fitQuizLink(quiz, ORIGIN, { form: 'text' });
		expect(asText.fitsQr).toBe(true);
		expect(asText.bytes).toBeLessThanOrEqual(QR_BYTE_CAPACITY_M);
		expect(asText.evidenceKept).toBeLessThan(fitted.evidenceKept);
		expect(fitted.evidenceKept).toBeGreaterThan(0);
		expect(fitted.evidenceKept).toBeLessThan(20);
		const decoded = decodeQuizLink(fitted.link);
		if (!decoded.ok) throw new Error(decoded.message);
		expect(decoded.quiz.questions[0]!.evidence).toBe(quiz.questions[0]!.evidence);
		expect(decoded.quiz.questions[19]!.evidence).toBe('');
		expect(decoded.quiz.questions.map((q) => q.prompt)).toEqual(
			quiz.questions.map((q) => q.prompt)
		);
		// A small quiz keeps everything.
		const small = fitQuizLink(mixedQuiz(), ORIGIN);
		expect(small).toMatchObject({ fitsQr: true, evidenceKept: 5 });
	});
});
