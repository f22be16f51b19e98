import assert from 'node:assert/strict';
import {test} from 'node:test';
import {numericId, rowOrder} from '../../source/model/row-order.js';
import type {Session} from '../../source/model/session.js';
import {comparator, sortKeys} from '../../source/model/sort.js';
import {session} from '../helpers/sessions.js';

// Ids MaxScale gives and odd ones; values with ties and unknowns.
function sessions(): Session[] {
	const ids = ['1', '2', '10', '9', '007', '123456789012345678', 'abc', '', '1e3', '-4', '3.5', '42', '43', '44', '45'];
	return ids.flatMap((id, i) => [0, 1].map((copy) => session(id, {
		key: `${id}#${copy}`,
		user: i % 4 === 0 ? undefined : `user${i % 3}`,
		remote: i % 5 === 0 ? undefined : `10.0.0.${i % 2}`,
		state: i % 3 === 0 ? 'Session started' : 'Session ready for routing',
		host: `h${(i + copy) % 2}`,
		// Fractions as MaxScale sends them, and an overflowing number (JSON's 1e999).
		ageSeconds: i % 6 === 0 ? undefined : i === 5 ? Number.POSITIVE_INFINITY : ((i * copy) % 4) + 0.1,
		idleSeconds: i % 7 === 0 ? undefined : (i % 3) + (copy * 0.25),
		memoryBytes: (i * 37) % 5,
		ioActivity: i % 2 === 0 ? undefined : i,
	})));
}

test('positions sort exactly as sort.ts orders the sessions, for every key and direction', () => {
	for (const key of sortKeys) {
		for (const descending of [false, true]) {
			const sort = {key, descending};
			const all = sessions();
			const expected = [...all].sort(comparator(sort)).map((s) => s.key);
			const order = rowOrder(sort, (position) => all[position]!, all.length);
			const positions = all.map((_, position) => position);
			for (const position of positions) {
				order.read(position);
			}

			const actual = positions.sort(order.compare).map((position) => all[position]!.key);
			assert.deepEqual(actual, expected, `${key} ${descending ? 'descending' : 'ascending'}`);
		}
	}
});

test('numericId: all digits as a number, anything else NaN', () => {
	assert.equal(numericId('42'), 42);
	assert.equal(numericId('007'), 7);
	assert.equal(numericId('123456789012345678'), 123_456_789_012_345_680);
	for (const id of ['', 'abc', '1e3', '-4', '3.5', '4 ']) {
		assert.ok(Number.isNaN(numericId(id)), id);
	}
});

test('by client, an IPv4 client of a dual-stack listener sorts as the IPv4 address the column shows', () => {
	const remotes = ['192.168.0.7', '::ffff:10.0.0.5', '2001:db8::1', '::FFFF:172.16.0.1', '10.0.0.9'];
	const all = remotes.map((remote, i) => session(i + 1, {remote}));
	const sort = {key: 'client', descending: false} as const;
	const expected = ['::ffff:10.0.0.5', '10.0.0.9', '::FFFF:172.16.0.1', '192.168.0.7', '2001:db8::1'];
	assert.deepEqual([...all].sort(comparator(sort)).map((s) => s.remote), expected);
	const order = rowOrder(sort, (position) => all[position]!, all.length);
	const positions = all.map((_, position) => position);
	for (const position of positions) {
		order.read(position);
	}

	assert.deepEqual(positions.sort(order.compare).map((position) => all[position]!.remote), expected);
});

test('every sort key orders by its own column, written out by hand: a key reading another column is caught', () => {
	// Each column's values run in a different order, so that a key sorting by another column
	// gives another list; unknown values (undefined) go last whichever way, ties by id.
	const list: Session[] = [
		session(1, {user: 'carol', remote: '10.0.0.3', service: 'B', state: 'Session started', ageSeconds: 30, idleSeconds: 5, memoryBytes: 300, ioActivity: 1, host: 'mx2', servers: 'db2', statement: 'UPDATE t SET a = 1', statementRunning: true, statementSeconds: 40}),
		session(2, {user: 'alice', remote: '10.0.0.9', service: 'C', state: 'Session created', ageSeconds: 10, idleSeconds: 50, memoryBytes: 100, ioActivity: 7, host: 'mx3', servers: 'db1', statement: ''}),
		session(3, {user: 'bob', remote: '10.0.0.1', service: 'A', state: 'Stopping session', ageSeconds: 20, idleSeconds: 0.5, memoryBytes: 200, ioActivity: undefined, host: 'mx1', servers: 'db3', statement: 'COMMIT', statementRunning: true, statementSeconds: 5}),
		session(4, {user: undefined, remote: undefined, service: '', state: 'Session ready for routing', ageSeconds: undefined, idleSeconds: undefined, memoryBytes: undefined, ioActivity: 3, host: 'mx0', servers: '', statement: 'SELECT SLEEP(900)', statementRunning: true, statementSeconds: 900}),
	];
	const expected: Record<(typeof sortKeys)[number], string[]> = {
		id: ['1', '2', '3', '4'],
		user: ['2', '3', '1', '4'],
		client: ['3', '1', '2', '4'],
		service: ['3', '1', '2', '4'],
		server: ['2', '1', '3', '4'],
		state: ['2', '4', '1', '3'],
		age: ['2', '3', '1', '4'],
		idle: ['3', '1', '2', '4'],
		memory: ['2', '3', '1', '4'],
		io: ['1', '4', '2', '3'],
		maxscale: ['4', '3', '1', '2'],
		// None running sorts last, as unknown.
		running: ['3', '1', '4', '2'],
		// None retained ('') sorts last, as unknown.
		statement: ['3', '4', '1', '2'],
	};
	for (const key of sortKeys) {
		const ascending = [...list].sort(comparator({key, descending: false})).map((s) => s.id);
		assert.deepEqual(ascending, expected[key], `${key} ascending`);
		const order = rowOrder({key, descending: false}, (position) => list[position]!, list.length);
		const positions = list.map((_, position) => position);
		for (const position of positions) {
			order.read(position);
		}

		assert.deepEqual(positions.sort(order.compare).map((position) => list[position]!.id), expected[key], `${key} ascending, by positions`);
	}
});

test('by client, addresses by their numbers and then ports by theirs: 10.0.0.9 before 10.0.0.10, :4000 before :35000 (QA)', () => {
	const clients: Array<[string, number]> = [['fd12:3456:789a:1::21', 3306], ['10.0.0.10', 1000], ['2001:db8:4006:812::200e', 5000], ['10.0.0.9', 45_267], ['::1', 4000], ['10.0.0.9', 34_714], ['10.0.0.9', 4000], ['::ffff:10.0.0.9', 36_837], ['2001:DB8:4006:812:0:0:0:200e', 4000]];
	const all = clients.map(([remote, port], i) => session(i + 1, {remote, port}));
	const sort = {key: 'client', descending: false} as const;
	// IPv6 after IPv4, by its bits: written long or short, one address (QA: as text ::1 came between the others).
	const expected = ['10.0.0.9:4000', '10.0.0.9:34714', '::ffff:10.0.0.9:36837', '10.0.0.9:45267', '10.0.0.10:1000', '::1:4000', '2001:DB8:4006:812:0:0:0:200e:4000', '2001:db8:4006:812::200e:5000', 'fd12:3456:789a:1::21:3306'];
	const shown = (s: Session) => `${s.remote}:${s.port}`;
	assert.deepEqual([...all].sort(comparator(sort)).map((s) => shown(s)), expected);
	const order = rowOrder(sort, (position) => all[position]!, all.length);
	const positions = all.map((_, position) => position);
	for (const position of positions) {
		order.read(position);
	}

	assert.deepEqual(positions.sort(order.compare).map((position) => shown(all[position]!)), expected);
});
