/**
 * Accessibility checks with axe-core 4.14's rules, injected into the page as the package ships
 * them (axe.min.js), so the rules are exactly that version's whatever wraps them.
 */
import { expect, type Page } from '@playwright/test';
import { createRequire } from 'node:module';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface AxeViolation {
	id: string;
	nodes: { target: unknown[] }[];
}

async function runAxe(page: Page, rules?: string[]): Promise<AxeViolation[]> {
	return page.evaluate(async (only) => {
		const axe = (
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
			}
		).axe;
		const options = only
			? { resultTypes: ['violations'], runOnly: { type: 'rule', values: only } }
			: { resultTypes: ['violations'] };
		const results = await axe.run(document, options);
		return results.violations as AxeViolation[];
	}, rules);
}

/**
 * The page's violations as "what: rule target target", empty when it passes. Colour contrast is
 * read from what is painted under each text; on a loaded machine a check can land between a
 * change of scheme and its paint, so a contrast failure is checked once more after a pause and
 * counts only if it repeats. Every other rule counts the first time.
 */
export async function axeViolations(page: Page, what: string): Promise<string[]> {
	const loaded = await page.evaluate(() => 'axe' in window);
	if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
	let violations = await runAxe(page);
	if (violations.some((v) => v.id === 'color-contrast')) {
		await page.waitForTimeout(300);
		const again = await runAxe(page, ['color-contrast']);
		violations = [...violations.filter((v) => v.id !== 'color-contrast'), ...again];
	}
	return violations.map(
		(v) => `${what}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
}

/** Fails the test with the list of violations, if there are any. */
export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
	expect(await axeViolations(page, what)).toEqual([]);
}

/** The axe-core version the checks ran with, as the page reports it. */
export async function axeVersion(page: Page): Promise<string> {
	await axeViolations(page, 'version');
	return page.evaluate(() => (window as unknown as { axe: { version: string } }).axe.version);
}
