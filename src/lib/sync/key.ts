/**
 * Sync space keys: 128 random bits, written as a 28-character code the learner can type
 * (26 symbols of base 32, the first carrying 3 bits, plus 2 check symbols, in groups of four), and the two names the server
 * sees. The server never receives the key itself: the device sends a token derived from it, and
 * the document name is derived from the token, so a name reveals nothing that opens the space.
 *
 * Pure apart from `crypto` (Web Crypto, present in browsers and in Node 20).
 */

/** Bytes in a sync key (128 bits). */
export const KEY_BYTES = 16;

/** Crockford's base 32: no I, L, O or U, so a typed code is hard to misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const DATA_SYMBOLS = 26;
const CHECK_SYMBOLS = 2;
export const CODE_SYMBOLS = DATA_SYMBOLS + CHECK_SYMBOLS;

/** Prefix of every sync document name; the server hands these to the sync-space check. */
export const SYNC_DOCUMENT_PREFIX = 'sync.';

export class SyncCodeError extends Error {
	override name = 'SyncCodeError';
}

/** A new random key. `random` fills the bytes (the browser's secure generator by default). */
export function newSyncKey(
	random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)
): Uint8Array {
	return random(new Uint8Array(new ArrayBuffer(KEY_BYTES)));
}

function toSymbols(key: Uint8Array): number[] {
	let bits = 0n;
	for (const byte of key) bits = (bits << 8n) | BigInt(byte);
	const out: number[] = [];
	for (let i = DATA_SYMBOLS - 1; i >= 0; i--) out.push(Number((bits >> BigInt(i * 5)) & 31n));
	return out;
}

/** Two check symbols over the data symbols, position-weighted so swaps and slips show. */
function checkSymbols(symbols: readonly number[]): [number, number] {
	let a = 7;
	let b = 11;
	symbols.forEach((s, i) => {
		a = (a * 31 + s + 1) % 1021;
		b = (b + (i + 1) * (s + 3)) % 1021;
	});
	return [(a ^ (b >> 5)) & 31, (b ^ (a >> 5)) & 31];
}

/** The code to show and type: `ABCD-EFGH-…` (7 groups of 4). */
export function formatSyncCode(key: Uint8Array): string {
	if (key.length !== KEY_BYTES) throw new SyncCodeError('A sync key has 16 bytes.');
	const symbols = toSymbols(key);
	const all = [...symbols, ...checkSymbols(symbols)].map((s) => ALPHABET[s]).join('');
	return all.match(/.{4}/g)!.join('-');
}

/**
 * Reads a typed or scanned code back into the key. Tolerant of case, spaces, dashes and the
 * letters people mistake for digits (I, L → 1; O → 0); throws SyncCodeError with a message for
 * the learner when the code is incomplete or mistyped.
 */
export function parseSyncCode(text: string): Uint8Array {
	const clean = text
		.toUpperCase()
		.replace(/[\s\-_.]/g, '')
		.replace(/[IL]/g, '1')
		.replace(/O/g, '0');
	if (clean.length === 0)
		throw new SyncCodeError('Type or scan the code shown on your other device.');
	const bad = [...clean].find((c) => !ALPHABET.includes(c));
	if (bad !== undefined) {
		throw new SyncCodeError(`"${bad}" is not part of a sync code: check that character.`);
	}
	if (clean.length !== CODE_SYMBOLS) {
		throw new SyncCodeError(
			`A sync code has ${CODE_SYMBOLS} letters and digits; this one has ${clean.length}.`
		);
	}
	const symbols = [...clean].map((c) => ALPHABET.indexOf(c));
	const data = symbols.slice(0, DATA_SYMBOLS);
	const [c1, c2] = checkSymbols(data);
	if (symbols[DATA_SYMBOLS] !== c1 || symbols[DATA_SYMBOLS + 1] !== c2) {
		throw new SyncCodeError('This code has a typing mistake: compare it with the other device.');
	}
	if (data[0]! > 7) throw new SyncCodeError('This is not a sync code.');
	let bits = 0n;
	for (const s of data) bits = (bits << 5n) | BigInt(s);
	const key = new Uint8Array(KEY_BYTES);
	for (let i = KEY_BYTES - 1; i >= 0; i--) {
		key[i] = Number(bits & 255n);
		bits >>= 8n;
	}
	return key;
}

function hex(bytes: ArrayBuffer): string {
	return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

async function sha256Hex(text: string): Promise<string> {
	return hex(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

/** What a device presents to the server for a space: the token, and the document it opens. */
export interface SpaceNames {
	token: string;
	documentName: string;
}

/**
 * The token is SHA-256 of the key; the document name is `sync.` and the first 128 bits of
 * SHA-256 of the token. server/sync-space.ts checks the same relation with Node's crypto.
 */
export async function spaceNames(key: Uint8Array): Promise<SpaceNames> {
	const keyHex = [...key].map((b) => b.toString(16).padStart(2, '0')).join('');
	const token = await sha256Hex(`factdeck-sync-token:${keyHex}`);
	return { token, documentName: await documentNameFor(token) };
}

/** The document name a token opens. */
export async function documentNameFor(token: string): Promise<string> {
	return SYNC_DOCUMENT_PREFIX + (await sha256Hex(`factdeck-sync-doc:${token}`)).slice(0, 32);
}
