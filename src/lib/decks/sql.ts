/**
 * SQLite in WebAssembly (sql.js), loaded the first time a learner imports or exports an Anki
 * package and kept for the rest of the visit. Its .wasm file is a build asset, so the service
 * worker precaches it with the rest of the app and it works offline.
 */
import type { SqlJsStatic } from 'sql.js';

let ready: Promise<SqlJsStatic> | undefined;

export function loadSql(): Promise<SqlJsStatic> {
	ready ??= Promise.all([import('sql.js'), import('sql.js/dist/sql-wasm.wasm?url')]).then(
		([mod, wasm]) => mod.default({ locateFile: () => wasm.default })
	);
	ready.catch(() => (ready = undefined));
	return ready;
}
