import { describe, expect, it } from 'vitest';
import { NAV_ITEMS, isActive } from './nav-items';

describe('navigation', () => {
	it('lists the seven sections in order', () => {
		expect(NAV_ITEMS.map((i) => i.label)).toEqual([
			'Today',
			'Library',
			'Review',
			'Browse cards',
			'Classroom',
			'Stats',
			'Settings'
		]);
	});

	it('marks a section active on its own page and its sub-pages only', () => {
		expect(isActive('/', '/')).toBe(true);
		expect(isActive('/library', '/')).toBe(false);
		expect(isActive('/library/abc', '/library')).toBe(true);
		expect(isActive('/libraryx', '/library')).toBe(false);
		expect(isActive('/review', '/library')).toBe(false);
	});
});
