import { describe, expect, it } from 'vitest';
import { gradeTyped, listItems, normaliseAnswer, overrideGrade } from './grade';

const verdict = (given: string, expected: string, accepted: string[] = []) =>
	gradeTyped(given, expected, accepted).verdict;

describe('normaliseAnswer', () => {
	it('ignores case, punctuation, accents, possessives and a leading article', () => {
		expect(normaliseAnswer('  The  Élysée Palace! ')).toBe('elysee palace');
		expect(normaliseAnswer("Britain's")).toBe('britain');
		expect(normaliseAnswer('A coalition')).toBe('coalition');
		expect(normaliseAnswer('  The Wye! ')).toBe('wye');
		expect(normaliseAnswer('Zoë  Ñúñez')).toBe('zoe nunez');
	});

	it('reads number words and thousands separators as digits, and keeps decimals', () => {
		expect(normaliseAnswer('two countries')).toBe('2 countries');
		expect(normaliseAnswer('1,500 troops')).toBe('1500 troops');
		expect(normaliseAnswer('3.5%')).toBe('3.5 percent');
		expect(normaliseAnswer('3.5 per cent')).toBe('3.5 percent');
	});

	it('reads a whole number phrase as one number', () => {
		expect(normaliseAnswer('twenty-five')).toBe('25');
		expect(normaliseAnswer('two hundred and fifty')).toBe('250');
		expect(normaliseAnswer('three thousand four hundred')).toBe('3400');
		expect(normaliseAnswer('1.5 million people')).toBe('1500000 people');
		expect(normaliseAnswer('a thousand ships')).toBe('1000 ships');
		expect(normaliseAnswer('the third day')).toBe('3rd day');
		// Two numbers that do not combine stay two numbers.
		expect(normaliseAnswer('five six')).toBe('5 6');
		expect(normaliseAnswer('2 and 3')).toBe('2 and 3');
	});

	it('keeps a lone article that is the whole answer', () => {
		expect(normaliseAnswer('A')).toBe('a');
	});
});

describe('listItems', () => {
	it('splits on commas, "and", "&" and "or", but not inside a number', () => {
		expect(listItems('France, Britain & Germany')).toEqual(['France', 'Britain', 'Germany']);
		expect(listItems('Steve Witkoff AND Jared Kushner')).toEqual([
			'Steve Witkoff',
			'Jared Kushner'
		]);
		expect(listItems('1,500 and 2,000')).toEqual(['1500', '2000']);
	});
});

describe('gradeTyped', () => {
	it('accepts the exact answer however it is typed', () => {
		expect(verdict('united states', 'the United States')).toBe('correct');
	});

	it('accepts the items of a list in any order', () => {
		expect(verdict('Britain and France', 'France and Britain')).toBe('correct');
		expect(verdict('britain, france', 'France and Britain')).toBe('correct');
		expect(verdict('Germany, Britain and France', 'France, Britain and Germany')).toBe('correct');
		expect(verdict('Britain and Spain', 'France and Britain')).toBe('wrong');
		expect(verdict('Britain', 'France and Britain')).toBe('wrong');
	});

	it('accepts surnames for the people of a list, in any order', () => {
		expect(verdict('Witkoff and Kushner', 'Steve Witkoff and Jared Kushner')).toBe('correct');
		expect(verdict('Kushner and Witkoff', 'Steve Witkoff and Jared Kushner')).toBe('correct');
		expect(verdict('Kushner & Witkof', 'Steve Witkoff and Jared Kushner')).toBe('close');
		expect(verdict('Witkoff and Trump', 'Steve Witkoff and Jared Kushner')).toBe('wrong');
	});

	it('accepts a surname for a full name, and a name without its title', () => {
		expect(verdict('Macron', 'Emmanuel Macron')).toBe('correct');
		expect(verdict('Emmanuel', 'Emmanuel Macron')).toBe('wrong');
		expect(verdict('Emmanuel Macron', 'President Emmanuel Macron')).toBe('correct');
		expect(verdict('Emmanuel Macron', 'Macron')).toBe('correct');
		expect(verdict('de Gaulle', 'Charles de Gaulle')).toBe('correct');
	});

	it('does not take the last word of something that is not a name', () => {
		expect(verdict('summit', 'Paris summit')).toBe('wrong');
		expect(verdict('talks', 'peace talks')).toBe('wrong');
	});

	it('accepts a small typo as close, and says how it is spelled', () => {
		const grade = gradeTyped('Zelensky', 'Zelenskyy');
		expect(grade).toMatchObject({ verdict: 'close', correct: true });
		expect(grade.message).toContain('Zelenskyy');
		expect(verdict('Witkof', 'Witkoff')).toBe('close');
		expect(verdict('Witkof', 'Steve Witkoff')).toBe('close');
		expect(verdict('helen marh', 'Helen Marsh')).toBe('close');
		expect(verdict('Hellen Mash', 'Helen Marsh')).toBe('close');
	});

	it('does not forgive a typo in a short answer or a wrong number', () => {
		expect(verdict('UL', 'UK')).toBe('wrong');
		expect(verdict('Wyr', 'Wye')).toBe('wrong');
		expect(verdict('2019', '2018')).toBe('wrong');
		expect(verdict('1300', '1,200')).toBe('wrong');
		expect(verdict('3 thousand', 'several thousand')).toBe('wrong');
		expect(verdict('Daniel Price', 'Helen Marsh')).toBe('wrong');
	});

	it('takes number words for digits and the bare number for a quantity', () => {
		expect(verdict('two', '2')).toBe('correct');
		expect(verdict('1500', '1,500 troops')).toBe('correct');
		expect(verdict('1200', '1,200')).toBe('correct');
		expect(verdict('twenty-five', '25')).toBe('correct');
		expect(verdict('25 percent', '25%')).toBe('correct');
		expect(verdict('1.5 million', '1,500,000')).toBe('correct');
		expect(verdict('fifteen hundred troops', '1,500 troops')).toBe('correct');
		expect(verdict('1500 soldiers', '1,500 troops')).toBe('wrong');
	});

	it('takes a date in either order', () => {
		expect(verdict('5 March 2024', 'March 5, 2024')).toBe('correct');
		expect(verdict('6 March 2024', 'March 5, 2024')).toBe('wrong');
	});

	it('accepts any listed alternative', () => {
		expect(verdict('USA', 'United States', ['USA', 'US'])).toBe('correct');
	});

	it('marks an empty answer wrong with a message', () => {
		expect(gradeTyped('   ', 'Paris')).toMatchObject({
			verdict: 'wrong',
			message: 'No answer given.'
		});
		expect(verdict('', 'alder')).toBe('wrong');
	});
});

describe('overrideGrade', () => {
	it('turns a wrong verdict into a right one and says it was overridden', () => {
		const wrong = gradeTyped('Kiev', 'Kyiv');
		expect(wrong.correct).toBe(false);
		expect(overrideGrade(wrong)).toMatchObject({
			correct: true,
			verdict: 'correct',
			overridden: true
		});
		expect(overrideGrade(gradeTyped('Kyiv', 'Kyiv')).overridden).toBe(false);
	});
});
