/** Byte helpers shared by the backup reader and the classroom link codec. */

/** The pieces, end to end, in one new array of `length` bytes (the sum of their lengths). */
export function joinBytes(pieces: readonly Uint8Array[], length: number): Uint8Array<ArrayBuffer> {
	const out = new Uint8Array(length);
	let at = 0;
	for (const piece of pieces) {
		out.set(piece, at);
		at += piece.length;
	}
	return out;
}
