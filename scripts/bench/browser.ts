/**
 * Card browser bench, in Chromium against a fresh build with 20,000 cards in IndexedDB:
 *   - opening Browse until the first rows are painted (reported, no target), and until every card
 *     is read, with the longest task meanwhile (input waits at most that long);
 *   - a search or filter change until the list is painted again (target <= 100 ms, median);
 *   - scrolling the whole list: long tasks over 50 ms (target: none), beside the long tasks of as
 *     many idle frames right after (the same-run baseline: what the machine's load alone causes).
 * Run: `npm run bench -- browser`. With BENCH_BASELINE=dir (another build of the app, e.g. of an
 * earlier commit) the same measures run against it too, its page loads taking turns with this
 * build's, so both see the same machine load. With BENCH_TRACE=file.json the scroll is also
 * recorded as a Chromium performance trace, and what the long tasks in it spent their time on is
 * printed.
 */
import { chromium, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { serve } from '../serve.mjs';
import { CHROMIUM_ARGS, executablePath } from '../../tests/chromium';

const CARDS = 20_000;
const TARGET_FILTER_MS = 100;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string };
}

/**
 * Long tasks (over 50 ms) on the page's main thread in a trace, and the time their direct parts
 * took by kind (script, style, layout, paint, garbage collection…), summed over all of them.
 */
function longTaskAttribution(path: string): Record<string, number | string> {
	const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] })
		.traceEvents;
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
	if (!main) return { note: 'no renderer main thread in the trace' };
	const own = events
		.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
		.sort((a, b) => a.ts - b.ts);
	const tasks = own.filter((e) => e.name === 'RunTask' && e.dur! > 50_000);
	const parts: Record<string, number> = {};
	for (const task of tasks) {
		const end = task.ts + task.dur!;
		let covered = task.ts;
		for (const e of own) {
			if (e === task || e.ts < covered || e.ts >= end) continue;
			parts[e.name] = (parts[e.name] ?? 0) + e.dur! / 1000;
			covered = e.ts + e.dur!;
		}
	}
	const out: Record<string, number | string> = {
		'long tasks in trace': tasks.length,
		'their total (ms)': Math.round(tasks.reduce((s, t) => s + t.dur!, 0) / 1000)
	};
	for (const [name, ms] of Object.entries(parts)
		.sort((a, b) => b[1] - a[1])
		.slice(0, 12)) {
		out[name] = Math.round(ms);
	}
	return out;
}

execSync('npx vite build', { stdio: 'ignore' });
const builds: { name: string; dir: string }[] = [{ name: 'this build', dir: 'build' }];
if (process.env.BENCH_BASELINE)
	builds.unshift({ name: 'baseline', dir: process.env.BENCH_BASELINE });
const servers = await Promise.all(builds.map((b) => serve({ dir: b.dir, port: 0 })));
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });

/** A page on `url` with 20,000 cards in its database, and the timing hooks in place. */
async function prepare(url: string): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
	await page.goto(`${url}/library`);
	await page.getByRole('heading', { name: /Paris summit/ }).waitFor({ timeout: 60_000 });
	// 20,000 cards copied from the built-in deck's first card, with varied states and dates.
	await page.evaluate(async (count) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('factdeck');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		const template = await new Promise<Record<string, unknown>>((resolve) => {
			const req = db.transaction('cards').objectStore('cards').openCursor();
			req.onsuccess = () => resolve(req.result!.value);
		});
		const words = ['summit', 'Paris', 'fund', 'climate', 'leaders', 'vote', 'ferry', 'harbour'];
		const tx = db.transaction('cards', 'readwrite');
		const store = tx.objectStore('cards');
		for (let i = 0; i < count; i++) {
			const state = i % 4;
			store.put({
				...template,
				id: `bench-${i}`,
				factId: `bench-f-${i}`,
				front: `Card ${i}: which ${words[i % words.length]} question ${i % 97}?`,
				back: `Answer ${i}\n\nA sentence about ${words[(i * 7) % words.length]}.`,
				state,
				queue: i % 50 === 0 ? -1 : state,
				due: Date.now() + ((i % 60) - 20) * 86_400_000,
				lapses: i % 9,
				reps: i % 13,
				tags: i % 200 === 0 ? ['leech'] : [],
				order: 1000 + i
			});
		}
		await new Promise((resolve) => (tx.oncomplete = resolve));
		db.close();
	}, CARDS);

	// Timing hooks: when rows next change in the list, and the paint after it.
	await page.addInitScript(() => {
		const w = window as unknown as {
			__changed: () => Promise<number>;
			__longTasks: { start: number; duration: number }[];
		};
		w.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				w.__longTasks.push({ start: e.startTime, duration: e.duration });
			}
		}).observe({ type: 'longtask', buffered: true });
		w.__changed = () =>
			new Promise((resolve) => {
				const observer = new MutationObserver(() => {
					observer.disconnect();
					requestAnimationFrame(() => setTimeout(() => resolve(performance.now())));
				});
				observer.observe(document.body, { childList: true, subtree: true, characterData: true });
			});
	});
	return page;
}

interface Open {
	/** Navigation start to the first row painted. */
	firstRows: number;
	/** Navigation start to every card read (the count no longer says it is reading). */
	allRows: number;
	/** The longest task from the first row painted to every card read (0 if none over 50 ms). */
	longestWhileReading: number;
}

/** Opens Browse once, timing the first rows and the full read. */
async function open(page: Page, url: string): Promise<Open> {
	await page.goto(`${url}/browse`);
	await page.locator('li.row').first().waitFor({ timeout: 60_000 });
	const firstRows = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0]!;
		return performance.now() - nav.startTime;
	});
	await page.waitForFunction(
		() => {
			const text = document.body.innerText;
			return !/reading the rest/.test(text) && /of [\d,]+ cards/.test(text);
		},
		undefined,
		{ timeout: 60_000, polling: 'raf' }
	);
	return page.evaluate((first) => {
		const nav = performance.getEntriesByType('navigation')[0]!;
		const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
		const during = w.__longTasks.filter((t) => t.start + t.duration > first);
		return {
			firstRows: first,
			allRows: performance.now() - nav.startTime,
			longestWhileReading: Math.max(0, ...during.map((t) => t.duration))
		};
	}, firstRows);
}

/** Search and filter changes, then a scroll through the whole list. */
async function filterAndScroll(page: Page) {
	const filters: number[] = [];
	const terms = ['summit', 'fund 42', 'ferry', 'question 7', 'paris', 'vote', 'card 19', ''];
	for (let i = 0; i < 24; i++) {
		filters.push(
			await page.evaluate(
				async (term) => {
					const w = window as unknown as { __changed: () => Promise<number> };
					const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
					const done = w.__changed();
					const start = performance.now();
					input.value = term;
					input.dispatchEvent(new Event('input', { bubbles: true }));
					return (await done) - start;
				},
				terms[i % terms.length]!
			)
		);
	}
	const states = ['suspended', 'review', 'leech', 'all', 'new', 'due'];
	for (let i = 0; i < 12; i++) {
		filters.push(
			await page.evaluate(
				async (value) => {
					const w = window as unknown as { __changed: () => Promise<number> };
					const select = document.querySelectorAll<HTMLSelectElement>('select')[0]!;
					const done = w.__changed();
					const start = performance.now();
					select.value = value;
					select.dispatchEvent(new Event('change', { bubbles: true }));
					return (await done) - start;
				},
				states[i % states.length]!
			)
		);
	}

	// Scroll the whole list, one screen per frame.
	const scroll = await page.evaluate(async () => {
		const w = window as unknown as { __longTasks: { duration: number }[] };
		const select = document.querySelectorAll<HTMLSelectElement>('select')[0]!;
		select.value = 'all';
		select.dispatchEvent(new Event('change', { bubbles: true }));
		await new Promise((r) => setTimeout(r, 300));
		w.__longTasks.length = 0;
		const scroller = document.querySelector<HTMLElement>('.scroller')!;
		const frames: number[] = [];
		let last = performance.now();
		while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 1) {
			scroller.scrollTop += scroller.clientHeight;
			await new Promise((r) => requestAnimationFrame(r));
			const now = performance.now();
			frames.push(now - last);
			last = now;
		}
		const scrolling = w.__longTasks.map((t) => t.duration).filter((d) => d > 50);
		const rowsAtEnd = document.querySelectorAll('li.row').length;
		// Baseline in the same run: as many frames again without scrolling. Long tasks here come
		// from the machine (other processes on a shared CPU), not from the list.
		w.__longTasks.length = 0;
		for (let i = 0; i < frames.length; i++) await new Promise((r) => requestAnimationFrame(r));
		const idle = w.__longTasks.map((t) => t.duration).filter((d) => d > 50);
		frames.sort((a, b) => a - b);
		return {
			frames: frames.length,
			medianFrame: frames[Math.floor(frames.length / 2)]!,
			worstFrame: frames[frames.length - 1]!,
			longTasks: scrolling.length,
			longestTask: Math.max(0, ...scrolling),
			idleLongTasks: idle.length,
			idleLongestTask: Math.max(0, ...idle),
			rowsAtEnd
		};
	});
	return { filters, scroll };
}

let ok = false;
try {
	const pages = [];
	for (const server of servers) pages.push(await prepare(server.url));
	// Page loads take turns between the builds, so both see the same machine load.
	const opens: Open[][] = builds.map(() => []);
	for (let run = 0; run < 7; run++) {
		for (let b = 0; b < builds.length; b++) opens[b]!.push(await open(pages[b]!, servers[b]!.url));
	}
	// Searches, filters and scrolls take turns too, three rounds each; a scroll's figures are the
	// round with the median number of long tasks.
	const tracePath = process.env.BENCH_TRACE;
	const rounds: Awaited<ReturnType<typeof filterAndScroll>>[][] = builds.map(() => []);
	for (let round = 0; round < 3; round++) {
		for (let b = 0; b < builds.length; b++) {
			const traced = tracePath && round === 0 && b === builds.length - 1;
			if (traced) {
				await browser.startTracing(pages[b]!, {
					path: tracePath,
					categories: [
						'devtools.timeline',
						'disabled-by-default-devtools.timeline',
						'v8',
						'v8.execute'
					]
				});
			}
			rounds[b]!.push(await filterAndScroll(pages[b]!));
			if (traced) {
				await browser.stopTracing();
				console.table(longTaskAttribution(tracePath));
			}
		}
	}
	const table: Record<string, Record<string, number | string>> = {};
	const summary: Record<string, unknown> = { bench: 'browser', cards: CARDS };
	for (let b = 0; b < builds.length; b++) {
		const current = b === builds.length - 1;
		const filters = rounds[b]!.flatMap((r) => r.filters);
		const scrolls = rounds[b]!.map((r) => r.scroll).sort((x, y) => x.longTasks - y.longTasks);
		const scroll = scrolls[1]!;
		const o = opens[b]!;
		const filterMedian = median(filters);
		table[builds[b]!.name] = {
			'open to first rows painted, median (ms)': Math.round(median(o.map((x) => x.firstRows))),
			'open to first rows painted, worst (ms)': Math.round(Math.max(...o.map((x) => x.firstRows))),
			'open to every card read, median (ms)': Math.round(median(o.map((x) => x.allRows))),
			'longest task from first rows to every card read, median (ms)': Math.round(
				median(o.map((x) => x.longestWhileReading))
			),
			'search/filter to paint, median (ms)': Math.round(filterMedian),
			'search/filter to paint, worst (ms)': Math.round(Math.max(...filters)),
			'scroll frames': scroll.frames,
			'scroll frame median (ms)': Math.round(scroll.medianFrame),
			'scroll worst frame (ms)': Math.round(scroll.worstFrame),
			'long tasks > 50 ms while scrolling, each round': scrolls.map((x) => x.longTasks).join(' '),
			'long tasks > 50 ms while scrolling': scroll.longTasks,
			'longest task while scrolling (ms)': Math.round(scroll.longestTask),
			'baseline: long tasks > 50 ms, same frames idle': scroll.idleLongTasks,
			'baseline: longest task idle (ms)': Math.round(scroll.idleLongestTask),
			'rows in the DOM': scroll.rowsAtEnd
		};
		summary[current ? 'current' : 'baseline'] = {
			openMedianMs: Math.round(median(o.map((x) => x.firstRows))),
			allRowsMedianMs: Math.round(median(o.map((x) => x.allRows))),
			filterMedianMs: Math.round(filterMedian),
			scrollLongTasks: scroll.longTasks,
			idleLongTasks: scroll.idleLongTasks
		};
		if (current) ok = filterMedian <= TARGET_FILTER_MS && scroll.longTasks === 0;
	}
	console.table(table);
	console.log(JSON.stringify(summary));
} finally {
	await browser.close();
	await Promise.all(servers.map((s) => s.close()));
}
process.exit(ok ? 0 : 1);
