// A request body that is not JSON is refused after authentication and before routing, in
// admin.cc's own words (2.5+) or with an empty 400 (2.2).

import assert from 'node:assert/strict';
import {describe, it} from 'node:test';
import {apiVersions} from '../../source/simulator/index.js';
import {start} from './helpers.js';
import {raw} from './raw-http.js';

const prefix = '{"errors": [ { "detail": "Invalid JSON in request: ';
const suffix = '" } ] }';

describe('invalid JSON in a request body', () => {
	for (const version of apiVersions.filter(v => v !== '2.2')) {
		it(`${version}: 400 with jansson's reason spliced into admin.cc's canned text, whatever the route`, async () => {
			const sim = await start({apiVersion: version, sessions: 3});
			try {
				const id = sim.sessionIds()[0]!;
				for (const [method, path] of [['PATCH', `/v1/sessions/${id}`], ['DELETE', `/v1/sessions/${id}`], ['GET', '/v1/sessions'], ['POST', '/v1/nothing/at/all']] as const) {
					const reply = await raw(sim, path, {method, body: 'log_info=true'});
					assert.equal(reply.status, 400, `${method} ${path}`);
					assert.equal(reply.body.toString(), `${prefix}'[' or '{' expected near 'log'${suffix}`);
					assert.equal(reply.headers['content-type'], undefined);
					assert.equal(reply.headers['x-frame-options'], undefined, 'admin.cc queues it itself');
				}

				assert.ok(sim.sessionIds().includes(id), 'the DELETE never ran');
				// Spliced as it is: a quote in the context makes the reply itself invalid JSON.
				const quoted = await raw(sim, `/v1/sessions/${id}`, {method: 'PATCH', body: '{"data" 1}'});
				assert.equal(quoted.body.toString(), `${prefix}':' expected near '1'${suffix}`);
				const unterminated = await raw(sim, `/v1/sessions/${id}`, {method: 'PATCH', body: '{"data'});
				assert.equal(unterminated.body.toString(), `${prefix}premature end of input near '"data'${suffix}`);
			} finally {
				await sim.close();
			}
		});
	}

	it('2.2: 400 with no body, for writes (the only requests 2.2 waits for a body on)', async () => {
		const sim = await start({apiVersion: '2.2', sessions: 3});
		try {
			const reply = await raw(sim, '/v1/sessions/1', {method: 'DELETE', body: 'nonsense'});
			assert.equal(reply.status, 400);
			assert.equal(reply.body.length, 0);
			assert.equal((await raw(sim, '/v1/sessions', {body: 'nonsense'})).status, 200);
		} finally {
			await sim.close();
		}
	});

	it('a valid body goes on to the route: PATCH applies it, an empty one is "Missing request body"', async () => {
		const sim = await start({apiVersion: '24.02', sessions: 3});
		try {
			const id = sim.sessionIds()[0]!;
			const patched = await raw(sim, `/v1/sessions/${id}`, {method: 'PATCH', body: '{"data":{"attributes":{"parameters":{"log_info":true}}}}'});
			assert.equal(patched.status, 200);
			const doc = JSON.parse((await raw(sim, `/v1/sessions/${id}`)).body.toString()) as {data: {attributes: {parameters: {log_info: boolean}}}};
			assert.equal(doc.data.attributes.parameters.log_info, true);
			const missing = await raw(sim, `/v1/sessions/${id}?pretty=false`, {method: 'PATCH'});
			assert.equal(missing.status, 400);
			assert.equal(missing.body.toString(), '{"errors":[{"detail":"Missing request body"}]}');
		} finally {
			await sim.close();
		}
	});
});
