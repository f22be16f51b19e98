// SIGUSR1 would have Node open its inspector on port 9229, through which any local process of
// the user could run code in the one holding the REST API password. sessiontop ends on it
// instead: a single print at once (128 + 10), --watch --json cleanly, as on SIGTERM.

import assert from 'node:assert/strict';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {skipWithoutBuild, startCli} from './helpers.js';

async function silentServer(t: {after(fn: () => Promise<void>): void}): Promise<string> {
	// Takes the request and never answers: the CLI is still running when the signal comes.
	const server = http.createServer(() => undefined);
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	t.after(async () => {
		server.closeAllConnections();
		await new Promise((resolve) => {
			server.close(resolve);
		});
	});
	return `127.0.0.1:${(server.address() as AddressInfo).port}`;
}

for (const [mode, code] of [[['--once'], 138], [['--watch', '--json'], 0]] as const) {
	test(`SIGUSR1 to ${mode.join(' ')} ends it (${code}); no inspector opens`, {skip: skipWithoutBuild}, async (t) => {
		const host = await silentServer(t);
		const {child, done} = startCli([...mode, '-h', host, '-t', '30s']);
		// Once it is running its own code: its first request has reached the server.
		await new Promise((resolve) => {
			setTimeout(resolve, 1500);
		});
		child.kill('SIGUSR1');
		const run = await done;
		assert.equal(run.code, code, run.stderr);
		assert.doesNotMatch(run.stderr, /Debugger listening|inspector/i);
	});
}
