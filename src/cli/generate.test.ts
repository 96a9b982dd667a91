import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const TEXT =
	'Mayor Ana Ruiz opened the bridge in Dunmore on Friday. "It joins the city," Ms Ruiz said. The builder spent $40m and hired 300 workers. France and Spain sent delegations.';

function cli(args: string[], input?: string) {
	return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/generate.ts', ...args], {
		input,
		encoding: 'utf8'
	});
}

// Each test starts the command in a process of its own: on a busy two-core machine that alone can
// take more than the default five seconds.
describe('generate command', { timeout: 60_000 }, () => {
	it('--jsonl answers every line in order, errors included, and prints nothing else', () => {
		const lines = [
			JSON.stringify({ id: 'a', text: TEXT }),
			JSON.stringify({ id: 'b', text: '' }),
			'{not json',
			JSON.stringify({ id: 'd', text: TEXT, title: 'Bridge' })
		];
		const r = cli(['--jsonl'], lines.join('\n') + '\n');
		expect(r.status).toBe(0);
		const out = r.stdout
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as Record<string, unknown>);
		expect(out.map((o) => o.id)).toEqual(['a', 'b', 'line-3', 'd']);
		expect(Array.isArray(out[0]?.questions)).toBe(true);
		expect(out[1]?.error).toMatch(/empty/);
		expect(out[2]?.error).toMatch(/not JSON/);
	});

	it('prints a Markdown quiz with an answer key, and JSON on request', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gen-'));
		const file = join(dir, 'a.txt');
		writeFileSync(file, TEXT);
		const md = cli([file]);
		expect(md.status).toBe(0);
		expect(md.stdout).toContain('## Answer key');
		const js = cli([file, '--format', 'json']);
		expect(JSON.parse(js.stdout).questions.length).toBeGreaterThan(0);
	});

	it('refuses binary and empty files with a message and a non-zero exit', () => {
		const dir = mkdtempSync(join(tmpdir(), 'gen-'));
		const bin = join(dir, 'b.bin');
		writeFileSync(bin, Buffer.from([0, 1, 2, 3, 0, 255, 0]));
		const r = cli([bin]);
		expect(r.status).not.toBe(0);
		expect(r.stderr).toMatch(/binary/);
		const empty = join(dir, 'e.txt');
		writeFileSync(empty, '  \n');
		const e = cli([empty]);
		expect(e.status).toBe(1);
		expect(e.stderr).toMatch(/empty/);
	});
});
