// `npm run lighthouse [-- /path ...]`: Lighthouse mobile audit of the built app (run `npm run build`
// first). Serves build/ on a free port, audits each path and prints the four category scores.
// Uses CHROME_PATH, else /usr/bin/chromium, else the Chromium the launcher finds.
import { existsSync } from 'node:fs';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serve } from './serve.mjs';
import { CHROMIUM_ARGS, executablePath } from './chromium.mjs';

if (!existsSync('build/index.html')) {
	console.error('No build found: run `npm run build` first.');
	process.exit(1);
}
const chromePath = process.env.CHROME_PATH || executablePath;
const paths = process.argv.slice(2).filter((a) => a.startsWith('/'));
const targets = paths.length > 0 ? paths : ['/'];

const server = await serve({ dir: 'build', port: 0 });
const chrome = await chromeLauncher.launch({
	chromePath,
	chromeFlags: CHROMIUM_ARGS
});
const rows = [];
let ok = true;
try {
	for (const path of targets) {
		const result = await lighthouse(server.url + path, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			formFactor: 'mobile',
			onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo']
		});
		const categories = result?.lhr.categories ?? {};
		const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
		const row = {
			path,
			performance: score('performance'),
			accessibility: score('accessibility'),
			bestPractices: score('best-practices'),
			seo: score('seo')
		};
		rows.push(row);
		if (row.performance < 95 || row.accessibility < 100 || row.bestPractices < 95) ok = false;
		for (const audit of Object.values(result?.lhr.audits ?? {})) {
			if (audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode === 'binary') {
				console.log(`  ${path}: ${audit.id}: ${audit.title}`);
			}
		}
	}
} finally {
	await chrome.kill();
	await server.close();
}
console.table(rows);
console.log(
	ok ? 'All pages meet the budget.' : 'Budget missed (performance>=95, a11y 100, bp>=95).'
);
process.exit(ok ? 0 : 1);
