/**
 * Generator speed, each figure beside a baseline measured in the same run:
 *   - the built-in article: median time to a deck in a warm process, beside the reader alone
 *     (sentences, tokens, entities, quotes) and beside a general NLP library parsing the same text;
 *   - the BBC corpus (../shared/corpus/bbc-news.jsonl, read at run time): words per second.
 *
 * npx tsx scripts/bench/generate.ts [--corpus FILE] [--limit N] [--json-only]
 * Prints a table, then one line of JSON (the summary). Exits 1 when a target is missed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { PARIS_SUMMIT_TEXT } from '../../src/lib/content/paris-summit';
import { generateDeck } from '../../src/lib/generate';
import { analyze } from '../../src/lib/nlp';

const TARGET_ARTICLE_MS = 100;
const TARGET_WORDS_PER_S = 10_000;

const median = (xs: number[]): number => {
	const s = xs.slice().sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const words = (t: string) => t.split(/\s+/).filter(Boolean).length;

function timeIt(fn: () => void, runs: number, warm = 5): number {
	for (let i = 0; i < warm; i++) fn();
	const xs: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		xs.push(performance.now() - t0);
	}
	return median(xs);
}

type Parse = (t: string) => void;
async function loadReference(): Promise<Parse | null> {
	try {
		const mod = (await import('compromise')) as unknown as {
			default: (t: string) => { json(): unknown };
		};
		return (t) => void mod.default(t).json();
	} catch {
		return null;
	}
}

export async function main(argv = process.argv.slice(2)): Promise<number> {
	const opt = (name: string) => {
		const i = argv.indexOf(name);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const here = dirname(fileURLToPath(import.meta.url));
	const corpusPath =
		opt('--corpus') ?? join(here, '..', '..', '..', 'shared', 'corpus', 'bbc-news.jsonl');
	const limit = Number(opt('--limit') ?? 0);
	const ref = await loadReference();

	// 1. The built-in article, warm.
	const art = PARIS_SUMMIT_TEXT;
	const deckMs = timeIt(() => void generateDeck(art), 40, 10);
	const readMs = timeIt(() => void analyze(art), 40, 10);
	const refMs = ref ? timeIt(() => ref(art), 20, 3) : NaN;

	// 2. The corpus, in chunks of 100 articles; median words per second over chunks.
	let corpus: { text: string }[] = [];
	if (existsSync(corpusPath)) {
		corpus = readFileSync(corpusPath, 'utf8')
			.split('\n')
			.filter(Boolean)
			.map((l) => JSON.parse(l) as { text: string });
		if (limit) corpus = corpus.slice(0, limit);
	}
	const genRates: number[] = [];
	const readRates: number[] = [];
	const refRates: number[] = [];
	let totalWords = 0;
	let errors = 0;
	for (let c = 0; c < corpus.length; c += 100) {
		const chunk = corpus.slice(c, c + 100);
		const w = chunk.reduce((n, it) => n + words(it.text), 0);
		totalWords += w;
		let t0 = performance.now();
		for (const it of chunk)
			try {
				generateDeck(it.text);
			} catch {
				errors++;
			}
		genRates.push(w / ((performance.now() - t0) / 1000));
		t0 = performance.now();
		for (const it of chunk) analyze(it.text);
		readRates.push(w / ((performance.now() - t0) / 1000));
		// The reference library is slow: time it on every fourth chunk only.
		if (ref && (c / 100) % 4 === 0) {
			t0 = performance.now();
			for (const it of chunk) ref(it.text);
			refRates.push(w / ((performance.now() - t0) / 1000));
		}
	}
	const gen = genRates.length ? median(genRates) : NaN;
	const read = readRates.length ? median(readRates) : NaN;
	const refRate = refRates.length ? median(refRates) : NaN;

	const summary = {
		article: {
			words: words(art),
			deckMedianMs: +deckMs.toFixed(2),
			readerMedianMs: +readMs.toFixed(2),
			deckOverReader: +(deckMs / readMs).toFixed(2),
			referenceParseMs: Number.isFinite(refMs) ? +refMs.toFixed(2) : null,
			deckOverReference: Number.isFinite(refMs) ? +(deckMs / refMs).toFixed(3) : null,
			targetMs: TARGET_ARTICLE_MS,
			ok: deckMs <= TARGET_ARTICLE_MS
		},
		corpus: {
			articles: corpus.length,
			words: totalWords,
			errors,
			deckWordsPerS: Math.round(gen),
			readerWordsPerS: Math.round(read),
			deckOverReaderTime: +(read / gen).toFixed(2),
			referenceWordsPerS: Number.isFinite(refRate) ? Math.round(refRate) : null,
			deckOverReferenceTime: Number.isFinite(refRate) ? +(refRate / gen).toFixed(3) : null,
			targetWordsPerS: TARGET_WORDS_PER_S,
			ok: corpus.length === 0 || gen >= TARGET_WORDS_PER_S
		}
	};
	if (!argv.includes('--json-only')) {
		const row = (a: string, b: string, c: string, d: string) =>
			`${a.padEnd(34)}${b.padStart(14)}${c.padStart(16)}${d.padStart(18)}`;
		console.log(row('measure (median)', 'deck', 'reader alone', 'reference NLP'));
		console.log(
			row(
				`built-in article (${summary.article.words} words), ms`,
				deckMs.toFixed(2),
				readMs.toFixed(2),
				Number.isFinite(refMs) ? refMs.toFixed(2) : 'n/a'
			)
		);
		console.log(
			row(
				'  time as a ratio of the deck',
				'1.00',
				(readMs / deckMs).toFixed(2),
				Number.isFinite(refMs) ? (refMs / deckMs).toFixed(2) : 'n/a'
			)
		);
		if (corpus.length) {
			console.log(
				row(
					`corpus (${corpus.length} articles), words/s`,
					Math.round(gen).toString(),
					Math.round(read).toString(),
					Number.isFinite(refRate) ? Math.round(refRate).toString() : 'n/a'
				)
			);
		} else console.log(`corpus not found at ${corpusPath}: skipped`);
		console.log(
			`targets: article <= ${TARGET_ARTICLE_MS} ms: ${summary.article.ok ? 'met' : 'MISSED'}; corpus >= ${TARGET_WORDS_PER_S} words/s: ${summary.corpus.ok ? 'met' : 'MISSED'}`
		);
	}
	console.log(JSON.stringify(summary));
	return summary.article.ok && summary.corpus.ok ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	main().then(
		(code) => process.exit(code),
		(e: unknown) => {
			console.error(e);
			process.exit(2);
		}
	);
}
