/**
 * Classroom bench: how big a 20-question share link and a 20-answer result code are, which QR
 * version they need at error correction M, how often jsQR reads them back from the test images,
 * and the median time to encode and decode. Run: `npm run bench -- classroom`.
 */
import jsQR from 'jsqr';
import QRCode from 'qrcode';
import { aggregateResults } from '../../src/lib/classroom/aggregate';
import { fromBase32, fromBase64Url } from '../../src/lib/classroom/codec';
import { TEST_IMAGES, renderQr } from '../../src/lib/classroom/fixtures/qr-image';
import { sampleQuiz } from '../../src/lib/classroom/fixtures/quizzes';
import {
	canonicalQuiz,
	decodeQuizLink,
	encodeQuizLink,
	encodeQuizPayload,
	fitQuizLink,
	linkByteLength,
	linkQrBits,
	quizHash
} from '../../src/lib/classroom/link';
import {
	decodeResult,
	encodeResult,
	type ReceivedResult
} from '../../src/lib/classroom/result-code';

const ORIGIN = 'https://factdeck.example';
const quiz = sampleQuiz();
const hash = quizHash(quiz);
const bare = { ...quiz, questions: quiz.questions.map((q) => ({ ...q, evidence: '' })) };

function median(run: () => unknown, times = 200): number {
	for (let i = 0; i < 10; i++) run();
	const samples: number[] = [];
	for (let i = 0; i < times; i++) {
		const start = performance.now();
		run();
		samples.push(performance.now() - start);
	}
	samples.sort((a, b) => a - b);
	return samples[samples.length >> 1] ?? 0;
}

const qrVersion = (text: string) => {
	try {
		return QRCode.create(text, { errorCorrectionLevel: 'M' }).version;
	} catch {
		return 'none (too big)';
	}
};

function decodeRate(text: string): { ok: number; total: number } {
	let ok = 0;
	for (const spec of TEST_IMAGES) {
		const image = renderQr(text, spec);
		if (jsQR(image.data, image.width, image.height)?.data === text) ok++;
	}
	return { ok, total: TEST_IMAGES.length };
}

const fullLink = encodeQuizLink(quiz, ORIGIN);
const fullQrLink = encodeQuizLink(quiz, ORIGIN, 'qr');
const bareLink = encodeQuizLink(bare, ORIGIN);
const bareQrLink = encodeQuizLink(bare, ORIGIN, 'qr');
const fitted = fitQuizLink(quiz, ORIGIN);
const fittedText = fitQuizLink(quiz, ORIGIN, { form: 'text' });
const payload = encodeQuizPayload(quiz);
const compressedBytes = fromBase64Url(payload)?.length ?? 0;

const students: ReceivedResult[] = [];
const codes: string[] = [];
for (let s = 0; s < 30; s++) {
	const code = encodeResult(
		{
			quizHash: hash,
			name: `Student number ${s + 1}`,
			answers: quiz.questions.map((_, i) => ((i * 7 + s) % 11 === 0 ? null : (i + s) % 4)),
			secondsTaken: quiz.questions.map((_, i) => (i * 3 + s) % 31)
		},
		quiz
	);
	codes.push(code);
	const decoded = decodeResult(code, quiz);
	if (decoded.ok) students.push(decoded.result);
}
const code = codes[0]!;
const codeBytes = fromBase32(code)?.length ?? 0;

const linkRate = decodeRate(fitted.link);
const textRate = decodeRate(fittedText.link);
const codeRate = decodeRate(code);

const rows = [
	['quiz JSON, keyed objects (bytes)', JSON.stringify(quiz).length],
	['quiz JSON, array form (bytes)', canonicalQuiz(quiz).length],
	['deflated payload incl. version byte (bytes)', compressedBytes],
	['text link, all evidence (URL bytes)', linkByteLength(fullLink)],
	['  QR data bits / version at M', `${linkQrBits(fullLink)} / ${qrVersion(fullLink)}`],
	['QR-form link, all evidence (URL bytes)', linkByteLength(fullQrLink)],
	['  QR data bits / version at M', `${linkQrBits(fullQrLink)} / ${qrVersion(fullQrLink)}`],
	['text link, no evidence (URL bytes)', linkByteLength(bareLink)],
	['  QR data bits / version at M', `${linkQrBits(bareLink)} / ${qrVersion(bareLink)}`],
	['QR-form link, no evidence (URL bytes)', linkByteLength(bareQrLink)],
	['  QR data bits / version at M', `${linkQrBits(bareQrLink)} / ${qrVersion(bareQrLink)}`],
	['text link fitted to one QR (URL bytes)', fittedText.bytes],
	['  evidence kept / QR version', `${fittedText.evidenceKept}/20 / ${qrVersion(fittedText.link)}`],
	['QR-form link fitted to one QR (URL bytes)', fitted.bytes],
	['  evidence kept / QR version', `${fitted.evidenceKept}/20 / ${qrVersion(fitted.link)}`],
	['result code, 20 answers (characters)', code.length],
	['result code, 20 answers (bytes)', codeBytes],
	['  QR version at M', qrVersion(code)],
	['QR decode, fitted QR-form link', `${linkRate.ok}/${linkRate.total}`],
	['QR decode, fitted text link', `${textRate.ok}/${textRate.total}`],
	['QR decode, result code', `${codeRate.ok}/${codeRate.total}`],
	['encodeQuizLink median (ms)', median(() => encodeQuizLink(quiz, ORIGIN)).toFixed(3)],
	['decodeQuizLink median (ms)', median(() => decodeQuizLink(fullLink)).toFixed(3)],
	['fitQuizLink median (ms)', median(() => fitQuizLink(quiz, ORIGIN), 50).toFixed(3)],
	[
		'encodeResult median (ms)',
		median(() =>
			encodeResult(
				{
					quizHash: hash,
					name: 'A',
					answers: students[0]!.answers,
					secondsTaken: students[0]!.secondsTaken
				},
				quiz
			)
		).toFixed(3)
	],
	['decodeResult median (ms)', median(() => decodeResult(code, quiz)).toFixed(3)],
	['aggregate 30 students median (ms)', median(() => aggregateResults(quiz, students)).toFixed(3)]
] as const;

const width = Math.max(...rows.map(([label]) => label.length));
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
console.log(
	JSON.stringify({
		bench: 'classroom',
		linkBytesFull: linkByteLength(fullLink),
		linkBytesNoEvidence: linkByteLength(bareLink),
		qrLinkBytesNoEvidence: linkByteLength(bareQrLink),
		qrVersionNoEvidence: { text: qrVersion(bareLink), qr: qrVersion(bareQrLink) },
		payloadCompressedBytes: compressedBytes,
		fitted: {
			qr: { bytes: fitted.bytes, evidenceKept: fitted.evidenceKept },
			text: { bytes: fittedText.bytes, evidenceKept: fittedText.evidenceKept }
		},
		resultCodeChars: code.length,
		resultCodeBytes: codeBytes,
		qrDecodeLink: linkRate.ok / linkRate.total,
		qrDecodeTextLink: textRate.ok / textRate.total,
		qrDecodeResult: codeRate.ok / codeRate.total,
		encodeLinkMs: Number(median(() => encodeQuizLink(quiz, ORIGIN)).toFixed(3)),
		decodeLinkMs: Number(median(() => decodeQuizLink(fullLink)).toFixed(3)),
		encodeResultMs: Number(
			median(() =>
				encodeResult(
					{ quizHash: hash, name: 'A', answers: students[0]!.answers, secondsTaken: [] },
					quiz
				)
			).toFixed(3)
		),
		decodeResultMs: Number(median(() => decodeResult(code, quiz)).toFixed(3))
	})
);
