import assert from 'node:assert/strict';
import {after, test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {fetchSessionDocument, fetchSessionList, fetchServerInfo, listPath} from '../../source/api/sessions-api.js';
import {startSimulator} from '../../source/simulator/index.js';
import {startFixtureServer, type FixtureServer} from '../helpers/fixture-server.js';

const servers: FixtureServer[] = [];
after(async () => {
	await Promise.all(servers.map(async (server) => server.close()));
});

async function setup(version = 'v24', timeoutMs = 2000) {
	const server = await startFixtureServer(version);
	servers.push(server);
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'secret-pw', timeoutMs});
	return {server, client};
}

test('reads a list, a document and the version over loopback', async () => {
	const {server, client} = await setup();
	const info = await fetchServerInfo(client);
	assert.ok(!('kind' in info));
	assert.equal(info.version, '24.02.3');
	const list = await fetchSessionList(client);
	assert.ok(list.ok);
	assert.equal(list.list.sessions[0]?.id, '1');
	assert.ok(server.requests.includes(`GET ${listPath()}`));
	const document = await fetchSessionDocument(client, '1');
	assert.ok(document.ok);
	const gone = await fetchSessionDocument(client, '999');
	assert.equal(gone.ok, false);
	assert.ok(!gone.ok && gone.gone);
	await client.close();
});

// MaxScale's detail reads as a status line's reason, "(401 Access denied)": no quotes in brackets.
const faults: Array<[string, FixtureServer['fault'], RegExp]> = [
	['401', {kind: 'status', status: 401, body: '{"errors": [ { "detail": "Access denied" } ] }', headers: {'www-authenticate': 'Basic realm="maxscale"'}}, /^127\.0\.0\.1:\d+ refused the credentials \(401 Access denied\): check --user and --password\.$/],
	['403', {kind: 'status', status: 403, body: '{"errors": [ { "detail": "Administrative access required" } ] }'}, /^127\.0\.0\.1:\d+ refused the request for the session list \(403 Administrative access required\): this REST API user lacks the rights for it\.$/],
	// The detail already says it is shutting down: the sentence does not say it twice.
	['503 shutting down', {kind: 'status', status: 503, body: '{"errors": [ { "detail": "MaxScale is shutting down" } ] }'}, /^127\.0\.0\.1:\d+ is unavailable \(503 MaxScale is shutting down\): wait for it to come back\.$/],
	['503 without a detail', {kind: 'status', status: 503, body: ''}, /^127\.0\.0\.1:\d+ is unavailable \(503\): MaxScale may be shutting down\.$/],
	['404 with a detail', {kind: 'status', status: 404, body: '{"errors": [ { "detail": "Not found." } ] }'}, /^127\.0\.0\.1:\d+ answered 404 to the request for the session list \(Not found\): is this MaxScale's REST API\?$/],
	['500 with a detail', {kind: 'status', status: 500, body: '{"errors": [ { "detail": "Internal error" } ] }'}, /^127\.0\.0\.1:\d+ answered 500 to the request for the session list \(Internal error\): MaxScale failed on it; see its log \(it may be restarting\)\.$/],
	['HTML 502', {kind: 'status', status: 502, body: '<html><body>Bad Gateway</body></html>'}, /HTML page/],
	['bad JSON', {kind: 'garbage', body: '{"data": [ {"id": "1"'}, /^127\.0\.0\.1:\d+ sent a session list that is not valid JSON \(\d+ bytes\): the answer may have been cut off\.$/],
	['HTML 200', {kind: 'garbage', body: '<!doctype html><p>login</p>'}, /HTML page/],
	['not a sessions document', {kind: 'garbage', body: '{"hello": "world"}'}, /not a MaxScale sessions document/],
	['timeout', {kind: 'hang'}, /did not answer within 300ms/],
];

for (const [name, fault, expected] of faults) {
	test(`one sentence for ${name}, never the password`, async () => {
		const {server, client} = await setup('v24', 300);
		server.fault = fault;
		const list = await fetchSessionList(client);
		assert.equal(list.ok, false);
		assert.ok(!list.ok);
		assert.match(list.error.message, expected);
		assert.doesNotMatch(list.error.message, /secret-pw/);
		assert.equal(list.error.message.split('\n').length, 1);
		await client.close();
	});
}

test('connection refused and an unresolvable host', async () => {
	const {server, client} = await setup();
	await server.close();
	const refused = await fetchSessionList(client);
	assert.ok(!refused.ok);
	assert.equal(refused.error.kind, 'refused');
	assert.match(refused.error.message, /127\.0\.0\.1:\d+ refused the connection/);
	const nowhere = new Client({target: {origin: 'http://no-such-host.invalid:8989', label: 'no-such-host.invalid:8989'}, user: 'a', password: 'b', timeoutMs: 2000});
	const dns = await fetchSessionList(nowhere);
	assert.ok(!dns.ok);
	assert.equal(dns.error.kind, 'dns');
	await Promise.all([client.close(), nowhere.close()]);
});

test('an answer over the size cap is refused with a clear message, whether its length is declared or not', async () => {
	// The fixture server streams (chunked); the simulator declares Content-Length, as MaxScale does.
	const server = await startFixtureServer('v24');
	servers.push(server);
	const sim = await startSimulator({port: 0, sessions: 50});
	const chunked = new Client({target: {origin: server.origin, label: server.label}, user: 'a', password: 'b', timeoutMs: 2000, maxBodyBytes: 100});
	const declared = new Client({target: {origin: sim.url, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 2000, maxBodyBytes: 100});
	// Dropping the body must not leave an 'error' event without a listener (it crashed the CLI).
	const uncaught: unknown[] = [];
	const onUncaught = (error: unknown) => uncaught.push(error);
	process.on('uncaughtException', onUncaught);
	try {
		const id = sim.sessionIds()[0]!;
		for (const client of [chunked, declared]) {
			for (const [path, what] of [['/v1/maxscale', 'its version'], [`/v1/sessions/${id}`, `session ${id}`], [listPath(), 'the session list']] as const) {
				// eslint-disable-next-line no-await-in-loop
				const answer = await client.getJson(path, what);
				if (client === chunked && path !== listPath()) {
					continue; // The fixture server's version document is smaller than the cap, and it has no documents.
				}

				assert.ok(!answer.ok, path);
				assert.equal(answer.error.kind, 'too-large');
				// The list grows with its sessions; one document does not, and is named.
				const why = path === listPath() ? 'an answer over the 0.1 KiB cap: raise --max-body if that many sessions are real' : `an answer for ${what} over the 0.1 KiB cap: raise --max-body if one that large is real`;
				assert.equal(answer.error.message, `${client.target.label} sent ${why}.`);
			}
		}

		await new Promise((resolve) => {
			setTimeout(resolve, 50);
		});
		assert.deepEqual(uncaught, []);
	} finally {
		process.off('uncaughtException', onUncaught);
		await Promise.all([chunked.close(), declared.close()]);
		await sim.close();
	}
});

test('HTTPS to a MaxScale that answers in plain HTTP says so, not "pass its CA"', async () => {
	const sim = await startSimulator({port: 0, sessions: 5});
	const client = new Client({target: {origin: `https://127.0.0.1:${sim.port}`, label: `127.0.0.1:${sim.port}`}, user: 'admin', password: 'mariadb', timeoutMs: 2000, tls: {rejectUnauthorized: true}});
	try {
		const list = await fetchSessionList(client);
		assert.ok(!list.ok);
		assert.equal(list.error.kind, 'tls');
		assert.match(list.error.message, /^127\.0\.0\.1:\d+ does not speak HTTPS \(ERR_SSL_\w+\): use http:\/\/ or leave out -s\/--secure, or check that this is MaxScale's TLS port\.$/);
	} finally {
		await client.close();
		await sim.close();
	}
});

test('QA: JSON wrong before its end is not blamed on a cut answer; both readers tell them apart alike', async () => {
	const {reference, streamed} = await import('./list-oracle.js');
	const {Buffer} = await import('node:buffer');
	const cases: Array<[string, boolean]> = [
		['{"data": [ {"id": "1"', true],
		['{"data": [1e', true],
		['{"data": [] } trailing', false],
		['{"data": [] }{"data": []}', false],
		['{"data": [ {"id": "1"} {"id": "2"} ]}', false],
		['\uFEFF{"data": []}', false],
	];
	for (const [body, cut] of cases) {
		const bytes = Buffer.from(body);
		const expected = reference(bytes);
		assert.deepEqual(streamed(bytes, [3]), expected, JSON.stringify(body));
		assert.ok(!expected.ok);
		assert.match(expected.error.message, cut ? /: the answer may have been cut off\.$/ : /, wrong before its end\): is it MaxScale's REST API that answers there\?$/, JSON.stringify(body));
	}

	// An empty answer (a 204, say) is no JSON cut short: said as what it is.
	const empty = reference(Buffer.from(''));
	assert.deepEqual(streamed(Buffer.from('')), empty);
	assert.ok(!empty.ok);
	assert.match(empty.error.message, /^127\.0\.0\.1:8989 sent an empty answer \(200\) for the session list: is it MaxScale's REST API that answers there\?$/);
});

test('a document of another session than the one asked for is said, not shown (a caching proxy, a broken server)', async () => {
	const {createServer} = await import('node:http');
	const server = createServer((request, response) => {
		const id = /\/v1\/sessions\/(\w+)/.exec(request.url ?? '')?.[1];
		response.writeHead(200, {'content-type': 'application/json'});
		response.end(JSON.stringify({links: {self: 'x'}, data: {id: id === '1' ? '999' : id, type: 'sessions', attributes: {state: 'Session started'}}}));
	});
	await new Promise<void>((resolve) => {
		server.listen(0, '127.0.0.1', resolve);
	});
	const {port} = server.address() as {port: number};
	const client = new Client({target: {origin: `http://127.0.0.1:${port}`, label: `127.0.0.1:${port}`}, user: 'admin', password: 'secret-pw', timeoutMs: 2000});
	try {
		const other = await fetchSessionDocument(client, '1');
		assert.ok(!other.ok);
		assert.equal(other.gone, false);
		assert.equal(other.error.message, `127.0.0.1:${port}: asked for session 1, MaxScale answered with session 999's document, so it is not shown: is a proxy in front of its REST API caching answers?`);
		const own = await fetchSessionDocument(client, '2');
		assert.ok(own.ok, 'its own document is shown');
	} finally {
		await client.close();
		server.closeAllConnections();
		server.close();
	}
});
