/** What the chart components draw. */

export interface Column {
	/** Full name for the tooltip and the table ("Thu 26 Nov"). */
	label: string;
	/** Short name under the axis ("26 Nov"). */
	short: string;
	value: number;
}

export interface Bar {
	label: string;
	value: number;
	/** A colour role from the theme: the name of its custom property (`--good`). */
	tone?: 'primary' | 'good' | 'warn' | 'bad' | 'muted';
	/** Extra words for the table ("interval under 21 days"). */
	note?: string;
}

/** What every chart is given: an id for its labels, a title, a sentence saying what it shows. */
export interface ChartProps<T> {
	id: string;
	title: string;
	description: string;
	items: readonly T[];
	/** Column heading for the values in the table ("Cards due"). */
	unit: string;
}
