// The list worker against the simulator over loopback: the same sessions as a
// fetch on the main thread, errors as the same sentences, and a dead worker
// neither hangs a poll nor stops the next one.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {ListThread} from '../../source/api/list-thread.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {finish} from '../../source/model/steps.js';
import {summarizeSteps} from '../../source/model/summary.js';
import {start} from '../simulator/helpers.js';

async function withSimulator(run: (url: string, port: number) => Promise<void>): Promise<void> {
	// A frozen clock and no churn: two fetches of the same moment must agree exactly.
	const sim = await start({sessions: 3000, seed: 7, churn: 0});
	try {
		await run(sim.url, sim.port);
	} finally {
		await sim.close();
	}
}

const clientFor = (url: string, port: number, password = 'mariadb') =>
	new Client({target: {origin: url, label: `127.0.0.1:${port}`}, user: 'admin', password, timeoutMs: 5000});

/** A thread on a fresh simulator, closed (with its client) whatever the test does. */
async function withThread(run: (thread: ListThread) => Promise<void>): Promise<void> {
	await withSimulator(async (url, port) => {
		const client = clientFor(url, port);
		const thread = new ListThread(client, {host: client.target.label, keyed: false});
		try {
			await run(thread);
		} finally {
			await thread.close();
			await client.close();
		}
	});
}

test('the worker returns exactly the sessions a main-thread fetch reads, keyed by host when asked', async () => {
	await withSimulator(async (url, port) => {
		const client = clientFor(url, port);
		// Parts of the default size, and of 7 sessions: the list read in ~430 parts, rebuilt as they come.
		for (const [keyed, partRows] of [[false, undefined], [true, undefined], [false, 7], [true, 7]] as const) {
			const origin = {host: client.target.label, keyed};
			const thread = new ListThread(client, origin, {partRows});
			try {
				// eslint-disable-next-line no-await-in-loop
				const [inWorker, here] = await Promise.all([thread.fetch(new AbortController().signal), fetchSessionList(client, undefined, origin)]);
				assert.ok(thread.inWorker, 'the list came from the worker thread');
				assert.ok(inWorker.ok && here.ok);
				assert.equal(inWorker.list.sessions.length, 3000);
				// And its index, built as the parts came: every key to its very session.
				const {index, summary, services, ...list} = inWorker.list;
				assert.deepEqual(list, here.list);
				assert.ok(index);
				assert.equal(index.size, 3000);
				assert.ok(list.sessions.every((session) => index.get(session.key) === session));
				// And its summary, worked out as they came: the whole list's.
				assert.deepEqual(summary, finish(summarizeSteps(list.sessions)));
				assert.deepEqual(services?.entries(), [...new Set(list.sessions.map((session) => session.service))].map((service) => [service, list.sessions.filter((session) => session.service === service).length]));
				assert.equal(inWorker.bytes, here.bytes);
				assert.equal(inWorker.list.sessions[0]?.key, keyed ? `${client.target.label}#${inWorker.list.sessions[0]?.id}` : inWorker.list.sessions[0]?.id);
			} finally {
				// eslint-disable-next-line no-await-in-loop
				await thread.close();
			}
		}

		await client.close();
	});
});

test('a refused password comes back as the same one sentence, and the worker keeps serving', async () => {
	await withSimulator(async (url, port) => {
		const wrong = clientFor(url, port, 'not-it');
		const thread = new ListThread(wrong, {host: wrong.target.label, keyed: false});
		try {
			const result = await thread.fetch(new AbortController().signal);
			const direct = await fetchSessionList(wrong);
			assert.ok(!result.ok && !direct.ok);
			assert.equal(result.error.message, direct.error.message);
			assert.match(result.error.message, /refused the credentials \(401/);
			assert.ok(!result.error.message.includes('not-it'), 'the password is never in a message');
			assert.ok(thread.inWorker);
		} finally {
			await thread.close();
			await wrong.close();
		}
	});
});

test('a worker that dies mid-poll fails that poll in one sentence, and the next poll gets a new worker', async () => {
	await withThread(async (thread) => {
		assert.ok((await thread.fetch(new AbortController().signal)).ok);
		const pending = thread.fetch(new AbortController().signal);
		await thread.recycle(); // The worker goes away with a request in flight.
		const lost = await pending;
		assert.ok(!lost.ok);
		assert.match(lost.error.message, /list worker stopped/);
		const again = await thread.fetch(new AbortController().signal);
		assert.ok(again.ok && again.list.sessions.length === 3000);
		assert.ok(thread.inWorker);
		await thread.close();
		const closed = await thread.fetch(new AbortController().signal);
		assert.ok(!closed.ok && closed.error.kind === 'aborted', 'after close, no new worker');
		assert.ok(!thread.inWorker);
	});
});

test('a worker that ends only after its successor took a poll fails nothing of the successor\'s', async () => {
	await withThread(async (thread) => {
		assert.ok((await thread.fetch(new AbortController().signal)).ok);
		// Not awaited: the old worker's exit comes while the next poll is already with the new one.
		const ended = thread.recycle();
		const next = await thread.fetch(new AbortController().signal);
		await ended;
		assert.ok(next.ok, next.ok ? '' : next.error.message);
		assert.equal(next.list.sessions.length, 3000);
		assert.ok(thread.inWorker);
	});
});

test('an abort cancels the request in the worker', async () => {
	await withThread(async (thread) => {
		const abort = new AbortController();
		const pending = thread.fetch(abort.signal);
		abort.abort();
		const result = await pending;
		assert.ok(!result.ok);
		assert.equal(result.error.kind, 'aborted');
	});
});

test('warm() starts the worker before the first fetch, which it then serves; never after close', async () => {
	await withThread(async (thread) => {
		assert.ok(!thread.inWorker, 'no worker before anything asks');
		assert.equal(thread.warm(), thread);
		assert.ok(thread.inWorker, 'the worker is running before the first fetch');
		const list = await thread.fetch(new AbortController().signal);
		assert.ok(list.ok && list.list.sessions.length === 3000);
		assert.ok(thread.inWorker);
		await thread.close();
		thread.warm();
		assert.ok(!thread.inWorker, 'a closed thread starts no worker');
	});
});
