// Which Chromium the tests, benchmarks and audits drive, and how it is started: one place for all.
import { existsSync } from 'node:fs';

/**
 * Debian's Chromium where it is installed (or CHROMIUM_PATH), else undefined: Playwright's own.
 * @type {string | undefined}
 */
export const executablePath =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Headless, and quiet on a machine with no network but the package registries. */
export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
