// Answers that are not the JSON asked for, from a real node:http server over loopback:
// a redirect (where it points, the -h to use, never followed), a status of no cause
// of its own with what to do by its class, a body compressed though no one asked, and
// an answer over a --max-body cap named where it was set.

import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import {gzipSync} from 'node:zlib';
import {test} from 'node:test';
import {Client, type Target} from '../../source/api/client.js';
import {fetchSessionList} from '../../source/api/sessions-api.js';
import {parseTarget} from '../../source/config/target.js';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse, port: number) => void;

async function serve(t: {after(fn: () => Promise<void>): void}, handler: Handler, options: {prefix?: string; maxBodyBytes?: number; maxBodyWhere?: string; repeats?: boolean} = {}) {
	const requests: http.IncomingMessage[] = [];
	const server = http.createServer((request, response) => {
		requests.push(request);
		handler(request, response, (server.address() as net.AddressInfo).port);
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as net.AddressInfo;
	const target = parseTarget(`http://127.0.0.1:${port}${options.prefix ?? ''}`, false) as Target;
	const client = new Client({target, user: 'admin', password: 'secret-pw', timeoutMs: 2000, maxBodyBytes: options.maxBodyBytes, maxBodyWhere: options.maxBodyWhere, repeats: options.repeats});
	t.after(async () => {
		await client.close();
		server.closeAllConnections();
		server.close();
	});
	return {client, port, requests};
}

async function listError(client: Client): Promise<string> {
	const list = await fetchSessionList(client);
	assert.ok(!list.ok, 'the list is refused');
	assert.doesNotMatch(list.error.message, /secret-pw/);
	return list.error.message;
}

test('a redirect says where it points and the -h that gets there, and is not followed', async (t) => {
	const {client, port, requests} = await serve(t, (request, response) => {
		response.writeHead(302, {location: `https://mx.example:8989${request.url!}`}).end();
	});
	assert.equal(
		await listError(client),
		`127.0.0.1:${port} redirects the request for the session list (302) to https://mx.example:8989/v1/sessions: use -h https://mx.example:8989 (sessiontop does not follow redirects).`,
	);
	assert.equal(requests.length, 1, 'the credentials went nowhere else');
});

test('a relative redirect under a prefix suggests the new prefix; a login page, MaxScale itself', async (t) => {
	const moved = await serve(t, (_request, response) => {
		response.writeHead(301, {location: '/new/v1/sessions'}).end();
	}, {prefix: '/old/'});
	assert.equal(
		await listError(moved.client),
		`127.0.0.1:${moved.port}/old redirects the request for the session list (301) to http://127.0.0.1:${moved.port}/new/v1/sessions: use -h http://127.0.0.1:${moved.port}/new (sessiontop does not follow redirects).`,
	);
	const login = await serve(t, (_request, response) => {
		response.writeHead(307, {location: 'https://sso.example/login?next=%2F'}).end();
	});
	assert.equal(
		await listError(login.client),
		`127.0.0.1:${login.port} redirects the request for the session list (307) to https://sso.example/login: point -h at MaxScale's REST API itself (sessiontop does not follow redirects).`,
	);
});

test("a redirect's Location is the server's text: credentials left out, controls replaced, cut", async (t) => {
	// undici refuses C0 controls in a header, not bytes 0x80-0xFF, read as Latin-1: 0x9B is the C1 CSI.
	const locations = [`http://user:pw@evil.example/\u009B31m${'a'.repeat(300)}?token=x`, 'http://[::1\u009B31m'];
	const {client} = await serve(t, (request, response) => {
		const location = locations[request.url!.startsWith('/v1/sessions?') ? 0 : 1]!;
		response.socket!.end(Buffer.from(`HTTP/1.1 302 Found\r\nlocation: ${location}\r\ncontent-length: 0\r\n\r\n`, 'latin1'));
	});
	const message = await listError(client);
	assert.doesNotMatch(message, /[\u0000-\u001F\u007F-\u009F]|user|pw@|token/);
	assert.ok(message.length < 250, message);
	assert.match(message, /to http:\/\/evil\.example\/%C2%9B31maaa+…: point -h at MaxScale's REST API itself/);
	const version = await client.getJson('/v1/maxscale', 'its version');
	assert.ok(!version.ok);
	assert.match(version.error.message, /redirects the request for its version \(302\) to http:\/\/\[::1\uFFFD31m: point -h at/);
});

const classes: Array<[number, string]> = [
	[500, "MaxScale failed on it; see its log (it may be restarting)"],
	[502, 'a proxy in front of MaxScale got no answer from it; check that MaxScale is running (it may be restarting)'],
	[429, 'it is getting too many requests; raise --interval to poll less often'],
	[400, "it did not take the request as sent; check that -h points at MaxScale's REST API itself, not at a proxy or another service"],
];

for (const [status, advice] of classes) {
	test(`${status} with no JSON:API errors body says what to do`, async (t) => {
		const {client, port} = await serve(t, (_request, response) => {
			response.writeHead(status, {'content-type': 'text/plain'}).end('nope');
		});
		assert.equal(await listError(client), `127.0.0.1:${port} answered ${status} to the request for the session list: ${advice}.`);
	});
}

test('a 4xx of no rule of its own says what to do with the server\'s detail too (QA: 418 teapot had no advice)', async (t) => {
	const {client, port} = await serve(t, (_request, response) => {
		response.writeHead(418, {'content-type': 'application/json'}).end(JSON.stringify({errors: [{detail: "I'm a teapot"}]}));
	});
	assert.equal(
		await listError(client),
		`127.0.0.1:${port} answered 418 to the request for the session list (I'm a teapot): it did not take the request as sent; check that -h points at MaxScale's REST API itself, not at a proxy or another service.`,
	);
});

test('429 to a single print (--once, --tsv, --json) does not advise --interval, which it refuses', async (t) => {
	const {client, port} = await serve(
		t,
		(_request, response) => {
			response.writeHead(429, {'content-type': 'text/plain'}).end('slow down');
		},
		{repeats: false},
	);
	assert.equal(await listError(client), `127.0.0.1:${port} answered 429 to the request for the session list: it is getting too many requests; wait a little before running sessiontop again.`);
});

test('a gzip body sessiontop did not ask for is named as such, not as JSON cut off', async (t) => {
	const body = gzipSync(JSON.stringify({data: []}));
	const {client, port, requests} = await serve(t, (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json', 'content-encoding': 'gzip', 'content-length': body.length}).end(body);
	});
	const expected = `127.0.0.1:${port} sent a compressed answer (Content-Encoding: gzip) that sessiontop did not ask for, likely from a proxy in between: turn its compression off for MaxScale's REST API, or point -h at MaxScale itself.`;
	assert.equal(await listError(client), expected);
	const version = await client.getJson('/v1/maxscale', 'its version');
	assert.ok(!version.ok);
	assert.equal(version.error.message, expected);
	assert.equal(requests[0]!.headers['accept-encoding'], 'identity', 'it says so');
	// A kill's 2xx is success whatever its body.
	const kill = await client.send('DELETE', '/v1/sessions/1', 'session 1');
	assert.ok(kill.ok);
});

test('the over-cap sentence names where the cap was set', async (t) => {
	const big = JSON.stringify({data: [{id: '1', type: 'sessions', attributes: {user: 'x'.repeat(4000)}}]});
	const handler: Handler = (_request, response) => {
		response.writeHead(200, {'content-type': 'application/json'}).end(big);
	};

	for (const [where, expected] of [
		['SESSIONTOP_MAX_BODY', 'the 1 KiB cap set by SESSIONTOP_MAX_BODY: raise it'],
		['max-body in [sessiontop] of /home/u/.maxctrl.cnf', 'the 1 KiB cap set by max-body in [sessiontop] of /home/u/.maxctrl.cnf: raise it'],
		[undefined, 'the 1 KiB cap: raise --max-body'],
	] as const) {
		// eslint-disable-next-line no-await-in-loop
		const {client, port} = await serve(t, handler, {maxBodyBytes: 1024, maxBodyWhere: where});
		// eslint-disable-next-line no-await-in-loop
		assert.equal(await listError(client), `127.0.0.1:${port} sent an answer over ${expected} if that many sessions are real.`);
	}
});
