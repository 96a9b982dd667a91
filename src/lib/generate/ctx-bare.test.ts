import { describe, it } from 'vitest';
import { analyze } from '../nlp';
import { bareReference } from './context';
import { expectFlags } from './fixtures/flags';

const TEXT =
	'Tarrow Mills has withdrawn from the cloth fair, its owner Ann Ridley said. The firm was accused of the murder of a rival trade. Tarrow Mills plans to combine its two sites. The mill hired striker Tom Reid last year. Ann Ridley wrote to the council.';
const doc = analyze(TEXT);
const end = doc.sentences[doc.sentences.length - 1]?.end ?? TEXT.length;
const check = (shown: string) => bareReference(doc, shown, end);

describe('a bare definite phrase that points back (bare-reference)', () => {
	it('flags a noun told of before by its stem, a synonym, or one that always points back', () => {
		expectFlags({
			it: 'flags',
			check,
			flags: [
				'The withdrawal did not mean that _____ had cut its ties.',
				'The killing convulsed the _____.',
				'The combination means a shortfall in _____.',
				'Rovers have agreed a fee for the player, who has yet to sign.',
				'_____ issued a warning to the trio last year.',
				'Ann Ridley hopes to capitalise on the spat.',
				'No one was hurt in the process, said _____.',
				'The latest plan was welcomed by _____.'
			],
			leaves: [
				// Nothing before told of a race, nor of a deal.
				'The race was won by _____.',
				'The deal was signed in _____.',
				// The phrase says which itself: "of …", "to …", a name, a restrictive clause.
				'The withdrawal of troops began in _____.',
				'The decision to close the site was taken in _____.',
				'The combination that worked best was _____.',
				'The killing Tarrow Mills denies happened in _____.',
				// The sentence tells of it before the phrase; a name gives the player.
				'The plan to merge is a new plan, and the plan will cost _____.',
				'Tom Reid has signed, and _____ paid £2m for the player.',
				// An idiom.
				'Staff are always on the move in _____.'
			]
		});
	});
	it('leaves text whose article never told of the thing', () => {
		const fresh = analyze('The town held a fair. Everyone came.');
		expectFlags({
			it: 'leaves',
			check: (t) => bareReference(fresh, t, fresh.text.length),
			flags: ['The trio sang at _____.'],
			leaves: ['The withdrawal did not mean that _____ had cut its ties.']
		});
	});
});
