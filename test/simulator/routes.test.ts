// Routes, methods, status codes, headers and bodies, version by version.

import assert from 'node:assert/strict';
import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {after, before, describe, it} from 'node:test';
import {Agent, request} from 'undici';
import {apiVersions} from '../../source/simulator/index.js';
import {parseTyped} from '../../source/simulator/typed-json.js';
import {asArray, asObject, attributesOf, auth, call, dataOf, fixtureText, getJson, start} from './helpers.js';
import {testCert, testKey} from './tls-material.js';

const run = promisify(execFile);

describe('authentication', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({user: 'ops', password: 's3cret'});
	});
	after(async () => sim.close());

	it('refuses missing or wrong credentials with the exact admin.cc reply', async () => {
		const canned = fixtureText('error-401-access-denied.json').trimEnd();
		for (const credentials of [false, auth, 'Basic ' + Buffer.from('ops:wrong').toString('base64'), 'Basic', 'Digest abc'] as const) {
			for (const path of ['/v1/sessions', '/v1/sessions/1', '/v1/nothing-here', '/sessions']) {
				const reply = await call(sim, path, {auth: credentials});
				assert.equal(reply.status, 401, path);
				assert.equal(reply.text, canned);
				assert.equal(reply.headers['www-authenticate'], 'Basic realm="maxscale"');
				assert.equal(reply.headers['content-type'], undefined);
			}
		}
	});

	it('tells onRequest of every request as it arrives, refused ones too', async () => {
		const seen: string[] = [];
		const counted = await start({onRequest: (method, url) => seen.push(`${method} ${url}`)});
		try {
			await call(counted, '/v1/sessions?pretty=false', {auth: false});
			await call(counted, '/v1/maxscale');
			await call(counted, '/v1/sessions/1', {method: 'DELETE'});
			assert.deepEqual(seen, ['GET /v1/sessions?pretty=false', 'GET /v1/maxscale', 'DELETE /v1/sessions/1']);
		} finally {
			await counted.close();
		}
	});

	it('leaves out WWW-Authenticate for XMLHttpRequest, as admin.cc does', async () => {
		const reply = await call(sim, '/v1/sessions', {auth: false, headers: {'x-requested-with': 'XMLHttpRequest'}});
		assert.equal(reply.status, 401);
		assert.equal(reply.headers['www-authenticate'], undefined);
	});

	it('accepts the configured user', async () => {
		const reply = await call(sim, '/v1/sessions', {auth: 'Basic ' + Buffer.from('ops:s3cret').toString('base64')});
		assert.equal(reply.status, 200);
		assert.equal(reply.headers['content-type'], 'application/json');
	});
});

describe('GET routes', () => {
	let sim: Awaited<ReturnType<typeof start>>;
	before(async () => {
		sim = await start({sessions: 120, seed: 3});
	});
	after(async () => sim.close());

	it('lists sessions and serves each one, with links on the listening address', async () => {
		const list = await getJson(sim, '/v1/sessions');
		assert.equal(asObject(asObject(list)['links'])['self'], `${sim.url}/v1/sessions/`);
		const ids = dataOf(list).map(s => String(asObject(s)['id']));
		assert.deepEqual(ids, sim.sessionIds());
		const detail = await getJson(sim, `/v1/sessions/${ids[5]!}`);
		assert.equal(asObject(asObject(detail)['data'])['id'], ids[5]);
		assert.equal(asObject(asObject(detail)['links'])['self'], `${sim.url}/v1/sessions/${ids[5]!}/`);
	});

	it('answers an unknown session with 404 and no body, numeric or not (atoi reads "abc" as 0)', async () => {
		for (const id of ['999999999', 'abc', '0', '-1', 'x1']) {
			const reply = await call(sim, `/v1/sessions/${id}`);
			assert.equal(reply.status, 404, id);
			assert.equal(reply.text, '');
			assert.equal(reply.headers['content-type'], undefined);
		}
	});

	it('reads the id with atoi: "12abc" is session 12', async () => {
		const id = sim.sessionIds()[0]!;
		const detail = await getJson(sim, `/v1/sessions/${id}abc`);
		assert.equal(asObject(asObject(detail)['data'])['id'], id);
	});

	it('answers unknown routes with 404 and no body', async () => {
		for (const path of ['/v1/nothing', '/v1/sessions/1/nothing/more', '/v2/sessions', '/v1/maxscale/nothing']) {
			const reply = await call(sim, path);
			assert.equal(reply.status, 404, path);
			assert.equal(reply.text, '');
		}
	});

	it('answers the root and /v1/ with 200 (health checks)', async () => {
		assert.equal((await call(sim, '/')).status, 200);
		assert.equal((await call(sim, '/v1/')).status, 200);
	});

	it('serves /v1/maxscale with version, uptime, started_at and threads', async () => {
		const doc = asObject(await getJson(sim, '/v1/maxscale'));
		const data = asObject(doc['data']);
		assert.equal(data['id'], 'maxscale');
		assert.equal(data['type'], 'maxscale');
		const attributes = asObject(data['attributes']);
		assert.equal(attributes['version'], '24.02.3');
		assert.match(String(attributes['started_at']), /^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
		const uptime = attributes['uptime'];
		assert.ok(typeof uptime === 'number' && uptime > 86_400, String(uptime));
		assert.ok(Number.isInteger(asObject(attributes['parameters'])['threads']));
		assert.equal(asObject(doc['links'])['self'], `${sim.url}/v1/maxscale/`);
		sim.clock.advance(5000);
		const later = attributesOf(asObject(await getJson(sim, '/v1/maxscale'))['data']!);
		assert.equal(later['uptime'], uptime + 5);
	});

	it('serves /v1/services with connection counts that agree with /v1/sessions', async () => {
		const sessions = dataOf(await getJson(sim, '/v1/sessions'));
		const byService = new Map<string, number>();
		for (const s of sessions) {
			const service = String(asObject(asArray(asObject(asObject(asObject(s)['relationships'])['services'])['data'])[0])['id']);
			byService.set(service, (byService.get(service) ?? 0) + 1);
		}

		const services = dataOf(await getJson(sim, '/v1/services'));
		assert.ok(services.length >= 4);
		for (const service of services) {
			const attributes = attributesOf(service);
			const name = String(asObject(service)['id']);
			assert.equal(attributes['connections'], byService.get(name) ?? 0, name);
			assert.equal(asObject(attributes['statistics'])['connections'], byService.get(name) ?? 0);
			assert.ok(Number(attributes['total_connections']) >= Number(attributes['connections']));
			assert.ok(['readwritesplit', 'readconnroute', 'schemarouter'].includes(String(attributes['router'])));
		}
	});

	it('also serves every route without the /v1 prefix (2.4+)', async () => {
		const prefixed = await call(sim, '/v1/sessions?pretty=false');
		const bare = await call(sim, '/sessions?pretty=false');
		assert.equal(bare.status, 200);
		// The same document, but its links have /v1/ only when the request's path had it.
		const unprefixed = (text: string): string => text.replaceAll(`${sim.url}/v1/`, `${sim.url}/`);
		assert.equal(bare.text, unprefixed(prefixed.text));
		const id = sim.sessionIds()[1]!;
		assert.equal((await call(sim, `/sessions/${id}`)).text, unprefixed((await call(sim, `/v1/sessions/${id}`)).text));
		assert.equal((await call(sim, '/maxscale')).status, 200);
		assert.equal((await call(sim, '/services')).status, 200);
	});

	it('answers HEAD like GET without a body, and OPTIONS with the methods', async () => {
		const head = await call(sim, '/v1/sessions', {method: 'HEAD'});
		assert.equal(head.status, 200);
		assert.equal(head.text, '');
		const options = await call(sim, `/v1/sessions/${sim.sessionIds()[0]!}`, {method: 'OPTIONS'});
		assert.equal(options.status, 200);
		assert.equal(options.headers['accept'], 'GET, DELETE');
	});

	it('answers a method MaxScale does not know with 405, and known ones without a handler with 404', async () => {
		const propfind = await call(sim, '/v1/sessions', {method: 'PROPFIND'});
		assert.equal(propfind.status, 405);
		assert.equal(propfind.text, '');
		for (const method of ['PUT', 'POST', 'DELETE', 'PATCH']) {
			const reply = await call(sim, '/v1/sessions', {method});
			assert.equal(reply.status, 404, method);
			assert.equal(reply.text, '');
		}
	});
});

describe('killing and restarting sessions', () => {
	for (const version of apiVersions) {
		const canKill = ['22.08', '23.02', '24.02'].includes(version);
		it(`${version}: DELETE and restart ${canKill ? 'answer 200 with an empty body' : 'do not exist (404, empty)'}`, async () => {
			const sim = await start({apiVersion: version, sessions: 30});
			try {
				const [first, second] = sim.sessionIds();
				const restart = await call(sim, `/v1/sessions/${second!}/restart`, {method: 'POST'});
				const kill = await call(sim, `/v1/sessions/${first!}`, {method: 'DELETE'});
				assert.equal(kill.text, '');
				assert.equal(restart.text, '');
				assert.equal(kill.headers['content-type'], undefined);
				if (canKill) {
					assert.equal(kill.status, 200);
					assert.equal(restart.status, 200);
					assert.ok(!sim.sessionIds().includes(first!));
					assert.equal((await call(sim, `/v1/sessions/${first!}`)).status, 404);
				} else {
					assert.equal(kill.status, 404);
					assert.equal(restart.status, 404);
					assert.ok(sim.sessionIds().includes(first!));
				}

				for (const [method, path] of [['DELETE', '/v1/sessions/999999999'], ['DELETE', '/v1/sessions/abc'], ['POST', '/v1/sessions/999999999/restart']] as const) {
					const reply = await call(sim, path, {method});
					assert.equal(reply.status, 404);
					assert.equal(reply.text, '');
				}
			} finally {
				await sim.close();
			}
		});
	}

	it('keeps a session killed with ?ttl=N listed until N whole seconds have been exceeded', async () => {
		const sim = await start({sessions: 10});
		try {
			const id = sim.sessionIds()[3]!;
			const kill = await call(sim, `/v1/sessions/${id}?ttl=2`, {method: 'DELETE'});
			assert.equal(kill.status, 200);
			assert.equal(kill.text, '');
			sim.clock.advance(2999);
			assert.ok(sim.sessionIds().includes(id));
			assert.equal((await call(sim, `/v1/sessions/${id}`)).status, 200);
			sim.clock.advance(1);
			assert.ok(!sim.sessionIds().includes(id));
			assert.equal((await call(sim, `/v1/sessions/${id}`)).status, 404);
		} finally {
			await sim.close();
		}
	});

	it('gives a restarted session new backend connections', async () => {
		const sim = await start({sessions: 40, seed: 5});
		try {
			const target = dataOf(await getJson(sim, '/v1/sessions')).find(s => asArray(attributesOf(s)['connections']).length > 0)!;
			const id = String(asObject(target)['id']);
			const before = asArray(attributesOf(target)['connections']).map(c => asObject(c)['connection_id']);
			assert.equal((await call(sim, `/v1/sessions/${id}/restart`, {method: 'POST'})).status, 200);
			const after = asArray(attributesOf(asObject(await getJson(sim, `/v1/sessions/${id}`))['data']!)['connections']).map(c => asObject(c)['connection_id']);
			assert.equal(after.length, before.length);
			assert.notDeepEqual(after, before);
		} finally {
			await sim.close();
		}
	});

	it('PATCH (6.0+) sets log levels and refuses a missing body', async () => {
		for (const [version, refusal] of [['6.4', 403], ['24.02', 400]] as const) {
			const sim = await start({apiVersion: version, sessions: 5});
			try {
				const id = sim.sessionIds()[0]!;
				const body = JSON.stringify({data: {attributes: {parameters: {log_info: true}}}});
				const ok = await call(sim, `/v1/sessions/${id}`, {method: 'PATCH', body, headers: {'content-type': 'application/json'}});
				assert.equal(ok.status, 200);
				assert.equal(ok.text, '');
				const parameters = asObject(attributesOf(asObject(await getJson(sim, `/v1/sessions/${id}?pretty=false`))['data']!)['parameters']);
				assert.equal(parameters['log_info'], true);
				assert.equal(parameters['log_error'], false);
				const refused = await call(sim, `/v1/sessions/${id}`, {method: 'PATCH'});
				assert.equal(refused.status, refusal);
				assert.deepEqual(parseTyped(refused.text), {errors: [{detail: 'Missing request body'}]});
			} finally {
				await sim.close();
			}
		}

		const old = await start({apiVersion: '2.5', sessions: 5});
		try {
			assert.equal((await call(old, `/v1/sessions/${old.sessionIds()[0]!}`, {method: 'PATCH', body: '{}'})).status, 404);
		} finally {
			await old.close();
		}
	});
});

describe('version-specific routing', () => {
	it('2.2 has no prefix-less routes', async () => {
		const sim = await start({apiVersion: '2.2', sessions: 5});
		try {
			assert.equal((await call(sim, '/v1/sessions')).status, 200);
			const bare = await call(sim, '/sessions');
			assert.equal(bare.status, 404);
			assert.equal(bare.text, '');
			const maxscale = asObject(await getJson(sim, '/v1/maxscale'));
			assert.deepEqual(Object.keys(maxscale), ['links', 'data']);
			assert.equal(attributesOf(maxscale['data']!)['version'], '2.2.21');
		} finally {
			await sim.close();
		}
	});

	it('reports the release of each version in /v1/maxscale', async () => {
		const releases = {'24.02': '24.02.3', '23.02': '23.02.11', '22.08': '22.08.14', '6.4': '6.4.15', '2.5': '2.5.29', '2.2': '2.2.21'} as const;
		for (const version of apiVersions) {
			const sim = await start({apiVersion: version, sessions: 1});
			try {
				assert.equal(attributesOf(asObject(await getJson(sim, '/v1/maxscale'))['data']!)['version'], releases[version]);
			} finally {
				await sim.close();
			}
		}
	});
});

describe('HTTPS', () => {
	it('serves over TLS when given a key and certificate', async () => {
		const sim = await start({tls: {key: testKey, cert: testCert}, sessions: 3});
		const dispatcher = new Agent({connect: {rejectUnauthorized: false}});
		try {
			assert.match(sim.url, /^https:\/\/127\.0\.0\.1:\d+$/);
			const response = await request(`${sim.url}/v1/sessions?pretty=false`, {headers: {authorization: auth}, dispatcher});
			assert.equal(response.statusCode, 200);
			const doc = asObject(parseTyped(await response.body.text()));
			assert.equal(asObject(doc['links'])['self'], `${sim.url}/v1/sessions/`);
			assert.equal(dataOf(doc).length, 3);
		} finally {
			await dispatcher.close();
			await sim.close();
		}
	});
});

describe('close()', () => {
	it('closes promptly even with a keep-alive connection open', async () => {
		const sim = await start({sessions: 3, churn: 50});
		const dispatcher = new Agent({keepAliveTimeout: 60_000});
		const response = await request(`${sim.url}/v1/sessions`, {headers: {authorization: auth}, dispatcher});
		await response.body.text();
		const started = Date.now();
		await sim.close();
		assert.ok(Date.now() - started < 1000);
		await assert.rejects(request(`${sim.url}/v1/sessions`, {headers: {authorization: auth}}));
		await dispatcher.close();
	});

	it('leaves nothing behind that keeps the process alive', async () => {
		// A big population keeps the background warm-up busy when close() is called.
		const script = `
			import {startSimulator} from ${JSON.stringify(new URL('../../source/simulator/index.js', import.meta.url).href)};
			const sim = await startSimulator({port: 0, sessions: 30000, churn: 100});
			const response = await fetch(sim.url + '/v1/sessions/' + sim.sessionIds()[0], {headers: {authorization: ${JSON.stringify(auth)}}});
			await response.text();
			await sim.close();
			console.log('closed ' + response.status);
		`;
		const started = Date.now();
		const {stdout} = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {timeout: 20_000});
		assert.equal(stdout.trim(), 'closed 200');
		assert.ok(Date.now() - started < 20_000);
	});
});
