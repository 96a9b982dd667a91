/**
 * The document modules every server loads, besides the live classroom (always on). A module that
 * lives in this folder registers itself here; see ./access.ts for the interface.
 */
import type { DocumentModule } from './access';
import { isSyncDocument, syncSpaces } from './sync-space';

/** Sync spaces: a connection opens a space's documents only with the key (./sync-space.ts). */
const syncModule: DocumentModule = () => {
	const extension = syncSpaces();
	return {
		name: 'sync',
		owns: isSyncDocument,
		authenticate: (payload) => extension.onAuthenticate?.(payload)
	};
};

export const documentModules: DocumentModule[] = [syncModule];
