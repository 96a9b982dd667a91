import { describe, expect, it } from 'vitest';
import { PARIS_SUMMIT_TEXT } from '../content/paris-summit';
import { generateDeck, InputError, MAX_INPUT_CHARS, type Deck, type Question } from './index';
import { norm } from './util';

const STORY = `Harbour Plans Approved
Mayor Ana Ruiz, the former head of the port authority, opened the new bridge in Dunmore on Friday. "It joins two halves of the city," Ms Ruiz said. Its builder, Kellan Works, spent $40m and hired 300 workers over two years. Engineer Tomas Berg said the deck "will last a century". Both France and Spain sent delegations to the opening. Traffic on the old ferry fell 12% in March 2024, officials said.
What Happens Next
Councillor Priya Shah, the leader of the opposition, warned that repairs would cost more than planned. The council will vote on the second phase in October.`;

const byType = <T extends Question['type']>(d: Deck, t: T) =>
	d.questions.filter((q): q is Extract<Question, { type: T }> => q.type === t);

function inputError(text: string): InputError {
	try {
		generateDeck(text);
	} catch (e) {
		if (e instanceof InputError) return e;
		throw e;
	}
	throw new Error('no error thrown');
}

describe('bad input', () => {
	it('refuses empty, binary, non-English, too short and too long text with a clear reason', () => {
		expect(inputError('   \n ').code).toBe('empty');
		expect(inputError('abc\u0000\u0001\u0002def\u0000ghi jkl mno'.repeat(5)).code).toBe('binary');
		expect(inputError('Москва является столицей России и крупнейшим городом страны.').code).toBe(
			'not-english'
		);
		expect(
			inputError(
				'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt'
			).code
		).toBe('not-english');
		expect(inputError('Hello there.').code).toBe('too-short');
		const huge = inputError('The cat sat on the mat. '.repeat(Math.ceil(MAX_INPUT_CHARS / 24) + 1));
		expect(huge.code).toBe('too-long');
		expect(huge.message).toMatch(/limit is 200,000/);
	});
});

describe('deck from a short story', () => {
	const deck = generateDeck(STORY, { seed: 3 });

	it('keeps headings as sections and never asks about them', () => {
		expect(deck.sections.map((s) => s.title)).toEqual([
			'Harbour Plans Approved',
			'What Happens Next'
		]);
		for (const q of deck.questions) expect(q.prompt).not.toContain('What Happens Next');
		expect(deck.title).toBe('Harbour Plans Approved');
	});

	it('makes all six types', () => {
		expect(new Set(deck.questions.map((q) => q.type))).toEqual(
			new Set(['multiple-choice', 'cloze', 'true-false', 'quote', 'match', 'short-answer'])
		);
	});

	it('gives every span answer an answerSpan holding it and evidence holding the span', () => {
		for (const q of deck.questions) {
			expect(q.evidence.end).toBeGreaterThan(q.evidence.start);
			if (!q.answerSpan) continue;
			expect(norm(STORY.slice(q.answerSpan.start, q.answerSpan.end))).toBe(norm(q.answer));
		}
	});

	it('multiple choice: four distinct options, the answer once, no option inside another', () => {
		const mcs = byType(deck, 'multiple-choice');
		expect(mcs.length).toBeGreaterThanOrEqual(2);
		for (const q of mcs) {
			expect(q.choices).toHaveLength(4);
			expect(q.choices.filter((c) => c === q.answer)).toHaveLength(1);
			for (const c of q.choices)
				if (c !== q.answer) {
					expect(norm(c).includes(norm(q.answer))).toBe(false);
					expect(norm(q.answer).includes(norm(c))).toBe(false);
				}
		}
	});

	it('never offers as a distractor something the evidence sentence also names', () => {
		for (const q of [...byType(deck, 'multiple-choice'), ...byType(deck, 'quote')]) {
			const evidence = STORY.slice(q.evidence.start, q.evidence.end);
			for (const c of q.choices) if (c !== q.answer) expect(evidence).not.toContain(c);
		}
	});

	it('cloze: blanks the answer and hints its kind', () => {
		for (const q of byType(deck, 'cloze')) {
			expect(q.prompt).toContain('_____');
			expect(norm(q.prompt).includes(norm(q.answer))).toBe(false);
			// An unsure kind has no hint at all.
			expect(q.hint).toMatch(/^(?:an? |two or more |$)/);
		}
	});

	it('quote: asks who said it, with the speaker among the options', () => {
		const quotes = byType(deck, 'quote');
		const answers = quotes.map((q) => q.answer);
		expect(answers).toEqual(expect.arrayContaining(['Ana Ruiz', 'Tomas Berg']));
		const ruiz = quotes.find((q) => q.answer === 'Ana Ruiz');
		expect(ruiz?.prompt).toBe('Who said: “It joins two halves of the city”?');
	});

	it('match: people to the roles the text gives them', () => {
		const [m] = byType(deck, 'match');
		expect(m?.pairs).toEqual(
			expect.arrayContaining([
				['Ana Ruiz', 'Mayor'],
				['Tomas Berg', 'Engineer'],
				['Priya Shah', 'Councillor']
			])
		);
		expect(m?.pairs.length).toBeGreaterThanOrEqual(3);
		expect(m?.pairs.length).toBeLessThanOrEqual(6);
	});

	it('true-false: a false statement swaps in something the text does not say', () => {
		const all = [1, 2, 3, 4, 5, 6, 7, 8].flatMap((seed) =>
			byType(generateDeck(STORY, { seed, keepUnlikely: true }), 'true-false')
		);
		const falses = all.filter((q) => q.answer === 'False');
		const trues = all.filter((q) => q.answer === 'True');
		expect(falses.length).toBeGreaterThan(0);
		expect(trues.length).toBeGreaterThan(0);
		for (const q of falses) {
			const statement = q.prompt.replace(/^True or false\? /, '');
			expect(STORY).not.toContain(statement);
		}
		// A true statement says what the text says, in other words: never a sentence copied whole.
		const sentences = STORY.split(/\n|(?<=[.!?])\s+/).map((x) => x.trim());
		const words = new Set(STORY.toLowerCase().match(/[\p{L}\d$%']+/gu));
		for (const q of trues) {
			const statement = q.prompt.replace(/^True or false\? /, '');
			expect(sentences).not.toContain(statement);
			for (const w of statement.toLowerCase().match(/[\p{L}\d$%']+/gu) ?? [])
				if (!/^(?:that|according|to|over|under|aged)$/.test(w)) expect(words).toContain(w);
		}
	});

	it('short answer: grammatical questions from the sentences', () => {
		const prompts = byType(deck, 'short-answer').map((q) => q.prompt);
		expect(prompts.length).toBeGreaterThan(0);
		for (const p of prompts) expect(p).toMatch(/^(Who|What|When|Where|Which|How)\b.*\?$/);
	});

	it('one flashcard per key fact, with the source sentence on the back', () => {
		expect(deck.cards.length).toBeGreaterThan(3);
		expect(new Set(deck.cards.map((c) => c.factId)).size).toBe(deck.cards.length);
		for (const c of deck.cards)
			expect(c.back).toContain(STORY.slice(c.evidence.start, c.evidence.end).replace(/\s+/g, ' '));
	});
});

describe('match without roles', () => {
	it('matches speakers with their words when the article gives no roles', () => {
		const text = `Ana Ruiz opened the bridge on Friday. "It joins two halves of the old city," Ana Ruiz said. Tomas Berg walked across it at noon. "The deck will easily last a century," Tomas Berg said. Priya Shah watched from the quay. "We waited far too long for this," Priya Shah said. Traffic fell 12% in March.`;
		const [m] = byType(generateDeck(text), 'match');
		expect(m?.prompt).toBe('Match each speaker with their words.');
		expect(m?.pairs).toContainEqual(['Tomas Berg', '“The deck will easily last a century”']);
		expect(m?.pairs.length).toBe(3);
	});
});

describe('determinism and stable ids', () => {
	it('gives the same deck for the same text and seed', () => {
		expect(generateDeck(STORY, { seed: 9 })).toEqual(generateDeck(STORY, { seed: 9 }));
	});

	it('keeps ids across seeds; the seed only reorders options', () => {
		const a = generateDeck(STORY, { seed: 1 });
		const b = generateDeck(STORY, { seed: 2 });
		expect(b.questions.map((q) => q.id).sort()).toEqual(a.questions.map((q) => q.id).sort());
		const orders = (d: Deck) => byType(d, 'multiple-choice').map((q) => q.choices.join('|'));
		expect(orders(a)).not.toEqual(orders(b));
	});

	it('keeps the ids of facts whose sentence did not change', () => {
		const before = generateDeck(STORY);
		const after = generateDeck(
			STORY.replace('The council will vote', 'The full council will vote')
		);
		const stable = before.cards.filter(
			(c) => !STORY.slice(c.evidence.start, c.evidence.end).includes('council will vote')
		);
		const afterIds = new Set(after.facts.map((f) => f.id));
		for (const c of stable) expect(afterIds.has(c.factId)).toBe(true);
	});
});

describe('aliases', () => {
	it('never offers another name of the answer as a distractor', () => {
		const text =
			'The United States sent aid on Monday. Officials in Washington said America would send more. Canada and Mexico also sent aid last week. Japan pledged money.';
		const deck = generateDeck(text);
		const aliases = ['united states', 'us', 'usa', 'america', 'u s'];
		for (const q of byType(deck, 'multiple-choice'))
			if (aliases.includes(norm(q.answer)))
				for (const c of q.choices) if (c !== q.answer) expect(aliases).not.toContain(norm(c));
	});
});

describe('the built-in article', () => {
	const deck = generateDeck(PARIS_SUMMIT_TEXT);

	it('has all six types and a sensible size', () => {
		expect(new Set(deck.questions.map((q) => q.type)).size).toBe(6);
		// The questions least likely to be handed out as they are leave an article's deck.
		expect(deck.questions.length).toBeGreaterThanOrEqual(12);
		expect(deck.questions.length).toBeLessThanOrEqual(40);
	});

	it('asks who said a quote', () => {
		const speakers = byType(deck, 'quote').map((q) => q.answer);
		expect(speakers).toContain('Vladimir Putin');
	});

	it('matches people to roles as the article means them, none naming another person', () => {
		const [m] = byType(deck, 'match');
		const people = m?.pairs.map((p) => p[0]) ?? [];
		expect(people).toEqual(
			expect.arrayContaining([
				'Steve Witkoff',
				'Emmanuel Macron',
				'Volodymyr Zelenskyy',
				'Vladimir Putin'
			])
		);
		expect(m?.pairs).toContainEqual(['Emmanuel Macron', 'French President']);
		// "former President Donald Trump's son-in-law" describes Kushner, not Trump.
		expect(m?.pairs).not.toContainEqual(['Donald Trump', 'Former President']);
		for (const [, role] of m?.pairs ?? [])
			for (const p of people) expect(role.includes(p)).toBe(false);
	});

	it('opens on the news itself and never on a weekday', () => {
		const top = deck.questions.slice(0, 10);
		for (const q of top) expect(q.answer).not.toMatch(/day$/);
		expect(deck.questions[0]?.answer).toBe('United States');
		for (const q of deck.questions)
			if (q.type === 'true-false')
				expect(q.prompt).not.toMatch(/^True or false\? (He|She|It|They) /);
	});

	it('makes about half of its true-false questions false, for any seed', () => {
		for (const seed of [1, 2, 3]) {
			// Every candidate chosen holds several; the deck as handed out keeps at least one.
			const tf = byType(
				generateDeck(PARIS_SUMMIT_TEXT, { seed, keepUnlikely: true }),
				'true-false'
			);
			const falses = tf.filter((q) => q.answer === 'False').length;
			expect(tf.length).toBeGreaterThanOrEqual(4);
			expect(Math.abs(falses - tf.length / 2)).toBeLessThanOrEqual(1);
			expect(
				byType(generateDeck(PARIS_SUMMIT_TEXT, { seed }), 'true-false').length
			).toBeGreaterThanOrEqual(1);
		}
	});

	it('asks which two countries will deploy troops', () => {
		expect(deck.questions.map((q) => q.prompt)).toContain(
			'Which two countries declared their readiness to deploy troops to Ukraine following a peace agreement?'
		);
	});
});

describe('named terms', () => {
	it('asks for a term the text coins in quotation marks', () => {
		const deck = generateDeck(
			'The harbour board approved the new ferry timetable on Monday. Local traders called the plan the "tidal timetable" because sailings follow the tides. The board said the change would cut waiting times by a third.'
		);
		expect(deck.questions.some((q) => q.answer === 'tidal timetable')).toBe(true);
	});
});

describe('questions that say who they are about', () => {
	const text = [
		'Kim Clijsters will return to action at the Sydney International next week, her coach Marc Dehous said on Monday.',
		'The Belgian has not played since losing in the fourth round of the US Open in September to Nadia Petrova.',
		'Clijsters won the US Open title in 2005 after beating Mary Pierce in the final at Flushing Meadows.',
		'Petrova reached the semi-finals of the Australian Open in 2006 and the French Open in 2005.'
	].join('\n\n');

	it('ranks a sentence that opens on "The Belgian" below those that name their subject', () => {
		const deck = generateDeck(text);
		const start = text.indexOf('The Belgian');
		const rank = (q: Question) => deck.questions.indexOf(q);
		const leaning = deck.questions.filter(
			(q) => q.evidence.start === start && q.type !== 'quote' && q.type !== 'match'
		);
		const named = deck.questions.filter(
			(q) => q.evidence.start !== start && q.type !== 'true-false' && q.type !== 'match'
		);
		expect(leaning.length).toBeGreaterThan(0);
		expect(named.length).toBeGreaterThan(2);
		// Every question on the description's sentence comes after the first three named ones.
		const third = rank(named[2] as Question);
		for (const q of leaning) expect(rank(q)).toBeGreaterThan(third);
	});
});
