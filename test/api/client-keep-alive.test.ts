// A kept-alive connection that the server closes as idle just as the next request goes out on
// it: the request meets a closed socket before any byte of an answer. QA: a server closing idle
// connections after 2 s made every other poll at a 2 s interval fail, with advice about TLS. A
// GET is sent again (twice at most: a pool may hold more than one such connection); a kill is not.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import net from 'node:net';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';

const list = JSON.stringify({data: [{id: '7', type: 'sessions', attributes: {state: 'Session started', user: 'alice', remote: '10.0.0.1', idle: 1}, relationships: {services: {data: [{id: 'RW', type: 'services'}]}}}]});
const answer = `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(list)}\r\n\r\n${list}`;

/**
 * A raw server that answers the first `answered` requests of each connection, then closes the
 * connection on the next one without a word. It counts its connections and requests.
 */
async function serve(answered: number): Promise<{client: Client; connections: () => number; requests: () => number; close: () => Promise<void>}> {
	let connections = 0;
	let requests = 0;
	const server = net.createServer((socket) => {
		connections++;
		let seen = 0;
		socket.on('error', () => undefined);
		socket.on('data', () => {
			requests++;
			seen++;
			if (seen > answered) {
				socket.destroy();
			} else {
				socket.write(answer);
			}
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 3000});
	return {
		client,
		connections: () => connections,
		requests: () => requests,
		async close() {
			await client.close();
			server.close();
		},
	};
}

test('a GET on a kept-alive connection the server has closed is sent again on a new one: every poll answers', async (t) => {
	const {client, connections, close} = await serve(1);
	t.after(close);
	for (let poll = 0; poll < 4; poll++) {
		// eslint-disable-next-line no-await-in-loop
		const streamed = await fetchSessionList(client);
		assert.ok(streamed.ok, `poll ${poll}: ${streamed.ok ? '' : streamed.error.message}`);
		assert.deepEqual(streamed.list.sessions.map((session) => session.id), ['7']);
		// eslint-disable-next-line no-await-in-loop
		const whole = await client.getJson('/v1/sessions', 'the session list');
		assert.ok(whole.ok, `poll ${poll}, whole: ${whole.ok ? '' : whole.error.message}`);
	}

	// Each request after the first on a connection met it closed, and went on a new one.
	assert.equal(connections(), 8);
});

test('a server that closes every connection unanswered: the GET is sent three times in all, then one sentence', async (t) => {
	const {client, connections, requests, close} = await serve(0);
	t.after(close);
	const streamed = await fetchSessionList(client);
	assert.ok(!streamed.ok);
	assert.equal(streamed.error.kind, 'reset');
	assert.match(streamed.error.message, /closed the connection without answering/);
	assert.deepEqual([connections(), requests()], [3, 3]);
});

test('a kill is not sent again: a DELETE whose connection closes unanswered fails at once', async (t) => {
	const {client, requests, close} = await serve(0);
	t.after(close);
	const killed = await client.send('DELETE', '/v1/sessions/7', 'session 7');
	assert.ok(!killed.ok);
	assert.equal(killed.error.kind, 'reset');
	assert.equal(requests(), 1, 'sent once');
});

test('QA: once it has answered plain HTTP, a connection closed unanswered is not met with advice about TLS', async (t) => {
	const {client, close} = await serve(0);
	t.after(close);
	const never = await fetchSessionList(client);
	assert.ok(!never.ok);
	assert.match(never.error.message, /if its REST API uses TLS \(admin_ssl_key\), use https:\/\//, 'never answered: TLS may be why');
	// An SSH tunnel whose far end died: it answered for a while, then accepts and closes every connection.
	let answering = true;
	const tunnel = net.createServer((socket) => {
		socket.on('error', () => undefined);
		socket.on('data', () => {
			if (answering) {
				socket.write(answer);
			} else {
				socket.destroy();
			}
		});
	});
	await new Promise<void>((resolve) => {
		tunnel.listen(0, '127.0.0.1', resolve);
	});
	const {port} = tunnel.address() as net.AddressInfo;
	const through = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 3000});
	t.after(async () => {
		await through.close();
		tunnel.close();
	});
	assert.ok((await fetchSessionList(through)).ok);
	answering = false;
	const failed = await fetchSessionList(through);
	assert.ok(!failed.ok);
	assert.equal(failed.error.message, `127.0.0.1:${port} closed the connection without answering: MaxScale may be restarting, or a tunnel or proxy in between cannot reach it.`);
});
