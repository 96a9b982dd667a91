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

/** The page's violations as "what: rule target target", empty when it passes. */
export async function axeViolations(page: Page, what: string): Promise<string[]> {
	const loaded = await page.evaluate(() => 'axe' in window);
	if (!loaded) await page.addScriptTag({ path: AXE_SCRIPT });
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
			}
		).axe;
		const results = await axe.run(document, { resultTypes: ['violations'] });
		return results.violations as AxeViolation[];
	});
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
