/** Messages between the page and the schedule optimiser's worker. */
import type { LogRow, OptimiseResult } from '../decks/optimise';

export interface OptimiseRequest {
	type: 'optimise';
	id: number;
	/** Each card's log rows. */
	logs: LogRow[][];
	/** The parameters in use now, to measure the new ones against. */
	current: number[];
}

/** What the worker is doing: loading the optimiser, or fitting and measuring. */
export type OptimiseStage = 'loading' | 'fitting';

export type OptimiseReply =
	| { type: 'progress'; id: number; stage: OptimiseStage; reviews: number }
	| { type: 'result'; id: number; result: OptimiseResult }
	| { type: 'error'; id: number; message: string };
