// --json is lossless: the exact strings the server sent, a field it did not send left
// out, and a text that is valid JSON with nothing invisible or controlling in it.

import assert from 'node:assert/strict';
import {Buffer} from 'node:buffer';
import {after, before, test} from 'node:test';
import {Client} from '../../source/api/client.js';
import {listPath} from '../../source/api/list-path.js';
import {originOf} from '../../source/api/read-sessions.js';
import {collectRecords} from '../../source/batch/json-collect.js';
import {exactEntries, jsonLine, type SessionRecord} from '../../source/batch/json-records.js';
import {apiVersions, type Simulator} from '../../source/simulator/index.js';
import {startFaultServer, type FaultServer} from '../helpers/fault-server.js';
import {fixedNow, simulator} from './helpers.js';
import {hostileList, unsafeInJson} from './hostile-list.js';

let server: FaultServer;
before(async () => {
	server = await startFaultServer({sessions: hostileList});
});
after(async () => {
	await server.close();
});

const clientOf = (origin: string, label: string) => new Client({target: {origin, label}, user: 'admin', password: 'mariadb', timeoutMs: 5000});

test('jsonLine: escapes DEL, C1, separators and every format character; parses back to the very strings', () => {
	const user = '\u007F\u0080\u009F\u00AD\u061C\u200B\u200E\u200F\u202A\u202E\u2028\u2029\u2060\u2066\u2069\uFEFF\u{E0001}\u{E007F}\u0007\t\n\uDC00 plain é … 漢字 😀';
	const records: SessionRecord[] = [{host: 'mx', id: '1\u0001', user}];
	const line = jsonLine(records);
	assert.ok(line.endsWith('\n') && !line.slice(0, -1).includes('\n'));
	assert.doesNotMatch(line.slice(0, -1), unsafeInJson);
	assert.deepEqual(JSON.parse(line), records);
	assert.match(line, /\\u007f\\u0080\\u009f\\u00ad\\u061c\\u200b\\u200e/);
	assert.match(line, /\\udb40\\udc01/, 'a tag character: its two UTF-16 units');
	assert.match(line, / plain é … 漢字 😀"/, 'visible text as it is');
	assert.equal(jsonLine([{host: 'mx', id: 'del\u007F'}]), '[{"host":"mx","id":"del\\u007f"}]\n', 'DEL alone, in an otherwise ASCII text');
});

test('--json records: the server\'s exact strings, sorted by id, a missing service or state left out', async () => {
	const client = clientOf(server.origin, server.label);
	try {
		const records = await collectRecords([{entry: 'mx', client}], undefined);
		assert.ok(records.ok);
		const byId = new Map(records.value.map((record) => [record.id, record]));
		assert.deepEqual(records.value.map((record) => record.id), ['1', '2', '5', '6', '7', '3\u0007', '4\u0001', '4\u0002']);
		assert.equal(byId.get('1')?.user, 'tab\there', 'the first of a repeated id');
		assert.equal(byId.get('1')?.port, 4000);
		assert.equal(byId.get('2')?.user, 'a\nb');
		assert.equal(byId.get('2')?.service, 'svc\u001B[31m');
		assert.equal(byId.get('2')?.servers, 'db\u001B[2J1,db2', 'the backends as sent, the one with no name left out');
		assert.equal(byId.get('1')?.servers, undefined, 'no connections: not reported, left out');
		assert.equal(byId.get('4\u0002')?.user, 'two');
		assert.equal(byId.get('5')?.user, '\u202Eevil\u2066\u200B\uFEFF\u00AD\u007F\u009B\u2028\u{E0041}x\uD800');
		assert.deepEqual(byId.get('6'), {host: server.label, id: '6', user: 'bare', service: undefined, state: undefined, remote: undefined, port: undefined, connectedAt: undefined, ageSeconds: undefined, idleSeconds: undefined, memoryBytes: undefined, ioActivity: undefined, thread: undefined, servers: undefined});
		assert.deepEqual(JSON.parse(jsonLine([byId.get('6')!])), [{host: server.label, id: '6', user: 'bare'}]);
		assert.deepEqual(JSON.parse(jsonLine([byId.get('7')!])), [{host: server.label, id: '7', state: '', user: ''}]);
		const line = jsonLine(records.value);
		assert.doesNotMatch(line.slice(0, -1), unsafeInJson);
		assert.deepEqual(JSON.parse(line), JSON.parse(JSON.stringify(records.value)));
	} finally {
		await client.close();
	}
});

test('a body too big to keep (keepBytes) is asked for again, only when it must be read exactly: the same records', async () => {
	const client = clientOf(server.origin, server.label);
	try {
		const before = server.listCount();
		const kept = await collectRecords([{entry: 'mx', client}], undefined);
		assert.equal(server.listCount() - before, 1, 'kept: one request');
		const again = await collectRecords([{entry: 'mx', client}], undefined, undefined, 0);
		assert.equal(server.listCount() - before, 3, 'not kept: asked again');
		assert.deepEqual(again, kept);
	} finally {
		await client.close();
	}
});

test('a plain list (nothing the reader would sanitize) with a session that names no service or state: those left out', async (t) => {
	const plain = await startFaultServer({sessions: [{id: '1', attributes: {user: 'u'}}, {id: '2', attributes: {user: 'v', state: 'Session started'}, relationships: {services: {data: [{id: 'RW'}]}}}]});
	t.after(async () => plain.close());
	const client = clientOf(plain.origin, plain.label);
	try {
		const records = await collectRecords([{entry: 'mx', client}], undefined);
		assert.ok(records.ok);
		assert.deepEqual(JSON.parse(jsonLine(records.value)), [{host: plain.label, id: '1', user: 'u'}, {host: plain.label, id: '2', service: 'RW', state: 'Session started', user: 'v'}]);
	} finally {
		await client.close();
	}
});

test('one invisible character alone (a BOM, a Mongolian vowel separator, a tag) is kept exactly: the body is read the exact way', async () => {
	for (const odd of ['\uFEFF', '\u180E', '\u{E0041}', '\uFFF9']) {
		const user = `ad${odd}min`;
		// eslint-disable-next-line no-await-in-loop
		const server = await startFaultServer({sessions: [{id: '1', attributes: {user, state: 'Session started'}, relationships: {services: {data: [{id: 'RW'}]}}}]});
		const client = clientOf(server.origin, server.label);
		try {
			// eslint-disable-next-line no-await-in-loop
			const records = await collectRecords([{entry: 'mx', client}], undefined);
			assert.ok(records.ok);
			assert.equal(records.value[0]?.user, user, JSON.stringify(odd));
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await client.close();
			// eslint-disable-next-line no-await-in-loop
			await server.close();
		}
	}
});

test('a text the list cuts to show it (600 characters, a pile of combining marks) is printed whole by --json', async () => {
	for (const user of ['x'.repeat(600), `Z${'\u0301'.repeat(40)}algo`]) {
		// eslint-disable-next-line no-await-in-loop
		const server = await startFaultServer({sessions: [{id: '1', attributes: {user, state: 'Session started'}, relationships: {services: {data: [{id: 'RW'}]}}}]});
		const client = clientOf(server.origin, server.label);
		try {
			// eslint-disable-next-line no-await-in-loop
			const records = await collectRecords([{entry: 'mx', client}], undefined);
			assert.ok(records.ok);
			assert.equal(records.value[0]?.user, user);
			// The line parses back to it: marks past the third are escaped (\u0301), not lost.
			assert.equal((JSON.parse(jsonLine(records.value)) as SessionRecord[])[0]?.user, user);
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await client.close();
			// eslint-disable-next-line no-await-in-loop
			await server.close();
		}
	}
});

const sims: Simulator[] = [];
after(async () => {
	await Promise.all(sims.map(async (sim) => sim.close()));
});

test('every version: the streamed reader\'s records are the ones read losslessly from the same body', async (t) => {
	// One clock for both readings, so that ages taken from `connected` agree to the millisecond.
	t.mock.method(Date, 'now', () => fixedNow);
	for (const apiVersion of apiVersions) {
		let lists = 0;
		// eslint-disable-next-line no-await-in-loop
		const sim = await simulator({apiVersion, sessions: 60, seed: 3, onRequest(_method, url) {
			lists += url.startsWith('/v1/sessions') ? 1 : 0;
		}});
		sims.push(sim);
		const label = `127.0.0.1:${sim.port}`;
		const client = clientOf(sim.url, label);
		try {
			// eslint-disable-next-line no-await-in-loop
			const [streamed, body] = await Promise.all([
				// Nothing kept: a second request would show that the exact reading was needed.
				collectRecords([{entry: label, client}], {key: 'id', descending: false}, undefined, 0),
				fetch(`${sim.url}${listPath()}`, {headers: {authorization: `Basic ${btoa('admin:mariadb')}`}}).then(async (answer) => answer.json() as Promise<{data: unknown[]}>),
			]);
			assert.ok(streamed.ok, apiVersion);
			const exact = exactEntries(body.data, fixedNow, originOf({label}, false)).map((entry) => entry.record);
			assert.equal(streamed.value.length, 60, apiVersion);
			assert.equal(lists, 2, `${apiVersion}: the streamed reading was the answer (its list and the test's own)`);
			assert.deepEqual(
				streamed.value,
				exact.sort((a, b) => Number(a.id) - Number(b.id)),
				apiVersion,
			);
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await client.close();
		}
	}
});

test('bodies that go wrong: --json says what the monitor\'s reader says, in the same sentence', async () => {
	const {fetchSessionList} = await import('../../source/api/sessions-api.js');
	const faulty = await startFaultServer();
	const client = new Client({target: {origin: faulty.origin, label: faulty.label}, user: 'admin', password: 'mariadb', timeoutMs: 5000, maxBodyBytes: 1024 * 1024});
	const faults = [
		{kind: 'truncated'},
		{kind: 'raw', body: '<!DOCTYPE html><html><body>proxy</body></html>', contentType: 'text/html'},
		{kind: 'raw', body: '{"data": 5}'},
		{kind: 'raw', body: Buffer.from([0x7b, 0xff, 0x7d])},
		{kind: 'too-large', bytes: 2 * 1024 * 1024, declared: false},
		{kind: 'status', status: 503, body: '{"errors":[{"detail":"shutting down"}]}'},
	] as const;
	try {
		for (const fault of faults) {
			faulty.set(fault, 'list');
			// eslint-disable-next-line no-await-in-loop
			const [records, list] = await Promise.all([collectRecords([{entry: 'mx', client}], undefined), fetchSessionList(client)]);
			assert.ok(!records.ok && !list.ok, fault.kind);
			assert.deepEqual(records.failures, [{entry: 'mx', error: list.error}], fault.kind);
		}
	} finally {
		await client.close();
		await faulty.close();
	}
});

test('--json: characters of two, three and four bytes split across the body\'s pieces anywhere come out whole, by either reading', async () => {
	// Under 512 characters the streamed reader's own strings are printed (é, €, 😀 are no
	// suspects); over it, the body read whole: both must join a character split between reads.
	const users = ['é'.repeat(300), '€'.repeat(100), '😀'.repeat(50), `a${'é€😀'.repeat(40)}z`, 'é'.repeat(700)];
	for (const chunkBytes of [1, 3, 7, 64]) {
		// eslint-disable-next-line no-await-in-loop
		const server = await startFaultServer({sessions: users.map((user, index) => ({id: String(index + 1), attributes: {user, state: 'Session started'}, relationships: {services: {data: [{id: 'RW'}]}}}))});
		server.set({kind: 'trickle', everyMs: 0, chunkBytes});
		const client = clientOf(server.origin, server.label);
		try {
			// eslint-disable-next-line no-await-in-loop
			const records = await collectRecords([{entry: 'mx', client}], undefined);
			assert.ok(records.ok);
			assert.deepEqual(
				records.value.map((record) => record.user),
				users,
				`pieces of ${chunkBytes} bytes`,
			);
		} finally {
			// eslint-disable-next-line no-await-in-loop
			await client.close();
			// eslint-disable-next-line no-await-in-loop
			await server.close();
		}
	}
});
