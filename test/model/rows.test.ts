import assert from 'node:assert/strict';
import {test} from 'node:test';
import {buildRows, isGroupRow, sessionCount} from '../../source/model/rows.js';
import {noService, serviceKey, stateKey} from '../../source/model/groups.js';
import {countStates} from '../../source/model/summary.js';
import {defaultSort} from '../../source/model/sort.js';
import {label} from '../helpers/rows.js';
import {session} from '../helpers/sessions.js';

const sessions = [
	session(10, {service: 'Read-Connection-Router', user: 'b', idleSeconds: 5}),
	session(2, {user: 'c', idleSeconds: 50}),
	session(3, {state: 'Session created', user: 'a'}),
	session(11, {user: 'a', idleSeconds: 1}),
	session(4, {service: '', state: ''}),
];

test('groups by service, then state, with counts; sessions sorted by numeric id', () => {
	const rows = buildRows(sessions, {grouping: 'service-state', sort: defaultSort});
	assert.deepEqual(rows.map(label), [
		'S:(no service):1',
		'T:(no state):1',
		'4',
		'S:RW-Split-Router:3',
		'T:Session started:2',
		'2',
		'11',
		'T:Session created:1',
		'3',
		'S:Read-Connection-Router:1',
		'T:Session started:1',
		'10',
	]);
	const rw = rows.find((row) => isGroupRow(row) && row.kind === 'service' && row.service === 'RW-Split-Router');
	assert.deepEqual(isGroupRow(rw) && rw.kind === 'service' && rw.states, [
		{state: 'Session started', count: 2},
		{state: 'Session created', count: 1},
	]);
	assert.equal(noService, '(no service)');
});

test('service grouping and flat list', () => {
	const byService = buildRows(sessions, {grouping: 'service', sort: defaultSort});
	assert.deepEqual(byService.map(label), ['S:(no service):1', '4', 'S:RW-Split-Router:3', '2', '3', '11', 'S:Read-Connection-Router:1', '10']);
	const flat = buildRows(sessions, {grouping: 'flat', sort: defaultSort});
	assert.deepEqual(flat.map(label), ['2', '3', '4', '10', '11']);
});

test('client groups come as addresses are read: none first, IPv4 by number, then IPv6 by number and names', () => {
	const remotes = ['10.0.8.105', '2001:db8::1', '10.0.8.9', undefined, '::1', 'fd12:3456:789a:1::21', '127.0.0.1', '::ffff:10.0.8.9', 'app-7.example'];
	const list = remotes.map((remote, i) => session(i + 1, {remote}));
	const groups = buildRows(list, {grouping: 'client', sort: defaultSort}).filter((row) => isGroupRow(row)).map((row) => `${row.service}:${row.count}`);
	// As text, 10.0.8.105 would come before 10.0.8.9; the mapped ::ffff:10.0.8.9 is 10.0.8.9's.
	// As text, ::1 came between 2001:db8::1 and fd12:…; by its bits it is the lowest (QA).
	assert.deepEqual(groups, ['(no client):1', '10.0.8.9:2', '10.0.8.105:1', '127.0.0.1:1', '::1:1', '2001:db8::1:1', 'fd12:3456:789a:1::21:1', 'app-7.example:1']);
	// Services and users stay in plain text order.
	const users = buildRows(list.map((one, i) => ({...one, user: ['b', 'a', 'B'][i % 3]})), {grouping: 'user', sort: defaultSort}).filter((row) => isGroupRow(row)).map((row) => row.service);
	assert.deepEqual(users, ['B', 'a', 'b']);
});

test('sorts by a column, unknown values last, ties by id', () => {
	const byIdle = buildRows(sessions, {grouping: 'flat', sort: {key: 'idle', descending: true}});
	assert.deepEqual(byIdle.map(label), ['2', '10', '11', '3', '4']);
	const byUser = buildRows(sessions, {grouping: 'flat', sort: {key: 'user', descending: false}});
	assert.deepEqual(byUser.map(label), ['3', '11', '10', '2', '4']);
});

test('counts states in lifecycle order', () => {
	assert.deepEqual(countStates(sessions), [
		{state: 'Session started', count: 3},
		{state: 'Session created', count: 1},
		{state: '(no state)', count: 1},
	]);
});

test('does not change the snapshot it is given', () => {
	const copy = [...sessions];
	buildRows(sessions, {grouping: 'flat', sort: {key: 'user', descending: true}});
	assert.deepEqual(sessions, copy);
});

test('collapsed groups hide their rows; ghosts stay in their group, not counted', () => {
	const rows = buildRows(sessions, {
		grouping: 'service-state',
		sort: defaultSort,
		collapsed: new Set([serviceKey('(no service)'), stateKey('RW-Split-Router', 'Session created')]),
		ghosts: [session(5)],
	});
	assert.deepEqual(rows.map(label), [
		'S:(no service):1+',
		'S:RW-Split-Router:3',
		'T:Session started:2',
		'2',
		'x5',
		'11',
		'T:Session created:1+',
		'S:Read-Connection-Router:1',
		'T:Session started:1',
		'10',
	]);
});

test('a filter keeps only matching sessions and recounts the groups', () => {
	const rows = buildRows(sessions, {grouping: 'service', sort: defaultSort, filter: (s) => s.user === 'a'});
	assert.deepEqual(rows.map(label), ['S:RW-Split-Router:2', '3', '11']);
});

test('the filter\'s count holds the sessions of collapsed groups too, and never ghosts', () => {
	const many = [...sessions, session(20, {service: 'Analytics', user: 'metabase'}), session(21, {service: 'Analytics', user: 'metabase'})];
	const filter = (s: {user?: string}) => s.user === 'metabase' || s.user === 'a';
	const open = buildRows(many, {grouping: 'service-state', sort: defaultSort, filter});
	assert.equal(sessionCount(open), 4);
	for (const collapsed of [new Set([serviceKey('Analytics')]), new Set([stateKey('RW-Split-Router', 'Session started'), serviceKey('Analytics')])]) {
		const rows = buildRows(many, {grouping: 'service-state', sort: defaultSort, filter, collapsed});
		assert.ok(rows.length < open.length, 'fewer rows drawn');
		assert.equal(sessionCount(rows), 4, 'the same sessions match');
	}

	assert.equal(sessionCount(buildRows(many, {grouping: 'service', sort: defaultSort, filter, collapsed: new Set([serviceKey('Analytics')])})), 4);
	assert.equal(sessionCount(buildRows(many, {grouping: 'flat', sort: defaultSort, filter})), 4);
	assert.equal(sessionCount(buildRows(many, {grouping: 'service-state', sort: defaultSort, filter, ghosts: [session(99, {user: 'a'})]})), 4);
});
