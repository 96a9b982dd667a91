/**
 * Seeded fuzzing for the parsers of outside input (backups, CSV, .apkg, Quizlet text, quiz links,
 * result codes, imported text, live and sync messages). Test-only and pure: the seed is an argument
 * (FUZZ_SEED in the environment overrides the tests' default), so a failure names the seed and the
 * case number that reproduce it exactly.
 *
 * Every fuzz test checks the same contract: a parser either returns a value that keeps its
 * invariants, or refuses with the project's own error (or its tagged failure result); it never
 * crashes with a TypeError or a RangeError, and never hangs (a hang fails the test by timeout).
 */
import { expect } from 'vitest';
import { rng } from '$lib/generate/util';

/** Inputs per parser; FUZZ_RUNS in the environment raises it for a longer run. */
export const FUZZ_RUNS = Math.max(1, Number(globalThis.process?.env?.FUZZ_RUNS ?? 1000) || 1000);

/** The seed a test starts from: FUZZ_SEED in the environment, else the test's own default. */
export function fuzzSeed(fallback: number): number {
	const text = globalThis.process?.env?.FUZZ_SEED ?? '';
	return /^\d+$/.test(text) ? Number(text) : fallback;
}

/** Characters that break parsers: quotes, separators, controls, lone surrogates, look-alikes. */
const NASTY = [
	'"',
	"'",
	',',
	'\t',
	'\n',
	'\r',
	'\r\n',
	'\u0000',
	'\u001f',
	'\u007f',
	'\u0085',
	'\u00a0',
	'\u200b',
	'\u2028',
	'\u2029',
	'\ufeff',
	'\ud800',
	'\udfff',
	'😀',
	'é',
	'ß',
	'\u202e',
	'#',
	'=',
	'+',
	'-',
	'@',
	'<',
	'>',
	'&',
	'&amp;',
	'&#0;',
	'&#x110000;',
	'<br>',
	'<script>',
	'</p>',
	'[sound:x.mp3]',
	'__proto__',
	'constructor',
	'\\',
	'/',
	'../',
	'%00',
	'{',
	'}',
	'[',
	']',
	':',
	'*',
	'_',
	'`',
	'```',
	'#',
	'>',
	'|',
	'\x1f'
];

const WORDS = [
	'Paris',
	'summit',
	'Macron',
	'said',
	'the',
	'fund',
	'100',
	'billion',
	'euros',
	'front',
	'back',
	'term',
	'definition',
	'True',
	'False',
	'null',
	'NaN',
	'-1',
	'1e309',
	'0x10'
];

/** Numbers at the edges: zero, negative zero, limits, fractions, huge and tiny. */
const EDGE_NUMBERS = [
	0,
	-0,
	1,
	-1,
	2,
	3,
	4,
	5,
	0.5,
	-0.5,
	1e-300,
	255,
	256,
	65535,
	65536,
	2 ** 31 - 1,
	2 ** 31,
	2 ** 32,
	2 ** 53 - 1,
	2 ** 53,
	-(2 ** 53),
	1e21,
	1e308,
	-1e308,
	8_640_000_000_000_000,
	8_640_000_000_000_001,
	Date.UTC(2026, 0, 1),
	Date.UTC(9999, 11, 31),
	36_500,
	10_000_000
];

export class Fuzz {
	readonly #random: () => number;

	constructor(readonly seed: number) {
		this.#random = rng(seed);
	}

	/** A number in [0, 1). */
	next(): number {
		return this.#random();
	}

	/** An integer in [0, max). */
	int(max: number): number {
		return Math.floor(this.#random() * max);
	}

	/** An integer in [min, max]. */
	range(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(p: number): boolean {
		return this.#random() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	/** A number: mostly small integers, often an edge value, sometimes any double. */
	number(): number {
		const roll = this.#random();
		if (roll < 0.4) return this.range(-3, 20);
		if (roll < 0.8) return this.pick(EDGE_NUMBERS);
		if (roll < 0.9) return (this.#random() - 0.5) * 10 ** this.range(0, 20);
		return this.#random();
	}

	/** Text of up to `max` UTF-16 units from words, letters, digits and nasty characters. */
	text(max = 40): string {
		const target = this.int(max + 1);
		let out = '';
		while (out.length < target) {
			const roll = this.#random();
			if (roll < 0.35) out += this.pick(WORDS);
			else if (roll < 0.6) out += ' ';
			else if (roll < 0.85) out += String.fromCharCode(this.range(0x21, 0x7e));
			else if (roll < 0.95) out += this.pick(NASTY);
			else out += String.fromCharCode(this.int(0x10000));
		}
		return out.slice(0, max);
	}

	/** Any JSON-like value, up to `depth` levels deep. */
	json(depth = 3): unknown {
		const roll = this.#random();
		if (depth <= 0 || roll < 0.55) {
			const kind = this.int(5);
			if (kind === 0) return null;
			if (kind === 1) return this.chance(0.5);
			if (kind === 2) return this.number();
			return this.text(20);
		}
		if (roll < 0.78) return Array.from({ length: this.int(5) }, () => this.json(depth - 1));
		const out: Record<string, unknown> = {};
		for (let i = this.int(5); i > 0; i--)
			out[this.chance(0.1) ? this.pick(NASTY) : this.text(8)] = this.json(depth - 1);
		return out;
	}

	/** One random change to a text: a flipped, inserted, deleted or repeated piece, or a cut. */
	mutateText(text: string): string {
		if (text.length === 0) return this.text(10);
		const at = this.int(text.length);
		const len = 1 + this.int(Math.min(16, text.length - at));
		switch (this.int(9)) {
			case 0:
				return text.slice(0, at) + String.fromCharCode(this.range(0x20, 0x7e)) + text.slice(at + 1);
			case 1:
				return text.slice(0, at) + this.pick(NASTY) + text.slice(at);
			case 2:
				return text.slice(0, at) + text.slice(at + len);
			case 3:
				return text.slice(0, at + len) + text.slice(at, at + len) + text.slice(at + len);
			case 4:
				return text.slice(0, at);
			case 5: {
				const other = this.int(text.length);
				const chars = [...text];
				[chars[at], chars[other]] = [chars[other]!, chars[at]!];
				return chars.join('');
			}
			case 6:
				return text.slice(0, at) + this.text(12) + text.slice(at + len);
			case 7:
				return text.slice(0, at) + text.charAt(at).repeat(this.range(2, 200)) + text.slice(at + 1);
			default:
				return text.slice(0, at) + String.fromCharCode(this.int(0x10000)) + text.slice(at + 1);
		}
	}

	/** Applies 1 to `most` text mutations. */
	mutateTextTimes(text: string, most = 3): string {
		let out = text;
		for (let i = this.range(1, most); i > 0; i--) out = this.mutateText(out);
		return out;
	}

	/**
	 * A copy of a JSON-like value with one change somewhere inside: a value replaced (by another
	 * type, an edge number, a nasty string), a key removed or added, an array item dropped or
	 * repeated, or the whole value swapped.
	 */
	mutateValue<T>(value: T): unknown {
		const copy = structuredClone(value) as unknown;
		const containers: {
			holder: Record<string | number, unknown> | unknown[];
			key: string | number;
		}[] = [];
		const walk = (node: unknown, depth: number) => {
			if (depth > 12 || node === null || typeof node !== 'object') return;
			const entries = Array.isArray(node)
				? node.map((v, i) => [i, v] as const)
				: Object.entries(node as Record<string, unknown>);
			for (const [key, child] of entries) {
				containers.push({ holder: node as Record<string, unknown>, key });
				walk(child, depth + 1);
			}
		};
		walk(copy, 0);
		if (containers.length === 0 || this.chance(0.02)) return this.json(2);
		const { holder, key } = this.pick(containers);
		const current = (holder as Record<string | number, unknown>)[key];
		const set = (v: unknown) => ((holder as Record<string | number, unknown>)[key] = v);
		switch (this.int(10)) {
			case 0:
				if (Array.isArray(holder)) holder.splice(Number(key), 1);
				else delete (holder as Record<string, unknown>)[key];
				break;
			case 1:
				if (Array.isArray(holder)) holder.splice(Number(key), 0, structuredClone(current));
				else (holder as Record<string, unknown>)[this.text(6) || 'extra'] = this.json(1);
				break;
			case 2:
				set(this.json(2));
				break;
			case 3:
				set(typeof current === 'number' ? this.number() : this.number());
				break;
			case 4:
				set(typeof current === 'string' ? this.mutateText(current) : this.text(12));
				break;
			case 5:
				set(Array.isArray(current) ? [] : null);
				break;
			case 6:
				set(
					typeof current === 'number' ? -current : typeof current === 'boolean' ? !current : current
				);
				break;
			case 7:
				set(
					typeof current === 'number' ? current + this.pick([1, -1, 0.5, 1e6, 1e12]) : this.number()
				);
				break;
			case 8:
				set(typeof current === 'string' ? current.repeat(this.range(2, 50)) : String(current));
				break;
			default:
				set(this.pick(['', '../settings', 'a/b', ' ', '\u0000', 'True', '0', 'NaN']));
		}
		return copy;
	}

	/** Applies 1 to `most` value mutations. */
	mutateValueTimes<T>(value: T, most = 3): unknown {
		let out: unknown = value;
		for (let i = this.range(1, most); i > 0; i--) out = this.mutateValue(out);
		return out;
	}

	/** Random bytes, or a copy of `bytes` with a few flipped, cut or inserted. */
	bytes(max = 64, from?: Uint8Array): Uint8Array {
		if (!from || from.length === 0)
			return Uint8Array.from({ length: this.int(max + 1) }, () => this.int(256));
		const out = Array.from(from);
		for (let i = this.range(1, 4); i > 0; i--) {
			const at = this.int(out.length);
			const kind = this.int(4);
			if (kind === 0) out[at] = this.int(256);
			else if (kind === 1) out[at] = out[at]! ^ (1 << this.int(8));
			else if (kind === 2) out.splice(at, this.range(1, 8));
			else out.splice(at, 0, ...Array.from({ length: this.range(1, 8) }, () => this.int(256)));
		}
		return Uint8Array.from(out);
	}
}

/** Errors that mean the code crashed rather than refused: a TypeError reading undefined, and kin. */
export function isCrash(error: unknown): boolean {
	return (
		error instanceof TypeError ||
		error instanceof RangeError ||
		error instanceof ReferenceError ||
		error instanceof SyntaxError ||
		!(error instanceof Error)
	);
}

/** What one fuzz case did. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs one case. An error the parser is allowed to throw is returned as a refusal; any other
 * error is thrown again with the case named, so the failure says how to reproduce it.
 */
export async function attempt<T>(
	label: string,
	run: () => T | Promise<T>,
	refusal: (error: unknown) => boolean
): Promise<Outcome<T>> {
	try {
		return { ok: true, value: await run() };
	} catch (error) {
		if (refusal(error) && !isCrash(error)) return { ok: false, error };
		const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
		throw new Error(`${label} crashed instead of refusing: ${message}`, { cause: error });
	}
}

/** Counts of what a fuzz run did, for the test's assertions and its report. */
export class Tally {
	accepted = 0;
	refused = 0;
	readonly reasons = new Map<string, number>();

	add(outcome: Outcome<unknown>, reason = ''): void {
		if (outcome.ok) this.accepted++;
		else {
			this.refused++;
			const key = reason || (outcome.error instanceof Error ? outcome.error.name : 'refused');
			this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
		}
	}

	get total(): number {
		return this.accepted + this.refused;
	}

	/**
	 * The closing checks of a run whose inputs should reach both paths: every case was counted, and
	 * more than a tenth of them were accepted and more than a tenth refused.
	 */
	expectBothPaths(): void {
		expect(this.total).toBe(FUZZ_RUNS);
		expect(this.accepted).toBeGreaterThan(FUZZ_RUNS / 10);
		expect(this.refused).toBeGreaterThan(FUZZ_RUNS / 10);
	}

	/** One line for FUZZ_REPORT=1 runs: the figures the closing note quotes. */
	report(name: string): void {
		if (!globalThis.process?.env?.FUZZ_REPORT) return;
		const reasons = [...this.reasons].map(([k, n]) => `${k} ${n}`).join(', ');
		console.info(
			`fuzz ${name}: ${this.total} inputs, ${this.accepted} accepted, ${this.refused} refused (${reasons})`
		);
	}
}
