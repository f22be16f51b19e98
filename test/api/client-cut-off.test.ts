// Answers that begin and then break off: the status line and headers came, so the
// server was reached, and the sentence must say the answer was cut off, never
// "… could not be reached (UND_ERR_RES_CONTENT_LENGTH_MISMATCH)". A raw TCP server writes
// the bytes, so each way of breaking off is exactly what a real one sends.

import assert from 'node:assert/strict';
import net from 'node:net';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';

const body = '{"data": [ {"id": "1", "type": "sessions", "attributes": {"user": "alice"'; // 73 bytes of 5000

type Ending = (socket: net.Socket) => void;

/** The name, the headers, how it ends, and after how long (ms; 0: in the tick the answer was written). */
const endings: Array<[string, string, Ending, number?]> = [
	// Content-Length promises 5000, 73 come, then FIN: undici's UND_ERR_RES_CONTENT_LENGTH_MISMATCH.
	['shorter than its Content-Length, then closed (Connection: close)', 'content-length: 5000\r\nconnection: close', (socket) => socket.end()],
	['shorter than its Content-Length, then closed (keep-alive)', 'content-length: 5000', (socket) => socket.end()],
	['reset (RST) mid-body', 'content-length: 5000', (socket) => socket.resetAndDestroy()],
	['chunked, cut before the last chunk', 'transfer-encoding: chunked', (socket) => socket.end()],
	// QA's case: status, headers and a chunk, then a reset. The bytes reached sessiontop, so it answered.
	['chunked, then reset (RST) mid-body', 'transfer-encoding: chunked', (socket) => socket.resetAndDestroy()],
	['chunked, reset (RST) in the same tick as the chunk was written', 'transfer-encoding: chunked', (socket) => socket.resetAndDestroy(), 0],
	['chunked, then bytes that are not HTTP', 'transfer-encoding: chunked', (socket) => socket.end('zz\r\nnot a chunk\r\n')],
];

async function serve(headers: string, end: Ending, afterMs = 20): Promise<{server: net.Server; client: Client}> {
	const chunked = headers.includes('chunked');
	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		socket.on('data', () => {
			const first = chunked ? `${body.length.toString(16)}\r\n${body}\r\n` : body;
			const answer = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n${headers}\r\n\r\n${first}`;
			if (afterMs === 0) {
				socket.write(answer);
				end(socket);
				return;
			}

			socket.write(answer, () => {
				// Apart from the headers, so that the client is reading the body when it ends.
				setTimeout(() => {
					end(socket);
				}, afterMs);
			});
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 2000});
	return {server, client};
}

for (const [name, headers, end, afterMs] of endings) {
	test(`an answer ${name} is one "cut off" sentence, buffered or streamed`, async (t) => {
		const {server, client} = await serve(headers, end, afterMs);
		t.after(async () => {
			await client.close();
			server.close();
		});
		const expected = `${client.target.label} closed the connection mid-answer: MaxScale may be restarting.`;
		const buffered = await client.getJson('/v1/sessions', 'the session list');
		assert.ok(!buffered.ok);
		assert.deepEqual(buffered.error, {kind: 'reset', message: expected});
		const streamed = await fetchSessionList(client);
		assert.ok(!streamed.ok);
		assert.deepEqual(streamed.error, {kind: 'reset', message: expected});
	});
}
