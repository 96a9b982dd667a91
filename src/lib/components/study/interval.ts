/** Spells out an interval label ("10m", "3d", "1.5mo") for screen readers. */
export function spokenInterval(label: string): string {
	const match = /^([\d.]+)(m|h|d|mo|y)$/.exec(label);
	if (!match) return label;
	const n = Number(match[1]);
	const unit = { m: 'minute', h: 'hour', d: 'day', mo: 'month', y: 'year' }[match[2]!]!;
	return `${match[1]} ${unit}${n === 1 ? '' : 's'}`;
}
