// `--tsv` asks for the list alone, with the sparse fieldset of maxctrl's columns: a
// server from 2.5 trims the list to them, an older one ignores the parameter and sends
// the whole list, and the table is maxctrl's either way. A failure is one sentence.

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
		assert.deepEqual(lists, [{path: listPath(tsvFields), ok: true}]);
		const expected = tableTheOldWay(label, 200, await bodyOf(modern, listPath(tsvFields)));
		assert.ok(expected.ok);
		assert.deepEqual(result, {ok: true, value: [{entry: 'mx', table: expected.value}]});
	} finally {
		await client.close();
	}
});

test('before 2.5: the same request, answered with the whole list', async () => {
	const {client, label, lists} = loggedClient(old);
	try {
		const result = await collectTables([{entry: 'mx', client}]);
		assert.deepEqual(lists, [{path: listPath(tsvFields), ok: true}]);
		const whole = await bodyOf(old, '/v1/sessions?pretty=false');
		assert.deepEqual(await bodyOf(old, listPath(tsvFields)), whole, 'the server ignores the fieldset');
		const expected = tableTheOldWay(label, 200, whole);
		assert.ok(expected.ok && expected.value.split('\n').length === 40);
		assert.deepEqual(result, {ok: true, value: [{entry: 'mx', table: expected.value}]});
	} finally {
		await client.close();
	}
});

/** A stand-in client: the list answers as told; anything else asked of it fails the test. */
function fakeClient(list: Answer): Client {
	const client = Object.create(Client.prototype) as Client;
	Object.defineProperty(client, 'target', {value: {origin: 'http://mx:8989', label: 'mx:8989'}});
	Object.assign(client, {
		async getJson(path: string): Promise<JsonAnswer> {
			throw new Error(`--tsv asked for ${path}: only the list should be asked for`);
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

test("the list's failure is reported as it came; a good list is printed", async () => {
	const listFailure = unavailable('the session list');
	assert.ok(!listFailure.ok);
	assert.deepEqual(await collectTables([{entry: 'mx', client: fakeClient(listFailure)}]), {ok: false, failures: [{entry: 'mx', error: listFailure.error}]});
	const good = await collectTables([{entry: 'mx', client: fakeClient(goodList)}]);
	assert.deepEqual(good, {ok: true, value: [{entry: 'mx', table: '1\tu\t\t\t\t\t\t'}]});
});

test('over HTTP, bodies that go wrong: the sentences of before, one per case', async () => {
	const server = await startFaultServer();
	const client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 5000, maxBodyBytes: 1024 * 1024});
	const cases: Array<[Fault, RegExp]> = [
		[{kind: 'truncated'}, /^127\.0\.0\.1:\d+ sent a session list that is not valid JSON \(\d+ bytes\): the answer may have been cut off\.$/],
		[{kind: 'raw', body: '<!DOCTYPE html><html><body>proxy</body></html>', contentType: 'text/html'}, /answered with an HTML page instead of MaxScale's JSON/],
		[{kind: 'raw', body: '{"data": 5}'}, /: the answer is JSON but not a MaxScale sessions document \(no "data" array\): check that -h is MaxScale's REST API\.$/],
		[{kind: 'raw', body: Buffer.from([0x7b, 0xff, 0x7d])}, /not valid JSON \(3 bytes, wrong before its end\): is it MaxScale's REST API that answers there\?$/],
		[{kind: 'too-large', bytes: 2 * 1024 * 1024, declared: false}, /sent an answer over the 1 MiB cap/],
	];
	try {
		for (const [fault, sentence] of cases) {
			server.set(fault, 'list');
			// eslint-disable-next-line no-await-in-loop
			const result = await collectTables([{entry: 'mx', client}]);
			assert.ok(!result.ok, fault.kind);
			assert.match(result.failures[0]!.error.message, sentence, fault.kind);
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
