import { describe, expect, it } from 'vitest';
import { locate } from './fixtures/locate';
import {
	brokenTemplate,
	lemma,
	listedCount,
	needsContext,
	rankedPerson,
	unresolvedPronoun,
	whichFromDescription,
	whQuestionOrReason,
	type WhTarget
} from './wh';

/** The question on `answer` in the first sentence of `text`, or the reason there is none. */
function ask(text: string, answer: string, kind: WhTarget['kind'], items = 1): string {
	const { s, a, b } = locate(text, answer);
	const out = whQuestionOrReason(s, { kind, a, b, items, text: answer }, text, new Set(['the']));
	return 'prompt' in out ? out.prompt : out.reason;
}

describe('unresolved-pronoun', () => {
	it('refuses a pronoun with nothing before it to stand for', () => {
		expect(unresolvedPronoun('Who said they would open a shop in the town?')).toBe(true);
		expect(unresolvedPronoun('Who said he wanted it finished quickly?')).toBe(true);
		expect(unresolvedPronoun('Who will address them at the lunch?')).toBe(true);
		expect(unresolvedPronoun('Which firm said he would resign?')).toBe(true);
		expect(unresolvedPronoun("Who thinks it's about time?")).toBe(true);
		// "efforts" is no group of people to deport.
		expect(unresolvedPronoun('Who said efforts would go on to send them home?')).toBe(true);
	});

	it('keeps a pronoun that the question word, a name or a noun stands before', () => {
		expect(unresolvedPronoun('Who said he would open a shop in the town?')).toBe(false);
		expect(unresolvedPronoun('Who said the workers knew they would be paid?')).toBe(false);
		expect(unresolvedPronoun('Which firm said it would cut prices?')).toBe(false);
		expect(unresolvedPronoun('When did Acme say it would cut prices?')).toBe(false);
		expect(unresolvedPronoun('Who has led the team during their worst season?')).toBe(false);
		expect(unresolvedPronoun('Who said the players had lost their way?')).toBe(false);
		expect(unresolvedPronoun('Which two towns said they would merge?')).toBe(false);
		expect(unresolvedPronoun('Who agreed that they would meet again?', true)).toBe(false);
	});

	it('keeps an "it" that stands for nothing', () => {
		expect(unresolvedPronoun('Who said it was likely to rain on the day?')).toBe(false);
		expect(unresolvedPronoun('Who said it appeared the door had been forced?')).toBe(false);
		expect(unresolvedPronoun('Who hopes to make it to the final?')).toBe(false);
		expect(unresolvedPronoun('Who said it was still working on the plans?')).toBe(true);
	});
});

describe('comparisons and ellipses without their other term', () => {
	it('refuses them', () => {
		for (const q of [
			'Which country was close behind in the count?',
			'Who finished two points behind?',
			'When was the previous highest total reached?',
			"Where did the town's only other win come?",
			'Who said the latter would be sold?',
			'Who said the former had been sacked?',
			'Who paid the same price for the land?',
			'Who chose to sell the house instead?',
			'Who will join the board as well?',
			'Which club said they would?',
			'Who is another player on the bench?',
			'When are both expected to open?',
			'Who said he was delighted?'
		])
			expect(needsContext(q), q).toBe(true);
	});

	it('keeps them with the other term, and words that only look alike', () => {
		for (const q of [
			'Who paid the same price for the land as his brother?',
			'Who chose tea instead of coffee?',
			'Who put the club ahead after ten minutes?',
			'Who finished ahead of the champion?',
			'Who stood behind the former president?',
			'When did the shop open in May?',
			'Who won both the cup and the league?',
			'Who said the pair helped one another through the season?',
			'Who said he was delighted with the new stadium?'
		])
			expect(needsContext(q), q).toBe(false);
	});
});

describe('broken-template', () => {
	it('refuses the question word again inside the question', () => {
		expect(brokenTemplate('When was the record set, when sales peaked?')).toBe('repeated-wh');
		expect(brokenTemplate('Where is the mayor at a fair where prizes are given?')).toBe(
			'repeated-wh'
		);
		expect(brokenTemplate('When did the mayor say where the fair would be?')).toBe(null);
	});

	it('refuses speech with its "that" lost', () => {
		expect(brokenTemplate('Who said to cut costs the firm must sell its vans?')).toBe(
			'speech-without-that'
		);
		expect(brokenTemplate('Who told staff to cut costs?')).toBe(null);
	});

	it('refuses a reported clause cut before its main verb', () => {
		expect(brokenTemplate('Who said that when prices were at their peak?')).toBe('clause-cut');
		expect(brokenTemplate('Who said that the old mill?')).toBe('clause-cut');
		expect(brokenTemplate('Who said that once the road was built the town would grow?')).toBe(null);
		expect(brokenTemplate('Who said that as many as 500 people came?')).toBe(null);
		expect(
			brokenTemplate('Who noted that a foreign firm trying to take control of a local bank?')
		).toBe('clause-cut');
		expect(brokenTemplate('Who said that prices in most of the big towns rise?')).toBe(null);
		expect(brokenTemplate('Who has argued. there needs to be a vote?')).toBe('clause-cut');
	});
});

describe('wh-questions the templates now build right', () => {
	it('leaves out a relative clause after a comma, or goes on after it when it is closed', () => {
		expect(ask('The title came in 2000, when the team beat Spain in Paris.', '2000', 'date')).toBe(
			'When did the title come?'
		);
		expect(
			ask(
				'Mary Hale urged Tom Reed, who has had rows with the club in the past, to stay calm.',
				'Mary Hale',
				'person'
			)
		).toBe('Who urged Tom Reed to stay calm?');
	});

	it('drops the focus words left before a cut clause', () => {
		expect(
			ask(
				'Ann Weir said the results were poor not least because of the cold.',
				'Ann Weir',
				'person'
			)
		).toBe('Who said the results were poor?');
	});

	it('asks the time of the first of two verbs only', () => {
		expect(
			ask('Tom Reed was born in Leeds in 1960 and at first wanted to be a pilot.', '1960', 'date')
		).toBe('When was Tom Reed born in Leeds?');
		expect(
			ask(
				'Acme has seven million customers in Spain and its collapse would hurt the town.',
				'seven million customers',
				'quantity'
			)
		).toBe('How many customers does Acme have in Spain?');
	});

	it('counts with the words between the figure and its noun', () => {
		expect(
			ask('Nadia Kent saved nine match points in the final.', 'nine match points', 'quantity')
		).toBe('How many match points did Nadia Kent save in the final?');
	});

	it('reads "speed" as a noun and a participle with "by" as no main verb', () => {
		expect(ask('The standard speed is 512kbps in most towns.', '512kbps', 'quantity')).not.toMatch(
			/spee\b/
		);
		expect(
			ask('A survey carried out by Acme found in 2004 that most people walk.', '2004', 'date')
		).not.toMatch(/carry out by/);
	});

	it('refuses an answer that ends inside a word', () => {
		expect(ask('The club paid £3m-plus for the striker.', '£3', 'money')).toBe(
			'phrase-cut-in-half'
		);
		expect(
			ask("Tom Reed was fined two weeks' wages after the game.", 'two weeks', 'quantity')
		).toBe('phrase-cut-in-half');
		expect(ask('The pound was trading at $1.86 at 1800 GMT in London.', '1800', 'date')).toBe(
			'phrase-cut-in-half'
		);
	});

	it('refuses a count whose items the question lists', () => {
		expect(
			ask('There are three mills in Wales, in Bala, Conwy and Tenby.', 'three mills', 'quantity')
		).toBe('count-listed');
		expect(listedCount('Who met Ann, Tom and Joe Reed in Leeds?')).toBe(3);
	});

	it('makes the verb agree with a list of places', () => {
		expect(
			ask(
				'Albania, Bulgaria and Macedonia has given the go-ahead for a new pipeline.',
				'Albania, Bulgaria and Macedonia',
				'place',
				3
			)
		).toBe('Which three countries have given the go-ahead for a new pipeline?');
	});

	it('asks "who" of a ranked name, and not of a market index', () => {
		expect(
			ask(
				'Detective Inspector Paul Miller said the door had been forced.',
				'Detective Inspector Paul Miller',
				'organisation'
			)
		).toBe('Who said the door had been forced?');
		expect(
			ask(
				'The Jakarta Stock Exchange was down 2.1% at 1,011.15.',
				'Jakarta Stock Exchange',
				'organisation'
			)
		).toBe('unsure-kind');
	});

	it('asks "Which blogger" of "X is a blogger who is helping"', () => {
		expect(
			ask("Ann Weir is a Welsh blogger who's helping with the flood appeal.", 'Ann Weir', 'person')
		).toBe('Which Welsh blogger is helping with the flood appeal?');
	});
});

describe('more cuts and subjects', () => {
	it('stops at a comma that opens a contrast, even with nothing kept yet', () => {
		expect(ask('The usual fee is £40, though many pay less.', '£40', 'money')).not.toMatch(
			/though/
		);
	});

	it('refuses a question cut before the clause that says which time', () => {
		expect(
			ask('Ann Weir cited 1990 as an example of a time when rates rose fast.', 'Ann Weir', 'person')
		).toBe('clause-cut');
	});

	it('keeps a "that" clause past a short aside', () => {
		expect(
			ask(
				'Acme Labs has found ways to prove, to a legal standard, that a file is unchanged.',
				'Acme Labs',
				'organisation'
			)
		).toBe('Which organisation has found ways to prove that a file is unchanged?');
	});

	it('never asks a count from an opening phrase, nor a subject after "With"', () => {
		expect(
			ask(
				'Despite three nominations, the film failed to win a prize in Berlin.',
				'three nominations',
				'quantity'
			)
		).toBe('answer-in-opening-phrase');
		expect(
			ask(
				'With Tom Reed ruled out of two games, Ann Weir will start in goal.',
				'Tom Reed',
				'person'
			)
		).not.toMatch(/^Who ruled/);
	});

	it('stops at "and" that opens a clause with a subject of its own', () => {
		expect(
			ask(
				'Tom Reed won the ball near the line and a quick move saw Ann Weir score in the corner.',
				'Tom Reed',
				'person'
			)
		).toBe('Who won the ball near the line?');
	});

	it('asks "who" of a name with the body it speaks for', () => {
		expect(
			ask(
				'Simon Hale of the Rural Alliance questioned the new rules.',
				'Simon Hale of the Rural Alliance',
				'organisation'
			)
		).toBe('Who questioned the new rules?');
	});

	it('drops a discourse word before the subject', () => {
		expect(ask('Now Tom Reed will run in the race in Leeds.', 'Leeds', 'place')).toBe(
			'Where will Tom Reed run in the race?'
		);
	});

	it('refuses a person named by a common noun, and a time of something told elsewhere', () => {
		expect(needsContext('Where did the businessman voice concern about the riots?')).toBe(true);
		expect(needsContext('When did the minister deny the claims?')).toBe(false);
		expect(needsContext('Where was Ann Weir playing at the time?')).toBe(true);
		expect(needsContext('Where was Ann Weir playing at the time of the fire?')).toBe(false);
	});
});

describe('rankedPerson and whichFromDescription', () => {
	it('tells a person by a rank before the name', () => {
		expect(rankedPerson('Detective Inspector Paul Miller of Thames Valley Police')).toBe(true);
		expect(rankedPerson('Chief Inspector Miller')).toBe(true);
		expect(rankedPerson('Police Commissioner Sir Ian Blair')).toBe(true);
		expect(rankedPerson('Treasury Under-Secretary John Taylor')).toBe(true);
		expect(rankedPerson('General Motors')).toBe(false);
		expect(rankedPerson('Director Sony Pictures')).toBe(false);
	});

	it('turns a description into "Which"', () => {
		expect(whichFromDescription('was a teacher who lived in Leeds')).toBe(
			'Which teacher lived in Leeds'
		);
		expect(whichFromDescription("is a singer who's been on tour")).toBe(
			'Which singer has been on tour'
		);
		expect(whichFromDescription('is a teacher in Leeds')).toBe(null);
	});
});

describe('lemma of "-ed" forms that end in a silent e', () => {
	it('adds the e back', () => {
		expect(['featured', 'comprised', 'solved', 'forced', 'charged', 'poured'].map(lemma)).toEqual([
			'feature',
			'comprise',
			'solve',
			'force',
			'charge',
			'pour'
		]);
	});
});
