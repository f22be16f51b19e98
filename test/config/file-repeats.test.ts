// Two things npm's ini does to ~/.maxctrl.cnf without a word: `password = A` then
// `password = B` silently used B (while a flag given twice is refused), and `password = true`
// became the boolean true, refused as "has no value". A setting given twice is now one
// sentence naming the file, the section and the keys with their lines, never the values;
// `true`, `false` and `null` after `=` are the text they spell for a text setting.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {test} from 'node:test';
import {loadConfig, type Config} from '../../source/config/options.js';
import {runCli, skipWithoutBuild, tempDir} from '../batch/helpers.js';

function load(t: {after(fn: () => void): void}, text: string): {file: string; result: Config | {error: string}} {
	const home = tempDir(t);
	const file = path.join(home, 'mx.cnf');
	writeFileSync(file, text, {mode: 0o600});
	return {file, result: loadConfig({config: file}, {}, home)};
}

function error(t: {after(fn: () => void): void}, text: string): string {
	const {file, result} = load(t, text);
	assert.ok('error' in result, `taken: ${text}`);
	assert.doesNotMatch(result.error, /first-pw|second-pw|third-pw/);
	return result.error.replace(file, 'FILE');
}

test('a setting given twice in its section is refused: the key, the section, the file and the lines', (t) => {
	assert.equal(error(t, '[maxctrl]\npassword = first-pw\npassword = second-pw\n'), 'password is given twice in [maxctrl] of FILE (lines 2 and 3): keep one of them.');
	// Under its short name and its long one, and across two [maxctrl] headings, which ini merges.
	assert.equal(error(t, '[maxctrl]\np = first-pw\n\n[maxctrl]\npassword = second-pw\n'), 'password is given twice in [maxctrl] of FILE (p on line 2 and password on line 5): keep one of them.');
	assert.equal(
		error(t, '[maxctrl]\npassword = first-pw\np = second-pw\npassword = third-pw\n'),
		'password is given 3 times in [maxctrl] of FILE (password on line 2, p on line 3 and password on line 4): keep one of them.',
	);
	assert.equal(error(t, '[maxctrl]\ntls-ca-cert = /a.pem\ntlsCaCert = /b.pem\n'), 'tls-ca-cert is given twice in [maxctrl] of FILE (tls-ca-cert on line 2 and tlsCaCert on line 3): keep one of them.');
	assert.equal(error(t, '[sessiontop]\ninterval = 1s\ninterval = 2s\n'), 'interval is given twice in [sessiontop] of FILE (lines 2 and 3): keep one of them.');
	// A bare switch twice is a setting given twice as well.
	assert.equal(error(t, '[maxctrl]\nsecure\ns = false\n'), 'secure is given twice in [maxctrl] of FILE (secure on line 2 and s on line 3): keep one of them.');
});

test('what is not a repeat: one key in each section, other sections, and lists keep their own sentence', (t) => {
	const {result} = load(t, '[maxctrl]\nuser = me\n[other]\nuser = you\n[sessiontop]\nsort = idle\n[maxctrl.extra]\nuser = them\n');
	assert.ok(!('error' in result), 'error' in result ? result.error : '');
	assert.equal(result.user, 'me');
	assert.match(error(t, '[maxctrl]\nhosts[] = mx1\nhosts[] = mx2\n'), /^hosts\[\] in \[maxctrl\] of FILE is a list, but a key there takes one value/);
});

test('password = true, false or null is the text: ini would make it a boolean or null', (t) => {
	for (const [line, password] of [
		['password = true', 'true'],
		['password = false', 'false'],
		['p = "true"', 'true'],
		["password = 'null'", 'null'],
	] as const) {
		const {result} = load(t, `[maxctrl]\n${line}\n`);
		assert.ok(!('error' in result), `${line}: ${'error' in result ? result.error : ''}`);
		assert.equal(result.password, password, line);
	}

	const {result} = load(t, '[maxctrl]\nuser = true\ntls-passphrase = false\nsecure = false\n[sessiontop]\nreadonly = true\n');
	assert.ok(!('error' in result));
	assert.deepEqual([result.user, result.tlsPassphrase, result.readonly, result.targets[0]?.origin], ['true', 'false', true, 'http://127.0.0.1:8989']);
	// A bare `password` (no `=`) is still a key without a value.
	assert.match(error(t, '[maxctrl]\npassword\n'), /^password in \[maxctrl\] of FILE has no value: write it as password = value\.$/);
});

test('the CLI: a repeated key stops it with exit 2 and one sentence', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const cnf = path.join(home, '.maxctrl.cnf');
	writeFileSync(cnf, '[maxctrl]\npassword = first-pw\npassword = second-pw\n', {mode: 0o600});
	const run = await runCli(['--once'], {home});
	assert.equal(run.code, 2);
	assert.equal(run.stderr, `sessiontop: password is given twice in [maxctrl] of ${cnf} (lines 2 and 3): keep one of them.\n`);
});
