// Draws Factdeck's app icons (two stacked cards on a blue tile) and writes them as PNG files.
// Run with `node scripts/make-icons.mjs`; the output is committed under static/icons.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';

const BLUE = [31, 79, 143];
const WHITE = [255, 255, 255];

/** Signed test: is (x, y) inside a rounded rectangle given in unit coordinates? */
function inRoundRect(x, y, [left, top, right, bottom], radius) {
	if (x < left || x > right || y < top || y > bottom) return false;
	const cx = Math.min(Math.max(x, left + radius), right - radius);
	const cy = Math.min(Math.max(y, top + radius), bottom - radius);
	return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** Layers in unit coordinates (0..1); `safe` shrinks the artwork into the maskable safe zone. */
function layers(maskable) {
	const s = maskable ? 0.72 : 1;
	const o = (1 - s) / 2;
	const box = ([a, b, c, d]) => [o + a * s, o + b * s, o + c * s, o + d * s];
	return [
		{
			rect: maskable ? [0, 0, 1, 1] : [0, 0, 1, 1],
			radius: maskable ? 0 : 0.2,
			color: BLUE,
			alpha: 1
		},
		{ rect: box([0.16, 0.26, 0.7, 0.86]), radius: 0.07 * s, color: WHITE, alpha: 0.45 },
		{ rect: box([0.3, 0.14, 0.84, 0.74]), radius: 0.07 * s, color: WHITE, alpha: 1 },
		{ rect: box([0.4, 0.3, 0.74, 0.36]), radius: 0.03 * s, color: BLUE, alpha: 1 },
		{ rect: box([0.4, 0.42, 0.74, 0.48]), radius: 0.03 * s, color: BLUE, alpha: 1 },
		{ rect: box([0.4, 0.54, 0.62, 0.6]), radius: 0.03 * s, color: BLUE, alpha: 1 }
	];
}

function render(size, maskable) {
	const parts = layers(maskable);
	const rgba = Buffer.alloc(size * size * 4);
	const n = 4; // 4x4 supersampling for smooth edges
	for (let py = 0; py < size; py++) {
		for (let px = 0; px < size; px++) {
			let r = 0,
				g = 0,
				b = 0,
				a = 0;
			for (let sy = 0; sy < n; sy++) {
				for (let sx = 0; sx < n; sx++) {
					const x = (px + (sx + 0.5) / n) / size;
					const y = (py + (sy + 0.5) / n) / size;
					let cr = 0,
						cg = 0,
						cb = 0,
						ca = 0;
					for (const part of parts) {
						if (!inRoundRect(x, y, part.rect, part.radius)) continue;
						const t = part.alpha;
						cr = part.color[0] * t + cr * (1 - t);
						cg = part.color[1] * t + cg * (1 - t);
						cb = part.color[2] * t + cb * (1 - t);
						ca = t + ca * (1 - t);
					}
					r += cr;
					g += cg;
					b += cb;
					a += ca;
				}
			}
			const k = n * n;
			const i = (py * size + px) * 4;
			const alpha = a / k;
			// Colours were accumulated premultiplied; store them straight.
			rgba[i] = alpha ? Math.round(r / k / alpha) : 0;
			rgba[i + 1] = alpha ? Math.round(g / k / alpha) : 0;
			rgba[i + 2] = alpha ? Math.round(b / k / alpha) : 0;
			rgba[i + 3] = Math.round(alpha * 255);
		}
	}
	return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header[8] = 8; // bit depth
	header[9] = 6; // RGBA
	const raw = Buffer.alloc((size * 4 + 1) * size);
	for (let y = 0; y < size; y++) {
		raw[y * (size * 4 + 1)] = 0; // no filter
		rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
	}
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(raw, { level: 9 })),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const out = new URL('../static/icons/', import.meta.url);
mkdirSync(out, { recursive: true });
const targets = [
	['icon-192.png', 192, false],
	['icon-512.png', 512, false],
	['maskable-512.png', 512, true],
	['apple-touch-icon.png', 180, true]
];
for (const [name, size, maskable] of targets) {
	writeFileSync(new URL(name, out), png(size, render(size, maskable)));
	console.log(`wrote static/icons/${name}`);
}
