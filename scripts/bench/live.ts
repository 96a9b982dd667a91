/**
 * Live classroom bench: 300 simulated students (Node clients with the app's own live code and
 * the real provider) answer 10 questions through two server instances joined by Redis and
 * sharing PostgreSQL, behind one address (a round-robin TCP proxy, as a school's load balancer).
 * Reports answer-to-teacher latency (median, p95), messages and bytes per answer, server memory
 * and answers lost; then a fault run kills one instance in the middle of a question, and every
 * client must reconnect through the proxy to the other with no answer lost.
 *
 * Loopback only, bounded in time (it stops itself after 4 minutes). Needs Redis at
 * 127.0.0.1:6379 and PostgreSQL at 127.0.0.1:5432 (TEST_REDIS_URL, TEST_DATABASE_URL).
 * Run: `npm run bench -- live` (STUDENTS=, QUESTIONS= to change the load).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, connect, type Server, type Socket } from 'node:net';
import WebSocket from 'ws';
import { sampleQuiz } from '../../src/lib/classroom/fixtures/quizzes';
import type { ClassroomQuiz } from '../../src/lib/classroom';
import {
	LiveStudentClient,
	LiveTeacher,
	joinSession,
	startSession,
	type Joined
} from '../../src/lib/live';
import { DATABASE_URL, REDIS_URL, missingServices } from '../../server/services';

const STUDENTS = Number(process.env.STUDENTS ?? 300);
const QUESTIONS = Number(process.env.QUESTIONS ?? 10);
const FAULT_QUESTIONS = 3;
/** Students answer within this many milliseconds of seeing a question (spread like a class). */
const THINK_MS = 3000;
const QUESTION_TIMEOUT_MS = 20_000;

const deadline = setTimeout(() => {
	console.error('live bench: stopped after 4 minutes without finishing');
	cleanup();
	process.exit(1);
}, 240_000);
deadline.unref();

// ---- traffic counters: every client socket of this process -------------------------------
const traffic = { sent: 0, received: 0, sentBytes: 0, receivedBytes: 0 };
class CountingWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
		this.on('message', (data: Buffer) => {
			traffic.received++;
			traffic.receivedBytes += (data as unknown as ArrayBuffer).byteLength;
		});
	}
	override send(data: never, ...rest: never[]): void {
		traffic.sent++;
		traffic.sentBytes += (data as Uint8Array).byteLength ?? 0;
		(super.send as (...a: unknown[]) => void)(data, ...rest);
	}
}
const transport = { WebSocketPolyfill: CountingWebSocket };

// ---- server instances and the proxy in front of them --------------------------------------
interface Instance {
	name: string;
	child: ChildProcess;
	port: number;
	alive: boolean;
}
const instances: Instance[] = [];
let proxy: Server | undefined;
const proxied = new Set<Socket>();

function startInstance(name: string): Promise<Instance> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], {
			env: {
				...process.env,
				PORT: '0',
				HOST: '127.0.0.1',
				STATIC_DIR: '',
				DATABASE_URL,
				REDIS_URL,
				INSTANCE_NAME: name,
				LOG_LEVEL: 'warn'
			},
			stdio: ['ignore', 'ignore', 'inherit', 'ipc']
		});
		const instance: Instance = { name, child, port: 0, alive: true };
		child.once('message', (message: { port: number }) => {
			instance.port = message.port;
			resolve(instance);
		});
		child.once('exit', () => {
			instance.alive = false;
			reject(new Error(`${name} exited`));
		});
	});
}

function startProxy(): Promise<number> {
	let next = 0;
	proxy = createServer((client) => {
		const live = instances.filter((i) => i.alive);
		const target = live[next++ % Math.max(live.length, 1)];
		if (!target) return client.destroy();
		const upstream = connect(target.port, '127.0.0.1');
		proxied.add(client);
		proxied.add(upstream);
		const end = () => {
			client.destroy();
			upstream.destroy();
			proxied.delete(client);
			proxied.delete(upstream);
		};
		client.on('error', end).on('close', end);
		upstream.on('error', end).on('close', end);
		client.pipe(upstream).pipe(client);
	});
	return new Promise((resolve) =>
		proxy!.listen(0, '127.0.0.1', () => resolve((proxy!.address() as { port: number }).port))
	);
}

async function health(instance: Instance): Promise<{ rssBytes: number } | null> {
	try {
		const r = await fetch(`http://127.0.0.1:${instance.port}/health`);
		return (await r.json()) as { rssBytes: number };
	} catch {
		return null;
	}
}

function cleanup(): void {
	for (const i of instances) if (i.alive) i.child.kill('SIGTERM');
	for (const s of proxied) s.destroy();
	proxy?.close();
}

// ---- one run ------------------------------------------------------------------------------
function tenQuestions(count: number): ClassroomQuiz {
	const base = sampleQuiz();
	const questions = Array.from({ length: count }, (_, i) => {
		const q = base.questions[i % base.questions.length]!;
		return { ...q, prompt: `${q.prompt} (${i + 1})` };
	});
	return { ...base, id: `bench-${count}`, questions };
}

const median = (xs: number[]) => percentile(xs, 0.5);
function percentile(xs: number[], p: number): number {
	if (xs.length === 0) return NaN;
	const sorted = [...xs].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
}

async function waitUntil(check: () => boolean, ms: number): Promise<boolean> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) return false;
		await new Promise((r) => setTimeout(r, 20));
	}
	return true;
}

interface RunResult {
	latencies: number[];
	accepted: number;
	expected: number;
	answersSent: number;
	messages: number;
	bytes: number;
	reconnected: number;
}

async function run(
	front: string,
	questions: number,
	fault?: { question: number; kill: () => void }
): Promise<RunResult> {
	const quiz = tenQuestions(questions);
	const started = await startSession(front);
	const sentAt = new Map<string, number>();
	const latencies: number[] = [];
	let accepted = 0;
	const teacher = new LiveTeacher({
		...transport,
		server: front,
		session: started.session,
		token: started.teacherToken,
		quiz,
		seed: 7,
		onAccepted(student, index) {
			accepted++;
			const t0 = sentAt.get(`${student}:${index}`);
			if (t0 !== undefined) latencies.push(performance.now() - t0);
		}
	});
	const joined: Joined[] = [];
	for (let i = 0; i < STUDENTS; i += 25) {
		const batch = Array.from({ length: Math.min(25, STUDENTS - i) }, (_, k) =>
			joinSession(front, started.code, `Student ${i + k + 1}`)
		);
		joined.push(...(await Promise.all(batch)));
	}
	let answersSent = 0;
	const students: LiveStudentClient[] = [];
	const seen = new Set<string>();
	for (const j of joined) {
		const client: LiveStudentClient = new LiveStudentClient({
			...transport,
			server: front,
			session: j.session,
			student: j.student,
			token: j.token,
			onChange: () => {
				const q = client.question;
				if (client.phase !== 'question' || !q) return;
				const key = `${j.student}:${q.index}`;
				if (seen.has(key) || client.hasAnswered(q.index)) return;
				seen.add(key);
				const think = Math.random() * THINK_MS;
				setTimeout(() => {
					sentAt.set(key, performance.now());
					answersSent++;
					client.answer(q.index, Math.floor(Math.random() * 3), think);
				}, think);
			}
		});
		students.push(client);
	}
	const connectedAll = await waitUntil(
		() => teacher.students.length === STUDENTS && students.every((s) => s.status === 'connected'),
		30_000
	);
	if (!connectedAll) console.warn('  not every student connected in 30 s');
	await new Promise((r) => setTimeout(r, 500));
	const before = { ...traffic };
	let reconnected = 0;
	for (let q = 0; q < questions; q++) {
		teacher.show(q);
		if (fault && fault.question === q) {
			await waitUntil(() => teacher.answered >= STUDENTS / 2, QUESTION_TIMEOUT_MS);
			fault.kill();
			const offline = await waitUntil(() => students.some((s) => s.status !== 'connected'), 5000);
			if (offline) reconnected = students.filter((s) => s.status !== 'connected').length;
		}
		const all = await waitUntil(() => teacher.answered === STUDENTS, QUESTION_TIMEOUT_MS);
		if (!all) console.warn(`  question ${q + 1}: ${teacher.answered} of ${STUDENTS} answers`);
		teacher.revealAnswer();
		teacher.showBoard();
	}
	teacher.end();
	const after = { ...traffic };
	await new Promise((r) => setTimeout(r, 300));
	for (const s of students) s.destroy();
	teacher.destroy();
	return {
		latencies,
		accepted,
		expected: STUDENTS * questions,
		answersSent,
		messages: after.sent + after.received - before.sent - before.received,
		bytes: after.sentBytes + after.receivedBytes - before.sentBytes - before.receivedBytes,
		reconnected
	};
}

// ---- main ---------------------------------------------------------------------------------
const missing = await missingServices();
if (missing) {
	console.error(`live bench needs ${missing}.`);
	process.exit(1);
}
try {
	instances.push(await startInstance('bench-a'), await startInstance('bench-b'));
	const front = `http://127.0.0.1:${await startProxy()}`;
	const idle = await Promise.all(instances.map(health));
	console.log(
		`${STUDENTS} students, ${QUESTIONS} questions, two instances (Redis + PostgreSQL) behind one proxy`
	);
	const t0 = performance.now();
	const main = await run(front, QUESTIONS);
	const seconds = (performance.now() - t0) / 1000;
	const busy = await Promise.all(instances.map(health));
	const mib = (b: number | undefined) => ((b ?? 0) / 2 ** 20).toFixed(0);
	console.log(`  run took ${seconds.toFixed(1)} s`);
	console.log(
		`  answer-to-teacher latency: median ${median(main.latencies).toFixed(0)} ms, p95 ${percentile(main.latencies, 0.95).toFixed(0)} ms (target p95 <= 500 ms; ${main.latencies.length} answers timed)`
	);
	console.log(
		`  per answer (all clients, both directions, questions open to board): ${(main.messages / main.answersSent).toFixed(1)} messages, ${(main.bytes / main.answersSent).toFixed(0)} bytes`
	);
	console.log(
		`  server memory (RSS): ${idle.map((h) => mib(h?.rssBytes)).join(' / ')} MiB idle, ${busy.map((h) => mib(h?.rssBytes)).join(' / ')} MiB after the run`
	);
	console.log(
		`  answers: ${main.answersSent} sent, ${main.accepted} reached the teacher, ${main.expected - main.accepted} lost`
	);

	console.log(
		`fault run: ${FAULT_QUESTIONS} questions, instance b killed (SIGKILL) mid-question 2`
	);
	const fault = await run(front, FAULT_QUESTIONS, {
		question: 1,
		kill: () => {
			const b = instances[1]!;
			b.child.kill('SIGKILL');
			b.alive = false;
		}
	});
	console.log(
		`  ${fault.reconnected} clients lost their instance and reconnected; answers: ${fault.answersSent} sent, ${fault.accepted} reached the teacher, ${fault.expected - fault.accepted} lost`
	);
	console.log(
		`  latency across the fault: median ${median(fault.latencies).toFixed(0)} ms, p95 ${percentile(fault.latencies, 0.95).toFixed(0)} ms, max ${Math.max(...fault.latencies).toFixed(0)} ms`
	);
	const ok =
		main.expected === main.accepted &&
		fault.expected === fault.accepted &&
		percentile(main.latencies, 0.95) <= 500;
	console.log(ok ? 'live bench: targets met' : 'live bench: a target was missed');
	cleanup();
	process.exit(ok ? 0 : 1);
} catch (error) {
	console.error(error);
	cleanup();
	process.exit(1);
}
