/**
 * What a backup's contents (or the database itself) must mean, beyond the shape the schema checks:
 * numbers that are finite and dates that a calendar can hold, card states that agree with their
 * fields, answers among their choices, spans inside their article, references that resolve. A
 * restore refuses a file that breaks any of these, so a valid checksum over impossible content
 * cannot reach the database; "Check database" runs the same rules over what is stored.
 *
 * Pure: records in, problems out. The per-record rules also run inside the backup schema (so sync,
 * which reads rows with the same schemas, refuses them too); the rules across records run here.
 */
import { Rating, State } from '$lib/srs';
import type {
	ArticleRecord,
	AttemptRecord,
	CardRecord,
	ClassroomRecord,
	QuestionRecord,
	QuizRecord,
	ReviewRow,
	SettingRecord,
	TableRecords
} from './records';

/** The latest instant an event (a review, an edit, an import) may carry: 1 January 9000. */
export const MAX_EVENT_TIME = Date.UTC(9000, 0, 1);
/**
 * The latest due date: 31 December 9999. An event at the latest time plus the longest interval
 * (100 years) stays below it, so rebuilding a card from a valid log never leaves the range.
 */
export const MAX_DUE_TIME = Date.UTC(9999, 11, 31);

/**
 * An id from outside (a backup, a link, a sync peer) before it reaches a URL or a key: letters,
 * digits and `_ . : ~ -`, never starting with a dot, so `../settings` or `a/b?c` never becomes a
 * path. A classroom quiz id may start with `-` or `_` (its own schema allows them), and its
 * teacher's backup must still restore.
 */
export const SAFE_ID = /^[A-Za-z0-9_-][A-Za-z0-9_.:~-]{0,199}$/;

/** The rules, by name, with what each one asks. Shown by "Check database". */
export const RULES = {
	id: 'Ids are letters, digits and _ . : ~ - (no slashes), so they never open another page.',
	number: 'Numbers are finite and in range.',
	date: 'Dates lie between 1970 and the year 9000 (due dates up to 9999).',
	'card-state':
		'A card’s state agrees with its fields: a studied card has a memory and a last review, a new one has neither.',
	'card-counts':
		'A card has no more lapses than reviews, and a studied card has the review log it came from.',
	'card-text': 'A card has a front and a back.',
	question:
		'A question has a prompt and an answer; a choice question has at least two options and its answer among them; a match has at least two pairs; true/false says True or False; a cloze has a hint.',
	span: 'Sentence and answer positions lie inside their article’s text.',
	review:
		'Review-log rows are ratings 1 to 4 or resets that say whether counts were cleared, and a studied card’s row has a memory.',
	reference:
		'Every reference resolves: items to their article, review rows to their card, quizzes to their questions, answers to their quiz.',
	results: 'Classroom results have one answer per question.',
	unique:
		'No article, question, card, review, quiz, answer, setting or classroom quiz appears twice.'
} as const;

export type RuleId = keyof typeof RULES;

export type TableName = keyof TableRecords;

export interface Issue {
	rule: RuleId;
	table: TableName;
	/** Position in the table as given (file order). */
	index: number;
	/** The record's id (or key), for the message and for repairs. */
	id: string;
	message: string;
}

/** A record's problem before its place is known: the rule and what is wrong. */
export interface RecordProblem {
	rule: RuleId;
	message: string;
}

/** Every table, as records: a backup's contents or the whole database. */
export type CheckTables = { readonly [T in TableName]: readonly TableRecords[T][] };

const isTime = (t: unknown, max = MAX_EVENT_TIME) =>
	typeof t === 'number' && Number.isInteger(t) && t >= 0 && t <= max;

function finite(out: RecordProblem[], what: string, fields: Record<string, unknown>): void {
	for (const [key, value] of Object.entries(fields)) {
		if (typeof value !== 'number' || !Number.isFinite(value)) {
			out.push({
				rule: 'number',
				message: `${what} ${key} is not a finite number (${String(value)}).`
			});
		}
	}
}

function times(
	out: RecordProblem[],
	what: string,
	fields: Record<string, unknown>,
	max = MAX_EVENT_TIME
): void {
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		if (!isTime(value, max)) {
			out.push({
				rule: 'date',
				message: `${what} ${key} is not a date between 1970 and the year ${new Date(max).getUTCFullYear()} (${String(value)}).`
			});
		}
	}
}

const STATE_NAMES = ['New', 'Learning', 'Review', 'Relearning'];
const stateName = (s: number) => STATE_NAMES[s] ?? `state ${s}`;

/** The rules one card must meet on its own. */
export function cardProblems(card: CardRecord): RecordProblem[] {
	const out: RecordProblem[] = [];
	if (!SAFE_ID.test(card.id))
		out.push({ rule: 'id', message: `the card id "${card.id}" is not a safe id.` });
	finite(out, 'the card’s', {
		stability: card.stability,
		difficulty: card.difficulty,
		elapsedDays: card.elapsedDays,
		scheduledDays: card.scheduledDays,
		learningSteps: card.learningSteps,
		reps: card.reps,
		lapses: card.lapses,
		order: card.order
	});
	times(out, 'the card’s', { due: card.due, buriedUntil: card.buriedUntil }, MAX_DUE_TIME);
	times(out, 'the card’s', {
		lastReview: card.lastReview,
		createdAt: card.createdAt,
		updatedAt: card.updatedAt,
		retiredAt: card.retiredAt,
		flaggedAt: card.flaggedAt
	});
	if (card.state === State.New) {
		if (card.lastReview !== null) {
			out.push({
				rule: 'card-state',
				message: 'a New card has a last review; a new card has none.'
			});
		}
		// A new or reset card has no memory yet; half of one cannot be scheduled.
		if (card.stability !== 0 || card.difficulty !== 0) {
			out.push({
				rule: 'card-state',
				message: `a New card has stability ${card.stability} and difficulty ${card.difficulty}; a new card has neither.`
			});
		}
	} else {
		const name = stateName(card.state);
		if (!(card.stability > 0)) {
			out.push({
				rule: 'card-state',
				message: `a card in ${name} has stability ${card.stability}; a studied card needs a positive stability.`
			});
		}
		if (!(card.difficulty >= 1 && card.difficulty <= 10)) {
			out.push({
				rule: 'card-state',
				message: `a card in ${name} has difficulty ${card.difficulty}; a studied card’s difficulty lies between 1 and 10.`
			});
		}
		if (card.lastReview === null) {
			out.push({ rule: 'card-state', message: `a card in ${name} has no last review.` });
		}
		if (!(card.reps >= 1)) {
			out.push({ rule: 'card-counts', message: `a card in ${name} has ${card.reps} reviews.` });
		}
	}
	if (card.lapses > card.reps) {
		out.push({
			rule: 'card-counts',
			message: `the card has ${card.lapses} lapses but only ${card.reps} reviews.`
		});
	}
	if (!card.front.trim() || !card.back.trim()) {
		out.push({
			rule: 'card-text',
			message: `the card’s ${card.front.trim() ? 'back' : 'front'} is empty.`
		});
	}
	return out;
}

/** The rules one question must meet on its own. */
export function questionProblems(q: QuestionRecord): RecordProblem[] {
	const out: RecordProblem[] = [];
	if (!SAFE_ID.test(q.id))
		out.push({ rule: 'id', message: `the question id "${q.id}" is not a safe id.` });
	finite(out, 'the question’s', { score: q.score, order: q.order });
	times(out, 'the question’s', {
		updatedAt: q.updatedAt,
		retiredAt: q.retiredAt,
		flaggedAt: q.flaggedAt
	});
	const bad = (message: string) => out.push({ rule: 'question', message });
	if (!q.prompt.trim()) bad('the question has no prompt.');
	if (!q.answer.trim()) bad('the question has no answer.');
	const loose = q as unknown as Record<string, unknown>;
	switch (q.type) {
		case 'multiple-choice':
		case 'quote': {
			const choices = Array.isArray(loose.choices) ? (loose.choices as unknown[]) : [];
			const texts = choices.filter((c): c is string => typeof c === 'string' && c.trim() !== '');
			if (texts.length < 2)
				bad(`a ${q.type} question has ${texts.length} options; it needs at least two.`);
			else if (!texts.some((c) => c.trim() === q.answer.trim())) {
				bad(`the answer "${clip(q.answer)}" is not one of the question’s options.`);
			}
			break;
		}
		case 'match': {
			const pairs = Array.isArray(loose.pairs) ? (loose.pairs as unknown[]) : [];
			const whole = pairs.filter(
				(p) =>
					Array.isArray(p) &&
					typeof p[0] === 'string' &&
					typeof p[1] === 'string' &&
					p[0].trim() !== '' &&
					p[1].trim() !== ''
			);
			if (whole.length < 2 || whole.length !== pairs.length) {
				bad(
					`a match question has ${whole.length} complete pairs of ${pairs.length}; it needs at least two, each with both sides.`
				);
			}
			break;
		}
		case 'true-false':
			if (q.answer !== 'True' && q.answer !== 'False')
				bad(`a true/false answer is "${clip(q.answer)}", not True or False.`);
			break;
		case 'cloze':
			if (typeof loose.hint !== 'string') bad('a cloze question has no hint.');
			break;
	}
	return out;
}

/** The rules one review-log row must meet on its own. */
export function reviewProblems(row: ReviewRow): RecordProblem[] {
	const out: RecordProblem[] = [];
	finite(out, 'the row’s', {
		stability: row.stability,
		difficulty: row.difficulty,
		elapsedDays: row.elapsedDays,
		lastElapsedDays: row.lastElapsedDays,
		scheduledDays: row.scheduledDays,
		learningSteps: row.learningSteps,
		retention: row.retention,
		maximumInterval: row.maximumInterval,
		shift: row.shift
	});
	times(out, 'the row’s', { review: row.review });
	times(out, 'the row’s', { due: row.due, dueBefore: row.dueBefore }, MAX_DUE_TIME);
	if (row.rating === Rating.Manual) {
		if (typeof row.resetCount !== 'boolean') {
			out.push({ rule: 'review', message: 'a reset row does not say whether counts were reset.' });
		}
	} else if (![1, 2, 3, 4].includes(row.rating)) {
		out.push({ rule: 'review', message: `the rating ${row.rating} is not 1 (Again) to 4 (Easy).` });
	}
	if (row.state !== State.New && !(row.stability > 0)) {
		out.push({
			rule: 'review',
			message: `a review of a card in ${stateName(row.state)} records stability ${row.stability}; a studied card needs a positive stability.`
		});
	}
	return out;
}

function clip(text: string): string {
	return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

interface Spanned {
	start: number;
	end: number;
}

function spanProblem(
	span: Spanned | undefined,
	length: number,
	what: string
): RecordProblem | null {
	if (span === undefined) return null;
	if (span.start > span.end || span.end > length) {
		return {
			rule: 'span',
			message: `${what} ${span.start}–${span.end} lies outside the article’s ${length} characters.`
		};
	}
	return null;
}

/** The rules an article must meet on its own: safe id, dates, spans inside its text. */
export function articleProblems(article: ArticleRecord): RecordProblem[] {
	const out: RecordProblem[] = [];
	if (!SAFE_ID.test(article.id)) {
		out.push({ rule: 'id', message: `the article id "${article.id}" is not a safe id.` });
	}
	times(out, 'the article’s', { addedAt: article.addedAt, generatedAt: article.generatedAt });
	const length = article.text.length;
	for (const [i, s] of article.sections.entries()) {
		const p = spanProblem(s.span, length, `section ${i + 1} spans`);
		if (p) out.push(p);
	}
	for (const f of article.facts) {
		const p = spanProblem(f.evidence, length, `fact ${f.id} spans`);
		if (p) out.push(p);
	}
	return out;
}

/** A retired item's spans are history, not in use: clamped into the text rather than refused. */
export function isRetired(item: { retiredAt?: number }): boolean {
	return item.retiredAt !== undefined;
}

/** The span clamped into a text of `length` characters (start never after end). */
export function clampSpan(span: Spanned, length: number): Spanned {
	const end = Math.min(Math.max(span.end, 0), length);
	return { start: Math.min(Math.max(span.start, 0), end), end };
}

export interface CheckOptions {
	/** Stop after this many issues (a refused backup names the first few). */
	limit?: number;
	/**
	 * Review rows come grouped by card, each card's in time order, as the app writes them: then
	 * the check keeps one entry per card rather than one per row. Rows out of that order are an
	 * issue. Without it (files of earlier versions) rows may come in any order.
	 */
	groupedReviews?: boolean;
}

/** The order of the tables in a backup and in {@link checkTables}. */
export const TABLE_ORDER: readonly TableName[] = [
	'articles',
	'questions',
	'cards',
	'reviews',
	'quizzes',
	'attempts',
	'settings',
	'classroom'
];

/** The key that must be unique in each table. */
function keyOf(table: TableName, row: unknown): string {
	switch (table) {
		case 'reviews': {
			const r = row as ReviewRow;
			return `${r.cardId} at ${r.review}`;
		}
		case 'attempts': {
			const a = row as AttemptRecord;
			return `${a.quizId}/${a.questionId}`;
		}
		case 'settings':
			return (row as SettingRecord).key;
		default:
			return (row as { id: string }).id;
	}
}

/**
 * The rules across records, fed table by table in {@link TABLE_ORDER}, in batches of any size: a
 * backup is checked as it streams in. It keeps ids, text lengths and quizzes' question ids, never
 * the records. Keys that appear twice are issues too. Call {@link finish} after the last batch.
 */
export class RecordsCheck {
	readonly issues: Issue[] = [];
	private readonly limit: number;
	private readonly grouped: boolean;
	private readonly lengths = new Map<string, number>();
	private readonly questions = new Set<string>();
	private readonly cards = new Set<string>();
	/** Studied cards, by id, with their place: each needs a review log. */
	private readonly needLog = new Map<string, number>();
	private readonly logged = new Set<string>();
	private readonly quizzes = new Map<string, ReadonlySet<string>>();
	private readonly keys = new Map<TableName, Set<string>>();
	private lastRow: { cardId: string; review: number } | null = null;

	constructor(options: CheckOptions = {}) {
		this.limit = options.limit ?? Infinity;
		this.grouped = options.groupedReviews ?? false;
	}

	get full(): boolean {
		return this.issues.length >= this.limit;
	}

	/** An article's text length, once its article has been fed. */
	textLength(articleId: string): number | undefined {
		return this.lengths.get(articleId);
	}

	private add(table: TableName, index: number, id: string, problems: Iterable<RecordProblem>) {
		for (const p of problems) {
			if (this.full) return;
			this.issues.push({ table, index, id, rule: p.rule, message: p.message });
		}
	}

	/** A key met before in its table is an issue ("… appears twice"). */
	private unique(table: TableName, key: string): RecordProblem[] {
		let seen = this.keys.get(table);
		if (!seen) this.keys.set(table, (seen = new Set()));
		if (seen.has(key)) return [{ rule: 'unique', message: `"${key}" appears twice.` }];
		seen.add(key);
		return [];
	}

	/** The next rows of `table`, the first at `offset` in that table. */
	feed(table: TableName, rows: readonly unknown[], offset: number): void {
		for (let i = 0; i < rows.length && !this.full; i++) {
			const row = rows[i];
			const index = offset + i;
			if (table === 'reviews') {
				this.review(row as ReviewRow, index);
				continue;
			}
			const key = keyOf(table, row);
			const problems = table === 'settings' ? [] : this.problems(table, row, index);
			this.add(table, index, key, [...this.unique(table, key), ...problems]);
		}
	}

	private problems(table: TableName, row: unknown, index: number): RecordProblem[] {
		switch (table) {
			case 'articles': {
				const a = row as ArticleRecord;
				this.lengths.set(a.id, a.text.length);
				return articleProblems(a);
			}
			case 'questions': {
				const q = row as QuestionRecord;
				this.questions.add(q.id);
				return [...questionProblems(q), ...this.spanProblems(q, 'question', q.answerSpan)];
			}
			case 'cards':
				return this.card(row as CardRecord, index);
			case 'quizzes': {
				const z = row as QuizRecord;
				this.quizzes.set(z.id, new Set(z.questionIds));
				return quizProblems(z, this.lengths, this.questions);
			}
			case 'attempts':
				return attemptProblems(row as AttemptRecord, this.quizzes);
			case 'classroom': {
				const c = row as ClassroomRecord;
				const problems = classroomProblems(c);
				if (c.quiz.id !== c.id) {
					problems.push({ rule: 'reference', message: 'the quiz id does not match the record.' });
				}
				return problems;
			}
			default:
				return [];
		}
	}

	private card(c: CardRecord, index: number): RecordProblem[] {
		this.cards.add(c.id);
		const problems = [...cardProblems(c), ...this.spanProblems(c, 'card')];
		if (c.queue >= 0 && c.queue !== c.state) {
			problems.push({
				rule: 'card-state',
				message: `the card’s queue ${c.queue} does not match state ${c.state}.`
			});
		}
		if (c.state !== State.New || c.reps > 0) this.needLog.set(c.id, index);
		return problems;
	}

	private review(r: ReviewRow, index: number): void {
		const problems = reviewProblems(r);
		if (!this.cards.has(r.cardId)) problems.push(missingOwner('row', 'card', r.cardId));
		const last = this.lastRow;
		if (!this.grouped) {
			problems.push(...this.unique('reviews', keyOf('reviews', r)));
		} else if (last?.cardId === r.cardId) {
			if (r.review <= last.review) {
				problems.push({
					rule: 'review',
					message: `the row at ${r.review} is not after the card’s row before it (${last.review}).`
				});
			}
		} else if (this.logged.has(r.cardId)) {
			problems.push({
				rule: 'review',
				message: `the rows of card "${r.cardId}" are not together.`
			});
		}
		this.logged.add(r.cardId);
		this.lastRow = { cardId: r.cardId, review: r.review };
		this.add('reviews', index, `${r.cardId}@${r.review}`, problems);
	}

	/** A question's or card's article exists, and (unless retired) its spans lie inside the text. */
	private spanProblems(
		item: QuestionRecord | CardRecord,
		what: string,
		extra?: Spanned
	): RecordProblem[] {
		const length = this.lengths.get(item.articleId);
		if (length === undefined) return [missingOwner(what, 'article', item.articleId)];
		if (isRetired(item)) return [];
		return [
			spanProblem(item.evidence, length, `the ${what}’s sentence spans`),
			spanProblem(extra, length, `the ${what}’s answer spans`)
		].filter((p): p is RecordProblem => p !== null);
	}

	/** Marks where the batches of a table start: a card's rows never continue across them. */
	endBatch(): void {
		this.lastRow = null;
	}

	/**
	 * The issues, in table order, once every table has been fed: a studied card without a review
	 * log is known only after the log.
	 */
	finish(): Issue[] {
		for (const [id, index] of this.needLog) {
			if (this.full) break;
			if (this.logged.has(id)) continue;
			this.add('cards', index, id, [
				{
					rule: 'card-counts',
					message: 'the card has been studied but has no review log.'
				}
			]);
		}
		const rank = (i: Issue) => TABLE_ORDER.indexOf(i.table);
		return this.issues.sort((a, b) => rank(a) - rank(b) || a.index - b.index);
	}
}

/**
 * Every issue in the tables, in table order (articles, questions, cards, reviews, quizzes,
 * attempts, settings, classroom), keys that appear twice included.
 */
export function checkTables(t: CheckTables, options: CheckOptions = {}): Issue[] {
	const check = new RecordsCheck(options);
	for (const table of TABLE_ORDER) check.feed(table, t[table], 0);
	return check.finish();
}

/** "the quiz belongs to article "a1", which is missing.": a reference that does not resolve. */
function missingOwner(what: string, owner: string, id: string): RecordProblem {
	return {
		rule: 'reference',
		message: `the ${what} belongs to ${owner} "${id}", which is missing.`
	};
}

function quizProblems(
	z: QuizRecord,
	articles: ReadonlyMap<string, unknown>,
	questions: ReadonlySet<string>
): RecordProblem[] {
	const problems: RecordProblem[] = [];
	times(problems, 'the quiz’s', { createdAt: z.createdAt, finishedAt: z.finishedAt });
	if (!articles.has(z.articleId)) problems.push(missingOwner('quiz', 'article', z.articleId));
	const missing = z.questionIds.filter((id) => !questions.has(id));
	if (missing.length) {
		problems.push({
			rule: 'reference',
			message: `the quiz asks ${missing.length} question${missing.length === 1 ? '' : 's'} that ${missing.length === 1 ? 'is' : 'are'} missing (first "${missing[0]}").`
		});
	}
	return problems;
}

function attemptProblems(
	a: AttemptRecord,
	quizzes: ReadonlyMap<string, ReadonlySet<string>>
): RecordProblem[] {
	const problems: RecordProblem[] = [];
	times(problems, 'the answer’s', { at: a.at });
	const quiz = quizzes.get(a.quizId);
	if (!quiz) {
		problems.push(missingOwner('answer', 'quiz', a.quizId));
	} else if (!quiz.has(a.questionId)) {
		problems.push({
			rule: 'reference',
			message: `the answer is to question "${a.questionId}", which quiz "${a.quizId}" does not ask.`
		});
	}
	return problems;
}

function classroomProblems(c: ClassroomRecord): RecordProblem[] {
	const problems: RecordProblem[] = [];
	times(problems, 'the classroom quiz’s', { createdAt: c.createdAt, updatedAt: c.updatedAt });
	const n = c.quiz.questions.length;
	const bad = c.results.findIndex(
		(r) => r.answers.length !== n || r.correct.length !== n || r.secondsTaken.length !== n
	);
	if (bad >= 0) {
		problems.push({
			rule: 'results',
			message: `result ${bad + 1} ("${clip(c.results[bad]!.name)}") does not have one answer for each of the quiz’s ${n} questions.`
		});
	}
	return problems;
}

/** "cards[12] (c0123…): the card …": an issue as one line, naming where it is. */
export function describeIssue(issue: Issue): string {
	return `${issue.table}[${issue.index}] (${clip(issue.id)}): ${issue.message}`;
}
