import { describe, expect, it } from 'vitest';
import { generateDeck } from './index';
import { analyze } from '../nlp';
import { trueElsewhere, withFullNames } from './builders/true-false';
import { danglingRelative } from './builders/short-answer';
import { bodyName, titledName } from './builders/quote';
import { KEY_MARK, straySubjectComma, withoutDiscourse } from './statement';

describe('rule full-name: a bare first name or surname written out', () => {
	const doc = analyze(
		'Mr Marcus Tellwright said he had won the county chess title. Marcus says the final was hard. ' +
			'Tellwright now plays in Leeds, where Ann Vossberg coaches the club.'
	);
	it('writes out a first name and a surname the article gives in full', () => {
		expect(withFullNames(doc, 'Marcus says the final was hard.')).toBe(
			'Marcus Tellwright says the final was hard.'
		);
		expect(withFullNames(doc, 'Tellwright now plays in Leeds.')).toBe(
			'Marcus Tellwright now plays in Leeds.'
		);
	});
	it('never writes in a name that holds a party word', () => {
		const tory = analyze('Tory Tim Jevons said the plan was wrong. The Tory one was better.');
		expect(withFullNames(tory, 'The Tory one was better.')).toBe('The Tory one was better.');
	});
	it('leaves a name already whole, and writes a person out once', () => {
		expect(withFullNames(doc, 'Ann Vossberg coaches Marcus Tellwright.')).toBe(
			'Ann Vossberg coaches Marcus Tellwright.'
		);
		expect(withFullNames(doc, 'Marcus beat Tellwright.')).toBe(
			'Marcus Tellwright beat Tellwright.'
		);
	});
});

describe('rule discourse-words', () => {
	it('drops words that tie the statement to the one before', () => {
		expect(withoutDiscourse(`But ${KEY_MARK} has also won the cup again.`)).toBe(
			`${KEY_MARK} has won the cup.`
		);
		expect(withoutDiscourse('The club signed a keeper, too.')).toBe('The club signed a keeper.');
		expect(withoutDiscourse('And the mayor opened the new bridge in May.')).toBe(
			'The mayor opened the new bridge in May.'
		);
	});
	it('makes no statement that leans on another sentence for what it says', () => {
		expect(withoutDiscourse(`${KEY_MARK} is another player on the injury list.`)).toBeNull();
		expect(withoutDiscourse(`${KEY_MARK} says so herself in her new book.`)).toBeNull();
		expect(withoutDiscourse(`${KEY_MARK} is a player on the injury list.`)).not.toBeNull();
		expect(withoutDiscourse(`But won't voters still turn to ${KEY_MARK}?`)).toBeNull();
		expect(withoutDiscourse(`And while ${KEY_MARK} will race in the 60m.`)).toBeNull();
		expect(withoutDiscourse(`The Belgian has not raced since ${KEY_MARK}.`)).toBeNull();
		expect(withoutDiscourse(`Yes, ${KEY_MARK} let the lead slip in the last lap.`)).toBe(
			`${KEY_MARK} let the lead slip in the last lap.`
		);
	});
});

describe('rule stray-comma', () => {
	it('drops a lone comma between a subject and its verb', () => {
		expect(straySubjectComma('The 1950 film starring Ann Lee, is being remade for £2m.')).toBe(
			'The 1950 film starring Ann Lee is being remade for £2m.'
		);
	});
	it('keeps the comma after an opening phrase', () => {
		const t = 'In the last ten years, was the town ever flooded?';
		expect(straySubjectComma(t)).toBe(t);
	});
});

describe('rule full-name: a surname with an apostrophe', () => {
	it("writes out O'Brady", () => {
		const doc = analyze("Mr Kevin O'Brady said he will stand. O'Brady now leads the party.");
		expect(withFullNames(doc, "O'Brady now leads the party.")).toBe(
			"Kevin O'Brady now leads the party."
		);
	});
});

describe('rule true-elsewhere', () => {
	const doc = analyze(
		'Tom Reid limped off against Leeds with a dead leg on Friday. ' +
			'Sam Okoro also limped off against Leeds with a dead leg. ' +
			'Ben Cray played the whole match and scored twice. ' +
			'The team flew to Oslo in May. The squad later flew to Oslo again.'
	);
	const frame = `${KEY_MARK} limped off against Leeds with a dead leg.`;
	it('bars a value another sentence says most of the statement about', () => {
		expect(trueElsewhere(doc, 0, frame, 'Sam Okoro')).toBe(true);
		expect(trueElsewhere(doc, 0, frame, 'Ben Cray')).toBe(false);
	});
	it("bars a value the article writes in the key's slot", () => {
		expect(trueElsewhere(doc, 3, `The team flew to ${KEY_MARK} in May.`, 'Oslo')).toBe(true);
	});
});

describe('short answer: rule dangling-relative', () => {
	it('flags a "later" whose time the question lost', () => {
		expect(danglingRelative('Who hopes to announce a deal later?')).toBe(true);
		expect(danglingRelative('Which party regained the seat two years later?')).toBe(false);
	});
});

describe('quote: short phrases and titled speakers', () => {
	it('asks no short reported phrase that opens on a preposition, but keeps a coined label', () => {
		const text =
			'Mayor Ivo Brandt said the harbour plan was "of public interest" and must go ahead. Critic Petra Lund called the plan a "concrete folly" on Monday. Engineer Tomas Berg said the wall "will hold back any storm for a century".';
		const quoted = generateDeck(text)
			.questions.filter((q) => q.type === 'quote')
			.map((q) => q.prompt);
		expect(quoted.some((p) => p.includes('of public interest'))).toBe(false);
		expect(quoted.some((p) => p.includes('concrete folly'))).toBe(true);
	});
	it('names a speaker known only by a title and surname with the title', () => {
		const doc = analyze(
			'Lord Pennick said the vote was "a matter for the whole house to settle". ' +
				'Jane Hollis disagreed with Lord Pennick.'
		);
		const e = doc.entities.find((x) => x.name.endsWith('Pennick'));
		const titled = titledName(doc, 'Pennick', e?.id);
		expect(titled.text).toBe('Lord Pennick');
		const at = titled.span ?? { start: 0, end: 0 };
		expect(doc.text.slice(at.start, at.end)).toBe('Lord Pennick');
		expect(titledName(doc, 'Jane Hollis').text).toBe('Jane Hollis');
	});
	it('offers no firm as a person beside the speaker', () => {
		expect(bodyName('Matrix Asset Advisors')).toBe(true);
		expect(bodyName('Tom Reid')).toBe(false);
	});
});
