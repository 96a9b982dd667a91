/** Hashing, seeded randomness and text utilities. Nothing here reads the clock or Math.random. */

/** FNV-1a over UTF-16 code units, 32 bits. */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
	let h = seed >>> 0;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h >>> 0;
}

/** A short stable id: two independent 32-bit hashes, base 36. */
export function shortId(prefix: string, s: string): string {
	const a = fnv1a(s).toString(36).padStart(7, '0');
	const b = fnv1a(s, 0x9e3779b9).toString(36).padStart(7, '0').slice(0, 4);
	return `${prefix}${a}${b}`;
}

/** Mulberry32: a small seeded generator with good spread for shuffles. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Fisher-Yates with a seeded generator; returns a new array. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
	const a = items.slice();
	for (let i = a.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		const t = a[i] as T;
		a[i] = a[j] as T;
		a[j] = t;
	}
	return a;
}

const normCache = new Map<string, string>();

/** Lower case, no punctuation, no articles, single spaces: for comparing answers. */
export function norm(s: string): string {
	const hit = normCache.get(s);
	if (hit !== undefined) return hit;
	const out = s
		.toLowerCase()
		.replace(/[\p{P}\p{S}]/gu, ' ')
		.replace(/\b(a|an|the)\b/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	// A small memo: the same names are compared many times within one article.
	if (normCache.size > 20000) normCache.clear();
	normCache.set(s, out);
	return out;
}

/** `s` with every character that means something in a regular expression escaped. */
export function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const reCache = new Map<string, RegExp>();

/**
 * The regular expression `source` with `flags`, built once for all calls: for a pattern made of
 * parts that repeat (a name, a noun). Only for uses that keep no state in the expression: test,
 * exec or replace without the g or y flag, or matchAll (which works on a copy).
 */
export function cachedRe(source: string, flags = ''): RegExp {
	const key = `${flags}/${source}`;
	let re = reCache.get(key);
	if (!re) {
		if (reCache.size > 5000) reCache.clear();
		reCache.set(key, (re = new RegExp(source, flags)));
	}
	return re;
}

/** Collapses whitespace and trims. */
export function clean(s: string): string {
	return s.replace(/\s+/g, ' ').trim();
}

/**
 * Rule doubled-word: a function word the source printed twice ("during the the 1980s") is shown
 * once. Only words that never stand twice in good English: "had had" and "that that" stay.
 */
export function undouble(s: string): string {
	return s.replace(
		/\b(the|a|an|of|to|in|on|for|at|by|with|from|and|or|as|its|their|his|her)\s+\1\b/gi,
		(_m, w: string) => w
	);
}

export function wordCount(s: string): number {
	const t = s.trim();
	return t ? t.split(/\s+/).length : 0;
}

export function capitalise(s: string): string {
	return s.charAt(0).toUpperCase() + s.slice(1);
}
