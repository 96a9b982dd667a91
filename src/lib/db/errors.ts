/**
 * Errors the UI can tell apart by `code` and show as they are: every message says what went wrong
 * in the learner's terms and, where it can, what to do.
 */
export type FactdeckErrorCode =
	| 'not-found'
	| 'conflict'
	| 'invalid-backup'
	| 'invalid-csv'
	| 'storage-full'
	| 'database-closed'
	| 'too-large';

export class FactdeckError extends Error {
	override name = 'FactdeckError';
	constructor(
		readonly code: FactdeckErrorCode,
		message: string,
		options?: { cause?: unknown }
	) {
		super(message, options);
	}
}

export class NotFoundError extends FactdeckError {
	override name = 'NotFoundError';
	constructor(what: string) {
		super('not-found', `${what} does not exist (it may have been deleted in another tab).`);
	}
}

export class ConflictError extends FactdeckError {
	override name = 'ConflictError';
	constructor(message: string) {
		super('conflict', message);
	}
}

/**
 * Something given was refused; `problems` lists each reason, shown one a line (as `describe` words
 * it) after the message.
 */
class RefusalError<P = string> extends FactdeckError {
	constructor(
		code: FactdeckErrorCode,
		message: string,
		readonly problems: P[],
		describe: (problem: P) => string = String
	) {
		super(code, problems.length ? `${message}\n${problems.map(describe).join('\n')}` : message);
	}
}

/**
 * What was given is larger than the limits ($lib/limits) allow: it was not saved, so the library
 * never holds what a backup of it could not restore.
 */
export class LimitError extends RefusalError {
	override name = 'LimitError';
	constructor(message: string, problems: string[] = []) {
		super('too-large', message, problems);
	}
}

/**
 * A card changed (in another tab or on another device) after its intervals were shown: the
 * rating was not applied, so no interval other than the one on the button is ever used. `card`
 * is the card as it is now stored.
 */
export class StaleCardError extends ConflictError {
	override name = 'StaleCardError';
	constructor(readonly card: unknown) {
		super('This card was just rated in another tab; its intervals are updated. Rate it again.');
	}
}

/** A backup file was refused. `problems` lists each reason, at most a few dozen. */
export class BackupError extends RefusalError {
	override name = 'BackupError';
	constructor(message: string, problems: string[] = []) {
		super('invalid-backup', message, problems);
	}
}

export interface CsvProblem {
	/** 1-based line of the file where the row starts. */
	line: number;
	message: string;
}

export class CsvError extends RefusalError<CsvProblem> {
	override name = 'CsvError';
	constructor(message: string, problems: CsvProblem[] = []) {
		super('invalid-csv', message, problems, (p) => `line ${p.line}: ${p.message}`);
	}
}

/** The browser refused to store more. Nothing of the change was written. */
export class StorageFullError extends FactdeckError {
	override name = 'StorageFullError';
	constructor(cause?: unknown) {
		super(
			'storage-full',
			'The device has no room left for Factdeck, so nothing was saved. Free some space or delete an article, then try again.',
			{ cause }
		);
	}
}

/** A newer version of the app upgraded the database in another tab. */
export class DatabaseClosedError extends FactdeckError {
	override name = 'DatabaseClosedError';
	constructor(cause?: unknown) {
		super('database-closed', 'Factdeck was updated in another tab. Reload this page to continue.', {
			cause
		});
	}
}
