// The Statement column's model: each session's newest retained statement on one line (`» `
// while it runs), shown only when chosen (--columns, or S), taking what the other columns
// leave; `S` adds and removes it and asks for a poll; `statement:` and plain text filter by it.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {enableLinearRegExp} from '../../source/linear-regexp.js';
import {statementLine} from '../../source/api/statement-line.js';
import {cellText, fitCell} from '../../source/model/cells.js';
import {chosenRank, defaultColumns, parseColumns} from '../../source/model/column-choice.js';
import {filteredColumns, hasColumn, layoutColumns, type Column} from '../../source/model/columns.js';
import {parseFilter} from '../../source/model/filter.js';
import {initialState, reducer, type MonitorState} from '../../source/model/monitor-state.js';
import {longestShown} from '../../source/model/sanitize.js';
import type {SortKey} from '../../source/model/sort.js';
import {showsStatement} from '../../source/model/column-choice.js';
import {session} from '../helpers/sessions.js';

// The filter's regex terms run on V8's linear-time engine, as the app turns it on at its start.
enableLinearRegExp();

test('a statement on one line: white space folded, the head of a long one only, nothing that drives a terminal', () => {
	assert.equal(statementLine('  SELECT *\n\tFROM  orders\r\n WHERE id = 1;  '), 'SELECT * FROM orders WHERE id = 1;');
	assert.equal(statementLine(''), '');
	assert.equal(statementLine('SELECT "\u001B[2J"'), 'SELECT "\uFFFD[2J"');
	const bulk = `INSERT INTO t VALUES ${'(1, 2, 3), '.repeat(200_000)}`;
	const line = statementLine(bulk);
	assert.equal(line.length, longestShown, 'cut to what a list shows');
	assert.ok(line.startsWith('INSERT INTO t VALUES (1, 2, 3), ') && line.endsWith('…'));
	// Cut where the server's text is long but folds short: still said to be cut.
	const spaced = `SELECT 1${' '.repeat(5000)}FROM dual`;
	assert.equal(statementLine(spaced), 'SELECT 1…');
});

test('the cell: » before a statement still running, empty where none is retained, ? where the MaxScale reports none', () => {
	assert.equal(cellText(session(1, {statement: 'SELECT 1', statementRunning: true}), 'statement'), '» SELECT 1');
	assert.equal(cellText(session(1, {statement: 'SELECT 1', statementRunning: false}), 'statement'), 'SELECT 1');
	assert.equal(cellText(session(1, {statement: '', statementRunning: false}), 'statement'), '');
	// The column shows only where the list carries statements (hasColumn): a session without any
	// is on a MaxScale that reports none (2.2 beside a 24.02), `?` as Memory's is (QA: it read blank).
	assert.equal(cellText(session(1), 'statement'), '?');
	assert.equal(cellText(session(1), 'running'), '?');
	assert.equal(cellText(session(1, {statement: 'SELECT 1', statementRunning: false}), 'running'), '', 'none running: blank');
	const column: Column = {key: 'statement', title: 'Statement', width: 12, align: 'left'};
	assert.equal(fitCell('» SELECT a, b FROM t', column), '» SELECT a,…');
});

test('not among the default columns: chosen by name (statement, sql, query), then shown where the list says statements', () => {
	assert.ok(!defaultColumns.includes('statement'));
	assert.equal(chosenRank('statement', undefined), undefined);
	assert.deepEqual(parseColumns('user,sql'), ['user', 'statement']);
	assert.deepEqual(parseColumns('Query idle'), ['statement', 'idle']);
	const widest = (statement: number) => ({user: 12, client: 20, service: 15, server: 7, memory: 1, io: 1, statement});
	assert.equal(hasColumn('statement', false, 'service-state', widest(40)), true);
	assert.equal(hasColumn('statement', false, 'service-state', widest(1)), true, 'a list that retained none: shown, empty');
	assert.equal(hasColumn('statement', false, 'service-state', widest(0)), false, 'before 2.3.1, or no queries asked for');
	const keys = (width: number, choice = [...defaultColumns, 'statement' as const], statement = 300) => layoutColumns(width, 7, 0, [], 'service-state', widest(statement), choice).map((column) => column.key);
	assert.ok(!layoutColumns(200, 7, 0, [], 'service-state', widest(300)).some((column) => column.key === 'statement'), 'not chosen: never shown');
	// It takes what the others leave, up to its longest text.
	const wide = layoutColumns(200, 7, 0, [], 'service-state', widest(300), [...defaultColumns, 'statement']);
	const statement = wide.find((column) => column.key === 'statement')!;
	assert.equal(wide.reduce((sum, column) => sum + column.width + 1, 1), 200, 'the whole width used');
	assert.ok(statement.width > 60, String(statement.width));
	const short = layoutColumns(200, 7, 0, [], 'service-state', widest(20), [...defaultColumns, 'statement']);
	assert.equal(short.find((column) => column.key === 'statement')?.width, 20, 'no wider than its longest text');
	// Narrowing: Server, I/O, Memory, State and Age go before it; it goes before Idle.
	assert.deepEqual(keys(80), ['id', 'user', 'client', 'state', 'age', 'idle', 'statement']);
	assert.deepEqual(keys(78), ['id', 'user', 'client', 'age', 'idle', 'statement']);
	assert.deepEqual(keys(64), ['id', 'user', 'client', 'idle', 'statement']);
	assert.deepEqual(keys(56), ['id', 'user', 'client', 'idle']);
	const flat = layoutColumns(80, 7, 0, [], 'flat', widest(300), [...defaultColumns, 'statement']).map((column) => column.key);
	assert.deepEqual(flat, ['id', 'user', 'client', 'service', 'idle', 'statement'], 'flat at 80 too');
	// The names grow to their usual widths, then the statement takes its room before they grow on.
	const names = {user: 27, client: 26, service: 15, server: 7, memory: 1, io: 1};
	const at = (width: number, statement: number) => Object.fromEntries(layoutColumns(width, 7, 0, [], 'service-state', {...names, statement}, [...defaultColumns, 'statement']).map((column) => [column.key, column.width]));
	assert.deepEqual([at(130, 300)['user'], at(130, 300)['client'], at(130, 300)['statement']], [12, 22, 39]);
	assert.deepEqual([at(130, 20)['user'], at(130, 20)['client'], at(130, 20)['statement']], [27, 26, 20], 'a short statement leaves the rest to them');
	// Wide, the statement has its first 60 cells, then the names their whole texts, then it the rest (QA: `airflow_etl…` beside 110 cells of statement).
	assert.deepEqual([at(200, 300)['user'], at(200, 300)['client']], [27, 26]);
	assert.ok(at(200, 300)['statement']! > 60, String(at(200, 300)['statement']));
	// A rare name past a long one's 28 cells waits for the statement's whole text (QA: at 200 columns
	// the statement was cut at 60 beside a User column as wide as the list's one 36-character name).
	const rare = (statement: number) => Object.fromEntries(layoutColumns(200, 7, 0, [], 'service-state', {...names, user: 36, client: 29, statement}, [...defaultColumns, 'statement']).map((column) => [column.key, column.width]));
	assert.deepEqual([rare(300)['user'], rare(300)['client']], [28, 28]);
	assert.ok(rare(300)['statement']! >= 80, String(rare(300)['statement']));
	assert.deepEqual([rare(40)['user'], rare(40)['client'], rare(40)['statement']], [36, 29, 40], 'a statement that fits leaves them whole');
	// In the order chosen.
	assert.deepEqual(keys(120, ['statement', 'user']), ['id', 'statement', 'user']);
});

const polled = (state: MonitorState) =>
	reducer(state, {type: 'poll-ok', sessions: [session(1, {statement: 'SELECT 1', statementRunning: true, user: 'app'}), session(2, {statement: '', user: 'etl'})], at: 1000, latencyMs: 1, bytes: 1});

test('S shows the column and polls now (its list asks for statements); again, it hides it and sorts by it no more', () => {
	const start = polled(initialState());
	assert.equal(showsStatement(start.columns), false);
	const on = reducer(start, {type: 'command', command: 'statements'});
	assert.equal(showsStatement(on.columns), true);
	assert.deepEqual(on.columns, [...defaultColumns, 'running', 'statement']);
	assert.equal(on.refreshes, start.refreshes + 1, 'a poll at once, which asks for statements');
	assert.match(on.message?.text ?? '', /^Statements on: .*retain_last_statements/);
	const sorted = reducer(on, {type: 'sort-by', key: 'statement'});
	assert.equal(sorted.sort.key, 'statement');
	const off = reducer(sorted, {type: 'command', command: 'statements'});
	assert.equal(showsStatement(off.columns), false);
	assert.deepEqual(off.columns, defaultColumns);
	assert.equal(off.sort.key, 'id', 'no sort by a column gone');
	assert.equal(off.refreshes, on.refreshes, 'hiding it waits for the next poll');
	// Chosen columns keep their order: S adds at the end, and takes out only Running and Statement.
	const chosen = reducer(polled(initialState({columns: ['idle', 'user']})), {type: 'command', command: 'statements'});
	assert.deepEqual(chosen.columns, ['idle', 'user', 'running', 'statement']);
	assert.deepEqual(reducer(chosen, {type: 'command', command: 'statements'}).columns, ['idle', 'user']);
	// Taken out, then back where it was (QA: a configured first column came back last).
	const first = reducer(polled(initialState({columns: ['statement', 'user', 'idle']})), {type: 'command', command: 'statements'});
	assert.deepEqual(first.columns, ['user', 'idle']);
	assert.deepEqual(reducer(first, {type: 'command', command: 'statements'}).columns, ['statement', 'user', 'idle']);
	// Both chosen apart, each back where it was (QA).
	const apart = reducer(polled(initialState({columns: ['user', 'running', 'idle', 'statement']})), {type: 'command', command: 'statements'});
	assert.deepEqual(apart.columns, ['user', 'idle']);
	assert.deepEqual(reducer(apart, {type: 'command', command: 'statements'}).columns, ['user', 'running', 'idle', 'statement']);
});

test('S while paused waits for the poll that resumes it; S on MaxScales too old says so; S off while sorted by it says the sort changed', () => {
	const paused = reducer(polled(initialState()), {type: 'pause'});
	const on = reducer(paused, {type: 'command', command: 'statements'});
	assert.ok(showsStatement(on.columns));
	assert.equal(on.refreshes, paused.refreshes, 'paused: nothing polled');
	assert.match(on.message?.text ?? '', /next poll \(p resumes polling\)/);

	const old = reducer(polled(initialState()), {type: 'server-info', info: {version: '2.2.24', uptimeSeconds: 10, askedAt: 1000}});
	const refused = reducer(old, {type: 'command', command: 'statements'});
	assert.match(refused.message?.text ?? '', /^MaxScale 2\.2\.24 reports no statements: that needs MaxScale 2\.3\.1 or later\.$/);
	assert.equal(showsStatement(refused.columns), false, 'nothing to show: not turned on');
	assert.equal(refused.refreshes, old.refreshes);
	// Several, one of them too old: on, and that one named.
	let two = polled(initialState({hosts: ['mx1', 'mx2']}));
	two = reducer(two, {type: 'server-info', host: 'mx1', info: {version: '24.02.3', uptimeSeconds: 10, askedAt: 1000}});
	two = reducer(two, {type: 'server-info', host: 'mx2', info: {version: '2.2.24', uptimeSeconds: 10, askedAt: 1000}});
	assert.equal(reducer(two, {type: 'command', command: 'statements'}).message?.text, 'Statements on: MaxScale keeps them only where retain_last_statements is set (mx2: none before 2.3.1).');
	const recent = reducer(polled(initialState()), {type: 'server-info', info: {version: '2.3.1', uptimeSeconds: 10, askedAt: 1000}});
	assert.match(reducer(recent, {type: 'command', command: 'statements'}).message?.text ?? '', /^Statements on:/);

	const sorted = reducer(reducer(polled(initialState()), {type: 'command', command: 'statements'}), {type: 'sort-by', key: 'statement'});
	const off = reducer(sorted, {type: 'command', command: 'statements'});
	assert.equal(off.sort.key, 'id');
	assert.match(off.message?.text ?? '', /sorted by id again/);
});

test('S before any version is known, then the MaxScale turns out older than 2.3.1: the columns go, said (QA: they stayed on, empty)', () => {
	const on = reducer(polled(initialState()), {type: 'command', command: 'statements'});
	assert.ok(showsStatement(on.columns));
	const old = reducer(on, {type: 'server-info', info: {version: '2.2.24', uptimeSeconds: 10, askedAt: 1000}});
	assert.equal(showsStatement(old.columns), false, 'off: the next polls ask for no statements');
	assert.equal(old.message?.text, 'MaxScale 2.2.24 reports no statements (MaxScale 2.3.1 or later has them): Statements off.');
	// S again says why, as it does once the version is known.
	assert.match(reducer(old, {type: 'command', command: 'statements'}).message?.text ?? '', /^MaxScale 2\.2\.24 reports no statements: that needs/);
	// A version that has them, or one MaxScale of two still unknown: they stay.
	assert.ok(showsStatement(reducer(on, {type: 'server-info', info: {version: '2.3.1', uptimeSeconds: 10, askedAt: 1000}}).columns));
	let two = reducer(polled(initialState({hosts: ['mx1', 'mx2']})), {type: 'command', command: 'statements'});
	two = reducer(two, {type: 'server-info', host: 'mx2', info: {version: '2.2.24', uptimeSeconds: 10, askedAt: 1000}});
	assert.ok(showsStatement(two.columns), 'mx1 may have them');
	assert.equal(two.message?.text, 'No statements from mx2 (2.2.24): none before MaxScale 2.3.1.', 'the old one named, as S names it');
	two = reducer(two, {type: 'server-info', host: 'mx1', info: {version: '2.2.20', uptimeSeconds: 10, askedAt: 1000}});
	assert.equal(showsStatement(two.columns), false);
	assert.equal(two.message?.text, 'These MaxScales (2.2.20, 2.2.24) report no statements (MaxScale 2.3.1 or later has them): Statements off.');
	// Sorted by Running (--sort=-running): by id again, said.
	const sorted = reducer(reducer(on, {type: 'sort-by', key: 'running'}), {type: 'server-info', info: {version: '2.2.24', uptimeSeconds: 10, askedAt: 1000}});
	assert.equal(sorted.sort.key, 'id');
	assert.match(sorted.message?.text ?? '', /Statements off, and the sort by them: sorted by id\.$/);
});

test('--sort statement (or sort = statement) shows the column, so its list asks for them', () => {
	assert.ok(showsStatement(initialState({sort: {key: 'statement', descending: false}}).columns));
	assert.deepEqual(initialState({sort: {key: 'statement', descending: false}, columns: ['user']}).columns, ['user', 'statement']);
	assert.equal(initialState({sort: {key: 'idle', descending: true}}).columns, undefined);
	// By run time: the default columns get both, as S shows them; chosen ones the one sorted by.
	assert.deepEqual(initialState({sort: {key: 'running', descending: true}}).columns, [...defaultColumns, 'running', 'statement']);
	assert.deepEqual(initialState({sort: {key: 'running', descending: true}, columns: ['user']}).columns, ['user', 'running']);
	assert.equal(parseFilter('running>10s').statement, true);
	assert.equal(parseFilter('running>10s').numbers, undefined, 'none running is not a figure MaxScale leaves out');
	assert.equal(parseFilter('sql:x idle>1').statement, true);
	assert.equal(parseFilter('!statement:x').statement, true);
	assert.equal(parseFilter('x').statement, undefined);
});

test('> steps through Statement only while it shows', () => {
	const steps = (state: MonitorState) => {
		const seen: string[] = [];
		let at = state;
		for (let i = 0; i < 14; i++) {
			at = reducer(at, {type: 'sort-step', delta: 1});
			seen.push(at.sort.key);
		}

		return seen;
	};

	const start = polled(initialState());
	assert.ok(!steps(start).includes('statement'));
	assert.ok(steps(reducer(start, {type: 'command', command: 'statements'})).includes('statement'));
});

test('statement: (or sql:) and plain text find a session by its statement', () => {
	const running = session(1, {statement: 'SELECT * FROM orders', statementRunning: true});
	const idle = session(2, {statement: 'COMMIT'});
	const unknown = session(3);
	const keeps = (text: string) => [running, idle, unknown].filter((one) => parseFilter(text).test?.(one) ?? true).map((one) => one.id);
	assert.deepEqual(keeps('statement:orders'), ['1']);
	assert.deepEqual(keeps('sql:commit'), ['2']);
	assert.deepEqual(keeps('orders'), ['1']);
	// Not known, it matches nothing, negated too (as io or memory before their versions: NULL in SQL).
	assert.deepEqual(keeps('!statement:orders'), ['2']);
	assert.deepEqual(keeps('!sql:x'), ['1', '2']);
	assert.deepEqual(keeps('statement:/^select/'), ['1']);
	assert.equal(parseFilter('sql:"x').error !== undefined || parseFilter('sql:"x').test !== undefined, true);
});

test('the column sorted by outlasts all but Id, User and Client: sorted by Running at 80 columns, flat, it shows (QA)', () => {
	const widest = {user: 12, client: 20, service: 17, statement: 60, server: 7, memory: 4, io: 2};
	const keys = (width: number, sorted?: SortKey) => layoutColumns(width, 7, 0, [], 'flat', widest, [...defaultColumns, 'running', 'statement'], sorted).map((column) => column.key);
	assert.ok(!keys(80).includes('running'), 'unsorted, the first to go');
	assert.ok(keys(80, 'running').includes('running'), keys(80, 'running').join(' '));
	// And Statement with it, Idle giving way (QA: Statement went, and with it what runs).
	assert.deepEqual(keys(80, 'running'), ['id', 'user', 'client', 'service', 'running', 'statement']);
	// Never kept over who and from where: at 40 columns those three fill the list.
	assert.deepEqual(keys(40, 'running'), ['id', 'user', 'client']);
});

test('a column the filter names outlasts the others but the sorted one: under running>=0 beside the pane, Running stays and Idle goes (QA)', () => {
	assert.deepEqual(parseFilter('!user:app idle>60 sql:x host:10. "a:b" plain').named, ['user', 'idle', 'statement', 'host']);
	assert.equal(parseFilter('app').named, undefined);
	assert.equal(parseFilter('idle:5 user>x').named, undefined, 'mistakes, named beside the prompt, that keep no column (review)');
	assert.deepEqual(filteredColumns(parseFilter('host:10. client:4000')), ['client', 'client']);
	const widest = {user: 11, client: 17, statement: 60, server: 7, memory: 4, io: 2};
	const keys = (width: number, filter: string, sorted?: SortKey) =>
		layoutColumns(width, 7, 0, [], 'service-state', widest, [...defaultColumns, 'running', 'statement'], sorted, filteredColumns(parseFilter(filter))).map((column) => column.key);
	// The list beside the pane at 120 columns, as the screen had it.
	assert.deepEqual(keys(66, ''), ['id', 'user', 'client', 'idle', 'statement']);
	assert.deepEqual(keys(66, 'running>=0'), ['id', 'user', 'client', 'running', 'statement']);
	// A figure the list would drop first stays when filtered by.
	assert.ok(!keys(80, '').includes('server'));
	assert.ok(keys(80, 'server:server3').includes('server'), keys(80, 'server:server3').join(' '));
	assert.ok(keys(80, 'memory>64K').includes('memory'));
	// The sorted column still goes last but who and from where.
	assert.deepEqual(keys(40, 'server:server3', 'memory'), ['id', 'user', 'client']);
	assert.deepEqual(keys(48, 'server:server3', 'memory'), ['id', 'user', 'client', 'memory']);
});
