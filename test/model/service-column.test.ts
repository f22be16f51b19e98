// The Service column (flat view only) and the sort by service.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {readSession} from '../../source/api/read-sessions.js';
import {cellText, columnText, fitCell} from '../../source/model/cells.js';
import {hasColumn, layoutColumns, naturalWidth, type Column} from '../../source/model/columns.js';
import {rowOrder} from '../../source/model/row-order.js';
import {buildRows, isSessionRow} from '../../source/model/rows.js';
import {groupings, type Grouping} from '../../source/model/groups.js';
import type {Session} from '../../source/model/session.js';
import {comparator, sortKeys, type Sort} from '../../source/model/sort.js';
import {titleRow} from '../../source/model/title-row.js';
import {session} from '../helpers/sessions.js';
import {start, type} from '../helpers/state.js';

const sessionOf = (id: number) => session(id, {service: `s${id}`});

const flat = (width: number, idWidth = 7, maxscaleWidth = 0, hosts: readonly string[] = []) => layoutColumns(width, idWidth, maxscaleWidth, hosts, 'flat');
const keysOf = (columns: readonly Column[]) => columns.map((column) => column.key);
const widthsOf = (columns: readonly Column[]) => Object.fromEntries(columns.map((column) => [column.key, column.width]));
const rowWidth = (columns: readonly Column[]) => columns.reduce((sum, column) => sum + column.width + 1, 1);

test('the Service column is in the list unless grouped by service: then the group rows name the service', () => {
	for (const grouping of groupings) {
		const shown = grouping !== 'service-state' && grouping !== 'service';
		for (const width of [80, 120, 200]) {
			const keys = keysOf(layoutColumns(width, 7, 0, [], grouping));
			assert.equal(keys.includes('service'), shown, `${grouping} at ${width}: ${keys.join(' ')}`);
		}

		assert.equal(hasColumn('service', false, grouping), shown);
		assert.equal(hasColumn('service', true, grouping), shown);
	}

	// The grouped views' columns are what they were: no room taken from them.
	assert.deepEqual(layoutColumns(80, 7, 0, [], 'service-state'), layoutColumns(80, 7));
	assert.deepEqual(layoutColumns(200, 7, 0, [], 'service'), layoutColumns(200, 7));
	// The pane gets what the flat list cannot use: the Service column's room less.
	assert.equal(naturalWidth(7, 0, 'flat'), naturalWidth(7, 0, 'service-state') + 22 + 1);
});

test('flat at 200 columns: every column at its widest, Service after Client and before State', () => {
	const columns = flat(200);
	assert.deepEqual(keysOf(columns), ['id', 'user', 'client', 'service', 'state', 'age', 'idle', 'memory', 'io']);
	assert.equal(columns.find((column) => column.key === 'service')?.title, 'Service');
	assert.deepEqual(widthsOf(columns), {id: 8, user: 20, client: 26, service: 22, state: 8, age: 6, idle: 6, memory: 6, io: 5});
	assert.match(titleRow(columns, {key: 'id', descending: false}, 200), /^ {7}▲Id User {17}Client {21}Service {16}State/);
});

test('flat at 80 columns: Id, User, Client and Service stay; I/O goes first', () => {
	for (const idWidth of [6, 7]) {
		const columns = flat(80, idWidth);
		assert.deepEqual(keysOf(columns), ['id', 'user', 'client', 'service', 'state', 'age', 'idle', 'memory'], `ids ${idWidth} wide`);
		assert.ok(rowWidth(columns) <= 80, `ids ${idWidth} wide: ${rowWidth(columns)}`);
		assert.ok(widthsOf(columns)['service']! >= 10);
	}

	// 100 columns (the screen tests' terminal): room for the usual names whole.
	const hundred = widthsOf(flat(100));
	assert.equal(hundred['service'], 17);
	assert.equal(hundred['client'], 22, 'Client still gets its full IPv4:port first');
});

/** The order in which columns leave as the list narrows from 200 columns to 20. */
function leavingOrder(layout: (width: number) => Column[]): string[] {
	const gone: string[] = [];
	let before = keysOf(layout(200));
	for (let width = 199; width >= 20; width--) {
		const now = keysOf(layout(width));
		assert.ok(rowWidth(layout(width)) <= width || now.length === 2, `${width}: ${rowWidth(layout(width))}`);
		gone.push(...before.filter((key) => !now.includes(key)));
		before = now;
	}

	return gone;
}

test('flat, columns leave in order as the list narrows: Service after the times, before Client', () => {
	assert.deepEqual(leavingOrder((width) => flat(width)), ['io', 'memory', 'state', 'age', 'idle', 'service', 'client']);
	assert.deepEqual(keysOf(flat(50)), ['id', 'user', 'client', 'service']);
	// Several MaxScales: the MaxScale (half of a session's identity) outlasts the service.
	const hosts = ['mx1.example.com:8989', 'mx2.example.com:8989'];
	assert.deepEqual(leavingOrder((width) => flat(width, 7, 20, hosts)), ['io', 'memory', 'state', 'age', 'idle', 'service', 'maxscale', 'client']);
});

test('a service cell: the name, (no service) for none, cut at its end with …', () => {
	const service = flat(80).find((column) => column.key === 'service')!;
	assert.equal(service.width, 10);
	assert.equal(cellText(session(1, {service: 'RW-Split-Router'}), 'service'), 'RW-Split-Router');
	assert.equal(cellText(session(1, {service: ''}), 'service'), '(no service)');
	assert.equal(fitCell(columnText(session(1, {service: 'Analytics-Service'}), service), service), 'Analytics…');
	assert.equal(fitCell(columnText(session(1, {service: 'ro'}), service), service), 'ro        ');
	// In terminal cells: two for a CJK character, cut whole.
	const cells = (text: string) => [...text].reduce((sum, character) => sum + (/[\u3000-\u9FFF]/.test(character) ? 2 : 1), 0);
	assert.equal(fitCell('分析服务读写分离', service, cells), '分析服务… ');
});

test('a service name from the server reaches the cell sanitized, as a user name does', () => {
	const document = {
		id: '7',
		type: 'sessions',
		attributes: {user: 'u\u001B[2Jx', state: 'Session started'},
		relationships: {services: {data: [{id: 'svc\u001B]52;c;bad\u0007\u202Eevil', type: 'services'}]}},
	};
	const read = readSession(document, Date.now());
	assert.ok(read);
	const shown = cellText(read, 'service');
	// eslint-disable-next-line no-control-regex
	assert.doesNotMatch(shown, /[\u0000-\u001F\u007F-\u009F\u202E]/);
	assert.match(shown, /^svc\uFFFD\]52;c;bad\uFFFD\uFFFDevil$/);
});

// Services with ties (sorted apart by id, numerically), one session with none, two MaxScales.
const sessions: Session[] = [
	session(10, {service: 'RW-Split-Router', host: 'b'}),
	session(2, {service: 'RW-Split-Router', host: 'b'}),
	session(3, {service: ''}),
	session(7, {service: 'Analytics-Service'}),
	session(2, {key: 'a#2', service: 'RW-Split-Router', host: 'a'}),
	session(1, {service: 'Sharded-Service'}),
	session(5, {service: 'Analytics-Service'}),
	session(4, {service: 'Read-Connection-Router'}),
];
const order = (sort: Sort) => [...sessions].sort(comparator(sort)).map((s) => `${s.service || '-'} ${s.id}${s.host}`);

test('sorting by service: A→Z by name, then the id, then the MaxScale; no service last either way', () => {
	assert.ok(sortKeys.includes('service'));
	assert.deepEqual(sortKeys.slice(0, 6), ['id', 'user', 'client', 'service', 'server', 'state'], '> steps from Client to Service to Server (when shown) to State');
	assert.deepEqual(order({key: 'service', descending: false}), [
		'Analytics-Service 5',
		'Analytics-Service 7',
		'RW-Split-Router 2a',
		'RW-Split-Router 2b',
		'RW-Split-Router 10b',
		'Read-Connection-Router 4',
		'Sharded-Service 1',
		'- 3',
	]);
	assert.deepEqual(order({key: 'service', descending: true}), [
		'Sharded-Service 1',
		'Read-Connection-Router 4',
		'RW-Split-Router 2a',
		'RW-Split-Router 2b',
		'RW-Split-Router 10b',
		'Analytics-Service 5',
		'Analytics-Service 7',
		'- 3',
	]);
});

test('the list sorts by service as the comparator does, at 100k speed (positions), and shows it in the title', () => {
	for (const descending of [false, true]) {
		const sort: Sort = {key: 'service', descending};
		const expected = [...sessions].sort(comparator(sort)).map((s) => s.key);
		const positions = rowOrder(sort, (position) => sessions[position]!, sessions.length);
		const indexes = sessions.map((_, index) => index);
		for (const index of indexes) {
			positions.read(index);
		}

		assert.deepEqual(indexes.sort(positions.compare).map((index) => sessions[index]!.key), expected);
		const grouping: Grouping = 'flat';
		assert.deepEqual(buildRows(sessions, {grouping, sort}).filter(isSessionRow).map((s) => s.key), expected);
		assert.match(titleRow(flat(120), sort, 120), descending ? /Service▼/ : /Service▲/);
	}
});

test('flat, a sorted heading keeps every title whole and in place at every width, the arrow beside Service', () => {
	const hosts = ['mx1.example.com:8989', 'mx2.example.com:8989'];
	for (let width = 40; width <= 200; width++) {
		for (const [idWidth, maxscaleWidth] of [[4, 0], [7, 0], [12, 0], [7, 20]] as const) {
			const columns = flat(width, idWidth, maxscaleWidth, maxscaleWidth > 0 ? hosts : []);
			const index = columns.findIndex((column) => column.key === 'service');
			if (index === -1) {
				continue;
			}

			const plain = titleRow(columns, {key: 'none' as Sort['key'], descending: false}, width);
			const start = columns.slice(0, index).reduce((sum, column) => sum + column.width + 1, 2);
			for (const descending of [false, true]) {
				const arrow = descending ? '▼' : '▲';
				const row = titleRow(columns, {key: 'service', descending}, width);
				const what = `${width} cells, ids ${idWidth}, MaxScale ${maxscaleWidth}: ${JSON.stringify(row)}`;
				assert.ok(row.length <= width, what);
				assert.equal(row.replace(arrow, ' ').trimEnd(), plain.trimEnd(), what);
				assert.equal(row.indexOf(`Service${arrow}`), start, what);
			}
		}
	}
});

test('> and < step through the columns the list shows: service only in flat view, and on from it once grouped', () => {
	const sessions = [1, 2, 3].map((id) => sessionOf(id));
	let state = start(sessions);
	state = type(state, '>', '>', '>');
	assert.equal(state.sort.key, 'state', 'grouped: client, then state (no Service column to sort by)');
	state = type(state, 't', 't', 't', 't');
	assert.equal(state.grouping, 'flat');
	state = type(state, '<');
	assert.equal(state.sort.key, 'service', 'flat: the Service column is one of them');
	state = type(state, 't', '>');
	assert.equal(state.sort.key, 'state', 'grouped again, from service: the next shown column');
	state = type(state, '<', '<');
	assert.equal(state.sort.key, 'user');
});
