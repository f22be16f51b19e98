// A sentence on stderr may quote what the user gave: a flag's value, a variable, a config
// file's name. Whatever that holds, it must not reach the terminal as an escape sequence
// (security review: `-h $'evil\e]0;T\ahost'` set the window's title).

import assert from 'node:assert/strict';
import {chmodSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {assertOneLine, runCli, skipWithoutBuild, tempDir} from './helpers.js';

/** What a terminal could act on, the line's own end aside. */
// eslint-disable-next-line no-control-regex
const controlling = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

const cases: Array<{name: string; args: string[]; env?: Record<string, string>}> = [
	{name: '-h', args: ['-h', 'evil\u001B]0;T\u0007host', '--once']},
	{name: 'SESSIONTOP_HOSTS', args: ['--once'], env: {SESSIONTOP_HOSTS: 'x\u001B[2Jy'}},
	{name: '--sort', args: ['-h', '127.0.0.1:1', '--sort', 'id\u001B[2J', '--once']},
	{name: '--tls-ca-cert', args: ['-h', 'https://127.0.0.1:1', '--tls-ca-cert', '/tmp/\u001B[2Jx', '--once']},
	{name: '--timeout', args: ['-h', '127.0.0.1:1', '--timeout', '5\u009B2J', '--once']},
	{name: 'sessiontop simulate --host', args: ['simulate', '--host', '\u001B[2J', '--port', '1']},
];

test('a failure that quotes a setting, a flag or a variable shows its control characters as U+FFFD', {skip: skipWithoutBuild}, async () => {
	for (const {name, args, env} of cases) {
		// eslint-disable-next-line no-await-in-loop
		const run = await runCli(args, {env});
		assert.notEqual(run.code, 0, name);
		const line = assertOneLine(run.stderr);
		assert.doesNotMatch(line, controlling, `${name}: ${JSON.stringify(line)}`);
		assert.match(line, /\uFFFD/, `${name}: the setting is quoted, replaced: ${JSON.stringify(line)}`);
	}
});

test('a warning that quotes a config file\'s name shows its control characters as U+FFFD', {skip: skipWithoutBuild}, async (t) => {
	const folder = path.join(tempDir(t), 'cfg\u001B]0;T\u0007');
	mkdirSync(folder);
	const file = path.join(folder, 'maxctrl.cnf');
	writeFileSync(file, '[maxctrl]\npassword = secret\n');
	chmodSync(file, 0o644);
	const run = await runCli(['-c', file, '-h', '127.0.0.1:1', '--once', '--timeout', '1s']);
	const warning = run.stderr.split('\n').find((line) => line.startsWith('sessiontop: warning:'));
	assert.ok(warning?.includes('other users can read it'), run.stderr);
	assert.doesNotMatch(run.stderr.replaceAll('\n', ''), controlling, JSON.stringify(run.stderr));
});

