/**
 * Reading QR codes: from pixels (jsQR), from a photo, or live from a camera (the browser's
 * BarcodeDetector where it exists, jsQR on canvas frames elsewhere). Thin glue, and the only file of
 * the classroom module that touches the DOM. Whatever it reads is untrusted text: pass it to
 * `decodeQuizLink` or `decodeResult`, never to the page as HTML.
 */
import jsQR from 'jsqr';

export interface PixelData {
	data: Uint8ClampedArray;
	width: number;
	height: number;
}

/** The text of the first QR code found in RGBA pixels, or null. Light-on-dark codes are read too. */
export function decodeQrFromImageData(image: PixelData): string | null {
	const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
	return found ? found.data : null;
}

/** Largest side, in pixels, of a frame handed to jsQR: enough for a version-40 code at 3 px. */
const MAX_SIDE = 720;

function grabPixels(
	source: CanvasImageSource,
	width: number,
	height: number,
	canvas: HTMLCanvasElement
): PixelData | null {
	if (width === 0 || height === 0) return null;
	const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
	canvas.width = Math.round(width * scale);
	canvas.height = Math.round(height * scale);
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) return null;
	context.drawImage(source, 0, 0, canvas.width, canvas.height);
	return context.getImageData(0, 0, canvas.width, canvas.height);
}

/** Reads a QR code from a photo or screenshot the user chose. */
export async function decodeQrFromBlob(blob: Blob): Promise<string | null> {
	const bitmap = await createImageBitmap(blob);
	try {
		const pixels = grabPixels(
			bitmap,
			bitmap.width,
			bitmap.height,
			document.createElement('canvas')
		);
		return pixels ? decodeQrFromImageData(pixels) : null;
	} finally {
		bitmap.close();
	}
}

/** The part of the BarcodeDetector API used here (not yet in TypeScript's DOM types). */
interface Detector {
	detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
type DetectorConstructor = new (options: { formats: string[] }) => Detector;

function nativeDetector(): Detector | null {
	const Native = (globalThis as { BarcodeDetector?: DetectorConstructor }).BarcodeDetector;
	if (!Native) return null;
	try {
		return new Native({ formats: ['qr_code'] });
	} catch {
		return null;
	}
}

export interface CameraScanner {
	stop(): void;
}

/**
 * Scans frames of a playing `<video>` about every `intervalMs` and calls `onCode` with each new
 * text found. The same text is not reported again until another has been seen or `repeatAfterMs`
 * has passed, so holding a code in view counts once.
 */
export function createCameraScanner(
	video: HTMLVideoElement,
	onCode: (text: string) => void,
	{ intervalMs = 200, repeatAfterMs = 3000 }: { intervalMs?: number; repeatAfterMs?: number } = {}
): CameraScanner {
	let detector = nativeDetector();
	const canvas = document.createElement('canvas');
	let stopped = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let last = '';
	let lastAt = 0;

	const report = (text: string | null) => {
		if (text === null || text === '') return;
		const now = Date.now();
		if (text === last && now - lastAt < repeatAfterMs) return;
		last = text;
		lastAt = now;
		onCode(text);
	};

	const scanOnce = async (): Promise<string | null> => {
		if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return null;
		if (detector) {
			try {
				const codes = await detector.detect(video);
				return codes[0]?.rawValue ?? null;
			} catch {
				detector = null; // fall back to jsQR from now on
			}
		}
		const pixels = grabPixels(video, video.videoWidth, video.videoHeight, canvas);
		return pixels
			? (jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' })
					?.data ?? null)
			: null;
	};

	const tick = async () => {
		if (stopped) return;
		report(await scanOnce());
		if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
	};
	void tick();

	return {
		stop() {
			stopped = true;
			clearTimeout(timer);
		}
	};
}

/**
 * Starts the rear camera into `video` and returns a function that turns it off. Rejects when the
 * user refuses or there is no camera: show a paste box instead.
 */
export async function openCamera(video: HTMLVideoElement): Promise<() => void> {
	const stream = await navigator.mediaDevices.getUserMedia({
		video: { facingMode: 'environment' },
		audio: false
	});
	video.srcObject = stream;
	video.muted = true;
	video.playsInline = true;
	await video.play();
	return () => {
		for (const track of stream.getTracks()) track.stop();
		video.srcObject = null;
	};
}
