/**
 * The Settings screen's storage: scheduling settings, backup and restore, cards as CSV, and the
 * browser's storage. Backup and CSV code load only when used.
 */
import type { DeckWriteReport } from '$lib/db/articles';
import type { ExportedBackup, ImportMode, ValidBackup } from '$lib/db/backup';
import { bound, withAppDatabase } from './app-database.svelte';

export type { DeckWriteReport, ImportMode };
export {
	formatBytes,
	isPersisted,
	requestPersistence,
	storageUse,
	type StorageUse
} from '$lib/db/storage';

const settings = () => import('$lib/db/settings');
const backup = () => import('$lib/db/backup');
const csv = () => import('$lib/db/csv');

export const loadSrsSettings = bound(async () => (await settings()).getSrsSettings);
/** Saves a change (clamped into bounds) and resolves with what was stored. */
export const saveSrsSettings = bound(async () => (await settings()).updateSrsSettings);

export async function exportBackup(now: Date): Promise<ExportedBackup & { blob: Blob }> {
	const { exportBackup, backupBlob } = await backup();
	const exported = await withAppDatabase((db) => exportBackup(db, now));
	return { ...exported, blob: backupBlob(exported.json) };
}

/** Checks a whole backup file without writing anything; throws with the reason when it is bad. */
export async function checkBackup(file: File): Promise<ValidBackup> {
	const { parseBackup } = await backup();
	return parseBackup(file);
}

/** Restores a backup (validated first; on any error nothing changes). */
export const restoreBackup = bound(async () => (await backup()).importBackup);
export const exportCardsCsv = bound(async () => (await csv()).exportCardsCsv);
export const importCsvDeck = bound(async () => (await csv()).importCsvDeck);
