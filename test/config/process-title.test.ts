// `-p S3cr3t` on the command line is in /proc/PID/cmdline, which every local user can read
// (`ps`), until the process title replaces it. meow set the title, but only once its bundle
// had loaded: cli.tsx sets it first, and loads meow and the rest after. The built CLI runs
// with a load hook that reads /proc/self/cmdline as each module loads.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {test} from 'node:test';
import {fileURLToPath} from 'node:url';
import {runCli, skipWithoutBuild, tempDir} from '../batch/helpers.js';

const preload = fileURLToPath(new URL('fixtures/cmdline-at-load.mjs', import.meta.url));
const secret = 'S3cr3tPW-on-the-command-line';
const skip = skipWithoutBuild || (process.platform === 'linux' ? false : '/proc/self/cmdline is Linux\'s');

test('no module after cli.js itself loads while the command line still shows the password', {skip}, async (t) => {
	const log = path.join(tempDir(t), 'cmdline.log');
	const run = await runCli(['-h', '127.0.0.1:1', '-p', secret, '--once'], {nodeArgs: ['--import', preload], env: {CMDLINE_LOG: log, CMDLINE_SECRET: secret}});
	assert.equal(run.code, 1, run.stderr);
	assert.doesNotMatch(run.stderr, new RegExp(secret));
	const loads = readFileSync(log, 'utf8').trimEnd().split('\n').map((line) => line.split('\t') as [string, string]);
	const cli = loads.findIndex(([url]) => url.endsWith('/build/cli.js'));
	assert.ok(cli !== -1, `cli.js was loaded: ${loads.map(([url]) => url).join('\n')}`);
	// The control: the hook does see the password while it is there.
	assert.equal(loads[cli]![1], 'true', 'the password is on the command line as cli.js loads');
	const after = loads.slice(cli + 1).filter(([url]) => !url.startsWith('node:'));
	assert.ok(after.some(([url]) => url.endsWith('/build/vendor/meow.js')), 'meow is loaded after cli.js');
	assert.deepEqual(after.filter(([, shown]) => shown === 'true').map(([url]) => url), [], 'modules loaded while the password was in view');
});
