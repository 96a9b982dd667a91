/**
 * The live classroom's state for the pages: the teacher's session and a student's, as rune
 * classes over src/lib/live (which loads only when one of them starts, so the app's first load
 * does not carry it). What must survive a reload is kept in localStorage: the teacher's session
 * and token per quiz, the student's place per join code.
 */
import type { ClassroomQuiz, StudentAnswer } from '$lib/classroom';
import type {
	BoardRow,
	ConnectionStatus,
	LivePhase,
	LiveStudent,
	LiveStudentClient,
	LiveTeacher,
	PublicQuestion,
	Reveal,
	Accepted
} from '$lib/live';
import { addClassroomResults } from './classroom';
import { messageOf } from '$lib/message';

const SERVER_KEY = 'factdeck.live.server';
const teacherKey = (quizId: string) => `factdeck.live.teacher.${quizId}`;
const studentKey = (code: string) => `factdeck.live.student.${code}`;

function read<T>(key: string): T | null {
	try {
		const raw = localStorage.getItem(key);
		return raw ? (JSON.parse(raw) as T) : null;
	} catch {
		return null;
	}
}

function write(key: string, value: unknown): void {
	try {
		if (value === null) localStorage.removeItem(key);
		else localStorage.setItem(key, JSON.stringify(value));
	} catch {
		// Private mode: the session still works, it just does not survive a reload.
	}
}

/** The live server's address: the last one used, else this app's own origin. */
export function liveServerAddress(): string {
	return read<string>(SERVER_KEY) ?? location.origin;
}

/** Checks and normalises an address typed by the teacher. */
export function normaliseServer(text: string): string {
	const trimmed = text.trim();
	const url = new URL(/^https?:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
	if (url.protocol !== 'http:' && url.protocol !== 'https:')
		throw new Error('Use an http address.');
	return url.origin;
}

/** The short join link as the QR code carries it: upper case, so the code uses its compact mode. */
export function joinLink(server: string, code: string): string {
	return `${server}/J/${code}`.toUpperCase();
}

/** The live module, loaded only when a session starts or resumes. */
type LiveModule = typeof import('$lib/live');

/** What both sides' live clients share. */
interface LiveEndpoint {
	readonly status: ConnectionStatus;
	readonly phase: LivePhase;
	readonly reveal: Reveal | null;
	readonly board: BoardRow[];
	destroy(): void;
}

/**
 * One side's connection to a live session, as runes: `read` gives a value of the client (or a
 * fallback before it connects) and re-runs whenever the client reports a change. `S` is what is
 * kept to reconnect after a reload.
 */
abstract class LiveConnection<C extends LiveEndpoint, S> {
	#client: C | null = null;
	#saved = $state<S | null>(null);
	#tick = $state(0);
	protected failure = $state('');

	protected read<T>(get: (client: C) => T, fallback: T): T {
		void this.#tick;
		return this.#client ? get(this.#client) : fallback;
	}

	protected get client(): C | null {
		return this.#client;
	}

	protected get saved(): S | null {
		return this.#saved;
	}

	/** Opens this side's client for the session `saved` describes; it calls `onChange` on changes. */
	protected abstract open(live: LiveModule, saved: S, onChange: () => void): C;

	/** Connects to the session `saved` describes, replacing any earlier connection. */
	protected async connect(saved: S): Promise<void> {
		const live = await import('$lib/live');
		this.#client?.destroy();
		this.#client = this.open(live, saved, () => this.#tick++);
		this.#saved = saved;
		this.#tick++;
	}

	/** Connects again to the session kept under `key` (after a reload); false when none was kept. */
	protected async reconnect(key: string): Promise<boolean> {
		const saved = read<S>(key);
		if (!saved) return false;
		await this.connect(saved);
		return true;
	}

	get error(): string {
		return this.failure;
	}
	get status(): ConnectionStatus {
		return this.read((c) => c.status, 'connecting');
	}
	get phase(): LivePhase {
		return this.read((c) => c.phase, 'lobby');
	}
	get reveal(): Reveal | null {
		return this.read((c) => c.reveal, null);
	}
	get board(): BoardRow[] {
		return this.read((c) => c.board, []);
	}

	destroy(): void {
		this.#client?.destroy();
		this.#client = null;
	}
}

interface TeacherSaved {
	server: string;
	session: string;
	code: string;
	token: string;
	seed: number;
}

export class TeacherLiveState extends LiveConnection<LiveTeacher, TeacherSaved> {
	#saving = $state(false);
	#quiz: ClassroomQuiz;

	constructor(quiz: ClassroomQuiz) {
		super();
		this.#quiz = quiz;
	}

	get started(): boolean {
		return this.saved !== null;
	}
	get code(): string {
		return this.saved?.code ?? '';
	}
	get server(): string {
		return this.saved?.server ?? '';
	}
	get saving(): boolean {
		return this.#saving;
	}
	get index(): number {
		return this.read((t) => t.index, 0);
	}
	get answered(): number {
		return this.read((t) => t.answered, 0);
	}
	get students(): LiveStudent[] {
		return this.read((t) => t.students, []);
	}

	protected open(live: LiveModule, saved: TeacherSaved, onChange: () => void): LiveTeacher {
		const { server, session, token, seed } = saved;
		return new live.LiveTeacher({ server, session, token, seed, quiz: this.#quiz, onChange });
	}

	/** Picks up a session this device started for the quiz (after a reload). */
	resume(): Promise<boolean> {
		return this.reconnect(teacherKey(this.#quiz.id));
	}

	async start(serverText: string): Promise<void> {
		this.failure = '';
		try {
			const server = normaliseServer(serverText);
			const live = await import('$lib/live');
			const started = await live.startSession(server);
			const saved: TeacherSaved = {
				server,
				session: started.session,
				code: started.code,
				token: started.teacherToken,
				seed: crypto.getRandomValues(new Uint32Array(1))[0] ?? 1
			};
			write(SERVER_KEY, server);
			write(teacherKey(this.#quiz.id), saved);
			await this.connect(saved);
		} catch (error) {
			this.failure = messageOf(error);
		}
	}

	show(index: number): void {
		this.client?.show(index);
	}
	revealAnswer(): void {
		this.client?.revealAnswer();
	}
	showBoard(): void {
		this.client?.showBoard();
	}

	/** Ends the session and saves every student's answers with the quiz's results. */
	async end(): Promise<number> {
		const teacher = this.client;
		if (!teacher) return 0;
		this.#saving = true;
		try {
			teacher.end();
			const { endSession, liveResults } = await import('$lib/live');
			const saved = this.saved;
			// The code is freed now rather than at its expiry; if the server is out of reach, it expires.
			if (saved) void endSession(saved.server, saved.code, saved.token).catch(() => {});
			const added = await addClassroomResults(
				this.#quiz.id,
				liveResults(this.#quiz, teacher.students)
			);
			write(teacherKey(this.#quiz.id), null);
			return added;
		} finally {
			this.#saving = false;
		}
	}
}

interface StudentSaved {
	server: string;
	session: string;
	student: string;
	token: string;
	name: string;
	attempt: number;
}

export class StudentLiveState extends LiveConnection<LiveStudentClient, StudentSaved> {
	#busy = $state(false);

	get joined(): boolean {
		return this.saved !== null;
	}
	get name(): string {
		return this.saved?.name ?? '';
	}
	get busy(): boolean {
		return this.#busy;
	}
	get title(): string {
		return this.read((c) => c.title, '');
	}
	get total(): number {
		return this.read((c) => c.total, 0);
	}
	get question(): PublicQuestion | null {
		return this.read((c) => c.question, null);
	}
	get score(): number {
		return this.read((c) => c.score, 0);
	}
	hasAnswered(index: number): boolean {
		return this.read((c) => c.hasAnswered(index), false);
	}
	result(index: number): Accepted | null {
		return this.read((c) => c.result(index), null);
	}

	protected open(live: LiveModule, saved: StudentSaved, onChange: () => void): LiveStudentClient {
		const { server, session, student, token } = saved;
		const onDenied = () => (this.failure = 'This live quiz has ended or is no longer open.');
		return new live.LiveStudentClient({ server, session, student, token, onChange, onDenied });
	}

	/** Rejoins as the same student after a reload, keeping the answers already sent. */
	resume(code: string): Promise<boolean> {
		return this.reconnect(studentKey(code));
	}

	async join(code: string, name: string): Promise<void> {
		this.failure = '';
		this.#busy = true;
		try {
			const live = await import('$lib/live');
			const server = location.origin;
			const joined = await live.joinSession(server, code, name);
			const saved: StudentSaved = { server, ...joined };
			write(studentKey(code), saved);
			await this.connect(saved);
		} catch (error) {
			this.failure = messageOf(error);
		} finally {
			this.#busy = false;
		}
	}

	answer(index: number, answer: StudentAnswer, ms: number): void {
		this.client?.answer(index, answer, ms);
	}

	/** Whether this student said "I was right" about question `index`. */
	hasOverridden(index: number): boolean {
		return this.read((c) => c.hasOverridden(index), false);
	}

	/** "I was right" about a typed answer to question `index` graded wrong. */
	overrule(index: number): void {
		this.client?.overrule(index);
	}
}
