/**
 * The readable text of an HTML page, for articles opened from a saved web page. The page is
 * parsed into an inert document (no script runs, nothing loads) and never put into the app's page.
 */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

function blocksToText(root: ParentNode): string {
	const lines: string[] = [];
	for (const el of root.querySelectorAll(BLOCKS)) {
		// Only the innermost blocks, so text is not repeated.
		if (el.querySelector(BLOCKS)) continue;
		const line = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
		if (line) lines.push(line);
	}
	return lines.join('\n');
}

export async function htmlToText(html: string): Promise<{ title: string; text: string }> {
	const doc = new DOMParser().parseFromString(html, 'text/html');
	const fallbackTitle = (doc.querySelector('title')?.textContent ?? '').trim();
	const { Readability } = await import('@mozilla/readability');
	const article = new Readability(doc.cloneNode(true) as Document).parse();
	if (article?.content) {
		const content = new DOMParser().parseFromString(article.content, 'text/html');
		const text = blocksToText(content.body) || (article.textContent ?? '').trim();
		return { title: (article.title ?? fallbackTitle).trim(), text };
	}
	for (const el of doc.querySelectorAll('script, style, noscript, nav, header, footer, aside')) {
		el.remove();
	}
	return {
		title: fallbackTitle,
		text: blocksToText(doc.body) || (doc.body?.textContent ?? '').trim()
	};
}
