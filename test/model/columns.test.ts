import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cellText, columnText, fitCell} from '../../source/model/cells.js';
import {gutter, layoutColumns, type Column} from '../../source/model/columns.js';
import {titleRow} from '../../source/model/title-row.js';
import {formatBytes, formatClient, formatDuration} from '../../source/model/format.js';
import type {SortKey} from '../../source/model/sort.js';
import {session} from '../helpers/sessions.js';

const keys = (width: number) => layoutColumns(width).map((c) => c.key);
const total = (width: number) => layoutColumns(width).reduce((sum, c) => sum + c.width + 1, 1);

test('all columns at 120 and 80, fitting the width', () => {
	assert.deepEqual(keys(120), ['id', 'user', 'client', 'state', 'age', 'idle', 'memory', 'io']);
	assert.deepEqual(keys(80), ['id', 'user', 'client', 'state', 'age', 'idle', 'memory', 'io']);
	for (const width of [200, 120, 80, 60, 40, 30]) {
		assert.ok(total(width) <= width, `${width}: ${total(width)}`);
	}
});

test('columns leave in order as the terminal narrows: I/O, Memory, State, Age, Idle', () => {
	assert.deepEqual(keys(60), ['id', 'user', 'client', 'state', 'age', 'idle']);
	assert.deepEqual(keys(50), ['id', 'user', 'client', 'age', 'idle']);
	assert.deepEqual(keys(41), ['id', 'user', 'client', 'idle']);
	assert.deepEqual(keys(34), ['id', 'user', 'client']);
	assert.deepEqual(keys(33), ['id', 'user']);
	assert.deepEqual(keys(20), ['id', 'user']);
});

test('cells show unknown as ? (a user not yet logged in as (no user)), and fit their column', () => {
	// Nothing reported, as MaxScale 2.1 reports its sessions: every cell `?`, the user too.
	const bare = session(7, {state: ''});
	const columns = layoutColumns(120);
	for (const column of columns) {
		const cell = fitCell(cellText(bare, column.key), column);
		assert.equal(cell.length, column.width);
		if (column.key !== 'id') {
			assert.equal(cell.trim(), '?');
		}
	}

	// A session with its client's address and no user is one not logged in yet, whatever the version: said so, not `?`.
	assert.equal(cellText(session(8, {remote: '10.0.0.1', port: 4000}), 'user'), '(no user)');

	const id = columns[0];
	assert.ok(id);
	assert.equal(fitCell('123456789012', id), `…${'123456789012'.slice(-(id.width - 1))}`);
});

test('formats', () => {
	assert.equal(formatDuration(59.9), '59s');
	assert.equal(formatDuration(425), '7m05s');
	assert.equal(formatDuration(3 * 3600 + 12 * 60), '3h12m');
	assert.equal(formatDuration(5 * 86_400 + 4 * 3600), '5d04h');
	assert.equal(formatDuration(undefined), '?');
	assert.equal(formatBytes(512), '512B');
	assert.equal(formatBytes(67_337), '66K');
	assert.equal(formatBytes(1.5 * 1024 * 1024), '1.5M');
	assert.equal(formatClient('::ffff:127.0.0.1', 4000), '127.0.0.1:4000');
	assert.equal(formatClient('10.0.0.1', 4000), '10.0.0.1:4000');
	assert.equal(formatClient('10.0.0.1', undefined), '10.0.0.1');
});

test('the MaxScale column appears only when several are watched, as wide as the names', () => {
	assert.ok(!keys(200).includes('maxscale'));
	const columns = layoutColumns(120, 4, 15);
	assert.ok(columns.some((c) => c.key === 'maxscale' && c.width === 15));
	assert.equal(formatDuration(1225 * 86_400 + 5 * 3600), '1225d');
	assert.equal(formatDuration(99 * 86_400 + 5 * 3600), '99d05h');
});

test('a MaxScale column too narrow for the names shows what tells them apart', () => {
	const hosts = ['127.0.0.1:7411', '127.0.0.1:7412'];
	const columns = layoutColumns(78, 7, 14, hosts);
	const narrow = columns.find((c) => c.key === 'maxscale')!;
	assert.ok(narrow.width < 14, `width ${narrow.width}`);
	const shown = hosts.map((host) => fitCell(columnText(session(1, {host}), narrow), narrow).trim());
	assert.deepEqual(shown, ['…:7411', '…:7412']);
	// Wide enough: the names as typed, and other columns untouched.
	const wide = layoutColumns(160, 7, 14, hosts).find((c) => c.key === 'maxscale')!;
	assert.equal(wide.labels, undefined);
	assert.equal(columnText(session(1, {host: hosts[0]!}), wide), hosts[0]);
	assert.equal(columnText(session(1, {host: hosts[0]!, user: 'u'}), columns.find((c) => c.key === 'user')!), 'u');
});

const clientColumn = (width: number): Column => ({key: 'client', title: 'Client', width, align: 'left'});

test('QA: a client too long for its column keeps its whole address and cuts its port; an address longer than the column keeps its port and its end, in whole groups', () => {
	assert.equal(fitCell('192.168.40.17:60464', clientColumn(18)), '192.168.40.17:…   ');
	assert.equal(fitCell('255.255.255.255:65535', clientColumn(17)), '255.255.255.255:…');
	assert.equal(fitCell('255.255.255.255:65535', clientColumn(15)), '…255.255:65535 ');
	assert.equal(fitCell('[2001:db8:85a3::8a2e:370:7334]:34567', clientColumn(26)), '…:8a2e:370:7334]:34567    ');
	assert.equal(fitCell('[2001:db8:85a3::8a2e:370:7334]:34567', clientColumn(18)), '…370:7334]:34567  ');
	assert.equal(fitCell('[fe80::1ff:fe23:4567:890a]:3306', clientColumn(30)), '[fe80::1ff:fe23:4567:890a]:…  ');
	// No port (before 6.4): an IPv6 address keeps its end all the same (QA: ::21 and ::22 both read `fd12:3456:789a:1::…`).
	assert.equal(fitCell('fd12:3456:789a:1::21', clientColumn(12)), '…789a:1::21 ');
	assert.equal(fitCell('2001:db8:4006:812::200e', clientColumn(16)), '…4006:812::200e ');
	// Fits: as it is. Not an address: cut at the end, as any text.
	assert.equal(fitCell('10.0.7.5:58582', clientColumn(22)), '10.0.7.5:58582        ');
	assert.equal(fitCell('some.host.name.example:3306', clientColumn(15)), 'some.host.name…');
	const addresses = ['192.168.140.217:60464', '10.0.7.5:58582', '[2001:db8:85a3::8a2e:370:7334]:34567', '[fe80::1ff:fe23:4567:890a]:3306', '[::ffff:172.16.30.4]:34567'];
	for (let width = 15; width <= 26; width++) {
		for (const address of addresses) {
			const cell = fitCell(address, clientColumn(width));
			assert.equal(cell.length, width, `${address} in ${width}: ${cell}`);
			const at = address.lastIndexOf(':');
			const [host, port] = [address.slice(0, at), address.slice(at)];
			const shown = cell.trim();
			if (shown === address) {
				continue;
			}

			// The whole address and a cut port, or the port and the address's end in whole groups.
			if (shown.endsWith(':…')) {
				assert.equal(shown, `${host}:…`, `${address} in ${width}: ${cell}`);
				continue;
			}

			assert.ok(shown.endsWith(port), `${address} in ${width}: ${cell}`);
			assert.ok(host.length + 2 > width, `${address} in ${width}: the address alone would fit: ${cell}`);
			const kept = shown.replace(/^…/, '');
			assert.ok(address.endsWith(kept) && /[.:[]$/.test(address.slice(0, -kept.length)), `${address} in ${width}: ${cell}`);
		}
	}
});

test('a count too long for I/O is said in units, not cut mid-digits', () => {
	const io = layoutColumns(80).find((c) => c.key === 'io')!;
	assert.equal(fitCell('99999', io), '99999');
	assert.equal(fitCell('123456', io), ' 123k');
	assert.equal(fitCell('2500000000', io), ' 2.5G');
	assert.equal(fitCell(cellText(session(1, {ioActivity: 1_234_567}), 'io'), io), ' 1.2M');
});

// Where each column starts in a row: the gutter, then the cells joined by one space.
function starts(columns: readonly Column[]): number[] {
	let at = gutter;
	return columns.map((column) => {
		const start = at;
		at += column.width + 1;
		return start;
	});
}

test('a sorted heading keeps its whole title and its arrow at every width, aligned with its cells', () => {
	const sorts: SortKey[] = ['id', 'user', 'client', 'state', 'age', 'idle', 'memory', 'io', 'maxscale'];
	const hosts = ['mx1.example.com:8989', 'mx2.example.com:8989'];
	for (let width = 60; width <= 200; width++) {
		for (const [idWidth, maxscaleWidth] of [[4, 0], [7, 0], [12, 0], [7, 20]] as const) {
			const columns = layoutColumns(width, idWidth, maxscaleWidth, maxscaleWidth > 0 ? hosts : []);
			const plain = titleRow(columns, {key: 'none' as SortKey, descending: false}, width);
			const at = starts(columns);
			// Unsorted, each title sits in its column's cells: right-aligned ones end where their cells end.
			columns.forEach((column, index) => {
				assert.equal(plain.slice(at[index], at[index]! + column.width), fitCell(column.title, column), `${width}: ${column.key}`);
			});
			for (const key of sorts.filter((key) => columns.some((c) => c.key === key))) {
				for (const descending of [false, true]) {
					const arrow = descending ? '▼' : '▲';
					const row = titleRow(columns, {key, descending}, width);
					const what = `${width} cells, id ${idWidth}, sorted by ${key}: ${JSON.stringify(row)}`;
					assert.ok(row.length <= width, what);
					assert.equal(row.split(arrow).length, 2, `one arrow: ${what}`);
					// The arrow takes a blank of the unsorted row: every title stays whole and in place.
					assert.equal(row.replace(arrow, ' ').trimEnd(), plain.trimEnd(), what);
					assert.ok(!row.includes('…'), what);
					// And it touches its title: before a right-aligned one, after a left-aligned one.
					const index = columns.findIndex((c) => c.key === key);
					const column = columns[index]!;
					const titleAt = column.align === 'right' ? at[index]! + column.width - column.title.length : at[index]!;
					assert.equal(row.indexOf(arrow), column.align === 'right' ? titleAt - 1 : titleAt + column.title.length, what);
				}
			}
		}
	}
});

test('a sorted title that fills its column puts the arrow beside it; one too long is shortened, arrow kept', () => {
	const columns = layoutColumns(80);
	assert.match(titleRow(columns, {key: 'memory', descending: true}, 80), /Idle▼Memory {3}I\/O$/);
	assert.match(titleRow(columns, {key: 'age', descending: false}, 80), / {2}▲Age/);
	const narrow: Column[] = [
		{key: 'id', title: 'Id', width: 4, align: 'right'},
		{key: 'maxscale', title: 'MaxScale', width: 8, align: 'left'},
		{key: 'user', title: 'User', width: 4, align: 'left'},
	];
	assert.equal(titleRow(narrow, {key: 'maxscale', descending: false}), '    Id MaxScale▲User');
	// The last column's arrow after it only while the row has room for it.
	assert.equal(titleRow(narrow, {key: 'user', descending: false}, 21), '    Id MaxScale User▲');
	assert.equal(titleRow(narrow, {key: 'user', descending: false}, 20), '    Id MaxScale Us…▲');
	assert.equal(titleRow([{...narrow[0]!, title: 'Identifier'}], {key: 'id', descending: true}), '  ▼Id…');
});

test('fitCell in terminal cells: wide characters are counted as two, cut whole, padded to the column', () => {
	// Two cells for CJK, one for the rest: what Ink's measure says of these.
	const cells = (text: string) => [...text].reduce((sum, character) => sum + (/[\u3000-\u9FFF]/.test(character) ? 2 : 1), 0);
	const user: Column = {key: 'user', title: 'User', width: 8, align: 'left'};
	assert.equal(fitCell('数据', user, cells), '数据    ');
	assert.equal(fitCell('数据分析平台', user, cells), '数据分… ', 'three whole characters and …, one cell of padding');
	const id: Column = {key: 'id', title: 'Id', width: 6, align: 'right'};
	assert.equal(fitCell('会话一二三四', id, cells), ' …三四', 'the end of an id, right-aligned');
	assert.equal(cells(fitCell('会话一二三四', id, cells)), 6);
	// Without a measure, UTF-16 units as before.
	assert.equal(fitCell('数据', user), '数据      ');
});

test('a user name\'s usual twelve cells come before Service or Client grows (QA: flat at 100 columns, etl_loa… beside a Service of 16)', () => {
	const widest = {user: 27, client: 19, service: 22, server: 7};
	const width = (columns: ReturnType<typeof layoutColumns>, key: string) => columns.find((column) => column.key === key)?.width;
	const flat = layoutColumns(100, 7, 0, [], 'flat', widest);
	assert.equal(width(flat, 'user'), 12);
	assert.ok(width(flat, 'service')! <= 12, `service ${width(flat, 'service')}`);
	// At 80, flat: the user whole to twelve, the client cut at its front (`…40.17:60464`) rather than the user at eight.
	assert.equal(width(layoutColumns(80, 7, 0, [], 'flat', widest), 'user'), 12);
	// A short user name takes no more than it needs: the room goes on to the others.
	const short = layoutColumns(100, 7, 0, [], 'flat', {...widest, user: 6});
	assert.equal(width(short, 'user'), 6);
	assert.ok(width(short, 'service')! >= 17, `service ${width(short, 'service')}`);
});

test('--columns: only the chosen, in their order after Id, each still only where the list has it and while it fits', () => {
	const keys = (columns: Column[]) => columns.map((column) => column.key);
	assert.deepEqual(keys(layoutColumns(200, 6, 0, [], 'service-state', undefined, ['idle', 'user', 'state'])), ['id', 'idle', 'user', 'state']);
	// MaxScale only with several watched, Server only when the list says its servers: chosen or not.
	assert.deepEqual(keys(layoutColumns(200, 6, 0, [], 'service-state', {server: 0}, ['maxscale', 'server', 'age'])), ['id', 'age']);
	assert.deepEqual(keys(layoutColumns(200, 6, 12, ['mx1:8989', 'mx2:8989'], 'service-state', undefined, ['maxscale', 'age'])), ['id', 'maxscale', 'age']);
	// Narrower, the same drop order: Memory before Idle before User.
	const at = (width: number) => keys(layoutColumns(width, 6, 0, [], 'service-state', undefined, ['memory', 'idle', 'user']));
	assert.deepEqual(at(34), ['id', 'memory', 'idle', 'user']);
	assert.deepEqual(at(28), ['id', 'idle', 'user']);
	assert.deepEqual(at(20), ['id', 'user']);
	// The default is every column in the usual order.
	assert.deepEqual(keys(layoutColumns(200, 6, 0, [], 'flat')), keys(layoutColumns(200, 6, 0, [], 'flat', undefined, ['user', 'client', 'service', 'server', 'state', 'age', 'idle', 'memory', 'io', 'maxscale'])));
});
