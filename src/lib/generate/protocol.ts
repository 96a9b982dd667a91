/** Messages between the page and the generation worker. Every reply carries its request id. */
import type { Deck, GenerateOptions } from './types';

export interface GenerateRequest {
	type: 'generate';
	id: number;
	text: string;
	options?: GenerateOptions;
}

export type GenerateStage = 'loading' | 'reading' | 'asking' | 'done';

export type WorkerReply =
	| { type: 'progress'; id: number; stage: GenerateStage; fraction: number }
	| { type: 'result'; id: number; deck: Deck }
	| { type: 'error'; id: number; error: GenerateFailure };

/** Why a deck could not be made: bad input (tell the user) or an internal failure (a bug). */
export interface GenerateFailure {
	kind: 'input' | 'internal';
	/** InputError code for input failures. */
	code?: string;
	message: string;
}
