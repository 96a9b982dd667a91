import jsQR from 'jsqr';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import QrCode from './QrCode.svelte';

/** Draws the component's SVG path back into pixels, so jsQR can read what a camera would see. */
function pixelsFromSvg(html: string, scale = 4): { data: Uint8ClampedArray; side: number } {
	const side = Number(/viewBox="0 0 (\d+) \1"/.exec(html)?.[1]);
	const path = /<path d="([^"]*)"/.exec(html)?.[1] ?? '';
	const dark = new Set<string>();
	for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
		for (let i = 0; i < Number(w); i++) dark.add(`${Number(x) + i},${y}`);
	}
	const width = side * scale;
	const data = new Uint8ClampedArray(width * width * 4).fill(255);
	for (let y = 0; y < width; y++) {
		for (let x = 0; x < width; x++) {
			if (dark.has(`${Math.floor(x / scale)},${Math.floor(y / scale)}`)) {
				data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
			}
		}
	}
	return { data, side: width };
}

describe('QrCode', () => {
	it('draws a readable code with an accessible label', () => {
		const value = 'https://factdeck.example/classroom/join#q=AQ<script>alert(1)</script>';
		const { body } = render(QrCode, { props: { value, label: 'Quiz link' } });
		expect(body).toContain('role="img"');
		expect(body).toContain('aria-label="Quiz link"');
		expect(body).not.toContain('<script');
		const { data, side } = pixelsFromSvg(body);
		expect(jsQR(data, side, side)?.data).toBe(value);
	});

	it('says so when the text cannot fit a QR code', () => {
		const { body } = render(QrCode, { props: { value: 'x'.repeat(5000), label: 'Too long' } });
		expect(body).toContain('role="alert"');
		expect(body).not.toContain('<svg');
	});
});
