// node --cpu-prof --cpu-prof-dir=prof --import tsx test/bench/poll-profile.ts [sessions] [--here]
// Polls a simulator (in a child process) five times as the app does, for a CPU profile of
// each thread: the list worker (fetch, streamed scan into columns) and the main thread (rebuild, reducer).
// --here fetches on the main thread instead, as before the worker.

import {fork} from 'node:child_process';
import {Client} from '../../source/api/client.js';
import {ListThread} from '../../source/api/list-thread.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {startSimulator} from '../../source/simulator/index.js';

const sessions = Number(process.argv[2] ?? 100_000);
if (process.env['PROFILE_SIMULATOR']) {
	const sim = await startSimulator({port: 0, sessions, seed: 1, churn: 20});
	process.send?.({url: sim.url});
} else {
	const child = fork(new URL(import.meta.url), process.argv.slice(2), {execArgv: ['--import', 'tsx'], env: {...process.env, PROFILE_SIMULATOR: '1'}});
	const {url} = await new Promise<{url: string}>((resolve) => {
		child.once('message', (message) => {
			resolve(message as {url: string});
		});
	});
	const client = new Client({target: {origin: url, label: 'bench'}, user: 'admin', password: 'mariadb', timeoutMs: 120_000});
	const origin = {host: 'bench', keyed: false};
	const thread = new ListThread(client, origin);
	const here = process.argv.includes('--here');
	let state = reducer(initialState(), {type: 'resize', listHeight: 44, paneHeight: 40, paneWidth: 60});
	for (let i = 0; i < 6; i++) {
		const started = performance.now();
		// eslint-disable-next-line no-await-in-loop
		const result = here ? await fetchSessionList(client, undefined, origin) : await thread.fetch(new AbortController().signal);
		if (!result.ok) {
			throw new Error(result.error.message);
		}

		const fetched = performance.now();
		state = reducer(state, {type: 'poll-ok', sessions: result.list.sessions, at: result.polledAt, latencyMs: result.latencyMs, bytes: result.bytes});
		console.log(`poll ${i}: fetched in ${Math.round(fetched - started)} ms, reducer ${Math.round(performance.now() - fetched)} ms`);
	}

	await thread.close();
	await client.close();
	child.kill();
}
