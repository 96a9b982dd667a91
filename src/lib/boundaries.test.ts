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

/** A file breaking a boundary: where it stands, what it imports, and the rule's message. */
const BREAKS = [
	{
		what: 'a route that imports the database',
		path: 'src/routes/+layout.ts',
		code: "import { openAppDatabase } from '$lib/db/app';\nexport const load = () => openAppDatabase();\n",
		message: /never the database directly/
	},
	{
		what: 'a route that imports Dexie itself',
		path: 'src/routes/+layout.ts',
		code: "import Dexie from 'dexie';\nexport const name = Dexie.name;\n",
		message: /never the database directly/
	},
	{
		what: 'storage code that imports Svelte',
		path: 'src/lib/db/app.ts',
		code: "import { tick } from 'svelte';\nexport const later = () => tick();\n",
		message: /storage only/
	},
	{
		what: 'core code that imports storage',
		path: 'src/lib/srs/day.ts',
		code: "import { openDatabase } from '$lib/db/database';\nexport const open = () => openDatabase('x');\n",
		message: /stays pure/
	}
];

describe('layer boundaries', () => {
	it.each(BREAKS)(
		'fails $what',
		async ({ path, code, message }) => {
			const errors = await boundaryErrors(path, code);
			expect(errors).toHaveLength(1);
			expect(errors[0]).toMatch(message);
		},
		60_000
	);

	it('lets a route reach storage through state', async () => {
		const errors = await boundaryErrors(
			'src/routes/+layout.ts',
			"import { appDatabase } from '$lib/state/app-database.svelte';\nexport const load = () => appDatabase();\n"
		);
		expect(errors).toEqual([]);
	}, 60_000);
});
