import { normaliseSrsSettings, type SrsSettings } from '$lib/srs';
import type { FactdeckDB } from './database';
import { rw } from './tx';

export const SRS_SETTINGS_KEY = 'srs';

/** The learner's scheduling settings, defaults filled in. */
export async function getSrsSettings(db: FactdeckDB): Promise<SrsSettings> {
	const row = await db.settings.get(SRS_SETTINGS_KEY);
	return normaliseSrsSettings(row?.value as Partial<SrsSettings> | undefined);
}

/** Saves a change to the settings (clamped into bounds) and returns what was stored. */
export async function updateSrsSettings(
	db: FactdeckDB,
	patch: Partial<SrsSettings>
): Promise<SrsSettings> {
	return rw(db, db.settings, async () => {
		const current = await getSrsSettings(db);
		const next = normaliseSrsSettings({ ...current, ...patch });
		await db.settings.put({ key: SRS_SETTINGS_KEY, value: next });
		return next;
	});
}

/** A small flag or value kept by the app itself (not a learner setting). */
export async function getFlag<T>(db: FactdeckDB, key: string): Promise<T | undefined> {
	return (await db.settings.get(key))?.value as T | undefined;
}

export async function setFlag(db: FactdeckDB, key: string, value: unknown): Promise<void> {
	await db.settings.put({ key, value });
}
