import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { DAY_MS } from '$lib/srs';
import BarChart from './BarChart.svelte';
import { heatLevel, heatmapGrid, heatmapSpan, weekdayRow } from './heatmap-grid';
import { niceMax, plural, scaleTo } from './scale';

// Learner day number of Thursday 26 November 2026.
const THURSDAY = Date.UTC(2026, 10, 26) / DAY_MS;

describe('heatmap grid', () => {
	it('puts Monday on the first row and Sunday on the last', () => {
		expect(weekdayRow(THURSDAY)).toBe(3);
		expect(weekdayRow(THURSDAY - 3)).toBe(0);
		expect(weekdayRow(THURSDAY + 3)).toBe(6);
	});

	it('shows whole weeks back from a Monday, ending today', () => {
		expect(heatmapSpan(THURSDAY, 13)).toBe(12 * 7 + 4);
		expect(heatmapSpan(THURSDAY - 3, 1)).toBe(1);
	});

	it('places each day in its week column and weekday row', () => {
		const span = heatmapSpan(THURSDAY, 2);
		const days = Array.from({ length: span }, (_, i) => ({
			day: THURSDAY - span + 1 + i,
			reviews: i === span - 1 ? 8 : i === 0 ? 2 : 0
		}));
		const grid = heatmapGrid(days);
		expect(grid.weeks).toBe(2);
		expect(grid.max).toBe(8);
		expect(grid.total).toBe(10);
		expect(grid.activeDays).toBe(2);
		expect(grid.cells[0]).toMatchObject({ row: 0, col: 0, level: 1 });
		expect(grid.cells.at(-1)).toMatchObject({ day: THURSDAY, row: 3, col: 1, level: 4 });
	});

	it('labels the first column and each column where a month begins', () => {
		// 24 November to 2 December: the first column is November, December starts in the second.
		const days = Array.from({ length: 9 }, (_, i) => ({ day: THURSDAY - 2 + i, reviews: 0 }));
		const grid = heatmapGrid(days);
		expect(grid.months).toEqual([
			{ col: 0, month: 10 },
			{ col: 1, month: 11 }
		]);
	});

	it('grades intensity relative to the busiest day', () => {
		expect(heatLevel(0, 10)).toBe(0);
		expect(heatLevel(1, 10)).toBe(1);
		expect(heatLevel(6, 10)).toBe(3);
		expect(heatLevel(10, 10)).toBe(4);
		expect(heatLevel(3, 0)).toBe(0);
	});
});

describe('scale', () => {
	it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
		expect(niceMax(0)).toBe(1);
		expect(niceMax(3)).toBe(5);
		expect(niceMax(7)).toBe(10);
		expect(niceMax(11)).toBe(20);
		expect(niceMax(200)).toBe(200);
		expect(niceMax(201)).toBe(500);
	});

	it('maps values into the axis and clamps them', () => {
		expect(scaleTo(5, 10, 100)).toBe(50);
		expect(scaleTo(20, 10, 100)).toBe(100);
		expect(scaleTo(3, 0, 100)).toBe(0);
	});

	it('says one review or many reviews', () => {
		expect(plural(1, 'review')).toBe('1 review');
		expect(plural(2, 'review')).toBe('2 reviews');
	});
});

describe('bar chart', () => {
	it('fills each bar with the theme colour its tone names, primary by default', () => {
		const { body } = render(BarChart, {
			props: {
				id: 'states',
				title: 'Cards by state',
				description: 'Two bars.',
				unit: 'Cards',
				items: [
					{ label: 'Mature', value: 3, tone: 'good' },
					{ label: 'New', value: 2 }
				]
			}
		});
		const fills = [...body.matchAll(/<rect class="bar"[^>]*style="fill: ([^;"]+)/g)].map(
			(m) => m[1]
		);
		expect(fills).toEqual(['var(--good)', 'var(--primary)']);
	});
});
