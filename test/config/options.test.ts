import assert from 'node:assert/strict';
import {test} from 'node:test';
import {parseDuration} from '../../source/config/duration.js';
import {buildConfig} from '../../source/config/options.js';
import {parseTarget} from '../../source/config/target.js';

test('defaults follow maxctrl', () => {
	const config = buildConfig({});
	assert.ok(!('error' in config));
	assert.deepEqual(config.targets, [{origin: 'http://127.0.0.1:8989', label: '127.0.0.1:8989'}]);
	assert.equal(config.user, 'admin');
	assert.equal(config.password, 'mariadb');
	assert.equal(config.intervalMs, 2000);
	assert.equal(config.timeoutMs, 10_000);
	assert.equal(config.tlsVerify, true);
});

test('hosts: host:port, bare host, IPv6, URLs, --secure, comma lists', () => {
	assert.deepEqual(parseTarget('mx1', false), {origin: 'http://mx1:8989', label: 'mx1:8989'});
	assert.deepEqual(parseTarget('mx1:9000', true), {origin: 'https://mx1:9000', label: 'mx1:9000'});
	assert.deepEqual(parseTarget('[::1]:8989', false), {origin: 'http://[::1]:8989', label: '[::1]:8989'});
	assert.deepEqual(parseTarget('https://mx.example.com', false), {origin: 'https://mx.example.com:443', label: 'mx.example.com:443'});
	const config = buildConfig({hosts: 'a:1,b:2'});
	assert.ok(!('error' in config));
	assert.equal(config.targets.length, 2);
});

test('mistakes become one sentence', () => {
	for (const [flags, pattern] of [
		[{hosts: 'ftp://x'}, /speaks http or https/],
		[{hosts: 'a:1,'}, /empty host/],
		[{hosts: 'http://admin:pw@mx:8989'}, /not in the host URL/],
		[{hosts: 'a b:1'}, /not a host:port/],
		[{interval: '0.1'}, /0\.5s to 60s/],
		[{interval: '61s'}, /0\.5s to 60s/],
		[{interval: 'soon'}, /not a duration/],
		[{timeout: 'x'}, /not a duration/],
	] as const) {
		const config = buildConfig(flags);
		assert.ok('error' in config, JSON.stringify(flags));
		assert.match(config.error, pattern);
		assert.doesNotMatch(config.error, /pw/);
	}
});

test('durations', () => {
	assert.equal(parseDuration('2s', 's'), 2000);
	assert.equal(parseDuration('2', 's'), 2000);
	assert.equal(parseDuration('500ms', 's'), 500);
	assert.equal(parseDuration('1.5s', 'ms'), 1500);
	assert.equal(parseDuration('1m', 's'), 60_000);
	assert.equal(parseDuration('10000', 'ms'), 10_000);
	assert.equal(parseDuration('-1', 's'), undefined);
	assert.equal(parseDuration('2h', 's'), undefined);
});
