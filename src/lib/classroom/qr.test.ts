import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { TEST_IMAGES, renderQr } from './fixtures/qr-image';
import { sampleQuiz } from './fixtures/quizzes';
import { decodeQuizLink, fitQuizLink, quizHash } from './link';
import { decodeResult, encodeResult } from './result-code';

const quiz = sampleQuiz();

function decodeAll(text: string): boolean[] {
	return TEST_IMAGES.map((spec) => {
		const image = renderQr(text, spec);
		return jsQR(image.data, image.width, image.height)?.data === text;
	});
}

describe('QR round trips (qrcode matrix → RGBA → jsQR)', () => {
	it.each(['qr', 'text'] as const)(
		'carries a 20-question share link (%s form)',
		(form) => {
			const { link, fitsQr } = fitQuizLink(quiz, 'https://factdeck.example', { form });
			expect(fitsQr).toBe(true);
			// The size estimate agrees with the encoder: the link fits the largest code.
			expect(QRCode.create(link, { errorCorrectionLevel: 'M' }).version).toBeLessThanOrEqual(40);
			const results = decodeAll(link);
			const clean = TEST_IMAGES.map((spec, i) =>
				spec.noise === 0 && spec.speckle === 0 ? results[i] : true
			);
			expect(clean.every(Boolean)).toBe(true);
			const rate = results.filter(Boolean).length / results.length;
			console.info(
				`share link (${form}): ${results.filter(Boolean).length}/${results.length} images decoded`
			);
			expect(rate).toBeGreaterThanOrEqual(0.7);
			const decoded = decodeQuizLink(link);
			expect(decoded.ok && decoded.quiz.questions).toHaveLength(20);
		},
		30_000
	);

	it('carries a result code, noisy images included', () => {
		const code = encodeResult(
			{
				quizHash: quizHash(quiz),
				name: 'Amelia Hughes',
				answers: quiz.questions.map((_, i) => i % 4),
				secondsTaken: quiz.questions.map((_, i) => i)
			},
			quiz
		);
		const results = decodeAll(code);
		console.info(`result code: ${results.filter(Boolean).length}/${results.length} images decoded`);
		expect(results.every(Boolean)).toBe(true);
		expect(decodeResult(code, quiz).ok).toBe(true);
	});

	it('does not read a blank image as a code', () => {
		const blank = new Uint8ClampedArray(100 * 100 * 4).fill(255);
		expect(jsQR(blank, 100, 100)).toBeNull();
	});
});
