// Columns grow no wider than their longest text: a list of short IPv4 clients leaves the
// room to its long user names (QA: `airflow_e…` at 80 columns beside a Client column with
// spare cells).

import assert from 'node:assert/strict';
import {test} from 'node:test';
import fc from 'fast-check';
import {layoutColumns, naturalWidth} from '../../source/model/columns.js';
import {formatClient} from '../../source/model/format.js';
import {cellsAtLeast, clientLength, summarizeSteps} from '../../source/model/summary.js';
import {cellWidth} from '../../source/ui/cell-width.js';
import {finish} from '../../source/model/steps.js';
import {layoutFor} from '../../source/ui/layout.js';
import {session} from '../helpers/sessions.js';
import {start} from '../helpers/state.js';

const widthOf = (columns: ReturnType<typeof layoutColumns>, key: string) => columns.find((column) => column.key === key)?.width;

test('at 80 columns, a Client column capped at its longest client gives User the rest', () => {
	const plain = layoutColumns(80, 7);
	const capped = layoutColumns(80, 7, 0, [], 'service-state', {client: 19, user: 27});
	assert.equal(widthOf(capped, 'client'), 19);
	assert.equal(widthOf(capped, 'user')! - widthOf(plain, 'user')!, widthOf(plain, 'client')! - 19, 'every cell Client did not need');
	// Short texts: each column is as wide as its longest, under its usual minimum too (clients
	// without ports on 2.2); the row is narrower, the pane may take the rest.
	const short = layoutColumns(200, 7, 0, [], 'flat', {client: 14, user: 6, service: 9});
	assert.deepEqual([widthOf(short, 'user'), widthOf(short, 'client'), widthOf(short, 'service')], [6, 14, 9], 'each as wide as its longest text');
	// Never narrower than its title and the sort arrow.
	assert.equal(widthOf(layoutColumns(200, 7, 0, [], 'flat', {user: 2}), 'user'), 5);
	assert.ok(naturalWidth(7, 0, 'flat', {client: 14, user: 6, service: 9}) < naturalWidth(7, 0, 'flat'));
});

test("clientLength is the Client column's text length, whatever the address", () => {
	const address = fc.oneof(
		fc.ipV4(),
		fc.ipV4().map((ip) => `::ffff:${ip}`),
		fc.ipV6(),
		fc.constantFrom('localhost', '::1', '::ffff:999.1.1.1', '::FFFF:10.0.0.1', '::ffff:1.2.3', '::ffff:1.2.3.4.5', '::ffff:01.2.3.4', '::ffff:1..3.4', '::ffff:1.2.3.4x'),
	);
	fc.assert(
		fc.property(fc.option(address, {nil: undefined}), fc.option(fc.integer({min: 0, max: 65_535}), {nil: undefined}), (remote, port) => {
			assert.equal(clientLength(remote, port), formatClient(remote, port).length);
		}),
	);
});

test('the summary holds the longest user, client, service and servers of the list', () => {
	const summary = finish(
		summarizeSteps([
			session(1, {user: 'app', remote: '::ffff:10.0.1.32', port: 4000, service: 'RW-Split-Router'}),
			session(2, {user: 'airflow_etl_batch_user_prod', remote: '10.0.0.1', port: 5, service: '', servers: 'server1,server2', ioActivity: 0}),
		]),
	);
	// Memory: no session has it; I/O: one has (0 is a value); idle: none (MaxScale 2.1's lists).
	assert.deepEqual(summary.widest, {user: 27, client: 14, service: 15, server: 15, memory: 0, io: 1, statement: 0, idleTimes: 0}, '10.0.1.32:4000: the IPv4 of a mapped address');
	assert.equal(finish(summarizeSteps([session(1, {idleSeconds: 0})])).widest.idleTimes, 1, '0 s is an idle time');
	assert.equal(finish(summarizeSteps([])).widest.idleTimes, 1, 'no session: nothing says idle times are missing');
});

test('the screen lays its columns out by the list it shows: long users beside short clients get the room', () => {
	const list = [session(1, {user: 'airflow_etl_batch_user_prod', remote: '10.0.0.1', port: 4000}), session(2, {user: 'app', remote: '10.0.0.2', port: 4001})];
	const layout = layoutFor(start(list), {columns: 80, rows: 24}, 7);
	assert.equal(widthOf(layout.tableColumns, 'client'), 13, '10.0.0.1:4000 and no more');
	assert.ok(widthOf(layout.tableColumns, 'user')! > widthOf(layoutColumns(80, 7), 'user')!, 'User takes what Client did not need');
});

test('a name in wide characters is never counted narrower than the terminal draws it', () => {
	fc.assert(
		fc.property(fc.array(fc.oneof(fc.constantFrom('a', 'ü', '😀', '東', '京', 'é', '\u0301', 'ｱ'), fc.string({unit: 'grapheme', maxLength: 2}))).map((parts) => parts.join('')), (text) => {
			assert.ok(cellsAtLeast(text) >= cellWidth(text), JSON.stringify(text));
		}),
	);
	// ASCII exactly: the usual names are not over-counted.
	assert.equal(cellsAtLeast('airflow_etl_batch_user_prod'), 27);
});

test('on a wide terminal the names grow past their usual widths to their longest text, and no further', () => {
	const long = 'airflow_etl_batch_user_prod';
	const list = [session(1, {user: long, remote: '::ffff:192.168.40.17', port: 60_464}), session(2, {user: 'app', remote: '10.0.0.2', port: 4001})];
	// 120 columns: the usual widths leave ~26 cells over; the user takes the 7 it needs.
	const layout = layoutFor(start(list), {columns: 120, rows: 40}, 7);
	assert.equal(widthOf(layout.tableColumns, 'user'), long.length, 'the whole name, not `airflow_etl_batch_u…`');
	// Without a list (no widest known) nothing grows past the usual widths.
	assert.equal(widthOf(layoutColumns(300, 7), 'user'), 20);
	// A name longer than any terminal leaves room for is still cut, at 48 cells.
	assert.equal(widthOf(layoutColumns(300, 7, 0, [], 'flat', {user: 200, client: 20, service: 60}), 'user'), 48);
	assert.equal(widthOf(layoutColumns(300, 7, 0, [], 'flat', {user: 200, client: 20, service: 60}), 'service'), 48);
	// Several MaxScales with long names: the MaxScale column holds them whole.
	const hosts = ['maxscale-prod-eu-west-1a.internal:8989', 'maxscale-prod-eu-west-1b.internal:8989'];
	const maxscale = layoutColumns(200, 7, hosts[0]!.length, hosts, 'service-state', {user: 10, client: 20, service: 15}).find((c) => c.key === 'maxscale')!;
	assert.equal(maxscale.width, hosts[0]!.length);
	assert.equal(maxscale.labels, undefined, 'no shortened labels when the names fit');
});
