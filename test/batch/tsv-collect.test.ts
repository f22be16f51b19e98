// `--tsv` asks for the version, then for the list: sparse from 2.5, whole before, as
// maxctrl's columns need; a failure of either is reported in one sentence.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {after, before, test} from 'node:test';
import {Client, type Answer, type BodySink, type JsonAnswer, type Streamed} from '../../source/api/client.js';
import {describeStatus} from '../../source/api/errors.js';
import {listPath} from '../../source/api/list-path.js';
import {tsvFields} from '../../source/batch/maxctrl-tsv.js';
import {collectTables, tableTheOldWay} from '../../source/batch/tsv-collect.js';
import type {Simulator} from '../../source/simulator/index.js';
import {startFaultServer, type Fault} from '../helpers/fault-server.js';
import {simulator} from './helpers.js';

let modern: Simulator;
let old: Simulator;
before(async () => {
	[modern, old] = await Promise.all([simulator({sessions: 40}), simulator({sessions: 40, apiVersion: '2.2'})]);
});
after(async () => {
	await Promise.all([modern.close(), old.close()]);
});

/** A real client whose list requests are logged, with how each ended. */
function loggedClient(sim: Simulator) {
	const label = `127.0.0.1:${sim.port}`;
	const client = new Client({target: {origin: sim.url, label}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
	const lists: Array<{path: string; ok?: boolean}> = [];
	const stream = client.stream.bind(client);
	client.stream = async function <T>(path: string, what: string, open: () => BodySink<T>, signal?: AbortSignal): Promise<Streamed<T>> {
		const entry: {path: string; ok?: boolean} = {path};
		lists.push(entry);
		const answer = await stream(path, what, open, signal);
		entry.ok = answer.ok;
		return answer;
	};

	return {client, label, lists};
}

async function bodyOf(sim: Simulator, path: string): Promise<Buffer> {
	const answer = await fetch(`${sim.url}${path}`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}});
	return Buffer.from(await answer.arrayBuffer());
}

test('2.5 and later: one list request, the sparse one', async () => {
	const {client, label, lists} = loggedClient(modern);
	try {
		const result = await collectTables([{entry: 'mx', client}]);
		assert.deepEqual(lists, [{path: listPath(true, tsvFields), ok: true}]);
		const expected = tableTheOldWay(label, 200, await bodyOf(modern, listPath(true, tsvFields)));
		assert.ok(expected.ok);
		assert.deepEqual(result, {ok: true, value: [{entry: 'mx', table: expected.value}]});
	} finally {
		await client.close();
	}
});

test('before 2.5: one list request, the whole list', async () => {
	const {client, label, lists} = loggedClient(old);
	try {
		const result = await collectTables([{entry: 'mx', client}]);
		assert.deepEqual(lists, [{path: listPath(false), ok: true}]);
		const expected = tableTheOldWay(label, 200, await bodyOf(old, listPath(false)));
		assert.ok(expected.ok && expected.value.split('\n').length === 40);
		assert.deepEqual(result, {ok: true, value: [{entry: 'mx', table: expected.value}]});
	} finally {
		await client.close();
	}
});

/** A stand-in client: the version and the list answer as told. */
function fakeClient(version: Answer | {version: string}, list: Answer): Client {
	const client = Object.create(Client.prototype) as Client;
	Object.defineProperty(client, 'target', {value: {origin: 'http://mx:8989', label: 'mx:8989'}});
	Object.assign(client, {
		async getJson(): Promise<JsonAnswer> {
			if ('version' in version) {
				return {ok: true, status: 200, json: {data: {attributes: {version: version.version}}}, latencyMs: 1, bytes: 1};
			}

			return version.ok ? {ok: true, status: 200, json: JSON.parse(version.body), latencyMs: 1, bytes: 1} : version;
		},
		async stream<T>(_path: string, _what: string, open: () => BodySink<T>): Promise<Streamed<T>> {
			if (!list.ok) {
				return list;
			}

			const sink = open();
			sink.write(Buffer.from(list.body));
			return {ok: true, status: 200, value: sink.end(), latencyMs: 1};
		},
	});
	return client;
}

const unavailable = (what: string): Answer => ({ok: false, error: describeStatus(503, '', 'mx:8989', what), latencyMs: 1});
const goodList: Answer = {ok: true, status: 200, body: '{"data":[{"id":"1","attributes":{"user":"u"}}]}', latencyMs: 1};

test("the version's failure is reported, and no list printed", async () => {
	const versionFailure = unavailable('its version');
	assert.ok(!versionFailure.ok);
	const both = await collectTables([{entry: 'mx', client: fakeClient(versionFailure, unavailable('the session list'))}]);
	assert.deepEqual(both, {ok: false, error: versionFailure.error});

	const result = await collectTables([{entry: 'mx', client: fakeClient(versionFailure, goodList)}]);
	assert.deepEqual(result, {ok: false, error: versionFailure.error}, 'a list that came is not printed without the version');
});

test("the version known, the list's failure is reported and the version forgotten", async () => {
	const listFailure = unavailable('the session list');
	assert.ok(!listFailure.ok);
	const host = {entry: 'mx', client: fakeClient({version: '24.02.1'}, listFailure)};
	assert.deepEqual(await collectTables([host]), {ok: false, error: listFailure.error});
	assert.equal((host as {info?: unknown}).info, undefined);
	const good = await collectTables([{entry: 'mx', client: fakeClient({version: '24.02.1'}, goodList)}]);
	assert.deepEqual(good, {ok: true, value: [{entry: 'mx', table: '1\tu\t\t\t\t\t\t'}]});
});

test('over HTTP, bodies that go wrong: the sentences of before, one per case', async () => {
	const server = await startFaultServer();
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 5000, maxBodyBytes: 1024 * 1024});
	const cases: Array<[Fault, RegExp]> = [
		[{kind: 'truncated'}, /^127\.0\.0\.1:\d+ sent the session list that is not valid JSON \(\d+ bytes\): the answer may have been cut off\.$/],
		[{kind: 'raw', body: '<!DOCTYPE html><html><body>proxy</body></html>', contentType: 'text/html'}, /answered with an HTML page instead of MaxScale's JSON/],
		[{kind: 'raw', body: '{"data": 5}'}, /: the answer is JSON but not a MaxScale sessions document \(no "data" array\)\.$/],
		[{kind: 'raw', body: Buffer.from([0x7b, 0xff, 0x7d])}, /not valid JSON \(3 bytes\)/],
		[{kind: 'too-large', bytes: 2 * 1024 * 1024, declared: false}, /sent an answer over the 1 MiB cap/],
	];
	try {
		for (const [fault, sentence] of cases) {
			server.set(fault, 'list');
			// eslint-disable-next-line no-await-in-loop
			const result = await collectTables([{entry: 'mx', client}]);
			assert.ok(!result.ok, fault.kind);
			assert.match(result.error.message, sentence, fault.kind);
		}

		server.set({kind: 'trickle', everyMs: 0, chunkBytes: 3}, 'list');
		const trickled = await collectTables([{entry: 'mx', client}]);
		server.clear();
		assert.deepEqual(trickled, await collectTables([{entry: 'mx', client}]), 'three bytes at a time: the same table');
		assert.ok(trickled.ok && trickled.value[0]!.table.length > 0);
	} finally {
		await client.close();
		await server.close();
	}
});
