// Makes sure the end-to-end tests have a Chromium to drive, before they start.
// Order: CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own browser; on a Debian machine
// where none is there and we are root, installs Debian's chromium package.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function playwrightBrowser() {
	try {
		const path = execFileSync(
			process.execPath,
			['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"],
			{ encoding: 'utf8' }
		);
		return path && existsSync(path) ? path : '';
	} catch {
		return '';
	}
}

const chosen =
	process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') && '/usr/bin/chromium');
if (chosen) {
	console.log(`End-to-end tests use ${chosen}`);
} else if (playwrightBrowser()) {
	console.log(`End-to-end tests use Playwright's Chromium`);
} else if (existsSync('/etc/debian_version') && process.getuid?.() === 0) {
	console.log('No Chromium found: installing Debian package chromium');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
} else {
	console.error(
		'No Chromium found. Install one (Debian: apt-get install chromium; elsewhere: npx playwright install chromium) or set CHROMIUM_PATH.'
	);
	process.exit(1);
}
