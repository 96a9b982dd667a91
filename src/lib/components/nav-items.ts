/** The app's sections, in the order the navigation shows them. */
export interface NavItem {
	href: string;
	label: string;
	/** A shorter label for the phone tab bar, where six labels share 360 px. */
	short?: string;
	/** SVG path data for a 24x24 outline icon. */
	icon: string;
}

export const NAV_ITEMS: NavItem[] = [
	{ href: '/', label: 'Today', icon: 'M4 11l8-7 8 7v9a1 1 0 0 1-1 1h-5v-6h-4v6H5a1 1 0 0 1-1-1z' },
	{
		href: '/library',
		label: 'Library',
		icon: 'M5 4h4v16H5zM10 4h4v16h-4zM15.5 5l3.5-1 3 15-3.5 1z'
	},
	{
		href: '/review',
		label: 'Review',
		icon: 'M4 7h12v12H4zM8 3h12v12M8 13l2 2 4-4'
	},
	{
		href: '/browse',
		label: 'Browse cards',
		short: 'Cards',
		icon: 'M4 5h16M4 10h16M4 15h10M4 20h7M17 17a2.5 2.5 0 1 0 0-.01M19 19l2.5 2.5'
	},
	{
		href: '/classroom',
		label: 'Classroom',
		short: 'Class',
		icon: 'M3 5h18v11H3zM8 20h8M12 16v4M7 9h6M7 12h10'
	},
	{ href: '/stats', label: 'Stats', icon: 'M4 20V10M10 20V4M16 20v-7M21 20H3' },
	{
		href: '/settings',
		label: 'Settings',
		icon: 'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6zM12 2v3M12 19v3M4.2 4.2l2.1 2.1M17.7 17.7l2.1 2.1M2 12h3M19 12h3M4.2 19.8l2.1-2.1M17.7 6.3l2.1-2.1'
	}
];

/** Whether `pathname` belongs to the section at `href`. */
export function isActive(pathname: string, href: string): boolean {
	if (href === '/') return pathname === '/';
	return pathname === href || pathname.startsWith(href + '/');
}
