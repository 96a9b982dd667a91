/**
 * The Settings screen's storage: scheduling settings, backup and restore, cards as CSV, and the
 * browser's storage. Backup and CSV code load only when used.
 */
import type { DeckWriteReport } from '$lib/db/articles';
import type { BackupSummary, ExportedBackupBlob, ImportMode } from '$lib/db/backup';
import { bound, withAppDatabase } from './app-database.svelte';

export type { BackupSummary, DeckWriteReport, ImportMode };
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

/** Everything as a backup file, written a line at a time into a Blob. */
export async function exportBackup(now: Date): Promise<ExportedBackupBlob> {
	const { exportBackupBlob } = await backup();
	return withAppDatabase((db) => exportBackupBlob(db, now));
}

/**
 * Checks a whole backup file without writing anything (read a batch at a time); throws with the
 * reason when it is bad.
 */
export async function checkBackup(file: File): Promise<BackupSummary> {
	const { checkBackup } = await backup();
	return checkBackup(file);
}

/**
 * Restores a backup that {@link checkBackup} passed: the file is read again as it is written, and
 * refused (nothing changed) if it is no longer the file that was checked.
 */
export const restoreBackup = bound(async () => (await backup()).importBackup);
export const exportCardsCsv = bound(async () => (await csv()).exportCardsCsv);
export const importCsvDeck = bound(async () => (await csv()).importCsvDeck);
