/** Axis helpers for the bar charts. Pure. */

/** The smallest "round" number (1, 2 or 5 times a power of ten) at or above `max`; at least 1. */
export function niceMax(max: number): number {
	if (!Number.isFinite(max) || max <= 1) return 1;
	const power = 10 ** Math.floor(Math.log10(max));
	for (const step of [1, 2, 5, 10]) {
		if (step * power >= max) return step * power;
	}
	return 10 * power;
}

/** Where a value falls on an axis of length `size` running from 0 to `max`. */
export function scaleTo(value: number, max: number, size: number): number {
	if (max <= 0) return 0;
	return (Math.max(0, Math.min(value, max)) / max) * size;
}

/** "1 review", "3 reviews". */
export function plural(n: number, one: string, many = `${one}s`): string {
	return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}
