/**
 * "I was right" in the live classroom, across two instances joined by Redis (PostgreSQL keeps the
 * documents): the teacher's device on one, students on the other, through the app's own live
 * clients. A student's call on their own typed answer graded wrong is counted right and marked as
 * theirs; every other such message is refused and changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sampleQuiz } from '../src/lib/classroom/fixtures/quizzes';
import type { ClassroomQuiz } from '../src/lib/classroom';
import { LiveStudentClient, LiveTeacher, liveResults } from '../src/lib/live';
import { startServer, type FactdeckServer } from './app';
import { studentDocument } from './live';
import { silentLogger } from './log';
import { DATABASE_URL, REDIS_URL, missingServices, servicesRequired } from './services';
import { QuietWebSocket, clientPool, postJson, waitFor } from './testing';

const missing = await missingServices();
const servers: FactdeckServer[] = [];
const pool = clientPool();
const closers: (() => void)[] = [];

async function instance(name: string): Promise<FactdeckServer> {
	const server = await startServer({
		port: 0,
		databaseUrl: DATABASE_URL,
		redisUrl: REDIS_URL,
		log: silentLogger,
		instanceName: name,
		storeDebounceMs: 100
	});
	servers.push(server);
	return server;
}

afterEach(async () => {
	pool.closeAll();
	for (const close of closers.splice(0)) close();
	for (const s of servers.splice(0)) await s.stop();
});

/** A typed question first, then a multiple-choice one whose first option is wrong. */
function quiz(): ClassroomQuiz {
	const base = sampleQuiz();
	const choice = base.questions.find((q) => q.type === 'multiple-choice' && q.answer !== 0)!;
	return {
		...base,
		id: 'override',
		speedPoints: false,
		secondsPerQuestion: 60,
		questions: [
			{
				type: 'short-answer',
				prompt: 'Which river does the barrier hold back?',
				answer: 'The Wye',
				evidence: 'The barrier protects the town centre from the Wye.',
				points: 100
			},
			choice
		]
	};
}

const stateOf = (server: FactdeckServer, name: string) =>
	Buffer.from(Y.encodeStateAsUpdate(server.hocuspocus.documents.get(name)!));

describe.skipIf(missing !== null && !servicesRequired)('"I was right" in a live class', () => {
	it('counts a typed answer graded wrong as right by the student, once, and refuses the rest', async () => {
		const a = await instance('a');
		const b = await instance('b');
		const created = (await postJson(`${a.url}/api/live/sessions`, {})).body as {
			session: string;
			code: string;
			teacherToken: string;
		};
		const { session, teacherToken } = created;
		const join = async (name: string) =>
			(await postJson(`${b.url}/api/live/join`, { code: created.code, name })).body as {
				student: string;
				token: string;
			};
		const ana = await join('Ana');
		const ben = await join('Ben');
		const cal = await join('Cal');
		const q = quiz();
		const teacher = new LiveTeacher({
			WebSocketPolyfill: QuietWebSocket,
			server: a.url,
			session,
			token: teacherToken,
			quiz: q,
			seed: 3
		});
		closers.push(() => teacher.destroy());
		const student = (who: { student: string; token: string }) => {
			const c = new LiveStudentClient({
				WebSocketPolyfill: QuietWebSocket,
				server: b.url,
				session,
				...who
			});
			closers.push(() => c.destroy());
			return c;
		};
		const anaClient = student(ana);
		const benClient = student(ben);
		const calClient = student(cal);
		await waitFor(() => teacher.students.length === 3, 5000, 'roster');

		teacher.show(0);
		await waitFor(() => anaClient.question?.index === 0, 5000, 'question 0 on b');
		anaClient.answer(0, 'the severn', 4000);
		benClient.answer(0, 'wye', 3000);
		await waitFor(() => anaClient.result(0) !== null && benClient.result(0) !== null);
		expect(anaClient.result(0)).toMatchObject({ answer: 0, correct: false, points: 0 });
		expect(benClient.result(0)).toMatchObject({ answer: 1, correct: true });

		const anaDoc = studentDocument(session, ana.student);
		const benDoc = studentDocument(session, ben.student);
		/** A second connection with a student's token that sends `edit`; it must be refused. */
		const refused = async (
			name: string,
			token: string,
			edit: (doc: Y.Doc) => void,
			on: FactdeckServer = b
		) => {
			const hostile = pool.connect(on.url, name, token);
			await hostile.ready;
			await waitFor(() => hostile.doc.getMap('result').size > 0, 5000, 'hostile sync');
			const before = stateOf(on, name);
			const closed = new Promise<void>((r) => hostile.provider.on('close', () => r()));
			edit(hostile.doc);
			await Promise.race([
				closed,
				new Promise((_, reject) => setTimeout(() => reject(new Error('not refused')), 3000))
			]);
			hostile.close();
			expect(stateOf(on, name).equals(before)).toBe(true);
		};

		// Ben's answer was graded right: his "I was right" is refused.
		await refused(benDoc, ben.token, (d) => d.getMap('override').set('0', true));
		// A question that is not on show, and a value other than true.
		await refused(anaDoc, ana.token, (d) => d.getMap('override').set('1', true));
		await refused(anaDoc, ana.token, (d) => d.getMap('override').set('0', 'yes'));
		// Ana's token does not open Ben's document at all.
		await expect(pool.connect(b.url, benDoc, ana.token).ready).rejects.toThrow(/refused/);

		// Cal's call while the question is still open is taken as well.
		calClient.answer(0, 'river wye, wales', 5000);
		await waitFor(() => calClient.result(0) !== null, 5000, 'Cal graded');
		expect(calClient.result(0)).toMatchObject({ answer: 0, correct: false });
		calClient.overrule(0);
		await waitFor(() => calClient.result(0)?.answer === 2, 5000, "Cal's call counted");
		expect(teacher.phase).toBe('question');

		// Ana's own call, on the reveal: counted right, marked as hers, on the teacher's side.
		teacher.revealAnswer();
		await waitFor(() => anaClient.phase === 'reveal', 5000, 'reveal on b');
		expect(teacher.reveal?.spread.map((r) => [r.label, r.count])).toEqual([
			['Right', 1],
			['Right by their own call', 1],
			['Wrong', 1]
		]);
		anaClient.overrule(0);
		await waitFor(() => anaClient.result(0)?.answer === 2, 5000, 'override accepted');
		expect(anaClient.result(0)).toMatchObject({ correct: true, points: 100 });
		expect(anaClient.score).toBe(100);
		const anaRow = teacher.students.find((s) => s.id === ana.student)!;
		expect(anaRow.accepted[0]).toMatchObject({ answer: 2, correct: true, points: 100 });
		expect(teacher.reveal?.spread.map((r) => [r.label, r.count])).toEqual([
			['Right', 1],
			['Right by their own call', 2],
			['Wrong', 0]
		]);
		// The same call again (set anew) is refused, and the teacher's count does not move.
		await refused(anaDoc, ana.token, (d) => d.getMap('override').set('0', true));
		await refused(anaDoc, ana.token, (d) => d.getMap('override').delete('0'));
		expect(teacher.students.find((s) => s.id === ana.student)?.accepted[0]?.points).toBe(100);

		// A multiple-choice answer graded wrong cannot be called right.
		teacher.showBoard();
		teacher.show(1);
		await waitFor(() => anaClient.question?.index === 1, 5000, 'question 1 on b');
		anaClient.answer(1, 0, 2000);
		await waitFor(() => anaClient.result(1) !== null, 5000, 'choice accepted');
		expect(anaClient.result(1)).toMatchObject({ answer: 0, correct: false });
		// The app's own client does not send it ...
		anaClient.overrule(1);
		expect(anaClient.hasOverridden(1)).toBe(false);
		// ... and the server refuses it from anyone who does.
		await refused(anaDoc, ana.token, (d) => d.getMap('override').set('1', true));
		// A call on the first question, no longer on show, is refused too (its own key is taken
		// already, so Ben's right answer stands in for it).
		await refused(benDoc, ben.token, (d) => d.getMap('override').set('0', true));

		// The results saved at the end carry Ana's call as the result codes do (answer 2).
		const results = liveResults(q, teacher.students);
		const saved = results.find((r) => r.code === `LIVE-${ana.student}`)!;
		expect(saved.answers).toEqual([2, 0]);
		expect(saved.correct).toEqual([true, false]);
		// Instance a, the teacher's, holds the same document: nothing refused reached it.
		await waitFor(() => a.hocuspocus.documents.get(anaDoc) !== undefined, 5000, 'doc on a');
		await waitFor(() => stateOf(a, anaDoc).equals(stateOf(b, anaDoc)), 5000, 'the instances agree');
		const onA = a.hocuspocus.documents.get(anaDoc)!.getMap('override').toJSON();
		expect(onA).toEqual({ '0': true });
	}, 30_000);
});
