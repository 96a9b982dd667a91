import { describe, expect, it } from 'vitest';
import { markdownToText, readShare, tidyText } from './markdown';

describe('markdownToText', () => {
	it('keeps headings as lines and the words of links, drops images, code and markers', () => {
		const md = [
			'# Harbour Plan Approved',
			'',
			'The **city council** voted on [Monday](https://example.org/x) to _approve_ the plan.',
			'![map](map.png)',
			'',
			'- It costs `£4m`.',
			'> "We are ready," the mayor said.',
			'',
			'```',
			'code()',
			'```',
			'---'
		].join('\n');
		expect(markdownToText(md)).toBe(
			'Harbour Plan Approved\n\nThe city council voted on Monday to approve the plan.\n\nIt costs £4m.\n"We are ready," the mayor said.'
		);
	});

	it('leaves snake_case words and lone asterisks alone', () => {
		expect(markdownToText('a snake_case_name and 3 * 4 = 12')).toBe(
			'a snake_case_name and 3 * 4 = 12'
		);
	});
});

describe('tidyText', () => {
	it('normalises line ends, spaces and blank runs', () => {
		expect(tidyText('\ufeffOne\r\n\r\n\r\n\r\nTwo\u00a0words  \n')).toBe('One\n\nTwo words');
	});
});

describe('readShare', () => {
	it('finds the link phones put in the text, leaving no article text when that was all', () => {
		expect(readShare({ title: 'Summit', text: 'Summit https://news.example/a1', url: '' })).toEqual(
			{
				title: 'Summit',
				text: '',
				url: 'https://news.example/a1'
			}
		);
	});

	it('keeps shared article text beside the link', () => {
		const shared = readShare({ text: 'Leaders met in Paris on Tuesday.\nhttps://x.example/b' });
		expect(shared.text).toBe('Leaders met in Paris on Tuesday.');
		expect(shared.url).toBe('https://x.example/b');
	});

	it('drops links that are not http(s)', () => {
		expect(readShare({ url: 'javascript:alert(1)' }).url).toBe('');
	});
});
