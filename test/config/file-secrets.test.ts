// A line of the config file that is not `name = value` is, to npm's ini, a key named by the
// whole line: `password: S3cr3tPW` in [maxctrl] came back on stderr as `"password: S3cr3tPW"
// … is not an option`. An unknown key's text is quoted only when it cannot be a secret (a
// near miss of an option, written `name = value`); else the line is named by its number, or
// by its leading word when that is an option's name. No value of such a key is ever shown.

import assert from 'node:assert/strict';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {after, before, test} from 'node:test';
import {loadConfig, type Config} from '../../source/config/options.js';
import type {Simulator} from '../../source/simulator/index.js';
import {runCli, simulator, skipWithoutBuild, tempDir} from '../batch/helpers.js';

const secret = 'S3cr3tPW';
/** Pieces of the secret a sentence might carry: its halves, as `S3cr=tPW` splits it. */
const pieces = /S3cr|3tPW|tPW|c2VjcmV0/;

function load(t: {after(fn: () => void): void}, text: string): {file: string; result: Config | {error: string}} {
	const home = tempDir(t);
	const file = path.join(home, 'mx.cnf');
	writeFileSync(file, text, {mode: 0o600});
	return {file, result: loadConfig({config: file}, {}, home)};
}

function said(result: Config | {error: string}): string[] {
	return 'error' in result ? [result.error] : result.warnings;
}

const reads = 'sessiontop reads hosts, user, password, timeout, secure, tls-key, tls-cert, tls-passphrase, tls-ca-cert, tls-verify-server-cert there';

test('[maxctrl]: a password line without "=" is named by its leading option, never quoted', (t) => {
	for (const line of [`password: ${secret}`, `password ${secret}`, `password\t${secret} ; note`, `p:${secret}`]) {
		const {file, result} = load(t, `[maxctrl]\nuser = me\n${line}\n`);
		const word = line.startsWith('p:') ? 'p' : 'password';
		assert.deepEqual(said(result), [`line 3 in [maxctrl] of ${file} starts with "${word}" but has no "=", so it is ignored: write it as ${word} = value.`], line);
	}
});

test('[maxctrl]: a line that may be the password itself is named by its number alone', (t) => {
	for (const [line, sentence] of [
		[secret, `line 2 in [maxctrl] of FILE is neither an option nor name = value, so it is ignored: write each option as name = value (${reads}).`],
		[`${secret} and more`, `line 2 in [maxctrl] of FILE is neither an option nor name = value, so it is ignored: write each option as name = value (${reads}).`],
		// A password with `=` in it, alone on its line: ini reads `S3cr` as a key, `tPW` as its value.
		['S3cr=tPW', `the key on line 2 in [maxctrl] of FILE is not an option of maxctrl or sessiontop, so it is ignored: check its spelling (${reads}).`],
		['c2VjcmV0==', `the key on line 2 in [maxctrl] of FILE is not an option of maxctrl or sessiontop, so it is ignored: check its spelling (${reads}).`],
		// An unknown key's value is never shown, nor its name when no option is near it.
		[`colour = ${secret}`, `the key on line 2 in [maxctrl] of FILE is not an option of maxctrl or sessiontop, so it is ignored: check its spelling (${reads}).`],
	] as const) {
		const {file, result} = load(t, `[maxctrl]\n${line}\n`);
		const sentences = said(result);
		assert.deepEqual(sentences.map((text) => text.replace(file, 'FILE')), [sentence], line);
		assert.doesNotMatch(sentences.join('\n'), pieces, line);
	}
});

test('[maxctrl]: a typo written as name = value is still quoted, with the option it likely meant', (t) => {
	const {file, result} = load(t, `[maxctrl]\npasword = ${secret}\n`);
	assert.deepEqual(said(result), [`"pasword" in [maxctrl] of ${file} is not an option of maxctrl or sessiontop, so it is ignored: did you mean password?`]);
});

test('[sessiontop]: the same naming, as an error', (t) => {
	for (const [line, sentence] of [
		['interval 1s', 'line 2 in [sessiontop] of FILE starts with "interval" but has no "=": write it as interval = value.'],
		[`password: ${secret}`, 'line 2 in [sessiontop] of FILE starts with "password" but has no "=": write it as password = value, under [maxctrl].'],
		[secret, 'line 2 in [sessiontop] of FILE is neither a setting nor name = value: write each as name = value (interval, sort, grouping, columns, readonly, mouse, max-body or server-tz).'],
		[`colour = ${secret}`, 'the key on line 2 in [sessiontop] of FILE is not a setting: use interval, sort, grouping, columns, readonly, mouse, max-body or server-tz.'],
		['intervall = 1s', '"intervall" in [sessiontop] of FILE is not a setting: did you mean interval?'],
	] as const) {
		const {file, result} = load(t, `[sessiontop]\n${line}\n`);
		assert.ok('error' in result, line);
		assert.equal(result.error.replace(file, 'FILE'), sentence);
		assert.doesNotMatch(result.error, pieces, line);
	}
});

test('a password key without a value is named, its line never quoted', (t) => {
	const {file, result} = load(t, '[maxctrl]\npassword\n');
	assert.deepEqual(said(result), [`password in [maxctrl] of ${file} has no value: write it as password = value.`]);
});

let sim: Simulator;
before(async () => {
	sim = await simulator();
});
after(async () => {
	await sim.close();
});

test('the CLI: QA\'s ~/.maxctrl.cnf, a warning on stderr without the password', {skip: skipWithoutBuild}, async (t) => {
	const home = tempDir(t);
	const cnf = path.join(home, '.maxctrl.cnf');
	writeFileSync(cnf, `[maxctrl]\nhosts = 127.0.0.1:${sim.port}\npassword: ${secret}\n`, {mode: 0o600});
	const run = await runCli(['--once'], {home});
	assert.equal(run.code, 0, run.stderr);
	assert.doesNotMatch(run.stderr, pieces);
	assert.equal(run.stderr, `sessiontop: warning: line 3 in [maxctrl] of ${cnf} starts with "password" but has no "=", so it is ignored: write it as password = value.\n`);
});

test('a password line without "=" in a file others can read still draws the permission warning', (t) => {
	const home = tempDir(t);
	const file = path.join(home, 'mx.cnf');
	writeFileSync(file, `[maxctrl]\npassword: ${secret}\n`, {mode: 0o644});
	const config = loadConfig({config: file}, {}, home);
	assert.ok(!('error' in config));
	assert.equal(config.warnings.at(-1), `${file} holds a password and other users can read it (mode 0644): run chmod 600 ${file}.`);
});
