// An http(s) URL in -h may carry a reverse proxy's path prefix (`/maxscale/`), kept for
// every request (test/api/client-prefix.test.ts) and in the label, so that two MaxScales
// behind one proxy stay two; a query or a fragment is refused in one sentence.

import assert from 'node:assert/strict';
import {test} from 'node:test';
import {buildConfig} from '../../source/config/options.js';
import {parseTarget} from '../../source/config/target.js';

test('a path after the port is a prefix: trailing slashes dropped, / is none', () => {
	assert.deepEqual(parseTarget('http://127.0.0.1:7929/maxscale/', false), {origin: 'http://127.0.0.1:7929', label: '127.0.0.1:7929/maxscale', pathPrefix: '/maxscale'});
	assert.deepEqual(parseTarget('https://proxy/a/b', false), {origin: 'https://proxy:443', label: 'proxy:443/a/b', pathPrefix: '/a/b'});
	assert.deepEqual(parseTarget('mx1:8989/mx', false), {origin: 'http://mx1:8989', label: 'mx1:8989/mx', pathPrefix: '/mx'});
	assert.deepEqual(parseTarget('http://mx1:8989/', false), {origin: 'http://mx1:8989', label: 'mx1:8989'});
	// Percent-encoded as URL writes it: no control character reaches a label.
	assert.deepEqual(parseTarget('http://p/a\u001Bb c', false), {origin: 'http://p:80', label: 'p:80/a%1Bb%20c', pathPrefix: '/a%1Bb%20c'});
});

test('two prefixes on one proxy are two MaxScales; one prefix written twice is one', () => {
	const two = buildConfig({hosts: 'http://proxy/mx1/,http://proxy/mx2'});
	assert.ok(!('error' in two));
	assert.deepEqual(two.targets.map((target) => target.label), ['proxy:80/mx1', 'proxy:80/mx2']);
	const one = buildConfig({hosts: 'http://proxy/mx1/,http://proxy:80/mx1'});
	assert.ok(!('error' in one));
	assert.equal(one.targets.length, 1);
	assert.deepEqual(one.warnings, ['--hosts names proxy:80/mx1 more than once: each MaxScale is watched once.']);
});

test('a query or a fragment in a host is refused in one sentence, credentials never quoted', () => {
	for (const [hosts, expected] of [
		['http://127.0.0.1:7929/maxscale/?pretty=true', '"http://127.0.0.1:7929/maxscale/?…": a host takes no query or fragment (sessiontop writes each request\'s own): leave out the ? and what follows it.'],
		['http://mx:8989#top', '"http://mx:8989#…": a host takes no query or fragment (sessiontop writes each request\'s own): leave out the # and what follows it.'],
		['mx:8989?', '"mx:8989?…": a host takes no query or fragment (sessiontop writes each request\'s own): leave out the ? and what follows it.'],
		['http://mx:8989/?token=s3cret', '"http://mx:8989/?…": a host takes no query or fragment (sessiontop writes each request\'s own): leave out the ? and what follows it.'],
	] as const) {
		const config = buildConfig({hosts});
		assert.ok('error' in config, hosts);
		assert.equal(config.error, expected);
	}

	const fromEnv = buildConfig({}, {env: {SESSIONTOP_HOSTS: 'http://mx/?x'}});
	assert.ok('error' in fromEnv);
	assert.match(fromEnv.error, /^SESSIONTOP_HOSTS: "http:\/\/mx\/\?…": a host takes no query/);
});
