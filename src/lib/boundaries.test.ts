/**
 * The layer boundaries of src/lib/README.md are enforced by ESLint (eslint.config.js). These
 * tests run the project's own ESLint configuration over small files written in place of real
 * ones, so a rule that stops catching what it should fails here.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

/** The boundary errors ESLint reports for `code` as if it stood at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId === 'no-restricted-imports')
		.map((m) => m.message);
}

describe('layer boundaries', () => {
	it('fails a route that imports the database', async () => {
		const errors = await boundaryErrors(
			'src/routes/+layout.ts',
			"import { openAppDatabase } from '$lib/db/app';\nexport const load = () => openAppDatabase();\n"
		);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/never the database directly/);
	}, 60_000);

	it('fails a route that imports Dexie itself', async () => {
		const errors = await boundaryErrors(
			'src/routes/+layout.ts',
			"import Dexie from 'dexie';\nexport const name = Dexie.name;\n"
		);
		expect(errors).toHaveLength(1);
	}, 60_000);

	it('lets a route reach storage through state', async () => {
		const errors = await boundaryErrors(
			'src/routes/+layout.ts',
			"import { appDatabase } from '$lib/state/app-database.svelte';\nexport const load = () => appDatabase();\n"
		);
		expect(errors).toEqual([]);
	}, 60_000);

	it('fails storage code that imports Svelte, and core code that imports storage', async () => {
		const db = await boundaryErrors(
			'src/lib/db/app.ts',
			"import { tick } from 'svelte';\nexport const later = () => tick();\n"
		);
		expect(db).toHaveLength(1);
		expect(db[0]).toMatch(/storage only/);
		const core = await boundaryErrors(
			'src/lib/srs/day.ts',
			"import { openDatabase } from '$lib/db/database';\nexport const open = () => openDatabase('x');\n"
		);
		expect(core).toHaveLength(1);
		expect(core[0]).toMatch(/stays pure/);
	}, 60_000);
});
