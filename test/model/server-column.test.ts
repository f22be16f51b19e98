// The Server column: where each session is routed (`connections[].server`, 2.3+), read from
// every version's documents, shown when the list says it and there is room, cut so that
// several backends still read as several, sorted and filtered by.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {test} from 'node:test';
import {enableLinearRegExp} from '../../source/linear-regexp.js';
import {readSessionList} from '../../source/api/read-sessions.js';
import {fitCell} from '../../source/model/cells.js';
import fc from 'fast-check';
import {hasColumn, layoutColumns, naturalWidth, type Column} from '../../source/model/columns.js';
import {groupings} from '../../source/model/groups.js';
import {parseFilter} from '../../source/model/filter.js';
import {serversText} from '../../source/model/format.js';
import {comparator} from '../../source/model/sort.js';
import {finish} from '../../source/model/steps.js';
import {summarizeSteps} from '../../source/model/summary.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

// The filter's regex terms run on V8's linear-time engine, as the app turns it on at its start.
enableLinearRegExp();

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../../shared/fixtures/maxscale/${name}`, import.meta.url), 'utf8'));
const keysOf = (columns: readonly Column[]) => columns.map((column) => column.key);
const serverColumn = (width: number): Column => ({key: 'server', title: 'Server', width, align: 'left'});

test('the servers of every version: joined in MaxScale order from 2.3, unknown before', () => {
	const read = (name: string) => {
		const list = readSessionList(fixture(name), Date.now());
		assert.ok(list.ok, name);
		return list.list.sessions.map((one) => one.servers);
	};

	// 22.08's list: one session on server1 and server2, in that order.
	assert.ok(read('v22.08-sessions-list.json').includes('server1,server2'));
	for (const name of ['v2.5-sessions-list.json', 'v6-sessions-list.json', 'v23-sessions-list.json', 'v24-sessions-list.json']) {
		const servers = read(name);
		assert.ok(servers.length > 0 && servers.every((one) => typeof one === 'string' && one !== ''), `${name}: ${JSON.stringify(servers)}`);
	}

	// 2.2 and the 2.1 seed say nothing of backends: unknown, not "none".
	for (const name of ['v2.2-sessions-list.json', 'seed-2.1-sessions-list.json']) {
		assert.ok(read(name).every((one) => one === undefined), name);
	}
});

test('the cell: ? unknown, (none) for no backend, names cut so that several still read as several', () => {
	assert.equal(serversText(undefined), '?');
	assert.equal(serversText(''), '(none)');
	assert.equal(serversText('server1,server3'), 'server1,server3');
	assert.equal(fitCell('server1,server2,server3', serverColumn(23)), 'server1,server2,server3');
	assert.equal(fitCell('server1,server2,server3', serverColumn(22)), 'server1,server2+1     ');
	assert.equal(fitCell('server1,server2,server3', serverColumn(16)), 'server1+2       ');
	assert.equal(fitCell('server1,server2,server3', serverColumn(8)), 'serve…+2');
	// One name too long is cut as any text is.
	assert.equal(fitCell('db-primary-eu-west-1', serverColumn(8)), 'db-prim…');
});

test('the column comes when a session of the list says its servers, and only while User and Client keep room', () => {
	const widest = (server: number) => ({user: 12, client: 20, service: 15, server});
	assert.equal(hasColumn('server', false, 'service-state', widest(7)), true);
	assert.equal(hasColumn('server', false, 'service-state', widest(0)), false, 'before 2.3: no column of question marks');
	assert.equal(hasColumn('server', false, 'service-state'), false, 'no list yet');

	// At 80 columns it would cut User and Client to their minimums: the old layout stays.
	assert.deepEqual(keysOf(layoutColumns(80, 7, 0, [], 'service-state', widest(7))), keysOf(layoutColumns(80, 7, 0, [], 'service-state', widest(0))));
	assert.deepEqual(keysOf(layoutColumns(80, 7, 0, [], 'flat', widest(7))), ['id', 'user', 'client', 'service', 'state', 'age', 'idle', 'memory']);
	// From about 90, after Client (or Service), before State.
	const wide = layoutColumns(90, 7, 0, [], 'service-state', widest(7));
	assert.deepEqual(keysOf(wide), ['id', 'user', 'client', 'server', 'state', 'age', 'idle', 'memory', 'io']);
	assert.ok(wide.reduce((sum, column) => sum + column.width + 1, 1) <= 90);
	assert.deepEqual(keysOf(layoutColumns(120, 7, 0, [], 'flat', widest(7))), ['id', 'user', 'client', 'service', 'server', 'state', 'age', 'idle', 'memory', 'io']);
	// Several backends grow it to their length, once the names have theirs.
	const roomy = layoutColumns(200, 7, 0, [], 'service-state', widest(23));
	assert.equal(roomy.find((column) => column.key === 'server')?.width, 23);
});

test('short names leave no room to keep: Server stays wherever the list has nothing wider to show', () => {
	// QA: with User and Client at their floors, a fixed 8 cells of room dropped Server from a
	// list exactly as wide as it needed (the pane takes the rest: naturalWidth), room for nothing.
	const short = {user: 5, client: 12, service: 10, server: 7};
	assert.ok(keysOf(layoutColumns(naturalWidth(6, 0, 'service-state', short), 6, 0, [], 'service-state', short)).includes('server'));
	fc.assert(
		fc.property(
			fc.record({user: fc.integer({min: 1, max: 60}), client: fc.integer({min: 1, max: 60}), service: fc.integer({min: 1, max: 60}), server: fc.integer({min: 1, max: 60})}),
			fc.constantFrom(...groupings),
			fc.integer({min: 1, max: 9}),
			(widest, grouping, idWidth) => {
				const everything = keysOf(layoutColumns(10_000, idWidth, 0, [], grouping, widest));
				const natural = naturalWidth(idWidth, 0, grouping, widest);
				assert.deepEqual(keysOf(layoutColumns(natural, idWidth, 0, [], grouping, widest)), everything, `at its natural width ${natural}`);
			},
		),
	);
});

test('the summary measures the servers only where they are said', () => {
	const widestServer = (sessions: ReturnType<typeof session>[]) => finish(summarizeSteps(sessions)).widest.server;
	assert.equal(widestServer([session(1), session(2)]), 0);
	assert.equal(widestServer([session(1, {servers: ''}), session(2)]), '(none)'.length);
	assert.equal(widestServer([session(1, {servers: 'server1,server2'}), session(2, {servers: 'server1'})]), 15);
});

test('sorted by server: by the names as the column writes them, unknown and none last either way', () => {
	const sessions = [session(1, {servers: 'server2'}), session(2), session(3, {servers: ''}), session(4, {servers: 'server1,server3'}), session(5, {servers: 'server1'})];
	const order = (descending: boolean) => sessions.toSorted(comparator({key: 'server', descending})).map((one) => Number(one.id));
	assert.deepEqual(order(false), [5, 4, 1, 2, 3]);
	assert.deepEqual(order(true), [1, 4, 5, 2, 3]);
});

test('> steps the sort to Server after Service only when the column is there', () => {
	const on = start([session(1, {servers: 'server1'}), session(2, {servers: 'server2'})], {grouping: 'flat'});
	assert.equal(type(on, '>', '>', '>', '>').sort.key, 'server');
	assert.equal(type(on, '>', '>', '>', '>', '>').sort.key, 'state');
	const old = start([session(1), session(2)], {grouping: 'flat'});
	assert.equal(type(old, '>', '>', '>', '>').sort.key, 'state', 'before 2.3 there is no Server column to sort by');
});

test('server:name finds the sessions on that backend, with others or alone; plain text finds it too', () => {
	const sessions = [session(1, {servers: 'server1'}), session(2, {servers: 'server1,server2'}), session(3, {servers: ''}), session(4)];
	const kept = (text: string) => {
		const filter = parseFilter(text);
		assert.equal(filter.error, undefined, text);
		return sessions.filter((one) => filter.test?.(one) ?? true).map((one) => Number(one.id));
	};

	assert.deepEqual(kept('server:server2'), [2]);
	assert.deepEqual(kept('server:server1'), [1, 2]);
	// A session whose MaxScale does not say (before 2.3) matches neither, as a NULL in SQL (as !io>0).
	assert.deepEqual(kept('!server:server1'), [3]);
	assert.deepEqual(kept('server:/^server1$/'), [1]);
	assert.deepEqual(kept('server2'), [2]);
	// As the column writes it: `(none)` for a session on no backend yet; nothing for one that does not say.
	assert.deepEqual(kept('server:none'), [3]);
	assert.deepEqual(kept('server:?'), []);
});
