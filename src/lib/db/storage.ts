/**
 * The browser's storage: ask for it to be kept (persistent storage), and see how much is used.
 * Everything degrades to "unsupported" where the Storage API is missing (older browsers, Node).
 */
import type { FactdeckDB } from './database';
import { getFlag, setFlag } from './settings';

export type PersistResult = 'granted' | 'denied' | 'unsupported';

export const PERSIST_ASKED_FLAG = 'persistAsked';

function storageManager(): StorageManager | undefined {
	return typeof navigator !== 'undefined' && navigator.storage ? navigator.storage : undefined;
}

/** Whether the browser already promised not to evict Factdeck's data. */
export async function isPersisted(): Promise<boolean> {
	const storage = storageManager();
	return storage?.persisted ? storage.persisted() : false;
}

/** Asks the browser to keep Factdeck's data even when space runs low. */
export async function requestPersistence(): Promise<PersistResult> {
	const storage = storageManager();
	if (!storage?.persist) return 'unsupported';
	if (await isPersisted()) return 'granted';
	return (await storage.persist()) ? 'granted' : 'denied';
}

/**
 * Asks once, on the learner's first real use (their first rating or article), rather than on page
 * load, where browsers tend to refuse or prompt without context. Later calls do nothing.
 * @returns the answer, or null when it was asked before.
 */
export async function persistOnFirstUse(db: FactdeckDB): Promise<PersistResult | null> {
	if (await getFlag<boolean>(db, PERSIST_ASKED_FLAG)) return null;
	const result = await requestPersistence();
	await setFlag(db, PERSIST_ASKED_FLAG, true);
	return result;
}

export interface StorageUse {
	/** Bytes used by this site. */
	usage: number;
	/** Bytes the browser would let it use. */
	quota: number;
	/** usage / quota, 0 to 1. */
	fraction: number;
	persisted: boolean;
}

/** How much room Factdeck uses and has; null where the browser cannot tell. */
export async function storageUse(): Promise<StorageUse | null> {
	const storage = storageManager();
	if (!storage?.estimate) return null;
	const { usage = 0, quota = 0 } = await storage.estimate();
	return { usage, quota, fraction: quota > 0 ? usage / quota : 0, persisted: await isPersisted() };
}

/** "1.2 MB" for the settings page. */
export function formatBytes(bytes: number): string {
	const units = ['B', 'KB', 'MB', 'GB', 'TB'];
	let n = Math.max(0, bytes);
	let u = 0;
	while (n >= 1024 && u < units.length - 1) {
		n /= 1024;
		u++;
	}
	return `${u === 0 ? n : n.toFixed(n < 10 ? 1 : 0)} ${units[u]}`;
}
