/**
 * The document modules every server loads, besides the live classroom (always on). A module that
 * lives in this folder registers itself here; see ./access.ts for the interface.
 */
import type { DocumentModule } from './access';
import { syncSpaceModule } from './sync-space';

export const documentModules: DocumentModule[] = [syncSpaceModule()];
