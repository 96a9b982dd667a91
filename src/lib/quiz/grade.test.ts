import { describe, expect, it } from 'vitest';
import { itGives } from '$lib/testing/cases';
import { gradeTyped, listItems, normaliseAnswer, overrideGrade } from './grade';

const verdict = (given: string, expected: string, accepted: string[] = []) =>
	gradeTyped(given, expected, accepted).verdict;

describe('normaliseAnswer', () => {
	itGives(normaliseAnswer, [
		// Ignores case, punctuation, accents, possessives and a leading article.
		['  The  Élysée Palace! ', 'elysee palace'],
		["Britain's", 'britain'],
		['A coalition', 'coalition'],
		['  The Wye! ', 'wye'],
		['Zoë  Ñúñez', 'zoe nunez'],
		// Reads number words and thousands separators as digits, and keeps decimals.
		['two countries', '2 countries'],
		['1,500 troops', '1500 troops'],
		['3.5%', '3.5 percent'],
		['3.5 per cent', '3.5 percent'],
		// Reads a whole number phrase as one number.
		['twenty-five', '25'],
		['two hundred and fifty', '250'],
		['three thousand four hundred', '3400'],
		['1.5 million people', '1500000 people'],
		['a thousand ships', '1000 ships'],
		['the third day', '3rd day'],
		// Two numbers that do not combine stay two numbers.
		['five six', '5 6'],
		['2 and 3', '2 and 3'],
		// Keeps a lone article that is the whole answer.
		['A', 'a']
	]);
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
	it.each([
		// Accepts the exact answer however it is typed.
		['united states', 'the United States', 'correct'],
		// Accepts the items of a list in any order.
		['Britain and France', 'France and Britain', 'correct'],
		['britain, france', 'France and Britain', 'correct'],
		['Germany, Britain and France', 'France, Britain and Germany', 'correct'],
		['Britain and Spain', 'France and Britain', 'wrong'],
		['Britain', 'France and Britain', 'wrong'],
		// Accepts surnames for the people of a list, in any order.
		['Witkoff and Kushner', 'Steve Witkoff and Jared Kushner', 'correct'],
		['Kushner and Witkoff', 'Steve Witkoff and Jared Kushner', 'correct'],
		['Kushner & Witkof', 'Steve Witkoff and Jared Kushner', 'close'],
		['Witkoff and Trump', 'Steve Witkoff and Jared Kushner', 'wrong'],
		// Accepts a surname for a full name, and a name without its title.
		['Macron', 'Emmanuel Macron', 'correct'],
		['Emmanuel', 'Emmanuel Macron', 'wrong'],
		['Emmanuel Macron', 'President Emmanuel Macron', 'correct'],
		['Emmanuel Macron', 'Macron', 'correct'],
		['de Gaulle', 'Charles de Gaulle', 'correct'],
		// Does not take the last word of something that is not a name.
		['summit', 'Paris summit', 'wrong'],
		['talks', 'peace talks', 'wrong'],
		// Does not forgive a typo in a short answer or a wrong number.
		['UL', 'UK', 'wrong'],
		['Wyr', 'Wye', 'wrong'],
		['2019', '2018', 'wrong'],
		['1300', '1,200', 'wrong'],
		['3 thousand', 'several thousand', 'wrong'],
		['Daniel Price', 'Helen Marsh', 'wrong'],
		// Takes number words for digits and the bare number for a quantity.
		['two', '2', 'correct'],
		['1500', '1,500 troops', 'correct'],
		['1200', '1,200', 'correct'],
		['twenty-five', '25', 'correct'],
		['25 percent', '25%', 'correct'],
		['1.5 million', '1,500,000', 'correct'],
		['fifteen hundred troops', '1,500 troops', 'correct'],
		['1500 soldiers', '1,500 troops', 'wrong'],
		// Takes a date in either order.
		['5 March 2024', 'March 5, 2024', 'correct'],
		['6 March 2024', 'March 5, 2024', 'wrong']
	])('grades %j against %j as %s', (given, expected, want) => {
		expect(verdict(given, expected)).toBe(want);
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
