/**
 * Small byte-level helpers shared by the share link and the result code: base64url and Crockford
 * base32 text forms, a stable 64-bit digest and a 16-bit checksum. All pure and synchronous, so
 * they run the same in the browser, in a worker and in Node tests.
 */

const B64URL = /^[A-Za-z0-9_-]*$/;

/** Bytes to base64url without padding (RFC 4648 section 5). */
export function toBase64Url(bytes: Uint8Array): string {
	let binary = '';
	const step = 0x4000;
	for (let i = 0; i < bytes.length; i += step) {
		binary += String.fromCharCode(...bytes.subarray(i, i + step));
	}
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * base64url (padding optional) to bytes. Returns null for a character outside the alphabet or for
 * a length that no encoder produces (one character past a multiple of four).
 */
export function fromBase64Url(text: string): Uint8Array | null {
	const trimmed = text.replace(/=+$/, '');
	if (!B64URL.test(trimmed) || trimmed.length % 4 === 1) return null;
	const binary = atob(trimmed.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = new Uint8Array(binary.length);
	for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
	return bytes;
}

/** Crockford's base32 alphabet: digits and capitals without I, L, O and U. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CROCKFORD_VALUE = new Map<string, number>();
for (let i = 0; i < CROCKFORD.length; i++) CROCKFORD_VALUE.set(CROCKFORD.charAt(i), i);
// Read the look-alikes as the digits they resemble, as Crockford's scheme asks.
CROCKFORD_VALUE.set('O', 0);
CROCKFORD_VALUE.set('I', 1);
CROCKFORD_VALUE.set('L', 1);

/** Bytes to Crockford base32, most significant bit first, no padding. */
export function toBase32(bytes: Uint8Array): string {
	let out = '';
	let buffer = 0;
	let bits = 0;
	for (const byte of bytes) {
		buffer = (buffer << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			bits -= 5;
			out += CROCKFORD.charAt((buffer >>> bits) & 31);
		}
		buffer &= (1 << bits) - 1;
	}
	if (bits > 0) out += CROCKFORD.charAt((buffer << (5 - bits)) & 31);
	return out;
}

/**
 * Crockford base32 to bytes. Case-insensitive; hyphens and spaces are ignored; O, I and L read as
 * 0, 1 and 1. Returns null for any other character. Trailing bits that do not fill a byte are
 * dropped, as the encoder pads with zeros.
 */
export function fromBase32(text: string): Uint8Array | null {
	const clean = text.toUpperCase().replace(/[\s-]/g, '');
	const out = new Uint8Array(Math.floor((clean.length * 5) / 8));
	let buffer = 0;
	let bits = 0;
	let index = 0;
	for (const char of clean) {
		const value = CROCKFORD_VALUE.get(char);
		if (value === undefined) return null;
		buffer = (buffer << 5) | value;
		bits += 5;
		if (bits >= 8) {
			bits -= 8;
			out[index++] = (buffer >>> bits) & 0xff;
		}
		buffer &= (1 << bits) - 1;
	}
	return out;
}

const FNV64_OFFSET = 0xcbf29ce484222325n;
const FNV64_PRIME = 0x100000001b3n;
const MASK64 = 0xffffffffffffffffn;

/**
 * FNV-1a, 64-bit, as 8 bytes. Synchronous and pure, so decoding stays synchronous. It is a
 * fingerprint that tells quizzes apart, not a cryptographic digest: a result code is never proof
 * of anything, since grading happens on the student's device anyway.
 */
export function fnv1a64(bytes: Uint8Array): Uint8Array {
	let hash = FNV64_OFFSET;
	for (const byte of bytes) {
		hash ^= BigInt(byte);
		hash = (hash * FNV64_PRIME) & MASK64;
	}
	const out = new Uint8Array(8);
	for (let i = 7; i >= 0; i--) {
		out[i] = Number(hash & 0xffn);
		hash >>= 8n;
	}
	return out;
}

/**
 * CRC-16/CCITT-FALSE (polynomial 0x1021, initial 0xFFFF). Catches every error burst of up to 16
 * bits, so every single mistyped base32 character (5 bits) and every swap of two neighbours.
 */
export function crc16(bytes: Uint8Array): number {
	let crc = 0xffff;
	for (const byte of bytes) {
		crc ^= byte << 8;
		for (let bit = 0; bit < 8; bit++) {
			crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
		}
	}
	return crc;
}

export function toHex(bytes: Uint8Array): string {
	return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array | null {
	if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) return null;
	const out = new Uint8Array(hex.length / 2);
	for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
	return out;
}
