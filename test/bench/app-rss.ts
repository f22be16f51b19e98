// rssMb: what `ps` would show for sessiontop itself after 10 polls. The built CLI runs
// in a real pseudo-terminal against the bench's simulator, exactly as an operator
// starts it (default interval, no pane), and its resident memory is read from
// /proc when its 11th list request arrives: the 10th poll is then landed and drawn.
// Not the bench's own process: that one carries tsx's loader thread, the test
// renderer and the bench's bookkeeping, none of which the app has.

import type {ChildProcess} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {startPty, waitForExit} from '../e2e/pty.js';

/** The simulator child's note of a list request (see bench.tsx), sent only between 'count-lists' and 'stop-counting'. */
export type ListRequested = {listRequested: true};
export type CountLists = 'count-lists' | 'stop-counting';

export const isListRequest = (method: string, url: string) => method === 'GET' && /^\/v1\/sessions(\?|$)/.test(url);

function residentMb(pid: number): number {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = /^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1];
	if (kb === undefined) {
		throw new Error(`no VmRSS for process ${pid}`);
	}

	return Math.round(Number(kb) / 1024);
}

export async function appRssMb(simulator: ChildProcess, port: number, polls = 10, timeoutMs = 600_000): Promise<number> {
	const pty = startPty({args: ['-h', `127.0.0.1:${port}`], cols: 160, rows: 48, env: {NODE_EXTRA_CA_CERTS: undefined}});
	let onMessage: ((message: unknown) => void) | undefined;
	try {
		const rss = await new Promise<number>((resolve, reject) => {
			let requests = 0;
			const timer = setTimeout(() => {
				reject(new Error(`sessiontop made ${requests} list requests in ${timeoutMs / 1000} s: ${pty.rawOutput().slice(-400)}`));
			}, timeoutMs);
			onMessage = (message) => {
				if ((message as Partial<ListRequested>).listRequested !== true || ++requests <= polls) {
					return;
				}

				clearTimeout(timer);
				const pid = pty.pid();
				if (pid === undefined) {
					reject(new Error('the pty never reported sessiontop\'s pid'));
					return;
				}

				resolve(residentMb(pid));
			};

			simulator.on('message', onMessage);
			// Only now: the bench's own list requests before this are not the app's.
			simulator.send('count-lists' satisfies CountLists);
		});
		pty.write('q');
		await waitForExit(pty);
		return rss;
	} finally {
		simulator.send('stop-counting' satisfies CountLists);
		if (onMessage !== undefined) {
			simulator.off('message', onMessage);
		}

		if (pty.running()) {
			pty.kill('SIGKILL');
		}

		pty.dispose();
	}
}
