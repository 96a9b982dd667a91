import { describe, expect, it } from 'vitest';
import { generateDeck, type Rejection } from '.';

const FUEL = `Fuel prices rise again

Petrol prices rose for a third month in March, the motoring group Roadwise said.

"Drivers are paying more than ever before," Roadwise spokesman Ian Dale told Reuters.

The average price of unleaded petrol reached 86.5p a litre, up from 82.9p in January.

Finance minister Clara Holt told Parliament the duty rise planned for April would go ahead.

Writing in the Financial Times, economist Raj Patel said oil would stay above $50 a barrel.

Diesel rose to 89.1p a litre, the highest level since records began in 1984.

Shell and BP both raised their forecourt prices in Scotland on Monday.

Roadwise said rural drivers were hit hardest because they had no choice but to drive.

The group urged the government to freeze fuel duty until the end of the year.

Clara Holt said the rise would raise £500m for public transport.

Sales of small cars rose 12% in the first quarter as drivers sought lower running costs.

The AA said supermarkets were selling petrol 2p a litre cheaper than other forecourts.

Prices are expected to fall in the summer if the cost of crude eases.

Oil traded at $54 a barrel in London on Friday.

Roadwise has 1.2 million members across the UK.`;

describe('whom or through what a speaker spoke', () => {
	const rejected: Rejection[] = [];
	const deck = generateDeck(FUEL, { onReject: (r) => rejected.push(r) });
	const answers = deck.questions.map((q) => q.answer);

	it('never asks for the outlet a speaker told or wrote in', () => {
		expect(answers).not.toContain('Reuters');
		expect(answers).not.toContain('Financial Times');
		const named = rejected.filter((r) => r.reason === 'speech-medium').map((r) => r.detail);
		expect(named).toEqual(expect.arrayContaining(['Parliament', 'Financial Times']));
	});

	it('never asks whom a speaker told, even an outlet read as a name', () => {
		const seen: Rejection[] = [];
		const other = generateDeck(FUEL.replace('Ian Dale told Reuters', 'Ian Dale told Five Live'), {
			onReject: (r) => seen.push(r)
		});
		expect(other.questions.map((q) => q.answer)).not.toContain('Five Live');
		expect(seen.some((r) => r.reason === 'speech-medium' && r.detail === 'Five Live')).toBe(true);
	});

	it('still asks who spoke and what they said', () => {
		expect(answers.some((a) => /Ian Dale|Raj Patel|Clara Holt/.test(a))).toBe(true);
	});
});
