// The streamed list over loopback, from the simulator of every MaxScale version it
// emulates (sparse fieldsets and whole documents, compact and pretty), against the
// reference reader on the very same bytes; and the cap, abort and timeout of a body
// that streams into the reader rather than into a string.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {test} from 'node:test';
import {request} from 'undici';
import {Client} from '../../source/api/client.js';
import {readSessionList} from '../../source/api/read-sessions.js';
import {fetchSessionColumns, fetchSessionList, listPath} from '../../source/api/sessions-api.js';
import {plainSession} from '../../source/model/session.js';
import {apiVersions} from '../../source/simulator/index.js';
import {auth, start} from '../simulator/helpers.js';
import {describe, reference, streamed} from './list-oracle.js';

async function bodyOf(url: string): Promise<Buffer> {
	const response = await request(url, {headers: {authorization: auth}});
	return Buffer.from(await response.body.arrayBuffer());
}

for (const version of apiVersions) {
	test(`the ${version} simulator's lists read the same streamed as parsed whole, sparse or not, compact or pretty`, async () => {
		// A frozen clock and no churn: every request of the same list gets the same bytes.
		const sim = await start({sessions: 400, seed: 11, churn: 0, apiVersion: version});
		const client = new Client({target: {origin: sim.url, label: '127.0.0.1:8989'}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
		try {
			for (const path of [listPath(), '/v1/sessions?pretty=false', '/v1/sessions', '/v1/sessions?fields%5Bsessions%5D=user,state']) {
				// eslint-disable-next-line no-await-in-loop
				const body = await bodyOf(sim.url + path);
				const expected = reference(body);
				assert.ok(expected.ok && expected.sessions.length === 400, `${path}: ${describe(expected)}`);
				for (const cuts of [[], [1, 2, 3, 1000, 1001], Array.from({length: 300}, (_, i) => (i * 977) % body.length)]) {
					assert.deepEqual(streamed(body, cuts), expected, `${version} ${path}`);
					assert.deepEqual(streamed(body, cuts, undefined, 7), expected, `${version} ${path} in parts`);
				}

				// Over HTTP, through the client: the same list, with the poll's own time for the ages.
				// eslint-disable-next-line no-await-in-loop
				const fetched = await fetchSessionList(client, undefined, {host: '127.0.0.1:8989', keyed: false});
				if (path === listPath()) {
					assert.ok(fetched.ok);
					const read = readSessionList(JSON.parse(body.toString('utf8')), fetched.polledAt, {host: '127.0.0.1:8989', keyed: false});
					assert.ok(read.ok);
					// Its sessions read out (every getter): compared as they are, only their key and id would be.
					assert.deepEqual({...fetched.list, sessions: fetched.list.sessions.map((session) => plainSession(session))}, read.list);
					assert.equal(fetched.bytes, body.toString('utf8').length);
				}
			}
		} finally {
			await client.close();
			await sim.close();
		}
	});
}

async function rawServer(handle: (response: http.ServerResponse) => void): Promise<{client: (cap?: number, timeoutMs?: number) => Client; close: () => Promise<void>}> {
	const server = http.createServer((_request, response) => {
		handle(response);
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as AddressInfo;
	const clients: Client[] = [];
	return {
		client(cap, timeoutMs = 5000) {
			const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs, maxBodyBytes: cap});
			clients.push(client);
			return client;
		},
		async close() {
			await Promise.all(clients.map(async (client) => client.close()));
			server.closeAllConnections();
			await new Promise((resolve) => {
				server.close(resolve);
			});
		},
	};
}

const bigList = `{"data":[${Array.from({length: 3000}, (_, i) => `{"id":"${i}","attributes":{"user":"u${i}"}}`).join(',')}]}`;

test('--max-body holds for a streamed list, declared or chunked, in the same sentence as before', async () => {
	for (const declared of [true, false]) {
		// eslint-disable-next-line no-await-in-loop
		const server = await rawServer((response) => {
			response.writeHead(200, declared ? {'content-type': 'application/json', 'content-length': String(bigList.length)} : {'content-type': 'application/json'});
			for (let i = 0; i < bigList.length; i += 4096) {
				response.write(bigList.slice(i, i + 4096));
			}

			response.end();
		});
		try {
			const capped = server.client(16 * 1024);
			// eslint-disable-next-line no-await-in-loop
			const [streamedList, whole] = await Promise.all([fetchSessionColumns(capped), capped.getJson(listPath(), 'the session list')]);
			assert.ok(!streamedList.ok && !whole.ok);
			assert.equal(streamedList.error.kind, 'too-large');
			assert.equal(streamedList.error.message, whole.error.message);
			// Under the cap, all of it.
			// eslint-disable-next-line no-await-in-loop
			const fine = await fetchSessionColumns(server.client());
			assert.ok(fine.ok && fine.columns.count === 3000);
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await server.close();
		}
	}
});

test('a streamed list that stalls mid-body times out, and an abort cancels it, each in its one sentence', async () => {
	const server = await rawServer((response) => {
		response.writeHead(200, {'content-type': 'application/json'});
		response.write(bigList.slice(0, 5000)); // ...and never the rest.
	});
	try {
		const slow = server.client(undefined, 300);
		const [timedOut, whole] = await Promise.all([fetchSessionColumns(slow), slow.getJson(listPath(), 'the session list')]);
		assert.ok(!timedOut.ok && !whole.ok);
		assert.equal(timedOut.error.kind, 'timeout');
		assert.equal(timedOut.error.message, whole.error.message);
		const abort = new AbortController();
		const pending = fetchSessionColumns(server.client(), abort.signal);
		setTimeout(() => {
			abort.abort();
		}, 50);
		const aborted = await pending;
		assert.ok(!aborted.ok);
		assert.equal(aborted.error.kind, 'aborted');
	} finally {
		await server.close();
	}
});

test('errors other than 2xx are read whole and described as before; a 2xx that is not JSON gets the same sentence', async () => {
	const bodies: Array<[number, string]> = [
		[503, '{"errors": [ { "detail": "MaxScale is shutting down" } ] }'],
		[502, '<html><body>Bad Gateway</body></html>'],
		[200, '<html><body>a portal</body></html>'],
		[200, '{"data":[{"id":"1"}'],
		[200, '{"errors":[]}'],
	];
	for (const [status, body] of bodies) {
		// eslint-disable-next-line no-await-in-loop
		const server = await rawServer((response) => {
			response.writeHead(status, {'content-type': 'application/json'}).end(body);
		});
		try {
			const client = server.client();
			// eslint-disable-next-line no-await-in-loop
			const [now, before] = await Promise.all([fetchSessionList(client), client.getJson(listPath(), 'the session list')]);
			assert.ok(!now.ok);
			if (before.ok) {
				assert.match(now.error.message, /not a MaxScale sessions document/);
			} else {
				assert.deepEqual(now.error, before.error);
			}
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await server.close();
		}
	}
});
