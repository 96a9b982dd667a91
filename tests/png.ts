/**
 * Reads an 8-bit RGB or RGBA, non-interlaced PNG (what Chromium's screenshots are) into RGBA
 * pixels, for jsQR. Enough for the tests; refuses anything else.
 */
import { inflateSync } from 'node:zlib';

export function readPng(file: Buffer): { width: number; height: number; data: Uint8ClampedArray } {
	if (file.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG');
	let offset = 8;
	let width = 0;
	let height = 0;
	let channels = 0;
	const idat: Buffer[] = [];
	while (offset < file.length) {
		const length = file.readUInt32BE(offset);
		const type = file.toString('latin1', offset + 4, offset + 8);
		const body = file.subarray(offset + 8, offset + 8 + length);
		if (type === 'IHDR') {
			width = body.readUInt32BE(0);
			height = body.readUInt32BE(4);
			const [depth, colour, , , interlace] = [body[8], body[9], body[10], body[11], body[12]];
			channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
			if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error('unsupported PNG');
		} else if (type === 'IDAT') idat.push(body);
		offset += 12 + length;
	}
	const raw = inflateSync(Buffer.concat(idat));
	const stride = width * channels;
	const pixels = Buffer.alloc(stride * height);
	for (let y = 0; y < height; y++) {
		const filter = raw[y * (stride + 1)];
		for (let x = 0; x < stride; x++) {
			const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
			const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
			const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
			const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
			let value = byte;
			if (filter === 1) value += a;
			else if (filter === 2) value += b;
			else if (filter === 3) value += (a + b) >> 1;
			else if (filter === 4) {
				const p = a + b - c;
				const pa = Math.abs(p - a);
				const pb = Math.abs(p - b);
				const pc = Math.abs(p - c);
				value += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
			}
			pixels[y * stride + x] = value & 0xff;
		}
	}
	const data = new Uint8ClampedArray(width * height * 4);
	for (let i = 0; i < width * height; i++) {
		for (let k = 0; k < 3; k++) data[i * 4 + k] = pixels[i * channels + k] ?? 0;
		data[i * 4 + 3] = channels === 4 ? (pixels[i * channels + 3] ?? 255) : 255;
	}
	return { width, height, data };
}
