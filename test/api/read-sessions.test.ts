import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseConnected} from '../../source/api/connected-cache.js';
import {readSession, readSessionDocument, readSessionList} from '../../source/api/read-sessions.js';
import {fixture, versions} from '../helpers/fixtures.js';

const polledAt = Date.parse('2024-01-05T07:24:16Z');

for (const version of versions) {
	test(`reads the ${version} list and detail fixtures`, () => {
		const list = readSessionList(fixture(`${version}-sessions-list.json`), polledAt);
		assert.ok(list.ok);
		assert.ok(list.list.sessions.length > 0);
		assert.equal(list.list.skipped, 0);
		for (const session of list.list.sessions) {
			assert.match(session.id, /^\d+$/);
			assert.notEqual(session.service, '');
			assert.notEqual(session.state, '');
			assert.ok(session.connectedAt !== undefined, 'connected parses in both formats');
		}

		const detail = readSessionDocument(fixture(`${version}-session-detail.json`));
		assert.ok(detail.ok);
	});
}

test('the 2.1 seed shape: only state and connected, everything else unknown', () => {
	const list = readSessionList(fixture('seed-2.1-sessions-list.json'), polledAt);
	assert.ok(list.ok);
	assert.deepEqual(
		list.list.sessions.map((s) => [s.id, s.service, s.state]),
		[
			['1', 'RW-Split-Router', 'Listener Session'],
			['2', 'Read-Connection-Router', 'Listener Session'],
			['3', 'CLI', 'Listener Session'],
		],
	);
	const [first] = list.list.sessions;
	assert.equal(first?.user, undefined);
	assert.equal(first?.idleSeconds, undefined);
	assert.equal(first?.memoryBytes, undefined);
});

test('24.02: seconds_alive is the age; memory, io, thread, port are read', () => {
	const list = readSessionList(fixture('v24-sessions-list.json'), polledAt);
	assert.ok(list.ok);
	const [session] = list.list.sessions;
	assert.equal(session?.ageSeconds, 5.2105843680000001);
	assert.equal(session?.memoryBytes, 67_337);
	assert.equal(session?.ioActivity, 16);
	assert.equal(session?.thread, 2);
	assert.equal(session?.port, 40_664);
	assert.equal(session?.user, 'maxuser');
	assert.equal(session?.remote, '127.0.0.1');
	assert.equal(session?.connectedAt, Date.parse('2024-01-05T07:24:06Z'));
});

test('without seconds_alive the age comes from connected (RFC 1123 from 23.02)', () => {
	const list = readSessionList(fixture('v23-sessions-list.json'), Date.parse('2023-07-21T06:47:44Z'));
	assert.ok(list.ok);
	assert.equal(list.list.sessions[0]?.ageSeconds, 60);
	assert.equal(list.list.sessions[0]?.memoryBytes, 68_068);
});

test('asctime connected (up to 22.08) is local time', () => {
	const list = readSessionList(fixture('v2.2-sessions-list.json'), polledAt);
	assert.ok(list.ok);
	const expected = new Date(2017, 6, 17, 11, 10, 39).getTime();
	assert.equal(list.list.sessions[0]?.connectedAt, expected);
	assert.equal(list.list.sessions[0]?.idleSeconds, 62.9);
});

test('never throws: garbage, nulls, wrong types, duplicates', () => {
	for (const input of [null, 42, 'text', [], {}, {data: null}, {data: 'x'}, {data: {}}]) {
		const result = readSessionList(input, polledAt);
		assert.equal(result.ok, false);
	}

	const list = readSessionList(
		{
			data: [
				null,
				7,
				{id: ''},
				{id: '5', attributes: null, relationships: {services: {data: null}}},
				{id: '6', attributes: {user: 42, idle: 'x', memory: {total: null}, connected: 'yesterday', state: null}},
				{id: '5', attributes: {user: 'dup'}},
				{id: 9, attributes: {client: {connection_attributes: null}}},
			],
		},
		polledAt,
	);
	assert.ok(list.ok);
	assert.deepEqual(
		list.list.sessions.map((s) => s.id),
		['5', '6', '9'],
	);
	assert.equal(list.list.skipped, 3);
	assert.equal(list.list.duplicates, 1);
	const six = list.list.sessions[1];
	assert.equal(six?.user, undefined);
	assert.equal(six?.idleSeconds, undefined);
	assert.equal(six?.connectedAt, undefined);
	assert.equal(six?.state, '');
});

test('strips control characters from every string it reads', () => {
	const session = readSession(
		{
			id: '1\u001B[2J',
			attributes: {user: 'evil\u001B]52;c;aGk=\u0007', remote: '10.0.0.1\u009B31m', state: 'Session\u202E started'},
			relationships: {services: {data: [{id: 'svc\r\n'}]}},
		},
		polledAt,
	);
	assert.ok(session);
	for (const text of [session.id, session.user, session.remote, session.state, session.service]) {
		assert.doesNotMatch(text ?? '', /[\u0000-\u001F\u007F-\u009F\u202E]/);
	}

	assert.equal(session.user, 'evil\uFFFD]52;c;aGk=\uFFFD');
});

test('a `connected` that is no time MaxScale writes is unknown, no age made up (QA: "12" was 2001-12-01, Age 9130d)', () => {
	const list = readSessionList({data: [{id: '1', attributes: {connected: '12', idle: 1}}, {id: '2', attributes: {connected: '2024-01-05T07:24:06Z', idle: 1}}]}, polledAt);
	assert.ok(list.ok);
	for (const session of list.list.sessions) {
		assert.equal(session.connectedAt, undefined, session.id);
		assert.equal(session.ageSeconds, undefined, session.id);
	}
});

test('readSessionDocument wants one data object', () => {
	assert.equal(readSessionDocument({data: []}).ok, false);
	assert.equal(readSessionDocument('').ok, false);
	assert.equal(readSessionDocument({data: {id: '1'}}).ok, true);
});

test('`connected` is read once per text: a text that does not parse stays unknown from the cache too', () => {
	for (let round = 0; round < 2; round++) {
		assert.equal(parseConnected('yesterday'), undefined, `round ${round}`);
		assert.equal(parseConnected('Tue, 17 Nov 2026 21:48:33 GMT'), Date.UTC(2026, 10, 17, 21, 48, 33), `round ${round}`);
		assert.equal(parseConnected(42), undefined);
	}
});

test('the newest retained statement (queries[0]) on one line, running until MaxScale writes its completed time', () => {
	const resource = (id: string, queries: unknown) => ({id, type: 'sessions', attributes: {state: 'Session started', queries}});
	const read = readSessionList(
		{
			data: [
				resource('1', [{command: 'COM_QUERY', received: '2024-01-05T07:24:06.123', responses: [], statement: 'SELECT *\n  FROM orders'}, {statement: 'older', completed: 'x'}]),
				resource('2', [{command: 'COM_QUERY', received: 'x', completed: '2024-01-05T07:24:06.200', responses: [{server: 'server1', duration: 1}], statement: 'COMMIT'}]),
				resource('3', []),
				{id: '4', attributes: {state: 'Session started'}},
			],
		},
		Date.now(),
	);
	assert.ok(read.ok);
	assert.deepEqual(
		read.list.sessions.map((one) => [one.id, one.statement, one.statementRunning]),
		[
			['1', 'SELECT * FROM orders', true],
			['2', 'COMMIT', false],
			['3', '', false],
			['4', undefined, undefined],
		],
	);
});
