import { describe, expect, it } from 'vitest';
import { analyze } from '../nlp';
import { generateDeck } from './index';
import {
	descriptionsIn,
	namedBeforeNoun,
	relationalNoun,
	titledNames,
	unnamedDescription
} from './context';

describe('definite descriptions in a shown sentence', () => {
	it('finds a title with its capitalised modifiers and a thing with its modifiers', () => {
		const found = descriptionsIn(
			'Jo Hale claims the US Open champion failed a test, and the cable music channel agreed.'
		);
		expect(found.map((d) => [d.noun, d.person])).toEqual([
			['US Open champion', true],
			['cable music channel', false]
		]);
	});
});

describe('the person an article gives a title', () => {
	const TEXT = `Tennis star fails drugs test

US Open champion Anna Berg has failed a drugs test, officials in Belgium said on Monday.

Former US Open champion Lisa Moss said she was shocked by the news.

Minister Jo Hale claims the US Open champion took a banned stimulant at an exhibition event.`;

	it('is the one named after the title, not a former holder, and only before the sentence', () => {
		const doc = analyze(TEXT);
		expect(titledNames(doc, 'US Open champion', TEXT.indexOf('Minister'))).toEqual(['Anna Berg']);
		expect(titledNames(doc, 'US Open champion', TEXT.indexOf('US Open champion Anna'))).toEqual([]);
	});

	it('is written in before the description in the deck', () => {
		const deck = generateDeck(TEXT, { seed: 1 });
		const about = deck.questions.filter((q) => q.prompt.includes('banned stimulant'));
		expect(about.length).toBeGreaterThan(0);
		for (const q of about) {
			if (q.answer.includes('Berg')) continue;
			expect(q.prompt).toContain('US Open champion Anna Berg took');
		}
	});

	it('by a bare title is only the person the article is about', () => {
		const text = `Singer Tom Dale has left the band Red Kite after ten years. Dale said he was tired. Dale will now record alone. The band said Max Rowe would join them. The singer said he was happy.`;
		const doc = analyze(text);
		expect(titledNames(doc, 'singer', text.indexOf('The singer'))).toEqual(['Tom Dale']);
	});
});

describe('an outlet or event named by the name before its noun', () => {
	it('is written as the article writes it', () => {
		const text = `Films from Iran were shown at the Harbour Film Festival in Bristol on Monday. The festival runs until Sunday.`;
		const doc = analyze(text);
		expect(namedBeforeNoun(doc, 'festival', text.indexOf('The festival'))).toEqual([
			'the Harbour Film Festival'
		]);
	});

	it('is never the end of a longer name', () => {
		const text = `Tickets for T in the Park festival sold out in days. The festival starts in July.`;
		const doc = analyze(text);
		expect(namedBeforeNoun(doc, 'festival', text.indexOf('The festival'))).toEqual([]);
	});
});

describe('rule unnamed-description', () => {
	const doc = analyze(
		'Acme Air may move 7,000 jobs abroad, a newspaper said. Minister Jo Hale spoke on Monday. Ann Lee won the Bell Award in 2004. Schools had a target of two hours of sport.'
	);
	const end = doc.text.length;
	it('catches an outlet, a title, an outcry, the same award and "that target"', () => {
		expect(unnamedDescription(doc, 'Jobs could shift abroad, the newspaper reported.', end)).toBe(
			'unnamed-description'
		);
		expect(unnamedDescription(doc, 'Jo Hale claims the US Open champion failed.', end)).toBe(null);
		expect(
			unnamedDescription(doc, 'Officials claim the US Open champion failed a test.', end)
		).toBe('unnamed-description');
		expect(unnamedDescription(doc, 'The public outcry will force Congress to act.', end)).toBe(
			'unnamed-description'
		);
		expect(
			unnamedDescription(doc, 'Kim Cole was nominated for the same award, but she lost.', end)
		).toBe('same-as-before');
		expect(
			unnamedDescription(doc, 'Figures show only a third of schools met that target.', end)
		).toBe('demonstrative-reference');
		const mag = analyze('Web Weekly asked its readers about broadband. Most readers were happy.');
		expect(
			unnamedDescription(mag, '17% of readers have switched suppliers.', mag.text.length)
		).toBe('unnamed-description');
		expect(
			unnamedDescription(mag, '17% of readers of Web Weekly have switched.', mag.text.length)
		).toBe(null);
	});
	it('leaves a description with its name, a time, and "the same … as"', () => {
		expect(unnamedDescription(doc, 'Moss, the US Open champion, said she was happy.', end)).toBe(
			null
		);
		expect(unnamedDescription(doc, 'The Acme Air newspaper reported the cut.', end)).toBe(null);
		expect(unnamedDescription(doc, 'He said he was at home that night.', end)).toBe(null);
		expect(unnamedDescription(doc, 'She won the same award as Lee did.', end)).toBe(null);
	});
});

describe('rule relational-noun', () => {
	it('counts "the Scot\'s opposite number" as unnamed', () => {
		expect(
			relationalNoun("Ross saved well, but the Scot's opposite number was beaten twice.")
		).toBe(true);
		expect(relationalNoun("Ross saved well, but Douglas's opposite number was beaten twice.")).toBe(
			false
		);
	});
});
