import { describe, expect, it } from 'vitest';
import { crc16, fromBase32, toBase32 } from './codec';
import { mixedQuiz, sampleQuiz } from './fixtures/quizzes';
import { quizHash } from './link';
import {
	MAX_NAME_BYTES,
	cleanName,
	decodeResult,
	encodeResult,
	type StudentResult
} from './result-code';

const sample = sampleQuiz();
const mixed = mixedQuiz();

function twentyAnswers(name = 'Amelia Hughes'): StudentResult {
	return {
		quizHash: quizHash(sample),
		name,
		answers: sample.questions.map((_, i) => (i % 7 === 6 ? null : (i * 3) % 4)),
		secondsTaken: sample.questions.map((_, i) => (i * 5) % 31)
	};
}

function errorOf(code: string, quiz = sample): string {
	const result = decodeResult(code, quiz);
	return result.ok ? 'ok' : result.error;
}

/** Re-signs a changed byte string, as a well-formed code from a different sender would be. */
function resign(bytes: Uint8Array): string {
	const crc = crc16(bytes.subarray(0, bytes.length - 2));
	bytes[bytes.length - 2] = crc >> 8;
	bytes[bytes.length - 1] = crc & 0xff;
	return toBase32(bytes);
}

describe('result codes', () => {
	it('round-trips 20 answers in well under 100 bytes', () => {
		const input = twentyAnswers();
		const code = encodeResult(input, sample);
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{1,4})+$/);
		expect(fromBase32(code)!.length).toBeLessThanOrEqual(40);
		const decoded = decodeResult(code, sample);
		if (!decoded.ok) throw new Error(decoded.message);
		expect(decoded.result.name).toBe('Amelia Hughes');
		expect(decoded.result.answers).toEqual(input.answers);
		expect(decoded.result.secondsTaken).toEqual(
			input.answers.map((a, i) => (a === null ? null : input.secondsTaken[i]))
		);
		expect(decoded.result.correct).toEqual(
			input.answers.map((a, i) => {
				const q = sample.questions[i]!;
				return q.type === 'multiple-choice' && a === q.answer;
			})
		);
	});

	it('round-trips every question type, grading typed answers on the way', () => {
		const code = encodeResult(
			{
				quizHash: quizHash(mixed),
				name: 'Zoë Ñúñez',
				answers: [0, 2, 0, ' ALDER ', 'Daniel Price', 5],
				secondsTaken: [1, 2.4, 3, 25, 0, null]
			},
			mixed
		);
		const decoded = decodeResult(code, mixed);
		if (!decoded.ok) throw new Error(decoded.message);
		expect(decoded.result).toMatchObject({
			name: 'Zoë Ñúñez',
			answers: [0, 2, 0, 1, 0, 5],
			correct: [false, true, false, true, false, false],
			secondsTaken: [1, 2, 3, 20, 0, 20]
		});
	});

	it('carries "I was right" on a typed answer graded wrong, marked as the student’s call', () => {
		const student = (overridden?: boolean[]): StudentResult => ({
			quizHash: quizHash(mixed),
			name: 'Ana',
			// Cloze "oak" for "alder" is wrong; short answer "Marsh" for "Helen Marsh" is right.
			answers: [1, 2, 0, 'oak', 'Marsh', 0],
			secondsTaken: [1, 2, 3, 4, 5, 6],
			...(overridden ? { overridden } : {})
		});
		const plain = encodeResult(student(), mixed);
		// Without an override the code is the one earlier versions of the app write and read.
		expect(fromBase32(plain)![0]! >> 5).toBe(1);
		const own = encodeResult(student([false, true, true, true, true, false]), mixed);
		expect(fromBase32(own)![0]! >> 5).toBe(2);
		const read = decodeResult(own, mixed);
		if (!read.ok) throw new Error(read.message);
		// Only the typed answer graded wrong changes (2: right by the student’s call); a choice and a
		// typed answer graded right stay as they were.
		expect(read.result.answers).toEqual([1, 2, 0, 2, 1, 0]);
		expect(read.result.correct).toEqual([true, true, false, true, true, true]);
		expect(read.result.secondsTaken).toEqual([1, 2, 3, 4, 5, 6]);
		const before = decodeResult(plain, mixed);
		expect(before.ok && before.result.answers).toEqual([1, 2, 0, 0, 1, 0]);
		expect(before.ok && before.result.correct).toEqual([true, true, false, false, true, true]);
		// A verdict already made travels as it is.
		const again = encodeResult({ ...student(), answers: read.result.answers }, mixed);
		expect(again).toBe(own);
	});

	it('keeps unanswered questions, and an all-blank sheet, apart from wrong ones', () => {
		const blank = encodeResult(
			{
				quizHash: quizHash(mixed),
				name: '',
				answers: mixed.questions.map(() => null),
				secondsTaken: []
			},
			mixed
		);
		const decoded = decodeResult(blank, mixed);
		if (!decoded.ok) throw new Error(decoded.message);
		expect(decoded.result.answers).toEqual([null, null, null, null, null, null]);
		expect(decoded.result.name).toBe('');
	});

	it('forgives case, spaces, hyphens and look-alike letters when typed', () => {
		const code = encodeResult(twentyAnswers(), sample);
		const typed = ` ${code.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')} `;
		expect(errorOf(typed)).toBe('ok');
	});

	it('stores a code typed with look-alike letters as the code the student was shown', () => {
		const code = encodeResult(twentyAnswers(), sample);
		expect(code).toMatch(/[01]/);
		const typed = code.toLowerCase().replace(/-/g, '').replace(/0/g, 'O').replace(/1/g, 'I');
		const result = decodeResult(typed, sample);
		expect(result.ok && result.result.code).toBe(code);
	});

	it('cleans and shortens names', () => {
		expect(cleanName('  Ana\u0000 \n Lima ')).toBe('Ana Lima');
		const long = cleanName('Ωmega '.repeat(20));
		expect(new TextEncoder().encode(long).length).toBeLessThanOrEqual(MAX_NAME_BYTES);
		const code = encodeResult(twentyAnswers('😀'.repeat(10)), sample);
		const decoded = decodeResult(code, sample);
		expect(decoded.ok && decoded.result.name).toBe('😀'.repeat(6));
	});

	it('refuses an empty code', () => {
		expect(errorOf('')).toBe('empty');
		expect(errorOf(' - - ')).toBe('empty');
	});

	it('refuses letters that codes never use, junk and short codes as malformed', () => {
		expect(errorOf('HELLO-WORLD-UUUU')).toBe('malformed');
		expect(errorOf('<b>hi</b>')).toBe('malformed');
		expect(errorOf('ABCD')).toBe('malformed');
		expect(errorOf('A'.repeat(1000))).toBe('malformed');
	});

	it('catches every single mistyped character and every swap of neighbours', () => {
		const code = encodeResult(twentyAnswers(), sample).replace(/-/g, '');
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		let tried = 0;
		for (let i = 0; i < code.length; i++) {
			const other = alphabet[(alphabet.indexOf(code[i]!) + 7) % 32]!;
			const typo = code.slice(0, i) + other + code.slice(i + 1);
			const error = errorOf(typo);
			// The last character carries only padding bits, so a typo there may decode unchanged.
			if (i < code.length - 1) expect(error).toBe('checksum');
			if (i + 1 < code.length && code[i] !== code[i + 1]) {
				const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
				expect(errorOf(swapped)).toBe('checksum');
			}
			tried++;
		}
		expect(tried).toBeGreaterThan(40);
		expect(errorOf(code.slice(0, -4))).toBe('checksum');
	});

	it('never accepts a code with two random typos: 2,000 seeded tries', () => {
		const code = encodeResult(twentyAnswers(), sample).replace(/-/g, '');
		const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
		let state = 99;
		const next = (n: number) => {
			state = (Math.imul(state, 1103515245) + 12345) >>> 0;
			return (state >>> 8) % n;
		};
		let accepted = 0;
		for (let round = 0; round < 2000; round++) {
			const chars = code.split('');
			// Two different places, neither the last (it carries only padding bits).
			const first = next(chars.length - 1);
			const second = (first + 1 + next(chars.length - 2)) % (chars.length - 1);
			for (const at of [first, second]) {
				chars[at] = alphabet[(alphabet.indexOf(chars[at]!) + 1 + next(31)) % 32]!;
			}
			if (decodeResult(chars.join(''), sample).ok) accepted++;
		}
		// A 16-bit check lets about 1 in 65,536 random double typos through.
		expect(accepted).toBeLessThanOrEqual(1);
	});

	it('refuses a code from another quiz', () => {
		const code = encodeResult(twentyAnswers(), sample);
		const decoded = decodeResult(code, mixed);
		expect(decoded).toMatchObject({ ok: false, error: 'wrong-quiz' });
		expect(decoded.ok ? '' : decoded.message).toMatch(/different quiz/);
		// The same questions under another title are another quiz too.
		expect(errorOf(code, { ...sample, title: 'Renamed' })).toBe('wrong-quiz');
	});

	it('refuses another version and answers that do not fit the quiz', () => {
		const bytes = fromBase32(encodeResult(twentyAnswers(), sample))!;
		const future = bytes.slice();
		future[0] = (3 << 5) | (future[0]! & 31);
		expect(errorOf(resign(future))).toBe('version');

		const extra = Uint8Array.from([...bytes.subarray(0, -2), 0xff, 0xff, 0, 0]);
		expect(errorOf(resign(extra))).toBe('invalid');

		const badName = bytes.slice();
		badName[5] = 0x01;
		expect(errorOf(resign(badName))).toBe('invalid');

		const longName = bytes.slice();
		longName[0] = (1 << 5) | 31;
		expect(errorOf(resign(longName))).toBe('invalid');
	});

	it('refuses to encode answers that do not fit the questions', () => {
		const hash = quizHash(mixed);
		const base = { quizHash: hash, name: 'x', secondsTaken: [] };
		expect(() => encodeResult({ ...base, answers: [0] }, mixed)).toThrow(/Expected 6/);
		expect(() =>
			encodeResult({ ...base, answers: [9, null, null, null, null, null] }, mixed)
		).toThrow();
		expect(() =>
			encodeResult({ ...base, answers: [null, null, 2, null, null, null] }, mixed)
		).toThrow();
		expect(() =>
			encodeResult({ ...base, answers: [null, null, null, null, null, 6] }, mixed)
		).toThrow();
		expect(() => encodeResult({ ...base, quizHash: 'nothex', answers: [] }, mixed)).toThrow();
		expect(() =>
			encodeResult({ ...base, quizHash: quizHash(sample), answers: [0, 0, 0, 0, 0, 0] }, mixed)
		).toThrow(/another quiz/);
	});
});
