// The bench's simulator in a child process of its own (bench-simulator.ts), as the bench and
// its probes start it: its work is the server's, on the cores it shares with the client.

import {fork, type ChildProcess} from 'node:child_process';

export async function forkSimulator(sessions: number): Promise<{child: ChildProcess; url: string; port: number}> {
	const child = fork(new URL('bench-simulator.ts', import.meta.url), [], {execArgv: ['--import', 'tsx'], env: {...process.env, BENCH_SIMULATOR: String(sessions)}});
	const {url, port} = await new Promise<{url: string; port: number}>((resolve, reject) => {
		child.once('message', (message) => {
			resolve(message as {url: string; port: number});
		});
		child.once('exit', (code) => {
			reject(new Error(`the simulator exited (${code})`));
		});
	});
	return {child, url, port};
}
