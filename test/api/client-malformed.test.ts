// An answer that is not HTTP (an escape sequence in a header, no status line at all): the
// host was reached and answered, so the sentence must say it answered with something that
// is not valid HTTP, never "could not be reached (Response does not match the HTTP/1.1
// protocol …): check --hosts and the network". QA's case: a 302 whose Location holds an
// OSC 52 sequence. A raw TCP server writes the bytes, as a real one would.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import net from 'node:net';
import {test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {describeNetworkError} from '../../source/api/errors.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';

const answers: Array<[string, string, string]> = [
	['a Location with an escape sequence', 'HTTP/1.1 302 Found\r\nLocation: http://evil.example/\u001B]52;c;QUFBQQ==\u0007\r\nContent-Length: 0\r\n\r\n', 'invalid header value char'],
	['a Content-Type with an escape sequence', 'HTTP/1.1 200 OK\r\nContent-Type: application/json\u001B[31m\r\nContent-Length: 2\r\n\r\n{}', 'invalid header value char'],
	['a Content-Encoding with an escape sequence', 'HTTP/1.1 200 OK\r\nContent-Encoding: gz\u001Bip\r\nContent-Length: 2\r\n\r\n{}', 'invalid header value char'],
	// QA: llhttp's error after a Content-Length reaches undici as a length mismatch, which read "closed the connection without answering".
	['two Content-Lengths', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 11\r\n\r\n{"data":[]}', 'its headers or its Content-Length are malformed'],
	['a bad header after its Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 11\r\nX-Evil: \u001B[2J\r\n\r\n{"data":[]}', 'its headers or its Content-Length are malformed'],
	['fifty interim 100 Continue', `${'HTTP/1.1 100 Continue\r\n\r\n'.repeat(50)}HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n{"data":[]}`, 'an interim 100 Continue or an answer to no request'],
];

async function serve(answer: string): Promise<{server: net.Server; client: Client}> {
	const server = net.createServer((socket) => {
		socket.on('error', () => undefined);
		socket.once('data', () => {
			socket.end(Buffer.from(answer, 'latin1'));
		});
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'a', password: 'b', timeoutMs: 2000});
	return {server, client};
}

/** Both ways of reading an answer, whole (getJson) and streamed (the list's), fail with `expected`. */
async function assertBothSay(client: Client, expected: {kind: string; message: string}): Promise<void> {
	const buffered = await client.getJson('/v1/sessions', 'the session list');
	assert.ok(!buffered.ok);
	assert.deepEqual(buffered.error, expected);
	const streamed = await fetchSessionList(client);
	assert.ok(!streamed.ok);
	assert.deepEqual(streamed.error, expected);
}

for (const [name, answer, reason] of answers) {
	test(`an answer with ${name} was an answer, not HTTP: one sentence, the bytes not shown`, async (t) => {
		const {server, client} = await serve(answer);
		t.after(async () => {
			await client.close();
			server.close();
		});
		await assertBothSay(client, {kind: 'http', message: `${client.target.label} answered with something that is not valid HTTP (${reason}): is this MaxScale's REST API?`});
	});
}

test('headers too large to read were an answer: said so, with what to check, not "could not be reached"', async (t) => {
	const {server, client} = await serve(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(100_000)}\r\nContent-Length: 2\r\n\r\n{}`);
	t.after(async () => {
		await client.close();
		server.close();
	});
	await assertBothSay(client, {kind: 'http', message: `${client.target.label} answered with headers too large to read (UND_ERR_HEADERS_OVERFLOW): is this MaxScale's REST API, with no proxy in front of it adding headers?`});
});

test("undici's parser error, by its name or its HPE_ code, wherever in the chain; its reason sanitized and cut", () => {
	const parserError = Object.assign(new Error('Response does not match the HTTP/1.1 protocol (Invalid header value char)'), {name: 'HTTPParserError', data: '\u001B]52;c;QUFBQQ==\u0007'});
	assert.equal(describeNetworkError(parserError, 'mx:8989', 1000).message, "mx:8989 answered with something that is not valid HTTP (invalid header value char): is this MaxScale's REST API?");
	const wrapped = Object.assign(new Error('fetch failed'), {cause: Object.assign(new Error('bad'), {code: 'HPE_INVALID_CONSTANT'})});
	assert.equal(describeNetworkError(wrapped, 'mx:8989', 1000).message, "mx:8989 answered with something that is not valid HTTP (HPE_INVALID_CONSTANT): is this MaxScale's REST API?");
	const hostile = Object.assign(new Error(`x (${'\u001B[2J'.repeat(40)})`), {name: 'HTTPParserError'});
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(describeNetworkError(hostile, 'mx:8989', 1000).message, /[\u0000-\u001F]/);
	// Once the headers had come, a body that breaks off is still an answer cut off (client-cut-off.test.ts).
	assert.match(describeNetworkError(parserError, 'mx:8989', 1000, {answered: true}).message, /closed the connection mid-answer/);
});

test('no status line at all (an SSH banner, a MariaDB greeting): not HTTP at all, and which port -h should name', async (t) => {
	// A MariaDB server's handshake packet starts with its length and sequence, then protocol 10 and its version.
	const greeting = Buffer.concat([Buffer.from([0x4a, 0, 0, 0, 0x0a]), Buffer.from('11.4.2-MariaDB\0', 'latin1'), Buffer.alloc(20, 1)]).toString('latin1');
	for (const answer of ['SSH-2.0-OpenSSH_9.6\r\n\r\n', greeting]) {
		// eslint-disable-next-line no-await-in-loop
		const {server, client} = await serve(answer);
		t.after(async () => {
			await client.close();
			server.close();
		});
		// eslint-disable-next-line no-await-in-loop
		await assertBothSay(client, {kind: 'http', message: `${client.target.label} answered with something that is not HTTP at all (no status line): is this MaxScale's REST API port (admin_port, 8989 by default), not a SQL listener's or another service's?`});
	}
});
