/**
 * Wrong options of the right kind: a person for a person, a country for a country, a number of a
 * similar size for a number. The article's own entities come first, then small built-in lists
 * (none for people: only the article's own).
 * Never an alias of the answer, never an entity the evidence sentence itself names.
 */
import {
	CITIES,
	COUNTRIES,
	COUNTRY_BY_ALIAS,
	MONTHS,
	NUMBER_WORDS,
	WEEKDAYS
} from '../nlp/lexicon';
import type { Doc, Entity } from '../nlp/types';
import type { AnswerKind } from './types';
import { capitalise, norm } from './util';

const BUILTIN_ORGS = [
	'United Nations',
	'European Union',
	'World Bank',
	'Red Cross',
	'International Monetary Fund',
	'World Health Organization',
	'Nato',
	'Amnesty International',
	'World Trade Organization',
	'Greenpeace'
];
const BUILTIN_ROLES = [
	'Prime Minister',
	'Foreign Minister',
	'Defence Secretary',
	'Chief Executive',
	'Secretary General',
	'Finance Minister',
	'Ambassador',
	'Chancellor',
	'Spokesperson',
	'Vice President'
];
const CITY_NAMES = [
	'London',
	'Berlin',
	'Madrid',
	'Rome',
	'Vienna',
	'Warsaw',
	'Brussels',
	'Geneva',
	'Tokyo',
	'Toronto',
	'Sydney',
	'Cairo'
];

export interface AnswerInfo {
	text: string;
	kind: AnswerKind;
	entity?: number;
	value?: number;
}

/** Keys under which an answer is the same thing (aliases of a country, an entity's names). */
function sameThingKeys(doc: Doc, a: AnswerInfo): Set<string> {
	const keys = new Set<string>([norm(a.text)]);
	const c = COUNTRY_BY_ALIAS.get(a.text.toLowerCase());
	if (c) for (const x of [...c.aliases, ...c.demonyms]) keys.add(norm(x));
	if (a.entity !== undefined && a.entity >= 0) {
		const e = doc.entities[a.entity] as Entity;
		for (const k of e.keys) keys.add(norm(k));
		keys.add(norm(e.name));
		const ce = COUNTRY_BY_ALIAS.get(e.name.toLowerCase());
		if (ce) for (const x of [...ce.aliases, ...ce.demonyms]) keys.add(norm(x));
	}
	return keys;
}

/** Lower-case initials of a multi-word name ("Financial Times" → "ft"); '' for one word. */
function initials(s: string): string {
	const ws = norm(s)
		.split(' ')
		.filter((w) => !/^(of|and|for|the|de)$/.test(w));
	return ws.length > 1 ? ws.map((w) => w.charAt(0)).join('') : '';
}

/** True when two options would confuse the scorer or the learner: equal or one inside the other. */
export function overlaps(a: string, b: string): boolean {
	const x = norm(a);
	const y = norm(b);
	if (!x || !y) return true;
	return x === y || x.includes(y) || y.includes(x);
}

const numberFormat = (v: number, like: string): string => {
	const decimals = /\.(\d+)/.exec(like)?.[1]?.length ?? 0;
	const grouped = /\d,\d{3}/.test(like);
	const s = decimals ? v.toFixed(decimals) : String(Math.round(v));
	return grouped ? Number(s).toLocaleString('en-GB', { minimumFractionDigits: decimals }) : s;
};

const WORD_FOR = new Map<number, string>();
for (const [w, n] of Object.entries(NUMBER_WORDS)) if (!WORD_FOR.has(n)) WORD_FOR.set(n, w);

/** Replaces the first number in `text` by `v`, keeping symbols and words around it. */
function withNumber(text: string, v: number): string | null {
	const m = /\d+(?:[.,]\d+)*/.exec(text);
	if (m) {
		return text.slice(0, m.index) + numberFormat(v, m[0]) + text.slice(m.index + m[0].length);
	}
	const w = /\b([a-z]+)\b/i.exec(text);
	if (w && NUMBER_WORDS[(w[1] as string).toLowerCase()] !== undefined) {
		const word = WORD_FOR.get(v);
		if (!word) return null;
		const out = text.slice(0, w.index) + word + text.slice(w.index + (w[1] as string).length);
		return /^[A-Z]/.test(text) ? capitalise(out) : out;
	}
	return null;
}

function numericVariants(a: AnswerInfo): string[] {
	const v = a.value;
	if (v === undefined || !Number.isFinite(v)) return [];
	const hasDigits = /\d/.test(a.text);
	const base = hasDigits
		? Number((/\d+(?:[.,]\d+)*/.exec(a.text)?.[0] ?? '0').replace(/,/g, ''))
		: v;
	const out: string[] = [];
	if (!hasDigits) {
		// Number words: neighbours that have words of their own.
		for (const d of [1, -1, 2, -2, 3, 5, 10]) {
			const n = base + d;
			if (n > 1 && WORD_FOR.has(n)) {
				const s = withNumber(a.text, n);
				if (s) out.push(s);
			}
		}
		return out;
	}
	const isInt = Number.isInteger(base);
	const factors = base >= 10 ? [2, 0.5, 1.5, 3, 0.25, 4, 10] : [2, 3, 0.5, 4, 5, 1.5];
	for (const f of factors) {
		let n = base * f;
		if (isInt) n = Math.round(n);
		if (a.kind === 'percent' && n > 100) continue;
		if (n === base || n <= 0) continue;
		const s = withNumber(a.text, n);
		if (s) out.push(s);
	}
	return out;
}

function dateVariants(text: string, value: number | undefined): string[] {
	const out: string[] = [];
	const lower = text.toLowerCase();
	const wd = WEEKDAYS.findIndex((d) => lower.startsWith(d));
	if (wd >= 0 && text.length <= 10) {
		for (const d of [2, 1, 3, 5, 4, 6]) out.push(capitalise(WEEKDAYS[(wd + d) % 7] as string));
		return out;
	}
	const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(text);
	const month = MONTHS.findIndex((m) => lower.includes(m));
	if (month >= 0) {
		for (const d of [3, -2, 5, 1, -4, 7]) {
			const m = (month + d + 12) % 12;
			out.push(
				text.replace(new RegExp(MONTHS[month] as string, 'i'), capitalise(MONTHS[m] as string))
			);
		}
		return out;
	}
	if (year) {
		const y = Number(year[1]);
		for (const d of [-2, 3, -5, 1, 6, -1])
			out.push(text.replace(year[1] as string, String(y + d * (/s$/.test(text) ? 10 : 1))));
		return out;
	}
	void value;
	return out;
}

/**
 * Up to `count` wrong options for an answer, best first. `exclude` holds texts that must not appear
 * (everything the evidence sentence names, so no distractor is also true).
 */
export function distractors(
	doc: Doc,
	a: AnswerInfo,
	exclude: Iterable<string>,
	count = 3
): string[] {
	const same = sameThingKeys(doc, a);
	const banned = [...exclude].map(norm);
	const out: string[] = [];
	const ok = (c: string): boolean => {
		const n = norm(c);
		if (!n || same.has(n)) return false;
		// A name starts with a capital or a digit ("of the World" is a fragment, not a name).
		if (!/^[\p{Lu}\d$£€]/u.test(c)) return false;
		if (overlaps(c, a.text)) return false;
		// "FT" for "Financial Times": initials are another name of the same thing.
		if (initials(c) === n.replace(/ /g, '') || initials(a.text) === n.replace(/ /g, ''))
			return false;
		if (initials(c) === norm(a.text).replace(/ /g, '')) return false;
		const cc = COUNTRY_BY_ALIAS.get(c.toLowerCase());
		if (cc && [...cc.aliases, ...cc.demonyms].some((x) => same.has(norm(x)))) return false;
		if (banned.some((b) => b === n || b.includes(n) || (n.includes(b) && b.length > 3)))
			return false;
		if (out.some((o) => overlaps(o, c))) return false;
		return true;
	};
	const push = (c: string) => {
		if (out.length < count && ok(c)) out.push(c);
	};
	const fromDoc = (kind: string, filter?: (e: Entity) => boolean) =>
		doc.entities
			.filter((e) => e.kind === kind && e.id !== a.entity && (!filter || filter(e)))
			.sort((x, y) => y.mentions.length - x.mentions.length || x.id - y.id)
			.map((e) => e.name);
	switch (a.kind) {
		case 'person': {
			// People come from the article only: famous names beside a local story read as a joke, so
			// an article with too few people gets no multiple choice about a person.
			// Full names beside a full name: a lone first name ("Harry") is a weak option.
			const words = (x: string) => x.split(' ').length;
			const own = fromDoc('person').sort((x, y) => Number(words(x) === 1) - Number(words(y) === 1));
			for (const n of own) push(n);
			break;
		}
		case 'organisation':
			for (const n of fromDoc('organisation')) push(n);
			for (const n of BUILTIN_ORGS) push(n);
			break;
		case 'place': {
			const isCountry = COUNTRY_BY_ALIAS.has(a.text.toLowerCase());
			const docPlaces = fromDoc(
				'place',
				(e) => COUNTRY_BY_ALIAS.has(e.name.toLowerCase()) === isCountry
			);
			for (const n of docPlaces) push(n);
			if (isCountry) for (const c of COUNTRIES.slice(0, 40)) push(c.name);
			else {
				for (const n of fromDoc('place')) push(n);
				for (const n of CITY_NAMES) if (CITIES.has(n.toLowerCase())) push(n);
			}
			break;
		}
		case 'role': {
			const roles = [...new Set(doc.roles.map((r) => r.role))];
			for (const r of roles) push(capitalise(r));
			for (const r of BUILTIN_ROLES) push(r);
			break;
		}
		case 'date': {
			const docDates = doc.mentions.filter((m) => m.kind === 'date').map((m) => m.text);
			const shape = (s: string) => {
				const l = s.toLowerCase();
				if (WEEKDAYS.some((d) => l.startsWith(d))) return 'weekday';
				return s.replace(/\d/g, '0').replace(/\p{L}+/gu, 'w');
			};
			for (const d of docDates) if (shape(d) === shape(a.text)) push(d);
			for (const d of dateVariants(a.text, a.value)) push(d);
			break;
		}
		case 'number':
		case 'money':
		case 'percent':
		case 'quantity': {
			const v = a.value ?? 0;
			const unit = (s: string) => s.replace(/[\d.,]+/g, '#').replace(/^(?:several|a|few)\s+/i, '');
			const docNums = doc.mentions
				.filter((m) => m.kind === a.kind && m.value !== undefined && m.value !== v)
				.filter((m) => {
					const r = (m.value as number) / (v || 1);
					return (
						r > 0.1 && r < 10 && unit(m.text).split(' ').pop() === unit(a.text).split(' ').pop()
					);
				})
				.map((m) => m.text);
			for (const d of docNums) push(d);
			for (const d of numericVariants(a)) push(d);
			break;
		}
		default: {
			for (const n of fromDoc('name')) push(n);
			for (const n of fromDoc('organisation')) push(n);
		}
	}
	return out;
}
