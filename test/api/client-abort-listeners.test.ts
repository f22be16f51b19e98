// The poller and `--watch` hand every request the same long-lived AbortSignal. Each
// request hooks it to cancel itself and must unhook when it settles, or after 11
// requests Node warns "MaxListenersExceededWarning … abort listeners" and the signal
// holds every request's closure for as long as the monitor runs.

import assert from 'node:assert/strict';
import {getEventListeners} from 'node:events';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {startSimulator} from '../../source/simulator/index.js';
import {startFixtureServer} from '../helpers/fixture-server.js';

const requests = 15; // Past Node's default limit of 10 listeners.

test('one long-lived signal through many requests: each request unhooks itself, whatever its end', async () => {
	const sim = await startSimulator({port: 0, sessions: 20});
	const fixture = await startFixtureServer('v24');
	const client = new Client({target: {origin: sim.url, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 2000});
	const failing = new Client({target: {origin: fixture.origin, label: fixture.label}, user: 'a', password: 'b', timeoutMs: 100});
	const warnings: Error[] = [];
	const onWarning = (warning: Error) => warnings.push(warning);
	process.on('warning', onWarning);
	const poller = new AbortController();
	const {signal} = poller;
	const listeners = () => getEventListeners(signal, 'abort').length;
	try {
		for (let index = 0; index < requests; index++) {
			/* eslint-disable no-await-in-loop */
			assert.ok((await client.send('GET', '/v1/maxscale', 'its version', signal)).ok, 'a plain answer');
			assert.ok((await fetchSessionList(client, signal)).ok, 'a streamed list');
			fixture.fault = {kind: 'status', status: 503, body: ''};
			assert.equal((await failing.getJson('/v1/sessions', 'the session list', signal)).ok, false, 'an HTTP failure');
			fixture.fault = {kind: 'hang'};
			const late = await failing.getJson('/v1/sessions', 'the session list', signal);
			assert.ok(!late.ok && late.error.kind === 'timeout', 'a timeout');
			fixture.fault = {kind: 'none'};
			/* eslint-enable no-await-in-loop */
			assert.equal(listeners(), 0, `after round ${index + 1}, the requests left listeners on the caller's signal`);
		}

		// A request the signal itself cancels mid-flight.
		fixture.fault = {kind: 'hang'};
		const slow = new Client({target: {origin: fixture.origin, label: fixture.label}, user: 'a', password: 'b', timeoutMs: 5000});
		const pending = slow.getJson('/v1/sessions', 'the session list', signal);
		assert.equal(listeners(), 1, 'the request in flight listens');
		poller.abort();
		const cancelled = await pending;
		assert.ok(!cancelled.ok && cancelled.error.kind === 'aborted');
		assert.equal(listeners(), 0);
		await slow.close();
		// Warnings are emitted on the next tick.
		await new Promise((resolve) => {
			setImmediate(resolve);
		});
		assert.deepEqual(
			warnings.filter((warning) => warning.name === 'MaxListenersExceededWarning').map((warning) => warning.message),
			[],
		);
	} finally {
		process.off('warning', onWarning);
		await Promise.all([client.close(), failing.close()]);
		await Promise.all([sim.close(), fixture.close()]);
	}
});
