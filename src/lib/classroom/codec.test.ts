import { describe, expect, it } from 'vitest';
import {
	crc16,
	fnv1a64,
	fromBase32,
	fromBase64Url,
	fromHex,
	toBase32,
	toBase64Url,
	toHex
} from './codec';

const bytes = (n: number, seed = 7) =>
	Uint8Array.from({ length: n }, (_, i) => (i * 37 + seed * 11 + (i >> 3)) & 0xff);

describe('codec', () => {
	it('round-trips base64url and base32 at every length', () => {
		for (let n = 0; n < 40; n++) {
			const data = bytes(n);
			expect(fromBase64Url(toBase64Url(data))).toEqual(data);
			expect(fromBase32(toBase32(data))).toEqual(data);
		}
	});

	it('refuses characters outside base64url and impossible lengths', () => {
		expect(fromBase64Url('ab+c')).toBeNull();
		expect(fromBase64Url('ab<c')).toBeNull();
		expect(fromBase64Url('abcde')).toBeNull();
		expect(fromBase64Url('abcd')).toEqual(new Uint8Array([105, 183, 29]));
	});

	it('reads base32 forgivingly: case, hyphens, spaces and look-alikes', () => {
		const data = bytes(12);
		const code = toBase32(data);
		expect(fromBase32(code.toLowerCase())).toEqual(data);
		expect(fromBase32(code.replace(/(.{4})/g, '$1- '))).toEqual(data);
		expect(fromBase32('0O1IL')).toEqual(fromBase32('00111'));
		expect(fromBase32('ABCU')).toBeNull();
	});

	it('hashes stably and tells inputs apart', () => {
		expect(toHex(fnv1a64(new Uint8Array()))).toBe('cbf29ce484222325');
		expect(toHex(fnv1a64(new TextEncoder().encode('a')))).toBe('af63dc4c8601ec8c');
		expect(toHex(fnv1a64(bytes(10)))).not.toBe(toHex(fnv1a64(bytes(10, 8))));
	});

	it('computes CRC-16/CCITT-FALSE and catches every single-byte change', () => {
		expect(crc16(new TextEncoder().encode('123456789'))).toBe(0x29b1);
		const data = bytes(20);
		const crc = crc16(data);
		for (let i = 0; i < data.length; i++) {
			const changed = data.slice();
			changed[i] = (changed[i]! ^ 0x10) & 0xff;
			expect(crc16(changed)).not.toBe(crc);
		}
	});

	it('round-trips hex and refuses odd input', () => {
		expect(fromHex(toHex(bytes(9)))).toEqual(bytes(9));
		expect(fromHex('abc')).toBeNull();
		expect(fromHex('zz')).toBeNull();
	});
});
