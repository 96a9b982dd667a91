/**
 * Checks on what arrives over a connection, before Hocuspocus sees it: the frame's shape, how
 * often and how much a connection sends, and, for updates, that the bytes are a well-formed Yjs
 * update. A refused update never touches the document.
 */
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';

export const MESSAGE = {
	sync: 0,
	awareness: 1,
	auth: 2,
	queryAwareness: 3,
	syncReply: 4,
	stateless: 5,
	broadcastStateless: 6,
	close: 7,
	syncStatus: 8
} as const;

export interface ParsedMessage {
	documentName: string;
	type: number;
	/** For sync messages: 0 step 1 (a state vector), 1 step 2 or 2 update (both carry an update). */
	syncType?: number;
	update?: Uint8Array;
}

/** Reads a frame's header (and a sync message's update). Throws on a malformed frame. */
export function parseMessage(data: Uint8Array): ParsedMessage {
	const decoder = decoding.createDecoder(data);
	const documentName = decoding.readVarString(decoder);
	const type = decoding.readVarUint(decoder);
	if (type !== MESSAGE.sync && type !== MESSAGE.syncReply) return { documentName, type };
	const syncType = decoding.readVarUint(decoder);
	if (syncType === 1 || syncType === 2) {
		return { documentName, type, syncType, update: decoding.readVarUint8Array(decoder) };
	}
	return { documentName, type, syncType };
}

/** Whether `update` decodes as a Yjs update (v1). A decoding error means a hostile or broken one. */
export function decodeUpdateSafely(update: Uint8Array): ReturnType<typeof Y.decodeUpdate> | null {
	try {
		return Y.decodeUpdate(update);
	} catch {
		return null;
	}
}

/** A token bucket: `rate` per second, up to `burst` at once. */
export class Bucket {
	#tokens: number;
	#last: number;
	constructor(
		readonly rate: number,
		readonly burst: number,
		readonly now: () => number = Date.now
	) {
		this.#tokens = burst;
		this.#last = now();
	}

	take(amount = 1): boolean {
		const now = this.now();
		this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) / 1000) * this.rate);
		this.#last = now;
		if (this.#tokens < amount) return false;
		this.#tokens -= amount;
		return true;
	}
}

/** Counts attempts per key (a client address) in a sliding window; for guessing limits. */
export class AttemptLimiter {
	readonly #hits = new Map<string, number[]>();
	constructor(
		readonly max: number,
		readonly windowMs: number,
		readonly now: () => number = Date.now,
		readonly maxKeys = 10_000
	) {}

	/** Whether `key` may try again now. */
	allowed(key: string): boolean {
		return this.#recent(key).length < this.max;
	}

	/** Records an attempt (call it for failures, or for every try). */
	record(key: string): void {
		const hits = this.#recent(key);
		hits.push(this.now());
		this.#hits.delete(key);
		this.#hits.set(key, hits);
		if (this.#hits.size > this.maxKeys) {
			const oldest = this.#hits.keys().next().value;
			if (oldest !== undefined) this.#hits.delete(oldest);
		}
	}

	#recent(key: string): number[] {
		const since = this.now() - this.windowMs;
		return (this.#hits.get(key) ?? []).filter((t) => t > since);
	}
}
