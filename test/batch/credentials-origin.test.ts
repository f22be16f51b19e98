// The built CLI against a simulator with user mon: a 401 names where the user and the
// password came from (the config file, a variable, a flag) and the user tried, never the
// password; an empty `p =` in the file with nothing on stdin (cron) names the key.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import type {Simulator} from '../../source/simulator/index.js';
import {assertOneLine, runCli, simulator, skipWithoutBuild, tempDir} from './helpers.js';

let sim: Simulator;
let host: string;
before(async () => {
	sim = await simulator({basicUser: {user: 'mon', password: 'Mx#2024;prod'}});
	host = `127.0.0.1:${sim.port}`;
});

after(async () => {
	await sim.close();
});

const options = {skip: skipWithoutBuild};

test('a password cut at # in the config file: the 401 names the file\'s keys and the comment rule', options, async (t) => {
	const home = tempDir(t);
	const file = path.join(home, '.maxctrl.cnf');
	writeFileSync(file, '[maxctrl]\nuser = mon\npassword = Mx#2024;prod\n', {mode: 0o600});
	const run = await runCli(['-h', host, '--tsv'], {home});
	assert.equal(run.code, 1, run.stderr);
	const line = assertOneLine(run.stderr, 'Mx#2024');
	assert.equal(
		line,
		`sessiontop: ${host} refused the credentials (401 Access denied): check the user "mon" (user in [maxctrl] of ${file}) and the password (password in [maxctrl] of ${file}; a # or ; in a value starts a comment unless quoted).`,
	);
	// No piece of the password anywhere but in the file's own name, whose random part can hold
	// `Mx` (a fresh clone's run failed on /tmp/sessiontop-test-MxfxsO).
	assert.doesNotMatch(line.replaceAll(file, '<file>'), /Mx|2024|prod/);

	// Quoted, as the readme says, it is the whole password.
	writeFileSync(file, '[maxctrl]\nuser = mon\npassword = "Mx#2024;prod"\n', {mode: 0o600});
	const quoted = await runCli(['-h', host, '--tsv'], {home});
	assert.equal(quoted.code, 0, quoted.stderr);
});

test('from variables and flags: the 401 names them, and the user tried', options, async () => {
	const [fromEnv, fromFlags] = await Promise.all([
		runCli(['-h', host, '--tsv'], {env: {MAXCTRL_USER: 'mon', SESSIONTOP_PASSWORD: 'wrong-pw-1'}}),
		runCli(['-h', host, '--tsv', '-u', 'mon', '-p', 'wrong-pw-2']),
	]);
	assert.equal(fromEnv.code, 1);
	assert.match(assertOneLine(fromEnv.stderr, 'wrong-pw-1'), /: check the user "mon" \(MAXCTRL_USER\) and the password \(SESSIONTOP_PASSWORD\)\.$/);
	assert.equal(fromFlags.code, 1);
	assert.match(assertOneLine(fromFlags.stderr, 'wrong-pw-2'), /: check the user "mon" \(--user\) and the password \(--password\)\.$/);
});

test('an empty p = in the file, run with nothing on stdin: the key is named, not a pipe', options, async (t) => {
	const home = tempDir(t);
	const file = path.join(home, '.maxctrl.cnf');
	writeFileSync(file, '[maxctrl]\nuser = mon\np =\n', {mode: 0o600});
	const run = await runCli(['-h', host, '--tsv'], {home});
	assert.equal(run.code, 2, run.stderr);
	assert.equal(
		assertOneLine(run.stderr),
		`sessiontop: p in [maxctrl] of ${file} is empty, which asks for the password, but stdin is no terminal and held nothing: write the password there, or pipe it into sessiontop.`,
	);

	// Piped, it is read, and the 401 of a wrong one says it came from stdin.
	const piped = await runCli(['-h', host, '--tsv'], {home, input: 'wrong-pw-3\n'});
	assert.equal(piped.code, 1);
	assert.match(assertOneLine(piped.stderr, 'wrong-pw-3'), /and the password on stdin's first line \(p in \[maxctrl\] of \S+ is empty\)\.$/);
});
