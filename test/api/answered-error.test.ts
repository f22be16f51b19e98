// A 200 whose body is a JSON:API error document instead of the list or the session asked for
// (a proxy, a broken server): MaxScale's detail is said, cleaned, by every reader of the list
// (the monitor's streamed one, --once, --json, --tsv) and by the pane's (QA: each said only
// that there was no "data" array, and "Something broke inside" was lost).

import assert from 'node:assert/strict';
import {after, before, test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {readSessionList} from '../../source/api/read-sessions.js';
import {fetchSessionColumns, fetchSessionDocument} from '../../source/api/sessions-api.js';
import {collectSessions} from '../../source/batch/collect.js';
import {collectRecords} from '../../source/batch/json-collect.js';
import {collectTables} from '../../source/batch/tsv-collect.js';
import {startFaultServer, type FaultServer} from '../helpers/fault-server.js';

const errorDocument = JSON.stringify({errors: [{detail: 'Something \u001B[31mbroke\u0007 inside.'}]});
const listSaid = /^127\.0\.0\.1:\d+: MaxScale answered with an error instead of the session list: "Something \uFFFD\[31mbroke\uFFFD inside"\.$/;

let server: FaultServer;
let client: Client;
before(async () => {
	server = await startFaultServer();
	client = new Client({target: {origin: server.origin, label: server.label}, user: 'admin', password: 'mariadb', timeoutMs: 5000});
});
after(async () => {
	await client.close();
	await server.close();
});

test('the list: the monitor, --once, --json and --tsv each say the detail, never the escape', async () => {
	server.set({kind: 'raw', body: errorDocument}, 'list');
	const streamed = await fetchSessionColumns(client);
	assert.ok(!streamed.ok);
	assert.match(streamed.error.message, listSaid, 'the monitor');
	const hosts = [{entry: 'mx', client}];
	for (const [what, result] of [
		['--once', await collectSessions(hosts, undefined)],
		['--json', await collectRecords(hosts, undefined)],
		['--tsv', await collectTables(hosts)],
	] as const) {
		assert.ok(!result.ok, what);
		assert.match(result.failures[0]!.error.message, listSaid, what);
		assert.doesNotMatch(result.failures[0]!.error.message, /\u001B|\u0007/, what);
	}

	// No detail to say: the sentence of before, which says what to check.
	server.set({kind: 'raw', body: JSON.stringify({errors: [{detail: '  . '}]})}, 'list');
	const bare = await fetchSessionColumns(client);
	assert.ok(!bare.ok);
	assert.match(bare.error.message, /no "data" array\): check that -h is MaxScale's REST API\.$/);
	server.clear();
});

test("the pane: a session's document answered by an error says it", async () => {
	server.set({kind: 'raw', body: errorDocument}, 'detail');
	const document = await fetchSessionDocument(client, '1');
	assert.ok(!document.ok);
	assert.match(document.error.message, /: MaxScale answered with an error instead of the session's document: "Something \uFFFD\[31mbroke\uFFFD inside"\.$/);
	server.clear();
});

test('read from JSON.parse, the same sentence; a long detail is cut', () => {
	const parsed = readSessionList(JSON.parse(errorDocument), Date.now());
	assert.ok(!parsed.ok);
	assert.match(parsed.reason, /^MaxScale answered with an error instead of the session list: "Something/);
	// An error detail 300 characters long is cut, with … at its end.
	const long = readSessionList({errors: [{detail: 'x'.repeat(300)}]}, Date.now());
	assert.ok(!long.ok);
	assert.match(long.reason, /"x{159}…"$/);
});
