// The --once table on a terminal: fitted to its width as the screen fits its list, and
// exactly the whole table when that fits already (or nothing narrower would do).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import stringWidth from 'string-width';
import {fitTable} from '../../source/batch/fit-table.js';
import {formatTable} from '../../source/batch/table.js';
import type {Session} from '../../source/model/session.js';

const session = (id: string, user: string, remote: string, port: number, servers?: string): Session => ({
	key: id,
	id,
	host: '',
	service: 'RW-Split-Router',
	state: 'Session started',
	user,
	remote,
	port,
	ageSeconds: 1_400_000,
	idleSeconds: 70,
	memoryBytes: 68_000,
	ioActivity: 148,
	servers,
});

// As QA saw them at 24.02: a long user, a real IPv6 client, IPv4-mapped clients, several backends.
const sessions = [
	session('8', 'shard_app', '::ffff:10.0.8.126', 50_243, 'server4,server5'),
	session('52', 'svc_customer_notification_dispatcher', 'fd12:3456:789a:1::21', 39_821, 'server1,server2,server3'),
	session('57', 'airflow_etl_batch_user_prod', '::ffff:10.0.1.32', 43_459, 'server6'),
	session('63', 'app_rw', '2001:db8:4006:812::200e', 60_464, 'server1'),
];

const linesOf = (table: string) => table.trimEnd().split('\n');
const widest = (table: string) => Math.max(...linesOf(table).map((line) => stringWidth(line)));
/** Where each title starts in the header, in cells. */
const starts = (header: string) => Object.fromEntries([...header.matchAll(/\S+/g)].map((match) => [match[0], match.index]));

test('at 80 columns every line fits; User and Client shrink, cut with …, and the figures stay whole', () => {
	const whole = formatTable(sessions, false);
	assert.ok(widest(whole) > 120, 'the whole table is wider than the terminal');
	const fitted = fitTable(sessions, false, 80);
	assert.ok(widest(fitted) <= 80, fitted);
	const [header = '', ...rows] = linesOf(fitted);
	const at = starts(header);
	const wholeAt = starts(linesOf(whole)[0]!);
	// Who, from where, and the times: the columns the screen keeps longest.
	for (const title of ['Id', 'User', 'Client', 'State', 'Age', 'Idle']) {
		assert.ok(at[title] !== undefined, `${title} is shown: ${header}`);
	}

	assert.ok(at['Client']! < wholeAt['Client']!, 'User narrower');
	assert.ok(at['State']! < wholeAt['State']!, 'Client narrower');
	// The screen's order of leaving: the backends first (the pane has them), never the Id.
	assert.equal(at['Server'], undefined, header);
	assert.equal(rows.length, sessions.length);
	assert.match(rows[1]!, /^ +52 {2}svc_cust\S*… /, 'the long user cut at its end');
	assert.ok(!rows[1]!.includes('svc_customer_notification_dispatcher'));
	// A real IPv6 client cut at the front, whole groups, its port kept (model/cells.ts).
	assert.match(rows[1]!, / …[\da-f:]*1::21\]:39821 /);
	assert.match(rows[3]!, / …[\da-f:]*200e\]:60464 /);
	// An IPv4-mapped one as the IPv4 address it is: whole.
	assert.match(rows[2]!, / 10\.0\.1\.32:43459 /);
	for (const row of rows) {
		assert.match(row, / started +16d04h +1m10s/, row);
	}
});

test('each width keeps every line within it, down to the narrowest that still shows Id, User and Client', () => {
	for (let columns = 160; columns >= 30; columns--) {
		const fitted = fitTable(sessions, false, columns);
		const header = linesOf(fitted)[0]!;
		if (widest(fitted) > columns) {
			// Too narrow for who and from where: whole rows, as a pipe gets them.
			assert.equal(fitted, formatTable(sessions, false), `${columns}`);
			assert.ok(columns < 40, `whole rows at ${columns} columns`);
			continue;
		}

		assert.match(header, /^ *Id {2}User +Client/, `${columns}: ${header}`);
	}
});

test('nothing is cut when the whole table fits the terminal: the same bytes as a pipe gets', () => {
	const short = [session('1', 'app', '10.0.0.1', 5000, 'server1'), session('2', 'report', '::ffff:10.0.0.2', 5001, 'server2')];
	const whole = formatTable(short, false);
	assert.ok(widest(whole) <= 100);
	assert.equal(fitTable(short, false, 100), whole);
	assert.equal(fitTable(sessions, false, widest(formatTable(sessions, false))), formatTable(sessions, false));
	assert.doesNotMatch(fitTable(sessions, false, 500), /…/);
});

test('a terminal too narrow for Id, User and Client gets the whole rows, not a table cut to nothing', () => {
	for (const columns of [1, 10, 20]) {
		assert.equal(fitTable(sessions, false, columns), formatTable(sessions, false), `${columns}`);
	}
});

test('wide characters (CJK, emoji) are measured as a terminal shows them, and never cut in half', () => {
	const wide = [session('1', '数据分析平台服务账户用户名称非常长', '10.0.0.1', 5000), session('2', '🐬dolphin_reporting_service_account', '10.0.0.2', 5001)];
	const fitted = fitTable(wide, false, 60);
	assert.ok(widest(fitted) <= 60, fitted);
	assert.match(fitted, / {2}数据\S*… /);
	assert.match(fitted, / {2}🐬dol\S*… /);
	const [, first = '', second = ''] = linesOf(fitted);
	// Client starts at the same cell on every line.
	const clientAt = (line: string) => stringWidth(line.slice(0, line.search(/10\.0\.0\.\d/)));
	assert.equal(clientAt(first), clientAt(second));
});

test('several MaxScales: the MaxScale column shortened as the screen shortens it, and a host\'s control characters still stripped', () => {
	const on = (host: string, id: string): Session => ({...session(id, 'svc_customer_notification_dispatcher', 'fd12:3456:789a:1::21', 39_821), host});
	const hosts = ['maxscale-eu-west-1.db.example.com:8989', 'maxscale-eu-west-2.db.example.com:8989'];
	const fitted = fitTable(hosts.map((host, index) => on(host, String(index + 1))), true, 100);
	assert.ok(widest(fitted) <= 100, fitted);
	const [header = '', first = '', second = ''] = linesOf(fitted);
	assert.match(header, /^MaxScale +Id {2}User/);
	// The part the names share is left out, the part that tells them apart kept (model/host-labels.ts).
	assert.match(first, /^\S*1 +1 /);
	assert.match(second, /^\S*2 +2 /);
	// Chosen columns without it (--columns user): still first, or two sessions 1 would read alike (QA).
	const chosen = linesOf(fitTable([on(hosts[0]!, '1'), on(hosts[1]!, '1')], true, 60, ['user']));
	assert.match(chosen[0]!, /^MaxScale +Id {2}User/);
	assert.notEqual(chosen[1], chosen[2]);
	const evil = fitTable([on('evil\u001B]0;owned\u0007.example.com:8989', '1'), on('10.0.0.2:8989', '2')], true, 90);
	assert.ok(widest(evil) <= 90, evil);
	assert.match(evil, /^evil/m);
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(evil, /[\u0000-\u0009\u000B-\u001F\u007F]/);
});

test('fitted, the column the table is sorted by stays as the screen keeps it: --once --sort=-running at 60 columns (review)', () => {
	const sessions = [1, 2, 3].map((n) => ({...session(String(n), `report_user_${n}`, `10.0.6.1${n}`, 40_000 + n), statement: `SELECT SLEEP(${n})`, statementRunning: true, statementSeconds: n * 10}));
	const choice = ['user', 'client', 'service', 'idle', 'running', 'statement'] as const;
	const titles = (sorted?: 'running') => fitTable(sessions, false, 60, choice, sorted).split('\n')[0]!.trim().split(/\s+/);
	assert.ok(!titles().includes('Running'), titles().join(' '));
	assert.ok(titles('running').includes('Running'), titles('running').join(' '));
});

test('a MaxScale too old for Memory and I/O (2.2: no ports, no servers) is fitted too: their absent columns take no room (QA: every row wrapped at 80)', () => {
	const old = sessions.map(({memoryBytes, ioActivity, servers, port, ...rest}) => ({...rest, user: `${rest.user}_with_a_longer_name`}));
	const whole = formatTable(old, false);
	assert.ok(widest(whole) > 80, 'the whole table is wider than the terminal');
	const fitted = fitTable(old, false, 80);
	assert.ok(widest(fitted) <= 80, fitted);
	const header = linesOf(fitted)[0] ?? '';
	for (const title of ['Id', 'User', 'Client', 'State', 'Age', 'Idle']) {
		assert.ok(header.includes(title), `${title} is shown: ${header}`);
	}

	assert.doesNotMatch(header, /Memory|I\/O|Server/);
});
