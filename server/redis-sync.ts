/**
 * Hocuspocus's Redis extension, changed in two ways for Factdeck:
 *
 * - A change is published as the update itself, which the other instances apply at once: one
 *   hop through Redis. The extension as shipped publishes only a state vector, so the others ask
 *   back for what they lack and the change reaches their clients after three hops (state vector,
 *   reply with theirs, the update), each waiting for both event loops on a busy machine.
 *   The state vector is still published after a quiet moment (`repairDelayMs`), so an instance
 *   that missed a message (Redis pub/sub does not queue) catches up as before. A document that
 *   never rests two seconds is still repaired, a minute after its first change not yet repaired.
 * - Its store lock is not used: stores are merged in the database under its own lock (store.ts),
 *   whereas the extension's lock skips a store when another instance holds it.
 */
import { Redis, type Configuration } from '@hocuspocus/extension-redis';
import type { onChangePayload } from '@hocuspocus/server';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MESSAGE } from './guard';

/** y-protocols' sync steps: 1 "this is what I have" (a state vector), 2 "here is what you lack". */
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const REDIS_ORIGIN = '__hocuspocus__redis__origin__';

export interface RedisSyncOptions extends Partial<Configuration> {
	/** Milliseconds without changes to a document before its state vector is published. */
	repairDelayMs?: number;
	/** Milliseconds after a change at most, even when the document keeps changing. */
	repairMaxDelayMs?: number;
}

export class RedisSync extends Redis {
	readonly #repairDelayMs: number;
	readonly #repairMaxDelayMs: number;
	readonly #repairs = new Map<string, { timer: NodeJS.Timeout; since: number }>();

	constructor({ repairDelayMs, repairMaxDelayMs, ...configuration }: RedisSyncOptions) {
		super(configuration);
		this.#repairDelayMs = repairDelayMs ?? 2000;
		this.#repairMaxDelayMs = Math.max(this.#repairDelayMs, repairMaxDelayMs ?? 60_000);
	}

	override async onStoreDocument(): Promise<void> {}

	override async onChange(data: onChangePayload): Promise<void> {
		if (data.transactionOrigin === REDIS_ORIGIN) return;
		const { documentName, document } = data;
		const now = Date.now();
		const waiting = this.#repairs.get(documentName);
		clearTimeout(waiting?.timer);
		const since = waiting?.since ?? now;
		const delay = Math.min(this.#repairDelayMs, since + this.#repairMaxDelayMs - now);
		const timer = setTimeout(
			() => {
				this.#repairs.delete(documentName);
				if (document.isDestroyed) return;
				void this.#publish(documentName, SYNC_STEP_1, Y.encodeStateVector(document)).catch(
					() => {}
				);
			},
			Math.max(0, delay)
		).unref();
		this.#repairs.set(documentName, { timer, since });
		await this.#publish(documentName, SYNC_STEP_2, data.update);
	}

	override async onDestroy(): Promise<void> {
		for (const { timer } of this.#repairs.values()) clearTimeout(timer);
		this.#repairs.clear();
		await super.onDestroy();
	}

	/** A sync message on the document's channel, framed as the extension frames its own. */
	#publish(documentName: string, step: number, payload: Uint8Array): Promise<number> {
		const encoder = encoding.createEncoder();
		encoding.writeVarString(encoder, documentName);
		encoding.writeVarUint(encoder, MESSAGE.sync);
		encoding.writeVarUint(encoder, step);
		encoding.writeVarUint8Array(encoder, payload);
		const message = Buffer.concat([this.messagePrefix, encoding.toUint8Array(encoder)]);
		return this.pub.publish(`${this.configuration.prefix}:${documentName}`, message);
	}
}
