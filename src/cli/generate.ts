/**
 * npm run generate -- FILE             a readable quiz with an answer key (Markdown)
 * npm run generate -- FILE --format json   the whole deck as JSON
 * npm run generate -- --jsonl          batch: JSON Lines in on stdin, one JSON line out per input line
 *
 * Options: --seed N, --max N, --title TEXT. FILE may be "-" for stdin.
 * --explain      after the quiz, every candidate left out and the named rule that left it out
 * --all          keep the questions an article's deck leaves out as least likely to be handed out
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { generateDeck, InputError, type Rejection } from '../lib/generate';
import { explainMarkdown, toMarkdown } from './markdown';

interface Args {
	file?: string;
	format: 'markdown' | 'json';
	jsonl: boolean;
	seed?: number;
	max?: number;
	title?: string;
	explain: boolean;
	all: boolean;
	help: boolean;
}

function parseArgs(argv: string[]): Args {
	const a: Args = { format: 'markdown', jsonl: false, explain: false, all: false, help: false };
	for (let i = 0; i < argv.length; i++) {
		const x = argv[i] as string;
		const next = () => {
			const v = argv[++i];
			if (v === undefined) throw new InputError('empty', `${x} needs a value`);
			return v;
		};
		if (x === '--jsonl') a.jsonl = true;
		else if (x === '--format') {
			const f = next();
			if (f !== 'json' && f !== 'markdown' && f !== 'md')
				throw new InputError('empty', `unknown format ${f}: use json or markdown`);
			a.format = f === 'json' ? 'json' : 'markdown';
		} else if (x === '--json') a.format = 'json';
		else if (x === '--seed') a.seed = Number(next());
		else if (x === '--max') a.max = Number(next());
		else if (x === '--title') a.title = next();
		else if (x === '--explain') a.explain = true;
		else if (x === '--all') a.all = true;
		else if (x === '-h' || x === '--help') a.help = true;
		else if (!a.file) a.file = x;
		else throw new InputError('empty', `unexpected argument ${x}`);
	}
	return a;
}

const USAGE = `usage: npm run generate -- FILE [--format markdown|json] [--seed N] [--max N] [--title TEXT] [--explain] [--all]
       npm run generate -- --jsonl < items.jsonl`;

function message(e: unknown): string {
	return e instanceof Error ? e.message : String(e);
}

async function runJsonl(args: Args): Promise<void> {
	const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
	let n = 0;
	for await (const line of rl) {
		if (!line.trim()) continue;
		n++;
		let id: unknown = `line-${n}`;
		let out: string;
		try {
			const item = JSON.parse(line) as { id?: unknown; text?: unknown; title?: unknown };
			if (item.id !== undefined) id = item.id;
			if (typeof item.text !== 'string')
				throw new InputError('empty', 'the item has no "text" string');
			const deck = generateDeck(item.text, {
				seed: args.seed,
				maxQuestions: args.max,
				title: typeof item.title === 'string' ? item.title : undefined
			});
			out = JSON.stringify({ id, questions: deck.questions, cards: deck.cards });
		} catch (e) {
			out = JSON.stringify({
				id,
				error: e instanceof SyntaxError ? `not JSON: ${e.message}` : message(e)
			});
		}
		process.stdout.write(out + '\n');
	}
}

function main(): void {
	let args: Args;
	try {
		args = parseArgs(process.argv.slice(2));
	} catch (e) {
		process.stderr.write(`${message(e)}\n${USAGE}\n`);
		process.exit(2);
	}
	if (args.help) {
		process.stdout.write(USAGE + '\n');
		return;
	}
	if (args.jsonl) {
		runJsonl(args).catch((e: unknown) => {
			process.stderr.write(`generate: ${message(e)}\n`);
			process.exit(1);
		});
		return;
	}
	if (!args.file) {
		process.stderr.write(`No input file.\n${USAGE}\n`);
		process.exit(2);
	}
	let text: string;
	try {
		const buf = readFileSync(args.file === '-' ? 0 : args.file);
		if (buf.includes(0)) throw new InputError('binary', `${args.file} is a binary file, not text.`);
		text = buf.toString('utf8');
	} catch (e) {
		process.stderr.write(`generate: ${message(e)}\n`);
		process.exit(1);
	}
	try {
		const rejected: Rejection[] = [];
		const deck = generateDeck(text, {
			seed: args.seed,
			maxQuestions: args.max,
			title: args.title,
			onReject: args.explain ? (r) => rejected.push(r) : undefined,
			keepUnlikely: args.all
		});
		if (args.format === 'json')
			process.stdout.write(
				JSON.stringify(args.explain ? { ...deck, rejected } : deck, null, 2) + '\n'
			);
		else
			process.stdout.write(
				toMarkdown(deck, text) + (args.explain ? explainMarkdown(deck, text, rejected) : '')
			);
	} catch (e) {
		process.stderr.write(`generate: ${message(e)}\n`);
		process.exit(e instanceof InputError ? 1 : 3);
	}
}

main();
