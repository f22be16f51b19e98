// A MaxScale behind a reverse proxy that serves it under a path (`/maxscale/`): every
// request (version, list, document, kill) carries the prefix, as maxctrl's do (it joins
// the host, `/v1/` and the resource). The proxy is real: node:http in front of the
// simulator, answering 404 to anything outside its prefix, as nginx's `location` does.

import assert from 'node:assert/strict';
import http from 'node:http';
import type net from 'node:net';
import {test} from 'node:test';
import {Client, type Target} from '../../source/api/client.js';
import {fetchServerInfo, fetchSessionDocument, fetchSessionList} from '../../source/api/sessions-api.js';
import {parseTarget} from '../../source/config/target.js';
import {startSimulator} from '../../source/simulator/index.js';
import {runCli, skipWithoutBuild} from '../batch/helpers.js';

async function proxied(t: {after(fn: () => Promise<void>): void}, prefix: string): Promise<{port: number; seen: string[]}> {
	const simulator = await startSimulator({host: '127.0.0.1', port: 0, sessions: 4, seed: 7});
	const seen: string[] = [];
	const proxy = http.createServer((request, response) => {
		seen.push(`${request.method} ${request.url}`);
		if (!request.url!.startsWith(`${prefix}/`)) {
			response.writeHead(404).end();
			return;
		}

		const onward = http.request(`${simulator.url}${request.url!.slice(prefix.length)}`, {method: request.method, headers: request.headers}, (answer) => {
			response.writeHead(answer.statusCode!, answer.headers);
			answer.pipe(response);
		});
		request.pipe(onward);
	});
	await new Promise<void>((resolve) => {
		proxy.listen(0, '127.0.0.1', resolve);
	});
	t.after(async () => {
		proxy.closeAllConnections();
		proxy.close();
		await simulator.close();
	});
	return {port: (proxy.address() as net.AddressInfo).port, seen};
}

test('-h http://host:port/maxscale/: the version, the list, a document and a kill all go under /maxscale/', async (t) => {
	const {port, seen} = await proxied(t, '/maxscale');
	const target = parseTarget(`http://127.0.0.1:${port}/maxscale/`, false) as Target;
	assert.deepEqual(target, {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}/maxscale`, pathPrefix: '/maxscale'});
	const client = new Client({target, user: 'admin', password: 'mariadb', timeoutMs: 2000});
	t.after(async () => client.close());

	const info = await fetchServerInfo(client);
	assert.ok(!('kind' in info), 'kind' in info ? info.message : '');
	const list = await fetchSessionList(client);
	assert.ok(list.ok, list.ok ? '' : list.error.message);
	const id = list.list.sessions[0]!.id;
	const document = await fetchSessionDocument(client, id);
	assert.ok(document.ok);
	const killed = await client.send('DELETE', `/v1/sessions/${id}`, `session ${id}`);
	assert.ok(killed.ok, killed.ok ? '' : killed.error.message);

	assert.equal(seen.length, 4);
	for (const request of seen) {
		assert.match(request, /^(GET|DELETE) \/maxscale\/v1\//, 'every request under the prefix, none at the root');
	}
});

test('the built CLI reads the list through the prefix', {skip: skipWithoutBuild}, async (t) => {
	const {port} = await proxied(t, '/mx');
	const run = await runCli(['-h', `http://127.0.0.1:${port}/mx`, '--json']);
	assert.equal(run.code, 0, run.stderr);
	assert.equal((JSON.parse(run.stdout) as unknown[]).length, 4);
});

// The API's base URL pasted whole (`http://mx:8989/v1`, as MaxScale's documentation writes
// it) is a prefix like any other, as maxctrl takes it, so every request went to /v1/v1/…:
// the 404 asked "is this MaxScale's REST API?" (QA). It now says what to give instead.
test('the built CLI: a host ending in /v1 answered 404 says that sessiontop adds /v1 itself, and what to give', {skip: skipWithoutBuild}, async (t) => {
	const simulator = await startSimulator({host: '127.0.0.1', port: 0, sessions: 4, seed: 7});
	t.after(async () => simulator.close());
	const {port} = await proxied(t, '/mx');
	const cases: Array<[string, string]> = [
		[`http://127.0.0.1:${simulator.port}/v1`, `127.0.0.1:${simulator.port}/v1 answered 404 to the request for the session list: sessiontop adds /v1 itself, so give the host without it (http://127.0.0.1:${simulator.port}).`],
		[`127.0.0.1:${simulator.port}/v1/`, `127.0.0.1:${simulator.port}/v1 answered 404 to the request for the session list: sessiontop adds /v1 itself, so give the host without it (http://127.0.0.1:${simulator.port}).`],
		[`http://127.0.0.1:${port}/mx/v1/`, `127.0.0.1:${port}/mx/v1 answered 404 to the request for the session list: sessiontop adds /v1 itself, so give the host without it (http://127.0.0.1:${port}/mx).`],
		// Another path that is no prefix of the proxy's: the question as before.
		[`http://127.0.0.1:${port}/other`, `127.0.0.1:${port}/other answered 404 to the request for the session list: is this MaxScale's REST API?`],
	];
	for (const [host, sentence] of cases) {
		// eslint-disable-next-line no-await-in-loop
		const run = await runCli(['-h', host, '--tsv']);
		assert.equal(run.code, 1, run.stderr);
		assert.equal(run.stderr, `sessiontop: ${sentence}\n`, host);
	}
});

test('a proxy prefix that ends in /v1 and works is kept: the /v1 is not stripped up front', {skip: skipWithoutBuild}, async (t) => {
	const {port, seen} = await proxied(t, '/api/v1');
	const run = await runCli(['-h', `http://127.0.0.1:${port}/api/v1`, '--json']);
	assert.equal(run.code, 0, run.stderr);
	assert.equal((JSON.parse(run.stdout) as unknown[]).length, 4);
	assert.ok(seen.every((request) => request.startsWith('GET /api/v1/v1/')), seen.join(', '));
});

test('the host to give instead leaves out the port its scheme implies, as typed', async () => {
	const {describeStatus} = await import('../../source/api/status-errors.js');
	for (const [base, given] of [
		['https://mx.example.com:443/v1', 'https://mx.example.com'],
		['http://proxy:80/maxscale/v1', 'http://proxy/maxscale'],
		['http://mx:443/v1', 'http://mx:443'],
		['https://[::1]:8989/v1', 'https://[::1]:8989'],
	] as const) {
		const {message} = describeStatus(404, '', 'label', 'the session list', {requested: {base, path: '/v1/sessions'}});
		assert.equal(message, `label answered 404 to the request for the session list: sessiontop adds /v1 itself, so give the host without it (${given}).`, base);
	}
});
