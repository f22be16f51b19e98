// The --once table: every character kept, columns no wider than their usual values.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readSessionList} from '../../source/api/read-sessions.js';
import {formatTable, overflowAt} from '../../source/batch/table.js';
import {cellText} from '../../source/model/cells.js';
import {userName} from '../../source/model/groups.js';
import {plainSession, type Session} from '../../source/model/session.js';
import {fixture} from '../helpers/fixtures.js';

const session = (id: string, user: string): Session => ({key: id, id, host: '', service: 'RW-Split-Router', state: 'Session started', user, remote: '10.0.0.1', port: 5000, ageSeconds: 60, idleSeconds: 1, memoryBytes: 70_000, ioActivity: 3});

test('one very long user name keeps every character without widening the column for every line', () => {
	const long = 'u'.repeat(500);
	const lines = formatTable([session('1', 'app'), session('2', long), session('3', 'report')], false).trimEnd().split('\n');
	assert.ok(lines[2]!.includes(long), 'the long name whole');
	// The other lines, and the header, are as wide as without it.
	const without = formatTable([session('1', 'app'), session('3', 'report')], false).trimEnd().split('\n');
	assert.equal(lines[0], without[0]);
	assert.equal(lines[1], without[1]);
	assert.equal(lines[3], without[2]);
	// A name up to the limit still sets the column's width.
	const fits = formatTable([session('1', 'a'.repeat(overflowAt)), session('2', 'b')], false).split('\n');
	assert.equal(fits[1]!.indexOf('10.0.0.1'), fits[2]!.indexOf('10.0.0.1'));
});

test('user names in wide characters (CJK, emoji) keep the columns in line, as a terminal shows them', () => {
	const lines = formatTable([session('1', 'app'), session('2', '数据分析'), session('3', '🐬dolphin')], false).trimEnd().split('\n');
	// Where Client starts, in cells: CJK and emoji take two.
	const cellsBefore = (line: string) => [...line.slice(0, line.indexOf('10.0.0.1'))].reduce((sum, character) => sum + (/[\u3000-\u9FFF]|\p{Extended_Pictographic}/u.test(character) ? 2 : 1), 0);
	const starts = lines.slice(1).map((line) => cellsBefore(line));
	assert.deepEqual(starts, [starts[0], starts[0], starts[0]], lines.join('\n'));
	assert.equal(cellsBefore(lines[1]!), lines[0]!.indexOf('Client'));
});

test('QA: one very long id (a hostile server\'s) keeps every character without widening the Id column for every line', () => {
	const long = '2'.repeat(70);
	const lines = formatTable([session('1', 'alice'), session(long, 'bob')], false).trimEnd().split('\n');
	assert.ok(lines[2]!.includes(long));
	const without = formatTable([session('1', 'alice')], false).trimEnd().split('\n');
	assert.equal(lines[0], without[0], 'the header as without it');
	assert.equal(lines[1], without[1]);
});

test('the Server column, last, when a session says its backends (2.3+); left out for a MaxScale that says none', () => {
	const on = (id: string, servers: string | undefined): Session => ({...session(id, 'app'), servers});
	const lines = formatTable([on('1', 'server1'), on('2', 'server1,server3'), on('3', '')], false).trimEnd().split('\n');
	assert.match(lines[0]!, /Service +Server$/);
	assert.match(lines[1]!, /RW-Split-Router {2}server1$/);
	assert.match(lines[2]!, /RW-Split-Router {2}server1,server3$/, 'every backend, never cut');
	assert.match(lines[3]!, /RW-Split-Router {2}\(none\)$/);
	// One session that says them is enough: the others show `?`, as any unreported value.
	assert.match(formatTable([on('1', 'db1'), on('2', undefined)], false).trimEnd().split('\n')[2]!, /RW-Split-Router {2}\?$/);
	// Before 2.3: no column of question marks.
	const old = formatTable([on('1', undefined), on('2', undefined)], false);
	assert.doesNotMatch(old, /Server/);
	assert.equal(old, formatTable([session('1', 'app'), session('2', 'app')], false));
});

test('QA: Memory and I/O only when a session has them, as on the screen (before 22.08 they were columns of ?)', () => {
	const titles = (sessions: Session[]) => formatTable(sessions, false).split('\n')[0]!.trim().split(/\s+/);
	const without = (id: string): Session => ({...session(id, 'app'), memoryBytes: undefined, ioActivity: undefined});
	const old = [without('1'), without('2')];
	assert.deepEqual(titles(old), ['Id', 'User', 'Client', 'State', 'Age', 'Idle', 'Service']);
	assert.deepEqual(titles([...old, {...without('3'), memoryBytes: 65_000}]), ['Id', 'User', 'Client', 'State', 'Age', 'Idle', 'Memory', 'Service']);
	assert.deepEqual(titles([session('4', 'app')]), ['Id', 'User', 'Client', 'State', 'Age', 'Idle', 'Memory', 'I/O', 'Service']);
	// MaxScale 2.1 sends no idle time: no column of ? either (QA); one session with one brings it.
	const oldest = old.map((one) => ({...one, idleSeconds: undefined}));
	assert.deepEqual(titles(oldest), ['Id', 'User', 'Client', 'State', 'Age', 'Service']);
	assert.deepEqual(titles([...oldest, without('5')]), ['Id', 'User', 'Client', 'State', 'Age', 'Idle', 'Service']);
});

test('QA: Statement and Running read ? for a MaxScale that reports no statements, beside one that does', () => {
	const two: Session[] = [
		{key: 'mx1:8989#1', id: '1', host: 'mx1:8989', service: 's', state: 'Session started', user: 'etl', statement: 'SELECT 1', statementRunning: false},
		{key: 'mx2:8989#2', id: '2', host: 'mx2:8989', service: 's', state: 'Session started', user: 'etl'},
	];
	const lines = formatTable(two, true, ['user', 'running', 'statement']).split('\n');
	assert.match(lines[1]!, /etl\s+SELECT 1$/);
	assert.match(lines[2]!, /etl\s+\?\s+\?$/);
});

test('QA: --columns with several MaxScales still starts with MaxScale: the same id on two is two lines told apart', () => {
	const two: Session[] = [
		{key: 'mx1:8989#19', id: '19', host: 'mx1:8989', service: 's', state: 'Session started', user: 'etl', statement: 'SELECT 1'},
		{key: 'mx2:8989#19', id: '19', host: 'mx2:8989', service: 's', state: 'Session started', user: 'etl', statement: ''},
	];
	const lines = formatTable(two, true, ['user', 'statement']).trimEnd().split('\n');
	assert.deepEqual(lines.map((line) => line.trim().split(/\s+/)), [['MaxScale', 'Id', 'User', 'Statement'], ['mx1:8989', '19', 'etl', 'SELECT', '1'], ['mx2:8989', '19', 'etl']]);
	// Chosen, it stays where it was put.
	assert.deepEqual(formatTable(two, true, ['user', 'maxscale']).split('\n')[0]!.trim().split(/\s+/), ['Id', 'User', 'MaxScale']);
	// One MaxScale: none.
	assert.deepEqual(formatTable(two.slice(0, 1), false, ['user']).split('\n')[0]!.trim().split(/\s+/), ['Id', 'User']);
});

test('User reads ? on a MaxScale that reports no users (the 2.1 fixture), (no user) for a session still logging in', () => {
	const polledAt = Date.parse('2024-01-05T07:24:16Z');
	const oldest = readSessionList(fixture('seed-2.1-sessions-list.json'), polledAt);
	assert.ok(oldest.ok);
	const lines = formatTable(oldest.list.sessions, false).trimEnd().split('\n');
	for (const line of lines.slice(1)) {
		assert.match(line, /^\s*\d+\s+\?\s+\?\s/, line);
	}

	// A 24.02 session not logged in yet has its client's address: not logged in, not unknown.
	const current = readSessionList(fixture('v24-sessions-list.json'), polledAt);
	assert.ok(current.ok);
	const loggingIn = {...plainSession(current.list.sessions[0]!), user: undefined};
	assert.match(formatTable([loggingIn], false).split('\n')[1]!, /^\s*\d+\s+\(no user\)\s/);
	// The screen's cell and the grouping by user say the same.
	assert.equal(cellText(oldest.list.sessions[0]!, 'user'), '?');
	assert.equal(cellText(loggingIn, 'user'), '(no user)');
	assert.equal(userName(oldest.list.sessions[0]!), '?');
	assert.equal(userName(loggingIn), '(no user)');
});
