// npm's ini (maxctrl's parser) reads `key[] = value` as a list, the [] dropped from the
// key: the file's keys take one value each, and such a key is said to be a list, with
// how to write it, not "has no value".

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {loadConfig} from '../../source/config/options.js';
import {tempDir} from '../batch/helpers.js';

function load(t: {after(fn: () => void): void}, text: string): string {
	const home = tempDir(t);
	const file = path.join(home, 'mx.cnf');
	writeFileSync(file, text, {mode: 0o600});
	const config = loadConfig({config: file}, {}, home);
	assert.ok('error' in config, 'refused');
	return config.error.replace(file, 'FILE');
}

test('hosts[] = … is a list: write the hosts comma-separated', (t) => {
	const hosts = 'hosts[] in [maxctrl] of FILE is a list, but a key there takes one value: write hosts = mx1:8989,mx2:8989 (the hosts comma-separated).';
	assert.equal(load(t, '[maxctrl]\nhosts[] = mx1:8989\nhosts[] = mx2:8989\n'), hosts);
	assert.equal(load(t, '[maxctrl]\nhosts[] = mx1:8989\n'), hosts);
	assert.equal(load(t, '[maxctrl]\nh = mx0\nh[] = mx1\n'), 'h[] in [maxctrl] of FILE is a list, but a key there takes one value: write h = mx1:8989,mx2:8989 (the hosts comma-separated).');
});

test('any other key written as a list: one value, once; a secret is never quoted', (t) => {
	assert.equal(load(t, '[maxctrl]\npassword[] = s3cret\n'), 'password[] in [maxctrl] of FILE is a list, but a key there takes one value: write password = value, once.');
	assert.equal(load(t, '[maxctrl]\nsecure[] = true\n'), 'secure[] in [maxctrl] of FILE is a list, but a key there takes one value: write secure = value, once.');
	assert.equal(load(t, '[sessiontop]\ninterval[] = 1s\n'), 'interval[] in [sessiontop] of FILE is a list, but a key there takes one value: write interval = value, once.');
});
