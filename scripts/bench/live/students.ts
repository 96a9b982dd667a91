/**
 * Simulated students for the live bench, in a process of their own so that the bench measures
 * the server and not the load generator: the parent (which holds the teacher and times the
 * answers) sends `{ start }` with the students that joined; each student connects with the app's
 * own client (src/lib/live) and the real provider, answers each question it is shown within
 * THINK_MS, and reports `{ sent: [[key, time], ...] }` in batches, where time is on the shared
 * clock (performance.timeOrigin + performance.now()). `{ stop }` closes every client and replies
 * with the traffic this process saw and how many students ever lost their connection.
 */
import WebSocket from 'ws';
import { rng } from '../../../src/lib/generate/util';
import { LiveStudentClient, type Joined } from '../../../src/lib/live';

export interface StartMessage {
	start: { front: string; joined: Joined[]; thinkMs: number; seed: number };
}
export interface StudentsReport {
	traffic: { sent: number; received: number; sentBytes: number; receivedBytes: number };
	/** Students whose connection dropped at least once after they were all connected. */
	dropped: number;
}

const traffic = { sent: 0, received: 0, sentBytes: 0, receivedBytes: 0 };
class CountingWebSocket extends WebSocket {
	constructor(...args: ConstructorParameters<typeof WebSocket>) {
		super(...args);
		this.on('error', () => {});
		this.on('message', (data: Buffer) => {
			traffic.received++;
			traffic.receivedBytes += data.byteLength;
		});
	}
	override send(data: never, ...rest: never[]): void {
		traffic.sent++;
		traffic.sentBytes += (data as Uint8Array).byteLength ?? 0;
		(super.send as (...a: unknown[]) => void)(data, ...rest);
	}
}

const clock = () => performance.timeOrigin + performance.now();
const clients: LiveStudentClient[] = [];
const dropped = new Set<string>();
let watching = false;
let pending: [string, number][] = [];
const flush = setInterval(() => {
	if (pending.length === 0) return;
	process.send?.({ sent: pending });
	pending = [];
}, 20);

function start({ front, joined, thinkMs, seed }: StartMessage['start']): void {
	// Seeded, so a run's think times and choices repeat.
	const random = rng(seed);
	const seen = new Set<string>();
	for (const j of joined) {
		const client: LiveStudentClient = new LiveStudentClient({
			WebSocketPolyfill: CountingWebSocket,
			server: front,
			session: j.session,
			student: j.student,
			token: j.token,
			onChange: () => {
				if (watching && client.status !== 'connected') dropped.add(j.student);
				const q = client.question;
				if (client.phase !== 'question' || !q) return;
				const key = `${j.student}:${q.index}`;
				if (seen.has(key) || client.hasAnswered(q.index)) return;
				seen.add(key);
				const think = random() * thinkMs;
				const choice = Math.floor(random() * 3);
				setTimeout(() => {
					pending.push([key, clock()]);
					client.answer(q.index, choice, think);
				}, think);
			}
		});
		clients.push(client);
	}
}

process.on('message', (message: Partial<StartMessage> & { stop?: true; watch?: true }) => {
	if (message.start) start(message.start);
	if (message.watch) watching = true;
	if (message.stop) {
		clearInterval(flush);
		if (pending.length > 0) process.send?.({ sent: pending });
		for (const c of clients) c.destroy();
		const report: StudentsReport = { traffic, dropped: dropped.size };
		process.send?.({ report }, () => process.exit(0));
	}
});
setInterval(() => {
	const connected = clients.filter((c) => c.status === 'connected').length;
	process.send?.({ connected });
}, 100).unref();
process.on('disconnect', () => process.exit(0));
