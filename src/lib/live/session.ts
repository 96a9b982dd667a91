/**
 * The live classroom over the network: starting and joining a session over HTTP, and the
 * teacher's and a student's connections to the shared documents (one WebSocket each, carrying
 * every document). Plain TypeScript with change callbacks, so the same code runs in the page
 * (through src/lib/state/live-class.svelte.ts) and in Node (the benchmark).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { ClassroomQuiz, StudentAnswer } from '$lib/classroom';
import {
	acceptAnswer,
	acceptOverride,
	answerText,
	leaderboard,
	publicQuestion,
	spreadOf,
	type Accepted,
	type BoardRow,
	type LivePhase,
	type LiveStudent,
	type PublicQuestion,
	type Reveal,
	type SentAnswer
} from './protocol';
import { rosterDocument, sessionDocument, studentDocument } from './names';

export interface Started {
	session: string;
	code: string;
	teacherToken: string;
	joinPath: string;
}

export interface Joined {
	session: string;
	student: string;
	token: string;
	name: string;
	attempt: number;
}

export type ConnectionStatus = 'connecting' | 'connected' | 'offline';

/** Options for a non-browser client (Node has no WebSocket of its own before 22). */
export interface Transport {
	WebSocketPolyfill?: unknown;
}

function socketUrl(server: string): string {
	const url = new URL(server);
	url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
	url.pathname = '/';
	url.search = '';
	url.hash = '';
	return url.toString();
}

async function post<T>(server: string, path: string, body: unknown): Promise<T> {
	let response: Response;
	try {
		response = await fetch(new URL(path, server), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body)
		});
	} catch {
		throw new Error(
			'The live classroom server does not answer. Check the address and the network.'
		);
	}
	const data = (await response.json().catch(() => ({}))) as { error?: string };
	if (!response.ok) throw new Error(data.error ?? `The server answered ${response.status}.`);
	return data as T;
}

export function startSession(server: string): Promise<Started> {
	return post<Started>(server, '/api/live/sessions', {});
}

export function joinSession(server: string, code: string, name: string): Promise<Joined> {
	return post<Joined>(server, '/api/live/join', { code, name });
}

/** Ends a session on the server: its join code stops admitting students (joined ones stay). */
export async function endSession(
	server: string,
	code: string,
	teacherToken: string
): Promise<void> {
	await post<{ ended: boolean }>(server, '/api/live/end', { code, token: teacherToken });
}

export { rosterDocument, sessionDocument, studentDocument };

class Connection {
	readonly socket: HocuspocusProviderWebsocket;
	readonly #providers: HocuspocusProvider[] = [];
	status: ConnectionStatus = 'connecting';

	constructor(server: string, transport: Transport, onStatus: () => void) {
		this.socket = new HocuspocusProviderWebsocket({
			url: socketUrl(server),
			...(transport.WebSocketPolyfill
				? { WebSocketPolyfill: transport.WebSocketPolyfill as never }
				: {}),
			delay: 250,
			minDelay: 250,
			maxDelay: 3000,
			factor: 1.5
		});
		this.socket.on('status', ({ status }: { status: string }) => {
			this.status =
				status === 'connected' ? 'connected' : status === 'connecting' ? 'connecting' : 'offline';
			onStatus();
		});
	}

	open(name: string, token: string, doc: Y.Doc, onDenied?: (reason: string) => void) {
		const provider = new HocuspocusProvider({
			websocketProvider: this.socket,
			name,
			token,
			document: doc,
			// Nobody's presence is shown, so none is sent: every awareness update would otherwise
			// reach the server, the other instances and every reader of the document.
			awareness: null,
			onAuthenticationFailed: ({ reason }) => onDenied?.(reason)
		});
		provider.attach();
		this.#providers.push(provider);
		return provider;
	}

	destroy(): void {
		for (const provider of this.#providers.splice(0)) provider.destroy();
		this.socket.destroy();
	}
}

interface StudentLink extends LiveStudent {
	doc: Y.Doc;
	/** Takes the answer to the question on show, if one is there and none was taken yet. */
	check?: () => void;
}

export interface TeacherOptions extends Transport {
	server: string;
	session: string;
	token: string;
	quiz: ClassroomQuiz;
	/** Fixes the mixed order of match questions for the session. */
	seed: number;
	onChange?: () => void;
	/** Called when an answer is accepted (the benchmark times it). */
	onAccepted?: (student: string, index: number) => void;
}

/** The teacher's side of a live session: shows questions, accepts answers, reveals, ranks. */
export class LiveTeacher {
	readonly #options: TeacherOptions;
	readonly #connection: Connection;
	readonly #session = new Y.Doc();
	readonly #roster = new Y.Doc();
	readonly #students = new Map<string, StudentLink>();
	#live: Y.Map<unknown>;

	constructor(options: TeacherOptions) {
		this.#options = options;
		const changed = () => options.onChange?.();
		this.#connection = new Connection(options.server, options, changed);
		this.#live = this.#session.getMap('live');
		this.#connection.open(sessionDocument(options.session), options.token, this.#session);
		this.#connection.open(rosterDocument(options.session), options.token, this.#roster);
		this.#live.observe(changed);
		const roster = this.#roster.getArray<{ id: string; name: string; attempt: number }>('students');
		const addNew = () => {
			for (const entry of roster.toArray()) {
				if (typeof entry?.id === 'string' && !this.#students.has(entry.id)) this.#add(entry);
			}
			changed();
		};
		roster.observe(addNew);
		addNew();
		if (!this.#live.has('phase')) {
			this.#session.transact(() => {
				this.#live.set('title', options.quiz.title);
				this.#live.set('total', options.quiz.questions.length);
				this.#live.set('seconds', options.quiz.secondsPerQuestion);
				this.#live.set('phase', 'lobby');
				this.#live.set('index', 0);
			});
		}
	}

	#add(entry: { id: string; name: string; attempt: number }): void {
		const doc = new Y.Doc();
		const link: StudentLink = {
			id: entry.id,
			name: String(entry.name),
			attempt: Number(entry.attempt) || 1,
			accepted: [],
			doc
		};
		this.#students.set(entry.id, link);
		this.#connection.open(
			studentDocument(this.#options.session, entry.id),
			this.#options.token,
			doc
		);
		const result = doc.getMap<Accepted | number>('result');
		const answers = doc.getMap<SentAnswer>('answers');
		const overrides = doc.getMap<boolean>('override');
		const load = () => {
			for (const [key, value] of result) {
				const i = Number(key);
				if (Number.isInteger(i) && typeof value === 'object' && value) link.accepted[i] = value;
			}
		};
		result.observe(() => {
			load();
			this.#options.onChange?.();
		});
		load();
		const check = () => {
			const index = this.index;
			if (this.phase !== 'question' || link.accepted[index]) return;
			const sent = answers.get(String(index));
			if (sent === undefined) return;
			link.accepted[index] = acceptAnswer(this.#options.quiz, index, this.#options.seed, sent);
			this.#record(link, result, index);
			this.#options.onAccepted?.(link.id, index);
			this.#options.onChange?.();
		};
		// "I was right" on a typed answer graded wrong: counted right, marked as the student's call.
		const overrule = () => {
			for (const key of overrides.keys()) {
				const index = Number(key);
				const turned = acceptOverride(
					this.#options.quiz,
					index,
					answers.get(key),
					link.accepted[index]
				);
				if (!turned) continue;
				link.accepted[index] = turned;
				this.#record(link, result, index);
				// On the reveal, its spread shows the change at once.
				if (this.phase === 'reveal' && this.index === index) this.#publishReveal();
			}
			this.#options.onChange?.();
		};
		answers.observe(check);
		overrides.observe(overrule);
		result.observe(overrule);
		link.check = check;
	}

	#record(link: StudentLink, result: Y.Map<Accepted | number>, index: number): void {
		const accepted = link.accepted[index];
		if (!accepted) return;
		link.doc.transact(() => {
			result.set(String(index), accepted);
			result.set(
				'score',
				link.accepted.reduce((s, a) => s + (a?.points ?? 0), 0)
			);
		});
	}

	get status(): ConnectionStatus {
		return this.#connection.status;
	}
	get phase(): LivePhase {
		return (this.#live.get('phase') as LivePhase | undefined) ?? 'lobby';
	}
	get index(): number {
		return (this.#live.get('index') as number | undefined) ?? 0;
	}
	get students(): LiveStudent[] {
		return [...this.#students.values()];
	}
	get reveal(): Reveal | null {
		return (this.#live.get('reveal') as Reveal | undefined) ?? null;
	}
	/** How many answered the question on show. */
	get answered(): number {
		let n = 0;
		for (const s of this.#students.values()) if (s.accepted[this.index]) n++;
		return n;
	}
	get board(): BoardRow[] {
		return leaderboard(this.students);
	}

	/** Shows question `index` to the students. */
	show(index: number): void {
		const question = this.#options.quiz.questions[index];
		if (!question) return;
		this.#session.transact(() => {
			this.#live.set('index', index);
			this.#live.set('question', publicQuestion(question, index, this.#options.seed));
			this.#live.delete('reveal');
			this.#live.set('phase', 'question');
		});
		// Answers that were already there (a reconnecting student) are taken now.
		for (const s of this.#students.values()) s.check?.();
	}

	/** Closes the question and shows its answer and spread to everyone. */
	revealAnswer(): void {
		if (this.phase !== 'question') return;
		this.#publishReveal();
	}

	/** Writes the answer and spread of the question on show, and the reveal phase. */
	#publishReveal(): void {
		const index = this.index;
		const question = this.#options.quiz.questions[index];
		if (!question) return;
		const accepted = this.students.map((s) => s.accepted[index]).filter((a): a is Accepted => !!a);
		const reveal: Reveal = {
			index,
			answer: answerText(question),
			spread: spreadOf(question, accepted),
			answered: accepted.filter((a) => a.answer !== null).length
		};
		this.#session.transact(() => {
			this.#live.set('reveal', reveal);
			this.#live.set('phase', 'reveal');
		});
	}

	showBoard(): void {
		this.#session.transact(() => {
			this.#live.set('board', leaderboard(this.students));
			this.#live.set('phase', 'board');
		});
	}

	end(): void {
		this.#session.transact(() => {
			this.#live.set('board', leaderboard(this.students));
			this.#live.set('phase', 'ended');
		});
	}

	destroy(): void {
		this.#connection.destroy();
		this.#session.destroy();
		this.#roster.destroy();
		for (const s of this.#students.values()) s.doc.destroy();
	}
}

export interface StudentOptions extends Transport {
	server: string;
	session: string;
	student: string;
	token: string;
	onChange?: () => void;
	/** The server refused the token (the session is gone). */
	onDenied?: (reason: string) => void;
}

/** A student's side: reads the session, writes their own answers. */
export class LiveStudentClient {
	readonly #connection: Connection;
	readonly #session = new Y.Doc();
	readonly #own = new Y.Doc();

	constructor(options: StudentOptions) {
		const changed = () => options.onChange?.();
		this.#connection = new Connection(options.server, options, changed);
		this.#connection.open(
			sessionDocument(options.session),
			options.token,
			this.#session,
			options.onDenied
		);
		this.#connection.open(
			studentDocument(options.session, options.student),
			options.token,
			this.#own,
			options.onDenied
		);
		this.#session.getMap('live').observe(changed);
		this.#own.getMap('answers').observe(changed);
		this.#own.getMap('override').observe(changed);
		this.#own.getMap('result').observe(changed);
	}

	get status(): ConnectionStatus {
		return this.#connection.status;
	}
	#get<T>(key: string): T | undefined {
		return this.#session.getMap('live').get(key) as T | undefined;
	}
	get title(): string {
		return this.#get<string>('title') ?? '';
	}
	get total(): number {
		return this.#get<number>('total') ?? 0;
	}
	get phase(): LivePhase {
		return this.#get<LivePhase>('phase') ?? 'lobby';
	}
	get question(): PublicQuestion | null {
		return this.#get<PublicQuestion>('question') ?? null;
	}
	get reveal(): Reveal | null {
		return this.#get<Reveal>('reveal') ?? null;
	}
	get board(): BoardRow[] {
		return this.#get<BoardRow[]>('board') ?? [];
	}
	/** Whether this student already answered question `index` (kept across reloads). */
	hasAnswered(index: number): boolean {
		return this.#own.getMap('answers').has(String(index));
	}
	/** The teacher's verdict on question `index`, once accepted. */
	result(index: number): Accepted | null {
		return (this.#own.getMap('result').get(String(index)) as Accepted | undefined) ?? null;
	}
	get score(): number {
		return (this.#own.getMap('result').get('score') as number | undefined) ?? 0;
	}
	/** Whether this student said "I was right" about question `index`. */
	hasOverridden(index: number): boolean {
		return this.#own.getMap('override').has(String(index));
	}

	/**
	 * "I was right" about a typed answer to question `index` graded wrong, sent once while the
	 * question is open or on its reveal (the server refuses it otherwise, and the teacher's device
	 * grades it again before counting it).
	 */
	overrule(index: number): void {
		const live = this.#session.getMap('live');
		const accepted = this.result(index);
		const question = this.question;
		if (this.hasOverridden(index) || accepted?.answer !== 0 || accepted.correct) return;
		if (question?.index !== index || live.get('index') !== index) return;
		if (question.type !== 'cloze' && question.type !== 'short-answer') return;
		if (this.phase !== 'question' && this.phase !== 'reveal') return;
		this.#own.getMap('override').set(String(index), true);
	}

	/** Sends an answer to question `index`; the first one counts. */
	answer(index: number, answer: StudentAnswer, ms: number): void {
		const answers = this.#own.getMap<SentAnswer>('answers');
		if (answers.has(String(index))) return;
		answers.set(String(index), { a: answer, ms: Math.max(0, Math.round(ms)) });
	}

	destroy(): void {
		this.#connection.destroy();
		this.#session.destroy();
		this.#own.destroy();
	}
}
