/**
 * The live classroom on the server: sessions with a 6-digit join code, students who join with a
 * name, and who may open which document.
 *
 * Documents of session S (16 hex digits):
 *   live.S.session    the teacher's: phase, the question on show (without its key), the key of a
 *                     question once revealed, the answer spread and the leaderboard. The teacher
 *                     writes; students read.
 *   live.S.roster     who joined (written by the server on each join); the teacher reads it.
 *   live.S.s.P        student P's answers (map `answers`, written by P), "I was right" on a
 *                     typed answer graded wrong (map `override`, written by P, checked here) and
 *                     feedback (map `result`, written by the teacher). Only P and the teacher
 *                     open it.
 * The key of a question is never in any document a student can open before it is revealed: the
 * teacher's device keeps the quiz and publishes a question's answer only at its reveal.
 *
 * Tokens are HMACs under the server's secret (shared by every instance through the store):
 * the teacher's `t.<mac(teacher:S)>`, a student's `s.P.<mac(student:S:P)>`. A student's token
 * opens only the session document (read-only) and their own answer document.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as Y from 'yjs';
import { clientAddress, type DocumentAccess, type DocumentModule } from './access';
import { AttemptLimiter } from './guard';
import { rosterDocument, sessionDocument, studentDocument } from '../src/lib/live/names';

export const LIVE_PREFIX = 'live.';
const NAME = /^live\.([0-9a-f]{16})\.(session|roster|s\.([0-9a-f]{16}))$/;
/** How long a join code stays valid after the session starts (unless the teacher ends it first). */
export const CODE_LIFETIME_MS = 12 * 60 * 60 * 1000;
const CODE_KEY = 'live-code:';
/** Expired join codes are removed from the store at most this often (when a session starts). */
const SWEEP_EVERY_MS = 60 * 1000;
export const MAX_NAME_CHARS = 24;
/** Answers a student may keep: one per question. */
const MAX_QUESTIONS = 200;
const MAX_ANSWER_JSON = 600;

export interface LiveSessionCreated {
	session: string;
	code: string;
	teacherToken: string;
	joinPath: string;
}

export interface LiveJoined {
	session: string;
	student: string;
	token: string;
	name: string;
	attempt: number;
}

export interface RosterEntry {
	id: string;
	name: string;
	attempt: number;
	joinedAt: number;
}

export { rosterDocument, sessionDocument, studentDocument };

function mac(secret: string, text: string): string {
	return createHmac('sha256', secret).update(text).digest('base64url').slice(0, 22);
}

function same(a: string, b: string): boolean {
	const x = Buffer.from(a);
	const y = Buffer.from(b);
	return x.length === y.length && timingSafeEqual(x, y);
}

export function teacherToken(secret: string, session: string): string {
	return `t.${mac(secret, `teacher:${session}`)}`;
}

export function studentToken(secret: string, session: string, student: string): string {
	return `s.${student}.${mac(secret, `student:${session}:${student}`)}`;
}

type Role = { role: 'teacher' } | { role: 'student'; student: string };

/** Who a token is for in session `session`, or null. */
export function roleOf(secret: string, session: string, token: unknown): Role | null {
	if (typeof token !== 'string' || token.length > 80) return null;
	if (token.startsWith('t.')) {
		return same(token, teacherToken(secret, session)) ? { role: 'teacher' } : null;
	}
	const match = /^s\.([0-9a-f]{16})\./.exec(token);
	if (match?.[1] && same(token, studentToken(secret, session, match[1]))) {
		return { role: 'student', student: match[1] };
	}
	return null;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A student's name as shown: no control or direction characters, spaces folded, cut short. */
export function cleanStudentName(raw: unknown): string {
	if (typeof raw !== 'string') return '';
	const folded = raw.normalize('NFC').replace(CONTROL, '').replace(/\s+/g, ' ').trim();
	return Array.from(folded).slice(0, MAX_NAME_CHARS).join('').trim();
}

const nameKey = (name: string) => name.normalize('NFKC').toLocaleLowerCase();

/** Phases of the session in which a student's "I was right" is taken (see `checkOverrides`). */
const OVERRIDE_PHASES = new Set(['question', 'reveal', 'board']);
const TYPED = new Set(['cloze', 'short-answer']);

/** The item ids of a map's keys, to tell a key set again from one left alone. */
function itemIds(map: Y.Map<unknown>): Map<string, string> {
	const ids = new Map<string, string>();
	for (const [key, item] of map._map) ids.set(key, `${item.id.client}:${item.id.clock}`);
	return ids;
}

/**
 * A student's "I was right" (map `override`, `"3"` → true) as the update leaves it: only new keys,
 * each for the question on show or just revealed (phase question or reveal, or the leaderboard
 * that follows, so a tap on the reveal that crosses the teacher's next step is not refused), whose
 * question is a typed one, and whose answer the teacher has accepted and graded wrong; a key
 * already there is never set again or removed. `session` is the session document as this instance
 * holds it (the student's connection opens it too); without it nothing is taken.
 */
function checkOverrides(
	trial: Y.Doc,
	prior: Map<string, string>,
	session: Y.Doc | undefined
): string | null {
	const override = trial.getMap('override');
	if (override._start !== null) return 'Unexpected field';
	const after = itemIds(override);
	const live = session?.getMap('live');
	for (const [key, item] of override._map) {
		if (prior.has(key)) {
			if (after.get(key) !== prior.get(key) || item.deleted) return 'Already counted';
			continue;
		}
		if (item.deleted || item.content.getContent()[0] !== true) return 'Unexpected override';
		if (!/^\d{1,3}$/.test(key) || !live) return 'Unexpected override';
		const index = Number(key);
		const question = live.get('question') as { index?: unknown; type?: unknown } | undefined;
		if (
			!OVERRIDE_PHASES.has(String(live.get('phase'))) ||
			live.get('index') !== index ||
			question?.index !== index
		) {
			return 'That question is not open';
		}
		if (!TYPED.has(String(question.type))) return 'Only a typed answer can be counted right';
		const accepted = trial.getMap('result').get(key) as
			{ answer?: unknown; correct?: unknown } | undefined;
		if (accepted?.answer !== 0 || accepted.correct !== false) {
			return 'Only an answer graded wrong can be counted right';
		}
	}
	return null;
}

/**
 * Whether a student's update to their own answer document keeps to its shape: only the map
 * `answers`, keyed by question number, each value a small JSON object, and "I was right" in the
 * map `override` as `checkOverrides` allows it; nothing else touched. The update is tried on a
 * copy of the document, so a refused update changes nothing.
 */
export function checkStudentUpdate(
	document: Y.Doc,
	update: Uint8Array,
	session?: Y.Doc
): string | null {
	const before = Y.encodeStateAsUpdate(document);
	// A fixed guid: a random one costs more than the check itself on a busy server.
	const trial = new Y.Doc({ gc: false, guid: 'trial' });
	try {
		Y.applyUpdate(trial, before);
		const resultBefore = JSON.stringify(trial.getMap('result').toJSON());
		const prior = itemIds(trial.getMap('override'));
		Y.applyUpdate(trial, update);
		if (trial.store.pendingStructs) return 'Incomplete update';
		for (const name of trial.share.keys()) {
			if (name !== 'answers' && name !== 'result' && name !== 'override') return 'Unexpected field';
		}
		if (JSON.stringify(trial.getMap('result').toJSON()) !== resultBefore) {
			return 'Students cannot change their results';
		}
		const answers = trial.getMap('answers');
		if (answers._start !== null) return 'Unexpected field';
		for (const [key, item] of answers._map) {
			if (!/^\d{1,3}$/.test(key) || Number(key) >= MAX_QUESTIONS) return 'Unexpected answer';
			if (item.deleted) continue;
			const value = item.content.getContent()[0];
			if (typeof value !== 'object' || value === null || Array.isArray(value)) {
				return 'Unexpected answer';
			}
			if (value instanceof Y.AbstractType) return 'Unexpected answer';
			if (JSON.stringify(value).length > MAX_ANSWER_JSON) return 'Answer too long';
		}
		return checkOverrides(trial, prior, session);
	} catch {
		return 'Malformed update';
	} finally {
		trial.destroy();
	}
}

async function readJson(request: IncomingMessage, limit = 4096): Promise<unknown> {
	let size = 0;
	const chunks: Buffer[] = [];
	for await (const chunk of request) {
		size += (chunk as Buffer).length;
		if (size > limit) throw Object.assign(new Error('Request too large'), { status: 413 });
		chunks.push(chunk as Buffer);
	}
	try {
		return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
	} catch {
		throw Object.assign(new Error('Not JSON'), { status: 400 });
	}
}

function send(response: ServerResponse, status: number, body: unknown, extra = {}): void {
	const text = JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'no-store',
		'access-control-allow-origin': '*',
		'content-length': Buffer.byteLength(text),
		...extra
	});
	response.end(text);
}

export interface LiveOptions {
	/** Failed join attempts allowed per client address in `joinWindowMs` (default 10). */
	maxJoinFailures?: number;
	joinWindowMs?: number;
	/** Sessions one address may start in `joinWindowMs` (default 30). */
	maxSessions?: number;
	trustProxy?: boolean;
	now?: () => number;
}

/** The live classroom's module (see ./access.ts). */
export function createLiveModule(options: LiveOptions = {}): DocumentModule {
	return ({ store, secret, log, change }): DocumentAccess => {
		const now = options.now ?? Date.now;
		const window = options.joinWindowMs ?? 10 * 60 * 1000;
		const failures = new AttemptLimiter(options.maxJoinFailures ?? 10, window, now);
		const starts = new AttemptLimiter(options.maxSessions ?? 30, window, now);
		const client = (request: IncomingMessage) => clientAddress(request, options.trustProxy);

		/** The session a code belongs to, if it is still valid, and the stored value. */
		async function codeOf(
			code: string
		): Promise<{ session: string; created: number; stored: string } | null> {
			const stored = /^\d{6}$/.test(code) ? await store.get(CODE_KEY + code) : null;
			if (!stored) return null;
			const found = JSON.parse(stored) as { session: string; created: number };
			return { ...found, stored };
		}
		const expired = (created: number) => now() - created > CODE_LIFETIME_MS;

		let lastSweep = -Infinity;
		async function sweep(): Promise<void> {
			if (now() - lastSweep < SWEEP_EVERY_MS) return;
			lastSweep = now();
			const removed = await store.sweep(CODE_KEY, now() - CODE_LIFETIME_MS);
			if (removed > 0) log.info('expired join codes removed', { removed });
		}

		async function createSession(request: IncomingMessage): Promise<LiveSessionCreated> {
			const who = client(request);
			if (!starts.allowed(who)) {
				throw Object.assign(new Error('Too many live quizzes started: wait a few minutes.'), {
					status: 429
				});
			}
			starts.record(who);
			await sweep();
			const session = randomBytes(8).toString('hex');
			for (let tries = 0; tries < 50; tries++) {
				const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
				const value = JSON.stringify({ session, created: now() });
				const held = await store.claim(CODE_KEY + code, value, now());
				if (held !== value) {
					// Taken; an expired holder gives way (the next try may draw the code again).
					const holder = JSON.parse(held) as { created: number };
					if (expired(holder.created)) await store.release(CODE_KEY + code, held);
					continue;
				}
				log.info('live session started', { session });
				return {
					session,
					code,
					teacherToken: teacherToken(secret, session),
					joinPath: `/j/${code}`
				};
			}
			throw Object.assign(new Error('No free join code: try again.'), { status: 503 });
		}

		/** The teacher ends the session: its code stops admitting students and may be given again. */
		async function endSession(request: IncomingMessage, body: unknown): Promise<void> {
			const who = client(request);
			if (!failures.allowed(who)) {
				throw Object.assign(new Error('Too many wrong attempts: wait ten minutes.'), {
					status: 429
				});
			}
			const input = (typeof body === 'object' && body !== null ? body : {}) as Record<
				string,
				unknown
			>;
			const found = await codeOf(typeof input.code === 'string' ? input.code : '');
			if (!found || roleOf(secret, found.session, input.token)?.role !== 'teacher') {
				failures.record(who);
				throw Object.assign(new Error('No live quiz of yours has that code.'), { status: 404 });
			}
			await store.release(CODE_KEY + (input.code as string), found.stored);
			log.info('live session ended', { session: found.session });
		}

		async function join(request: IncomingMessage, body: unknown): Promise<LiveJoined> {
			const who = client(request);
			if (!failures.allowed(who)) {
				throw Object.assign(new Error('Too many wrong codes: wait ten minutes and try again.'), {
					status: 429
				});
			}
			const input = (typeof body === 'object' && body !== null ? body : {}) as Record<
				string,
				unknown
			>;
			const code = typeof input.code === 'string' ? input.code.replace(/\D/g, '') : '';
			const name = cleanStudentName(input.name);
			if (name === '') throw Object.assign(new Error('Type your name.'), { status: 400 });
			const found = await codeOf(code);
			if (!found || expired(found.created)) {
				failures.record(who);
				throw Object.assign(new Error('No live quiz has that code. Check it and try again.'), {
					status: 404
				});
			}
			const student = randomBytes(8).toString('hex');
			let attempt = 1;
			await change(rosterDocument(found.session), (doc) => {
				const students = doc.getArray<RosterEntry>('students');
				attempt = students.toArray().filter((s) => nameKey(s.name) === nameKey(name)).length + 1;
				students.push([{ id: student, name, attempt, joinedAt: now() }]);
			});
			log.info('student joined', { session: found.session, attempt });
			return {
				session: found.session,
				student,
				token: studentToken(secret, found.session, student),
				name,
				attempt
			};
		}

		return {
			name: 'live',
			owns: (documentName) => documentName.startsWith(LIVE_PREFIX),
			limits: { maxDocumentBytes: 2 * 2 ** 20, maxUpdateBytes: 512 * 1024 },
			authenticate({ documentName, token, request }) {
				const match = NAME.exec(documentName);
				if (!match?.[1]) throw Object.assign(new Error('No such document'), { reason: 'no-such' });
				const session = match[1];
				const role = roleOf(secret, session, token);
				if (!role) {
					log.warn('live token refused', { client: client(request) });
					throw Object.assign(new Error('Not allowed'), { reason: 'permission-denied' });
				}
				const kind = match[2];
				if (kind === 'session') {
					return role.role === 'teacher'
						? { context: { live: 'teacher' } }
						: { readOnly: true, context: { live: 'student' } };
				}
				if (kind === 'roster') {
					if (role.role !== 'teacher') throw new Error('Not allowed');
					return { readOnly: true, context: { live: 'teacher' } };
				}
				if (role.role === 'teacher') return { context: { live: 'teacher' } };
				if (role.student !== match[3]) throw new Error('Not allowed');
				return { context: { live: 'student', student: role.student } };
			},
			checkUpdate({ documentName, update, context, document, loaded }) {
				if (context.live === 'teacher') return null;
				const match = NAME.exec(documentName);
				if (context.live !== 'student' || !match?.[1] || !match[3]) return 'Not allowed';
				return checkStudentUpdate(document, update, loaded(sessionDocument(match[1])));
			},
			async handleRequest(request, response, url) {
				const path = url.pathname;
				const short = /^\/j\/(\d{6})\/?$/i.exec(path);
				if (short && (request.method === 'GET' || request.method === 'HEAD')) {
					response.writeHead(302, {
						location: `/classroom/join/live#${short[1]}`,
						'cache-control': 'no-store'
					});
					response.end();
					return true;
				}
				if (!path.startsWith('/api/live/')) return false;
				if (request.method === 'OPTIONS') {
					response.writeHead(204, {
						'access-control-allow-origin': '*',
						'access-control-allow-methods': 'POST, OPTIONS',
						'access-control-allow-headers': 'content-type',
						'access-control-max-age': '600'
					});
					response.end();
					return true;
				}
				try {
					if (path === '/api/live/sessions' && request.method === 'POST') {
						await readJson(request);
						send(response, 201, await createSession(request));
					} else if (path === '/api/live/join' && request.method === 'POST') {
						send(response, 200, await join(request, await readJson(request)));
					} else if (path === '/api/live/end' && request.method === 'POST') {
						await endSession(request, await readJson(request));
						send(response, 200, { ended: true });
					} else {
						send(response, 404, { error: 'Not found' });
					}
				} catch (error) {
					const status = (error as { status?: number }).status ?? 500;
					if (status === 500) log.error('live request failed', { error });
					send(response, status, {
						error: status === 500 ? 'Server error' : (error as Error).message
					});
				}
				return true;
			}
		};
	};
}

export const liveModule: DocumentModule = createLiveModule();
