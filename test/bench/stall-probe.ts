// node --import tsx test/bench/stall-probe.ts [sessions] [rounds]
// The bench's maxStallMs alone, several rounds in one process: ten polls landed as the
// app lands them, the longest event-loop stall of each round printed, then the median.
// For trying a change against the stall without the whole bench's seven minutes.

import {monitorEventLoopDelay} from 'node:perf_hooks';
import {Client} from '../../source/api/client.js';
import {ListThread} from '../../source/api/list-thread.js';
import {initialState, reducer} from '../../source/model/monitor-state.js';
import {preparePoll} from '../../source/model/poll.js';
import {finishInSlices} from '../../source/ui/finish-in-slices.js';
import {forkSimulator} from './fork-simulator.js';

const {prepareMonitorProcess} = await import('../../source/monitor-process.js');
await prepareMonitorProcess();

const sessions = Number(process.argv[2] ?? 100_000);
const rounds = Number(process.argv[3] ?? 5);
const {child, url} = await forkSimulator(sessions);
const client = new Client({target: {origin: url, label: 'bench'}, user: 'admin', password: 'mariadb', timeoutMs: 120_000});
const thread = new ListThread(client, {host: 'bench', keyed: false});
let state = reducer(initialState(), {type: 'resize', listHeight: 44, paneHeight: 40, paneWidth: 60});
await thread.fetch(new AbortController().signal);
const stalls: number[] = [];
// STALL_LOG=1: each turn of the event loop longer than 40 ms, as it happens (with --trace-gc, beside V8's pauses).
if (process.env['STALL_LOG'] === '1') {
	let last = performance.now();
	setInterval(() => {
		const now = performance.now();
		if (now - last > 45) {
			console.log(`stall ~${Math.round(now - last - 5)} ms ending at ${Math.round(now)}`);
		}

		last = now;
	}, 5).unref();
}

for (let round = 0; round < rounds; round++) {
	const histogram = monitorEventLoopDelay({resolution: 5});
	histogram.enable();
	const polls: number[] = [];
	const fetches: number[] = [];
	for (let i = 0; i < 10; i++) {
		const started = performance.now();
		// eslint-disable-next-line no-await-in-loop
		const result = await thread.fetch(new AbortController().signal);
		if (!result.ok) {
			throw new Error(result.error.message);
		}

		fetches.push(performance.now() - started);
		const action = {type: 'poll-ok', sessions: result.list.sessions, index: result.list.index, summary: result.list.summary, services: result.list.services, at: result.polledAt, latencyMs: result.latencyMs, bytes: result.bytes} as const;
		// eslint-disable-next-line no-await-in-loop
		const prepared = await finishInSlices(preparePoll(state, action));
		state = reducer(state, {...action, prepared});
		polls.push(performance.now() - started);
	}

	histogram.disable();
	const stall = Math.round(histogram.max / 1e5) / 10;
	stalls.push(stall);
	polls.sort((a, b) => a - b);
	fetches.sort((a, b) => a - b);
	const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
	const memory = process.memoryUsage();
	console.log(`round ${round}: longest stall ${stall} ms, median poll ${Math.round(polls[5]!)} ms (fetched and rebuilt ${Math.round(fetches[5]!)}); MiB: rss ${mb(memory.rss)}, heap ${mb(memory.heapUsed)} of ${mb(memory.heapTotal)}, array buffers ${mb(memory.arrayBuffers)}`);
}

if (typeof globalThis.gc === 'function') {
	globalThis.gc();
	await new Promise((resolve) => setTimeout(resolve, 500));
	const memory = process.memoryUsage();
	console.log(`after gc(): rss ${Math.round(memory.rss / 2 ** 20)}, heap ${Math.round(memory.heapUsed / 2 ** 20)} of ${Math.round(memory.heapTotal / 2 ** 20)}`);
}

stalls.sort((a, b) => a - b);
console.log(`median of the longest stalls: ${stalls[Math.floor(stalls.length / 2)]} ms (${stalls.join(', ')})`);
await thread.close();
await client.close();
child.kill();
