/**
 * The bytes of a backup file as lines, each with its SHA-256 digest, and the running checksum over
 * them: how a backup of any size is written and read without holding the whole file in memory.
 *
 * A file is read in slices and split at line ends; a line is held only while it is read. The
 * checksum of a file is the SHA-256 of the digests of its lines, in order, so it is computed line
 * by line with the browser's own SHA-256 and changes with any byte of any line.
 */
import { megabytes } from '$lib/limits';
import { joinBytes } from '$lib/bytes';
import { BackupError } from './errors';

/** What a backup file is read from. */
export type BackupInput = string | Blob | ArrayBuffer | Uint8Array;

const SLICE_BYTES = 4 * 1024 * 1024;
const NEWLINE = 0x0a;

export function asBlob(input: BackupInput): Blob {
	if (input instanceof Blob) return input;
	// A copy into a fresh buffer, so the Blob never shares memory that may be changed.
	return new Blob([typeof input === 'string' ? input : new Uint8Array(input)]);
}

export function hex(bytes: ArrayBuffer): string {
	return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> {
	return crypto.subtle.digest('SHA-256', bytes);
}

/** The checksum of lines from their digests: "sha256-" and the digest of the digests. */
export async function checksumOf(digests: readonly ArrayBuffer[]): Promise<string> {
	const all = new Uint8Array(digests.length * 32);
	digests.forEach((d, i) => all.set(new Uint8Array(d), i * 32));
	return `sha256-${hex(await sha256(all))}`;
}

export interface Line {
	/** 1-based. */
	number: number;
	text: string;
	digest: ArrayBuffer;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * The lines of a file (without their line ends), read a slice at a time. A line longer than
 * `maxLineBytes` is refused before it is all read; bytes that are not UTF-8 are refused.
 */
export async function* lines(blob: Blob, maxLineBytes: number): AsyncGenerator<Line> {
	let pieces: Uint8Array[] = [];
	let pending = 0;
	let number = 0;
	const tooLong = () =>
		new BackupError(
			`Line ${number + 1} of the file is longer than ${megabytes(maxLineBytes)}, which no Factdeck backup holds.`
		);
	const emit = async (bytes: Uint8Array<ArrayBuffer>): Promise<Line> => {
		if (bytes.length > maxLineBytes) throw tooLong();
		number++;
		let text: string;
		try {
			text = decoder.decode(bytes);
		} catch {
			throw new BackupError(
				`Line ${number} of the file is not UTF-8 text, so it cannot be a Factdeck backup.`
			);
		}
		return { number, text, digest: await sha256(bytes) };
	};
	for (let at = 0; at < blob.size; at += SLICE_BYTES) {
		const slice = new Uint8Array(await blob.slice(at, at + SLICE_BYTES).arrayBuffer());
		let start = 0;
		for (let end = slice.indexOf(NEWLINE); end >= 0; end = slice.indexOf(NEWLINE, start)) {
			const tail = slice.subarray(start, end);
			const line = pieces.length ? joinBytes([...pieces, tail], pending + tail.length) : tail;
			pieces = [];
			pending = 0;
			start = end + 1;
			yield await emit(line);
		}
		if (start < slice.length) {
			pieces.push(slice.subarray(start));
			pending += slice.length - start;
			if (pending > maxLineBytes) throw tooLong();
		}
	}
	if (pending) yield await emit(joinBytes(pieces, pending));
}

/**
 * Collects the lines of a file being written as Blobs, which the browser keeps outside the page's
 * memory: a line's text is never joined into one string nor kept as bytes by the page.
 */
export class LineWriter {
	private readonly lines: Blob[] = [];

	/** Adds a line made of these pieces. Synchronous, so it can run inside a database transaction. */
	write(pieces: string[]): void {
		this.lines.push(new Blob(pieces));
	}

	/** The checksum of every line written so far, each read back from its Blob in turn. */
	async checksum(): Promise<string> {
		const digests: ArrayBuffer[] = [];
		for (const line of this.lines)
			digests.push(await sha256(new Uint8Array(await line.arrayBuffer())));
		return checksumOf(digests);
	}

	blob(type: string): Blob {
		return new Blob(
			this.lines.flatMap((line) => [line, '\n']),
			{ type }
		);
	}
}
