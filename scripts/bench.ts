/**
 * `npm run bench`: runs every benchmark under scripts/bench/ in turn, each in its own process so
 * one does not warm or slow another. `npm run bench -- generate` runs only the named ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

const dir = new URL('./bench/', import.meta.url);
const available = existsSync(dir)
	? readdirSync(dir)
			.filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
			.map((name) => name.replace(/\.ts$/, ''))
			.sort()
	: [];

const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('-'));
const unknown = wanted.filter((name) => !available.includes(name));
if (unknown.length > 0) {
	console.error(
		`No benchmark named ${unknown.join(', ')}. Available: ${available.join(', ') || 'none'}.`
	);
	process.exit(2);
}
const chosen = wanted.length > 0 ? wanted : available;
if (chosen.length === 0) {
	console.error('There are no benchmarks yet: scripts/bench/ is empty.');
	process.exit(1);
}

let failed = 0;
for (const name of chosen) {
	console.log(`\n=== bench: ${name} ===`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/bench/${name}.ts`], {
		stdio: 'inherit'
	});
	if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);
