import assert from 'node:assert/strict';
import {test} from 'node:test';
import {compactCount, formatBytes, formatClient, formatCount, formatDuration, mappedIpv4, reportedClient} from '../../source/model/format.js';
import {fitCell} from '../../source/model/cells.js';
import {layoutColumns} from '../../source/model/columns.js';

test('an IPv4-mapped client shows as the IPv4 address it is; real IPv6 stays in brackets', () => {
	assert.equal(formatClient('::ffff:172.16.30.4', 34_567), '172.16.30.4:34567');
	assert.equal(formatClient('::FFFF:10.0.0.1', 4000), '10.0.0.1:4000', 'case-insensitive');
	assert.equal(formatClient('::ffff:10.0.0.1', undefined), '10.0.0.1');
	assert.equal(formatClient('10.0.0.1', 4000), '10.0.0.1:4000');
	assert.equal(formatClient('2001:db8::1', 4000), '[2001:db8::1]:4000');
	assert.equal(formatClient('::1', 4000), '[::1]:4000');
	assert.equal(formatClient('2001:db8::1', undefined), '2001:db8::1');
	assert.equal(formatClient(undefined, 4000), '?');
});

test('only ::ffff: and a dotted quad is IPv4-mapped', () => {
	assert.equal(mappedIpv4('::ffff:127.0.0.1'), '127.0.0.1');
	assert.equal(mappedIpv4('::ffff:255.255.255.255'), '255.255.255.255');
	for (const other of ['::ffff:256.0.0.1', '::ffff:10.0.0', '::ffff:10.0.0.1.2', '::ffff:0:10.0.0.1', '::ffff:a00:1', '::ffff:10.0.0.1%eth0', 'x::ffff:10.0.0.1', '::ffff:10.0.0.1 ', '::1', '10.0.0.1']) {
		assert.equal(mappedIpv4(other), undefined, other);
	}

	// Not an address at all (the server's strings are untrusted): as reported.
	assert.equal(formatClient('::ffff:999.1.1.1', 1), '[::ffff:999.1.1.1]:1');
});

test('the reported form keeps the address as MaxScale gave it', () => {
	assert.equal(reportedClient('::ffff:10.0.0.1', 4000), '[::ffff:10.0.0.1]:4000');
	assert.equal(reportedClient('10.0.0.1', 4000), '10.0.0.1:4000');
	assert.equal(reportedClient('::ffff:10.0.0.1', undefined), '::ffff:10.0.0.1');
});

test('counts in units, never past four cells, rounding up to the next unit', () => {
	assert.equal(compactCount(999), '999');
	assert.equal(compactCount(1234), '1.2k');
	assert.equal(compactCount(99_999), '100k');
	assert.equal(compactCount(123_456), '123k');
	assert.equal(compactCount(999_499), '999k');
	assert.equal(compactCount(999_500), '1.0M');
	assert.equal(compactCount(9_960_000), '10M');
	assert.equal(compactCount(1_234_567_890), '1.2G');
	for (let value = 1000; value < 1e15; value = Math.ceil(value * 1.37)) {
		assert.ok(compactCount(value).length <= 4, `${value}: ${compactCount(value)}`);
	}
});

test('a number no session can have (1e308 seconds, bytes or events) is unknown, never cut among its digits', () => {
	assert.equal(formatDuration(1e308), '?');
	assert.equal(formatDuration(99_999 * 86_400), '99999d');
	assert.equal(formatBytes(1.23e29), '?');
	assert.equal(formatBytes(2 ** 60), '1.0E');
	assert.equal(formatBytes(5 * 2 ** 50), '5.0P');
	assert.equal(compactCount(1e308), '?');
	// The --once table's I/O, whole: 1e+308 was printed as such.
	assert.equal(formatCount(1e308), '?');
	assert.equal(formatCount(-1), '?', 'QA: no count is negative, as no time or size is');
	assert.equal(formatCount(0), '0');
	assert.equal(formatCount(123_456_789), '123456789');
	assert.equal(compactCount(5e14), '500T');
	const io = layoutColumns(80).find((column) => column.key === 'io');
	assert.ok(io);
	assert.equal(fitCell(String(1e308), io).trim(), '?');
	assert.equal(fitCell(String(1e13), io).trim(), '10T');
});

test("QA: a state named like one of Object's own members is shown as sent (constructor crashed the monitor)", async () => {
	const {shortState} = await import('../../source/model/format.js');
	for (const state of ['constructor', 'toString', 'valueOf', '__proto__', 'hasOwnProperty']) {
		assert.equal(shortState(state), state);
	}

	assert.equal(shortState('Session started'), 'started');
});
