/**
 * Structured logs: one JSON object a line on stdout (errors on stderr), with the time, a level, a
 * short message and fields. A log collector can read them as they are; a person can read them
 * with `jq`. Nothing a client sent is logged except document names, sizes and addresses.
 */
export type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface Logger {
	debug(message: string, fields?: Record<string, unknown>): void;
	info(message: string, fields?: Record<string, unknown>): void;
	warn(message: string, fields?: Record<string, unknown>): void;
	error(message: string, fields?: Record<string, unknown>): void;
}

export interface LoggerOptions {
	level?: Level;
	/** Fields on every line, e.g. the instance's name. */
	base?: Record<string, unknown>;
	/** Where lines go (default: stdout and stderr). Tests pass their own. */
	write?: (line: string, level: Level) => void;
}

function errorFields(value: unknown): unknown {
	return value instanceof Error ? { name: value.name, message: value.message } : value;
}

export function createLogger(options: LoggerOptions = {}): Logger {
	const threshold = ORDER[options.level ?? 'info'];
	const write =
		options.write ??
		((line: string, level: Level) => {
			(level === 'error' ? process.stderr : process.stdout).write(line + '\n');
		});
	const log = (level: Level, message: string, fields: Record<string, unknown> = {}) => {
		if (ORDER[level] < threshold) return;
		const entry: Record<string, unknown> = {
			time: new Date().toISOString(),
			level,
			msg: message,
			...options.base
		};
		for (const [key, value] of Object.entries(fields)) entry[key] = errorFields(value);
		write(JSON.stringify(entry), level);
	};
	return {
		debug: (m, f) => log('debug', m, f),
		info: (m, f) => log('info', m, f),
		warn: (m, f) => log('warn', m, f),
		error: (m, f) => log('error', m, f)
	};
}

/** A logger that drops everything (tests that do not look at logs). */
export const silentLogger: Logger = createLogger({ write: () => {} });
