import assert from 'node:assert/strict';
import {test} from 'node:test';
import {addressKey, ipv4Number, ipv6Hex} from '../../source/model/address-order.js';

test('ipv6Hex: every way of writing an IPv6 address gives its 32 hex digits; anything else none', () => {
	assert.equal(ipv6Hex('::1'), `${'0'.repeat(31)}1`);
	assert.equal(ipv6Hex('::'), '0'.repeat(32));
	assert.equal(ipv6Hex('2001:db8::1'), '20010db8000000000000000000000001');
	assert.equal(ipv6Hex('2001:DB8:0:0:0:0:0:1'), ipv6Hex('2001:db8::1'), 'case and shortening do not matter');
	assert.equal(ipv6Hex('fe80::1%eth0'), 'fe800000000000000000000000000001', 'a zone is no part of the order');
	assert.equal(ipv6Hex('::ffff:10.0.1.32'), '00000000000000000000ffff0a000120', 'a dotted IPv4 tail');
	assert.equal(ipv6Hex('1::2:3:4:5:6:7'), '00010000000200030004000500060007');
	for (const bad of ['10.0.0.1', 'db1.example', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '1::2::3', '12345::1', 'g::1', '::ffff:10.0.1.256', ':', '1:2:3:4:5:6:7:8::']) {
		assert.equal(ipv6Hex(bad), undefined, bad);
	}
});

test('addressKey: IPv4 by number, then IPv6 by number, then names as text', () => {
	const addresses = ['db1.example', 'fd12:3456:789a:1::21', '10.0.8.105', '::1', '2001:db8::1', '10.0.8.9', '0.0.0.1', '1host', '300.1.1.1'];
	const sorted = addresses.toSorted((a, b) => (addressKey(a) < addressKey(b) ? -1 : addressKey(a) > addressKey(b) ? 1 : 0));
	assert.deepEqual(sorted, ['0.0.0.1', '10.0.8.9', '10.0.8.105', '::1', '2001:db8::1', 'fd12:3456:789a:1::21', '1host', '300.1.1.1', 'db1.example']);
	assert.equal(ipv4Number('10.0.8.9'), (10 * 2 ** 24) + (8 * 256) + 9);
	assert.equal(ipv4Number('300.1.1.1'), undefined);
});
