// How soon an operator sees something: the built CLI started in a real pseudo-terminal
// (node-pty directly, no wrapper process in between), timed from the spawn to its first
// frame (the header) and to the first frame that shows the whole list ("N sessions").
// Printed under the bench's table; not one of issue 6's keys.

import process from 'node:process';
import {spawn} from '@lydell/node-pty';
import {cliPath, projectRoot, ptyEnvironment} from '../e2e/pty.js';

export type FirstScreen = {frameMs: number; listMs: number};

// eslint-disable-next-line no-control-regex
const escapes = /\u001B\[[\d;?]*[a-zA-Z]|\u001B\][^\u0007]*\u0007/g;

export async function firstScreen(port: number, sessions: number, timeoutMs = 120_000): Promise<FirstScreen> {
	// NODE_EXTRA_CA_CERTS: read by Node at every start, not needed for the plain-HTTP simulator
	// (see onceTsvMs); NODE_ENV: the bench's own, which the CLI sets for itself.
	const env = ptyEnvironment({NODE_EXTRA_CA_CERTS: undefined, NODE_ENV: undefined});
	const started = performance.now();
	const pty = spawn(process.execPath, [cliPath, '-h', `127.0.0.1:${port}`], {cols: 160, rows: 48, cwd: projectRoot, env});
	try {
		return await new Promise<FirstScreen>((resolve, reject) => {
			let text = '';
			let frameMs: number | undefined;
			const timer = setTimeout(() => {
				reject(new Error(`no list on screen after ${timeoutMs / 1000} s: ${text.slice(-300)}`));
			}, timeoutMs);
			pty.onData((data) => {
				text += data.replaceAll(escapes, '');
				frameMs ??= text.includes('sessiontop') ? performance.now() - started : undefined;
				if (frameMs !== undefined && text.includes(` ${sessions} sessions`)) {
					clearTimeout(timer);
					resolve({frameMs, listMs: performance.now() - started});
				}
			});
		});
	} finally {
		pty.write('q');
		await new Promise((resolve) => {
			const timer = setTimeout(resolve, 5000);
			pty.onExit(() => {
				clearTimeout(timer);
				resolve(undefined);
			});
		});
		try {
			pty.kill();
		} catch {
			// Already gone.
		}
	}
}
