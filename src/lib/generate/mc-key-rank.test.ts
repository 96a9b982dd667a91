/**
 * Rule "key rank": the key's place among sorted made-up figures is drawn from the key, so that no
 * place (never an end, always second) gives it away. Each rule on a short text written for the test.
 */
import { describe, expect, it } from 'vitest';
import { figureTell, keyRank, placeKey } from './distractors';
import { num, optionsFor } from './fixtures/options';

const none = new Set<string>();
const below = (key: string, ds: string[]) => ds.filter((d) => num(d) < num(key)).length;

describe('rule "key rank"', () => {
	it('draws every place, the top a little more often, and always the same for the same key', () => {
		const seen = [0, 0, 0, 0];
		for (let i = 1; i <= 400; i++) seen[keyRank({ text: `${i}%`, span: { start: i * 7 } })]! += 1;
		for (const s of seen) expect(s).toBeGreaterThan(55);
		expect(keyRank({ text: '40%', span: { start: 12 } })).toBe(
			keyRank({ text: '40%', span: { start: 12 } })
		);
	});

	it('moves made-up figures to the drawn side of the key, telling nothing', () => {
		for (const target of [0, 1, 2, 3]) {
			const out = ['45%', '52%', '61%'];
			const pool = [...out, '36%', '33%', '29%', '35%', '47%', '55%'];
			placeKey('40%', out, pool, none, () => true, target);
			expect(below('40%', out), `rank ${target}: ${out.join(', ')}`).toBe(target);
			expect(figureTell('40%', out, none)).toBe(undefined);
		}
	});

	it("keeps the article's own figures and takes the nearest place the pool allows", () => {
		const own = new Set(['3%']);
		const out = ['3%', '4%', '6%'];
		placeKey('2%', out, [...out, '1%', '5%', '7%'], own, () => true, 3);
		expect(out).toContain('3%');
		expect(below('2%', out)).toBe(1);
	});

	it('offers made-up figures below, around and above keys in the same sentence', () => {
		const ranks = new Set<number>();
		for (const figure of ['37%', '43%', '58%', '64%', '71%', '26%', '49%', '53%']) {
			const { ds } = optionsFor(
				`The survey found that ${figure} of the farmers in the valley had sold part of their herd.`,
				figure
			);
			expect(ds).toHaveLength(3);
			expect(figureTell(figure, ds, none)).toBe(undefined);
			ranks.add(below(figure, ds));
		}
		expect(ranks).toContain(0);
		expect(ranks).toContain(3);
	});

	it('keeps an option between the key and a figure the sentence sets beside it', () => {
		for (const figure of ['81', '87', '93', '98', '104', '112']) {
			const { ds } = optionsFor(
				`Members of the rowing club fell from ${figure} in 2019 to 64 last year, the club said.`,
				figure
			);
			expect(
				ds.some((d) => num(d) > 64 && num(d) < num(figure)),
				ds.join(', ')
			).toBe(true);
		}
	});
});
