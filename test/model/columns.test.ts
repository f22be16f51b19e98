import assert from 'node:assert/strict';
import {test} from 'node:test';
import {cellText, columnText, fitCell, layoutColumns} from '../../source/model/columns.js';
import {formatBytes, formatClient, formatDuration} from '../../source/model/format.js';
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
	assert.deepEqual(keys(40), ['id', 'user', 'client', 'idle']);
	assert.deepEqual(keys(33), ['id', 'user', 'client']);
	assert.deepEqual(keys(20), ['id', 'user']);
});

test('cells show unknown as ?, and fit their column', () => {
	const bare = session(7, {state: ''});
	const columns = layoutColumns(120);
	for (const column of columns) {
		const cell = fitCell(cellText(bare, column.key), column);
		assert.equal(cell.length, column.width);
		if (column.key !== 'id') {
			assert.equal(cell.trim(), '?');
		}
	}

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
	assert.equal(formatClient('::ffff:127.0.0.1', 4000), '[::ffff:127.0.0.1]:4000');
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
