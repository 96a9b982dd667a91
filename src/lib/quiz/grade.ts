/**
 * Tolerant grading of typed answers (short answer and cloze), the way a fair teacher marks:
 * case, punctuation, spacing, leading articles and small typos do not matter; a person's
 * surname alone is enough; number words and digits are the same number.
 */

export type Verdict = 'correct' | 'close' | 'wrong';

export interface Grade {
	verdict: Verdict;
	/** Accepted as right (a close answer with a small typo counts). */
	correct: boolean;
	/** What to tell the learner, for screen readers as much as for the eye. */
	message: string;
}

const ARTICLES = new Set(['a', 'an', 'the']);

const NUMBER_WORDS: Record<string, string> = {
	zero: '0',
	one: '1',
	two: '2',
	three: '3',
	four: '4',
	five: '5',
	six: '6',
	seven: '7',
	eight: '8',
	nine: '9',
	ten: '10',
	eleven: '11',
	twelve: '12',
	twenty: '20',
	thirty: '30',
	forty: '40',
	fifty: '50',
	hundred: '100',
	thousand: '1000',
	million: '1000000',
	billion: '1000000000'
};

/** Lower case, no accents, punctuation as space, number words as digits, no leading article. */
export function normaliseAnswer(text: string): string {
	const words = text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/(\d),(?=\d{3}\b)/g, '$1')
		.replace(/['’]s\b/g, '')
		.replace(/[^\p{L}\p{N}%.]+/gu, ' ')
		.replace(/(?<!\d)\.|\.(?!\d)/g, ' ')
		.split(/\s+/)
		.filter(Boolean)
		.map((w) => NUMBER_WORDS[w] ?? w);
	while (words.length > 1 && ARTICLES.has(words[0]!)) words.shift();
	return words.join(' ');
}

/** Edit distance with adjacent transpositions, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
	if (Math.abs(a.length - b.length) > limit) return limit + 1;
	let prevPrev: number[] = [];
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		let best = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				d = Math.min(d, prevPrev[j - 2]! + 1);
			}
			row.push(d);
			if (d < best) best = d;
		}
		if (best > limit) return limit + 1;
		prevPrev = prev;
		prev = row;
	}
	return prev[b.length]!;
}

/** How many typos an answer of this length may have and still count. */
function typoAllowance(length: number): number {
	if (length < 4) return 0;
	if (length < 9) return 1;
	return 2;
}

/**
 * Grades a typed answer against the expected one.
 * @example gradeTyped('macron', 'Emmanuel Macron') // { verdict: 'correct', ... }
 * @example gradeTyped('the Untied States', 'United States') // { verdict: 'close', correct: true }
 */
export function gradeTyped(given: string, expected: string, accepted: string[] = []): Grade {
	const answer = normaliseAnswer(given);
	if (!answer) return { verdict: 'wrong', correct: false, message: 'No answer given.' };
	const targets = [expected, ...accepted].map(normaliseAnswer).filter(Boolean);
	for (const target of targets) {
		if (answer === target) return { verdict: 'correct', correct: true, message: 'Correct.' };
	}
	// A name's last word ("Macron" for "Emmanuel Macron") or a number's digits alone.
	for (const target of targets) {
		const words = target.split(' ');
		const last = words[words.length - 1]!;
		if (words.length > 1 && /^\p{L}{3,}$/u.test(last) && answer === last) {
			return { verdict: 'correct', correct: true, message: 'Correct.' };
		}
		const digits = target.match(/\d[\d.]*/g);
		if (digits?.length === 1 && answer === digits[0] && !/\d/.test(answer.replace(digits[0], ''))) {
			return { verdict: 'correct', correct: true, message: 'Correct.' };
		}
	}
	for (const target of targets) {
		if (/\d/.test(target)) continue; // a wrong digit is a wrong number, not a typo
		const allowed = typoAllowance(target.length);
		if (allowed > 0 && editDistance(answer, target, allowed) <= allowed) {
			return {
				verdict: 'close',
				correct: true,
				message: `Correct, with a small slip: the answer is spelled "${expected}".`
			};
		}
	}
	return { verdict: 'wrong', correct: false, message: `Not quite: the answer is "${expected}".` };
}
