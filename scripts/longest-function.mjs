#!/usr/bin/env node
/**
 * Reports the longest functions in the app's storage, state and route code, so the "no function
 * over 80 lines" rule can be measured rather than guessed.
 *
 *   node scripts/longest-function.mjs [--top N] [--max LINES] [folder …]
 *
 * Folders default to src/lib/db, src/lib/state and src/routes. Every .ts file (tests excluded) and
 * the <script> blocks of every .svelte file are parsed with the TypeScript compiler; each function
 * (declaration, expression, arrow, method, accessor, constructor) is measured in lines from its
 * first line to its last. With --max, the exit code is 1 when any function is longer.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
let top = 10;
let max = Infinity;
const folders = [];
for (let i = 0; i < args.length; i++) {
	if (args[i] === '--top') top = Number(args[++i]);
	else if (args[i] === '--max') max = Number(args[++i]);
	else folders.push(args[i]);
}
if (folders.length === 0) folders.push('src/lib/db', 'src/lib/state', 'src/routes');

/** Every source file under a folder, tests left out. */
function sourceFiles(dir) {
	const out = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
		else if (/\.(test|spec)\.ts$/.test(name)) continue;
		else if (name.endsWith('.ts') || name.endsWith('.svelte')) out.push(path);
	}
	return out;
}

/** The script blocks of a file, each with the line it starts on (0-based). */
function scriptsOf(path, text) {
	if (!path.endsWith('.svelte')) return [{ code: text, firstLine: 0 }];
	const blocks = [];
	const pattern = /<script\b[^>]*>([\s\S]*?)<\/script>/g;
	for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
		const start = match.index + match[0].indexOf('>') + 1;
		blocks.push({ code: match[1], firstLine: text.slice(0, start).split('\n').length - 1 });
	}
	return blocks;
}

function nameOf(node, sourceFile) {
	if (node.name) return node.name.getText(sourceFile);
	if (ts.isConstructorDeclaration(node)) return 'constructor';
	const parent = node.parent;
	if (parent && ts.isVariableDeclaration(parent)) return parent.name.getText(sourceFile);
	if (parent && ts.isPropertyAssignment(parent)) return parent.name.getText(sourceFile);
	if (parent && ts.isPropertyDeclaration(parent)) return parent.name.getText(sourceFile);
	if (parent && ts.isCallExpression(parent))
		return `(callback of ${parent.expression.getText(sourceFile).slice(0, 40)})`;
	return '(anonymous)';
}

const found = [];
for (const folder of folders) {
	for (const path of sourceFiles(folder)) {
		const text = readFileSync(path, 'utf8');
		for (const { code, firstLine } of scriptsOf(path, text)) {
			const sourceFile = ts.createSourceFile(path, code, ts.ScriptTarget.Latest, true);
			const visit = (node) => {
				if (ts.isFunctionLike(node) && 'body' in node && node.body) {
					const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
					const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line;
					found.push({
						lines: end - start + 1,
						where: `${relative('.', path)}:${firstLine + start + 1}`,
						name: nameOf(node, sourceFile)
					});
				}
				ts.forEachChild(node, visit);
			};
			visit(sourceFile);
		}
	}
}

found.sort((a, b) => b.lines - a.lines);
for (const f of found.slice(0, top))
	console.log(`${String(f.lines).padStart(5)}  ${f.where}  ${f.name}`);
const over = found.filter((f) => f.lines > max);
if (Number.isFinite(max)) {
	console.log(
		over.length === 0 ? `No function over ${max} lines.` : `${over.length} over ${max} lines.`
	);
	if (over.length > 0) process.exitCode = 1;
}
