/**
 * Whether an error means the browser will not let Factdeck store anything here: no IndexedDB at
 * all, storage blocked (private browsing, site data refused) or no space left. Such a failure is
 * not fixed by trying again at once, so screens explain it rather than show the raw message.
 */

/** Error names the browser and the database library give when storage is out of reach. */
const STORAGE_ERRORS = new Set([
	'MissingAPIError',
	'SecurityError',
	'QuotaExceededError',
	'InvalidStateError',
	'UnknownError'
]);

/** True when `error`, or an error it wraps, says storage cannot be opened or written. */
export function cannotStore(error: unknown, depth = 0): boolean {
	if (depth > 4 || typeof error !== 'object' || error === null) return false;
	const { name, inner, cause, failures } = error as {
		name?: unknown;
		inner?: unknown;
		cause?: unknown;
		failures?: unknown;
	};
	if (typeof name === 'string' && STORAGE_ERRORS.has(name)) return true;
	const wrapped = [inner, cause, ...(Array.isArray(failures) ? failures : [])];
	return wrapped.some((e) => cannotStore(e, depth + 1));
}
