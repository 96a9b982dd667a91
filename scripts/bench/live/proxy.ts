/**
 * The live bench's load balancer, in a process of its own as a school's would be: a round-robin
 * TCP proxy over the server instances the parent names (`{ targets: [port, ...] }` over IPC, sent
 * again when one dies). Replies `{ port }` once it listens.
 */
import { createServer, connect, type Socket } from 'node:net';

let targets: number[] = [];
let next = 0;
const open = new Set<Socket>();

const proxy = createServer((client) => {
	client.setNoDelay(true);
	const port = targets[next++ % Math.max(targets.length, 1)];
	if (port === undefined) return client.destroy();
	const upstream = connect(port, '127.0.0.1');
	upstream.setNoDelay(true);
	open.add(client);
	open.add(upstream);
	const end = () => {
		client.destroy();
		upstream.destroy();
		open.delete(client);
		open.delete(upstream);
	};
	client.on('error', end).on('close', end);
	upstream.on('error', end).on('close', end);
	client.pipe(upstream).pipe(client);
});

process.on('message', (message: { targets?: number[] }) => {
	if (message.targets) targets = message.targets;
});
process.on('disconnect', () => {
	for (const socket of open) socket.destroy();
	proxy.close();
	process.exit(0);
});
proxy.listen(0, '127.0.0.1', () => {
	process.send?.({ port: (proxy.address() as { port: number }).port });
});
