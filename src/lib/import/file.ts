/**
 * An article file opened on the Add page (.txt, .md or .html) turned into plain text, a title and
 * where it came from. HTML is reduced to its readable text (loaded only for an HTML file).
 */
import { fileSizeProblem, LIMITS } from '$lib/limits';
import { markdownToText, tidyText } from './markdown';

export interface OpenedFile {
	text: string;
	/** The page's own title, or one made from the file name. */
	title: string;
	source: string;
}

/** Thrown when a file cannot be opened as an article; its message says why. */
export class FileOpenError extends Error {}

export async function readArticleFile(file: File): Promise<OpenedFile> {
	// Refused before reading: no article is that long.
	const tooLarge = fileSizeProblem(file, LIMITS.articleFileBytes);
	if (tooLarge) throw new FileOpenError(tooLarge);
	const name = file.name.toLowerCase();
	let raw: string;
	try {
		raw = await file.text();
	} catch {
		throw new FileOpenError(`Could not read “${file.name}” as text.`);
	}
	const fromName = file.name.replace(/\.[^.]+$/, '').replace(/[-_]+/g, ' ');
	if (/\.html?$/.test(name) || /^\s*<(!doctype|html)/i.test(raw)) {
		const { htmlToText } = await import('./html');
		const page = await htmlToText(raw);
		return { text: tidyText(page.text), title: page.title || fromName, source: file.name };
	}
	const text = /\.(md|markdown)$/.test(name) ? markdownToText(raw) : tidyText(raw);
	return { text, title: fromName, source: file.name };
}
