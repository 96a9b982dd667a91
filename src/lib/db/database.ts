/**
 * The Factdeck database: one Dexie subclass with typed tables and every schema version it has had.
 *
 * Versions are never edited once shipped; a change adds a version with an upgrade function, and
 * migration.test.ts opens a database written by the previous version to prove nothing is lost.
 */
import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import type {
	ArticleRecord,
	AttemptRecord,
	CardRecord,
	ClassroomRecord,
	LogRecord,
	QuestionRecord,
	QuizRecord,
	ReviewRow,
	SettingRecord
} from './records';
import { QUEUE_RETIRED, QUEUE_SUSPENDED } from './records';
import { rescopeItemIds } from './rescope';

export const DEFAULT_DB_NAME = 'factdeck';

/**
 * Version 1, as first shipped: cards carried `suspended` and `retired` flags (0 or 1) and were
 * indexed by due date alone.
 */
export const SCHEMA_V1 = {
	articles: 'id, addedAt',
	questions: 'id, articleId',
	cards: 'id, articleId, due',
	reviews: '[cardId+review], review',
	quizzes: 'id, articleId',
	attempts: '[quizId+questionId], quizId',
	settings: 'key'
} as const;

/**
 * Version 2: the two flags fold into one `queue` field indexed with the due date, so each part of
 * today's queue is a single index range; cards gain `tags` (multi-entry, for "leech"); attempts
 * are indexed by time for the history view.
 */
export const SCHEMA_V2 = {
	...SCHEMA_V1,
	cards: 'id, articleId, [queue+due], *tags',
	attempts: '[quizId+questionId], quizId, at'
} as const;

/**
 * Version 3: the teacher's classroom quizzes, each with the results received for it, so they live
 * beside the study data and travel in the same backup.
 */
export const SCHEMA_V3 = {
	...SCHEMA_V2,
	classroom: 'id, updatedAt'
} as const;

/**
 * Version 4: the review log is kept one record per card (`logs`), with the time of its newest row
 * indexed; version 5 drops the old one-row-per-review table once version 4 has moved its rows.
 */
export const SCHEMA_V4 = {
	...SCHEMA_V3,
	logs: 'cardId, last'
} as const;

export const SCHEMA_VERSION = 6;

/** Groups review rows into one log record per card, rows oldest first. */
export function groupLogs(rows: Iterable<ReviewRow>): LogRecord[] {
	const byCard = new Map<string, ReviewRow[]>();
	for (const row of rows) {
		const list = byCard.get(row.cardId);
		if (list) list.push(row);
		else byCard.set(row.cardId, [row]);
	}
	return [...byCard].map(([cardId, list]) => {
		list.sort((a, b) => a.review - b.review);
		return { cardId, last: list[list.length - 1]!.review, rows: list };
	});
}

/** The v1 card fields that v2 replaced. */
interface CardV1Flags {
	suspended?: number;
	retired?: number;
	queue?: number;
	tags?: string[];
}

/** Moves v1 cards to v2: exported so the migration test can also run it on hand-made rows. */
export function upgradeCardV1toV2(card: CardRecord & CardV1Flags): void {
	const retired = card.retired === 1;
	const suspended = card.suspended === 1;
	card.queue = retired ? QUEUE_RETIRED : suspended ? QUEUE_SUSPENDED : card.state;
	if (retired && card.retiredAt === undefined) card.retiredAt = card.updatedAt;
	card.tags = Array.isArray(card.tags) ? card.tags : [];
	delete card.suspended;
	delete card.retired;
}

export type VersionChangeListener = (event: { newVersion: number | null }) => void;

export class FactdeckDB extends Dexie {
	articles!: EntityTable<ArticleRecord, 'id'>;
	questions!: EntityTable<QuestionRecord, 'id'>;
	cards!: EntityTable<CardRecord, 'id'>;
	logs!: EntityTable<LogRecord, 'cardId'>;
	quizzes!: EntityTable<QuizRecord, 'id'>;
	attempts!: Table<AttemptRecord, [string, string]>;
	settings!: EntityTable<SettingRecord, 'key'>;
	classroom!: EntityTable<ClassroomRecord, 'id'>;

	readonly #versionListeners = new Set<VersionChangeListener>();
	#closedByUpgrade = false;

	constructor(name: string = DEFAULT_DB_NAME) {
		super(name);
		this.version(1).stores(SCHEMA_V1);
		this.version(2)
			.stores(SCHEMA_V2)
			.upgrade((tx: Transaction) =>
				tx
					.table<CardRecord & CardV1Flags, string>('cards')
					.toCollection()
					.modify((card) => upgradeCardV1toV2(card))
			);
		this.version(3).stores(SCHEMA_V3);
		this.version(4)
			.stores(SCHEMA_V4)
			.upgrade(async (tx: Transaction) => {
				const rows = await tx.table<ReviewRow, [string, number]>('reviews').toArray();
				await tx.table<LogRecord, string>('logs').bulkAdd(groupLogs(rows));
			});
		this.version(5).stores({ reviews: null });
		// Version 6: generated questions and cards move to ids scoped to their article, so two
		// articles sharing a sentence no longer collide; logs, quizzes and attempts follow.
		this.version(6)
			.stores({})
			.upgrade((tx: Transaction) => rescopeItemIds(tx));
		// A newer tab wants to upgrade (or delete) the database: step aside so it can, and tell the
		// UI, which should ask the learner to reload rather than keep working on a closed database.
		this.on('versionchange', (event: IDBVersionChangeEvent) => {
			this.#closedByUpgrade = true;
			this.close({ disableAutoOpen: true });
			for (const listener of this.#versionListeners) listener({ newVersion: event.newVersion });
			return false;
		});
	}

	/** True once another tab's upgrade closed this connection; reload to continue. */
	get closedByUpgrade(): boolean {
		return this.#closedByUpgrade;
	}

	/**
	 * Calls `listener` when another tab opens a newer schema (or deletes the database). The
	 * connection is already closed by then. Returns a function that stops listening.
	 */
	onVersionChange(listener: VersionChangeListener): () => void {
		this.#versionListeners.add(listener);
		return () => this.#versionListeners.delete(listener);
	}
}

/** Opens (lazily, on first use) a database by name. Tests pass a fresh name each time. */
export function openDatabase(name: string = DEFAULT_DB_NAME): FactdeckDB {
	return new FactdeckDB(name);
}
