/**
 * Plain readable text from the formats an article arrives in. Pure string work; HTML goes through
 * the browser's inert parser in html.ts.
 */

/** Markdown to plain text: headings stay as their own lines, links keep their words. */
export function markdownToText(markdown: string): string {
	return markdown
		.replace(/\r\n?/g, '\n')
		.replace(/^```[^\n]*\n[\s\S]*?^```\s*$/gm, '') // fenced code is not prose
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '') // images
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1') // links
		.replace(/^[ \t]{0,3}#{1,6}[ \t]+(.*?)[ \t]*#*[ \t]*$/gm, '$1') // headings
		.replace(/^[ \t]{0,3}>[ \t]?/gm, '') // quotes
		.replace(/^[ \t]*(?:[-*+]|\d+[.)])[ \t]+/gm, '') // list markers
		.replace(/^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/gm, '') // rules
		.replace(/(\*\*|__)(.+?)\1/g, '$2')
		.replace(/(?<![\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/<[^>\n]+>/g, '') // stray inline tags
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

/** Tidies pasted or shared text: line ends, invisible characters, runs of blank lines. */
export function tidyText(text: string): string {
	return text
		.replace(/\r\n?/g, '\n')
		.replace(/[\u200b-\u200d\ufeff]/g, '')
		.replace(/\u00a0/g, ' ')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/i;

/**
 * What a share to the app carried. Phones often put the link in `text` and leave `url` empty, and
 * some send only a link: then there is no article text to work with.
 */
export function readShare(params: {
	title?: string | null;
	text?: string | null;
	url?: string | null;
}): {
	title: string;
	text: string;
	url: string;
} {
	const title = tidyText(params.title ?? '').slice(0, 300);
	let text = tidyText(params.text ?? '');
	let url = (params.url ?? '').trim();
	if (!url) {
		const found = URL_PATTERN.exec(text);
		if (found) {
			url = found[0];
			// A link on its own (or beside the title) is not article text.
			const rest = tidyText(text.replace(found[0], ''));
			text = rest === title ? '' : rest;
		}
	}
	if (url && !/^https?:\/\//i.test(url)) url = '';
	return { title, text, url: url.slice(0, 2000) };
}
