/**
 * Openings cut only as whole phrases, sentence breaks the reader missed, and wh-questions cut short.
 */
import { describe, expect, it } from 'vitest';
import { generateDeck } from '.';
import type { Rejection } from './explain';
import { asked } from './fixtures/asked';
import { readForTest } from './fixtures/read';
import { questionsForFact, type Built } from './questions';
import { screen, wholeOpening } from './screen';
import { clozeHint, openingPhrase } from './builders/cloze';
import { cutName, hiddenBreak, runOnPrompt, vagueQuestion } from './weak';

function run(text: string) {
	const rejected: Rejection[] = [];
	const { questions } = generateDeck(text, { onReject: (r: Rejection) => rejected.push(r) });
	return { questions, rejected };
}

describe('rule whole-opening: an opening phrase is cut whole or not at all', () => {
	it('puts back "In addition" before "to …" and "Instead" before "of …"', () => {
		expect(
			wholeOpening(
				'In addition to the payment freeze, Harbour United will get short-term loans.',
				'To the payment freeze, _____ will get short-term loans.'
			)
		).toBe('In addition to the payment freeze, _____ will get short-term loans.');
		expect(
			wholeOpening(
				'Instead of fearing board games, Dr Lena Park believes teachers should use them.',
				'Which person completes the sentence? Of fearing board games, _____ believes teachers should use them.'
			)
		).toBe(
			'Which person completes the sentence? Instead of fearing board games, _____ believes teachers should use them.'
		);
	});

	it('leaves a discourse word dropped on its own', () => {
		expect(
			wholeOpening('But in 2004, sales fell by 12%.', 'In 2004, sales fell by _____.')
		).toBeNull();
		expect(
			wholeOpening('In addition, the club will sell its ground.', 'The club will sell its _____.')
		).toBeNull();
		expect(
			wholeOpening('And to the surprise of many, Kell won.', 'To the surprise of many, _____ won.')
		).toBeNull();
	});

	it('shows the whole phrase in a screened question', () => {
		const { ctx, facts, doc } = readForTest(`Harbour United agrees rescue plan

Harbour United has agreed a rescue plan with its lenders, the football club said on Monday.

In addition to the interest-payment freeze, Harbour United will get short-term loans to help pay salaries. The club owes about 120m euros to its banks.`);
		const out: Built[] = [];
		for (const f of facts) out.push(...questionsForFact(ctx, f));
		const cut = out.filter((b) => /^To the interest-payment/.test(b.q.prompt));
		expect(cut.length).toBeGreaterThan(0);
		const kept = screen(doc, cut, () => {}, new Set());
		expect(kept.length).toBeGreaterThan(0);
		for (const b of kept) expect(b.q.prompt).toMatch(/^In addition to the interest-payment/);
	});
});

describe('rule run-on-prompt: a sentence break the reader took for an abbreviation', () => {
	it('finds a stop before a word that opens sentences', () => {
		expect(hiddenBreak('the operating system owned by Sun. Initially it will house the grid')).toBe(
			true
		);
		expect(hiddenBreak('World War I. But')).toBe(true);
		expect(hiddenBreak('Sun. Initially')).toBe(true);
	});

	it('leaves initials, titles and names after a stop', () => {
		expect(hiddenBreak('J. Allard said the console was fast.')).toBe(false);
		expect(hiddenBreak('talks with Mr. Smith in St. Louis')).toBe(false);
		expect(hiddenBreak('Tom Reyes of Acme Inc. Chief executive')).toBe(false);
	});

	it('rejects the blank and the prompt that run across the break', () => {
		expect(
			runOnPrompt(
				asked(
					'cloze',
					'The Sun Grid relies on Solaris, owned by _____ it will house the grid.',
					'Sun. Initially'
				)
			)
		).toBe(true);
		expect(
			runOnPrompt(
				asked(
					'cloze',
					'The grid relies on _____, owned by Sun. Initially it will house the grid.',
					'Solaris'
				)
			)
		).toBe(true);
		expect(
			runOnPrompt(asked('cloze', 'The grid relies on _____, the system owned by Sun.', 'Solaris'))
		).toBe(false);
		expect(
			runOnPrompt(asked('cloze', 'She hosted it with Ant and _____ She won an award.', 'Dec.'))
		).toBe(true);
	});

	it('names the rule in a generated deck', () => {
		const text = `Sun opens its grid

The Sun Grid relies on Solaris, the operating system owned by Sun. Initially it will house the grid in existing premises. The firm will charge $1 per processor per hour.`;
		const { questions, rejected } = run(text);
		expect(questions.some((q) => q.answer === 'Sun. Initially')).toBe(false);
		expect(
			rejected.some((r) => r.reason === 'run-on-prompt' && /Initially/.test(r.detail ?? ''))
		).toBe(true);
	});
});

describe('rule vague-question: a wh-question cut short', () => {
	const vague = (prompt: string, sentence = '') =>
		vagueQuestion(asked('short-answer', prompt, 'Ann Lee'), sentence);

	it('finds said or told with nothing said', () => {
		expect(
			vague(
				"Who told BBC Radio 4's Today programme?",
				'Ann Lee told BBC Radio 4\'s Today programme: "We won."'
			)
		).toBe(true);
		expect(
			vague(
				'Who said at a ceremony in London?',
				'Ann Lee said at a ceremony in London on Tuesday: "It was a great year."'
			)
		).toBe(true);
		expect(
			vague(
				'Who said the basic principles of usability?',
				'Ann Lee said the basic principles of usability have stayed the same.'
			)
		).toBe(true);
		expect(vague('Who added?')).toBe(true);
	});

	it('leaves said with all that was said', () => {
		expect(
			vague(
				'Who says the strategy shows frustration?',
				'Ann Lee says the strategy shows frustration.'
			)
		).toBe(false);
		expect(
			vague(
				'Who said the sector grew 1% in the quarter?',
				'Ann Lee said the sector grew 1% in the quarter, adding that it was slow.'
			)
		).toBe(false);
		expect(vague('Who told reporters?', 'Ann Lee told reporters.')).toBe(false);
		expect(
			vague(
				'Who said buyers face real problems?',
				'Ann Lee said buyers face real problems when they move files.'
			)
		).toBe(false);
		expect(
			vague(
				'Who says one in eight homes struggle with debt?',
				'Ann Lee says one in eight homes struggle with debt and that will worsen.'
			)
		).toBe(false);
		expect(
			vague(
				'Who announced their support for the plans?',
				'The Greens announced their support for the plans, but asked for more.'
			)
		).toBe(false);
	});

	it('finds a clause broken off after "that," and a figure cut at its point', () => {
		expect(vague('Who admitted that, had he still been a backbencher?')).toBe(true);
		expect(
			vague(
				'Who was seventh in the 1500m final in 3?',
				'Hale was seventh in the 1500m final in 3.41.'
			)
		).toBe(true);
	});

	it('leaves questions that say what they ask', () => {
		expect(vague('Who said the flaws had been fixed?')).toBe(false);
		expect(vague('Who told the court he was innocent?')).toBe(false);
		expect(vague('Who told staff to go home?')).toBe(false);
		expect(vague('Who warned of a recession?')).toBe(false);
		expect(vague('Who admitted the charges?')).toBe(false);
		expect(vague('Who founded the festival in 1981?')).toBe(false);
		expect(vague('Who won the race in 3?', 'Hale won the race in 3 minutes.')).toBe(false);
	});

	it('names the rule in a generated deck', () => {
		const text = `Airline to fight fine

The airline Skyway was fined 2m euros on Tuesday for long delays at Vienna airport.

Mr Fenner admitted that, had he known about the delays, he would have acted sooner. Skyway will appeal against the fine, Paul Fenner said. The airline carried 4m passengers last year.`;
		const { questions, rejected } = run(text);
		expect(questions.some((q) => /^Who admitted that,/.test(q.prompt))).toBe(false);
		expect(rejected.some((r) => r.reason === 'vague-question')).toBe(true);
	});
});

describe('rule cut-name: a name cut short by its opening word', () => {
	const text = `Singer Ana Reyes to wed

Pop star Ana Reyes is to marry music executive Tom Hale, the singer's agent has confirmed.

New York-born Reyes reached number one in the UK with her debut hit Blue Rooms in October 1999. The Paris-based label signed her in 1998. Reyes won best pop collaboration in 2002.`;

	it('finds "York-born" where the text writes "New York-born"', () => {
		const doc = { text } as { text: string };
		expect(
			cutName(doc.text, asked('cloze', '_____ reached number one in 1999.', 'York-born Reyes'))
		).toBe(true);
		expect(
			cutName(
				doc.text,
				asked('cloze', "York-born Reyes's early success was cemented by _____.", 'two')
			)
		).toBe(true);
		expect(
			cutName(doc.text, asked('cloze', 'New York-born Reyes reached number one in _____.', '1999'))
		).toBe(false);
		expect(
			cutName(doc.text, asked('cloze', 'The Paris-based label signed her in _____.', '1998'))
		).toBe(false);
	});

	it('names the rule in a generated deck', () => {
		const { questions, rejected } = run(text);
		expect(questions.some((q) => /^York-born/.test(q.answer))).toBe(false);
		expect(rejected.some((r) => r.reason === 'cut-name')).toBe(true);
	});
});

describe('rule opening-phrase: capitalised only as the sentence opens', () => {
	const text = `Shoppers worry over tags

Consumers are very concerned about the use of radio tags in shops, a survey by Acme Research found.

Many consumers said they would stop buying goods with tags. Bank of Leeds said it would not use the tags. The bank has 40 branches in the north.`;

	it('gives no hint for a common word that opens the sentence', () => {
		const { doc, sureFact } = readForTest(text);
		const f = sureFact('Consumers');
		expect(openingPhrase(doc, f)).toBe(true);
		expect(clozeHint(doc, { ...f, answer: { ...f.answer!, kind: 'thing' } })).toBe('');
	});

	it('keeps a name whose words are written capitalised or never in lower case', () => {
		const { doc, sureFact } = readForTest(text);
		expect(openingPhrase(doc, sureFact('Bank of Leeds'))).toBe(false);
		expect(openingPhrase(doc, sureFact('Acme Research'))).toBe(false);
	});
});
