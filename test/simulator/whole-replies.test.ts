// Replies as MaxScale's admin.cc sends them: built whole and sent with a Content-Length (never
// chunked), HEAD with the GET's headers and no body, the extra headers from 2.5 on, 2.2's ping.

import assert from 'node:assert/strict';
import {after, before, describe, it} from 'node:test';
import {apiVersions} from '../../source/simulator/index.js';
import {Agent, request} from 'undici';
import {auth, start} from './helpers.js';
import {raw} from './raw-http.js';

describe('whole replies with a Content-Length', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({sessions: 3000, seed: 5});
	});
	after(async () => sim.close());

	it('sends a list of several MiB with its length, not chunked, in both layouts', async () => {
		for (const query of ['?pretty=false', '']) {
			const reply = await raw(sim, `/v1/sessions${query}`);
			assert.equal(reply.status, 200);
			assert.ok(reply.body.length > 2 * 1024 * 1024, `${reply.body.length} bytes`);
			assert.equal(reply.headers['transfer-encoding'], undefined);
			assert.equal(reply.headers['content-length'], String(reply.body.length));
			assert.equal((JSON.parse(reply.body.toString()) as {data: unknown[]}).data.length, 3000);
		}
	});

	it('keeps a connection open without saying for how long: libmicrohttpd as MaxScale starts it never times one out', async () => {
		const agent = new Agent();
		try {
			const reply = await request(`${sim.url}/v1/maxscale`, {headers: {authorization: auth}, dispatcher: agent});
			await reply.body.dump();
			assert.equal(reply.statusCode, 200);
			assert.equal(reply.headers['connection'], 'keep-alive');
			// Node's own default said `timeout=5`, and closed the connection after that.
			assert.equal(reply.headers['keep-alive'], undefined);
		} finally {
			await agent.close();
		}
	});

	it('gives every other reply a Content-Length too: documents, errors, empty ones', async () => {
		const id = sim.sessionIds()[0]!;
		for (const [method, path] of [['GET', `/v1/sessions/${id}`], ['GET', '/v1/maxscale'], ['GET', '/v1/services'], ['GET', '/v1/nothing'], ['GET', `/v1/sessions?filter=${encodeURIComponent('/id=bad(')}`], ['DELETE', `/v1/sessions/${sim.sessionIds()[1]!}`], ['PROPFIND', '/v1/sessions']]) {
			const reply = await raw(sim, path!, {method});
			assert.equal(reply.headers['transfer-encoding'], undefined, `${method} ${path}`);
			assert.equal(reply.headers['content-length'], String(reply.body.length), `${method} ${path}`);
		}
	});

	it('answers HEAD with the GET\'s status and Content-Type, and a Content-Length of 0 (drop_response)', async () => {
		const head = await raw(sim, '/v1/sessions', {method: 'HEAD'});
		assert.equal(head.status, 200);
		assert.equal(head.headers['content-type'], 'application/json');
		assert.equal(head.headers['content-length'], '0');
		assert.equal(head.body.length, 0);
		assert.equal((await raw(sim, '/v1/sessions/999999999', {method: 'HEAD'})).status, 404);
	});
});

describe('headers and the root, version by version', () => {
	for (const version of apiVersions) {
		const extra = version !== '2.2';
		it(`${version}: ${extra ? 'X-Frame-Options, X-XSS-Protection, Referrer-Policy, Cache-Control' : 'no extra headers'} on what resource.cc answers`, async () => {
			const sim = await start({apiVersion: version, sessions: 5});
			try {
				for (const path of ['/v1/sessions', '/v1/sessions/999999999']) {
					const reply = await raw(sim, path);
					assert.equal(reply.headers['x-frame-options'], extra ? 'Deny' : undefined, path);
					assert.equal(reply.headers['x-xss-protection'], extra ? '1' : undefined, path);
					assert.equal(reply.headers['referrer-policy'], extra ? 'same-origin' : undefined, path);
					assert.equal(reply.headers['cache-control'], extra ? 'no-cache' : undefined, path);
				}

				// admin.cc sends the 401 itself: nothing is added to it.
				const denied = await raw(sim, '/v1/sessions', {auth: false});
				assert.equal(denied.status, 401);
				assert.equal(denied.headers['x-frame-options'], undefined);
				assert.equal(denied.headers['cache-control'], undefined);
			} finally {
				await sim.close();
			}
		});
	}

	it('2.2 answers pings on / with 200, whatever the method, and nothing else without /v1', async () => {
		const sim = await start({apiVersion: '2.2', sessions: 5});
		try {
			for (const method of ['GET', 'HEAD', 'DELETE']) {
				const ping = await raw(sim, '/?x=1', {method});
				assert.equal(ping.status, 200, method);
				assert.equal(ping.body.length, 0);
			}

			assert.equal((await raw(sim, '/', {auth: false})).status, 401);
			assert.equal((await raw(sim, '/sessions')).status, 404);
		} finally {
			await sim.close();
		}
	});
});

describe('2.2 validators (resource.cc ResourceWatcher)', () => {
	it('gives reads ETag "0" and Last-Modified at the start, and answers the conditions before routing', async () => {
		const sim = await start({apiVersion: '2.2', sessions: 4});
		try {
			const started = (JSON.parse((await raw(sim, '/v1/maxscale')).body.toString()) as {data: {attributes: {started_at: string}}}).data.attributes.started_at;
			for (const path of ['/v1/sessions', '/v1/sessions/999999999']) {
				const reply = await raw(sim, path);
				assert.equal(reply.headers['etag'], '"0"', path);
				assert.equal(reply.headers['last-modified'], started, path);
			}

			const cases: Array<[Record<string, string>, number, string?]> = [
				[{'if-none-match': '"0"'}, 304],
				[{'if-none-match': '*'}, 304], // strtol("") is 0
				[{'if-none-match': '"1"'}, 200],
				[{'if-modified-since': started}, 304],
				[{'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT'}, 200],
				[{'if-modified-since': 'Mon, 01 Jan 2001 00:00:00 GMT', 'if-none-match': '"0"'}, 200], // the first header present decides
				[{'if-unmodified-since': 'Mon, 01 Jan 2001 00:00:00 GMT'}, 412],
				[{'if-match': '"1"'}, 412],
				[{'if-none-match': '"0"'}, 304, 'DELETE'],
			];
			for (const [headers, status, method] of cases) {
				const reply = await raw(sim, '/v1/sessions', {headers, method});
				assert.equal(reply.status, status, JSON.stringify(headers));
				if (status !== 200) {
					assert.equal(reply.body.length, 0);
					assert.equal(reply.headers['etag'], undefined);
				}
			}
		} finally {
			await sim.close();
		}
	});

	it('2.5 and later send none (their SHA1 of an insertion-order dump cannot be reproduced)', async () => {
		const sim = await start({sessions: 2});
		try {
			const reply = await raw(sim, '/v1/sessions', {headers: {'if-none-match': '"0"'}});
			assert.equal(reply.status, 200);
			assert.equal(reply.headers['etag'], undefined);
		} finally {
			await sim.close();
		}
	});
});
