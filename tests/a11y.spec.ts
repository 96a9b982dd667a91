import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SECTIONS } from './helpers';

const VIEWPORTS = [
	{ name: 'phone', width: 360, height: 740 },
	{ name: 'desktop', width: 1280, height: 800 }
] as const;

for (const scheme of ['light', 'dark'] as const) {
	for (const viewport of VIEWPORTS) {
		test(`no accessibility violations in any section, ${scheme}, ${viewport.name}`, async ({
			page
		}) => {
			await page.setViewportSize({ width: viewport.width, height: viewport.height });
			await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
			for (const section of SECTIONS) {
				await page.goto(section.path);
				await expect(page.getByRole('heading', { level: 1, name: section.heading })).toBeVisible();
				const results = await new AxeBuilder({ page }).analyze();
				expect(
					results.violations.map(
						(v) => `${section.path}: ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`
					)
				).toEqual([]);
				// Nothing is wider than the screen.
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				);
				expect(overflow).toBeLessThanOrEqual(0);
			}
		});
	}
}
