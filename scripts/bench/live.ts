/**
 * Live classroom bench: 300 simulated students (Node clients with the app's own live code and
 * the real provider) answer 10 questions through two server instances joined by Redis and
 * sharing PostgreSQL, behind one address (a round-robin TCP proxy, as a school's load balancer).
 * Reports answer-to-teacher latency (median, p95), messages and bytes per answer, server memory
 * and CPU, and answers lost; then a fault run kills one instance in the middle of a question, and
 * every client must reconnect through the proxy to the other with no answer lost.
 *
 * Every part runs in its own process, as in a classroom: the two instances, the proxy
 * (live/proxy.ts), the students (live/students.ts, split over STUDENT_PROCESSES processes), and
 * this one, which holds the teacher and times each answer from the moment a student sends it
 * (clock shared by the processes) to the moment the teacher's screen has it. The baseline, in the
 * same run and on the same instances, is a class of BASELINE_STUDENTS: what the path costs when
 * the server is not loaded, so the ratio shows what 300 students add on this machine at this time.
 * Load averages are printed with each figure (the machine is shared).
 *
 * Loopback only, bounded in time (it stops itself after 5 minutes). Needs Redis at
 * 127.0.0.1:6379 and PostgreSQL at 127.0.0.1:5432 (TEST_REDIS_URL, TEST_DATABASE_URL).
 * Run: `npm run bench -- live` (STUDENTS=, QUESTIONS=, STUDENT_PROCESSES=, BASELINE_STUDENTS=;
 * PROFILE_DIR= writes the instances' CPU profiles there).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import WebSocket from 'ws';
import { sampleQuiz } from '../../src/lib/classroom/fixtures/quizzes';
import type { ClassroomQuiz } from '../../src/lib/classroom';
import { LiveTeacher, joinSession, startSession, type Joined } from '../../src/lib/live';
import { DATABASE_URL, REDIS_URL, missingServices } from '../../server/services';
import type { StartMessage, StudentsReport } from './live/students';

const STUDENTS = Number(process.env.STUDENTS ?? 300);
const QUESTIONS = Number(process.env.QUESTIONS ?? 10);
const STUDENT_PROCESSES = Math.max(1, Number(process.env.STUDENT_PROCESSES ?? 2));
const BASELINE_STUDENTS = Number(process.env.BASELINE_STUDENTS ?? 10);
const FAULT_QUESTIONS = 3;
/** Students answer within this many milliseconds of seeing a question (spread like a class). */
const THINK_MS = 3000;
const QUESTION_TIMEOUT_MS = 20_000;
const TARGET_P95_MS = 500;

const clock = () => performance.timeOrigin + performance.now();
const load = () => (loadavg()[0] ?? 0).toFixed(2);
const children = new Set<ChildProcess>();

const deadline = setTimeout(() => {
	console.error('live bench: stopped after 5 minutes without finishing');
	cleanup();
	process.exit(1);
}, 300_000);
deadline.unref();

// ---- the teacher's traffic (the students count their own) -----------------------------------
const teacherTraffic = { sent: 0, received: 0, sentBytes: 0, receivedBytes: 0 };
class CountingWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
		this.on('message', (data: Buffer) => {
			teacherTraffic.received++;
			teacherTraffic.receivedBytes += data.byteLength;
		});
	}
	override send(data: never, ...rest: never[]): void {
		teacherTraffic.sent++;
		teacherTraffic.sentBytes += (data as Uint8Array).byteLength ?? 0;
		(super.send as (...a: unknown[]) => void)(data, ...rest);
	}
}

// ---- server instances and the proxy in front of them --------------------------------------
interface Instance {
	name: string;
	child: ChildProcess;
	port: number;
	alive: boolean;
}
const instances: Instance[] = [];
let proxy: ChildProcess | undefined;

function startChild(script: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env) {
	const child = spawn(process.execPath, [...args, '--import', 'tsx', script], {
		env,
		stdio: ['ignore', 'ignore', 'inherit', 'ipc']
	});
	children.add(child);
	child.once('exit', () => children.delete(child));
	return child;
}

function startInstance(name: string): Promise<Instance> {
	return new Promise((resolve, reject) => {
		const profile = process.env.PROFILE_DIR
			? ['--cpu-prof', '--cpu-prof-dir', process.env.PROFILE_DIR]
			: [];
		const child = startChild('server/index.ts', profile, {
			...process.env,
			PORT: '0',
			HOST: '127.0.0.1',
			STATIC_DIR: '',
			DATABASE_URL,
			REDIS_URL,
			INSTANCE_NAME: name,
			LOG_LEVEL: 'warn'
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
	proxy = startChild('scripts/bench/live/proxy.ts');
	setProxyTargets();
	return new Promise((resolve) => proxy!.once('message', (m: { port: number }) => resolve(m.port)));
}

function setProxyTargets(): void {
	proxy?.send({ targets: instances.filter((i) => i.alive).map((i) => i.port) });
}

interface Health {
	rssBytes: number;
	cpuSeconds: number;
}
async function health(instance: Instance): Promise<Health | null> {
	try {
		const r = await fetch(`http://127.0.0.1:${instance.port}/health`);
		return (await r.json()) as Health;
	} catch {
		return null;
	}
}

function cleanup(): void {
	for (const child of children) child.kill('SIGTERM');
}

// ---- one run ------------------------------------------------------------------------------
function quizOf(count: number): ClassroomQuiz {
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
	students: number;
	latencies: number[];
	accepted: number;
	expected: number;
	answersSent: number;
	messages: number;
	bytes: number;
	reconnected: number;
	loadAverage: string;
}

async function run(
	front: string,
	count: number,
	questions: number,
	fault?: { question: number; kill: () => void }
): Promise<RunResult> {
	const quiz = quizOf(questions);
	const started = await startSession(front);
	const sentAt = new Map<string, number>();
	const acceptedAt = new Map<string, number>();
	let teacherDropped = false;
	let watching = false;
	const teacher: LiveTeacher = new LiveTeacher({
		WebSocketPolyfill: CountingWebSocket,
		server: front,
		session: started.session,
		token: started.teacherToken,
		quiz,
		seed: 7,
		onChange: () => {
			if (watching && teacher.status !== 'connected') teacherDropped = true;
		},
		onAccepted(student, index) {
			acceptedAt.set(`${student}:${index}`, clock());
		}
	});
	const joined: Joined[] = [];
	for (let i = 0; i < count; i += 25) {
		const batch = Array.from({ length: Math.min(25, count - i) }, (_, k) =>
			joinSession(front, started.code, `Student ${i + k + 1}`)
		);
		joined.push(...(await Promise.all(batch)));
	}
	const processes = Math.min(STUDENT_PROCESSES, count);
	const groups = Array.from({ length: processes }, (_, p) =>
		joined.filter((_, i) => i % processes === p)
	);
	const connected = new Map<ChildProcess, number>();
	const reports = new Map<ChildProcess, StudentsReport>();
	const workers = groups.map((group, p) => {
		const child = startChild('scripts/bench/live/students.ts');
		connected.set(child, 0);
		child.on(
			'message',
			(m: { connected?: number; sent?: [string, number][]; report?: StudentsReport }) => {
				if (m.connected !== undefined) connected.set(child, m.connected);
				if (m.sent) for (const [key, t] of m.sent) sentAt.set(key, t);
				if (m.report) reports.set(child, m.report);
			}
		);
		const start: StartMessage = {
			start: { front, joined: group, thinkMs: THINK_MS, seed: 1000 + p }
		};
		child.send(start);
		return child;
	});
	const everyone = () => [...connected.values()].reduce((s, n) => s + n, 0);
	const connectedAll = await waitUntil(
		() => teacher.students.length === count && everyone() === count,
		30_000
	);
	if (!connectedAll) console.warn(`  not every student connected in 30 s (${everyone()})`);
	await new Promise((r) => setTimeout(r, 500));
	const before = { ...teacherTraffic };
	watching = true;
	for (const w of workers) w.send({ watch: true });
	for (let q = 0; q < questions; q++) {
		teacher.show(q);
		if (fault && fault.question === q) {
			await waitUntil(() => teacher.answered >= count / 2, QUESTION_TIMEOUT_MS);
			fault.kill();
		}
		const all = await waitUntil(() => teacher.answered === count, QUESTION_TIMEOUT_MS);
		if (!all) console.warn(`  question ${q + 1}: ${teacher.answered} of ${count} answers`);
		teacher.revealAnswer();
		teacher.showBoard();
	}
	teacher.end();
	const loadAverage = load();
	await new Promise((r) => setTimeout(r, 300));
	const after = { ...teacherTraffic };
	for (const w of workers) w.send({ stop: true });
	await waitUntil(() => reports.size === workers.length, 10_000);
	teacher.destroy();
	const latencies: number[] = [];
	for (const [key, t] of acceptedAt) {
		const t0 = sentAt.get(key);
		if (t0 !== undefined) latencies.push(t - t0);
	}
	const sum = (f: (r: StudentsReport) => number) =>
		[...reports.values()].reduce((s, r) => s + f(r), 0);
	return {
		students: count,
		latencies,
		accepted: acceptedAt.size,
		expected: count * questions,
		answersSent: sentAt.size,
		messages:
			sum((r) => r.traffic.sent + r.traffic.received) +
			after.sent +
			after.received -
			before.sent -
			before.received,
		bytes:
			sum((r) => r.traffic.sentBytes + r.traffic.receivedBytes) +
			after.sentBytes +
			after.receivedBytes -
			before.sentBytes -
			before.receivedBytes,
		reconnected: sum((r) => r.dropped) + (teacherDropped ? 1 : 0),
		loadAverage
	};
}

function latencyLine(r: RunResult): string {
	return `median ${median(r.latencies).toFixed(0)} ms, p95 ${percentile(r.latencies, 0.95).toFixed(0)} ms, max ${Math.max(...r.latencies).toFixed(0)} ms (${r.latencies.length} answers timed; load average ${r.loadAverage})`;
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
		`two instances (Redis + PostgreSQL) behind one proxy; ${cpus().length} cores, load average ${load()} at the start`
	);

	const baseline = await run(front, BASELINE_STUDENTS, QUESTIONS);
	console.log(`baseline: ${BASELINE_STUDENTS} students, ${QUESTIONS} questions`);
	console.log(`  answer-to-teacher latency: ${latencyLine(baseline)}`);

	console.log(
		`${STUDENTS} students in ${STUDENT_PROCESSES} processes, ${QUESTIONS} questions (load average ${load()})`
	);
	const cpuBefore = await Promise.all(instances.map(health));
	const t0 = performance.now();
	const main = await run(front, STUDENTS, QUESTIONS);
	const seconds = (performance.now() - t0) / 1000;
	const busy = await Promise.all(instances.map(health));
	const mib = (b: number | undefined) => ((b ?? 0) / 2 ** 20).toFixed(0);
	const cpu = busy.reduce(
		(s, h, i) => s + (h?.cpuSeconds ?? 0) - (cpuBefore[i]?.cpuSeconds ?? 0),
		0
	);
	const p95 = percentile(main.latencies, 0.95);
	const baseP95 = percentile(baseline.latencies, 0.95);
	console.log(`  run took ${seconds.toFixed(1)} s`);
	console.log(`  answer-to-teacher latency: ${latencyLine(main)}`);
	console.log(
		`  p95 is ${(p95 / baseP95).toFixed(1)}x the baseline's p95; target p95 <= ${TARGET_P95_MS} ms`
	);
	console.log(
		`  per answer (all clients, both directions, questions open to board): ${(main.messages / main.answersSent).toFixed(1)} messages, ${(main.bytes / main.answersSent).toFixed(0)} bytes; server CPU ${((cpu * 1000) / main.answersSent).toFixed(2)} ms (both instances)`
	);
	console.log(
		`  server memory (RSS): ${idle.map((h) => mib(h?.rssBytes)).join(' / ')} MiB idle, ${busy.map((h) => mib(h?.rssBytes)).join(' / ')} MiB after the run`
	);
	console.log(
		`  answers: ${main.answersSent} sent, ${main.accepted} reached the teacher, ${main.expected - main.accepted} lost`
	);

	console.log(
		`fault run: ${STUDENTS} students, ${FAULT_QUESTIONS} questions, instance b killed (SIGKILL) mid-question 2`
	);
	const fault = await run(front, STUDENTS, FAULT_QUESTIONS, {
		question: 1,
		kill: () => {
			const b = instances[1]!;
			b.child.kill('SIGKILL');
			b.alive = false;
			setProxyTargets();
		}
	});
	console.log(
		`  ${fault.reconnected} clients lost their instance and reconnected; answers: ${fault.answersSent} sent, ${fault.accepted} reached the teacher, ${fault.expected - fault.accepted} lost`
	);
	console.log(`  latency across the fault: ${latencyLine(fault)}`);
	const pass = {
		p95: p95 <= TARGET_P95_MS,
		noneLost: main.expected === main.accepted,
		noneLostAcrossFault: fault.expected === fault.accepted
	};
	const summary = {
		bench: 'live',
		machine: { cpus: cpus().length },
		students: STUDENTS,
		studentProcesses: STUDENT_PROCESSES,
		questions: QUESTIONS,
		baseline: {
			students: BASELINE_STUDENTS,
			medianMs: Math.round(median(baseline.latencies)),
			p95Ms: Math.round(baseP95),
			loadAverage1m: Number(baseline.loadAverage)
		},
		main: {
			medianMs: Math.round(median(main.latencies)),
			p95Ms: Math.round(p95),
			p95RatioToBaseline: Math.round((p95 / baseP95) * 10) / 10,
			messagesPerAnswer: Math.round((main.messages / main.answersSent) * 10) / 10,
			bytesPerAnswer: Math.round(main.bytes / main.answersSent),
			serverCpuMsPerAnswer: Math.round(((cpu * 1000) / main.answersSent) * 100) / 100,
			lost: main.expected - main.accepted,
			loadAverage1m: Number(main.loadAverage)
		},
		fault: {
			reconnected: fault.reconnected,
			lost: fault.expected - fault.accepted,
			p95Ms: Math.round(percentile(fault.latencies, 0.95)),
			maxMs: Math.round(Math.max(...fault.latencies)),
			loadAverage1m: Number(fault.loadAverage)
		},
		targets: { p95Ms: TARGET_P95_MS, lost: 0 },
		pass
	};
	console.log(JSON.stringify(summary));
	mkdirSync('bench-results', { recursive: true });
	writeFileSync('bench-results/live.json', JSON.stringify(summary, null, '\t') + '\n');
	const ok = Object.values(pass).every(Boolean);
	console.log(ok ? 'live bench: targets met' : 'live bench: a target was missed');
	cleanup();
	process.exit(ok ? 0 : 1);
} catch (error) {
	console.error(error);
	cleanup();
	process.exit(1);
}
